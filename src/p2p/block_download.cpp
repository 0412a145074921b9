#include <p2p/block_download.h>

#include <algorithm>

namespace p2p {

using chain::BlockIndex;

const BlockIndex* LastCommonAncestor(const BlockIndex* a, const BlockIndex* b)
{
    if (!a || !b) return nullptr;
    if (a->height > b->height) a = a->Ancestor(b->height);
    if (b->height > a->height) b = b->Ancestor(a->height);
    while (a != b && a && b) {
        a = a->parent;
        b = b->parent;
    }
    return a;
}

DownloadPlan FindNextBlocksToDownload(const chain::ActiveChain& chain, const BlockIndex* best_known,
                                      const BlockIndex* last_common, net::NodeId self, int window, int max_count,
                                      const std::function<std::optional<net::NodeId>(const BlockIndex&)>& in_flight)
{
    DownloadPlan plan;
    plan.last_common = last_common;
    const BlockIndex* tip = chain.Tip();
    if (!best_known || !tip || best_known->chain_work <= tip->chain_work || max_count <= 0) {
        if (best_known && tip) plan.last_common = LastCommonAncestor(tip, best_known);
        return plan;
    }
    // Start from where the peer's branch meets our chain (or the last known meeting point).
    if (!plan.last_common) plan.last_common = chain.At(std::min(best_known->height, tip->height));
    plan.last_common = LastCommonAncestor(plan.last_common, best_known);
    // Blocks connected since the last call (from any peer) move the start forward.
    if (const BlockIndex* fork = LastCommonAncestor(tip, best_known);
        fork && (!plan.last_common || fork->height > plan.last_common->height)) {
        plan.last_common = fork;
    }
    if (!plan.last_common || plan.last_common == best_known) return plan;

    const int window_end = plan.last_common->height + window;
    const int max_height = std::min(best_known->height, window_end);
    bool connected_so_far = true;
    std::optional<net::NodeId> first_holder;
    for (int height = plan.last_common->height + 1; height <= max_height; ++height) {
        const BlockIndex* block = best_known->Ancestor(height);
        if (!block->IsValid(storage::BLOCK_VALID_TREE)) break; // the branch is invalid from here
        if (chain.Contains(block)) {
            if (connected_so_far) plan.last_common = block;
            continue;
        }
        connected_so_far = false;
        if (block->status & storage::BLOCK_HAVE_DATA) continue;
        if (auto holder = in_flight(*block)) {
            if (!first_holder) first_holder = *holder;
            continue;
        }
        plan.blocks.push_back(block);
        if (static_cast<int>(plan.blocks.size()) >= max_count) return plan;
    }
    // Nothing more inside a window the peer's chain goes beyond: whoever
    // holds its first missing block stalls us.
    if (plan.blocks.empty() && first_holder && *first_holder != self && best_known->height > window_end) {
        plan.staller = first_holder;
    }
    return plan;
}

} // namespace p2p
