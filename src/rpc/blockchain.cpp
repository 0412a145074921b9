#include <rpc/blockchain.h>

#include <consensus/pow.h>
#include <json/number.h>
#include <json/tx_json.h>
#include <json/block_json.h>
#include <rpc/chain_util.h>
#include <rpc/context.h>
#include <rpc/table.h>
#include <util/hex.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <mutex>

namespace rpc {
namespace {

RpcResult GetBlockCount(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    std::lock_guard lock(context.chainstate->Mutex());
    return boost::json::value(context.chainstate->Chain().Height());
}

RpcResult GetBestBlockHash(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    std::lock_guard lock(context.chainstate->Mutex());
    return boost::json::value(context.chainstate->Chain().Tip()->hash.ToHex());
}

RpcResult GetBlockHash(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const boost::json::value& param = Params(request)[0];
    const auto height = param.is_int64() ? std::optional<int64_t>(param.get_int64()) : std::nullopt;
    std::lock_guard lock(context.chainstate->Mutex());
    const auto& chain = context.chainstate->Chain();
    if (!height || *height < 0 || *height > chain.Height()) {
        return RpcError{RPC_INVALID_PARAMETER, "Block height out of range"};
    }
    return boost::json::value(chain.At(static_cast<int>(*height))->hash.ToHex());
}

RpcResult GetDifficulty(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    std::lock_guard lock(context.chainstate->Mutex());
    return boost::json::value(json::Difficulty(context.chainstate->Chain().Tip()->header.bits));
}

RpcResult GetBlockchainInfo(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const chain::BlockIndex& tip = *state.Chain().Tip();
    boost::json::object result;
    result["chain"] = std::string(consensus::ChainTypeName(context.chain.type));
    result["blocks"] = tip.height;
    result["headers"] = state.BestHeader() ? state.BestHeader()->height : -1;
    result["bestblockhash"] = tip.hash.ToHex();
    result["bits"] = BitsHex(tip.header.bits);
    result["target"] = TargetHex(tip.header.bits);
    result["difficulty"] = json::Difficulty(tip.header.bits);
    result["time"] = tip.header.time;
    result["mediantime"] = tip.MedianTimePast();
    // Core's estimate with no per-network transaction statistics (what it
    // does on regtest): the transactions so far over those so far.
    result["verificationprogress"] = 1.0;
    result["initialblockdownload"] = state.IsInitialBlockDownload();
    result["chainwork"] = tip.chain_work.ToHex();
    result["size_on_disk"] = state.BlockFilesDiskSize();
    result["pruned"] = state.PruneMode();
    if (state.PruneMode()) {
        result["pruneheight"] = state.FirstBlockWithData();
        const bool automatic = state.PruneTargetBytes() != chain::PRUNE_MANUAL;
        result["automatic_pruning"] = automatic;
        if (automatic) result["prune_target_size"] = state.PruneTargetBytes();
    }
    if (context.chain.type == consensus::ChainType::SIGNET) {
        result["signet_challenge"] = util::HexStr(context.chain.consensus.signet_challenge);
    }
    result["warnings"] = boost::json::array();
    return boost::json::value(std::move(result));
}

RpcResult GetChainTips(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    std::lock_guard lock(context.chainstate->Mutex());
    auto tips = context.chainstate->ChainTips();
    // Highest first, as bitcoind lists them.
    std::stable_sort(tips.begin(), tips.end(),
                     [](const auto& a, const auto& b) { return a.block->height > b.block->height; });
    boost::json::array result;
    for (const auto& tip : tips) {
        boost::json::object entry;
        entry["height"] = tip.block->height;
        entry["hash"] = tip.block->hash.ToHex();
        entry["branchlen"] = tip.branch_length;
        entry["status"] = tip.status;
        result.push_back(std::move(entry));
    }
    return boost::json::value(std::move(result));
}

RpcResult GetTxOut(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const auto txid = ParseHash(params[0], "txid");
    if (const auto* error = std::get_if<RpcError>(&txid)) return *error;
    if (!params[1].is_int64() || params[1].get_int64() < 0 || params[1].get_int64() > UINT32_MAX) {
        return RpcError{RPC_INVALID_PARAMETER, "Invalid n"};
    }
    const primitives::OutPoint outpoint{primitives::Txid(std::get<primitives::Uint256>(txid)),
                                        static_cast<uint32_t>(params[1].get_int64())};
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const auto coin = state.Coins().GetCoin(outpoint);
    if (!coin) return boost::json::value(nullptr);
    const chain::BlockIndex& tip = *state.Chain().Tip();
    boost::json::object result;
    result["bestblock"] = tip.hash.ToHex();
    result["confirmations"] = tip.height - static_cast<int>(coin->height) + 1;
    result["value"] = json::AmountValue(coin->out.value);
    result["scriptPubKey"] = json::ScriptPubKeyToJson(coin->out.script_pubkey, context.chain.addresses);
    result["coinbase"] = coin->coinbase;
    return boost::json::value(std::move(result));
}

RpcResult GetChainTxStats(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const chain::BlockIndex* block = state.Chain().Tip();
    if (Given(params, 1)) {
        const auto hash = ParseHash(params[1], "blockhash");
        if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
        block = state.Find(primitives::BlockHash(std::get<primitives::Uint256>(hash)));
        if (!block) return BlockNotFound();
        if (!state.Chain().Contains(block)) return RpcError{RPC_INVALID_PARAMETER, "Block is not in main chain"};
    }
    const auto& consensus = context.chain.consensus;
    int64_t count = 30 * 24 * 60 * 60 / consensus.pow_target_spacing; // one month
    if (!Given(params, 0)) {
        count = std::max<int64_t>(0, std::min<int64_t>(count, block->height - 1));
    } else {
        count = params[0].is_int64() ? params[0].get_int64() : -1;
        if (count < 0 || (count > 0 && count >= block->height)) {
            return RpcError{RPC_INVALID_PARAMETER, "Invalid block count: should be between 0 and the block's height - 1"};
        }
    }
    const chain::BlockIndex* start = block->Ancestor(block->height - static_cast<int>(count));
    const int64_t interval = block->MedianTimePast() - start->MedianTimePast();
    boost::json::object result;
    result["time"] = block->header.time;
    if (block->chain_tx_count > 0) result["txcount"] = block->chain_tx_count;
    result["window_final_block_hash"] = block->hash.ToHex();
    result["window_final_block_height"] = block->height;
    result["window_block_count"] = count;
    if (count > 0) {
        result["window_interval"] = interval;
        if (block->chain_tx_count > 0 && start->chain_tx_count > 0) {
            const uint64_t window_tx = block->chain_tx_count - start->chain_tx_count;
            result["window_tx_count"] = window_tx;
            if (interval > 0) result["txrate"] = static_cast<double>(window_tx) / static_cast<double>(interval);
        }
    }
    return boost::json::value(std::move(result));
}

} // namespace

void RegisterBlockchainMethods(RpcTable& table)
{
    table.Register({"blockchain", "getblockcount", "Returns the height of the most-work fully-validated chain.", {},
                    "n    (numeric) The current block count", {""}, GetBlockCount});
    table.Register({"blockchain", "getbestblockhash", "Returns the hash of the tip of the most-work chain.", {},
                    "\"hex\"    (string) the block hash, hex-encoded", {""}, GetBestBlockHash});
    table.Register({"blockchain", "getblockhash", "Returns the hash of the block at a height of the active chain.",
                    {{"height", ArgType::NUM, false, "", "The height", ""}},
                    "\"hex\"    (string) The block hash", {"1000"}, GetBlockHash});
    table.Register({"blockchain", "getdifficulty",
                    "Returns the proof-of-work difficulty as a multiple of the minimum difficulty.", {},
                    "n    (numeric) the proof-of-work difficulty as a multiple of the minimum difficulty.", {""},
                    GetDifficulty});
    table.Register({"blockchain", "getblockchaininfo", "Returns the state of the block chain.", {},
                    "{                                         (json object)\n"
                    "  \"chain\" : \"str\",                        (string) main, test, testnet4, signet or regtest\n"
                    "  \"blocks\" : n,                           (numeric) Height of the validated tip\n"
                    "  \"headers\" : n,                          (numeric) Height of the best known header\n"
                    "  \"bestblockhash\" : \"hex\",                (string) Hash of the tip\n"
                    "  \"bits\" : \"hex\",                         (string) nBits of the tip\n"
                    "  \"target\" : \"hex\",                       (string) The tip's target\n"
                    "  \"difficulty\" : n,                       (numeric) The tip's difficulty\n"
                    "  \"time\" : xxx,                           (numeric) Tip timestamp (UNIX epoch seconds)\n"
                    "  \"mediantime\" : xxx,                     (numeric) Median time past of the tip\n"
                    "  \"verificationprogress\" : n,             (numeric) Estimate of verification progress [0..1]\n"
                    "  \"initialblockdownload\" : true|false,    (boolean) Whether the node is in initial block download\n"
                    "  \"chainwork\" : \"hex\",                    (string) Total work of the active chain\n"
                    "  \"size_on_disk\" : n,                     (numeric) Bytes of block and undo files\n"
                    "  \"pruned\" : true|false,                  (boolean) Whether old blocks are deleted\n"
                    "  \"signet_challenge\" : \"hex\",             (string, optional) Signet only: the block challenge\n"
                    "  \"warnings\" : [                          (json array) Node warnings\n"
                    "    \"str\",                                (string)\n"
                    "    ...\n"
                    "  ]\n"
                    "}",
                    {""}, GetBlockchainInfo});
    table.Register({"blockchain", "getchaintips",
                    "Return information about all known tips in the block tree, including the main chain as well as "
                    "orphaned branches.",
                    {},
                    "[                        (json array)\n"
                    "  {                      (json object)\n"
                    "    \"height\" : n,        (numeric) height of the chain tip\n"
                    "    \"hash\" : \"hex\",      (string) block hash of the tip\n"
                    "    \"branchlen\" : n,     (numeric) zero for main chain, otherwise length of branch connecting "
                    "the tip to the main chain\n"
                    "    \"status\" : \"str\"     (string) status of the chain: invalid, headers-only, valid-headers, "
                    "valid-fork or active\n"
                    "  },\n"
                    "  ...\n"
                    "]",
                    {""}, GetChainTips});
    table.Register({"blockchain", "gettxout", "Returns details about an unspent transaction output.",
                    {{"txid", ArgType::STR, false, "", "The transaction id", ""},
                     {"n", ArgType::NUM, false, "", "vout number", ""},
                     {"include_mempool", ArgType::BOOL, true, "true", "Whether to include the mempool (there is none yet)", ""}},
                    "null    (json null) If the UTXO was not found\n\nor\n\n"
                    "{                             (json object)\n"
                    "  \"bestblock\" : \"hex\",        (string) The hash of the block at the tip of the chain\n"
                    "  \"confirmations\" : n,        (numeric) The number of confirmations\n"
                    "  \"value\" : n,                (numeric) The transaction value in BTC\n"
                    "  \"scriptPubKey\" : {...},     (json object) asm, desc, hex, address (optional), type\n"
                    "  \"coinbase\" : true|false     (boolean) Coinbase or not\n"
                    "}",
                    {"\"txid\" 1"}, GetTxOut});
    table.Register({"blockchain", "getchaintxstats", "Compute statistics about the total number and rate of transactions in the chain.",
                    {{"nblocks", ArgType::NUM, true, "one month", "Size of the window in number of blocks", ""},
                     {"blockhash", ArgType::STR_HEX, true, "chain tip", "The hash of the block that ends the window.", ""}},
                    "{                                       (json object)\n"
                    "  \"time\" : xxx,                         (numeric) The timestamp for the final block in the window\n"
                    "  \"txcount\" : n,                        (numeric, optional) The total number of transactions in the chain up to that point\n"
                    "  \"window_final_block_hash\" : \"hex\",    (string) The hash of the final block in the window\n"
                    "  \"window_final_block_height\" : n,      (numeric) The height of the final block in the window.\n"
                    "  \"window_block_count\" : n,             (numeric) Size of the window in number of blocks\n"
                    "  \"window_interval\" : n,                (numeric, optional) The elapsed time in the window in seconds\n"
                    "  \"window_tx_count\" : n,                (numeric, optional) The number of transactions in the window\n"
                    "  \"txrate\" : n                          (numeric, optional) The average rate of transactions per second in the window\n"
                    "}",
                    {""}, GetChainTxStats});
    RegisterChainControlMethods(table);
    RegisterBlockQueryMethods(table);
}

} // namespace rpc
