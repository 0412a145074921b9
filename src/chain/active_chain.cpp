#include <chain/active_chain.h>

namespace chain {

void ActiveChain::SetTip(BlockIndex* tip)
{
    if (!tip) {
        m_blocks.clear();
        return;
    }
    m_blocks.resize(static_cast<size_t>(tip->height) + 1);
    for (BlockIndex* block = tip; block && m_blocks[static_cast<size_t>(block->height)] != block; block = block->parent) {
        m_blocks[static_cast<size_t>(block->height)] = block;
    }
}

const BlockIndex* ActiveChain::FindFork(const BlockIndex* block) const
{
    if (!block) return nullptr;
    if (block->height > Height()) block = block->Ancestor(Height());
    while (block && !Contains(block)) block = block->parent;
    return block;
}

} // namespace chain
