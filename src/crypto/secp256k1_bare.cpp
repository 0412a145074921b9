#include <crypto/secp256k1_bare.h>

#include <crypto/secp256k1_context.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

namespace crypto::secp256k1_bare {

struct EcdsaVerifier::Parsed {
    secp256k1_pubkey pubkey;
    secp256k1_ecdsa_signature signature;
};

EcdsaVerifier::EcdsaVerifier(std::unique_ptr<const Parsed> parsed) : m_parsed(std::move(parsed)) {}
EcdsaVerifier::~EcdsaVerifier() = default;
EcdsaVerifier::EcdsaVerifier(EcdsaVerifier&&) noexcept = default;

std::optional<EcdsaVerifier> EcdsaVerifier::Parse(util::ByteSpan pubkey, util::ByteSpan der_signature)
{
    if (pubkey.empty() || der_signature.empty()) return std::nullopt;
    const secp256k1_context* context = Secp256k1Context();
    auto parsed = std::make_unique<Parsed>();
    if (secp256k1_ec_pubkey_parse(context, &parsed->pubkey, pubkey.data(), pubkey.size()) != 1) return std::nullopt;
    if (secp256k1_ecdsa_signature_parse_der(context, &parsed->signature, der_signature.data(),
                                            der_signature.size()) != 1) {
        return std::nullopt;
    }
    return EcdsaVerifier{std::move(parsed)};
}

bool EcdsaVerifier::Verify(std::span<const uint8_t, 32> message) const
{
    return secp256k1_ecdsa_verify(Secp256k1Context(), &m_parsed->signature, message.data(), &m_parsed->pubkey) == 1;
}

struct SchnorrVerifier::Parsed {
    secp256k1_xonly_pubkey pubkey;
};

SchnorrVerifier::SchnorrVerifier(std::unique_ptr<const Parsed> parsed) : m_parsed(std::move(parsed)) {}
SchnorrVerifier::~SchnorrVerifier() = default;
SchnorrVerifier::SchnorrVerifier(SchnorrVerifier&&) noexcept = default;

std::optional<SchnorrVerifier> SchnorrVerifier::Parse(std::span<const uint8_t, 32> xonly_pubkey)
{
    auto parsed = std::make_unique<Parsed>();
    if (secp256k1_xonly_pubkey_parse(Secp256k1Context(), &parsed->pubkey, xonly_pubkey.data()) != 1) {
        return std::nullopt;
    }
    return SchnorrVerifier{std::move(parsed)};
}

bool SchnorrVerifier::Verify(std::span<const uint8_t, 64> signature, std::span<const uint8_t, 32> message) const
{
    return secp256k1_schnorrsig_verify(Secp256k1Context(), signature.data(), message.data(), message.size(),
                                       &m_parsed->pubkey) == 1;
}

} // namespace crypto::secp256k1_bare
