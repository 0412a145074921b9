// Statistics over the whole UTXO set, as Bitcoin Core v29's gettxoutsetinfo
// computes them with its default hash_type "hash_serialized_3".
//
// hash_serialized_3 is the double SHA-256 of every coin in chainstate key
// order (txid bytes, then output index), each serialized as: the outpoint
// (32-byte txid in internal order, 4-byte little-endian index), a 4-byte
// little-endian height * 2 + coinbase, and the output (8-byte little-endian
// value, CompactSize script length, script). Nothing else is hashed: unlike
// hash_serialized_2, the best block hash is not part of the stream. Core
// displays it reversed, as it does block hashes (Uint256::ToHex).
//
// Reads the database only: the caller flushes its coins cache first (as Core
// does) and supplies the height of the best block, which the UTXO set does
// not record.
#ifndef UTXO_COINS_COIN_STATS_H
#define UTXO_COINS_COIN_STATS_H

#include <coins/coin.h>
#include <coins/coins_db.h>
#include <primitives/amount.h>
#include <primitives/transaction.h>
#include <primitives/uint256.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <cstdint>
#include <functional>
#include <optional>

namespace coins {

struct UtxoSetStats {
    primitives::BlockHash best_block;        // "bestblock"
    uint64_t transactions{0};                // distinct txids with unspent outputs
    uint64_t txouts{0};                      // unspent outputs
    uint64_t bogosize{0};                    // sum of BogoSize over the outputs
    // Sum of the outputs' values; nullopt if it overflowed int64 (Core then
    // omits "total_amount").
    std::optional<primitives::Amount> total_amount;
    primitives::Uint256 hash_serialized;     // internal byte order; ToHex() is what Core prints
    uint64_t disk_size{0};                   // LevelDB's estimate for the coin records
};

// Core's per-output "bogosize", a database-independent size metric:
// 32 (txid) + 4 (index) + 4 (height, coinbase) + 8 (value) + 2 (script
// length) + the script's size.
uint64_t BogoSize(const primitives::TxOut& out);

// The bytes one coin contributes to hash_serialized_3 (see above).
util::Bytes SerializeCoinForHash(const primitives::OutPoint& outpoint, const Coin& coin);

// Returns true to stop the scan (shutdown, a client gone); polled every few
// thousand coins and once at the start.
using StopRequested = std::function<bool()>;

// Scans every coin record of `db` in key order from one consistent snapshot
// (the best block is read from the same snapshot). Errors: a malformed coin
// record or best-block record, a LevelDB read error, or "interrupted" when
// `stop` asked for it. Thread safety: safe alongside writers (the snapshot);
// the numbers then describe the set as it was when the scan started.
util::Result<UtxoSetStats> ComputeUtxoSetStats(const CoinsDb& db, const StopRequested& stop = {});

} // namespace coins

#endif // UTXO_COINS_COIN_STATS_H
