// Low-work header protection: nothing is stored before the chain's work is
// known to be enough, the redownload must be the chain that was measured,
// and bad headers end the sync.
#include <p2p/headers_presync.h>

#include <consensus/chain_params.h>
#include <consensus/pow.h>

#include <boost/test/unit_test.hpp>

using p2p::HeadersPresync;
using Phase = HeadersPresync::Phase;
using primitives::BlockHeader;

namespace {

const consensus::ChainParams& Regtest()
{
    static const auto params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    return params;
}

// `count` headers on top of `prev` meeting regtest's proof of work; `salt`
// makes different chains.
std::vector<BlockHeader> Mine(const primitives::BlockHash& prev, int count, uint32_t salt, uint32_t bits = 0x207fffff)
{
    std::vector<BlockHeader> out;
    primitives::BlockHash last = prev;
    for (int i = 0; i < count; ++i) {
        BlockHeader header;
        header.version = 4;
        header.prev_block = last;
        header.time = 1'700'000'000 + static_cast<uint32_t>(i) * 600 + salt;
        header.bits = bits;
        while (!consensus::CheckProofOfWork(header.GetHash(), header.bits, Regtest().consensus)) ++header.nonce;
        last = header.GetHash();
        out.push_back(header);
    }
    return out;
}

p2p::ChainStart Start()
{
    const BlockHeader genesis = Regtest().genesis.header;
    return {genesis.GetHash(), 0, consensus::BlockProof(genesis.bits), genesis.bits, int64_t{genesis.time},
            int64_t{genesis.time}};
}

primitives::ArithUint256 WorkOf(int blocks)
{
    primitives::ArithUint256 work = consensus::BlockProof(0x207fffff);
    work *= static_cast<uint32_t>(blocks + 1); // the start's own work included
    return work;
}

std::span<const BlockHeader> Slice(const std::vector<BlockHeader>& headers, size_t from, size_t count)
{
    return std::span(headers).subspan(from, count);
}

} // namespace

BOOST_AUTO_TEST_SUITE(headers_presync_tests)

BOOST_AUTO_TEST_CASE(measured_then_redownloaded_then_stored)
{
    const auto chain = Mine(Start().hash, 1500, 1);
    HeadersPresync sync(Regtest().consensus, Start(), WorkOf(1400), 42);
    // Presync in three "full" messages of 500: nothing is stored.
    auto step = sync.Process(Slice(chain, 0, 500), true);
    BOOST_CHECK(step.to_store.empty() && step.request_more && sync.phase() == Phase::PRESYNC);
    BOOST_CHECK(sync.NextLocatorStart() == chain[499].GetHash());
    step = sync.Process(Slice(chain, 500, 500), true);
    BOOST_CHECK(step.to_store.empty() && sync.phase() == Phase::PRESYNC);
    step = sync.Process(Slice(chain, 1000, 500), true); // work reaches the minimum at 1400
    BOOST_CHECK(step.to_store.empty() && step.request_more);
    BOOST_CHECK(sync.phase() == Phase::REDOWNLOAD);
    BOOST_CHECK(sync.NextLocatorStart() == Start().hash);
    BOOST_CHECK_EQUAL(sync.PresyncHeight(), 1500);

    // Redownload: released up to each matched commitment (every 600 headers).
    step = sync.Process(Slice(chain, 0, 700), true);
    BOOST_REQUIRE_EQUAL(step.to_store.size(), 600u);
    BOOST_CHECK(step.to_store.back().GetHash() == chain[599].GetHash());
    step = sync.Process(Slice(chain, 700, 800), false);
    BOOST_CHECK_EQUAL(step.to_store.size(), 900u); // the 100 buffered, then the rest to 1500
    BOOST_CHECK(sync.phase() == Phase::DONE);
    BOOST_CHECK(!step.request_more);
}

BOOST_AUTO_TEST_CASE(a_different_chain_in_redownload_fails)
{
    const auto chain = Mine(Start().hash, 1300, 1);
    HeadersPresync sync(Regtest().consensus, Start(), WorkOf(1300), 7);
    sync.Process(Slice(chain, 0, 1300), true);
    BOOST_REQUIRE(sync.phase() == Phase::REDOWNLOAD);
    // Same first 400, then another branch: caught at the commitment at 600.
    auto other = Slice(chain, 0, 400);
    std::vector<BlockHeader> switched(other.begin(), other.end());
    const auto branch = Mine(chain[399].GetHash(), 300, 9);
    switched.insert(switched.end(), branch.begin(), branch.end());
    const auto step = sync.Process(switched, true);
    BOOST_CHECK(sync.phase() == Phase::FAILED);
    BOOST_CHECK_EQUAL(step.error, "redownloaded headers differ from the presynced chain");
    BOOST_CHECK(step.to_store.empty());
}

BOOST_AUTO_TEST_CASE(too_little_work_keeps_nothing)
{
    const auto chain = Mine(Start().hash, 300, 2);
    HeadersPresync sync(Regtest().consensus, Start(), WorkOf(1000), 1);
    const auto step = sync.Process(chain, false); // the peer has no more
    BOOST_CHECK(sync.phase() == Phase::DONE);
    BOOST_CHECK(step.to_store.empty() && !step.request_more && step.error.empty());
}

BOOST_AUTO_TEST_CASE(bad_headers_fail)
{
    auto chain = Mine(Start().hash, 20, 3);
    {
        HeadersPresync sync(Regtest().consensus, Start(), WorkOf(100), 1);
        auto gap = chain;
        gap.erase(gap.begin() + 5);
        BOOST_CHECK_EQUAL(sync.Process(gap, true).error, "non-continuous headers sequence");
        BOOST_CHECK(sync.phase() == Phase::FAILED);
    }
    {
        // A header whose hash misses its target.
        HeadersPresync sync(Regtest().consensus, Start(), WorkOf(100), 1);
        auto weak = chain;
        while (consensus::CheckProofOfWork(weak[3].GetHash(), weak[3].bits, Regtest().consensus)) ++weak[3].nonce;
        BOOST_CHECK_EQUAL(sync.Process(std::span(weak).first(4), true).error, "high-hash");
    }
    {
        // Without the minimum-difficulty exception, bits cannot change between retargets.
        consensus::Params strict = Regtest().consensus;
        strict.pow_allow_min_difficulty_blocks = false;
        HeadersPresync sync(strict, Start(), WorkOf(100), 1);
        auto changed = Mine(Start().hash, 2, 4);
        const auto harder = Mine(changed[1].GetHash(), 1, 4, 0x207ffff0);
        changed.push_back(harder[0]);
        BOOST_CHECK_EQUAL(sync.Process(changed, true).error, "bad-diffbits");
    }
}

BOOST_AUTO_TEST_CASE(redownload_that_stops_early_fails)
{
    const auto chain = Mine(Start().hash, 700, 5);
    HeadersPresync sync(Regtest().consensus, Start(), WorkOf(700), 3);
    sync.Process(chain, true);
    BOOST_REQUIRE(sync.phase() == Phase::REDOWNLOAD);
    const auto step = sync.Process(Slice(chain, 0, 650), false);
    BOOST_CHECK(sync.phase() == Phase::FAILED);
    BOOST_CHECK_EQUAL(step.error, "redownload ended before the presynced height");
}

BOOST_AUTO_TEST_SUITE_END()
