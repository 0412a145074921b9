// The per-network prefixes of addresses and WIF secret keys.
//
// Contract: plain constant data. `node/` picks one of these for the network
// it runs on and passes it down; nothing in script/ looks up a network.
#ifndef UTXO_SCRIPT_ADDRESS_PARAMS_H
#define UTXO_SCRIPT_ADDRESS_PARAMS_H

#include <cstdint>
#include <string_view>

namespace script {

struct AddressParams {
    std::string_view bech32_hrp; // segwit address prefix (BIP173), lower case
    uint8_t pubkey_prefix;       // Base58Check version byte of P2PKH addresses
    uint8_t script_prefix;       // Base58Check version byte of P2SH addresses
    uint8_t secret_prefix;       // Base58Check version byte of WIF secret keys
};

inline constexpr AddressParams MAINNET_ADDRESSES{"bc", 0, 5, 128};
inline constexpr AddressParams TESTNET_ADDRESSES{"tb", 111, 196, 239}; // testnet3, testnet4 and signet
inline constexpr AddressParams REGTEST_ADDRESSES{"bcrt", 111, 196, 239};

} // namespace script

#endif // UTXO_SCRIPT_ADDRESS_PARAMS_H
