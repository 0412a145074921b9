#include <rpc/blockchain.h>

#include <consensus/pow.h>
#include <json/number.h>
#include <rpc/context.h>
#include <rpc/table.h>

#include <primitives/arith_uint256.h>
#include <util/hex.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdio>

namespace rpc {
namespace {

// Bitcoin Core's difficulty: the difficulty-1 target over this target, as a
// double (display only; never used for a decision).
double Difficulty(uint32_t bits)
{
    int shift = (bits >> 24) & 0xff;
    double difficulty = static_cast<double>(0x0000ffff) / static_cast<double>(bits & 0x00ffffff);
    for (; shift < 29; ++shift) difficulty *= 256.0;
    for (; shift > 29; --shift) difficulty /= 256.0;
    return difficulty;
}

std::string BitsHex(uint32_t bits)
{
    char text[9];
    std::snprintf(text, sizeof(text), "%08x", bits);
    return text;
}

int64_t TipHeight(const RpcContext&) { return 0; }

RpcResult GetBlockCount(const JsonRpcRequest&, RpcContext& context) { return boost::json::value(TipHeight(context)); }

RpcResult GetBestBlockHash(const JsonRpcRequest&, RpcContext& context)
{
    return boost::json::value(context.chain.genesis.GetHash().ToHex());
}

RpcResult GetBlockHash(const JsonRpcRequest& request, RpcContext& context)
{
    const boost::json::value& param = request.params.get_array()[0];
    const auto height = param.is_int64() ? std::optional<int64_t>(param.get_int64()) : std::nullopt;
    if (!height || *height < 0 || *height > TipHeight(context)) {
        return RpcError{RPC_INVALID_PARAMETER, "Block height out of range"};
    }
    return boost::json::value(context.chain.genesis.GetHash().ToHex());
}

RpcResult GetBlockchainInfo(const JsonRpcRequest&, RpcContext& context)
{
    const primitives::BlockHeader& tip = context.chain.genesis.header;
    bool negative = false;
    bool overflow = false;
    const auto target = primitives::ArithUint256::FromCompact(tip.bits, &negative, &overflow);
    boost::json::object result;
    result["chain"] = std::string(consensus::ChainTypeName(context.chain.type));
    result["blocks"] = TipHeight(context);
    result["headers"] = TipHeight(context);
    result["bestblockhash"] = tip.GetHash().ToHex();
    result["bits"] = BitsHex(tip.bits);
    result["target"] = target.ToHex();
    result["difficulty"] = Difficulty(tip.bits);
    result["time"] = tip.time;
    result["mediantime"] = tip.time;
    result["verificationprogress"] = 1;
    // A node whose tip is the genesis block is still in initial download.
    result["initialblockdownload"] = true;
    result["chainwork"] = consensus::BlockProof(tip.bits).ToHex();
    result["size_on_disk"] = 0;
    result["pruned"] = false;
    if (context.chain.type == consensus::ChainType::SIGNET) {
        result["signet_challenge"] = util::HexStr(context.chain.consensus.signet_challenge);
    }
    result["warnings"] = boost::json::array();
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
}

} // namespace rpc
