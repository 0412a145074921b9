// The download window: which blocks a peer is asked for, how far ahead, what
// is skipped, and who is reported as stalling.
#include <p2p/block_download.h>

#include <boost/test/unit_test.hpp>

#include <map>

using chain::BlockIndex;
using p2p::FindNextBlocksToDownload;

namespace {

// A tree with a main branch of `length` blocks after genesis (regtest bits).
struct Tree {
    chain::BlockTree tree;
    std::vector<BlockIndex*> main;

    explicit Tree(int length)
    {
        primitives::BlockHeader genesis;
        genesis.bits = 0x207fffff;
        main.push_back(tree.Insert(genesis));
        Extend(main, length, 1);
    }
    // Appends `count` blocks to `branch` (salt keeps branches apart).
    void Extend(std::vector<BlockIndex*>& branch, int count, uint32_t salt)
    {
        for (int i = 0; i < count; ++i) {
            primitives::BlockHeader header;
            header.prev_block = branch.back()->hash;
            header.bits = 0x207fffff;
            header.nonce = salt;
            header.time = static_cast<uint32_t>(branch.size());
            branch.push_back(tree.Insert(header));
        }
    }
};

using InFlight = std::map<const BlockIndex*, net::NodeId>;

p2p::DownloadPlan Plan(const chain::ActiveChain& chain, const BlockIndex* best, const BlockIndex* last_common,
                       const InFlight& in_flight, int window = 1024, int max = 16, net::NodeId self = 1)
{
    return FindNextBlocksToDownload(chain, best, last_common, self, window, max,
                                    [&](const BlockIndex& block) -> std::optional<net::NodeId> {
                                        const auto it = in_flight.find(&block);
                                        if (it == in_flight.end()) return std::nullopt;
                                        return it->second;
                                    });
}

} // namespace

BOOST_AUTO_TEST_SUITE(block_download_tests)

BOOST_AUTO_TEST_CASE(asks_in_height_order_up_to_the_limit)
{
    Tree t(100);
    chain::ActiveChain chain;
    chain.SetTip(t.main[10]);
    const auto plan = Plan(chain, t.main[100], nullptr, {});
    BOOST_REQUIRE_EQUAL(plan.blocks.size(), 16u);
    for (size_t i = 0; i < 16; ++i) BOOST_CHECK_EQUAL(plan.blocks[i]->height, 11 + static_cast<int>(i));
    BOOST_CHECK_EQUAL(plan.last_common->height, 10);
    BOOST_CHECK(!plan.staller);
}

BOOST_AUTO_TEST_CASE(nothing_from_a_peer_without_more_work)
{
    Tree t(50);
    chain::ActiveChain chain;
    chain.SetTip(t.main[50]);
    BOOST_CHECK(Plan(chain, t.main[40], nullptr, {}).blocks.empty());
    BOOST_CHECK(Plan(chain, t.main[50], nullptr, {}).blocks.empty());
    BOOST_CHECK(Plan(chain, nullptr, nullptr, {}).blocks.empty());
    // The meeting point is still tracked.
    BOOST_CHECK_EQUAL(Plan(chain, t.main[40], nullptr, {}).last_common, t.main[40]);
}

BOOST_AUTO_TEST_CASE(skips_blocks_held_or_in_flight)
{
    Tree t(40);
    chain::ActiveChain chain;
    chain.SetTip(t.main[0]);
    t.main[1]->status |= storage::BLOCK_HAVE_DATA; // stored, not connected yet
    InFlight in_flight{{t.main[2], 7}, {t.main[4], 1}};
    const auto plan = Plan(chain, t.main[40], nullptr, in_flight, 1024, 3);
    BOOST_REQUIRE_EQUAL(plan.blocks.size(), 3u);
    BOOST_CHECK_EQUAL(plan.blocks[0]->height, 3);
    BOOST_CHECK_EQUAL(plan.blocks[1]->height, 5);
    BOOST_CHECK_EQUAL(plan.blocks[2]->height, 6);
}

BOOST_AUTO_TEST_CASE(window_bounds_the_lead_and_names_the_staller)
{
    Tree t(200);
    chain::ActiveChain chain;
    chain.SetTip(t.main[0]);
    // Window of 20: blocks 1..20 only, whatever the peer's height.
    InFlight in_flight;
    for (int h = 1; h <= 4; ++h) in_flight[t.main[static_cast<size_t>(h)]] = 9; // the slow peer
    for (int h = 5; h <= 20; ++h) in_flight[t.main[static_cast<size_t>(h)]] = 1; // ourselves
    auto plan = Plan(chain, t.main[200], nullptr, in_flight, 20);
    BOOST_CHECK(plan.blocks.empty());
    BOOST_REQUIRE(plan.staller);
    BOOST_CHECK_EQUAL(*plan.staller, 9);
    // The same situation asked by the slow peer itself names nobody.
    BOOST_CHECK(!Plan(chain, t.main[200], nullptr, in_flight, 20, 16, 9).staller);
    // A chain that ends inside the window has no staller: the window is not what blocks us.
    BOOST_CHECK(!Plan(chain, t.main[20], nullptr, in_flight, 20).staller);
    // Once the first blocks are connected the window moves on.
    chain.SetTip(t.main[20]);
    plan = Plan(chain, t.main[200], t.main[0], {}, 20);
    BOOST_CHECK_EQUAL(plan.last_common, t.main[20]);
    BOOST_REQUIRE(!plan.blocks.empty());
    BOOST_CHECK_EQUAL(plan.blocks.front()->height, 21);
}

BOOST_AUTO_TEST_CASE(a_fork_is_downloaded_from_where_it_leaves_our_chain)
{
    Tree t(30);
    std::vector<BlockIndex*> fork(t.main.begin(), t.main.begin() + 21); // genesis..20
    t.Extend(fork, 15, 2);                                               // 21'..35'
    chain::ActiveChain chain;
    chain.SetTip(t.main[30]);
    const auto plan = Plan(chain, fork.back(), nullptr, {});
    BOOST_CHECK_EQUAL(plan.last_common, t.main[20]);
    BOOST_REQUIRE_EQUAL(plan.blocks.size(), 15u);
    BOOST_CHECK(plan.blocks.front() == fork[21]);
    // An invalid block on the branch stops the walk there.
    fork[25]->status |= storage::BLOCK_FAILED_VALID;
    BOOST_CHECK_EQUAL(Plan(chain, fork.back(), nullptr, {}).blocks.size(), 4u);
}

BOOST_AUTO_TEST_CASE(last_common_ancestor)
{
    Tree t(10);
    std::vector<BlockIndex*> fork(t.main.begin(), t.main.begin() + 6);
    t.Extend(fork, 8, 3);
    BOOST_CHECK(p2p::LastCommonAncestor(t.main[10], fork.back()) == t.main[5]);
    BOOST_CHECK(p2p::LastCommonAncestor(t.main[10], t.main[3]) == t.main[3]);
    BOOST_CHECK(p2p::LastCommonAncestor(nullptr, t.main[3]) == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
