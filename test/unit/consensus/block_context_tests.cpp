#include "consensus_test_util.h"

#include <consensus/block_context.h>
#include <consensus/chain_params.h>
#include <consensus/header_check.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <script/opcodes.h>
#include <script/script_ops.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

#include <functional>

using test::Regtest;
using test::VectorView;
using consensus::HeaderInfo;
using primitives::Amount;
using primitives::Block;
using primitives::MutableTransaction;
using primitives::Transaction;
using primitives::TransactionRef;

namespace {

// 101 blocks, ten minutes apart: the next block has height 101.
VectorView SteadyChain()
{
    VectorView view;
    for (int h = 0; h <= 100; ++h) view.blocks.push_back({h, 1'700'000'000 + 600 * int64_t{h}, 0x207fffff});
    return view;
}

MutableTransaction CoinbaseAt(int height)
{
    MutableTransaction tx;
    tx.vin.resize(1);
    script::AppendInt(tx.vin[0].script_sig, height);
    tx.vin[0].script_sig.push_back(0x00); // extra nonce
    tx.vout.push_back({Amount{50'0000'0000}, {script::OP_TRUE}});
    return tx;
}

MutableTransaction Spend(uint8_t tag)
{
    MutableTransaction tx;
    tx.version = 2;
    tx.vin.resize(1);
    tx.vin[0].prevout.txid = primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{tag}));
    tx.vin[0].prevout.index = 0;
    tx.vout.push_back({Amount{1000}, {script::OP_TRUE}});
    return tx;
}

Block MakeBlock(MutableTransaction coinbase, std::vector<MutableTransaction> others)
{
    Block block;
    block.header.version = 4;
    block.header.time = 1'700'000'000 + 600 * 101;
    block.txs.push_back(std::make_shared<const Transaction>(std::move(coinbase)));
    for (auto& tx : others) block.txs.push_back(std::make_shared<const Transaction>(std::move(tx)));
    block.header.merkle_root = primitives::BlockMerkleRoot(block);
    return block;
}

// Adds the witness reserved value and the commitment to the coinbase.
Block WithCommitment(MutableTransaction coinbase, std::vector<MutableTransaction> others,
                     util::Bytes reserved = util::Bytes(32, 0))
{
    const Block draft = MakeBlock(coinbase, others);
    const auto commitment = primitives::ComputeWitnessCommitment(primitives::BlockWitnessMerkleRoot(draft), util::Bytes(32, 0));
    coinbase.vin[0].witness.stack = {std::move(reserved)};
    coinbase.vout.push_back({Amount{0}, primitives::WitnessCommitmentScript(commitment)});
    return MakeBlock(std::move(coinbase), std::move(others));
}

std::string Check(const Block& block, const consensus::Params& params = Regtest())
{
    const VectorView chain = SteadyChain();
    return std::string(consensus::RejectReason(consensus::ContextualCheckBlock(block, chain.blocks.back(), chain, params)));
}

} // namespace

BOOST_AUTO_TEST_SUITE(block_context_tests)

BOOST_AUTO_TEST_CASE(mainnet_blocks_1_to_255_pass)
{
    const auto main = consensus::CreateChainParams(consensus::ChainType::MAIN);
    VectorView chain;
    chain.blocks.push_back({0, main->genesis.header.time, main->genesis.header.bits});
    for (const auto& record : test::ReadBlkRecords(test::ReadDataFile("mainnet-blocks-1-255.dat"), {0xf9, 0xbe, 0xb4, 0xd9})) {
        const auto block = primitives::DecodeBlock(record);
        BOOST_REQUIRE(block);
        const HeaderInfo parent = chain.blocks.back();
        BOOST_CHECK(consensus::ContextualCheckBlock(*block, parent, chain, main->consensus) == consensus::BlockContextError::NONE);
        BOOST_CHECK(consensus::ContextualCheckBlockHeader(block->header, parent, chain, block->header.time, main->consensus) ==
                    consensus::HeaderCheckError::NONE);
        chain.blocks.push_back({parent.height + 1, block->header.time, block->header.bits});
    }
}

BOOST_AUTO_TEST_CASE(coinbase_height)
{
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {})), "");
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(100), {})), "bad-cb-height");
    // The height must be the first push, minimally encoded: 101 is 0x01 0x65.
    MutableTransaction padded = CoinbaseAt(101);
    padded.vin[0].script_sig = {0x02, 0x65, 0x00};
    BOOST_CHECK_EQUAL(Check(MakeBlock(padded, {})), "bad-cb-height");
    // Heights 1..16 are OP_1..OP_16.
    util::Bytes small;
    script::AppendInt(small, 16);
    BOOST_CHECK(small == util::Bytes{script::OP_16});
}

BOOST_AUTO_TEST_CASE(finality)
{
    const VectorView chain = SteadyChain();
    const int64_t mtp = consensus::MedianTimePast(chain.blocks.back(), chain);
    const auto with_lock = [](uint32_t lock_time, uint32_t sequence) {
        MutableTransaction tx = Spend(7);
        tx.lock_time = lock_time;
        tx.vin[0].sequence = sequence;
        return tx;
    };
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {with_lock(100, 0)})), "");
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {with_lock(101, 0)})), "bad-txns-nonfinal");
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {with_lock(101, 0xffffffff)})), ""); // opted out
    // BIP113: time lock times compare with the median time past, not the block's time.
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {with_lock(static_cast<uint32_t>(mtp - 1), 0)})), "");
    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {with_lock(static_cast<uint32_t>(mtp), 0)})), "bad-txns-nonfinal");
    // A coinbase is subject to its own lock time too.
    MutableTransaction locked = CoinbaseAt(101);
    locked.lock_time = 200;
    locked.vin[0].sequence = 0;
    BOOST_CHECK_EQUAL(Check(MakeBlock(locked, {})), "bad-txns-nonfinal");
}

BOOST_AUTO_TEST_CASE(witness_commitment_and_weight)
{
    MutableTransaction witness_spend = Spend(9);
    witness_spend.vin[0].witness.stack = {{0x01, 0x02}};

    BOOST_CHECK_EQUAL(Check(MakeBlock(CoinbaseAt(101), {witness_spend})), "unexpected-witness");
    BOOST_CHECK_EQUAL(Check(WithCommitment(CoinbaseAt(101), {witness_spend})), "");
    BOOST_CHECK_EQUAL(Check(WithCommitment(CoinbaseAt(101), {witness_spend}, util::Bytes(31, 0))), "bad-witness-nonce-size");
    BOOST_CHECK_EQUAL(Check(WithCommitment(CoinbaseAt(101), {witness_spend}, util::Bytes(32, 1))), "bad-witness-merkle-match");
    // A commitment without witness data is fine.
    BOOST_CHECK_EQUAL(Check(WithCommitment(CoinbaseAt(101), {Spend(3)})), "");

    // Before segwit activates, witness data is unexpected even with a commitment.
    auto early = Regtest();
    early.segwit_height = 500;
    BOOST_CHECK_EQUAL(Check(WithCommitment(CoinbaseAt(101), {witness_spend}), early), "unexpected-witness");

    // Weight: 4,000,000 is the limit, checked after the commitment.
    MutableTransaction heavy = Spend(10);
    heavy.vin[0].witness.stack = {util::Bytes(4'000'000, 0)};
    const Block over = WithCommitment(CoinbaseAt(101), {heavy});
    BOOST_CHECK_EQUAL(Check(over), "bad-blk-weight");
    BOOST_CHECK(consensus::IsMutation(consensus::BlockContextError::UNEXPECTED_WITNESS));
    BOOST_CHECK(!consensus::IsMutation(consensus::BlockContextError::BAD_BLK_WEIGHT));
}

BOOST_AUTO_TEST_SUITE_END()
