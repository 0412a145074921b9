// The one place libsecp256k1 is wrapped (for now): the process-wide context
// and public key validity checks.
//
// libsecp256k1 0.2.0 ships a read-only static context that serves parsing and
// verification; only signing and key generation need a created one, and
// utxod does neither. Secp256k1Context() therefore returns that static
// context, after running the library's self test once. Everything here is
// thread-safe and allocation-free.
#ifndef UTXO_CRYPTO_SECP256K1_CONTEXT_H
#define UTXO_CRYPTO_SECP256K1_CONTEXT_H

#include <util/byte_span.h>

#include <cstdint>
#include <span>

#include <array>
#include <optional>

// Declared as in <secp256k1.h>, so this header does not pull in the library's.
typedef struct secp256k1_context_struct secp256k1_context;

namespace crypto {

// The context for parsing and verification (ECDSA, BIP340). Never null; valid
// for the whole life of the process. Not usable for signing.
const secp256k1_context* Secp256k1Context();

// True when `x` is the x coordinate of a point on the curve (BIP340 x-only
// public key; secp256k1_xonly_pubkey_parse succeeds).
bool IsValidXOnlyPubKey(std::span<const uint8_t, 32> x);

// True when `pubkey` parses as a compressed (33-byte), uncompressed or hybrid
// (65-byte) public key on the curve (secp256k1_ec_pubkey_parse succeeds).
bool IsFullyValidPubKey(util::ByteSpan pubkey);

// The 65-byte uncompressed form of a valid 33-byte compressed key (prefix
// 0x02/0x03), or nullopt when it is not a point on the curve.
std::optional<std::array<uint8_t, 65>> DecompressPubKey(std::span<const uint8_t, 33> compressed);

} // namespace crypto

#endif // UTXO_CRYPTO_SECP256K1_CONTEXT_H
