#include <rpc/mining.h>

#include <chain/versionbits.h>
#include <json/decode_tx.h>
#include <mining/block_assembler.h>
#include <json/block_json.h>
#include <rpc/chain_util.h>
#include <rpc/table.h>
#include <script/address.h>
#include <script/descriptor_parse.h>
#include <util/hex.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <mutex>

namespace rpc {
namespace {

constexpr uint64_t DEFAULT_MAX_TRIES = 1'000'000;

int64_t NowSeconds(const RpcContext& context) { return context.clock.NowMicros() / 1'000'000; }

// Mines `count` blocks paying to `script`; the hashes of those found.
RpcResult GenerateBlocks(RpcContext& context, const util::Bytes& script, int64_t count, uint64_t max_tries)
{
    chain::Chainstate& state = *context.chainstate;
    const consensus::Params& params = context.chain.consensus;
    boost::json::array hashes;
    for (int64_t i = 0; i < count && !state.Interrupted(); ++i) {
        mining::BlockTemplate block_template;
        {
            std::lock_guard lock(state.Mutex());
            block_template = mining::CreateNewBlock(*state.Chain().Tip(), script, {}, primitives::Amount{0},
                                                    NowSeconds(context), params);
        }
        context.block_assembled = true;
        primitives::Block& block = block_template.block;
        if (!mining::SolveBlock(block.header, max_tries, params)) break;
        const auto result = state.ProcessNewBlock(block);
        if (!result.accepted) return RpcError{RPC_INTERNAL_ERROR, "ProcessNewBlock, block not accepted"};
        hashes.push_back(boost::json::value(block.GetHash().ToHex()));
    }
    return boost::json::value(std::move(hashes));
}

uint64_t MaxTries(const boost::json::array& params, size_t i)
{
    if (!Given(params, i)) return DEFAULT_MAX_TRIES;
    const int64_t value = params[i].to_number<int64_t>();
    return value < 0 ? 0 : static_cast<uint64_t>(value);
}

RpcResult GenerateToAddress(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const auto destination = script::DecodeDestination(params[1].get_string(), context.chain.addresses);
    if (!destination) return RpcError{RPC_INVALID_ADDRESS_OR_KEY, "Error: Invalid address"};
    return GenerateBlocks(context, script::GetScriptForDestination(*destination), params[0].to_number<int64_t>(),
                          MaxTries(params, 2));
}

RpcResult GenerateToDescriptor(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const auto script = script::ParseSingleScriptDescriptor(params[1].get_string(), context.chain.addresses);
    if (!script) return RpcError{RPC_INVALID_ADDRESS_OR_KEY, script.error()};
    return GenerateBlocks(context, *script, params[0].to_number<int64_t>(), MaxTries(params, 2));
}

// generateblock's output: an address, else a descriptor.
std::optional<util::Bytes> OutputScript(std::string_view output, const script::AddressParams& addresses,
                                        std::string& error)
{
    if (const auto destination = script::DecodeDestination(output, addresses)) {
        return script::GetScriptForDestination(*destination);
    }
    auto script = script::ParseSingleScriptDescriptor(output, addresses);
    if (!script) {
        error = script.error();
        return std::nullopt;
    }
    return std::move(*script);
}

RpcResult GenerateBlock(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    std::string error;
    const auto script = OutputScript(params[0].get_string(), context.chain.addresses, error);
    if (!script) return RpcError{RPC_INVALID_ADDRESS_OR_KEY, "Error: Invalid address or descriptor"};
    std::vector<primitives::TransactionRef> txs;
    for (const auto& entry : params[1].get_array()) {
        if (!entry.is_string()) return RpcError{RPC_TYPE_ERROR, "Expected type string"};
        const std::string_view text = entry.get_string();
        if (text.size() == 64 && util::TryParseHex(text)) {
            // A txid: it would have to come from the mempool, which does not exist yet.
            return RpcError{RPC_INVALID_ADDRESS_OR_KEY, "Transaction " + std::string(text) + " not in mempool."};
        }
        auto tx = json::DecodeHexTransaction(text);
        if (!tx) {
            return RpcError{RPC_DESERIALIZATION_ERROR, "Transaction decode failed for " + std::string(text) +
                                                           ". Make sure the tx has at least one input."};
        }
        txs.push_back(std::make_shared<const primitives::Transaction>(std::move(*tx)));
    }
    const bool submit = Given(params, 2) ? params[2].as_bool() : true;
    chain::Chainstate& state = *context.chainstate;
    const consensus::Params& consensus = context.chain.consensus;
    primitives::Block block;
    {
        std::lock_guard lock(state.Mutex());
        // The transactions' fees are forfeited: the coinbase claims the subsidy only.
        context.block_assembled = true; // as Core, which assembles an empty block and adds txs to it
        block = mining::CreateNewBlock(*state.Chain().Tip(), *script, std::move(txs), primitives::Amount{0},
                                       NowSeconds(context), consensus)
                    .block;
        const std::string reason = state.TestBlockValidity(block, /*check_pow=*/false, /*check_merkle_root=*/false);
        if (!reason.empty()) return RpcError{RPC_VERIFY_ERROR, "TestBlockValidity failed: " + reason};
    }
    uint64_t max_tries = DEFAULT_MAX_TRIES;
    if (!mining::SolveBlock(block.header, max_tries, consensus)) {
        return RpcError{RPC_MISC_ERROR, "Failed to make block."};
    }
    boost::json::object result;
    result["hash"] = block.GetHash().ToHex();
    if (submit) {
        const auto submitted = state.ProcessNewBlock(block);
        if (!submitted.accepted) return RpcError{RPC_INTERNAL_ERROR, "ProcessNewBlock, block not accepted"};
    } else {
        result["hex"] = util::HexStr(primitives::EncodeBlock(block));
    }
    return boost::json::value(std::move(result));
}

RpcResult SubmitBlock(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto bytes = util::TryParseHex(Params(request)[0].get_string());
    auto block = bytes ? primitives::DecodeBlock(*bytes) : util::Result<primitives::Block>(util::Error{"hex"});
    if (!block) return RpcError{RPC_DESERIALIZATION_ERROR, "Block decode failed"};
    // No pre-checks (v29 dropped "Block does not start with a coinbase"): a
    // block without transactions or coinbase gets its reject reason like any
    // other ("bad-blk-length", "bad-cb-missing", or "high-hash" first).
    chain::Chainstate& state = *context.chainstate;
    const auto result = state.ProcessNewBlock(*block);
    if (result.duplicate) return boost::json::value(result.reject_reason);
    if (!result.accepted) return boost::json::value(result.reject_reason.empty() ? "rejected" : result.reject_reason);
    // Stored and valid as far as checked: connected means valid (BIP22 null);
    // a block on a branch with less work was never connected: "inconclusive".
    std::lock_guard lock(state.Mutex());
    const chain::BlockIndex* index = state.Find(block->GetHash());
    if (index && index->IsValid(storage::BLOCK_VALID_SCRIPTS)) return boost::json::value(nullptr);
    return boost::json::value("inconclusive");
}

RpcResult SubmitHeader(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto bytes = util::TryParseHex(Params(request)[0].get_string());
    auto header = bytes ? primitives::DecodeBlockHeader(*bytes) : util::Result<primitives::BlockHeader>(util::Error{"hex"});
    if (!header) return RpcError{RPC_DESERIALIZATION_ERROR, "Block header decode failed"};
    chain::Chainstate& state = *context.chainstate;
    {
        std::lock_guard lock(state.Mutex());
        if (!state.Find(header->prev_block)) {
            return RpcError{RPC_VERIFY_ERROR, "Must submit previous header (" + header->prev_block.ToHex() + ") first"};
        }
    }
    const std::string reason = state.ProcessNewBlockHeader(*header);
    if (!reason.empty()) return RpcError{RPC_VERIFY_ERROR, reason};
    return boost::json::value(nullptr);
}

// Hashes per second over the last `lookup` blocks ending at `height`
// (Core's GetNetworkHashPS; display only).
double NetworkHashesPerSecond(const chain::Chainstate& state, int64_t lookup, int64_t height)
{
    const chain::BlockIndex* block = state.Chain().Tip();
    if (height >= 0 && height < block->height) block = state.Chain().At(static_cast<int>(height));
    if (!block || block->height == 0) return 0;
    const int64_t interval = state.Params().consensus.DifficultyAdjustmentInterval();
    if (lookup <= 0) lookup = block->height % interval + 1;
    if (lookup > block->height) lookup = block->height;
    const chain::BlockIndex* walk = block;
    int64_t min_time = walk->header.time;
    int64_t max_time = min_time;
    for (int64_t i = 0; i < lookup; ++i) {
        walk = walk->parent;
        min_time = std::min<int64_t>(min_time, walk->header.time);
        max_time = std::max<int64_t>(max_time, walk->header.time);
    }
    if (min_time == max_time) return 0;
    const primitives::ArithUint256 work = block->chain_work - walk->chain_work;
    double value = 0;
    for (unsigned i = 256; i > 0; i -= 64) {
        value = value * 18446744073709551616.0 + static_cast<double>((work >> (i - 64)).Low64());
    }
    return value / static_cast<double>(max_time - min_time);
}

RpcResult GetNetworkHashPs(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const int64_t lookup = Given(params, 0) ? params[0].to_number<int64_t>() : 120;
    const int64_t height = Given(params, 1) ? params[1].to_number<int64_t>() : -1;
    std::lock_guard lock(context.chainstate->Mutex());
    if (height >= 0 && height > context.chainstate->Chain().Height()) {
        return RpcError{RPC_INVALID_PARAMETER, "Block does not exist at specified height"};
    }
    return boost::json::value(NetworkHashesPerSecond(*context.chainstate, lookup, height));
}

RpcResult GetMiningInfo(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    const chain::BlockIndex& tip = *state.Chain().Tip();
    boost::json::object result;
    result["blocks"] = tip.height;
    if (context.block_assembled) {
        // The last assembled block's weight (reserved weight included) and
        // transactions besides the coinbase: without a mempool, always these.
        result["currentblockweight"] = mining::BLOCK_RESERVED_WEIGHT;
        result["currentblocktx"] = 0;
    }
    result["bits"] = BitsHex(tip.header.bits);
    result["difficulty"] = json::Difficulty(tip.header.bits);
    result["target"] = TargetHex(tip.header.bits);
    result["networkhashps"] = NetworkHashesPerSecond(state, 120, -1);
    result["pooledtx"] = 0;
    result["chain"] = std::string(consensus::ChainTypeName(context.chain.type));
    if (context.chain.type == consensus::ChainType::SIGNET) {
        result["signet_challenge"] = util::HexStr(context.chain.consensus.signet_challenge);
    }
    const int64_t next_time = std::max<int64_t>(tip.MedianTimePast() + 1, NowSeconds(context));
    const uint32_t next_bits =
        consensus::NextWorkRequired(tip.Info(), chain::BranchView(tip), next_time, context.chain.consensus);
    boost::json::object next;
    next["height"] = tip.height + 1;
    next["bits"] = BitsHex(next_bits);
    next["difficulty"] = json::Difficulty(next_bits);
    next["target"] = TargetHex(next_bits);
    result["next"] = std::move(next);
    result["warnings"] = boost::json::array();
    return boost::json::value(std::move(result));
}

// BIP23 proposal mode: would this block be accepted on the tip?
RpcResult ProposeBlock(const boost::json::object& request, RpcContext& context)
{
    const auto data = request.find("data");
    if (data == request.end() || !data->value().is_string()) {
        return RpcError{RPC_TYPE_ERROR, "Missing data String key for proposal"};
    }
    const auto bytes = util::TryParseHex(data->value().get_string());
    auto block = bytes ? primitives::DecodeBlock(*bytes) : util::Result<primitives::Block>(util::Error{"hex"});
    if (!block) return RpcError{RPC_DESERIALIZATION_ERROR, "Block decode failed"};
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    if (const chain::BlockIndex* known = state.Find(block->GetHash())) {
        if (known->IsValid(storage::BLOCK_VALID_SCRIPTS)) return boost::json::value("duplicate");
        if (known->status & (storage::BLOCK_FAILED_VALID | storage::BLOCK_FAILED_CHILD)) {
            return boost::json::value("duplicate-invalid");
        }
        return boost::json::value("duplicate-inconclusive");
    }
    if (block->header.prev_block != state.Chain().Tip()->hash) return boost::json::value("inconclusive-not-best-prevblk");
    const std::string reason = state.TestBlockValidity(*block, /*check_pow=*/false, /*check_merkle_root=*/true);
    if (reason.empty()) return boost::json::value(nullptr);
    return boost::json::value(reason);
}

RpcResult GetBlockTemplate(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    boost::json::object template_request;
    if (Given(params, 0)) {
        if (!params[0].is_object()) return RpcError{RPC_TYPE_ERROR, "Expected type object"};
        template_request = params[0].get_object();
    }
    std::string mode = "template";
    if (const auto it = template_request.find("mode"); it != template_request.end()) {
        if (it->value().is_string()) {
            mode = std::string(it->value().get_string());
        } else if (!it->value().is_null()) {
            return RpcError{RPC_INVALID_PARAMETER, "Invalid mode"};
        }
    }
    if (mode == "proposal") return ProposeBlock(template_request, context);
    if (mode != "template") return RpcError{RPC_INVALID_PARAMETER, "Invalid mode"};
    bool segwit_rule = false;
    if (const auto it = template_request.find("rules"); it != template_request.end() && it->value().is_array()) {
        for (const auto& rule : it->value().get_array()) segwit_rule |= rule.is_string() && rule.get_string() == "segwit";
    }
    if (!segwit_rule) {
        return RpcError{RPC_INVALID_PARAMETER,
                        "getblocktemplate must be called with the segwit rule set (call with {\"rules\": [\"segwit\"]})"};
    }
    chain::Chainstate& state = *context.chainstate;
    std::lock_guard lock(state.Mutex());
    if (context.chain.type != consensus::ChainType::REGTEST && state.IsInitialBlockDownload()) {
        return RpcError{RPC_CLIENT_IN_INITIAL_DOWNLOAD, "utxod is in initial sync and waiting for blocks..."};
    }
    const chain::BlockIndex& tip = *state.Chain().Tip();
    // The coinbase is the miner's: the template only says what it may claim
    // and which witness commitment to include.
    context.block_assembled = true;
    const auto block_template = mining::CreateNewBlock(tip, util::Bytes{}, {}, primitives::Amount{0},
                                                       NowSeconds(context), context.chain.consensus);
    const primitives::Block& block = block_template.block;
    boost::json::object result;
    result["capabilities"] = boost::json::array{"proposal"};
    result["version"] = block.header.version;
    // BIP9 deployments for the next block (BIP9's GBT changes): active ones
    // are rules ("!" when a client must understand them), signalling ones
    // are available; Core lists them between segwit and taproot.
    boost::json::array rules{"csv", "!segwit"};
    boost::json::object available;
    for (const auto& deployment : context.chain.consensus.bip9_deployments) {
        switch (chain::StateFor(&tip, deployment, context.chain.consensus)) {
        case chain::ThresholdState::STARTED:
        case chain::ThresholdState::LOCKED_IN:
            available[deployment.name] = deployment.bit;
            break;
        case chain::ThresholdState::ACTIVE:
            rules.push_back(boost::json::string(std::string(deployment.gbt_force ? "" : "!") + deployment.name));
            break;
        case chain::ThresholdState::DEFINED:
        case chain::ThresholdState::FAILED:
            break;
        }
    }
    rules.push_back("taproot");
    result["rules"] = std::move(rules);
    result["vbavailable"] = std::move(available);
    result["vbrequired"] = 0;
    result["previousblockhash"] = tip.hash.ToHex();
    result["transactions"] = boost::json::array();
    result["coinbaseaux"] = boost::json::object();
    result["coinbasevalue"] = block_template.coinbase_value.sats();
    result["longpollid"] = tip.hash.ToHex() + "0";
    result["target"] = TargetHex(block.header.bits);
    result["mintime"] = tip.MedianTimePast() + 1;
    result["mutable"] = boost::json::array{"time", "transactions", "prevblock"};
    result["noncerange"] = "00000000ffffffff";
    result["sigoplimit"] = 80000;
    result["sizelimit"] = 4000000;
    result["weightlimit"] = 4000000;
    result["curtime"] = block.header.time;
    result["bits"] = BitsHex(block.header.bits);
    result["height"] = block_template.height;
    if (context.chain.type == consensus::ChainType::SIGNET) {
        result["signet_challenge"] = util::HexStr(context.chain.consensus.signet_challenge);
    }
    const auto& coinbase_outputs = block.txs[0]->outputs();
    result["default_witness_commitment"] = util::HexStr(coinbase_outputs.back().script_pubkey);
    return boost::json::value(std::move(result));
}

const char* HASHES_RESULT = "[           (json array) hashes of blocks generated\n  \"hex\",    (string) blockhash\n  ...\n]";

} // namespace

void RegisterMiningMethods(RpcTable& table)
{
    const RpcArg nblocks{"nblocks", ArgType::NUM, false, "", "How many blocks are generated.", ""};
    const RpcArg maxtries{"maxtries", ArgType::NUM, true, "1000000", "How many iterations to try.", ""};
    table.Register({"generating", "generatetoaddress", "Mine blocks immediately to a specified address (before the RPC call returns)",
                    {nblocks, {"address", ArgType::STR, false, "", "The address to send the newly generated bitcoin to.", ""},
                     maxtries},
                    HASHES_RESULT, {"11 \"myaddress\""}, GenerateToAddress});
    table.Register({"generating", "generatetodescriptor", "Mine to a specified descriptor and return the block hashes.",
                    {{"num_blocks", ArgType::NUM, false, "", "How many blocks are generated.", ""},
                     {"descriptor", ArgType::STR, false, "", "The descriptor to send the newly generated bitcoin to.", ""},
                     maxtries},
                    HASHES_RESULT, {"11 \"descriptor\""}, GenerateToDescriptor});
    table.Register({"generating", "generateblock", "Mine a set of ordered transactions to a specified address or descriptor and return the block hash.",
                    {{"output", ArgType::STR, false, "", "The address or descriptor to send the newly generated bitcoin to.", ""},
                     {"transactions", ArgType::ARR, false, "", "An array of hex strings which are either txids or raw transactions.", "[\"rawtx/txid\",...]"},
                     {"submit", ArgType::BOOL, true, "true", "Whether to submit the block before the RPC call returns or to return it as hex.", ""}},
                    "{                    (json object)\n"
                    "  \"hash\" : \"hex\",  (string) hash of generated block\n"
                    "  \"hex\" : \"hex\"    (string, optional) hex of generated block, only present when submit=false\n"
                    "}",
                    {"\"myaddress\" '[\"rawtx\"]'"}, GenerateBlock});
    table.Register({"mining", "submitblock", "Attempts to submit new block to network.",
                    {{"hexdata", ArgType::STR_HEX, false, "", "the hex-encoded block data to submit", ""},
                     {"dummy", ArgType::STR, true, "ignored", "dummy value, for compatibility with BIP22. This value is ignored.", ""}},
                    "Nothing if the block was accepted, otherwise a string with the reason (BIP22)", {"\"mydata\""},
                    SubmitBlock});
    table.Register({"mining", "submitheader", "Decode the given hexdata as a header and submit it as a candidate chain tip if valid.\n"
                    "Throws when the header is invalid.",
                    {{"hexdata", ArgType::STR_HEX, false, "", "the hex-encoded block header data", ""}},
                    "null    (json null) None", {"\"aabbcc\""}, SubmitHeader});
    table.Register({"mining", "getnetworkhashps", "Returns the estimated network hashes per second based on the last n blocks.",
                    {{"nblocks", ArgType::NUM, true, "120", "The number of previous blocks to calculate estimate from, or -1 for blocks since last difficulty change.", ""},
                     {"height", ArgType::NUM, true, "-1", "To estimate at the time of the given height.", ""}},
                    "n    (numeric) Hashes per second estimated", {""}, GetNetworkHashPs});
    table.Register({"mining", "getblocktemplate",
                    "If the request parameters include a 'mode' key, that is used to explicitly select between the default 'template' request or a 'proposal'.\n"
                    "It returns data needed to construct a block to work on.\n"
                    "For full specification, see BIPs 22, 23, 9, and 145:\n"
                    "    https://github.com/bitcoin/bips/blob/master/bip-0022.mediawiki\n"
                    "    https://github.com/bitcoin/bips/blob/master/bip-0023.mediawiki\n"
                    "    https://github.com/bitcoin/bips/blob/master/bip-0009.mediawiki#getblocktemplate_changes\n"
                    "    https://github.com/bitcoin/bips/blob/master/bip-0145.mediawiki",
                    {{"template_request", ArgType::OBJ, true, "{}", "Format of the template: {\"mode\": \"template\"|\"proposal\", \"rules\": [\"segwit\", ...], \"data\": \"hex\"}", "{\"mode\":\"str\",\"capabilities\":[\"str\",...],\"rules\":[\"segwit\",\"str\",...],\"longpollid\":\"str\",\"data\":\"hex\"}"}},
                    "If the proposal was accepted with mode=='proposal': null; otherwise a string with the reason (BIP22)\n\n"
                    "Otherwise (json object): capabilities, version, rules, vbavailable, vbrequired, previousblockhash, "
                    "transactions, coinbaseaux, coinbasevalue, longpollid, target, mintime, mutable, noncerange, "
                    "sigoplimit, sizelimit, weightlimit, curtime, bits, height, default_witness_commitment",
                    {"'{\"rules\": [\"segwit\"]}'"}, GetBlockTemplate});
    table.Register({"mining", "getmininginfo", "Returns a json object containing mining-related information.", {},
                    "{                              (json object)\n"
                    "  \"blocks\" : n,                (numeric) The current block\n"
                    "  \"currentblockweight\" : n,    (numeric, optional) The block weight (including reserved weight for block header, txs count and coinbase tx) of the last assembled block (only present if a block was ever assembled)\n"
                    "  \"currentblocktx\" : n,        (numeric, optional) The number of block transactions (excluding coinbase) of the last assembled block (only present if a block was ever assembled)\n"
                    "  \"bits\" : \"hex\",              (string) The current nBits, compact representation of the block difficulty target\n"
                    "  \"difficulty\" : n,            (numeric) The current difficulty\n"
                    "  \"target\" : \"hex\",            (string) The current target\n"
                    "  \"networkhashps\" : n,         (numeric) The network hashes per second\n"
                    "  \"pooledtx\" : n,              (numeric) The size of the mempool\n"
                    "  \"chain\" : \"str\",             (string) current network name (main, test, testnet4, signet, regtest)\n"
                    "  \"next\" : {...},              (json object) The next block: height, bits, difficulty, target\n"
                    "  \"warnings\" : [...]           (json array) any network and blockchain warnings\n"
                    "}",
                    {""}, GetMiningInfo});
}

} // namespace rpc
