#include <crypto/ecdsa.h>

#include <crypto/lax_der.h>
#include <crypto/secp256k1_context.h>

#include <secp256k1.h>

namespace crypto {
namespace {

// Core's lax parse into libsecp256k1's form. An R or S that is not below the
// curve order does not parse compactly; like Core, use the all-zero signature
// then (it parses, and verifies nothing).
bool ParseSignature(util::ByteSpan der_signature, secp256k1_ecdsa_signature& parsed)
{
    CompactSignature compact;
    if (!ParseDerLax(der_signature, compact)) return false;
    const secp256k1_context* context = Secp256k1Context();
    if (secp256k1_ecdsa_signature_parse_compact(context, &parsed, compact.data()) == 1) return true;
    compact.fill(0);
    // Zero is below the order: this parse cannot fail.
    return secp256k1_ecdsa_signature_parse_compact(context, &parsed, compact.data()) == 1;
}

} // namespace

bool VerifyEcdsa(util::ByteSpan pubkey, util::ByteSpan der_signature, std::span<const uint8_t, 32> message)
{
    const secp256k1_context* context = Secp256k1Context();
    // An empty span may carry a null pointer, an illegal argument for libsecp256k1.
    if (pubkey.empty()) return false;
    secp256k1_pubkey key;
    if (secp256k1_ec_pubkey_parse(context, &key, pubkey.data(), pubkey.size()) != 1) return false;
    secp256k1_ecdsa_signature signature;
    if (!ParseSignature(der_signature, signature)) return false;
    // libsecp256k1 verifies only low-S signatures; consensus accepts both halves.
    secp256k1_ecdsa_signature_normalize(context, &signature, &signature);
    return secp256k1_ecdsa_verify(context, &signature, message.data(), &key) == 1;
}

bool IsLowSSignature(util::ByteSpan der_signature)
{
    secp256k1_ecdsa_signature signature;
    if (!ParseSignature(der_signature, signature)) return false;
    // normalize reports whether S was high; with no output it changes nothing.
    return secp256k1_ecdsa_signature_normalize(Secp256k1Context(), nullptr, &signature) == 0;
}

} // namespace crypto
