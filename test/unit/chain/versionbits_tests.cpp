// BIP9 version-bits states over synthetic chains, with regtest's window (144
// blocks, 108 to lock in) and testdummy (bit 28, start 0, no timeout): the
// transitions and their heights as Bitcoin Core v29 reports them (checked
// against Bitcoin Knots 29.4 by test/functional/interop_bitcoind.py), the
// threshold's edge, a timeout, a minimum activation height, the window
// statistics and block versions for new blocks.
#include <chain/block_index.h>
#include <chain/versionbits.h>
#include <consensus/chain_params.h>

#include <boost/test/unit_test.hpp>

#include <functional>
#include <vector>

using chain::BlockIndex;
using chain::ThresholdState;

namespace {

constexpr int32_t SIGNAL = 0x30000000; // top bits and bit 28
constexpr int32_t NO_SIGNAL = 0x20000000;

// A chain of `count` blocks on genesis, block h with version version_at(h),
// ten minutes apart from `start_time`.
struct TestChain {
    chain::BlockTree tree{1, 2};
    std::vector<BlockIndex*> blocks;

    TestChain(int count, const std::function<int32_t(int)>& version_at, int64_t start_time = 1'600'000'000)
    {
        primitives::BlockHash prev;
        for (int h = 0; h < count; ++h) {
            primitives::BlockHeader header;
            header.version = version_at(h);
            header.prev_block = prev;
            header.time = static_cast<uint32_t>(start_time + 600 * h);
            header.bits = 0x207fffff;
            blocks.push_back(tree.Insert(header));
            prev = blocks.back()->hash;
        }
    }
    const BlockIndex* at(int h) const { return blocks.at(static_cast<size_t>(h)); }
};

consensus::Params ParamsFor(consensus::ChainType type) { return consensus::CreateChainParams(type)->consensus; }
const consensus::Params& Regtest()
{
    static const consensus::Params params = ParamsFor(consensus::ChainType::REGTEST);
    return params;
}
const consensus::Bip9Deployment& TestDummy() { return Regtest().bip9_deployments.at(0); }

ThresholdState StateOf(const TestChain& chain, int height) // the state of block `height`
{
    return chain::StateFor(height == 0 ? nullptr : chain.at(height - 1), TestDummy(), Regtest());
}

} // namespace

BOOST_AUTO_TEST_SUITE(versionbits_tests)

BOOST_AUTO_TEST_CASE(regtest_has_testdummy_only)
{
    const auto& deployment = TestDummy();
    BOOST_CHECK_EQUAL(std::string(deployment.name), "testdummy");
    BOOST_CHECK_EQUAL(deployment.bit, 28);
    BOOST_CHECK_EQUAL(Regtest().bip9_deployments.size(), 1u);
    for (auto type : {consensus::ChainType::MAIN, consensus::ChainType::TESTNET, consensus::ChainType::TESTNET4,
                      consensus::ChainType::SIGNET}) {
        BOOST_CHECK(ParamsFor(type).bip9_deployments.empty());
    }
}

BOOST_AUTO_TEST_CASE(all_signalling_activates_in_the_fourth_window)
{
    const TestChain chain(600, [](int) { return SIGNAL; });
    BOOST_CHECK(StateOf(chain, 0) == ThresholdState::DEFINED);
    BOOST_CHECK(StateOf(chain, 143) == ThresholdState::DEFINED);
    BOOST_CHECK(StateOf(chain, 144) == ThresholdState::STARTED);
    BOOST_CHECK(StateOf(chain, 287) == ThresholdState::STARTED);
    BOOST_CHECK(StateOf(chain, 288) == ThresholdState::LOCKED_IN);
    BOOST_CHECK(StateOf(chain, 431) == ThresholdState::LOCKED_IN);
    BOOST_CHECK(StateOf(chain, 432) == ThresholdState::ACTIVE);
    BOOST_CHECK(StateOf(chain, 599) == ThresholdState::ACTIVE);
    // "since": the first height of the window the state began in.
    const auto since = [&](int h) { return chain::StateSinceHeight(chain.at(h - 1), TestDummy(), Regtest()); };
    BOOST_CHECK_EQUAL(since(100), 0);
    BOOST_CHECK_EQUAL(since(144), 144);
    BOOST_CHECK_EQUAL(since(287), 144);
    BOOST_CHECK_EQUAL(since(288), 288);
    BOOST_CHECK_EQUAL(since(500), 432);
    // New blocks signal while started or locked in.
    BOOST_CHECK_EQUAL(chain::ComputeBlockVersion(chain.at(142), Regtest()), NO_SIGNAL);
    BOOST_CHECK_EQUAL(chain::ComputeBlockVersion(chain.at(143), Regtest()), SIGNAL);
    BOOST_CHECK_EQUAL(chain::ComputeBlockVersion(chain.at(430), Regtest()), SIGNAL);
    BOOST_CHECK_EQUAL(chain::ComputeBlockVersion(chain.at(431), Regtest()), NO_SIGNAL);
    // Other networks have no deployment: plain version-bits blocks.
    BOOST_CHECK_EQUAL(chain::ComputeBlockVersion(chain.at(200), ParamsFor(consensus::ChainType::MAIN)), NO_SIGNAL);
}

BOOST_AUTO_TEST_CASE(threshold_edge)
{
    // Window 144-287: 107 signalling blocks stay started; 108 lock in.
    for (int signalling : {107, 108}) {
        const TestChain chain(300, [&](int h) { return h >= 144 && h < 144 + signalling ? SIGNAL : NO_SIGNAL; });
        BOOST_CHECK(StateOf(chain, 288) == (signalling == 108 ? ThresholdState::LOCKED_IN : ThresholdState::STARTED));
    }
    // Signals before the window started do not count; nor does a bit without the top bits.
    const TestChain early(300, [](int h) { return h < 144 ? SIGNAL : (h < 287 ? 0x10000000 : NO_SIGNAL); });
    BOOST_CHECK(StateOf(early, 288) == ThresholdState::STARTED);
    BOOST_CHECK(!chain::SignalsBit(0x10000000, 28));
    BOOST_CHECK(!chain::SignalsBit(0x70000000, 28)); // top bits 011: not version bits
    BOOST_CHECK(chain::SignalsBit(0x30000001, 28));
}

BOOST_AUTO_TEST_CASE(timeout_start_time_and_minimum_height)
{
    consensus::Params params = Regtest();
    consensus::Bip9Deployment deployment = TestDummy();
    const TestChain quiet(800, [](int) { return NO_SIGNAL; });
    // Never signalled, with a timeout the median time passes at window end 431: failed from 432.
    deployment.timeout = quiet.at(431)->MedianTimePast();
    BOOST_CHECK(chain::StateFor(quiet.at(430), deployment, params) == ThresholdState::STARTED);
    BOOST_CHECK(chain::StateFor(quiet.at(431), deployment, params) == ThresholdState::FAILED);
    BOOST_CHECK(chain::StateFor(quiet.at(799), deployment, params) == ThresholdState::FAILED);
    BOOST_CHECK_EQUAL(chain::StateSinceHeight(quiet.at(799), deployment, params), 432);
    // A start time in the future keeps it defined.
    deployment = TestDummy();
    deployment.start_time = quiet.at(300)->MedianTimePast();
    BOOST_CHECK(chain::StateFor(quiet.at(286), deployment, params) == ThresholdState::DEFINED);
    BOOST_CHECK(chain::StateFor(quiet.at(431), deployment, params) == ThresholdState::STARTED);
    // Locked in at 288, but active only from the first window at or above 600.
    const TestChain loud(800, [](int) { return SIGNAL; });
    deployment = TestDummy();
    deployment.min_activation_height = 600;
    BOOST_CHECK(chain::StateFor(loud.at(431), deployment, params) == ThresholdState::LOCKED_IN);
    BOOST_CHECK(chain::StateFor(loud.at(574), deployment, params) == ThresholdState::LOCKED_IN);
    BOOST_CHECK(chain::StateFor(loud.at(575), deployment, params) == ThresholdState::LOCKED_IN);
    BOOST_CHECK(chain::StateFor(loud.at(719), deployment, params) == ThresholdState::ACTIVE);
    BOOST_CHECK_EQUAL(chain::StateSinceHeight(loud.at(719), deployment, params), 720);
}

BOOST_AUTO_TEST_CASE(window_statistics)
{
    const TestChain chain(300, [](int h) { return h % 3 == 0 ? NO_SIGNAL : SIGNAL; });
    auto stats = chain::WindowStatsFor(*chain.at(144), TestDummy(), Regtest());
    BOOST_CHECK_EQUAL(stats.period, 144);
    BOOST_CHECK_EQUAL(stats.elapsed, 1);
    BOOST_CHECK_EQUAL(stats.count, 0); // 144 is a multiple of 3
    BOOST_CHECK_EQUAL(stats.signalling, "-");
    stats = chain::WindowStatsFor(*chain.at(149), TestDummy(), Regtest());
    BOOST_CHECK_EQUAL(stats.elapsed, 6);
    BOOST_CHECK_EQUAL(stats.count, 4);
    BOOST_CHECK_EQUAL(stats.signalling, "-##-##");
    BOOST_CHECK(stats.possible);
    // At the window's end: 96 of 144 signalled, 48 missed; 144 - 108 = 36 may be missed, so not possible.
    stats = chain::WindowStatsFor(*chain.at(287), TestDummy(), Regtest());
    BOOST_CHECK_EQUAL(stats.elapsed, 144);
    BOOST_CHECK_EQUAL(stats.count, 96);
    BOOST_CHECK_EQUAL(stats.threshold, 108);
    BOOST_CHECK(!stats.possible);
    // 36 misses is still possible, 37 is not.
    const TestChain edge(200, [](int h) { return h >= 144 && h <= 180 ? NO_SIGNAL : SIGNAL; });
    BOOST_CHECK(chain::WindowStatsFor(*edge.at(179), TestDummy(), Regtest()).possible);
    BOOST_CHECK(!chain::WindowStatsFor(*edge.at(180), TestDummy(), Regtest()).possible);
}

BOOST_AUTO_TEST_SUITE_END()
