// Which blocks to ask one peer for next during headers-first sync (Core's
// FindNextBlocksToDownload, in our words).
//
// The peer has shown us `best_known`, a header with more work than our tip.
// Blocks are taken in height order along that branch, starting after the
// last block we and the peer share, never more than `window` blocks past
// it: a block far ahead cannot be connected until the ones before it
// arrive, so asking for it would only pin memory. Blocks we hold or that
// are in flight from anyone are skipped. When nothing is left inside the
// window and the first missing block is in flight from another peer, that
// peer is holding everyone up: it is reported as the staller.
//
// Pure: reads the block tree and the active chain (caller holds the chain
// state's lock), changes nothing.
#ifndef UTXO_P2P_BLOCK_DOWNLOAD_H
#define UTXO_P2P_BLOCK_DOWNLOAD_H

#include <chain/active_chain.h>
#include <chain/block_index.h>
#include <net/connman.h>

#include <functional>
#include <optional>
#include <vector>

namespace p2p {

struct DownloadPlan {
    std::vector<const chain::BlockIndex*> blocks; // to request, lowest first
    const chain::BlockIndex* last_common{nullptr}; // advanced past blocks we have connected
    std::optional<net::NodeId> staller;
};

// `in_flight(hash)`: the peer a block is being fetched from, if any.
DownloadPlan FindNextBlocksToDownload(const chain::ActiveChain& chain, const chain::BlockIndex* best_known,
                                      const chain::BlockIndex* last_common, net::NodeId self, int window,
                                      int max_count,
                                      const std::function<std::optional<net::NodeId>(const chain::BlockIndex&)>& in_flight);

// The last block both `a` and `b` contain (nullptr if either is).
const chain::BlockIndex* LastCommonAncestor(const chain::BlockIndex* a, const chain::BlockIndex* b);

} // namespace p2p

#endif // UTXO_P2P_BLOCK_DOWNLOAD_H
