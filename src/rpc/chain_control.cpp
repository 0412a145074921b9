#include <rpc/blockchain.h>

#include <chain/versionbits.h>
#include <rpc/chain_util.h>
#include <rpc/table.h>

#include <boost/json/object.hpp>

#include <chrono>
#include <mutex>
#include <optional>

namespace rpc {
namespace {

using ChainChange = util::Result<void> (chain::Chainstate::*)(const primitives::BlockHash&);

// invalidateblock, reconsiderblock, preciousblock: the block must be known.
RpcResult ChangeChain(const JsonRpcRequest& request, RpcContext& context, ChainChange change)
{
    if (!context.chainstate) return NoChainstate();
    const auto hash = ParseHash(Params(request)[0], "blockhash");
    if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
    const primitives::BlockHash block(std::get<primitives::Uint256>(hash));
    {
        std::lock_guard lock(context.chainstate->Mutex());
        if (!context.chainstate->Find(block)) return BlockNotFound();
    }
    if (auto r = (context.chainstate->*change)(block); !r) return RpcError{RPC_DATABASE_ERROR, r.error()};
    return boost::json::value(nullptr);
}

RpcResult InvalidateBlock(const JsonRpcRequest& request, RpcContext& context)
{
    return ChangeChain(request, context, &chain::Chainstate::InvalidateBlock);
}

RpcResult ReconsiderBlock(const JsonRpcRequest& request, RpcContext& context)
{
    return ChangeChain(request, context, &chain::Chainstate::ReconsiderBlock);
}

RpcResult PreciousBlock(const JsonRpcRequest& request, RpcContext& context)
{
    return ChangeChain(request, context, &chain::Chainstate::PreciousBlock);
}

RpcResult VerifyChain(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const int64_t level = Given(params, 0) ? params[0].to_number<int64_t>() : 3;
    const int64_t depth = Given(params, 1) ? params[1].to_number<int64_t>() : 6;
    if (level < 0 || level > 4) return RpcError{RPC_INVALID_PARAMETER, "Verification level must be between 0 and 4"};
    const bool ok = static_cast<bool>(context.chainstate->VerifyChain(static_cast<int>(level), static_cast<int>(depth)));
    return boost::json::value(ok);
}

boost::json::object TipObject(const chain::BlockIndex& tip)
{
    boost::json::object result;
    result["hash"] = tip.hash.ToHex();
    result["height"] = tip.height;
    return result;
}

// Waits (timeout in milliseconds, 0 = forever) until `done` holds for the
// tip, the node shuts down, or time runs out; answers with the tip then.
template <typename Done>
RpcResult WaitForTip(RpcContext& context, int64_t timeout_ms, Done done)
{
    if (!context.chainstate) return NoChainstate();
    chain::Chainstate& state = *context.chainstate;
    if (timeout_ms < 0) return RpcError{RPC_MISC_ERROR, "Negative timeout"};
    std::unique_lock lock(state.Mutex());
    const auto stop = [&] { return state.Interrupted() || done(*state.Chain().Tip()); };
    if (timeout_ms > 0) {
        state.TipChanged().wait_for(lock, std::chrono::milliseconds(timeout_ms), stop);
    } else {
        state.TipChanged().wait(lock, stop);
    }
    return boost::json::value(TipObject(*state.Chain().Tip()));
}

int64_t Timeout(const boost::json::array& params, size_t i)
{
    return Given(params, i) && params[i].is_number() ? params[i].to_number<int64_t>() : 0;
}

RpcResult WaitForNewBlock(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    primitives::BlockHash start;
    {
        std::lock_guard lock(context.chainstate->Mutex());
        start = context.chainstate->Chain().Tip()->hash;
    }
    if (Given(params, 1)) {
        const auto hash = ParseHash(params[1], "current_tip");
        if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
        start = primitives::BlockHash(std::get<primitives::Uint256>(hash));
    }
    return WaitForTip(context, Timeout(params, 0), [&](const chain::BlockIndex& tip) { return tip.hash != start; });
}

RpcResult WaitForBlock(const JsonRpcRequest& request, RpcContext& context)
{
    const auto& params = Params(request);
    const auto hash = ParseHash(params[0], "blockhash");
    if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
    const primitives::BlockHash target(std::get<primitives::Uint256>(hash));
    return WaitForTip(context, Timeout(params, 1), [&](const chain::BlockIndex& tip) { return tip.hash == target; });
}

RpcResult WaitForBlockHeight(const JsonRpcRequest& request, RpcContext& context)
{
    const auto& params = Params(request);
    const int64_t height = params[0].to_number<int64_t>();
    return WaitForTip(context, Timeout(params, 1), [&](const chain::BlockIndex& tip) { return tip.height >= height; });
}

RpcResult PruneBlockchain(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    chain::Chainstate& state = *context.chainstate;
    if (!state.PruneMode()) return RpcError{RPC_MISC_ERROR, "Cannot prune blocks because node is not in prune mode."};
    int64_t height = Params(request)[0].to_number<int64_t>();
    if (height < 0) return RpcError{RPC_INVALID_PARAMETER, "Negative block height."};
    {
        std::lock_guard lock(state.Mutex());
        const chain::ActiveChain& chain = state.Chain();
        // A value this large is a timestamp: prune up to the last block
        // that is more than 72 hours older than it (block times may lag).
        if (height > 1'000'000'000) {
            const int64_t time = height - 72 * 60 * 60;
            const chain::BlockIndex* found = nullptr;
            for (int h = 0; h <= chain.Height() && !found; ++h) {
                if (chain.At(h)->header.time >= time) found = chain.At(h);
            }
            if (!found) return RpcError{RPC_INVALID_PARAMETER, "Could not find block with at least the specified timestamp."};
            height = found->height;
        }
        if (height > chain.Height()) {
            return RpcError{RPC_INVALID_PARAMETER, "Blockchain is shorter than the attempted prune height."};
        }
    }
    auto pruned = state.PruneToHeight(static_cast<int>(height));
    if (!pruned) return RpcError{RPC_MISC_ERROR, pruned.error()};
    return boost::json::value(*pruned);
}

boost::json::object Buried(int height, int at)
{
    boost::json::object entry;
    entry["type"] = "buried";
    entry["active"] = at + 1 >= height; // for the block after `at`, as Core reports
    entry["height"] = height;
    return entry;
}

// Taproot's BIP9 deployment: always active except on mainnet (from 709632)
// and testnet3, whose signalling history this node does not track.
std::optional<boost::json::object> Taproot(consensus::ChainType type, int at)
{
    int since = 0;
    int64_t start = -1;
    int64_t timeout = INT64_MAX;
    int min_height = 0;
    if (type == consensus::ChainType::TESTNET) return std::nullopt;
    if (type == consensus::ChainType::MAIN) {
        since = 709632;
        start = 1619222400;
        timeout = 1628640000;
        min_height = 709632;
    }
    const bool active = at + 1 >= since;
    boost::json::object bip9;
    bip9["start_time"] = start;
    bip9["timeout"] = timeout;
    bip9["min_activation_height"] = min_height;
    bip9["status"] = active ? "active" : "locked_in";
    bip9["since"] = active ? since : since - 2016;
    bip9["status_next"] = active || at + 2 >= since ? "active" : "locked_in";
    boost::json::object entry;
    entry["type"] = "bip9";
    entry["height"] = since;
    entry["active"] = active;
    entry["bip9"] = std::move(bip9);
    return entry;
}

// A version-bits deployment as of `block` (Core's getdeploymentinfo): its
// state for `block` and for the next one; the window's signalling while it
// is started or locked in.
boost::json::object Bip9Entry(const chain::BlockIndex& block, const consensus::Bip9Deployment& deployment,
                              const consensus::Params& params)
{
    const chain::ThresholdState current = chain::StateFor(block.parent, deployment, params);
    const chain::ThresholdState next = chain::StateFor(&block, deployment, params);
    const bool signalling_window = current == chain::ThresholdState::STARTED ||
                                   current == chain::ThresholdState::LOCKED_IN;
    boost::json::object bip9;
    if (signalling_window) bip9["bit"] = deployment.bit;
    bip9["start_time"] = deployment.start_time;
    bip9["timeout"] = deployment.timeout;
    bip9["min_activation_height"] = deployment.min_activation_height;
    bip9["status"] = std::string(chain::ThresholdStateName(current));
    bip9["since"] = chain::StateSinceHeight(block.parent, deployment, params);
    bip9["status_next"] = std::string(chain::ThresholdStateName(next));
    if (signalling_window) {
        const auto window = chain::WindowStatsFor(block, deployment, params);
        boost::json::object statistics;
        // Core's fields in Core's order (Bitcoin Knots adds a "period_start").
        statistics["period"] = window.period;
        statistics["elapsed"] = window.elapsed;
        statistics["count"] = window.count;
        if (current == chain::ThresholdState::STARTED) {
            statistics["threshold"] = window.threshold;
            statistics["possible"] = window.possible;
        }
        bip9["statistics"] = std::move(statistics);
        bip9["signalling"] = window.signalling;
    }
    boost::json::object entry;
    entry["type"] = "bip9";
    if (next == chain::ThresholdState::ACTIVE) entry["height"] = chain::StateSinceHeight(&block, deployment, params);
    entry["active"] = next == chain::ThresholdState::ACTIVE;
    entry["bip9"] = std::move(bip9);
    return entry;
}

RpcResult GetDeploymentInfo(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const chain::BlockIndex* block = state.Chain().Tip();
    if (Given(Params(request), 0)) {
        const auto hash = ParseHash(Params(request)[0], "blockhash");
        if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
        block = state.Find(primitives::BlockHash(std::get<primitives::Uint256>(hash)));
        if (!block) return BlockNotFound();
    }
    const consensus::Params& params = context.chain.consensus;
    boost::json::object deployments;
    deployments["bip34"] = Buried(params.bip34_height, block->height);
    deployments["bip66"] = Buried(params.bip66_height, block->height);
    deployments["bip65"] = Buried(params.bip65_height, block->height);
    deployments["csv"] = Buried(params.csv_height, block->height);
    deployments["segwit"] = Buried(params.segwit_height, block->height);
    for (const auto& deployment : params.bip9_deployments) deployments[deployment.name] = Bip9Entry(*block, deployment, params);
    if (auto taproot = Taproot(context.chain.type, block->height)) deployments["taproot"] = std::move(*taproot);
    boost::json::object result;
    result["hash"] = block->hash.ToHex();
    result["height"] = block->height;
    result["deployments"] = std::move(deployments);
    return boost::json::value(std::move(result));
}

const char* TIP_RESULT = "{                       (json object)\n"
                         "  \"hash\" : \"hex\",     (string) The blockhash\n"
                         "  \"height\" : n        (numeric) Block height\n"
                         "}";

} // namespace

void RegisterChainControlMethods(RpcTable& table)
{
    const RpcArg blockhash{"blockhash", ArgType::STR_HEX, false, "", "the hash of the block", ""};
    table.Register({"hidden", "invalidateblock",
                    "Permanently marks a block as invalid, as if it violated a consensus rule.", {blockhash},
                    "null    (json null)", {"\"blockhash\""}, InvalidateBlock});
    table.Register({"hidden", "reconsiderblock",
                    "Removes invalidity status of a block, its ancestors and its descendants, reconsider them for "
                    "activation.\nThis can be used to undo the effects of invalidateblock.",
                    {blockhash}, "null    (json null)", {"\"blockhash\""}, ReconsiderBlock});
    table.Register({"blockchain", "preciousblock",
                    "Treats a block as if it were received before others with the same work.\n\nA later "
                    "preciousblock call can override the effect of an earlier one.\n\nThe effects of preciousblock "
                    "are not retained across restarts.",
                    {blockhash}, "null    (json null)", {"\"blockhash\""}, PreciousBlock});
    table.Register({"blockchain", "pruneblockchain", "Attempts to delete block and undo data up to a specified height or timestamp, if eligible for pruning.\nRequires `-prune` to be enabled at startup. While pruned data may be re-fetched in some cases (e.g., via `getblockfrompeer`), local deletion is irreversible.",
                    {{"height", ArgType::NUM, false, "", "The block height to prune up to. May be set to a discrete height, or to a UNIX epoch time\nto prune blocks whose block time is at least 2 hours older than the provided timestamp.", ""}},
                    "n    (numeric) Height of the last block pruned", {"1000"}, PruneBlockchain});
    table.Register({"blockchain", "getdeploymentinfo", "Returns an object containing various state info regarding deployments of consensus changes.",
                    {{"blockhash", ArgType::STR_HEX, true, "hash of current chain tip", "The block hash at which to query deployment state", ""}},
                    "{                          (json object)\n"
                    "  \"hash\" : \"str\",          (string) requested block hash (or tip)\n"
                    "  \"height\" : n,            (numeric) requested block height (or tip)\n"
                    "  \"deployments\" : {...}    (json object) name -> {type, height, active[, bip9]}\n"
                    "}",
                    {""}, GetDeploymentInfo});
    table.Register({"blockchain", "verifychain", "Verifies blockchain database.",
                    {{"checklevel", ArgType::NUM, true, "3, range=0-4", "How thorough the block verification is.", ""},
                     {"nblocks", ArgType::NUM, true, "6, 0=all", "The number of blocks to check.", ""}},
                    "true|false    (boolean) Verification finished successfully. If false, check debug.log for reason.",
                    {""}, VerifyChain});
    table.Register({"blockchain", "waitfornewblock",
                    "Waits for any new block and returns useful info about it.\n\nReturns the current block on timeout "
                    "or exit.",
                    {{"timeout", ArgType::NUM, true, "0", "Time in milliseconds to wait for a response. 0 indicates no timeout.", ""},
                     {"current_tip", ArgType::STR_HEX, true, "", "Method waits for the chain tip to differ from this.", ""}},
                    TIP_RESULT, {"1000"}, WaitForNewBlock});
    table.Register({"blockchain", "waitforblock",
                    "Waits for a specific new block and returns useful info about it.\n\nReturns the current block on "
                    "timeout or exit.",
                    {{"blockhash", ArgType::STR_HEX, false, "", "Block hash to wait for.", ""},
                     {"timeout", ArgType::NUM, true, "0", "Time in milliseconds to wait for a response. 0 indicates no timeout.", ""}},
                    TIP_RESULT, {"\"blockhash\" 1000"}, WaitForBlock});
    table.Register({"blockchain", "waitforblockheight",
                    "Waits for (at least) block height and returns the height and hash\nof the current tip.\n\nReturns "
                    "the current block on timeout or exit.",
                    {{"height", ArgType::NUM, false, "", "Block height to wait for.", ""},
                     {"timeout", ArgType::NUM, true, "0", "Time in milliseconds to wait for a response. 0 indicates no timeout.", ""}},
                    TIP_RESULT, {"100 1000"}, WaitForBlockHeight});
}

} // namespace rpc
