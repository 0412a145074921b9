// The lax DER parse of ECDSA signatures that Bitcoin needs for signatures
// older than BIP66 (block 363725): OpenSSL, which validated them until 2015,
// accepted many violations of DER, and Bitcoin Core still parses legacy and
// segwit v0 signatures with the same tolerance (ecdsa_signature_parse_der_lax;
// the rules are described in libsecp256k1's contrib/lax_der_parsing.c). Since
// BIP66, script verification checks strict DER before a signature gets here,
// so the lax rules matter for old blocks and for scripts without DERSIG.
//
// Accepted (the signature is parsed):
//   - 0x30, then a sequence length that is never checked: in short form it is
//     ignored; in long form (0x80 | n) its n bytes are skipped, as long as the
//     input holds n more bytes;
//   - two INTEGERs (tag 0x02) R and S; a length in long form may have any
//     number of leading zero bytes, then at most 3 significant bytes;
//   - integer contents with any number of leading zero bytes, and with the
//     high bit set (read as an unsigned magnitude, never as negative);
//   - any bytes after S (inside or outside the sequence);
//   - R or S longer than 32 bytes once leading zeros are gone: the parse
//     succeeds, but R||S is all zero (a signature that verifies nothing).
// Rejected: any other tag, a length that runs past the end of the input, a
// long-form integer length with 4 or more significant bytes, a missing S.
//
// Pure, thread-safe, allocation-free; reads only inside `sig` for any input.
#ifndef UTXO_CRYPTO_LAX_DER_H
#define UTXO_CRYPTO_LAX_DER_H

#include <util/byte_span.h>

#include <array>
#include <cstdint>

namespace crypto {

// R||S as two 32-byte big-endian numbers, the form libsecp256k1's
// secp256k1_ecdsa_signature_parse_compact takes.
using CompactSignature = std::array<uint8_t, 64>;

// Parses `sig` (DER, without the sighash byte) by the rules above. Returns
// false when it does not parse; `compact_rs` is then all zero. On true,
// `compact_rs` holds R and S right-aligned in 32 bytes each, or all zero when
// either was longer than 32 bytes. R or S may still be at or above the curve
// order: VerifyEcdsa (ecdsa.h) treats such a signature as all zero, as Core does.
[[nodiscard]] bool ParseDerLax(util::ByteSpan sig, CompactSignature& compact_rs);

} // namespace crypto

#endif // UTXO_CRYPTO_LAX_DER_H
