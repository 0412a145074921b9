// The block index: one node per known header, linked to its parent, with the
// chain work up to it and what is known about the block (Core's CBlockIndex).
// Nodes live in a BlockTree and never move, so raw pointers between them stay
// valid for the tree's lifetime.
#ifndef UTXO_CHAIN_BLOCK_INDEX_H
#define UTXO_CHAIN_BLOCK_INDEX_H

#include <consensus/pow.h>
#include <crypto/siphash.h>
#include <primitives/arith_uint256.h>
#include <primitives/block.h>
#include <storage/block_index_records.h>

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace chain {

struct BlockIndex {
    primitives::BlockHash hash;
    primitives::BlockHeader header;
    BlockIndex* parent{nullptr};
    BlockIndex* skip{nullptr}; // an older ancestor, for O(log n) Ancestor()
    int height{0};
    primitives::ArithUint256 chain_work; // work of this block and all before it
    uint32_t status{0};                  // storage::BlockStatus bits
    uint32_t tx_count{0};
    uint64_t chain_tx_count{0}; // transactions up to here, once all blocks up to here are known
    int file{-1};
    uint32_t data_pos{0};
    uint32_t undo_pos{0};
    // Order in which full blocks arrived: among equal work the first wins.
    int32_t sequence_id{0};

    consensus::HeaderInfo Info() const { return {height, int64_t{header.time}, header.bits}; }
    // The ancestor at `target` height (this block for its own height);
    // nullptr outside [0, height].
    const BlockIndex* Ancestor(int target) const;
    BlockIndex* Ancestor(int target);
    int64_t MedianTimePast() const;

    bool IsValid(uint32_t level = storage::BLOCK_VALID_TRANSACTIONS) const
    {
        if (status & (storage::BLOCK_FAILED_VALID | storage::BLOCK_FAILED_CHILD)) return false;
        return (status & storage::BLOCK_VALID_MASK) >= level;
    }
    // Raises the validity level; false when already there or failed.
    bool RaiseValidity(uint32_t level);
};

// Height of the skip target for a block at `height` (Core's GetSkipHeight):
// a deterministic choice that makes any ancestor reachable in O(log n) hops.
int SkipHeight(int height);

// Orders candidate tips: more chain work first; then the block that arrived
// first; then the address (a stable tie-break).
bool HasMoreWork(const BlockIndex& a, const BlockIndex& b);

// consensus::AncestorView over the branch ending at `tip`.
class BranchView final : public consensus::AncestorView {
public:
    explicit BranchView(const BlockIndex& tip) : m_tip(tip) {}
    consensus::HeaderInfo Ancestor(int height) const override { return m_tip.Ancestor(height)->Info(); }

private:
    const BlockIndex& m_tip;
};

// SipHash with a per-process salt: on test networks headers are cheap, so
// their hashes must not pick the table's buckets.
struct SaltedBlockHashHasher {
    uint64_t k0{0};
    uint64_t k1{0};
    size_t operator()(const primitives::BlockHash& hash) const
    {
        return crypto::SipHash256(k0, k1, std::span<const uint8_t, 32>(hash.data(), 32));
    }
};

// Every known header, by hash.
class BlockTree {
public:
    explicit BlockTree(uint64_t k0 = 0, uint64_t k1 = 0) : m_nodes(0, SaltedBlockHashHasher{k0, k1}) {}
    BlockIndex* Find(const primitives::BlockHash& hash) const;
    // Adds a header (or returns the existing node): links its parent, which
    // must be known unless it is the first block, and sets height, skip and
    // chain work. Status starts at BLOCK_VALID_TREE.
    BlockIndex* Insert(const primitives::BlockHeader& header);
    size_t Size() const { return m_nodes.size(); }
    // Calls f(BlockIndex&) for every node, in no particular order.
    template <typename F>
    void ForEach(F&& f) const
    {
        for (const auto& [hash, node] : m_nodes) f(*node);
    }

private:
    std::unordered_map<primitives::BlockHash, std::unique_ptr<BlockIndex>, SaltedBlockHashHasher> m_nodes;
};

} // namespace chain

#endif // UTXO_CHAIN_BLOCK_INDEX_H
