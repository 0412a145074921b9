// WIF: secret keys as Base58Check strings (Bitcoin Core's EncodeSecret and
// DecodeSecret), over raw 32-byte keys.
//
// Contract: pure functions; no state. Secret key bytes are copied into the
// returned value; callers that care should clear it when done.
#ifndef UTXO_SCRIPT_WIF_H
#define UTXO_SCRIPT_WIF_H

#include <script/address_params.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace script {

struct SecretKey {
    std::array<uint8_t, 32> key;
    bool compressed; // the matching public key is written compressed
    friend bool operator==(const SecretKey&, const SecretKey&) = default;
};

// True when the big-endian number `key` is a valid secp256k1 secret key:
// not zero and below the group order.
bool IsValidSecretKey(std::span<const uint8_t, 32> key);

// secret_prefix, the 32 key bytes, then 0x01 when compressed, as Base58Check.
// Precondition: IsValidSecretKey(secret.key).
std::string EncodeSecret(const SecretKey& secret, const AddressParams& params);

// Parses a WIF string for the network `params`: 33 bytes (uncompressed) or 34
// ending in 0x01 (compressed), starting with params.secret_prefix, holding a
// valid key. Anything else gives std::nullopt.
std::optional<SecretKey> DecodeSecret(std::string_view wif, const AddressParams& params);

} // namespace script

#endif // UTXO_SCRIPT_WIF_H
