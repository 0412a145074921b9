#include <crypto/secp256k1_context.h>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>

namespace crypto {

const secp256k1_context* Secp256k1Context()
{
    // The library asks for its self test before the static context is used;
    // a failure aborts through libsecp256k1's error callback.
    static const secp256k1_context* const context = [] {
        secp256k1_selftest();
        return secp256k1_context_static;
    }();
    return context;
}

bool IsValidXOnlyPubKey(std::span<const uint8_t, 32> x)
{
    secp256k1_xonly_pubkey parsed;
    return secp256k1_xonly_pubkey_parse(Secp256k1Context(), &parsed, x.data()) == 1;
}

bool IsFullyValidPubKey(util::ByteSpan pubkey)
{
    // An empty span may carry a null pointer, which libsecp256k1 treats as an
    // illegal argument (its default callback aborts); an empty key is merely
    // invalid data, so answer here.
    if (pubkey.empty()) return false;
    secp256k1_pubkey parsed;
    return secp256k1_ec_pubkey_parse(Secp256k1Context(), &parsed, pubkey.data(), pubkey.size()) == 1;
}

std::optional<std::array<uint8_t, 65>> DecompressPubKey(std::span<const uint8_t, 33> compressed)
{
    if (compressed[0] != 0x02 && compressed[0] != 0x03) return std::nullopt;
    secp256k1_pubkey parsed;
    if (secp256k1_ec_pubkey_parse(Secp256k1Context(), &parsed, compressed.data(), compressed.size()) != 1) {
        return std::nullopt;
    }
    std::array<uint8_t, 65> out;
    size_t length = out.size();
    secp256k1_ec_pubkey_serialize(Secp256k1Context(), out.data(), &length, &parsed, SECP256K1_EC_UNCOMPRESSED);
    return out;
}

} // namespace crypto
