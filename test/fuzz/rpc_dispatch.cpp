// Fuzz target: the JSON-RPC layer, from HTTP body to HTTP reply.
//
// The input is taken as a request body, as any authenticated client may send
// it. Checked:
// - DispatchJsonRpc never crashes, hangs or throws, whatever the JSON (or
//   non-JSON), methods, parameter kinds, named parameters and batches;
// - the status is one bitcoind uses for JSON-RPC (200, 204, 400, 404, 500);
// - 204 comes with an empty body; every other reply is one line of valid
//   JSON: an object (single request) or an array (batch) whose members carry
//   "result" or "error".
#include "fuzz.h"

#include <consensus/chain_params.h>
#include <rpc/blockchain.h>
#include <rpc/mining.h>
#include <rpc/context.h>
#include <rpc/control.h>
#include <rpc/dispatch.h>
#include <rpc/network.h>
#include <rpc/rawtransaction.h>
#include <rpc/table.h>
#include <util/clock.h>
#include <util/logging.h>

#include <boost/json/parse.hpp>

#include <string_view>

namespace {

struct Node {
    util::FixedClock clock{1'700'000'000'000'000};
    util::Logger logger{clock}; // no sinks: nothing is written
    consensus::ChainParams chain{*consensus::CreateChainParams(consensus::ChainType::REGTEST)};
    rpc::RpcTable table;
    rpc::RpcContext context{{}, table, logger, clock, chain, clock.NowMicros(), "debug.log", [] {}, "/utxod:fuzz/", 100};

    Node()
    {
        rpc::RegisterControlMethods(table);
        rpc::RegisterBlockchainMethods(table);
        rpc::RegisterMiningMethods(table);
        rpc::RegisterRawTransactionMethods(table);
        rpc::RegisterNetworkMethods(table);
        table.SetWarmupFinished();
    }
};

bool IsReplyObject(const boost::json::value& value)
{
    return value.is_object() && (value.get_object().contains("result") || value.get_object().contains("error"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static Node node;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    rpc::JsonRpcRequest caller;
    caller.uri = "/";
    const rpc::HttpReply reply = rpc::DispatchJsonRpc(body, caller, node.table, node.context);

    FUZZ_CHECK(reply.status == 200 || reply.status == 204 || reply.status == 400 || reply.status == 404 ||
               reply.status == 500);
    if (reply.status == 204) {
        FUZZ_CHECK(reply.body.empty());
        return 0;
    }
    FUZZ_CHECK(!reply.body.empty() && reply.body.back() == '\n');
    FUZZ_CHECK(reply.body.find('\n') == reply.body.size() - 1);
    boost::system::error_code ec;
    const boost::json::value parsed = boost::json::parse(reply.body, ec);
    FUZZ_CHECK(!ec);
    if (parsed.is_array()) {
        FUZZ_CHECK(reply.status == 200);
        for (const auto& member : parsed.get_array()) FUZZ_CHECK(IsReplyObject(member));
    } else {
        FUZZ_CHECK(IsReplyObject(parsed));
    }
    return 0;
}
