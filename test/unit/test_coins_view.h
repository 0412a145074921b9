// A UTXO view in a std::map, as the base under a CoinsCache in tests: it
// applies batches as the database would and records how many it received.
#ifndef UTXO_TEST_UNIT_TEST_COINS_VIEW_H
#define UTXO_TEST_UNIT_TEST_COINS_VIEW_H

#include <coins/coins_view.h>

#include <map>

namespace test {

class MapView final : public coins::CoinsView {
public:
    std::map<primitives::OutPoint, coins::Coin> coins;
    primitives::BlockHash best;
    int batches{0};

    std::optional<coins::Coin> GetCoin(const primitives::OutPoint& outpoint) const override
    {
        const auto it = coins.find(outpoint);
        return it == coins.end() ? std::nullopt : std::optional<coins::Coin>(it->second);
    }
    primitives::BlockHash BestBlock() const override { return best; }
    util::Result<void> BatchWrite(const coins::CoinsMap& changes, const primitives::BlockHash& new_best) override
    {
        ++batches;
        for (const auto& [outpoint, entry] : changes) {
            if (!entry.dirty) continue;
            if (entry.coin.spent) {
                coins.erase(outpoint);
            } else {
                coins[outpoint] = entry.coin;
            }
        }
        best = new_best;
        return {};
    }
};

} // namespace test

#endif // UTXO_TEST_UNIT_TEST_COINS_VIEW_H
