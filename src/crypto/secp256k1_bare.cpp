#include <crypto/secp256k1_bare.h>

#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <crypto/secp256k1_context.h>
#include <crypto/signer.h>

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

// The signing functions are one-off calls on a crypto::Signer (setup only).
namespace {

// BIP86: the TapTweak of an internal key with no script tree.
std::array<uint8_t, 32> KeyPathOnlyTweak(const std::array<uint8_t, 32>& internal_key)
{
    return TaggedHash("TapTweak", util::ByteSpan(internal_key.data(), internal_key.size()));
}

} // namespace

std::optional<EcdsaKey> DerivePubKey(std::span<const uint8_t, 32> secret)
{
    const auto pubkey = Signer().CompressedPubKey(secret);
    if (!pubkey) return std::nullopt;
    return EcdsaKey{*pubkey};
}

std::optional<util::Bytes> SignEcdsa(std::span<const uint8_t, 32> secret, std::span<const uint8_t, 32> message)
{
    return Signer().SignEcdsa(secret, message);
}

std::optional<TaprootKey> DeriveTaprootKey(std::span<const uint8_t, 32> secret)
{
    const auto internal = Signer().XOnlyPubKey(secret);
    if (!internal) return std::nullopt;
    const auto output = TweakXOnlyPubKey(*internal, KeyPathOnlyTweak(*internal));
    if (!output) return std::nullopt;
    return TaprootKey{output->key};
}

std::optional<std::array<uint8_t, 64>> SignTaprootKeyPath(std::span<const uint8_t, 32> secret,
                                                          std::span<const uint8_t, 32> message)
{
    const Signer signer;
    const auto internal = signer.XOnlyPubKey(secret);
    if (!internal) return std::nullopt;
    const auto tweak = KeyPathOnlyTweak(*internal);
    return signer.SignSchnorr(secret, message, &tweak);
}

} // namespace crypto::secp256k1_bare
