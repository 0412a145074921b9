// BIP152 compact blocks (the PeerManager's third part): a new tip announced
// by a peer that speaks version 2 is fetched as a cmpctblock, its missing
// transactions with getblocktxn; recent blocks are served as cmpctblock and
// blocktxn, and a peer that chose us as a high-bandwidth peer gets new tips
// as cmpctblock unasked (sync.cpp, AnnounceTip). We ask no peer for
// high-bandwidth mode ourselves. Without a mempool every transaction but
// the prefilled coinbase is asked for, so the saving is the round trip of
// the header, not bandwidth; the mempool issue makes it pay.
#include <p2p/peer_manager.h>

#include <crypto/random.h>
#include <net/compact_block.h>
#include <net/inventory.h>

namespace p2p {
namespace {

// A cmpctblock is sent for blocks at most this deep (Core's MAX_CMPCTBLOCK_DEPTH);
// older ones go as full blocks.
constexpr int MAX_CMPCTBLOCK_DEPTH = 5;
// getblocktxn is answered for blocks at most this deep (MAX_BLOCKTXN_DEPTH).
constexpr int MAX_BLOCKTXN_DEPTH = 10;

} // namespace

bool PeerManager::WantsCompactBlocks(const Peer& peer) const { return peer.compact_version == 2; }

void PeerManager::RequestFullBlock(Peer& peer, const primitives::BlockHash& hash)
{
    const net::InvItem item = net::MakeInvItem(net::InvType::MSG_WITNESS_BLOCK, hash.AsUint256());
    Send(peer, "getdata", net::EncodeInvMessage(std::span(&item, 1)));
}

void PeerManager::SendCompactBlock(Peer& peer, const primitives::Block& block, int depth)
{
    if (depth > MAX_CMPCTBLOCK_DEPTH || block.txs.empty()) {
        Send(peer, "block", primitives::EncodeBlock(block));
        return;
    }
    Send(peer, "cmpctblock", net::EncodeCompactBlock(net::CompactBlock::FromBlock(block, crypto::GetStrongRandomU64())));
}

void PeerManager::AcceptReconstructed(Peer& peer, const primitives::Block& block)
{
    const primitives::BlockHash hash = block.GetHash();
    {
        std::lock_guard lock(m_chain.Mutex());
        RemoveInFlight(hash);
    }
    const auto result = m_chain.ProcessNewBlock(block);
    if (!result.accepted && !result.duplicate && !IsBenignRejection(result.reject_reason)) {
        return Misbehaving(peer, "invalid compact block " + hash.ToHex() + ": " + result.reject_reason);
    }
    if (result.accepted) peer.last_block_time = m_clock.NowMicros() / 1'000'000;
    std::lock_guard lock(m_chain.Mutex());
    UpdateBestKnown(peer, hash);
}

void PeerManager::OnCmpctBlock(Peer& peer, util::ByteSpan payload)
{
    auto compact = net::DecodeCompactBlock(payload);
    if (!compact) return Misbehaving(peer, "malformed cmpctblock: " + compact.error());
    const primitives::BlockHash hash = compact->header.GetHash();
    if (const std::string reason = m_chain.ProcessNewBlockHeader(compact->header); !reason.empty()) {
        if (!IsBenignRejection(reason)) return Misbehaving(peer, "invalid header in cmpctblock: " + reason);
        return;
    }
    {
        std::lock_guard lock(m_chain.Mutex());
        UpdateBestKnown(peer, hash);
        const chain::BlockIndex* index = m_chain.Find(hash);
        if (!index || (index->status & storage::BLOCK_HAVE_DATA)) return; // nothing new
        // Only what we asked for, or a new tip building on ours (the low-bandwidth rule).
        const bool asked = peer.requested.count(hash) > 0;
        if (!asked && index->parent != m_chain.Chain().Tip()) return;
    }
    net::PartiallyDownloadedBlock partial;
    const auto outcome = partial.Init(*compact, {});
    if (outcome.status == net::ReadStatus::INVALID) return Misbehaving(peer, "invalid cmpctblock: " + outcome.reason);
    if (outcome.status == net::ReadStatus::FAILED) return RequestFullBlock(peer, hash);
    const auto missing = partial.MissingIndexes();
    if (missing.empty()) {
        primitives::Block block;
        if (partial.Fill(net::BlockTransactions{hash, {}}, block).ok()) return AcceptReconstructed(peer, block);
        return RequestFullBlock(peer, hash);
    }
    peer.partial_block = std::make_unique<net::PartiallyDownloadedBlock>(std::move(partial));
    peer.partial_hash = hash;
    Send(peer, "getblocktxn", net::EncodeBlockTransactionsRequest(net::BlockTransactionsRequest{hash, missing}));
}

void PeerManager::OnBlockTxn(Peer& peer, util::ByteSpan payload)
{
    auto response = net::DecodeBlockTransactions(payload);
    if (!response) return Misbehaving(peer, "malformed blocktxn: " + response.error());
    if (!peer.partial_block || response->block_hash != peer.partial_hash) return; // not (or no longer) expected
    primitives::Block block;
    const auto outcome = peer.partial_block->Fill(*response, block);
    if (outcome.status == net::ReadStatus::INVALID && peer.partial_block->IsInitialized()) {
        return; // a blocktxn for another block: the one we wait for may still come
    }
    auto partial = std::move(peer.partial_block);
    if (outcome.status == net::ReadStatus::INVALID) return Misbehaving(peer, "invalid blocktxn: " + outcome.reason);
    if (outcome.status == net::ReadStatus::FAILED) return RequestFullBlock(peer, response->block_hash);
    AcceptReconstructed(peer, block);
}

void PeerManager::OnGetBlockTxn(Peer& peer, util::ByteSpan payload)
{
    auto request = net::DecodeBlockTransactionsRequest(payload);
    if (!request) return Misbehaving(peer, "malformed getblocktxn: " + request.error());
    std::optional<primitives::Block> block;
    int depth = 0;
    {
        std::lock_guard lock(m_chain.Mutex());
        const chain::BlockIndex* index = m_chain.Find(request->block_hash);
        if (!index || !(index->status & storage::BLOCK_HAVE_DATA) || !m_chain.Chain().Contains(index)) return;
        depth = m_chain.Chain().Height() - index->height;
        if (auto read = m_chain.ReadBlock(*index)) block = std::move(*read);
    }
    if (!block) return;
    // Too old to be worth a partial answer: the whole block instead (as Core).
    if (depth > MAX_BLOCKTXN_DEPTH) return Send(peer, "block", primitives::EncodeBlock(*block));
    auto response = net::BuildBlockTransactions(*block, *request);
    if (!response) return Misbehaving(peer, response.error());
    Send(peer, "blocktxn", net::EncodeBlockTransactions(*response));
}

} // namespace p2p
