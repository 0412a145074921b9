#include <coins/coin_stats.h>

#include <crypto/hash.h>
#include <storage/kv_store.h>
#include <util/serialize.h>

#include <algorithm>
#include <array>

namespace coins {
namespace {

// How many coins between two polls of the stop callback.
constexpr uint64_t STOP_POLL_INTERVAL = 4096;

template <typename Writer>
void WriteCoinForHash(Writer& w, const primitives::OutPoint& outpoint, const Coin& coin)
{
    primitives::SerializeOutPoint(w, outpoint);
    w.WriteU32LE(static_cast<uint32_t>(coin.height) * 2 + (coin.coinbase ? 1 : 0));
    primitives::SerializeTxOut(w, coin.out);
}

std::optional<primitives::Amount> CheckedAdd(std::optional<primitives::Amount> total, primitives::Amount add)
{
    if (!total) return std::nullopt;
    int64_t sum;
    if (__builtin_add_overflow(total->sats(), add.sats(), &sum)) return std::nullopt;
    return primitives::Amount{sum};
}

} // namespace

uint64_t BogoSize(const primitives::TxOut& out)
{
    return 32 + 4 + 4 + 8 + 2 + out.script_pubkey.size();
}

util::Bytes SerializeCoinForHash(const primitives::OutPoint& outpoint, const Coin& coin)
{
    util::Bytes bytes;
    util::ByteWriter w(bytes);
    WriteCoinForHash(w, outpoint, coin);
    return bytes;
}

util::Result<UtxoSetStats> ComputeUtxoSetStats(const CoinsDb& db, const StopRequested& stop)
{
    const storage::KvStore& store = db.Store();
    // One iterator, so the best block and the coins come from one snapshot.
    const std::unique_ptr<storage::KvIterator> it = store.NewIterator();
    UtxoSetStats stats;
    stats.total_amount = primitives::Amount{0};

    const util::Bytes best_key{DB_BEST_BLOCK};
    it->Seek(best_key);
    if (it->Valid() && std::ranges::equal(it->Key(), best_key)) {
        const util::Bytes value = it->Value();
        if (value.size() != primitives::BlockHash::SIZE) return util::Error{"malformed best block record in the UTXO set"};
        stats.best_block = primitives::BlockHash(primitives::Uint256(value));
    }

    crypto::Hash256Writer hasher;
    std::optional<primitives::Txid> previous_txid;
    const util::Bytes coin_prefix{DB_COIN};
    for (it->Seek(coin_prefix); it->Valid(); it->Next()) {
        if (stop && stats.txouts % STOP_POLL_INTERVAL == 0 && stop()) return util::Error{"interrupted"};
        const util::ByteSpan key = it->Key();
        if (key.empty() || key[0] != DB_COIN) break;
        const std::optional<primitives::OutPoint> outpoint = OutPointFromKey(key);
        const std::optional<Coin> coin = DeserializeCoin(it->Value());
        if (!outpoint || !coin) return util::Error{"unable to read a coin record of the UTXO set"};

        // Keys sort by txid, then by VarInt(index), whose bytes sort as the
        // numbers do; so this is Core's order (txid groups, index ascending)
        // and a txid's outputs are adjacent.
        if (previous_txid != outpoint->txid) ++stats.transactions;
        previous_txid = outpoint->txid;
        ++stats.txouts;
        stats.total_amount = CheckedAdd(stats.total_amount, coin->out.value);
        stats.bogosize += BogoSize(coin->out);
        WriteCoinForHash(hasher, *outpoint, *coin);
    }
    if (auto status = it->Status(); !status) return util::Error{status.error()};
    stats.hash_serialized = primitives::Uint256(hasher.Finalize());

    const util::Bytes coins_end{static_cast<uint8_t>(DB_COIN + 1)};
    stats.disk_size = store.EstimateSize(coin_prefix, coins_end);
    return stats;
}

} // namespace coins
