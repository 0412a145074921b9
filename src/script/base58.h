// Base58 and Base58Check, the encodings of legacy addresses and WIF keys.
//
// Contract: pure functions; decoding reports failure with std::nullopt and
// never reads past the input. Decoding follows Bitcoin Core exactly: leading
// and trailing whitespace (space, \t, \n, \v, \f, \r) is skipped, anything
// else outside the alphabet -- including whitespace inside the number and
// NUL bytes -- makes the input invalid.
#ifndef UTXO_SCRIPT_BASE58_H
#define UTXO_SCRIPT_BASE58_H

#include <util/byte_span.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace script {

// Base58 of `input`: one '1' per leading zero byte, then the big-endian number.
std::string EncodeBase58(util::ByteSpan input);

// Decodes a Base58 string. Fails when the result would be longer than
// `max_output_size` bytes (checked while decoding, so long inputs are cheap to
// reject) or on any character outside the alphabet.
std::optional<util::Bytes> DecodeBase58(std::string_view text, size_t max_output_size);

// Base58 of `payload` followed by the first 4 bytes of its double SHA-256.
std::string EncodeBase58Check(util::ByteSpan payload);

// Decodes Base58Check and verifies the 4-byte checksum; returns the payload
// without it. Fails on a bad checksum, fewer than 4 decoded bytes, or a
// payload longer than `max_payload_size`.
std::optional<util::Bytes> DecodeBase58Check(std::string_view text, size_t max_payload_size);

} // namespace script

#endif // UTXO_SCRIPT_BASE58_H
