#include <p2p/peer_manager.h>

#include <crypto/random.h>
#include <net/control_messages.h>
#include <net/addrman.h>
#include <net/headers_messages.h>
#include <net/protocol.h>
#include <net/version_message.h>
#include <util/endian.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace p2p {
namespace {

// Peers older than this cannot sync headers-first (Core's MIN_PEER_PROTO_VERSION).
constexpr int MIN_PEER_PROTO_VERSION = 31800;
// sendheaders (BIP130) from this version on, compact blocks (BIP152) and
// wtxidrelay/sendaddrv2 (BIP339/BIP155) from these.
constexpr int SENDHEADERS_VERSION = 70012;
constexpr int FEEFILTER_VERSION = 70013;
constexpr int SHORT_IDS_BLOCKS_VERSION = 70014;
constexpr int WTXID_RELAY_VERSION = 70016;


} // namespace

const std::map<std::string_view, PeerManager::Handler>& PeerManager::Handlers()
{
    static const std::map<std::string_view, Handler> table{
        {"version", &PeerManager::OnVersion},         {"verack", &PeerManager::OnVerack},
        {"ping", &PeerManager::OnPing},               {"pong", &PeerManager::OnPong},
        {"sendheaders", &PeerManager::OnSendHeaders}, {"sendcmpct", &PeerManager::OnSendCmpct},
        {"wtxidrelay", &PeerManager::OnWtxidRelay},   {"sendaddrv2", &PeerManager::OnSendAddrV2},
        {"feefilter", &PeerManager::OnFeeFilter},     {"getheaders", &PeerManager::OnGetHeaders},
        {"getblocks", &PeerManager::OnGetBlocks},     {"headers", &PeerManager::OnHeaders},
        {"inv", &PeerManager::OnInv},                 {"getdata", &PeerManager::OnGetData},
        {"block", &PeerManager::OnBlock},             {"notfound", &PeerManager::OnNotFound},
        {"cmpctblock", &PeerManager::OnCmpctBlock},   {"blocktxn", &PeerManager::OnBlockTxn},
        {"getblocktxn", &PeerManager::OnGetBlockTxn},
        // No mempool yet: transaction relay and the rest are read and dropped.
        {"addr", &PeerManager::OnAddr},               {"addrv2", &PeerManager::OnAddrV2},
        {"getaddr", &PeerManager::OnGetAddr},
        {"tx", &PeerManager::OnIgnored},              {"mempool", &PeerManager::OnIgnored},
    };
    return table;
}

PeerManager::PeerManager(PeerManagerOptions options, util::Logger& logger, const util::Clock& clock)
    : m_options(std::move(options)), m_chain(*m_options.chainstate), m_logger(logger), m_clock(clock),
      m_stall_timeout_micros(m_options.stall_timeout_micros), m_presync_salt(crypto::GetStrongRandomU64()),
      m_addr_relay_k0(crypto::GetStrongRandomU64()), m_addr_relay_k1(crypto::GetStrongRandomU64())
{
}

PeerManager::~PeerManager() = default;

uint64_t PeerManager::RandomIndex(size_t count) const { return count == 0 ? 0 : crypto::GetStrongRandomU64() % count; }

Peer* PeerManager::Find(net::NodeId id)
{
    const auto it = m_peers.find(id);
    return it == m_peers.end() ? nullptr : it->second.get();
}

void PeerManager::Send(Peer& peer, std::string_view command, const util::Bytes& payload)
{
    m_logger.LogDebug(util::LogCategory::NET, "sending " + std::string(command) + " (" + std::to_string(payload.size()) +
                                                  " bytes) peer=" + std::to_string(peer.id));
    m_connman->Send(peer.id, command, payload);
}

void PeerManager::Misbehaving(Peer& peer, const std::string& reason)
{
    if (peer.misbehaved) return;
    peer.misbehaved = true;
    m_logger.Log(util::LogLevel::Info, "Misbehaving: peer=" + std::to_string(peer.id) + " (" + peer.remote.ToString() +
                                           "): " + reason + ", disconnecting");
    // Manual connections are disconnected but their address is not discouraged
    // (as Core); nor is an unknown one (a name handed to the proxy).
    const bool discourage = peer.type != net::ConnectionType::MANUAL && peer.address.address.IsValid();
    if (discourage && m_options.on_misbehaving) m_options.on_misbehaving(peer.address.address, reason);
    m_connman->Disconnect(peer.id, reason);
}

void PeerManager::InitializePeer(const net::ConnectionStats& stats)
{
    auto peer = std::make_unique<Peer>();
    peer->id = stats.id;
    peer->type = stats.type;
    peer->remote = stats.remote;
    peer->address = stats.address;
    peer->proxied = stats.proxied;
    peer->addr_cache_key = std::string(net::NetworkName(stats.address.address.GetNetwork())) + " " +
                           (stats.local ? stats.local->ToString() : std::string());
    peer->local_nonce = crypto::GetStrongRandomU64();
    // Outbound: we speak first. Inbound: we answer their version.
    if (!peer->inbound()) SendVersion(*peer);
    {
        std::lock_guard lock(m_stats_mutex);
        m_stats[stats.id] = PeerStats{};
    }
    m_peers[stats.id] = std::move(peer);
}

void PeerManager::FinalizePeer(net::NodeId id)
{
    for (auto it = m_in_flight.begin(); it != m_in_flight.end();) {
        it = it->second.first == id ? m_in_flight.erase(it) : std::next(it);
    }
    m_peers.erase(id);
    std::lock_guard lock(m_stats_mutex);
    m_stats.erase(id);
}

void PeerManager::ProcessMessage(net::NodeId id, net::Message& message)
{
    Peer* peer = Find(id);
    if (!peer || peer->misbehaved) return;
    m_logger.LogDebug(util::LogCategory::NET, "received: " + message.command + " (" + std::to_string(message.payload.size()) +
                                                  " bytes) peer=" + std::to_string(id));
    const auto& handlers = Handlers();
    const auto it = handlers.find(message.command);
    if (it == handlers.end()) return; // unknown commands are ignored, as every node does
    if (message.command != "version" && !peer->version_received) {
        m_logger.LogDebug(util::LogCategory::NET, "non-version message before version handshake: " + message.command +
                                                      " peer=" + std::to_string(id));
        return;
    }
    if (message.command != "version" && message.command != "verack" && !peer->verack_received &&
        message.command != "wtxidrelay" && message.command != "sendaddrv2") {
        return; // Core drops these until verack too
    }
    (this->*(it->second))(*peer, message.payload);
}

void PeerManager::SendMessages(net::NodeId id)
{
    Peer* peer = Find(id);
    if (!peer || peer->misbehaved || !peer->handshake_done()) return;
    const int64_t now = m_clock.NowMicros();
    MaybePing(*peer, now);
    if (peer->misbehaved) return;
    AnnounceTip(*peer);
    RequestBlocks(*peer, now);
    CheckStalling(*peer, now);

    PeerStats stats;
    stats.version = peer->version;
    stats.services = peer->services;
    stats.user_agent = peer->user_agent;
    stats.starting_height = peer->starting_height;
    stats.relay_txes = peer->relay_txes;
    stats.prefer_headers = peer->prefer_headers;
    stats.wtxid_relay = peer->wtxid_relay;
    stats.addr_relay = RelaysAddresses(*peer);
    stats.addr_processed = peer->addr_processed;
    stats.addr_rate_limited = peer->addr_rate_limited;
    stats.time_offset = peer->time_offset;
    if (peer->presync && peer->presync->phase() == HeadersPresync::Phase::PRESYNC) {
        stats.presynced_headers = peer->presync->PresyncHeight();
    }
    stats.last_block = peer->last_block_time;
    stats.bip152_hb_from = peer->compact_announce && WantsCompactBlocks(*peer); // the peer chose us
    if (peer->last_ping_micros) stats.ping_time = *peer->last_ping_micros / 1e6;
    if (peer->min_ping_micros) stats.min_ping = *peer->min_ping_micros / 1e6;
    if (peer->ping_nonce) stats.ping_wait = (now - peer->ping_start_micros) / 1e6;
    {
        std::lock_guard chain_lock(m_chain.Mutex());
        stats.synced_headers = peer->best_known ? peer->best_known->height : -1;
        stats.synced_blocks = peer->last_common ? peer->last_common->height : -1;
        for (const auto& [hash, holder] : m_in_flight) {
            if (holder.first != id) continue;
            if (const auto* index = m_chain.Find(hash)) stats.inflight.push_back(index->height);
        }
    }
    std::sort(stats.inflight.begin(), stats.inflight.end());
    m_connman->SetEvictionInfo(id, peer->min_ping_micros.value_or(INT64_MAX), peer->last_block_time, peer->relay_txes);
    std::lock_guard lock(m_stats_mutex);
    m_stats[id] = std::move(stats);
}

std::optional<PeerStats> PeerManager::Stats(net::NodeId id) const
{
    std::lock_guard lock(m_stats_mutex);
    const auto it = m_stats.find(id);
    if (it == m_stats.end()) return std::nullopt;
    return it->second;
}

void PeerManager::PingAll()
{
    m_ping_all = true;
    if (m_connman) m_connman->WakeMessageHandler();
}

void PeerManager::TipChanged()
{
    ++m_tip_generation;
    if (m_connman) m_connman->WakeMessageHandler();
}

// ---------------------------------------------------------------- handshake

void PeerManager::SendVersion(Peer& peer)
{
    net::VersionMessage version;
    version.version = net::PROTOCOL_VERSION;
    version.services = m_options.local_services;
    version.time = m_clock.NowMicros() / 1'000'000;
    // Through a proxy the peer's address stays out of it (all zeros), as Core does.
    if (!peer.proxied) {
        version.addr_recv.ip = net::ToWireIp(peer.remote.address);
        version.addr_recv.port = peer.remote.port;
    }
    version.addr_from.services = m_options.local_services;
    version.nonce = peer.local_nonce;
    version.user_agent = m_options.user_agent;
    {
        std::lock_guard lock(m_chain.Mutex());
        version.start_height = m_chain.Chain().Height();
    }
    version.relay = m_options.relay_transactions;
    Send(peer, "version", net::EncodeVersionMessage(version));
    peer.version_sent = true;
}

void PeerManager::OnVersion(Peer& peer, util::ByteSpan payload)
{
    if (peer.version_received) return; // a second version is ignored
    auto version = net::DecodeVersionMessage(payload);
    if (!version) return Misbehaving(peer, "malformed version message: " + version.error());
    if (version->version < MIN_PEER_PROTO_VERSION) {
        m_logger.LogDebug(util::LogCategory::NET, "peer=" + std::to_string(peer.id) + " using obsolete version " +
                                                      std::to_string(version->version) + "; disconnecting");
        m_connman->Disconnect(peer.id, "obsolete version");
        return;
    }
    // A version carrying the nonce of one we sent: we connected to ourselves.
    if (peer.inbound()) {
        for (const auto& [other_id, other] : m_peers) {
            if (!other->inbound() && other->local_nonce == version->nonce) {
                m_logger.Log(util::LogLevel::Info, "connected to self at " + peer.remote.ToString() + ", disconnecting");
                m_connman->Disconnect(peer.id, "connected to self");
                m_connman->Disconnect(other_id, "connected to self");
                return;
            }
        }
    }
    peer.version_received = true;
    peer.version = std::min(version->version, net::PROTOCOL_VERSION);
    peer.services = version->services;
    peer.user_agent = version->user_agent;
    peer.starting_height = version->start_height;
    peer.relay_txes = version->relay;
    peer.time_offset = version->time - m_clock.NowMicros() / 1'000'000;
    if (peer.inbound()) SendVersion(peer);
    // BIP339 and BIP155 announcements go between version and verack.
    if (version->version >= WTXID_RELAY_VERSION) {
        Send(peer, "wtxidrelay");
        Send(peer, "sendaddrv2");
    }
    Send(peer, "verack");
    m_logger.Log(util::LogLevel::Info, std::string("New ") + (peer.inbound() ? "inbound" : "outbound") +
                                           " peer connected: version: " + std::to_string(version->version) +
                                           ", blocks=" + std::to_string(version->start_height) +
                                           ", peer=" + std::to_string(peer.id));
}

void PeerManager::OnVerack(Peer& peer, util::ByteSpan)
{
    if (peer.verack_received) return;
    peer.verack_received = true;
    m_connman->MarkHandshakeDone(peer.id);
    if (peer.version >= SENDHEADERS_VERSION) Send(peer, "sendheaders");
    if (peer.version >= SHORT_IDS_BLOCKS_VERSION) {
        // BIP152 version 2, low-bandwidth: we announce nothing unasked.
        Send(peer, "sendcmpct", net::EncodeSendCmpctMessage(net::SendCmpctMessage{false, 2}));
    }
    // No mempool: like Core with -blocksonly, ask for no transactions at all
    // (BIP133, the largest fee rate there is).
    if (peer.version >= FEEFILTER_VERSION && peer.type != net::ConnectionType::BLOCK_RELAY) {
        Send(peer, "feefilter", net::EncodeFeeFilterMessage(net::FeeFilterMessage{primitives::MAX_MONEY.sats()}));
    }
    peer.next_ping_micros = 0; // ping at once: measures latency early
    StartAddressExchange(peer);
    if (!peer.inbound() && m_options.addrman) {
        // A working outbound address moves to the tried table.
        m_options.addrman->Good(peer.address, m_clock.NowMicros() / 1'000'000);
    }
    {
        std::lock_guard lock(m_chain.Mutex());
        peer.best_header_sent = m_chain.Chain().Tip(); // the peer syncs through getheaders, not announcements
        peer.tip_generation_seen = m_tip_generation;
        // From the best header's parent, so that a peer on the same chain answers
        // with at least that header and we learn how far it goes (as Core does).
        const chain::BlockIndex* best = m_chain.BestHeader();
        SendGetHeaders(peer, best && best->parent ? best->parent : best);
    }
}

void PeerManager::OnPing(Peer& peer, util::ByteSpan payload)
{
    if (payload.empty()) return; // BIP31 pings carry a nonce; older ones expect nothing back
    const auto ping = net::DecodePingMessage(payload);
    if (!ping) return Misbehaving(peer, "malformed ping: " + ping.error());
    Send(peer, "pong", net::EncodePongMessage(net::PongMessage{ping->nonce}));
}

void PeerManager::OnPong(Peer& peer, util::ByteSpan payload)
{
    const auto pong = net::DecodePongMessage(payload);
    if (!pong || peer.ping_nonce == 0) return; // unsolicited or short: ignored (Core only logs)
    if (pong->nonce != peer.ping_nonce) {
        if (pong->nonce == 0) peer.ping_nonce = 0; // a zero nonce cancels the ping
        return;
    }
    const int64_t rtt = m_clock.NowMicros() - peer.ping_start_micros;
    peer.ping_nonce = 0;
    if (rtt < 0) return;
    peer.last_ping_micros = rtt;
    peer.min_ping_micros = std::min(peer.min_ping_micros.value_or(rtt), rtt);
}

void PeerManager::OnSendHeaders(Peer& peer, util::ByteSpan) { peer.prefer_headers = true; }

void PeerManager::OnSendCmpct(Peer& peer, util::ByteSpan payload)
{
    auto message = net::DecodeSendCmpctMessage(payload);
    if (!message) return Misbehaving(peer, "malformed sendcmpct");
    if (message->version != 2) return; // only version 2 (witness) is used
    peer.compact_announce = message->announce;
    peer.compact_version = message->version;
}

void PeerManager::OnWtxidRelay(Peer& peer, util::ByteSpan)
{
    if (peer.verack_received) return Misbehaving(peer, "wtxidrelay received after verack");
    if (peer.version >= WTXID_RELAY_VERSION) peer.wtxid_relay = true;
}

void PeerManager::OnSendAddrV2(Peer& peer, util::ByteSpan)
{
    if (peer.verack_received) return Misbehaving(peer, "sendaddrv2 received after verack");
    peer.addr_v2 = true;
}

void PeerManager::OnFeeFilter(Peer& peer, util::ByteSpan payload)
{
    if (auto filter = net::DecodeFeeFilterMessage(payload)) peer.fee_filter = filter->fee_rate;
}

void PeerManager::OnIgnored(Peer&, util::ByteSpan) {}

void PeerManager::MaybePing(Peer& peer, int64_t now)
{
    if (peer.ping_nonce != 0) {
        if (now - peer.ping_start_micros > m_options.ping_timeout_seconds * 1'000'000) {
            m_logger.Log(util::LogLevel::Info, "ping timeout: " + std::to_string(m_options.ping_timeout_seconds) +
                                                   "s, disconnecting peer=" + std::to_string(peer.id));
            peer.misbehaved = true; // no discouragement: just gone
            m_connman->Disconnect(peer.id, "ping timeout");
        }
        return;
    }
    const bool asked = m_ping_all.exchange(false);
    if (!asked && now < peer.next_ping_micros) return;
    if (asked) {
        // Every peer, not just this one, owes a ping now.
        for (auto& [other_id, other] : m_peers) other->next_ping_micros = 0;
    }
    do {
        peer.ping_nonce = crypto::GetStrongRandomU64();
    } while (peer.ping_nonce == 0);
    peer.ping_start_micros = now;
    peer.next_ping_micros = now + m_options.ping_interval_seconds * 1'000'000;
    Send(peer, "ping", net::EncodePingMessage(net::PingMessage{peer.ping_nonce}));
}

} // namespace p2p
