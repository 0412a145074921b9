#include <coins/coins_db.h>

#include <cstdlib>
#include <cstdio>

namespace coins {

std::optional<Coin> CoinsDb::GetCoin(const primitives::OutPoint& outpoint) const
{
    const auto value = m_store->Read(CoinKey(outpoint));
    if (!value) return std::nullopt;
    auto coin = DeserializeCoin(*value);
    if (!coin) {
        // A record that does not parse is corruption; treating it as absent
        // would make valid blocks invalid.
        std::fprintf(stderr, "Fatal: corrupted coin record in the chainstate database\n");
        std::abort();
    }
    return coin;
}

primitives::BlockHash CoinsDb::BestBlock() const
{
    const auto value = m_store->Read(util::Bytes{DB_BEST_BLOCK});
    if (!value || value->size() != 32) return primitives::BlockHash();
    std::array<uint8_t, 32> bytes;
    std::copy(value->begin(), value->end(), bytes.begin());
    return primitives::BlockHash(bytes);
}

util::Result<void> CoinsDb::BatchWrite(const CoinsMap& changes, const primitives::BlockHash& best)
{
    storage::KvBatch batch(*m_store);
    for (const auto& [outpoint, entry] : changes) {
        if (!entry.dirty) continue;
        if (entry.coin.spent) {
            // FRESH and spent: the database never had it.
            if (!entry.fresh) batch.Erase(CoinKey(outpoint));
        } else {
            batch.Write(CoinKey(outpoint), SerializeCoin(entry.coin));
        }
    }
    batch.Write(util::Bytes{DB_BEST_BLOCK}, best.span());
    return m_store->WriteBatch(batch, /*sync=*/true);
}

} // namespace coins
