// The in-memory UTXO cache in front of a CoinsView (the database, or another
// cache: a block is connected into a child cache that is merged or thrown
// away). Entries carry DIRTY/FRESH flags so a flush writes only what changed,
// and a coin created and spent between flushes never touches disk.
// Not thread-safe: the validation thread owns it.
#ifndef UTXO_COINS_COINS_CACHE_H
#define UTXO_COINS_COINS_CACHE_H

#include <coins/coins_view.h>

namespace coins {

class CoinsCache final : public CoinsView {
public:
    // `k0`/`k1` salt the hash table (random per process in the node).
    CoinsCache(CoinsView& base, uint64_t k0, uint64_t k1);

    // Looks in the cache, then the base (caching what it finds).
    std::optional<Coin> GetCoin(const primitives::OutPoint& outpoint) const override;
    // As GetCoin, without copying the coin out.
    bool HaveCoin(const primitives::OutPoint& outpoint) const;

    // Adds a new output. Unspendable outputs are not kept. Without
    // `possible_overwrite`, an unspent coin already there is a caller bug
    // (an error); with it (BIP30's historic duplicates) it is replaced.
    util::Result<void> AddCoin(const primitives::OutPoint& outpoint, Coin coin, bool possible_overwrite);
    // Spends the coin: returns it, or nullopt when there is no unspent coin.
    std::optional<Coin> SpendCoin(const primitives::OutPoint& outpoint);

    primitives::BlockHash BestBlock() const override;
    void SetBestBlock(const primitives::BlockHash& best)
    {
        m_best = best;
        m_best_known = true;
    }

    // Merges a child cache's dirty entries into this one.
    util::Result<void> BatchWrite(const CoinsMap& changes, const primitives::BlockHash& best) override;

    // Writes the dirty entries and the best block to the base in one batch,
    // then empties the cache. On error the cache is unchanged.
    util::Result<void> Flush();

    // Bytes the cache holds (entries, table, scripts), for -dbcache.
    size_t MemoryUsage() const;
    size_t CacheSize() const { return m_map.size(); }
    // The entry for `outpoint` as cached (tests and diagnostics).
    std::optional<CacheEntry> Entry(const primitives::OutPoint& outpoint) const;

private:
    // The cache entry for `outpoint`, fetched from the base when missing;
    // end() when neither has it.
    CoinsMap::iterator Fetch(const primitives::OutPoint& outpoint) const;

    CoinsView& m_base;
    mutable CoinsMap m_map;
    mutable size_t m_script_bytes{0};
    mutable primitives::BlockHash m_best;
    mutable bool m_best_known{false};
};

} // namespace coins

#endif // UTXO_COINS_COINS_CACHE_H
