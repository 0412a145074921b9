#include <coins/coins_cache.h>

#include <utility>

namespace coins {

CoinsCache::CoinsCache(CoinsView& base, uint64_t k0, uint64_t k1)
    : m_base(base), m_map(0, SaltedOutPointHasher{k0, k1})
{
}

CoinsMap::iterator CoinsCache::Fetch(const primitives::OutPoint& outpoint) const
{
    if (auto it = m_map.find(outpoint); it != m_map.end()) return it;
    auto coin = m_base.GetCoin(outpoint);
    if (!coin) return m_map.end();
    m_script_bytes += coin->DynamicMemoryUsage();
    return m_map.emplace(outpoint, CacheEntry{std::move(*coin), false, false}).first;
}

bool CoinsCache::HaveCoin(const primitives::OutPoint& outpoint) const
{
    const auto it = Fetch(outpoint);
    return it != m_map.end() && !it->second.coin.spent;
}

std::optional<Coin> CoinsCache::GetCoin(const primitives::OutPoint& outpoint) const
{
    const auto it = Fetch(outpoint);
    if (it == m_map.end() || it->second.coin.spent) return std::nullopt;
    return it->second.coin;
}

util::Result<void> CoinsCache::AddCoin(const primitives::OutPoint& outpoint, Coin coin, bool possible_overwrite)
{
    if (IsUnspendable(coin.out)) return {};
    auto [it, inserted] = m_map.try_emplace(outpoint);
    bool fresh = false;
    if (!inserted) {
        if (!possible_overwrite && !it->second.coin.spent) {
            return util::Error{"Attempted to overwrite an unspent coin (when possible_overwrite is false)"};
        }
        // A spent entry still DIRTY has not told the base yet: it cannot be
        // FRESH, or spending the new coin would drop that news.
        fresh = !possible_overwrite && !it->second.dirty;
        m_script_bytes -= it->second.coin.DynamicMemoryUsage();
    } else {
        fresh = !possible_overwrite;
    }
    coin.spent = false;
    m_script_bytes += coin.DynamicMemoryUsage();
    it->second.coin = std::move(coin);
    it->second.dirty = true;
    it->second.fresh = it->second.fresh || fresh;
    return {};
}

std::optional<Coin> CoinsCache::SpendCoin(const primitives::OutPoint& outpoint)
{
    const auto it = Fetch(outpoint);
    if (it == m_map.end() || it->second.coin.spent) return std::nullopt;
    m_script_bytes -= it->second.coin.DynamicMemoryUsage();
    Coin spent = std::move(it->second.coin); // the entry is dropped or reset next
    if (it->second.fresh) {
        m_map.erase(it); // the base never saw it
    } else {
        it->second.dirty = true;
        it->second.coin = Coin{};
        it->second.coin.spent = true;
    }
    return spent;
}

primitives::BlockHash CoinsCache::BestBlock() const
{
    if (!m_best_known) {
        m_best = m_base.BestBlock();
        m_best_known = true;
    }
    return m_best;
}

util::Result<void> CoinsCache::BatchWrite(const CoinsMap& changes, const primitives::BlockHash& best)
{
    for (const auto& [outpoint, child] : changes) {
        if (!child.dirty) continue;
        auto it = m_map.find(outpoint);
        if (it == m_map.end()) {
            // Created and spent in the child: nothing to pass on.
            if (child.fresh && child.coin.spent) continue;
            m_script_bytes += child.coin.DynamicMemoryUsage();
            // FRESH carries over only from the child's own knowledge.
            m_map.emplace(outpoint, CacheEntry{child.coin, true, child.fresh});
            continue;
        }
        if (child.fresh && !it->second.coin.spent) {
            return util::Error{"FRESH flag misapplied to coin that exists in parent cache"};
        }
        m_script_bytes -= it->second.coin.DynamicMemoryUsage();
        if (it->second.fresh && child.coin.spent) {
            m_map.erase(it); // never reached the base: forget it
        } else {
            // Not FRESH here: a spent coin here may not have reached the base yet.
            it->second.coin = child.coin;
            it->second.dirty = true;
            m_script_bytes += it->second.coin.DynamicMemoryUsage();
        }
    }
    SetBestBlock(best);
    return {};
}

util::Result<void> CoinsCache::Flush()
{
    if (auto r = m_base.BatchWrite(m_map, BestBlock()); !r) return r;
    m_map.clear();
    m_script_bytes = 0;
    return {};
}

size_t CoinsCache::MemoryUsage() const
{
    // A node per entry (value, hash link, cached hash) plus the bucket array.
    constexpr size_t NODE_BYTES = sizeof(CoinsMap::value_type) + 2 * sizeof(void*);
    return m_map.size() * NODE_BYTES + m_map.bucket_count() * sizeof(void*) + m_script_bytes;
}

std::optional<CacheEntry> CoinsCache::Entry(const primitives::OutPoint& outpoint) const
{
    const auto it = m_map.find(outpoint);
    if (it == m_map.end()) return std::nullopt;
    return it->second;
}

} // namespace coins
