#include <mining/block_assembler.h>

#include <chain/chainstate.h>
#include <consensus/block_check.h>
#include <consensus/chain_params.h>
#include <primitives/witness_commitment.h>
#include <script/opcodes.h>

#include <test_chainstate.h>
#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

namespace {

struct MiningFixture {
    test::TempDir dir;
    consensus::ChainParams params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    util::FixedClock clock{1'800'000'000LL * 1'000'000};
    mutable util::Logger logger{clock};
    std::unique_ptr<chain::Chainstate> state;
    const util::Bytes script{script::OP_TRUE};

    MiningFixture()
    {
        state = test::OpenChainstate(test::ChainstateOptionsIn(dir.path, params, clock, logger));
    }

    mining::BlockTemplate Template(std::vector<primitives::TransactionRef> txs = {})
    {
        std::lock_guard lock(state->Mutex());
        return mining::CreateNewBlock(*state->Chain().Tip(), script, std::move(txs), primitives::Amount{0},
                                      clock.NowMicros() / 1'000'000, params.consensus);
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(block_assembler_tests, MiningFixture)

BOOST_AUTO_TEST_CASE(mined_blocks_extend_the_chain)
{
    for (int height = 1; height <= 3; ++height) {
        auto block_template = Template();
        BOOST_CHECK_EQUAL(block_template.height, height);
        BOOST_CHECK_EQUAL(block_template.coinbase_value.sats(), 50'0000'0000);
        primitives::Block& block = block_template.block;
        // Coinbase: BIP34 height then OP_0; the payout, then the witness commitment.
        const auto& coinbase = *block.txs[0];
        BOOST_CHECK_EQUAL(coinbase.inputs()[0].script_sig[0], 0x50 + height);
        BOOST_CHECK_EQUAL(coinbase.inputs()[0].script_sig[1], script::OP_0);
        BOOST_REQUIRE_EQUAL(coinbase.outputs().size(), 2u);
        BOOST_CHECK(coinbase.outputs()[0].script_pubkey == script);
        BOOST_CHECK(primitives::FindWitnessCommitment(block) == std::optional<size_t>(1));
        BOOST_CHECK_EQUAL(coinbase.inputs()[0].witness.stack.size(), 1u);
        BOOST_CHECK_GE(block.header.time, 1'800'000'000u);
        BOOST_CHECK_EQUAL(block.header.bits, 0x207fffffu);
        {
            std::lock_guard lock(state->Mutex());
            BOOST_CHECK_EQUAL(state->TestBlockValidity(block, false, true), "");
        }
        uint64_t tries = 1'000'000;
        BOOST_REQUIRE(mining::SolveBlock(block.header, tries, params.consensus));
        BOOST_CHECK(consensus::CheckBlock(block, params.consensus).ok());
        BOOST_REQUIRE(state->ProcessNewBlock(block).accepted);
        std::lock_guard lock(state->Mutex());
        BOOST_CHECK(state->Chain().Tip()->hash == block.GetHash());
    }
}

BOOST_AUTO_TEST_CASE(test_block_validity_reports_the_reject_reason)
{
    primitives::MutableTransaction spend;
    spend.vin.resize(1);
    spend.vin[0].prevout = {primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{9})), 0};
    spend.vout.push_back({primitives::Amount{1}, {script::OP_TRUE}});
    auto block = Template({std::make_shared<const primitives::Transaction>(spend)}).block;
    std::lock_guard lock(state->Mutex());
    BOOST_CHECK_EQUAL(state->TestBlockValidity(block, false, true), "bad-txns-inputs-missingorspent");
    // A stale template (not on the tip) is not judged.
    block.header.prev_block = primitives::BlockHash();
    BOOST_CHECK_EQUAL(state->TestBlockValidity(block, false, true), "inconclusive-not-best-prevblk");
    // No tries left: not solved.
    uint64_t tries = 0;
    BOOST_CHECK(!mining::SolveBlock(block.header, tries, params.consensus));
}

BOOST_AUTO_TEST_SUITE_END()
