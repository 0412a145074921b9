// The output descriptor checksum of BIP380 ("#" and 8 characters).
//
// Contract: pure functions; no state.
#ifndef UTXO_SCRIPT_DESCRIPTOR_CHECKSUM_H
#define UTXO_SCRIPT_DESCRIPTOR_CHECKSUM_H

#include <string>
#include <string_view>

namespace script {

// The 8-character checksum of `descriptor` (without any "#..." suffix), or ""
// when it contains a character outside BIP380's descriptor character set.
std::string DescriptorChecksum(std::string_view descriptor);

// `descriptor` + "#" + its checksum. Precondition: every character is in the
// descriptor character set (true for everything InferDescriptor builds).
std::string AddDescriptorChecksum(std::string_view descriptor);

} // namespace script

#endif // UTXO_SCRIPT_DESCRIPTOR_CHECKSUM_H
