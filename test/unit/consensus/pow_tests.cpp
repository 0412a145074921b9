#include "consensus_test_util.h"

#include <consensus/chain_params.h>
#include <consensus/pow.h>
#include <consensus/subsidy.h>
#include <primitives/block.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

#include <functional>

using test::FunctionView;
using test::ParamsOf;
using consensus::ChainType;
using consensus::HeaderInfo;

BOOST_AUTO_TEST_SUITE(pow_tests)

BOOST_AUTO_TEST_CASE(check_proof_of_work)
{
    for (ChainType type : {ChainType::MAIN, ChainType::TESTNET, ChainType::TESTNET4, ChainType::SIGNET, ChainType::REGTEST}) {
        const auto chain = *consensus::CreateChainParams(type);
        BOOST_CHECK(consensus::CheckProofOfWork(chain.genesis.GetHash(), chain.genesis.header.bits, chain.consensus));
    }
    const auto main = ParamsOf(ChainType::MAIN);
    const auto records = test::ReadBlkRecords(test::ReadDataFile("mainnet-blocks-1-255.dat"), {0xf9, 0xbe, 0xb4, 0xd9});
    BOOST_REQUIRE_EQUAL(records.size(), 255u);
    for (const auto& record : records) {
        auto header = primitives::DecodeBlockHeader(util::ByteSpan(record.data(), 80));
        BOOST_REQUIRE(header);
        BOOST_CHECK(consensus::CheckProofOfWork(header->GetHash(), header->bits, main));
        header->nonce ^= 0x5a5a5a5a; // almost surely no longer below the target
        BOOST_CHECK(!consensus::CheckProofOfWork(header->GetHash(), header->bits, main));
    }
    // A hash of zero meets any target the bits can express, so only the bits decide here.
    const primitives::BlockHash zero;
    BOOST_CHECK(consensus::CheckProofOfWork(zero, 0x1d00ffff, main));
    BOOST_CHECK(!consensus::CheckProofOfWork(zero, 0x1d01ffff, main)); // above main's limit
    BOOST_CHECK(!consensus::CheckProofOfWork(zero, 0x207fffff, main)); // regtest's bits: above the limit
    BOOST_CHECK(consensus::CheckProofOfWork(zero, 0x207fffff, ParamsOf(ChainType::REGTEST)));
    BOOST_CHECK(!consensus::CheckProofOfWork(zero, 0x04923456, main)); // sign bit set: negative
    BOOST_CHECK(!consensus::CheckProofOfWork(zero, 0x1d000000, main)); // zero target
    BOOST_CHECK(!consensus::CheckProofOfWork(zero, 0xff123456, main)); // overflows 256 bits
}

// Mainnet retargets with the timestamps of the blocks that bound each period.
// Source: the block headers (Bitcoin Core's src/test/pow_tests.cpp uses the
// same blocks); e.g. block 30240 has time 1261130161 and block 32255 has
// 1262152739, so the retarget at height 32256 takes 0x1d00ffff to 0x1d00d86a.
BOOST_AUTO_TEST_CASE(mainnet_retargets)
{
    const auto main = ParamsOf(ChainType::MAIN);
    const auto retarget = [&](int last_height, int64_t last_time, uint32_t bits, int64_t first_time) {
        return consensus::CalculateNextWorkRequired({last_height, last_time, bits},
                                                    {last_height - 2015, first_time, bits}, main);
    };
    BOOST_CHECK_EQUAL(retarget(32255, 1262152739, 0x1d00ffff, 1261130161), 0x1d00d86aU);
    // First period (blocks 0..2015) was slower than two weeks: clamped at the limit.
    BOOST_CHECK_EQUAL(retarget(2015, 1233061996, 0x1d00ffff, 1231006505), 0x1d00ffffU);
    // Blocks 66528..68543: more than 4x too fast, the change is clamped to 4x.
    BOOST_CHECK_EQUAL(retarget(68543, 1279297671, 0x1c05a3f4, 1279008237), 0x1c0168fdU);
    // Blocks 46368..48383: more than 4x too slow, clamped to 1/4 (at 0x1d00e1fd, below the limit).
    BOOST_CHECK_EQUAL(retarget(48383, 1269211443, 0x1c387f6f, 1263163443), 0x1d00e1fdU);

    // NextWorkRequired reads the period's first block from the chain, at boundaries only.
    const FunctionView chain([](int height) {
        return HeaderInfo{height, height == 30240 ? 1261130161 : 1'262'000'000 + height, 0x1d00ffff};
    });
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired({32255, 1262152739, 0x1d00ffff}, chain, 1262153000, main), 0x1d00d86aU);
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired({32254, 1262152000, 0x1d00ffff}, chain, 1262999999, main), 0x1d00ffffU);
}

BOOST_AUTO_TEST_CASE(regtest_never_retargets)
{
    const auto regtest = ParamsOf(ChainType::REGTEST);
    const FunctionView chain([](int height) { return HeaderInfo{height, 1'296'688'602 + height, 0x207fffff}; });
    // At a boundary, after a far too fast period: unchanged.
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired({2015, 1'296'688'602 + 2015, 0x207fffff}, chain, 1'296'690'000, regtest),
                      0x207fffffU);
}

BOOST_AUTO_TEST_CASE(testnet3_minimum_difficulty_exception)
{
    const auto testnet = ParamsOf(ChainType::TESTNET);
    const uint32_t limit = 0x1d00ffff;
    const uint32_t real = 0x1c0ffff0;
    // Blocks 4032..4099 carry the real difficulty except 4090..4099, mined
    // under the exception.
    const FunctionView chain([&](int height) {
        return HeaderInfo{height, 1'400'000'000 + 600 * int64_t{height}, height >= 4090 ? limit : real};
    });
    const HeaderInfo last = chain.Ancestor(4099);
    // More than 20 minutes after its parent: the minimum difficulty is allowed.
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired(last, chain, last.time + 1201, testnet), limit);
    // Otherwise: the difficulty of the last block not mined under the exception.
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired(last, chain, last.time + 1200, testnet), real);
    // The walk back stops at a period boundary even if that block has the minimum difficulty.
    const FunctionView all_minimum([&](int height) { return HeaderInfo{height, 1'400'000'000 + 600 * int64_t{height}, limit}; });
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired(all_minimum.Ancestor(4099), all_minimum, 1'400'000'000, testnet), limit);
    // Mainnet has no exception.
    BOOST_CHECK_EQUAL(consensus::NextWorkRequired(last, chain, last.time + 5000, ParamsOf(ChainType::MAIN)), limit);
}

BOOST_AUTO_TEST_CASE(bip94_scales_the_periods_first_target)
{
    const auto testnet4 = ParamsOf(ChainType::TESTNET4);
    BOOST_REQUIRE(testnet4.enforce_bip94);
    // The last block used the minimum-difficulty exception; the first did not.
    const HeaderInfo first{2016, 1'714'777'860, 0x1c00ffff};
    const HeaderInfo last{4031, first.time + 14 * 24 * 60 * 60, 0x1d00ffff};
    BOOST_CHECK_EQUAL(consensus::CalculateNextWorkRequired(last, first, testnet4), 0x1c00ffffU);
    // Without BIP94 (testnet3) the exception block's target would be scaled.
    BOOST_CHECK_EQUAL(consensus::CalculateNextWorkRequired(last, first, ParamsOf(ChainType::TESTNET)), 0x1d00ffffU);
}

BOOST_AUTO_TEST_CASE(block_proof)
{
    // Difficulty 1: 2^256 / (0xffff * 2^208 + 1) = 0x100010001.
    BOOST_CHECK_EQUAL(consensus::BlockProof(0x1d00ffff).ToHex(),
                      "0000000000000000000000000000000000000000000000000000000100010001");
    BOOST_CHECK_EQUAL(consensus::BlockProof(0x207fffff).ToHex(),
                      "0000000000000000000000000000000000000000000000000000000000000002");
    BOOST_CHECK(consensus::BlockProof(0x1d000000) == primitives::ArithUint256(0));
    BOOST_CHECK(consensus::BlockProof(0x04923456) == primitives::ArithUint256(0));
    BOOST_CHECK(consensus::BlockProof(0xff123456) == primitives::ArithUint256(0));
}

BOOST_AUTO_TEST_CASE(subsidy_halvings)
{
    const auto main = ParamsOf(ChainType::MAIN);
    const auto sats = [&](int height) { return consensus::BlockSubsidy(height, main).sats(); };
    BOOST_CHECK_EQUAL(sats(0), 5'000'000'000);
    BOOST_CHECK_EQUAL(sats(209'999), 5'000'000'000);
    BOOST_CHECK_EQUAL(sats(210'000), 2'500'000'000);
    BOOST_CHECK_EQUAL(sats(840'000), 312'500'000);
    BOOST_CHECK_EQUAL(sats(210'000 * 32), 1);           // 5e9 >> 32
    BOOST_CHECK_EQUAL(sats(210'000 * 33), 0);           // rounded down to nothing
    BOOST_CHECK_EQUAL(sats(210'000 * 64), 0);           // no undefined shift
    BOOST_CHECK_EQUAL(sats(2'147'483'647), 0);
    // All subsidies together stay below 21 million BTC.
    int64_t total = 0;
    for (int halving = 0; halving < 64; ++halving) total += sats(halving * 210'000) * 210'000;
    BOOST_CHECK_EQUAL(total, 2'099'999'997'690'000);
    const auto regtest = ParamsOf(ChainType::REGTEST);
    BOOST_CHECK_EQUAL(consensus::BlockSubsidy(149, regtest).sats(), 5'000'000'000);
    BOOST_CHECK_EQUAL(consensus::BlockSubsidy(150, regtest).sats(), 2'500'000'000);
}

BOOST_AUTO_TEST_SUITE_END()
