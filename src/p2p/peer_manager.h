// The P2P protocol above the sockets: the version handshake, pings,
// headers-first sync with parallel block download, serving headers and
// blocks, announcing new tips, and what a misbehaving peer earns.
//
// Threads: the MessageHandler methods run on the connection manager's
// message thread, which is the only writer of the per-peer state; they call
// into the chain state (headers, blocks) there, so the network thread never
// waits on validation. Stats(), PingAll() and TipChanged() may be called
// from any thread.
#ifndef UTXO_P2P_PEER_MANAGER_H
#define UTXO_P2P_PEER_MANAGER_H

#include <chain/chainstate.h>
#include <net/connman.h>
#include <p2p/peer.h>
#include <net/net_address.h>
#include <util/clock.h>
#include <util/logging.h>

#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace net {
class AddrMan;
class BanList;
} // namespace net

namespace p2p {

struct PeerManagerOptions {
    chain::Chainstate* chainstate{nullptr};
    std::string user_agent;      // "/utxod:0.1.0/"
    uint64_t local_services{0};
    bool relay_transactions{false}; // no mempool yet: announce fRelay=false
    int64_t ping_interval_seconds{2 * 60};
    int64_t ping_timeout_seconds{20 * 60};
    // Blocks requested ahead of the tip (Core's BLOCK_DOWNLOAD_WINDOW) and
    // at most this many in flight from one peer.
    int download_window{1024};
    int max_blocks_in_flight_per_peer{16};
    // A peer holding up the window this long is disconnected (doubling up to 64 s).
    int64_t stall_timeout_micros{2'000'000};
    // Header chains with less work are measured before they are stored
    // (-minimumchainwork; see headers_presync.h).
    primitives::ArithUint256 minimum_chain_work;
    // Where addresses go and come from (nullptr: no address relay).
    net::AddrMan* addrman{nullptr};
    // Banned and discouraged addresses are neither stored nor relayed.
    net::BanList* banlist{nullptr};
    // Networks we can reach (-onlynet, proxies): an address in one is relayed
    // to two peers, others to one or two.
    std::set<net::Network> reachable{net::Network::IPV4, net::Network::IPV6};
    // Called for a peer that misbehaved (the node discourages its address);
    // may be empty.
    std::function<void(const net::NetAddress&, const std::string& reason)> on_misbehaving;
};

// One row of getpeerinfo that only the protocol layer knows.
struct PeerStats {
    int version{0};
    uint64_t services{0};
    std::string user_agent;
    int starting_height{-1};
    bool relay_txes{false};
    int presynced_headers{-1}; // during a low-work header presync: how far it got
    int synced_headers{-1};
    int synced_blocks{-1};
    std::vector<int> inflight;
    std::optional<double> ping_time; // seconds
    std::optional<double> min_ping;
    std::optional<double> ping_wait;
    bool prefer_headers{false};
    bool wtxid_relay{false};
    bool addr_relay{false};
    bool bip152_hb_to{false};
    bool bip152_hb_from{false};
    int64_t time_offset{0};
    int64_t last_block{0};
    uint64_t addr_processed{0};
    uint64_t addr_rate_limited{0};
};

class PeerManager final : public net::MessageHandler {
public:
    PeerManager(PeerManagerOptions options, util::Logger& logger, const util::Clock& clock);
    ~PeerManager() override;
    // The connection manager starts after the peer manager (it needs the
    // handler); call before any message arrives.
    void SetConnman(net::Connman* connman) { m_connman = connman; }

    // net::MessageHandler (message thread).
    void InitializePeer(const net::ConnectionStats& peer) override;
    void ProcessMessage(net::NodeId peer, net::Message& message) override;
    void SendMessages(net::NodeId peer) override;
    void FinalizePeer(net::NodeId peer) override;

    // Any thread.
    std::optional<PeerStats> Stats(net::NodeId peer) const;
    // The `ping` RPC: every peer gets a ping at its next turn.
    void PingAll();
    // The chain's tip moved (called with the chain state's lock held: only records).
    void TipChanged();

    // Per-message handlers, run through a table (message thread).
    using Handler = void (PeerManager::*)(Peer&, util::ByteSpan);

private:
    static const std::map<std::string_view, Handler>& Handlers();
    Peer* Find(net::NodeId id);
    void Send(Peer& peer, std::string_view command, const util::Bytes& payload = {});
    void Misbehaving(Peer& peer, const std::string& reason);

    // Handshake and keep-alive (peer_manager.cpp).
    void SendVersion(Peer& peer);
    void OnVersion(Peer& peer, util::ByteSpan payload);
    void OnVerack(Peer& peer, util::ByteSpan payload);
    void OnPing(Peer& peer, util::ByteSpan payload);
    void OnPong(Peer& peer, util::ByteSpan payload);
    void OnSendHeaders(Peer& peer, util::ByteSpan payload);
    void OnSendCmpct(Peer& peer, util::ByteSpan payload);
    void OnWtxidRelay(Peer& peer, util::ByteSpan payload);
    void OnSendAddrV2(Peer& peer, util::ByteSpan payload);
    void OnFeeFilter(Peer& peer, util::ByteSpan payload);
    void OnIgnored(Peer& peer, util::ByteSpan payload);
    void MaybePing(Peer& peer, int64_t now_micros);

    // Sync (sync.cpp).
    void OnGetHeaders(Peer& peer, util::ByteSpan payload);
    void OnGetBlocks(Peer& peer, util::ByteSpan payload);
    void OnHeaders(Peer& peer, util::ByteSpan payload);
    void OnInv(Peer& peer, util::ByteSpan payload);
    void OnGetData(Peer& peer, util::ByteSpan payload);
    void OnBlock(Peer& peer, util::ByteSpan payload);
    void OnNotFound(Peer& peer, util::ByteSpan payload);
    void ServeGetData(Peer& peer);
    // Rejections that say nothing bad about the peer that sent the block or header.
    static bool IsBenignRejection(const std::string& reason);

    // Compact blocks, BIP152 low-bandwidth mode (compact_relay.cpp).
    void OnCmpctBlock(Peer& peer, util::ByteSpan payload);
    void OnBlockTxn(Peer& peer, util::ByteSpan payload);
    void OnGetBlockTxn(Peer& peer, util::ByteSpan payload);
    bool WantsCompactBlocks(const Peer& peer) const;
    void RequestFullBlock(Peer& peer, const primitives::BlockHash& hash);
    // A cmpctblock for a recent block (`depth` below our tip), else the whole block.
    void SendCompactBlock(Peer& peer, const primitives::Block& block, int depth);
    void AcceptReconstructed(Peer& peer, const primitives::Block& block);

    // Addresses (addr_relay.cpp).
    void OnAddr(Peer& peer, util::ByteSpan payload);
    void OnAddrV2(Peer& peer, util::ByteSpan payload);
    void OnGetAddr(Peer& peer, util::ByteSpan payload);
    void ReceiveAddresses(Peer& peer, util::ByteSpan payload, bool v2);
    void RelayAddresses(net::NodeId from, const std::vector<net::AddressRecord>& records);
    void SendAddresses(Peer& peer, const std::vector<net::AddressRecord>& records);
    // After the handshake: the rate limit starts, outbound peers are asked for addresses.
    void StartAddressExchange(Peer& peer);
    bool RelaysAddresses(const Peer& peer) const;
    uint64_t RandomIndex(size_t count) const;
    void SendGetHeaders(Peer& peer, const chain::BlockIndex* from);
    // Caller holds the chain state's lock: the work a new header chain must
    // reach to be stored at once (Core's anti-DoS threshold).
    primitives::ArithUint256 AntiDoSWorkThreshold() const;
    void ContinuePresync(Peer& peer, const std::vector<primitives::BlockHeader>& headers);
    void RequestBlocks(Peer& peer, int64_t now_micros);
    void CheckStalling(Peer& peer, int64_t now_micros);
    void AnnounceTip(Peer& peer);
    void UpdateBestKnown(Peer& peer, const primitives::BlockHash& hash);
    void RemoveInFlight(const primitives::BlockHash& hash);
    // Caller holds the chain state's lock.
    std::vector<primitives::BlockHash> Locator(const chain::BlockIndex* from) const;
    const chain::BlockIndex* ForkPoint(const std::vector<primitives::BlockHash>& locator) const;

    PeerManagerOptions m_options;
    chain::Chainstate& m_chain;
    util::Logger& m_logger;
    const util::Clock& m_clock;
    net::Connman* m_connman{nullptr};

    // Message thread only.
    std::map<net::NodeId, std::unique_ptr<Peer>> m_peers;
    // Blocks asked for: hash -> (peer, time asked).
    std::map<primitives::BlockHash, std::pair<net::NodeId, int64_t>> m_in_flight;
    int64_t m_stall_timeout_micros;
    uint64_t m_presync_salt;
    // Keys of the per-day choice of peers an address is relayed to.
    uint64_t m_addr_relay_k0;
    uint64_t m_addr_relay_k1;
    // The getaddr answers, one per network the asker connected through and
    // local socket it reached (as Core), so that one seen over Tor cannot be
    // matched with one seen over IPv4 or through another address of ours.
    struct AddrCache {
        std::vector<net::AddressRecord> records;
        int64_t expiry{0}; // seconds
    };
    std::map<std::string, AddrCache> m_addr_caches;

    // Shared with other threads.
    mutable std::mutex m_stats_mutex;
    std::map<net::NodeId, PeerStats> m_stats; // refreshed by the message thread
    std::atomic<bool> m_ping_all{false};
    std::atomic<uint64_t> m_tip_generation{0};
};

} // namespace p2p

#endif // UTXO_P2P_PEER_MANAGER_H
