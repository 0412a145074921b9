#include <crypto/signer.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

namespace crypto {

struct Signer::Context {
    secp256k1_context* context;
    Context() : context(secp256k1_context_create(SECP256K1_CONTEXT_NONE)) {}
    ~Context() { secp256k1_context_destroy(context); }
};

Signer::Signer() : m_context(std::make_unique<Context>()) {}
Signer::~Signer() = default;

std::optional<std::array<uint8_t, 33>> Signer::CompressedPubKey(std::span<const uint8_t, 32> secret) const
{
    secp256k1_pubkey pubkey;
    if (!secp256k1_ec_pubkey_create(m_context->context, &pubkey, secret.data())) return std::nullopt;
    std::array<uint8_t, 33> out;
    size_t len = out.size();
    secp256k1_ec_pubkey_serialize(m_context->context, out.data(), &len, &pubkey, SECP256K1_EC_COMPRESSED);
    return out;
}

std::optional<std::array<uint8_t, 32>> Signer::XOnlyPubKey(std::span<const uint8_t, 32> secret) const
{
    secp256k1_keypair keypair;
    if (!secp256k1_keypair_create(m_context->context, &keypair, secret.data())) return std::nullopt;
    secp256k1_xonly_pubkey xonly;
    if (!secp256k1_keypair_xonly_pub(m_context->context, &xonly, nullptr, &keypair)) return std::nullopt;
    std::array<uint8_t, 32> out;
    secp256k1_xonly_pubkey_serialize(m_context->context, out.data(), &xonly);
    return out;
}

std::optional<util::Bytes> Signer::SignEcdsa(std::span<const uint8_t, 32> secret,
                                             std::span<const uint8_t, 32> message) const
{
    // secp256k1_ecdsa_sign always produces a low-S signature (BIP146).
    secp256k1_ecdsa_signature signature;
    if (!secp256k1_ecdsa_sign(m_context->context, &signature, message.data(), secret.data(), nullptr, nullptr)) {
        return std::nullopt;
    }
    util::Bytes der(72);
    size_t len = der.size();
    secp256k1_ecdsa_signature_serialize_der(m_context->context, der.data(), &len, &signature);
    der.resize(len);
    return der;
}

std::optional<std::array<uint8_t, 64>> Signer::SignSchnorr(std::span<const uint8_t, 32> secret,
                                                           std::span<const uint8_t, 32> message,
                                                           const std::array<uint8_t, 32>* tweak) const
{
    secp256k1_keypair keypair;
    if (!secp256k1_keypair_create(m_context->context, &keypair, secret.data())) return std::nullopt;
    if (tweak && !secp256k1_keypair_xonly_tweak_add(m_context->context, &keypair, tweak->data())) return std::nullopt;
    std::array<uint8_t, 64> signature;
    if (!secp256k1_schnorrsig_sign32(m_context->context, signature.data(), message.data(), &keypair, nullptr)) {
        return std::nullopt;
    }
    return signature;
}

} // namespace crypto
