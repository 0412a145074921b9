// A method table with every method registered, over a regtest context with
// a fixed clock, for the RPC unit tests.
#ifndef UTXO_TEST_UNIT_RPC_RPC_FIXTURE_H
#define UTXO_TEST_UNIT_RPC_RPC_FIXTURE_H

#include <chain/chainstate.h>
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

#include <test_chainstate.h>
#include <test_temp_dir.h>

namespace test {

struct RpcFixture {
    util::FixedClock clock{1'700'000'000'000'000};
    util::Logger logger{clock};
    consensus::ChainParams chain{*consensus::CreateChainParams(consensus::ChainType::REGTEST)};
    rpc::RpcTable table;
    int shutdown_requests{0};
    rpc::RpcContext context{{}, table, logger, clock, chain, clock.NowMicros() - 42'000'000, "/tmp/regtest/debug.log",
                            [this] { ++shutdown_requests; }, "/utxod:0.1.0/", 100};

    // A fresh regtest chain state (the genesis block) in a temporary directory.
    TempDir dir;
    std::unique_ptr<chain::Chainstate> chainstate;

    explicit RpcFixture(bool warm = true)
    {
        chainstate = OpenChainstate(ChainstateOptionsIn(dir.path, chain, clock, logger));
        context.chainstate = chainstate.get();
        rpc::RegisterControlMethods(table);
        rpc::RegisterBlockchainMethods(table);
        rpc::RegisterMiningMethods(table);
        rpc::RegisterRawTransactionMethods(table);
        rpc::RegisterNetworkMethods(table);
        if (warm) table.SetWarmupFinished();
    }

    rpc::HttpReply Post(std::string_view body)
    {
        rpc::JsonRpcRequest caller;
        caller.uri = "/";
        caller.auth_user = "__cookie__";
        return rpc::DispatchJsonRpc(body, caller, table, context);
    }
};

} // namespace test

#endif // UTXO_TEST_UNIT_RPC_RPC_FIXTURE_H
