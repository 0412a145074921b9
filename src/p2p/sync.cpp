// Headers-first sync, block download and serving (the PeerManager's half
// that talks to the chain state).
#include <p2p/peer_manager.h>

#include <net/block_locator.h>
#include <p2p/block_download.h>
#include <net/headers_messages.h>
#include <net/inventory.h>
#include <net/protocol.h>
#include <primitives/block.h>

#include <algorithm>

namespace p2p {
namespace {

using chain::BlockIndex;

// At most this many blocks answer one getblocks (Core's limit).
constexpr size_t MAX_GETBLOCKS_RESULTS = 500;
// At most this many new blocks are announced as headers; more become one inv.
constexpr size_t MAX_BLOCKS_TO_ANNOUNCE = 8;
// A getheaders to a peer is not repeated sooner than this while unanswered.
constexpr int64_t HEADERS_RESPONSE_MICROS = 2 * 60 * 1'000'000LL;
// A block asked for and not delivered within this long ends the connection.
constexpr int64_t BLOCK_DOWNLOAD_TIMEOUT_MICROS = 10 * 60 * 1'000'000LL;
constexpr int64_t MAX_STALL_TIMEOUT_MICROS = 64'000'000;
bool IsAncestorOrSelf(const BlockIndex* descendant, const BlockIndex* block)
{
    return descendant && block && descendant->height >= block->height && descendant->Ancestor(block->height) == block;
}

} // namespace

std::vector<primitives::BlockHash> PeerManager::Locator(const BlockIndex* from) const
{
    std::vector<primitives::BlockHash> out;
    if (!from) return out;
    for (int height : net::LocatorHeights(from->height)) out.push_back(from->Ancestor(height)->hash);
    return out;
}

const BlockIndex* PeerManager::ForkPoint(const std::vector<primitives::BlockHash>& locator) const
{
    const auto& active = m_chain.Chain();
    for (const auto& hash : locator) {
        const BlockIndex* index = m_chain.Find(hash);
        if (!index) continue;
        if (active.Contains(index)) return index;
        // A block off our chain: where its branch meets ours.
        if (const BlockIndex* fork = active.FindFork(index)) return fork;
    }
    return active.Genesis();
}

void PeerManager::SendGetHeaders(Peer& peer, const BlockIndex* from)
{
    // Caller holds the chain state's lock.
    const int64_t now = m_clock.NowMicros();
    if (peer.getheaders_sent_micros && now - peer.getheaders_sent_micros < HEADERS_RESPONSE_MICROS) return;
    peer.getheaders_sent_micros = now;
    net::GetHeadersMessage request;
    request.version = static_cast<uint32_t>(net::PROTOCOL_VERSION);
    request.locator = Locator(from);
    Send(peer, "getheaders", net::EncodeGetHeadersMessage(request));
}

void PeerManager::UpdateBestKnown(Peer& peer, const primitives::BlockHash& hash)
{
    // Caller holds the chain state's lock.
    const BlockIndex* index = m_chain.Find(hash);
    if (!index) {
        peer.unknown_best = hash;
        return;
    }
    if (peer.unknown_best) {
        if (const BlockIndex* earlier = m_chain.Find(*peer.unknown_best)) {
            peer.unknown_best.reset();
            if (!peer.best_known || earlier->chain_work > peer.best_known->chain_work) peer.best_known = earlier;
        }
    }
    if (!peer.best_known || index->chain_work > peer.best_known->chain_work) peer.best_known = index;
}

void PeerManager::RemoveInFlight(const primitives::BlockHash& hash)
{
    const auto it = m_in_flight.find(hash);
    if (it == m_in_flight.end()) return;
    if (Peer* holder = Find(it->second.first)) {
        holder->blocks_in_flight = std::max(0, holder->blocks_in_flight - 1);
        holder->requested.erase(hash);
    }
    m_in_flight.erase(it);
}

bool PeerManager::IsBenignRejection(const std::string& reason)
{
    return reason.empty() || reason == "time-too-new" || reason == "duplicate" || reason == "prev-blk-not-found" ||
           reason == "inconclusive";
}

// ---------------------------------------------------------------- serving

void PeerManager::OnGetHeaders(Peer& peer, util::ByteSpan payload)
{
    auto request = net::DecodeGetHeadersMessage(payload, "getheaders");
    if (!request) return Misbehaving(peer, "malformed getheaders: " + request.error());
    std::lock_guard lock(m_chain.Mutex());
    const auto& active = m_chain.Chain();
    // As Core: a chain below -minimumchainwork is not handed out (it may be a
    // bogus one we were fed), but the peer gets an empty answer so that it
    // does not wait on us. Above it we answer even while catching up; on
    // regtest (no minimum) always, which Core peers rely on.
    if (!active.Tip() || active.Tip()->chain_work < m_options.minimum_chain_work) {
        m_logger.LogDebug(util::LogCategory::NET, "ignoring getheaders from peer=" + std::to_string(peer.id) +
                                                      " because active chain has too little work; sending empty response");
        Send(peer, "headers", net::EncodeHeadersMessage({}));
        return;
    }
    const BlockIndex* start = nullptr;
    if (request->locator.empty()) {
        start = m_chain.Find(request->stop);
        if (!start || !start->IsValid(storage::BLOCK_VALID_TREE)) return;
    } else {
        start = active.Next(ForkPoint(request->locator));
    }
    std::vector<primitives::BlockHeader> reply;
    const BlockIndex* last = nullptr;
    for (const BlockIndex* at = start; at; at = active.Next(at)) {
        reply.push_back(at->header);
        last = at;
        if (reply.size() >= net::MAX_HEADERS_RESULTS || at->hash == request->stop) break;
        if (request->locator.empty()) break;
    }
    // The peer now knows everything up to what we sent (or our tip if nothing was new).
    peer.best_header_sent = last ? last : active.Tip();
    Send(peer, "headers", net::EncodeHeadersMessage(reply));
}

void PeerManager::OnGetBlocks(Peer& peer, util::ByteSpan payload)
{
    auto request = net::DecodeGetHeadersMessage(payload, "getblocks");
    if (!request) return Misbehaving(peer, "malformed getblocks: " + request.error());
    std::lock_guard lock(m_chain.Mutex());
    const auto& active = m_chain.Chain();
    std::vector<net::InvItem> items;
    for (const BlockIndex* at = active.Next(ForkPoint(request->locator)); at; at = active.Next(at)) {
        if (at->hash == request->stop) break;
        items.push_back(net::MakeInvItem(net::InvType::MSG_BLOCK, at->hash.AsUint256()));
        if (items.size() >= MAX_GETBLOCKS_RESULTS) break;
    }
    if (!items.empty()) Send(peer, "inv", net::EncodeInvMessage(items));
}

void PeerManager::OnGetData(Peer& peer, util::ByteSpan payload)
{
    auto items = net::DecodeInvMessage(payload, "getdata");
    if (!items) return Misbehaving(peer, "malformed getdata: " + items.error());
    peer.getdata_queue.insert(peer.getdata_queue.end(), items->begin(), items->end());
    ServeGetData(peer);
}

void PeerManager::ServeGetData(Peer& peer)
{
    std::vector<net::InvItem> not_found;
    while (!peer.getdata_queue.empty() && !m_connman->PeerSendBufferFull(peer.id)) {
        const net::InvItem item = peer.getdata_queue.front();
        peer.getdata_queue.pop_front();
        const uint32_t base_type = item.BaseType();
        const bool compact = base_type == static_cast<uint32_t>(net::InvType::MSG_CMPCT_BLOCK);
        if (base_type != static_cast<uint32_t>(net::InvType::MSG_BLOCK) && !compact) {
            not_found.push_back(item); // transactions: no mempool yet
            continue;
        }
        std::optional<primitives::Block> block;
        int depth = 0;
        {
            std::lock_guard lock(m_chain.Mutex());
            const BlockIndex* index = m_chain.Find(primitives::BlockHash(item.hash));
            // Only blocks we would build on: on our chain or fully validated
            // (otherwise a peer could probe which forks we hold).
            if (index && (index->status & storage::BLOCK_HAVE_DATA) &&
                (m_chain.Chain().Contains(index) || index->IsValid(storage::BLOCK_VALID_SCRIPTS))) {
                if (auto read = m_chain.ReadBlock(*index)) block = std::move(*read);
                depth = m_chain.Chain().Height() - index->height;
            }
        }
        if (!block) {
            not_found.push_back(item);
            continue;
        }
        // -maxuploadtarget spent: blocks older than a week go only to manual peers.
        const int64_t week_ago = m_clock.NowMicros() / 1'000'000 - 7 * 24 * 60 * 60;
        if (int64_t{block->header.time} < week_ago && peer.type != net::ConnectionType::MANUAL &&
            m_connman->UploadTargetReached(true)) {
            m_logger.LogDebug(util::LogCategory::NET, "historical block serving limit reached, disconnecting peer=" +
                                                          std::to_string(peer.id));
            peer.misbehaved = true; // not punished: only out of budget
            m_connman->Disconnect(peer.id, "upload target reached");
            return;
        }
        if (compact) {
            SendCompactBlock(peer, *block, depth);
            continue;
        }
        const bool witness = item.HasWitnessFlag();
        Send(peer, "block", primitives::EncodeBlock(*block, witness ? primitives::TxSerialization::WITH_WITNESS
                                                                  : primitives::TxSerialization::NO_WITNESS));
    }
    if (!not_found.empty()) Send(peer, "notfound", net::EncodeInvMessage(not_found));
}

// ---------------------------------------------------------------- receiving

void PeerManager::OnHeaders(Peer& peer, util::ByteSpan payload)
{
    auto message = net::DecodeHeadersMessage(payload);
    if (!message) return Misbehaving(peer, "malformed headers: " + message.error());
    const auto& headers = *message;
    peer.getheaders_sent_micros = 0; // answered
    if (headers.empty()) return;     // the peer has nothing more
    for (size_t i = 1; i < headers.size(); ++i) {
        if (headers[i].prev_block != headers[i - 1].GetHash()) return Misbehaving(peer, "non-continuous headers sequence");
    }
    if (peer.presync) return ContinuePresync(peer, headers);
    std::unique_lock lock(m_chain.Mutex());
    const BlockIndex* parent = m_chain.Find(headers.front().prev_block);
    if (!parent) {
        // Does not connect: ask for what lies between (Core stopped punishing this in v27).
        m_logger.LogDebug(util::LogCategory::NET, "received header " + headers.front().GetHash().ToHex() +
                                                      ": missing prev block, sending getheaders peer=" + std::to_string(peer.id));
        UpdateBestKnown(peer, headers.back().GetHash());
        peer.getheaders_sent_micros = 0;
        SendGetHeaders(peer, m_chain.BestHeader());
        return;
    }
    // A chain too weak to store yet is measured first (unless it ends here: then it is dropped).
    primitives::ArithUint256 work = parent->chain_work;
    for (const auto& header : headers) work += consensus::BlockProof(header.bits);
    if (const auto threshold = AntiDoSWorkThreshold(); work < threshold) {
        if (headers.size() != net::MAX_HEADERS_RESULTS) {
            m_logger.LogDebug(util::LogCategory::NET, "ignoring low-work chain (height " +
                                                          std::to_string(parent->height + headers.size()) + ") from peer=" +
                                                          std::to_string(peer.id));
            return;
        }
        const BlockIndex* period_start =
            parent->Ancestor(parent->height - parent->height % static_cast<int>(m_chain.Params().consensus.DifficultyAdjustmentInterval()));
        const ChainStart start{parent->hash, parent->height, parent->chain_work, parent->header.bits,
                               int64_t{parent->header.time}, int64_t{period_start->header.time}};
        m_logger.Log(util::LogLevel::Info, "Initial headers sync started with peer=" + std::to_string(peer.id) +
                                               ": height=" + std::to_string(parent->height));
        peer.presync = std::make_unique<HeadersPresync>(m_chain.Params().consensus, start, threshold, m_presync_salt);
        lock.unlock();
        return ContinuePresync(peer, headers);
    }
    lock.unlock(); // ProcessNewBlockHeader takes it per header
    std::string reason;
    size_t accepted = 0;
    for (const auto& header : headers) {
        reason = m_chain.ProcessNewBlockHeader(header);
        if (!reason.empty()) break;
        ++accepted;
    }
    lock.lock();
    if (!reason.empty()) {
        if (!IsBenignRejection(reason)) return Misbehaving(peer, "invalid header received: " + reason);
        if (accepted == 0) return;
    }
    UpdateBestKnown(peer, headers[accepted - 1].GetHash());
    if (headers.size() == net::MAX_HEADERS_RESULTS && accepted == headers.size()) {
        SendGetHeaders(peer, m_chain.Find(headers.back().GetHash()));
    }
}

primitives::ArithUint256 PeerManager::AntiDoSWorkThreshold() const
{
    primitives::ArithUint256 near_tip;
    if (const BlockIndex* tip = m_chain.Chain().Tip()) {
        // Within 144 blocks of our tip's work a fork is stored at once.
        primitives::ArithUint256 buffer = consensus::BlockProof(tip->header.bits);
        buffer *= 144;
        near_tip = buffer < tip->chain_work ? tip->chain_work - buffer : primitives::ArithUint256();
    }
    return std::max(near_tip, m_options.minimum_chain_work);
}

void PeerManager::ContinuePresync(Peer& peer, const std::vector<primitives::BlockHeader>& headers)
{
    auto step = peer.presync->Process(headers, headers.size() == net::MAX_HEADERS_RESULTS);
    if (!step.error.empty()) {
        peer.presync.reset();
        return Misbehaving(peer, "headers sync: " + step.error);
    }
    for (const auto& header : step.to_store) {
        const std::string reason = m_chain.ProcessNewBlockHeader(header);
        if (!reason.empty() && !IsBenignRejection(reason)) {
            peer.presync.reset();
            return Misbehaving(peer, "invalid header received: " + reason);
        }
    }
    std::lock_guard lock(m_chain.Mutex());
    if (!step.to_store.empty()) UpdateBestKnown(peer, step.to_store.back().GetHash());
    const auto phase = peer.presync->phase();
    if (step.request_more) {
        net::GetHeadersMessage request;
        request.locator.push_back(peer.presync->NextLocatorStart());
        if (const BlockIndex* start = m_chain.Find(peer.presync->Start().hash)) {
            for (const auto& hash : Locator(start)) request.locator.push_back(hash);
        }
        if (request.locator.size() > net::MAX_LOCATOR_SZ) request.locator.resize(net::MAX_LOCATOR_SZ);
        peer.getheaders_sent_micros = m_clock.NowMicros();
        Send(peer, "getheaders", net::EncodeGetHeadersMessage(request));
    }
    if (phase == HeadersPresync::Phase::DONE || phase == HeadersPresync::Phase::FAILED) {
        m_logger.Log(util::LogLevel::Info, std::string("Initial headers sync ") +
                                               (step.to_store.empty() ? "aborted (too little work)" : "complete") +
                                               " with peer=" + std::to_string(peer.id));
        peer.presync.reset();
        // The rest of the chain (if any) comes the normal way.
        if (!step.to_store.empty() && headers.size() == net::MAX_HEADERS_RESULTS) {
            peer.getheaders_sent_micros = 0;
            SendGetHeaders(peer, m_chain.Find(step.to_store.back().GetHash()));
        }
    }
}

void PeerManager::OnInv(Peer& peer, util::ByteSpan payload)
{
    auto items = net::DecodeInvMessage(payload, "inv");
    if (!items) return Misbehaving(peer, "malformed inv: " + items.error());
    std::lock_guard lock(m_chain.Mutex());
    bool unknown = false;
    for (const auto& item : *items) {
        if (item.BaseType() != static_cast<uint32_t>(net::InvType::MSG_BLOCK)) continue; // transactions: no mempool yet
        const primitives::BlockHash hash(item.hash);
        UpdateBestKnown(peer, hash);
        unknown |= m_chain.Find(hash) == nullptr;
    }
    // One getheaders at a time (SendGetHeaders waits for the answer), and none
    // while a presync drives this peer's headers.
    if (unknown && !peer.presync) SendGetHeaders(peer, m_chain.BestHeader());
}

void PeerManager::OnBlock(Peer& peer, util::ByteSpan payload)
{
    auto block = primitives::DecodeBlock(payload);
    if (!block) return Misbehaving(peer, "malformed block: " + block.error());
    const primitives::BlockHash hash = block->GetHash();
    const bool requested = peer.requested.count(hash) > 0;
    if (peer.partial_block && peer.partial_hash == hash) peer.partial_block.reset(); // the whole block came instead
    {
        std::lock_guard lock(m_chain.Mutex());
        if (requested) {
            RemoveInFlight(hash);
            peer.stalling_since_micros = 0;
        } else {
            // Unasked blocks are taken only as new tips with more work than ours.
            const BlockIndex* parent = m_chain.Find(block->header.prev_block);
            const BlockIndex* tip = m_chain.Chain().Tip();
            if (!parent || !tip ||
                parent->chain_work + consensus::BlockProof(block->header.bits) <= tip->chain_work) {
                m_logger.LogDebug(util::LogCategory::NET, "ignoring unrequested block " + hash.ToHex() + " peer=" +
                                                              std::to_string(peer.id));
                return;
            }
        }
    }
    const auto result = m_chain.ProcessNewBlock(*block);
    if (!result.accepted && !IsBenignRejection(result.reject_reason)) {
        return Misbehaving(peer, "invalid block " + hash.ToHex() + ": " + result.reject_reason);
    }
    if (result.accepted) peer.last_block_time = m_clock.NowMicros() / 1'000'000;
    std::lock_guard lock(m_chain.Mutex());
    UpdateBestKnown(peer, hash);
}

void PeerManager::OnNotFound(Peer& peer, util::ByteSpan payload)
{
    auto items = net::DecodeInvMessage(payload, "notfound");
    if (!items) return Misbehaving(peer, "malformed notfound: " + items.error());
    for (const auto& item : *items) {
        const primitives::BlockHash hash(item.hash);
        if (peer.requested.count(hash)) RemoveInFlight(hash); // someone else will be asked
    }
}

// ---------------------------------------------------------------- download

void PeerManager::RequestBlocks(Peer& peer, int64_t now)
{
    const int room = m_options.max_blocks_in_flight_per_peer - peer.blocks_in_flight;
    if (room <= 0) return;
    std::vector<net::InvItem> request;
    {
        std::lock_guard lock(m_chain.Mutex());
        if (peer.unknown_best) UpdateBestKnown(peer, *peer.unknown_best);
        const auto plan = FindNextBlocksToDownload(
            m_chain.Chain(), peer.best_known, peer.last_common, peer.id, m_options.download_window, room,
            [&](const BlockIndex& block) -> std::optional<net::NodeId> {
                const auto it = m_in_flight.find(block.hash);
                if (it == m_in_flight.end()) return std::nullopt;
                return it->second.first;
            });
        peer.last_common = plan.last_common;
        // The one next block on top of our tip, from a peer that speaks BIP152
        // version 2, comes as a compact block (as Core fetches announced tips).
        const bool compact = plan.blocks.size() == 1 && m_in_flight.empty() && WantsCompactBlocks(peer) &&
                             plan.blocks[0]->parent == m_chain.Chain().Tip() && !m_chain.IsInitialBlockDownload();
        for (const BlockIndex* block : plan.blocks) {
            request.push_back(net::MakeInvItem(compact ? net::InvType::MSG_CMPCT_BLOCK : net::InvType::MSG_WITNESS_BLOCK,
                                               block->hash.AsUint256()));
            m_in_flight[block->hash] = {peer.id, now};
            peer.requested.insert(block->hash);
            ++peer.blocks_in_flight;
        }
        if (plan.staller) {
            if (Peer* holder = Find(*plan.staller); holder && holder->stalling_since_micros == 0) {
                holder->stalling_since_micros = now;
                m_logger.LogDebug(util::LogCategory::NET, "stall started peer=" + std::to_string(*plan.staller));
            }
        }
    }
    if (!request.empty()) Send(peer, "getdata", net::EncodeInvMessage(request));
}

void PeerManager::CheckStalling(Peer& peer, int64_t now)
{
    if (peer.stalling_since_micros && now - peer.stalling_since_micros > m_stall_timeout_micros) {
        m_logger.Log(util::LogLevel::Info, "Peer=" + std::to_string(peer.id) + " is stalling block download, disconnecting");
        m_stall_timeout_micros = std::min(m_stall_timeout_micros * 2, MAX_STALL_TIMEOUT_MICROS);
        peer.misbehaved = true; // no discouragement, only a new connection
        m_connman->Disconnect(peer.id, "stalling block download");
        return;
    }
    for (const auto& [hash, holder] : m_in_flight) {
        if (holder.first == peer.id && now - holder.second > BLOCK_DOWNLOAD_TIMEOUT_MICROS) {
            m_logger.Log(util::LogLevel::Info, "Timeout downloading block " + hash.ToHex() + ", disconnecting peer=" +
                                                   std::to_string(peer.id));
            peer.misbehaved = true;
            m_connman->Disconnect(peer.id, "block download timeout");
            return;
        }
    }
}

// ---------------------------------------------------------------- announcing

void PeerManager::AnnounceTip(Peer& peer)
{
    if (!peer.getdata_queue.empty()) ServeGetData(peer);
    // Only a tip that moved is announced (not, say, one the peer's getheaders fell short of).
    const uint64_t generation = m_tip_generation;
    if (generation == peer.tip_generation_seen) return;
    peer.tip_generation_seen = generation;
    std::lock_guard lock(m_chain.Mutex());
    const BlockIndex* tip = m_chain.Chain().Tip();
    if (!tip || peer.best_header_sent == tip) return;
    if (m_chain.IsInitialBlockDownload()) return;
    const auto peer_has = [&](const BlockIndex* index) {
        return IsAncestorOrSelf(peer.best_known, index) || IsAncestorOrSelf(peer.best_header_sent, index);
    };
    std::vector<const BlockIndex*> fresh;
    for (const BlockIndex* at = tip; at && !peer_has(at); at = at->parent) {
        fresh.push_back(at);
        if (fresh.size() > MAX_BLOCKS_TO_ANNOUNCE) break;
    }
    peer.best_header_sent = tip;
    if (fresh.empty()) return;
    const bool connects = fresh.back()->parent && peer_has(fresh.back()->parent);
    // BIP152 high-bandwidth mode: a peer that asked for it (sendcmpct with
    // announce 1) gets a single new tip as a cmpctblock at once, saving the
    // headers and getdata round trip.
    if (peer.compact_announce && WantsCompactBlocks(peer) && fresh.size() == 1 && connects) {
        if (auto block = m_chain.ReadBlock(*tip)) {
            SendCompactBlock(peer, *block, 0);
            return;
        }
    }
    if (peer.prefer_headers && fresh.size() <= MAX_BLOCKS_TO_ANNOUNCE && connects) {
        std::vector<primitives::BlockHeader> headers;
        for (auto it = fresh.rbegin(); it != fresh.rend(); ++it) headers.push_back((*it)->header);
        Send(peer, "headers", net::EncodeHeadersMessage(headers));
    } else {
        const net::InvItem item = net::MakeInvItem(net::InvType::MSG_BLOCK, tip->hash.AsUint256());
        Send(peer, "inv", net::EncodeInvMessage(std::span(&item, 1)));
    }
}

} // namespace p2p
