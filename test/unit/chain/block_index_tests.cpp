#include <chain/active_chain.h>
#include <chain/block_index.h>
#include <consensus/header_check.h>

#include <boost/test/unit_test.hpp>

using chain::BlockIndex;
using chain::BlockTree;

namespace {

// Appends `count` headers on top of `parent` (no proof of work: the tree
// does not check it); `salt` makes branches differ.
std::vector<BlockIndex*> Extend(BlockTree& tree, const BlockIndex* parent, int count, uint32_t salt)
{
    std::vector<BlockIndex*> added;
    primitives::BlockHash prev = parent ? parent->hash : primitives::BlockHash();
    uint32_t time = parent ? parent->header.time : 1'600'000'000;
    for (int i = 0; i < count; ++i) {
        primitives::BlockHeader header;
        header.version = 4;
        header.prev_block = prev;
        header.time = time += 600 + (i % 7) * 13; // not monotonic in steps, for the median
        header.bits = 0x207fffff;
        header.nonce = salt;
        BlockIndex* block = tree.Insert(header);
        added.push_back(block);
        prev = block->hash;
    }
    return added;
}

} // namespace

BOOST_AUTO_TEST_SUITE(block_index_tests)

BOOST_AUTO_TEST_CASE(ancestors_by_skip_pointers)
{
    BlockTree tree(1, 2);
    const auto blocks = Extend(tree, nullptr, 3000, 0);
    BOOST_CHECK_EQUAL(tree.Size(), 3000u);
    const BlockIndex* tip = blocks.back();
    BOOST_CHECK_EQUAL(tip->height, 2999);
    // Chain work of regtest blocks: 2 each.
    BOOST_CHECK(tip->chain_work == primitives::ArithUint256(2 * 3000));
    for (const BlockIndex* block : {blocks[0], blocks[1], blocks[2], blocks[1000], blocks[2047], blocks[2999]}) {
        for (int h = 0; h <= block->height; ++h) {
            BOOST_REQUIRE(block->Ancestor(h) == blocks[static_cast<size_t>(h)]);
        }
        BOOST_CHECK(!block->Ancestor(block->height + 1));
        BOOST_CHECK(!block->Ancestor(-1));
        if (block->height >= 2) BOOST_CHECK_EQUAL(block->skip->height, chain::SkipHeight(block->height));
    }
    // Inserting a known header returns the same node.
    BOOST_CHECK(tree.Insert(blocks[5]->header) == blocks[5]);
    BOOST_CHECK(tree.Find(blocks[7]->hash) == blocks[7]);
}

BOOST_AUTO_TEST_CASE(active_chain_and_forks)
{
    BlockTree tree;
    const auto main = Extend(tree, nullptr, 2000, 0);
    const auto fork = Extend(tree, main[1500], 600, 1); // heights 1501..2100
    chain::ActiveChain active;
    active.SetTip(main.back());
    BOOST_CHECK_EQUAL(active.Height(), 1999);
    BOOST_CHECK(active.Genesis() == main[0]);
    BOOST_CHECK(active.Contains(main[1700]));
    BOOST_CHECK(!active.Contains(fork[0]));
    BOOST_CHECK(active.Next(main[10]) == main[11]);
    BOOST_CHECK(active.FindFork(fork.back()) == main[1500]);
    BOOST_CHECK(chain::HasMoreWork(*fork.back(), *main.back()));

    active.SetTip(fork.back());
    BOOST_CHECK_EQUAL(active.Height(), 2100);
    BOOST_CHECK(active.At(1500) == main[1500]);
    BOOST_CHECK(active.At(1501) == fork[0]);
    BOOST_CHECK(!active.Contains(main[1501]));
    BOOST_CHECK(active.FindFork(main.back()) == main[1500]);
    active.SetTip(main[100]);
    BOOST_CHECK_EQUAL(active.Height(), 100);
    BOOST_CHECK(!active.At(101));
    active.SetTip(nullptr);
    BOOST_CHECK(!active.Tip());
}

BOOST_AUTO_TEST_CASE(work_order_validity_and_consensus_views)
{
    BlockTree tree;
    const auto blocks = Extend(tree, nullptr, 50, 0);
    BlockIndex* tip = blocks.back();
    // Median time past agrees with the consensus function over the same branch.
    const chain::BranchView view(*tip);
    BOOST_CHECK_EQUAL(tip->MedianTimePast(), consensus::MedianTimePast(tip->Info(), view));
    BOOST_CHECK_EQUAL(blocks[3]->MedianTimePast(), consensus::MedianTimePast(blocks[3]->Info(), chain::BranchView(*blocks[3])));

    // Equal work: the block that arrived first wins.
    const auto a = Extend(tree, blocks[10], 1, 7)[0];
    const auto b = Extend(tree, blocks[10], 1, 8)[0];
    a->sequence_id = 2;
    b->sequence_id = 1;
    BOOST_CHECK(chain::HasMoreWork(*b, *a));
    BOOST_CHECK(!chain::HasMoreWork(*a, *b));

    BOOST_CHECK(tip->IsValid(storage::BLOCK_VALID_TREE));
    BOOST_CHECK(!tip->IsValid(storage::BLOCK_VALID_SCRIPTS));
    BOOST_CHECK(tip->RaiseValidity(storage::BLOCK_VALID_SCRIPTS));
    BOOST_CHECK(!tip->RaiseValidity(storage::BLOCK_VALID_CHAIN)); // already above
    BOOST_CHECK(tip->IsValid(storage::BLOCK_VALID_SCRIPTS));
    tip->status |= storage::BLOCK_FAILED_CHILD;
    BOOST_CHECK(!tip->IsValid(storage::BLOCK_VALID_TREE));
    BOOST_CHECK(!tip->RaiseValidity(storage::BLOCK_VALID_SCRIPTS));
}

BOOST_AUTO_TEST_SUITE_END()
