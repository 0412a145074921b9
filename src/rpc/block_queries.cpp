// getblockheader, getblock, getblockstats and gettxoutsetinfo: the views of
// blocks and of the UTXO set that read block and undo data from disk.
#include <rpc/blockchain.h>

#include <chain/connect.h>
#include <coins/coin_stats.h>
#include <consensus/subsidy.h>
#include <json/number.h>
#include <json/block_json.h>
#include <rpc/chain_util.h>
#include <rpc/method.h>
#include <rpc/table.h>
#include <util/hex.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <mutex>

namespace rpc {
namespace {

json::BlockPosition PositionOf(const chain::Chainstate& state, const chain::BlockIndex& index)
{
    const chain::ActiveChain& chain = state.Chain();
    json::BlockPosition position;
    position.hash = index.hash;
    position.height = index.height;
    position.confirmations = chain.Contains(&index) ? chain.Height() - index.height + 1 : -1;
    position.chain_work = index.chain_work;
    position.tx_count = index.tx_count;
    position.median_time_past = index.MedianTimePast();
    if (index.parent) position.previous = index.parent->hash;
    if (const chain::BlockIndex* next = chain.Next(&index)) position.next = next->hash;
    return position;
}

json::BlockSpentOutputs SpentOutputsOf(const coins::BlockUndo& undo)
{
    json::BlockSpentOutputs spent;
    spent.reserve(undo.txs.size());
    for (const auto& tx : undo.txs) {
        auto& inputs = spent.emplace_back();
        for (const auto& coin : tx.spent) inputs.push_back({coin.out, static_cast<int>(coin.height), coin.coinbase});
    }
    return spent;
}

// The block named by a hash parameter; an error for a bad or unknown hash.
std::variant<const chain::BlockIndex*, RpcError> FindBlock(const chain::Chainstate& state,
                                                           const boost::json::value& param)
{
    const auto hash = ParseHash(param, "blockhash");
    if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
    const chain::BlockIndex* index = state.Find(primitives::BlockHash(std::get<primitives::Uint256>(hash)));
    if (!index) return BlockNotFound();
    return index;
}

RpcResult GetBlockHeader(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const auto found = FindBlock(state, params[0]);
    if (const auto* error = std::get_if<RpcError>(&found)) return *error;
    const chain::BlockIndex& index = *std::get<const chain::BlockIndex*>(found);
    if (Given(params, 1) && !params[1].as_bool()) {
        return boost::json::value(util::HexStr(primitives::EncodeBlockHeader(index.header)));
    }
    return boost::json::value(json::BlockHeaderToJson(index.header, PositionOf(state, index)));
}

// Reads the block (and, when `with_undo`, its spent outputs) of `index`.
std::variant<primitives::Block, RpcError> ReadBlockOf(const chain::Chainstate& state, const chain::BlockIndex& index)
{
    if (!(index.status & storage::BLOCK_HAVE_DATA)) {
        if (index.tx_count > 0) return RpcError{RPC_MISC_ERROR, "Block not available (pruned data)"};
        return RpcError{RPC_MISC_ERROR, "Block not found on disk"};
    }
    auto block = state.ReadBlock(index);
    if (!block) return RpcError{RPC_MISC_ERROR, "Block not found on disk"};
    return std::move(*block);
}

RpcResult GetBlock(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    int64_t verbosity = 1;
    if (Given(params, 1)) {
        if (params[1].is_bool()) {
            verbosity = params[1].get_bool() ? 1 : 0;
        } else if (params[1].is_int64()) {
            verbosity = params[1].get_int64();
        } else {
            return RpcError{RPC_TYPE_ERROR, "JSON value of type " + std::string(JsonTypeName(params[1])) +
                                                " is not of expected type number"};
        }
    }
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const auto found = FindBlock(state, params[0]);
    if (const auto* error = std::get_if<RpcError>(&found)) return *error;
    const chain::BlockIndex& index = *std::get<const chain::BlockIndex*>(found);
    auto block = ReadBlockOf(state, index);
    if (const auto* error = std::get_if<RpcError>(&block)) return *error;
    if (verbosity <= 0) return boost::json::value(util::HexStr(primitives::EncodeBlock(std::get<primitives::Block>(block))));
    const auto level = verbosity == 1 ? json::BlockVerbosity::TXIDS
                                      : verbosity == 2 ? json::BlockVerbosity::TX_DETAILS
                                                       : json::BlockVerbosity::TX_DETAILS_AND_PREVOUT;
    std::optional<json::BlockSpentOutputs> spent;
    if (verbosity >= 2 && (index.status & storage::BLOCK_HAVE_UNDO)) {
        auto undo = state.ReadUndo(index);
        if (!undo) return RpcError{RPC_MISC_ERROR, "Undo data expected but can't be read. This could be due to disk corruption or a conflict with a pruning event."};
        spent = SpentOutputsOf(*undo);
        if (auto r = json::CheckSpentOutputs(std::get<primitives::Block>(block), *spent); !r) {
            return RpcError{RPC_INTERNAL_ERROR, r.error()};
        }
    }
    return boost::json::value(json::BlockToJson(std::get<primitives::Block>(block), PositionOf(state, index), level,
                                                spent ? &*spent : nullptr, context.chain.addresses));
}

RpcResult GetBlockStats(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const chain::BlockIndex* index = nullptr;
    if (params[0].is_int64()) {
        const int64_t height = params[0].get_int64();
        const int tip = state.Chain().Height();
        if (height < 0) return RpcError{RPC_INVALID_PARAMETER, "Target block height " + std::to_string(height) + " is negative"};
        if (height > tip) {
            return RpcError{RPC_INVALID_PARAMETER, "Target block height " + std::to_string(height) +
                                                       " after current tip " + std::to_string(tip)};
        }
        index = state.Chain().At(static_cast<int>(height));
    } else {
        const auto found = FindBlock(state, params[0]);
        if (const auto* error = std::get_if<RpcError>(&found)) return *error;
        index = std::get<const chain::BlockIndex*>(found);
        if (!state.Chain().Contains(index)) {
            return RpcError{RPC_INVALID_PARAMETER, "Block is not in chain " +
                                                       std::string(consensus::ChainTypeName(context.chain.type))};
        }
    }
    std::vector<std::string> selected;
    if (Given(params, 1)) {
        for (const auto& stat : params[1].as_array()) {
            if (!stat.is_string()) return RpcError{RPC_TYPE_ERROR, "Expected type string"};
            selected.emplace_back(stat.get_string());
        }
    }
    auto block = ReadBlockOf(state, *index);
    if (const auto* error = std::get_if<RpcError>(&block)) return *error;
    json::BlockSpentOutputs spent;
    if (index->parent) {
        auto undo = state.ReadUndo(*index);
        if (!undo) return RpcError{RPC_MISC_ERROR, "Can't read undo data from disk"};
        spent = SpentOutputsOf(*undo);
        if (auto r = json::CheckSpentOutputs(std::get<primitives::Block>(block), spent); !r) {
            return RpcError{RPC_INTERNAL_ERROR, r.error()};
        }
    }
    const json::BlockStatsContext stats_context{consensus::BlockSubsidy(index->height, context.chain.consensus),
                                                chain::IsBip30Repeat(*index)};
    const auto stats = json::ComputeBlockStats(std::get<primitives::Block>(block), PositionOf(state, *index), spent,
                                               stats_context);
    auto result = json::BlockStatsToJson(stats, selected);
    if (!result) return RpcError{RPC_INVALID_PARAMETER, result.error()};
    return boost::json::value(std::move(*result));
}

RpcResult GetTxOutSetInfo(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const std::string hash_type = Given(params, 0) ? std::string(params[0].as_string()) : "hash_serialized_3";
    if (hash_type == "muhash") {
        return RpcError{RPC_INVALID_PARAMETER, "hash_type muhash is not supported by this node yet"};
    }
    if (hash_type != "hash_serialized_3" && hash_type != "none") {
        return RpcError{RPC_INVALID_PARAMETER, "'" + hash_type + "' is not a valid hash_type"};
    }
    if (Given(params, 1)) return RpcError{RPC_INVALID_PARAMETER, "Querying specific block heights requires coinstatsindex"};
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    // The statistics read the database: everything in the cache goes there first.
    if (auto r = state.FlushCoinsLocked(); !r) return RpcError{RPC_INTERNAL_ERROR, "Unable to read UTXO set"};
    auto stats = coins::ComputeUtxoSetStats(state.CoinsDatabase(), [&] { return state.Interrupted(); });
    if (!stats) return RpcError{RPC_INTERNAL_ERROR, "Unable to read UTXO set"};
    const chain::BlockIndex* best = state.Find(stats->best_block);
    boost::json::object result;
    result["height"] = best ? best->height : -1;
    result["bestblock"] = stats->best_block.ToHex();
    result["txouts"] = stats->txouts;
    result["bogosize"] = stats->bogosize;
    if (hash_type == "hash_serialized_3") result["hash_serialized_3"] = stats->hash_serialized.ToHex();
    if (!stats->total_amount) return RpcError{RPC_INTERNAL_ERROR, "Internal bug detected: total amount overflow"};
    result["total_amount"] = json::AmountValue(*stats->total_amount);
    result["transactions"] = stats->transactions;
    result["disk_size"] = stats->disk_size;
    return boost::json::value(std::move(result));
}

const char* HEADER_RESULT =
    "{                                 (json object) for verbose = true\n"
    "  \"hash\" : \"hex\",                 (string) the block hash (same as provided)\n"
    "  \"confirmations\" : n,            (numeric) The number of confirmations, or -1 if the block is not on the main chain\n"
    "  \"height\" : n,                   (numeric) The block height or index\n"
    "  \"version\" : n,                  (numeric) The block version\n"
    "  \"versionHex\" : \"hex\",           (string) The block version formatted in hexadecimal\n"
    "  \"merkleroot\" : \"hex\",           (string) The merkle root\n"
    "  \"time\" : xxx,                   (numeric) The block time expressed in UNIX epoch time\n"
    "  \"mediantime\" : xxx,             (numeric) The median block time expressed in UNIX epoch time\n"
    "  \"nonce\" : n,                    (numeric) The nonce\n"
    "  \"bits\" : \"hex\",                 (string) nBits: compact representation of the block difficulty target\n"
    "  \"target\" : \"hex\",               (string) The difficulty target\n"
    "  \"difficulty\" : n,               (numeric) The difficulty\n"
    "  \"chainwork\" : \"hex\",            (string) Expected number of hashes required to produce the current chain\n"
    "  \"nTx\" : n,                      (numeric) The number of transactions in the block\n"
    "  \"previousblockhash\" : \"hex\",    (string, optional) The hash of the previous block (if available)\n"
    "  \"nextblockhash\" : \"hex\"         (string, optional) The hash of the next block (if available)\n"
    "}\n\nResult (for verbose=false):\n\"hex\"    (string) A string that is serialized, hex-encoded data for block 'hash'";

} // namespace

void RegisterBlockQueryMethods(RpcTable& table)
{
    table.Register({"blockchain", "getblockheader",
                    "If verbose is false, returns a string that is serialized, hex-encoded data for blockheader 'hash'.\n"
                    "If verbose is true, returns an Object with information about blockheader <hash>.",
                    {{"blockhash", ArgType::STR_HEX, false, "", "The block hash", ""},
                     {"verbose", ArgType::BOOL, true, "true", "true for a json object, false for the hex-encoded data", ""}},
                    HEADER_RESULT, {"\"00000000c937983704a73af28acdec37b049d214adbda81d7e2a3dd146f6ed09\""},
                    GetBlockHeader});
    table.Register({"blockchain", "getblock",
                    "If verbosity is 0, returns a string that is serialized, hex-encoded data for block 'hash'.\n"
                    "If verbosity is 1, returns an Object with information about block <hash>.\n"
                    "If verbosity is 2, returns an Object with information about block <hash> and information about each transaction.\n"
                    "If verbosity is 3, returns an Object with information about block <hash> and information about each transaction, including prevout information for inputs (only for unpruned blocks in the current best chain).",
                    {{"blockhash", ArgType::STR_HEX, false, "", "The block hash", ""},
                     {"verbosity|verbose", ArgType::ANY, true, "1", "0 for hex-encoded data, 1 for a JSON object, 2 for JSON object with transaction data, and 3 for JSON object with transaction data including prevout information for inputs", ""}},
                    "\"hex\"    (string) for verbosity 0: A string that is serialized, hex-encoded data for block 'hash'\n\n"
                    "{...}    (json object) for verbosity 1: the getblockheader fields, then strippedsize, size, weight and tx (txids);\n"
                    "         for verbosity 2 and 3: tx holds the decoded transactions with their fee (and for 3 each input's prevout)",
                    {"\"00000000c937983704a73af28acdec37b049d214adbda81d7e2a3dd146f6ed09\""}, GetBlock});
    table.Register({"blockchain", "getblockstats",
                    "Compute per block statistics for a given window. All amounts are in satoshis.\n"
                    "It won't work for some heights with pruning.",
                    {{"hash_or_height", ArgType::ANY, false, "", "The block hash or height of the target block", "hash_or_height"},
                     {"stats", ArgType::ARR, true, "all values", "Values to plot (see result below)", "[\"height\",\"time\",...]"}},
                    "{...}    (json object) avgfee, avgfeerate, avgtxsize, blockhash, feerate_percentiles, height, ins, maxfee, "
                    "maxfeerate, maxtxsize, medianfee, mediantime, mediantxsize, minfee, minfeerate, mintxsize, outs, subsidy, "
                    "swtotal_size, swtotal_weight, swtxs, time, total_out, total_size, total_weight, totalfee, txs, "
                    "utxo_increase, utxo_size_inc, utxo_increase_actual, utxo_size_inc_actual",
                    {"1000 '[\"minfeerate\",\"avgfeerate\"]'"}, GetBlockStats});
    table.Register({"blockchain", "gettxoutsetinfo",
                    "Returns statistics about the unspent transaction output set.\nNote this call may take some time.",
                    {{"hash_type", ArgType::STR, true, "hash_serialized_3", "Which UTXO set hash should be calculated. Options: 'hash_serialized_3' (the legacy algorithm), 'none'.", ""},
                     {"hash_or_height", ArgType::ANY, true, "the current best block", "The block hash or height of the target height (only available with coinstatsindex).", ""},
                     {"use_index", ArgType::BOOL, true, "true", "Use coinstatsindex, if available.", ""}},
                    "{                                     (json object)\n"
                    "  \"height\" : n,                       (numeric) The block height (index) of the returned statistics\n"
                    "  \"bestblock\" : \"hex\",                (string) The hash of the block at which these statistics are calculated\n"
                    "  \"txouts\" : n,                       (numeric) The number of unspent transaction outputs\n"
                    "  \"bogosize\" : n,                     (numeric) Database-independent, meaningless metric indicating the UTXO set size\n"
                    "  \"hash_serialized_3\" : \"hex\",        (string, optional) The serialized hash (only present if 'hash_serialized_3' hash_type is chosen)\n"
                    "  \"total_amount\" : n,                 (numeric) The total amount of coins in the UTXO set\n"
                    "  \"transactions\" : n,                 (numeric) The number of transactions with unspent outputs\n"
                    "  \"disk_size\" : n                     (numeric) The estimated size of the chainstate on disk\n"
                    "}",
                    {""}, GetTxOutSetInfo});
}

} // namespace rpc
