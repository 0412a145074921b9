// ECDSA signature checks for legacy and segwit v0 scripts, agreeing with
// Bitcoin Core's CPubKey::Verify and CPubKey::CheckLowS.
//
// Signatures are parsed laxly (lax_der.h), so pre-BIP66 signatures that
// OpenSSL accepted still verify; an R or S at or above the curve order, or
// longer than 32 bytes, makes the signature all zero, which verifies nothing.
// S is normalised to the lower half before verification (libsecp256k1 accepts
// only low S; Bitcoin never required it for consensus). Strict DER (BIP66),
// LOW_S as a policy (BIP146) and the sighash byte are the interpreter's job.
//
// Pure, thread-safe and allocation-free; any input is safe (false, never a
// crash or an abort).
#ifndef UTXO_CRYPTO_ECDSA_H
#define UTXO_CRYPTO_ECDSA_H

#include <util/byte_span.h>

#include <cstdint>
#include <span>

namespace crypto {

// True when `der_signature` (DER, without the sighash byte; parsed laxly) is a
// valid signature of the 32-byte `message` by `pubkey`, a serialized public
// key: compressed (33 bytes, 0x02/0x03), uncompressed (65 bytes, 0x04) or
// hybrid (65 bytes, 0x06/0x07, the prefix's low bit matching Y's parity).
// A high S is accepted (it is normalised first). False for a key or
// signature that does not parse.
[[nodiscard]] bool VerifyEcdsa(util::ByteSpan pubkey, util::ByteSpan der_signature,
                               std::span<const uint8_t, 32> message);

// BIP146 LOW_S: true when `der_signature` parses laxly and its S is at most
// half the curve order. A signature that parses but overflows (so counts as
// all zero) is low S; one that does not parse is not.
[[nodiscard]] bool IsLowSSignature(util::ByteSpan der_signature);

} // namespace crypto

#endif // UTXO_CRYPTO_ECDSA_H
