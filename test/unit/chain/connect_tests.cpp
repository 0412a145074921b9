#include <chain/connect.h>
#include <consensus/chain_params.h>
#include <consensus/subsidy.h>
#include <primitives/merkle.h>
#include <script/opcodes.h>
#include <script/script_ops.h>

#include <test_coins_view.h>

#include <boost/test/unit_test.hpp>

#include <map>

using test::MapView;
using chain::BlockIndex;
using primitives::Amount;
using primitives::Block;
using primitives::MutableTransaction;
using primitives::OutPoint;
using primitives::Transaction;
using primitives::TransactionRef;

namespace {

// A regtest chain built block by block on anyone-can-spend (OP_TRUE) outputs.
struct ChainFixture {
    consensus::ChainParams params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    chain::BlockTree tree;
    MapView base;
    coins::CoinsCache view{base, 1, 2};
    std::vector<BlockIndex*> blocks;
    std::vector<Block> bodies;

    ChainFixture()
    {
        blocks.push_back(tree.Insert(params.genesis.header));
        bodies.push_back(params.genesis);
        coins::BlockUndo undo;
        BOOST_REQUIRE(chain::ConnectBlock(params.genesis, *blocks[0], view, params.consensus, undo).ok());
    }

    MutableTransaction Coinbase(int height, int64_t value)
    {
        MutableTransaction tx;
        tx.vin.resize(1);
        script::AppendInt(tx.vin[0].script_sig, height);
        tx.vin[0].script_sig.push_back(script::OP_0);
        tx.vout.push_back({Amount{value}, {script::OP_TRUE}});
        return tx;
    }

    // Builds the next block from `txs` (the coinbase added, claiming
    // subsidy + `extra_claim`) and connects it; returns the reject reason.
    std::string Connect(std::vector<MutableTransaction> txs, int64_t fees = 0, int64_t extra_claim = 0,
                        coins::BlockUndo* undo_out = nullptr)
    {
        const int height = static_cast<int>(blocks.size());
        Block block;
        block.header.version = 4;
        block.header.prev_block = blocks.back()->hash;
        block.header.time = blocks.back()->header.time + 600;
        block.header.bits = 0x207fffff;
        const int64_t subsidy = consensus::BlockSubsidy(height, params.consensus).sats();
        block.txs.push_back(std::make_shared<const Transaction>(Coinbase(height, subsidy + fees + extra_claim)));
        for (auto& tx : txs) block.txs.push_back(std::make_shared<const Transaction>(std::move(tx)));
        block.header.merkle_root = primitives::BlockMerkleRoot(block);
        BlockIndex* index = tree.Insert(block.header);
        // Connect into a child view, kept only on success, as the chain will.
        coins::CoinsCache child(view, 3, 4);
        coins::BlockUndo undo;
        const auto result = chain::ConnectBlock(block, *index, child, params.consensus, undo);
        if (!result.ok()) return result.reject_reason;
        BOOST_REQUIRE(child.Flush());
        blocks.push_back(index);
        bodies.push_back(block);
        if (undo_out) *undo_out = undo;
        return "ok";
    }

    OutPoint CoinbaseOutput(int height) const { return {bodies[static_cast<size_t>(height)].txs[0]->txid(), 0}; }
};

MutableTransaction Spend(const OutPoint& outpoint, int64_t value, util::Bytes script = {script::OP_TRUE})
{
    MutableTransaction tx;
    tx.version = 2;
    tx.vin.resize(1);
    tx.vin[0].prevout = outpoint;
    tx.vout.push_back({Amount{value}, std::move(script)});
    return tx;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(connect_tests, ChainFixture)

BOOST_AUTO_TEST_CASE(coinbases_mature_fees_and_claims)
{
    for (int i = 0; i < 101; ++i) BOOST_REQUIRE_EQUAL(Connect({}), "ok");
    BOOST_CHECK_EQUAL(blocks.back()->height, 101);
    BOOST_CHECK(view.BestBlock() == blocks.back()->hash);
    BOOST_CHECK(view.HaveCoin(CoinbaseOutput(1)));

    // Height 102 spends block 1's coinbase (depth 101) with a fee of 1000, claimed by the coinbase.
    const int64_t coinbase_value = 50'0000'0000;
    BOOST_CHECK_EQUAL(Connect({Spend(CoinbaseOutput(1), coinbase_value - 1000)}, 1000, 1), "bad-cb-amount");
    BOOST_CHECK_EQUAL(Connect({Spend(CoinbaseOutput(60), coinbase_value)}), "bad-txns-premature-spend-of-coinbase");
    BOOST_CHECK_EQUAL(Connect({Spend(OutPoint{primitives::Txid(), 5}, 1)}), "bad-txns-inputs-missingorspent");
    BOOST_CHECK_EQUAL(Connect({Spend(CoinbaseOutput(1), coinbase_value + 1)}), "bad-txns-in-belowout");
    coins::BlockUndo undo;
    BOOST_REQUIRE_EQUAL(Connect({Spend(CoinbaseOutput(1), coinbase_value - 1000)}, 1000, 0, &undo), "ok");
    BOOST_CHECK(!view.HaveCoin(CoinbaseOutput(1)));
    BOOST_REQUIRE_EQUAL(undo.txs.size(), 1u);
    BOOST_CHECK_EQUAL(undo.txs[0].spent[0].height, 1);
    BOOST_CHECK(undo.txs[0].spent[0].coinbase);

    // Spent already: missing now. A failed block changed nothing.
    BOOST_CHECK_EQUAL(Connect({Spend(CoinbaseOutput(1), 1)}), "bad-txns-inputs-missingorspent");
    BOOST_CHECK(view.BestBlock() == blocks.back()->hash);

    // Disconnecting restores the spent coinbase and removes what the block created.
    const Block& last = bodies.back();
    coins::CoinsCache child(view, 5, 6);
    BOOST_CHECK(chain::DisconnectBlock(last, *blocks.back(), undo, child) == chain::DisconnectResult::OK);
    BOOST_CHECK(child.HaveCoin(CoinbaseOutput(1)));
    BOOST_CHECK(!child.HaveCoin({last.txs[1]->txid(), 0}));
    BOOST_CHECK(!child.HaveCoin({last.txs[0]->txid(), 0}));
    BOOST_CHECK(child.BestBlock() == blocks[blocks.size() - 2]->hash);
    // Doing it twice finds the outputs gone and the coin already there: unclean.
    BOOST_CHECK(chain::DisconnectBlock(last, *blocks.back(), undo, child) == chain::DisconnectResult::UNCLEAN);
    // Undo data that does not fit the block: failed.
    BOOST_CHECK(chain::DisconnectBlock(last, *blocks.back(), coins::BlockUndo{}, child) == chain::DisconnectResult::FAILED);
}

BOOST_AUTO_TEST_CASE(scripts_locks_and_bip30)
{
    for (int i = 0; i < 102; ++i) BOOST_REQUIRE_EQUAL(Connect({}), "ok");
    const int64_t value = 50'0000'0000;
    // An output only a false script guards cannot be spent.
    BOOST_REQUIRE_EQUAL(Connect({Spend(CoinbaseOutput(1), value, {script::OP_0})}), "ok");
    const OutPoint guarded{bodies.back().txs[1]->txid(), 0};
    BOOST_CHECK_EQUAL(Connect({Spend(guarded, 1)}),
                      "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a "
                      "false/empty top stack element)");

    // BIP68: a relative lock of 200 blocks on a 100-block-old coin is not met.
    MutableTransaction locked = Spend(CoinbaseOutput(2), value);
    locked.vin[0].sequence = 200;
    BOOST_CHECK_EQUAL(Connect({locked}), "bad-txns-nonfinal");
    // Version 1 is not subject to BIP68.
    locked.version = 1;
    BOOST_CHECK_EQUAL(Connect({locked}), "ok");

    // BIP30: a transaction identical to one whose outputs are unspent.
    const MutableTransaction first = Spend(CoinbaseOutput(3), value);
    BOOST_REQUIRE_EQUAL(Connect({first}), "ok");
    BOOST_CHECK_EQUAL(Connect({first}), "bad-txns-BIP30");
}

BOOST_AUTO_TEST_SUITE_END()
