// Peer addresses (the PeerManager's address part): getaddr answered once per
// inbound connection from the address manager, addr and addrv2 (BIP155)
// accepted at a bounded rate per peer, fresh addresses from small messages
// passed on to two other peers (the same two all day for one address), and a
// getaddr to each new full-relay
// outbound peer. Block-relay-only peers take no part (eclipse resistance).
#include <p2p/peer_manager.h>

#include <crypto/siphash.h>
#include <net/addrman.h>
#include <net/ban_list.h>
#include <net/net_address.h>

#include <algorithm>
#include <map>

namespace p2p {
namespace {

// Token bucket per peer: 0.1 addresses a second, at most 1,000 saved up
// (Core's MAX_ADDR_RATE_PER_SECOND and MAX_ADDR_PROCESSING_TOKEN_BUCKET).
constexpr double MAX_ADDR_RATE_PER_SECOND = 0.1;
constexpr double MAX_ADDR_PROCESSING_TOKEN_BUCKET = 1000;
// Addresses from a message of at most this many, seen in the last ten
// minutes, are relayed onwards.
constexpr size_t MAX_ADDR_TO_RELAY_FROM = 10;
constexpr int64_t RELAY_FRESHNESS_SECONDS = 10 * 60;
// Announced times are pushed back this much when stored (Core's 2-hour penalty).
constexpr int64_t ADDR_TIME_PENALTY = 2 * 60 * 60;
// getaddr answers are reused for 21 to 27 hours.
constexpr int64_t ADDR_CACHE_MIN_SECONDS = 21 * 60 * 60;
constexpr size_t ADDR_CACHE_SPREAD_SECONDS = 6 * 60 * 60;

} // namespace

bool PeerManager::RelaysAddresses(const Peer& peer) const
{
    return peer.type != net::ConnectionType::BLOCK_RELAY && m_options.addrman != nullptr;
}

void PeerManager::SendAddresses(Peer& peer, const std::vector<net::AddressRecord>& records)
{
    if (records.empty()) return;
    Send(peer, peer.addr_v2 ? "addrv2" : "addr",
         peer.addr_v2 ? net::EncodeAddrV2Payload(records) : net::EncodeAddrPayload(records));
}

void PeerManager::OnGetAddr(Peer& peer, util::ByteSpan)
{
    // Only inbound peers get answers (an outbound peer asking would learn
    // what we connect to), and only once per connection.
    if (!peer.inbound() || !RelaysAddresses(peer) || peer.getaddr_answered) return;
    peer.getaddr_answered = true;
    // One answer per network and local socket for a day or so (as Core): a
    // spy asking again and again learns nothing new about which addresses we hold.
    const int64_t now = m_clock.NowMicros() / 1'000'000;
    AddrCache& cache = m_addr_caches[peer.addr_cache_key];
    if (now >= cache.expiry) {
        cache.records = m_options.addrman->GetAddr(net::MAX_ADDR_TO_SEND, net::MAX_PCT_ADDR_TO_SEND);
        cache.expiry = now + ADDR_CACHE_MIN_SECONDS + static_cast<int64_t>(RandomIndex(ADDR_CACHE_SPREAD_SECONDS));
    }
    auto records = cache.records;
    if (!peer.addr_v2) {
        std::erase_if(records, [](const auto& record) { return !record.service.address.IsAddrV1Compatible(); });
    }
    SendAddresses(peer, records);
}

void PeerManager::OnAddr(Peer& peer, util::ByteSpan payload) { ReceiveAddresses(peer, payload, false); }

void PeerManager::OnAddrV2(Peer& peer, util::ByteSpan payload) { ReceiveAddresses(peer, payload, true); }

void PeerManager::ReceiveAddresses(Peer& peer, util::ByteSpan payload, bool v2)
{
    auto decoded = v2 ? net::DecodeAddrV2Payload(payload) : net::DecodeAddrPayload(payload);
    if (!decoded) return Misbehaving(peer, std::string(v2 ? "malformed addrv2: " : "malformed addr: ") + decoded.error());
    if (!RelaysAddresses(peer)) return;
    const int64_t now = m_clock.NowMicros() / 1'000'000;
    // Refill the bucket for the time since the last message.
    const double elapsed = static_cast<double>(std::max<int64_t>(0, now - peer.addr_token_time));
    peer.addr_tokens = std::min(MAX_ADDR_PROCESSING_TOKEN_BUCKET, peer.addr_tokens + elapsed * MAX_ADDR_RATE_PER_SECOND);
    peer.addr_token_time = now;

    std::vector<net::AddressRecord> accepted;
    std::vector<net::AddressRecord> to_relay;
    const bool small = decoded->records.size() <= MAX_ADDR_TO_RELAY_FROM;
    for (auto record : decoded->records) {
        if (peer.addr_tokens < 1) {
            ++peer.addr_rate_limited;
            continue;
        }
        peer.addr_tokens -= 1;
        ++peer.addr_processed;
        // A time far in the future or before 2011 means "unknown": five days ago (as Core).
        if (record.time <= 100'000'000 || record.time > now + 10 * 60) record.time = static_cast<uint32_t>(now - 5 * 24 * 60 * 60);
        if (m_options.banlist && (m_options.banlist->IsBanned(record.service.address, now) ||
                                  m_options.banlist->IsDiscouraged(record.service.address))) {
            continue;
        }
        if (small && record.time > now - RELAY_FRESHNESS_SECONDS && record.service.address.IsRoutable()) {
            to_relay.push_back(record);
        }
        accepted.push_back(record);
    }
    const auto source = peer.address.address;
    if (!accepted.empty()) m_options.addrman->Add(accepted, source, ADDR_TIME_PENALTY);
    if (decoded->records.size() < net::MAX_ADDR_TO_SEND) peer.getaddr_sent = false; // the answer to our getaddr, if any
    RelayAddresses(peer.id, to_relay);
    // A -seednode connection exists only for this answer.
    if (peer.type == net::ConnectionType::ADDR_FETCH && !decoded->records.empty()) {
        peer.misbehaved = true; // done with it, not punished
        m_connman->Disconnect(peer.id, "addr-fetch connection answered");
    }
}

void PeerManager::RelayAddresses(net::NodeId from, const std::vector<net::AddressRecord>& records)
{
    if (records.empty()) return;
    std::vector<Peer*> candidates;
    for (auto& [id, other] : m_peers) {
        if (id != from && other->handshake_done() && RelaysAddresses(*other) && !other->misbehaved) {
            candidates.push_back(other.get());
        }
    }
    if (candidates.empty()) return;
    // As Core: each address goes to the peers that score highest under a
    // keyed hash of the address and the day, so the same address reaches the
    // same peers all day (relaying it again spreads no further, and where it
    // went tells little), two of them if we can reach its network, else one
    // or two.
    const int64_t now = m_clock.NowMicros() / 1'000'000;
    std::map<Peer*, std::vector<net::AddressRecord>> outgoing;
    for (const auto& record : records) {
        const uint64_t address_hash =
            crypto::SipHasher(0, 0).Write(record.service.GetKey()).Finalize();
        const crypto::SipHasher day =
            crypto::SipHasher(m_addr_relay_k0, m_addr_relay_k1).Write(address_hash).Write(
                static_cast<uint64_t>((now + static_cast<int64_t>(address_hash % 86400)) / 86400));
        const bool reachable = m_options.reachable.count(record.service.address.GetNetwork()) > 0;
        const size_t targets = std::min<size_t>(candidates.size(), reachable || (day.Finalize() & 1) ? 2 : 1);
        std::vector<std::pair<uint64_t, Peer*>> scored;
        for (Peer* candidate : candidates) {
            scored.emplace_back(crypto::SipHasher(day).Write(static_cast<uint64_t>(candidate->id)).Finalize(), candidate);
        }
        std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(targets), scored.end(),
                          [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t i = 0; i < targets; ++i) {
            Peer& target = *scored[i].second;
            if (target.addr_v2 || record.service.address.IsAddrV1Compatible()) outgoing[&target].push_back(record);
        }
    }
    for (auto& [target, sendable] : outgoing) SendAddresses(*target, sendable);
}

void PeerManager::StartAddressExchange(Peer& peer)
{
    if (!RelaysAddresses(peer)) return;
    peer.addr_token_time = m_clock.NowMicros() / 1'000'000;
    peer.addr_tokens = 1;
    if (!peer.inbound()) {
        // Our getaddr's answer may be large: room for it in the bucket.
        peer.addr_tokens += MAX_ADDR_PROCESSING_TOKEN_BUCKET;
        peer.getaddr_sent = true;
        Send(peer, "getaddr");
    }
}

} // namespace p2p
