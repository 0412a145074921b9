// Signing with libsecp256k1, for tests, benchmarks and tools such as the
// chain generator (contrib/gen-chain). utxod itself never signs.
//
// A Signer owns one signing context, created once (libsecp256k1 0.2.0 makes
// that cheap, but not free), so signing many messages costs only the
// signatures. Every signature is deterministic: ECDSA uses RFC6979 nonces and
// BIP340 signing uses no auxiliary randomness, so the same secret and message
// always give the same bytes.
//
// Secrets are 32-byte scalars; a secret of zero or at/above the curve order
// is invalid and gives nullopt. Methods are const and thread-safe (the
// context is only read after construction).
#ifndef UTXO_CRYPTO_SIGNER_H
#define UTXO_CRYPTO_SIGNER_H

#include <util/byte_span.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace crypto {

class Signer {
public:
    // Creates the signing context; aborts (as libsecp256k1 does) if it cannot.
    Signer();
    ~Signer();
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;

    // The 33-byte compressed public key of `secret`.
    std::optional<std::array<uint8_t, 33>> CompressedPubKey(std::span<const uint8_t, 32> secret) const;
    // The BIP340 x-only public key of `secret` (the X coordinate of secret*G).
    std::optional<std::array<uint8_t, 32>> XOnlyPubKey(std::span<const uint8_t, 32> secret) const;

    // A low-S, strict DER ECDSA signature of `message` (without a sighash byte).
    std::optional<util::Bytes> SignEcdsa(std::span<const uint8_t, 32> secret,
                                         std::span<const uint8_t, 32> message) const;

    // A BIP340 signature of `message`. With `tweak`, the key signing is the
    // x-only key of `secret` tweaked as BIP341 tweaks a taproot internal key
    // (Q = P + tweak*G, P lifted to even Y): a key-path signature for the
    // output key TweakXOnlyPubKey(XOnlyPubKey(secret), tweak) gives.
    std::optional<std::array<uint8_t, 64>> SignSchnorr(std::span<const uint8_t, 32> secret,
                                                       std::span<const uint8_t, 32> message,
                                                       const std::array<uint8_t, 32>* tweak = nullptr) const;

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace crypto

#endif // UTXO_CRYPTO_SIGNER_H
