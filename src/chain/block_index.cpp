#include <chain/block_index.h>

#include <consensus/header_check.h>

#include <cassert>

namespace chain {
namespace {

int ClearLowestBit(int n) { return n & (n - 1); }

} // namespace

int SkipHeight(int height)
{
    if (height < 2) return 0;
    // Odd heights skip a little less far than even ones, which keeps every
    // walk short (Core's scheme, so both trees jump alike).
    return (height & 1) ? ClearLowestBit(ClearLowestBit(height - 1)) + 1 : ClearLowestBit(height);
}

const BlockIndex* BlockIndex::Ancestor(int target) const
{
    if (target > height || target < 0) return nullptr;
    const BlockIndex* walk = this;
    int walk_height = height;
    while (walk_height > target) {
        const int skip_height = SkipHeight(walk_height);
        const int skip_prev_height = SkipHeight(walk_height - 1);
        // Take the skip unless the parent's skip gets closer without overshooting.
        if (walk->skip && (skip_height == target || (skip_height > target && !(skip_prev_height < skip_height - 2 &&
                                                                               skip_prev_height >= target)))) {
            walk = walk->skip;
            walk_height = skip_height;
        } else {
            assert(walk->parent);
            walk = walk->parent;
            --walk_height;
        }
    }
    return walk;
}

BlockIndex* BlockIndex::Ancestor(int target)
{
    return const_cast<BlockIndex*>(static_cast<const BlockIndex*>(this)->Ancestor(target));
}

int64_t BlockIndex::MedianTimePast() const { return consensus::MedianTimePast(Info(), BranchView(*this)); }

bool BlockIndex::RaiseValidity(uint32_t level)
{
    if (status & (storage::BLOCK_FAILED_VALID | storage::BLOCK_FAILED_CHILD)) return false;
    if ((status & storage::BLOCK_VALID_MASK) >= level) return false;
    status = (status & ~uint32_t{storage::BLOCK_VALID_MASK}) | level;
    return true;
}

bool HasMoreWork(const BlockIndex& a, const BlockIndex& b)
{
    if (a.chain_work != b.chain_work) return a.chain_work > b.chain_work;
    if (a.sequence_id != b.sequence_id) return a.sequence_id < b.sequence_id;
    return &a < &b;
}

BlockIndex* BlockTree::Find(const primitives::BlockHash& hash) const
{
    const auto it = m_nodes.find(hash);
    return it == m_nodes.end() ? nullptr : it->second.get();
}

BlockIndex* BlockTree::Insert(const primitives::BlockHeader& header)
{
    const primitives::BlockHash hash = header.GetHash();
    if (BlockIndex* existing = Find(hash)) return existing;
    auto node = std::make_unique<BlockIndex>();
    node->hash = hash;
    node->header = header;
    node->parent = Find(header.prev_block);
    if (node->parent) {
        node->height = node->parent->height + 1;
        node->skip = node->parent->Ancestor(SkipHeight(node->height));
        node->chain_work = node->parent->chain_work;
    }
    node->chain_work += consensus::BlockProof(header.bits);
    node->status = storage::BLOCK_VALID_TREE;
    BlockIndex* raw = node.get();
    m_nodes.emplace(hash, std::move(node));
    return raw;
}

} // namespace chain
