#include <crypto/secp256k1_bare.h>

#include <crypto/hash.h>
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

namespace {

struct ContextDeleter {
    void operator()(secp256k1_context* context) const { secp256k1_context_destroy(context); }
};
using SigningContext = std::unique_ptr<secp256k1_context, ContextDeleter>;

SigningContext MakeSigningContext() { return SigningContext(secp256k1_context_create(SECP256K1_CONTEXT_NONE)); }

// The keypair of `secret` tweaked as a key-path-only taproot output key.
std::optional<secp256k1_keypair> TweakedKeypair(const secp256k1_context* context, std::span<const uint8_t, 32> secret)
{
    secp256k1_keypair keypair;
    if (!secp256k1_keypair_create(context, &keypair, secret.data())) return std::nullopt;
    secp256k1_xonly_pubkey internal;
    if (!secp256k1_keypair_xonly_pub(context, &internal, nullptr, &keypair)) return std::nullopt;
    uint8_t internal_bytes[32];
    secp256k1_xonly_pubkey_serialize(context, internal_bytes, &internal);
    const auto tweak = TaggedHash("TapTweak", util::ByteSpan(internal_bytes, 32));
    if (!secp256k1_keypair_xonly_tweak_add(context, &keypair, tweak.data())) return std::nullopt;
    return keypair;
}

} // namespace

std::optional<EcdsaKey> DerivePubKey(std::span<const uint8_t, 32> secret)
{
    const SigningContext context = MakeSigningContext();
    secp256k1_pubkey pubkey;
    if (!secp256k1_ec_pubkey_create(context.get(), &pubkey, secret.data())) return std::nullopt;
    EcdsaKey key;
    size_t len = key.compressed_pubkey.size();
    secp256k1_ec_pubkey_serialize(context.get(), key.compressed_pubkey.data(), &len, &pubkey, SECP256K1_EC_COMPRESSED);
    return key;
}

std::optional<util::Bytes> SignEcdsa(std::span<const uint8_t, 32> secret, std::span<const uint8_t, 32> message)
{
    const SigningContext context = MakeSigningContext();
    secp256k1_ecdsa_signature signature;
    if (!secp256k1_ecdsa_sign(context.get(), &signature, message.data(), secret.data(), nullptr, nullptr)) {
        return std::nullopt;
    }
    util::Bytes der(72);
    size_t len = der.size();
    secp256k1_ecdsa_signature_serialize_der(context.get(), der.data(), &len, &signature);
    der.resize(len);
    return der;
}

std::optional<TaprootKey> DeriveTaprootKey(std::span<const uint8_t, 32> secret)
{
    const SigningContext context = MakeSigningContext();
    const auto keypair = TweakedKeypair(context.get(), secret);
    if (!keypair) return std::nullopt;
    secp256k1_xonly_pubkey output;
    if (!secp256k1_keypair_xonly_pub(context.get(), &output, nullptr, &*keypair)) return std::nullopt;
    TaprootKey key;
    secp256k1_xonly_pubkey_serialize(context.get(), key.output_key.data(), &output);
    return key;
}

std::optional<std::array<uint8_t, 64>> SignTaprootKeyPath(std::span<const uint8_t, 32> secret,
                                                          std::span<const uint8_t, 32> message)
{
    const SigningContext context = MakeSigningContext();
    const auto keypair = TweakedKeypair(context.get(), secret);
    if (!keypair) return std::nullopt;
    std::array<uint8_t, 64> signature;
    if (!secp256k1_schnorrsig_sign32(context.get(), signature.data(), message.data(), &*keypair, nullptr)) {
        return std::nullopt;
    }
    return signature;
}

} // namespace crypto::secp256k1_bare
