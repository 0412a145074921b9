// Byte containers and views used across utxod.
#ifndef UTXO_UTIL_BYTE_SPAN_H
#define UTXO_UTIL_BYTE_SPAN_H

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace util {

using Bytes = std::vector<uint8_t>;
using ByteSpan = std::span<const uint8_t>;
using WritableByteSpan = std::span<uint8_t>;

// The bytes of a string, for hashing text such as BIP340 tags.
inline ByteSpan AsBytes(std::string_view text)
{
    return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

} // namespace util

#endif // UTXO_UTIL_BYTE_SPAN_H
