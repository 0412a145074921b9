// Base64 with the standard alphabet and padding (RFC 4648 section 4).
//
// Decoding is strict, because its input is untrusted (an HTTP Authorization
// header): the length must be a multiple of four, '=' may appear only as the
// last one or two characters, no whitespace or line breaks are accepted, and
// the unused bits of the last group must be zero (RFC 4648 section 3.5), so
// every byte string has exactly one accepted encoding. Callers trim
// surrounding whitespace themselves when their protocol allows it.
#ifndef UTXO_UTIL_BASE64_H
#define UTXO_UTIL_BASE64_H

#include <util/byte_span.h>

#include <optional>
#include <string>
#include <string_view>

namespace util {

// Padded base64 of the bytes; empty input gives "".
std::string EncodeBase64(ByteSpan bytes);

// The decoded bytes, or std::nullopt for anything EncodeBase64 would not
// produce. "" decodes to no bytes.
std::optional<Bytes> DecodeBase64(std::string_view text);

} // namespace util

#endif // UTXO_UTIL_BASE64_H
