// Bech32 (BIP173) and Bech32m (BIP350): the checksummed base-32 strings of
// segwit addresses, plus Bitcoin Core's error locator for invalid strings.
//
// Contract: pure functions; no state. Decoding never reads past its input and
// reports errors as values. Encoding has preconditions (asserted): the HRP is
// lower case and every value is below 32.
#ifndef UTXO_SCRIPT_BECH32_H
#define UTXO_SCRIPT_BECH32_H

#include <util/byte_span.h>
#include <util/result.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace script {

enum class Bech32Encoding {
    BECH32,  // BIP173 checksum constant 1
    BECH32M, // BIP350 checksum constant 0x2bc830a3
};

// Longest string BIP173 allows (segwit addresses).
inline constexpr size_t BECH32_MAX_LENGTH = 90;

struct Bech32Decoded {
    Bech32Encoding encoding;
    std::string hrp;       // lower case
    util::Bytes values;    // 5-bit values of the data part, checksum removed
};

// hrp + '1' + the values and the 6-value checksum in the bech32 charset.
// Preconditions: `hrp` has no upper-case letters; each value is < 32.
std::string Bech32Encode(Bech32Encoding encoding, std::string_view hrp, util::ByteSpan values);

// Decodes a bech32 or bech32m string of at most `max_length` characters:
// characters 33..126 only, not mixed case, a non-empty HRP before the last
// '1', at least 6 data characters after it, all in the charset, and a valid
// checksum of either kind. The HRP comes back lower case. On failure the error
// is the message LocateBech32Errors gives for the string.
util::Result<Bech32Decoded> Bech32Decode(std::string_view text, size_t max_length = BECH32_MAX_LENGTH);

// What is wrong with a string that does not decode, as Bitcoin Core reports
// it: `message` is one of "Bech32 string too long", "Invalid character or
// mixed case", "Missing separator", "Invalid separator position", "Invalid
// Base 32 character", "Invalid Bech32 checksum", "Invalid Bech32m checksum" or
// "Invalid checksum"; `positions` are the offending character indices (for a
// bad checksum: the one or two substitutions in the data part that would fix
// it, when such exist). For a valid string the message is empty.
struct Bech32Errors {
    std::string message;
    std::vector<int> positions;
};
Bech32Errors LocateBech32Errors(std::string_view text, size_t max_length = BECH32_MAX_LENGTH);

// Regroups the bits of `in` (each value `from_bits` wide, most significant bit
// first) into `to_bits`-wide values. With `pad`, a final partial group is
// zero-padded; without it, fails when more than from_bits-1 bits are left
// over or the leftover bits are not zero (BIP173's rule for 5-to-8). Also
// fails when an input value does not fit in `from_bits`.
// Preconditions: 1 <= from_bits, to_bits <= 8.
std::optional<util::Bytes> ConvertBits(util::ByteSpan in, int from_bits, int to_bits, bool pad);

} // namespace script

#endif // UTXO_SCRIPT_BECH32_H
