// Hexadecimal encoding of bytes (lower case) and strict decoding.
#ifndef UTXO_UTIL_HEX_H
#define UTXO_UTIL_HEX_H

#include <util/byte_span.h>

#include <optional>
#include <string>
#include <string_view>

namespace util {

// Lower-case hex of the bytes, two characters each, no separators.
std::string HexStr(ByteSpan bytes);

// Value of one hex digit (either case), or -1 when `c` is not one.
int HexDigitValue(char c);

// Decodes an even-length string of hex digits (either case). Anything else,
// including whitespace or an odd length, gives std::nullopt.
std::optional<Bytes> TryParseHex(std::string_view hex);

// True when TryParseHex would succeed and the string is not empty.
bool IsHex(std::string_view hex);

} // namespace util

#endif // UTXO_UTIL_HEX_H
