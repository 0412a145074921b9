// The UTXO set on disk: a KvStore in Bitcoin Core's chainstate format
// (coin records under 'C', the best block under 'B', values obfuscated).
#ifndef UTXO_COINS_COINS_DB_H
#define UTXO_COINS_COINS_DB_H

#include <coins/coins_view.h>
#include <storage/kv_store.h>

#include <memory>

namespace coins {

class CoinsDb final : public CoinsView {
public:
    explicit CoinsDb(std::unique_ptr<storage::KvStore> store) : m_store(std::move(store)) {}

    std::optional<Coin> GetCoin(const primitives::OutPoint& outpoint) const override;
    primitives::BlockHash BestBlock() const override;
    // One synced LevelDB batch: a crash leaves the set before or after it.
    util::Result<void> BatchWrite(const CoinsMap& changes, const primitives::BlockHash& best) override;

    storage::KvStore& Store() { return *m_store; }
    const storage::KvStore& Store() const { return *m_store; }

private:
    std::unique_ptr<storage::KvStore> m_store;
};

} // namespace coins

#endif // UTXO_COINS_COINS_DB_H
