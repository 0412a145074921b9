// The output descriptor Bitcoin Core infers for a bare output script
// (decodescript / decoderawtransaction "desc"), with its BIP380 checksum.
//
// Contract: pure function of the script and the network's address prefixes;
// uses no wallet or signing data, so it never finds key origins or scripts
// behind hashes, exactly as Core with an empty signing provider.
#ifndef UTXO_SCRIPT_DESCRIPTOR_INFER_H
#define UTXO_SCRIPT_DESCRIPTOR_INFER_H

#include <script/address_params.h>
#include <util/byte_span.h>

#include <string>

namespace script {

// In order of preference (Core v29's InferDescriptor at the top level):
// - P2PK with a compressed or uncompressed key (header 02, 03 or 04; the
//   point is not checked): "pk(KEY)";
// - bare multisig whose keys all have such headers: "multi(M,KEY,...)";
// - P2TR whose output key is a valid x-only point: "rawtr(XONLY)";
// - a script with an address that re-encodes to the same bytes:
//   "addr(ADDRESS)";
// - anything else, including P2PK or multisig with hybrid keys: "raw(HEX)".
// Each followed by "#" and the checksum.
std::string InferDescriptor(util::ByteSpan script, const AddressParams& params);

} // namespace script

#endif // UTXO_SCRIPT_DESCRIPTOR_INFER_H
