#include "consensus_test_util.h"

#include <consensus/chain_params.h>
#include <consensus/header_check.h>

#include <boost/test/unit_test.hpp>

#include <functional>

using test::FunctionView;
using test::ParamsOf;
using consensus::ChainType;
using consensus::HeaderCheckError;
using consensus::HeaderInfo;

namespace {

// A chain of blocks ten minutes apart, all with `bits`.
FunctionView SteadyChain(int64_t start_time, uint32_t bits)
{
    return FunctionView([=](int height) { return HeaderInfo{height, start_time + 600 * int64_t{height}, bits}; });
}

// Changes the nonce until the header's proof of work passes (or, with
// `valid` false, fails) against its bits.
void Grind(primitives::BlockHeader& header, const consensus::Params& params, bool valid = true)
{
    while (consensus::CheckProofOfWork(header.GetHash(), header.bits, params) != valid) ++header.nonce;
}

primitives::BlockHeader MakeHeader(int64_t time, uint32_t bits, int32_t version = 4)
{
    primitives::BlockHeader header;
    header.version = version;
    header.time = static_cast<uint32_t>(time);
    header.bits = bits;
    return header;
}

} // namespace

BOOST_AUTO_TEST_SUITE(header_check_tests)

BOOST_AUTO_TEST_CASE(median_time_past)
{
    // Out-of-order timestamps: the median of the last 11 is taken, not the latest.
    const int64_t times[] = {100, 50, 300, 200, 150, 400, 350, 250, 500, 450, 10, 5};
    const FunctionView chain([&](int height) { return HeaderInfo{height, times[height], 0}; });
    BOOST_CHECK_EQUAL(consensus::MedianTimePast(chain.Ancestor(11), chain), 250); // heights 1..11
    BOOST_CHECK_EQUAL(consensus::MedianTimePast(chain.Ancestor(10), chain), 250); // heights 0..10
    BOOST_CHECK_EQUAL(consensus::MedianTimePast(chain.Ancestor(0), chain), 100);  // genesis alone
    BOOST_CHECK_EQUAL(consensus::MedianTimePast(chain.Ancestor(1), chain), 100);  // {100, 50}: upper middle
    BOOST_CHECK_EQUAL(consensus::MedianTimePast(chain.Ancestor(2), chain), 100);  // {100, 50, 300}
}

BOOST_AUTO_TEST_CASE(each_reject_reason)
{
    const auto regtest = ParamsOf(ChainType::REGTEST);
    const FunctionView chain = SteadyChain(1'700'000'000, 0x207fffff);
    const HeaderInfo parent = chain.Ancestor(100);
    const int64_t now = parent.time + 600;
    const auto check = [&](const primitives::BlockHeader& header, const consensus::Params& params = ParamsOf(ChainType::REGTEST),
                           const HeaderInfo* on = nullptr, const consensus::AncestorView* view = nullptr,
                           int64_t at = 0) {
        if (auto error = consensus::CheckBlockHeader(header, params); error != HeaderCheckError::NONE) {
            return consensus::RejectReason(error, header);
        }
        return consensus::RejectReason(consensus::ContextualCheckBlockHeader(header, on ? *on : parent, view ? *view : chain,
                                                                             at ? at : now, params),
                                       header);
    };

    auto good = MakeHeader(parent.time + 600, 0x207fffff);
    Grind(good, regtest);
    BOOST_CHECK_EQUAL(check(good), "");

    auto high = good;
    Grind(high, regtest, /*valid=*/false);
    BOOST_CHECK_EQUAL(check(high), "high-hash");

    auto diffbits = MakeHeader(parent.time + 600, 0x207ffffe);
    Grind(diffbits, regtest);
    BOOST_CHECK_EQUAL(check(diffbits), "bad-diffbits");

    // Exactly the median time past is too old; one second later is fine.
    const int64_t mtp = consensus::MedianTimePast(parent, chain);
    BOOST_CHECK_EQUAL(mtp, parent.time - 5 * 600);
    auto old = MakeHeader(mtp, 0x207fffff);
    Grind(old, regtest);
    BOOST_CHECK_EQUAL(check(old), "time-too-old");
    auto just_after = MakeHeader(mtp + 1, 0x207fffff);
    Grind(just_after, regtest);
    BOOST_CHECK_EQUAL(check(just_after), "");

    // Two hours ahead of the node's clock is the limit.
    auto future = MakeHeader(now + consensus::MAX_FUTURE_BLOCK_TIME + 1, 0x207fffff);
    Grind(future, regtest);
    BOOST_CHECK_EQUAL(check(future), "time-too-new");
    auto edge = MakeHeader(now + consensus::MAX_FUTURE_BLOCK_TIME, 0x207fffff);
    Grind(edge, regtest);
    BOOST_CHECK_EQUAL(check(edge), "");

    // Regtest requires version 4 from height 1 (BIP34/66/65 at height 1).
    for (int32_t version : {1, 2, 3}) {
        auto outdated = MakeHeader(parent.time + 600, 0x207fffff, version);
        Grind(outdated, regtest);
        BOOST_CHECK_EQUAL(check(outdated), "bad-version(0x0000000" + std::to_string(version) + ")");
    }
}

BOOST_AUTO_TEST_CASE(version_rules_follow_mainnet_heights)
{
    const auto main = ParamsOf(ChainType::MAIN);
    // Not a retarget height, so the parent's bits carry over; no proof of work checked here.
    const auto version_error = [&](int height, int32_t version) {
        const FunctionView chain = SteadyChain(1'300'000'000, 0x1b0404cb);
        const HeaderInfo parent = chain.Ancestor(height - 1);
        primitives::BlockHeader header;
        header.version = version;
        header.time = static_cast<uint32_t>(parent.time + 600);
        header.bits = 0x1b0404cb;
        return consensus::RejectReason(consensus::ContextualCheckBlockHeader(header, parent, chain, parent.time + 600, main),
                                       header);
    };
    BOOST_CHECK_EQUAL(version_error(227'930, 1), "");               // before BIP34
    BOOST_CHECK_EQUAL(version_error(227'931, 1), "bad-version(0x00000001)");
    BOOST_CHECK_EQUAL(version_error(363'724, 2), "");               // before BIP66
    BOOST_CHECK_EQUAL(version_error(363'725, 2), "bad-version(0x00000002)");
    BOOST_CHECK_EQUAL(version_error(388'380, 3), "");               // before BIP65
    BOOST_CHECK_EQUAL(version_error(388'381, 3), "bad-version(0x00000003)");
    // BIP9 version bits (0x20000000 and up) are versions above 4.
    BOOST_CHECK_EQUAL(version_error(700'001, 0x20000000), "");
    // A negative version (top bit set) is below 4.
    BOOST_CHECK_EQUAL(version_error(700'001, static_cast<int32_t>(0x80000004)), "bad-version(0x80000004)");
}

BOOST_AUTO_TEST_CASE(bip94_timewarp_rule_on_testnet4)
{
    const auto testnet4 = ParamsOf(ChainType::TESTNET4);
    const uint32_t bits = 0x1d00ffff;
    const FunctionView chain = SteadyChain(1'714'777'860, bits);
    const HeaderInfo parent = chain.Ancestor(4031); // the next block starts a period
    const auto check = [&](int64_t time) {
        primitives::BlockHeader header;
        header.version = 4;
        header.time = static_cast<uint32_t>(time);
        header.bits = consensus::NextWorkRequired(parent, chain, time, testnet4);
        return consensus::RejectReason(consensus::ContextualCheckBlockHeader(header, parent, chain, time, testnet4), header);
    };
    BOOST_CHECK_EQUAL(check(parent.time - consensus::MAX_TIMEWARP), "");
    BOOST_CHECK_EQUAL(check(parent.time - consensus::MAX_TIMEWARP - 1), "time-timewarp-attack");
    // Inside a period the rule does not apply (only median time past does).
    const HeaderInfo inner = chain.Ancestor(4040);
    primitives::BlockHeader header;
    header.version = 4;
    header.time = static_cast<uint32_t>(inner.time - 1000);
    header.bits = consensus::NextWorkRequired(inner, chain, header.time, testnet4);
    BOOST_CHECK_EQUAL(consensus::RejectReason(consensus::ContextualCheckBlockHeader(header, inner, chain, inner.time, testnet4),
                                              header),
                      "");
}

BOOST_AUTO_TEST_SUITE_END()
