// Parsing the output descriptors (BIP380-BIP382, BIP385) that name a single
// script without any key derivation: addr(ADDR), raw(HEX), pk(KEY),
// pkh(KEY), wpkh(KEY) with hex public keys, and an optional "#checksum"
// that must then be right. What generatetodescriptor and friends accept.
//
// Contract: pure function; errors are Bitcoin Core's messages.
#ifndef UTXO_SCRIPT_DESCRIPTOR_PARSE_H
#define UTXO_SCRIPT_DESCRIPTOR_PARSE_H

#include <script/address_params.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <string_view>

namespace script {

util::Result<util::Bytes> ParseSingleScriptDescriptor(std::string_view descriptor, const AddressParams& params);

} // namespace script

#endif // UTXO_SCRIPT_DESCRIPTOR_PARSE_H
