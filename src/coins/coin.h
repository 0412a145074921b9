// One unspent output as the UTXO set holds it, and its database record in
// Bitcoin Core's chainstate format: key 'C' + txid + VarInt(index), value
// VarInt(height * 2 + coinbase) + the compressed output.
#ifndef UTXO_COINS_COIN_H
#define UTXO_COINS_COIN_H

#include <primitives/transaction.h>
#include <util/byte_span.h>

#include <cstdint>
#include <optional>

namespace coins {

struct Coin {
    primitives::TxOut out;
    int height{0};
    bool coinbase{false};
    bool spent{false}; // a cache's record that the coin is gone

    friend bool operator==(const Coin&, const Coin&) = default;
    // Heap bytes it holds (the script), for -dbcache accounting.
    size_t DynamicMemoryUsage() const { return out.script_pubkey.capacity(); }
};

// Database key prefixes (Core's): coins and the best-block marker.
inline constexpr uint8_t DB_COIN = 'C';
inline constexpr uint8_t DB_BEST_BLOCK = 'B';

util::Bytes CoinKey(const primitives::OutPoint& outpoint);
std::optional<primitives::OutPoint> OutPointFromKey(util::ByteSpan key);
util::Bytes SerializeCoin(const Coin& coin);
// nullopt for a malformed record (never for a well-formed one of Core's).
std::optional<Coin> DeserializeCoin(util::ByteSpan bytes);

// Outputs that can never be spent are not kept: OP_RETURN scripts and
// scripts over 10,000 bytes.
bool IsUnspendable(const primitives::TxOut& out);

} // namespace coins

#endif // UTXO_COINS_COIN_H
