// Internal, for benchmarks: libsecp256k1's verification calls with all parsing
// done up front, so utxo-bench can time the library alone next to VerifyEcdsa
// and VerifySchnorr (the difference is what our wrappers cost). Not for
// validation: the ECDSA signature here is parsed as strict DER, not laxly.
//
// Objects are immutable after construction; Verify is thread-safe.
#ifndef UTXO_CRYPTO_SECP256K1_BARE_H
#define UTXO_CRYPTO_SECP256K1_BARE_H

#include <util/byte_span.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace crypto::secp256k1_bare {

// A parsed public key and ECDSA signature.
class EcdsaVerifier {
public:
    // nullopt when the key (secp256k1_ec_pubkey_parse) or the strict DER
    // signature (secp256k1_ecdsa_signature_parse_der) does not parse.
    static std::optional<EcdsaVerifier> Parse(util::ByteSpan pubkey, util::ByteSpan der_signature);
    ~EcdsaVerifier();
    EcdsaVerifier(EcdsaVerifier&&) noexcept;

    // secp256k1_ecdsa_verify and nothing else (a high S fails here).
    bool Verify(std::span<const uint8_t, 32> message) const;

private:
    struct Parsed;
    explicit EcdsaVerifier(std::unique_ptr<const Parsed> parsed);
    std::unique_ptr<const Parsed> m_parsed;
};

// A parsed x-only public key.
class SchnorrVerifier {
public:
    // nullopt when secp256k1_xonly_pubkey_parse fails.
    static std::optional<SchnorrVerifier> Parse(std::span<const uint8_t, 32> xonly_pubkey);
    ~SchnorrVerifier();
    SchnorrVerifier(SchnorrVerifier&&) noexcept;

    // secp256k1_schnorrsig_verify and nothing else.
    bool Verify(std::span<const uint8_t, 64> signature, std::span<const uint8_t, 32> message) const;

private:
    struct Parsed;
    explicit SchnorrVerifier(std::unique_ptr<const Parsed> parsed);
    std::unique_ptr<const Parsed> m_parsed;
};

// Signing, for benchmarks that need valid signatures to verify (utxod itself
// never signs). Each call makes a signing context: slow, setup only.
struct EcdsaKey {
    std::array<uint8_t, 33> compressed_pubkey;
};
// The compressed public key of a 32-byte secret; nullopt for an invalid secret.
std::optional<EcdsaKey> DerivePubKey(std::span<const uint8_t, 32> secret);
// A low-S DER ECDSA signature of `message`.
std::optional<util::Bytes> SignEcdsa(std::span<const uint8_t, 32> secret, std::span<const uint8_t, 32> message);

struct TaprootKey {
    std::array<uint8_t, 32> output_key; // x-only key of the taproot output
};
// The key-path output key of `secret` with no script tree (BIP341/BIP86 tweak).
std::optional<TaprootKey> DeriveTaprootKey(std::span<const uint8_t, 32> secret);
// A BIP340 signature of `message` by the tweaked key of DeriveTaprootKey.
std::optional<std::array<uint8_t, 64>> SignTaprootKeyPath(std::span<const uint8_t, 32> secret,
                                                          std::span<const uint8_t, 32> message);

} // namespace crypto::secp256k1_bare

#endif // UTXO_CRYPTO_SECP256K1_BARE_H
