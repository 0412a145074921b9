#include <rpc/rawtransaction.h>

#include <chain/tx_index.h>
#include <json/block_json.h>
#include <json/decode_tx.h>
#include <json/tx_json.h>
#include <rpc/chain_util.h>
#include <rpc/method.h>
#include <rpc/table.h>
#include <util/hex.h>

#include <boost/json/object.hpp>

#include <mutex>

namespace rpc {
namespace {

// getrawtransaction's verbosity: a number, or a boolean (false 0, true 1).
std::variant<int64_t, RpcError> Verbosity(const boost::json::array& params)
{
    if (!Given(params, 1)) return int64_t{0};
    if (params[1].is_bool()) return int64_t{params[1].get_bool() ? 1 : 0};
    if (params[1].is_int64()) return params[1].get_int64();
    return RpcError{RPC_TYPE_ERROR, "JSON value of type " + std::string(JsonTypeName(params[1])) +
                                        " is not of expected type number"};
}

RpcResult GetRawTransaction(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.chainstate) return NoChainstate();
    const auto& params = Params(request);
    const auto parsed = ParseHash(params[0], "parameter 1");
    if (const auto* error = std::get_if<RpcError>(&parsed)) return *error;
    const primitives::Txid txid(std::get<primitives::Uint256>(parsed));
    const auto verbosity = Verbosity(params);
    if (const auto* error = std::get_if<RpcError>(&verbosity)) return *error;
    chain::Chainstate& state = *context.chainstate;

    std::optional<primitives::BlockHash> given_block;
    if (Given(params, 2)) {
        const auto hash = ParseHash(params[2], "parameter 3");
        if (const auto* error = std::get_if<RpcError>(&hash)) return *error;
        given_block = primitives::BlockHash(std::get<primitives::Uint256>(hash));
    }
    std::lock_guard lock(state.Mutex());
    if (txid == state.Params().genesis.txs[0]->txid()) {
        return RpcError{RPC_INVALID_ADDRESS_OR_KEY, "The genesis block coinbase is not considered an ordinary "
                                                    "transaction and cannot be retrieved"};
    }
    const chain::BlockIndex* block_index = nullptr;
    if (given_block) {
        block_index = state.Find(*given_block);
        if (!block_index) return RpcError{RPC_INVALID_ADDRESS_OR_KEY, "Block hash not found"};
    } else if (context.txindex) {
        const auto location = context.txindex->Find(txid);
        if (location) {
            // The block at that position: find it by reading the record.
            state.Tree().ForEach([&](chain::BlockIndex& candidate) {
                if (!block_index && candidate.file == location->block.file &&
                    candidate.data_pos == location->block.offset && (candidate.status & storage::BLOCK_HAVE_DATA)) {
                    block_index = &candidate;
                }
            });
        }
        if (!block_index) {
            if (!context.txindex->Synced()) {
                return RpcError{RPC_INVALID_ADDRESS_OR_KEY, "No such mempool transaction. Blockchain transactions "
                                                            "are still in the process of being indexed."};
            }
            return RpcError{RPC_INVALID_ADDRESS_OR_KEY,
                            "No such mempool or blockchain transaction. Use gettransaction for wallet transactions."};
        }
    } else {
        return RpcError{RPC_INVALID_ADDRESS_OR_KEY,
                        "No such mempool transaction. Use -txindex or provide a block hash to enable blockchain "
                        "transaction queries. Use gettransaction for wallet transactions."};
    }
    auto block = state.ReadBlock(*block_index);
    if (!block) {
        if (!(block_index->status & storage::BLOCK_HAVE_DATA)) return RpcError{RPC_MISC_ERROR, "Block not available"};
        return RpcError{RPC_MISC_ERROR, "Block not found on disk"};
    }
    size_t position = 0;
    while (position < block->txs.size() && block->txs[position]->txid() != txid) ++position;
    if (position == block->txs.size()) {
        return RpcError{RPC_INVALID_ADDRESS_OR_KEY, given_block ? "No such transaction found in the provided block. "
                                                                  "Use gettransaction for wallet transactions."
                                                                : "No such mempool or blockchain transaction. Use "
                                                                  "gettransaction for wallet transactions."};
    }
    const primitives::Transaction& tx = *block->txs[position];
    if (std::get<int64_t>(verbosity) <= 0) return boost::json::value(util::HexStr(primitives::EncodeTransaction(tx)));

    const bool in_active_chain = state.Chain().Contains(block_index);
    boost::json::object result;
    if (given_block) result["in_active_chain"] = in_active_chain;
    json::TxJsonOptions options;
    options.include_hex = true;
    std::vector<json::SpentOutput> spent;
    // Verbosity 2: the fee and each input's prevout, from the block's undo data.
    if (std::get<int64_t>(verbosity) >= 2 && position > 0 && (block_index->status & storage::BLOCK_HAVE_UNDO)) {
        if (auto undo = state.ReadUndo(*block_index); undo && undo->txs.size() == block->txs.size() - 1) {
            for (const auto& coin : undo->txs[position - 1].spent) {
                spent.push_back({coin.out, static_cast<int>(coin.height), coin.coinbase});
            }
            if (spent.size() == tx.inputs().size() && json::TxFee(tx, spent)) {
                options.spent_outputs = &spent;
                options.include_prevout = true;
            }
        }
    }
    boost::json::object tx_json = json::TxToJson(tx, context.chain.addresses, options);
    for (auto& field : tx_json) result[field.key()] = std::move(field.value());
    result["blockhash"] = block_index->hash.ToHex();
    if (in_active_chain) {
        result["confirmations"] = state.Chain().Height() - block_index->height + 1;
        result["time"] = block_index->header.time;
        result["blocktime"] = block_index->header.time;
    } else {
        result["confirmations"] = 0;
    }
    return boost::json::value(std::move(result));
}

RpcResult GetIndexInfo(const JsonRpcRequest& request, RpcContext& context)
{
    const auto& params = Params(request);
    boost::json::object result;
    if (context.txindex && context.chainstate) {
        const bool wanted = !Given(params, 0) || params[0].as_string() == "txindex";
        if (wanted) {
            int tip_height;
            {
                std::lock_guard lock(context.chainstate->Mutex());
                tip_height = context.chainstate->Chain().Height();
            }
            boost::json::object entry;
            entry["synced"] = context.txindex->BestHeight() == tip_height;
            entry["best_block_height"] = context.txindex->BestHeight();
            result["txindex"] = std::move(entry);
        }
    }
    return boost::json::value(std::move(result));
}

// The transaction as getrawtransaction shows it, from hex alone (no chain
// lookup). iswitness: true reads only the segwit serialization, false only the
// legacy one, absent both (preferring the one whose scripts parse).
RpcResult DecodeRawTransaction(const JsonRpcRequest& request, RpcContext& context)
{
    const auto& params = Params(request);
    const bool given = Given(params, 1);
    const bool witness_only = given && params[1].as_bool();
    const bool legacy_only = given && !params[1].as_bool();
    auto tx = json::DecodeHexTransaction(params[0].get_string(), !witness_only, !legacy_only);
    if (!tx) return RpcError{RPC_DESERIALIZATION_ERROR, "TX decode failed"};
    return boost::json::value(json::TxToJson(*tx, context.chain.addresses));
}

} // namespace

void RegisterRawTransactionMethods(RpcTable& table)
{
    table.Register({"rawtransactions", "decoderawtransaction",
                    "Return a JSON object representing the serialized, hex-encoded transaction.",
                    {{"hexstring", ArgType::STR_HEX, false, "", "The transaction hex string", ""},
                     {"iswitness", ArgType::BOOL, true, "depends on heuristic tests",
                      "Whether the transaction hex is a serialized witness transaction.\nIf iswitness is not present, "
                      "heuristic tests will be used in decoding.\nIf true, only witness deserialization will be tried.\n"
                      "If false, only non-witness deserialization will be tried.\nThis boolean should reflect whether "
                      "the transaction has inputs\n(e.g. fully valid, or on-chain transactions), if known by the caller.", ""}},
                    "{...}    (json object) txid, hash, version, size, vsize, weight, locktime, vin, vout",
                    {"\"hexstring\""}, DecodeRawTransaction});
    table.Register({"rawtransactions", "getrawtransaction",
                    "By default, this call only returns a transaction if it is in the mempool. If -txindex is enabled\n"
                    "and no blockhash argument is passed, it will return the transaction if it is in the mempool or any block.\n"
                    "If a blockhash argument is passed, it will return the transaction if\n"
                    "the specified block is available and the transaction is in that block.",
                    {{"txid", ArgType::STR_HEX, false, "", "The transaction id", ""},
                     {"verbosity|verbose", ArgType::ANY, true, "0", "0 for hex-encoded data, 1 for a JSON object, and 2 for JSON object with fee and prevout", ""},
                     {"blockhash", ArgType::STR_HEX, true, "", "The block in which to look for the transaction", ""}},
                    "\"str\"    (string) The serialized transaction as a hex-encoded string for 'txid' (verbosity 0)\n\n"
                    "{...}    (json object) for verbosity 1 and 2: in_active_chain (with blockhash), the decoded "
                    "transaction with hex, blockhash, confirmations, time, blocktime",
                    {"\"mytxid\"", "\"mytxid\" 1 \"myblockhash\""}, GetRawTransaction});
    table.Register({"util", "getindexinfo", "Returns the status of one or all available indices currently running in the node.",
                    {{"index_name", ArgType::STR, true, "", "Filter results for an index with a specific name.", ""}},
                    "{                               (json object)\n"
                    "  \"name\" : {                    (json object) The name of the index\n"
                    "    \"synced\" : true|false,      (boolean) Whether the index is synced or not\n"
                    "    \"best_block_height\" : n     (numeric) The block height to which the index is synced\n"
                    "  }\n"
                    "}",
                    {""}, GetIndexInfo});
}

} // namespace rpc
