// The active chain: the blocks from genesis to the tip, indexable by height.
// Not thread-safe: owned by the validation thread (readers get snapshots).
#ifndef UTXO_CHAIN_ACTIVE_CHAIN_H
#define UTXO_CHAIN_ACTIVE_CHAIN_H

#include <chain/block_index.h>

#include <vector>

namespace chain {

class ActiveChain {
public:
    BlockIndex* Tip() const { return m_blocks.empty() ? nullptr : m_blocks.back(); }
    BlockIndex* Genesis() const { return m_blocks.empty() ? nullptr : m_blocks.front(); }
    // -1 when empty.
    int Height() const { return static_cast<int>(m_blocks.size()) - 1; }
    // The block at `height`, or nullptr outside the chain.
    BlockIndex* At(int height) const
    {
        if (height < 0 || height > Height()) return nullptr;
        return m_blocks[static_cast<size_t>(height)];
    }
    bool Contains(const BlockIndex* block) const { return block && At(block->height) == block; }
    // The block after `block` on this chain, or nullptr.
    BlockIndex* Next(const BlockIndex* block) const { return Contains(block) ? At(block->height + 1) : nullptr; }

    // Makes `tip` the tip, rewriting only the heights where the branches differ.
    void SetTip(BlockIndex* tip);
    // The last block `block`'s branch shares with this chain (nullptr if none).
    const BlockIndex* FindFork(const BlockIndex* block) const;

private:
    std::vector<BlockIndex*> m_blocks;
};

} // namespace chain

#endif // UTXO_CHAIN_ACTIVE_CHAIN_H
