// The JSON views of a block that Bitcoin Core v29 prints: getblockheader
// (verbose), getblock (verbosity 1, 2 and 3) and getblockstats, key for key
// and in Core's key order.
//
// Pure functions of their arguments: what only the chain knows (height,
// confirmations, chain work, median time past, the next block, the subsidy)
// comes in through BlockPosition and BlockStatsContext, and what a block spent
// comes in as BlockSpentOutputs (the undo data, converted by the caller), so
// this folder needs neither the chain nor the coins.
#ifndef UTXO_JSON_BLOCK_JSON_H
#define UTXO_JSON_BLOCK_JSON_H

#include <json/tx_json.h>
#include <primitives/amount.h>
#include <primitives/arith_uint256.h>
#include <primitives/block.h>
#include <script/address.h>
#include <util/result.h>

#include <boost/json/object.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace json {

// A block's place in the chain, as the block index knows it.
struct BlockPosition {
    primitives::BlockHash hash;
    int height{0};
    // On the active chain: tip height - height + 1; off it: -1 (Core's rule).
    int confirmations{-1};
    // Work of this block and all before it; printed as 64 hex digits.
    primitives::ArithUint256 chain_work;
    // Transactions in the block ("nTx"; 0 when only the header is known).
    uint64_t tx_count{0};
    int64_t median_time_past{0};
    // Absent for the genesis block.
    std::optional<primitives::BlockHash> previous;
    // The successor on the active chain; absent for the tip and off the active chain.
    std::optional<primitives::BlockHash> next;
};

// What the block spent, from its undo data: one vector per transaction after
// the coinbase, one SpentOutput per input in input order.
using BlockSpentOutputs = std::vector<std::vector<SpentOutput>>;

// Checks that `spent` fits `block` (one entry per non-coinbase transaction,
// one output per input) and that every fee is within [0, MAX_MONEY]. What
// BlockToJson and ComputeBlockStats require of undo data; an error means the
// undo data is damaged or belongs to another block.
util::Result<void> CheckSpentOutputs(const primitives::Block& block, const BlockSpentOutputs& spent);

// Core's GetDifficulty: how many times harder `bits` is than the easiest
// target (0x1d00ffff), in floating point; for display only.
double Difficulty(uint32_t bits);

// The target `bits` encodes (Core's "target" field). Headers on a chain always
// carry a valid encoding; an invalid one (negative, overflowing) gives a
// meaningless value instead of Core's internal error.
primitives::ArithUint256 BitsToTarget(uint32_t bits);

// getblockheader's verbose object: {"hash", "confirmations", "height",
// "version", "versionHex", "merkleroot", "time", "mediantime", "nonce",
// "bits", "target", "difficulty", "chainwork", "nTx"[, "previousblockhash"]
// [, "nextblockhash"]}. Version, merkle root, time, nonce and bits come from
// `header`; target and difficulty are derived from its bits.
boost::json::object BlockHeaderToJson(const primitives::BlockHeader& header, const BlockPosition& position);

// getblock's verbosity levels (0, the raw hex, is not a JSON view).
enum class BlockVerbosity {
    TXIDS = 1,                  // "tx": [txid, ...]
    TX_DETAILS = 2,             // "tx": [TxToJson with "hex", and "fee" when undo data is given]
    TX_DETAILS_AND_PREVOUT = 3, // as 2, and each input's "prevout" when undo data is given
};

// getblock's object: the header fields above, then "strippedsize", "size",
// "weight", "tx". `spent` is the block's undo data, or nullptr when there is
// none (pruned, or never connected): Core then prints no "fee" and no
// "prevout". Precondition: spent is nullptr or CheckSpentOutputs(block,
// *spent) succeeded.
boost::json::object BlockToJson(const primitives::Block& block, const BlockPosition& position,
                                BlockVerbosity verbosity, const BlockSpentOutputs* spent,
                                const script::AddressParams& addresses);

// What getblockstats needs to know beyond the block and its undo data.
struct BlockStatsContext {
    // The block subsidy at the block's height (consensus::BlockSubsidy).
    primitives::Amount subsidy;
    // True for the two mainnet blocks whose coinbase repeated an earlier one
    // (BIP30; heights 91842 and 91880): their coinbase outputs did not enter
    // the UTXO set. The genesis block is recognised by its height.
    bool bip30_repeat{false};
};

inline constexpr size_t BLOCK_STATS_PERCENTILES = 5; // 10th, 25th, 50th, 75th, 90th

// getblockstats' figures for one block. Amounts in satoshis; sizes in bytes;
// feerates in sat/vB rounded down. "Non-coinbase" marks the figures that
// leave the coinbase out, as Core does.
struct BlockStats {
    int64_t avgfee{0};     // totalfee / non-coinbase transactions (integer division)
    int64_t avgfeerate{0}; // totalfee * 4 / total_weight
    int64_t avgtxsize{0};  // total_size / non-coinbase transactions
    primitives::BlockHash blockhash;
    std::array<int64_t, BLOCK_STATS_PERCENTILES> feerate_percentiles{}; // by weight
    int64_t height{0};
    int64_t ins{0}; // non-coinbase inputs
    int64_t maxfee{0};
    int64_t maxfeerate{0};
    int64_t maxtxsize{0};
    int64_t medianfee{0}; // truncated median (mean of the middle two, rounded down)
    int64_t mediantime{0};
    int64_t mediantxsize{0};
    int64_t minfee{0};
    int64_t minfeerate{0};
    int64_t mintxsize{0};
    int64_t outs{0}; // all outputs, the coinbase's included
    int64_t subsidy{0};
    int64_t swtotal_size{0};
    int64_t swtotal_weight{0};
    int64_t swtxs{0};
    int64_t time{0};
    int64_t total_out{0}; // non-coinbase outputs' value
    int64_t total_size{0};
    int64_t total_weight{0};
    int64_t totalfee{0};
    int64_t txs{0}; // the coinbase included
    int64_t utxo_increase{0};
    int64_t utxo_size_inc{0};
    int64_t utxo_increase_actual{0};
    int64_t utxo_size_inc_actual{0};
};

// Computes every figure. Precondition: CheckSpentOutputs(block, spent)
// succeeded (getblockstats needs undo data; Core refuses without it).
BlockStats ComputeBlockStats(const primitives::Block& block, const BlockPosition& position,
                             const BlockSpentOutputs& spent, const BlockStatsContext& context);

// getblockstats' object. With `selected` empty, every figure in Core's order
// (the order of BlockStats' members); otherwise only the named ones, each
// once, sorted bytewise as Core's std::set sorts them (so "utxo_increase_actual"
// then comes before "utxo_size_inc"). A name that is not a figure gives Core's error text
// "Invalid selected statistic '<name>'" (an RPC_INVALID_PARAMETER error),
// the alphabetically first such name if there are several.
util::Result<boost::json::object> BlockStatsToJson(const BlockStats& stats, const std::vector<std::string>& selected = {});

} // namespace json

#endif // UTXO_JSON_BLOCK_JSON_H
