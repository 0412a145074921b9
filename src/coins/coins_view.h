// A view of the UTXO set: the database, or a cache in front of another view.
//
// Coins are found by outpoint; a view changes only through BatchWrite, which
// applies a cache's dirty entries and moves the best-block marker in one
// step, so a view is always the UTXO set as of one block.
#ifndef UTXO_COINS_COINS_VIEW_H
#define UTXO_COINS_COINS_VIEW_H

#include <coins/coin.h>
#include <crypto/siphash.h>
#include <primitives/transaction.h>
#include <primitives/uint256.h>
#include <util/result.h>

#include <cstdint>
#include <optional>
#include <unordered_map>

namespace coins {

// A cache's record of one outpoint. DIRTY: differs from the view below.
// FRESH: the view below has no unspent coin here, so spending it can simply
// forget it (a coin created and spent between flushes never reaches disk).
struct CacheEntry {
    Coin coin;
    bool dirty{false};
    bool fresh{false};
};

// SipHash of the outpoint with a per-process salt, so peers cannot choose
// txids that collide in the table.
struct SaltedOutPointHasher {
    uint64_t k0{0};
    uint64_t k1{0};
    size_t operator()(const primitives::OutPoint& outpoint) const
    {
        return crypto::SipHash256Extra(k0, k1, std::span<const uint8_t, 32>(outpoint.txid.data(), 32), outpoint.index);
    }
};

using CoinsMap = std::unordered_map<primitives::OutPoint, CacheEntry, SaltedOutPointHasher>;

class CoinsView {
public:
    virtual ~CoinsView() = default;
    // The unspent coin at `outpoint`, or nullopt.
    virtual std::optional<Coin> GetCoin(const primitives::OutPoint& outpoint) const = 0;
    // The block this view is the UTXO set after (null for an empty set).
    virtual primitives::BlockHash BestBlock() const = 0;
    // Applies the dirty entries of `changes` (spent ones removed, others
    // written) and sets the best block, all or nothing.
    virtual util::Result<void> BatchWrite(const CoinsMap& changes, const primitives::BlockHash& best) = 0;
};

} // namespace coins

#endif // UTXO_COINS_COINS_VIEW_H
