#include <crypto/schnorr.h>

#include <crypto/secp256k1_context.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

namespace crypto {

bool VerifySchnorr(std::span<const uint8_t, 32> xonly_pubkey, std::span<const uint8_t, 64> signature,
                   std::span<const uint8_t, 32> message)
{
    const secp256k1_context* context = Secp256k1Context();
    secp256k1_xonly_pubkey key;
    if (secp256k1_xonly_pubkey_parse(context, &key, xonly_pubkey.data()) != 1) return false;
    return secp256k1_schnorrsig_verify(context, signature.data(), message.data(), message.size(), &key) == 1;
}

bool CheckTapTweak(std::span<const uint8_t, 32> internal_key, std::span<const uint8_t, 32> tweak,
                   std::span<const uint8_t, 32> output_key, bool output_parity)
{
    const secp256k1_context* context = Secp256k1Context();
    secp256k1_xonly_pubkey internal;
    if (secp256k1_xonly_pubkey_parse(context, &internal, internal_key.data()) != 1) return false;
    // Compares output_key with the computed X bytewise: output_key is never parsed.
    return secp256k1_xonly_pubkey_tweak_add_check(context, output_key.data(), output_parity ? 1 : 0, &internal,
                                                  tweak.data()) == 1;
}

std::optional<TweakedXOnly> TweakXOnlyPubKey(std::span<const uint8_t, 32> internal_key,
                                             std::span<const uint8_t, 32> tweak)
{
    const secp256k1_context* context = Secp256k1Context();
    secp256k1_xonly_pubkey internal;
    if (secp256k1_xonly_pubkey_parse(context, &internal, internal_key.data()) != 1) return std::nullopt;
    secp256k1_pubkey tweaked;
    if (secp256k1_xonly_pubkey_tweak_add(context, &tweaked, &internal, tweak.data()) != 1) return std::nullopt;
    secp256k1_xonly_pubkey tweaked_xonly;
    int parity = 0;
    if (secp256k1_xonly_pubkey_from_pubkey(context, &tweaked_xonly, &parity, &tweaked) != 1) return std::nullopt;
    TweakedXOnly result{};
    if (secp256k1_xonly_pubkey_serialize(context, result.key.data(), &tweaked_xonly) != 1) return std::nullopt;
    result.parity = parity == 1;
    return result;
}

} // namespace crypto
