// The connection manager: every P2P socket, on one libevent thread.
//
// Threads:
//  - "net": the libevent loop. Accepts, connects, reads bytes into each
//    connection's FrameDecoder and writes queued bytes. It never calls into
//    the chain and never waits on anything but the sockets.
//  - "msghand": hands complete messages to the MessageHandler (the p2p
//    layer), one message per peer in turn, and lets it send. Validation runs
//    here, so a slow block never stalls the sockets.
//  - "opencon": keeps the configured outbound connections (-connect,
//    -addnode, -seednode) and, when a ConnectionSource is given, fills the
//    automatic outbound slots from it. Name lookups happen here (with a
//    -proxy, none: the proxy gets the name).
//
// Per-peer buffers are bounded: reading from a peer pauses while more than
// -maxreceivebuffer bytes of its messages wait for the handler, and the
// handler is asked to hold back (PeerSendBufferFull) while more than
// -maxsendbuffer bytes wait to go out.
//
// All public methods are thread-safe.
#ifndef UTXO_NET_CONNMAN_H
#define UTXO_NET_CONNMAN_H

#include <net/message_frame.h>
#include <net/net_address.h>
#include <net/upload_target.h>
#include <util/clock.h>
#include <util/ip_address.h>
#include <util/logging.h>
#include <util/result.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace net {

using NodeId = int64_t;

enum class ConnectionType {
    INBOUND,
    OUTBOUND_FULL_RELAY,
    MANUAL,     // -connect, -addnode, addnode RPC
    FEELER,
    BLOCK_RELAY,
    ADDR_FETCH, // -seednode: ask for addresses, then leave
};

// getpeerinfo's connection_type names ("outbound-full-relay", "block-relay-only", ...).
std::string_view ConnectionTypeName(ConnectionType type);
bool IsOutbound(ConnectionType type);

// An IP endpoint.
struct Endpoint {
    util::IpAddress address;
    uint16_t port{0};
    std::string ToString() const { return util::FormatAddressPort(address, port); }
    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// What the connection manager knows of a peer, for the handler and getpeerinfo.
struct ConnectionStats {
    NodeId id{0};
    Endpoint remote;
    std::optional<Endpoint> local; // our side of the socket
    std::string addr_name;         // as given (-addnode=host:port) or the remote endpoint
    // The peer's address as the address book knows it: the remote endpoint,
    // or the .onion address reached through the proxy (unspecified for other
    // names handed to the proxy).
    Service address;
    bool proxied{false}; // reached through -proxy or -onion
    ConnectionType type{ConnectionType::INBOUND};
    int64_t connected_time{0}; // seconds
    int64_t last_send{0};
    int64_t last_recv{0};
    uint64_t bytes_sent{0};
    uint64_t bytes_recv{0};
    std::map<std::string, uint64_t> bytes_sent_per_msg;
    std::map<std::string, uint64_t> bytes_recv_per_msg;
    bool handshake_done{false};
};

// Implemented by the p2p layer; called on the "msghand" thread only.
class MessageHandler {
public:
    virtual ~MessageHandler() = default;
    // A new connection (before any of its messages).
    virtual void InitializePeer(const ConnectionStats& peer) = 0;
    // One message from the peer.
    virtual void ProcessMessage(NodeId peer, Message& message) = 0;
    // Periodic work for the peer (pings, requests, announcements); called
    // after each message and at least every 100 ms.
    virtual void SendMessages(NodeId peer) = 0;
    // The connection is gone; no more calls for this id.
    virtual void FinalizePeer(NodeId peer) = 0;
};

// Where automatic outbound connections come from (the address manager).
class ConnectionSource {
public:
    virtual ~ConnectionSource() = default;
    // An address to try that is not in `connected`, or nullopt. An IP
    // address, or a .onion one when there is an onion proxy.
    virtual std::optional<Service> NextOutboundCandidate(const std::vector<Service>& connected) = 0;
    virtual void OutboundAttempt(const Service& address, bool success) = 0;
};

struct ConnmanOptions {
    NetMagic magic{};
    uint16_t default_port{8333};
    std::vector<Endpoint> listen;        // empty: no listening socket (-listen=0)
    std::vector<std::string> connect;    // -connect: only these
    std::vector<std::string> add_nodes;  // -addnode
    std::vector<std::string> seed_nodes; // -seednode
    int max_connections{125};
    int max_outbound_full_relay{8};
    int max_block_relay{2};
    size_t max_receive_buffer{5000 * 1000}; // bytes
    size_t max_send_buffer{1000 * 1000};
    int64_t handshake_timeout_seconds{60};
    int64_t inactivity_timeout_seconds{20 * 60};
    bool network_active{true};
    // -proxy: every outbound connection goes through this SOCKS5 proxy, and a
    // name (-addnode=host:port...) is handed to it unresolved. nullopt: direct.
    std::optional<Endpoint> proxy;
    // -onion (by default the -proxy): the SOCKS5 proxy for .onion addresses,
    // which are reachable only through it.
    std::optional<Endpoint> onion_proxy;
    // -proxyrandomize: each proxied connection gets its own credentials (a
    // separate Tor circuit).
    bool proxy_randomize{true};
    uint64_t max_upload_target{0}; // bytes per 24 hours, 0: none (-maxuploadtarget)
    // Refuses an inbound connection before it is accepted (banned, discouraged while full).
    std::function<bool(const util::IpAddress&)> refuse_inbound;
    // Addresses evicted first when inbound slots are full (discouraged peers).
    std::function<bool(const util::IpAddress&)> prefer_evict;
    // A peer broke the framing (bad magic, checksum, command or length): it is
    // disconnected, and this is told (the node discourages the address).
    std::function<void(const util::IpAddress&)> on_framing_error;
};

class Connman {
public:
    // Binds the listening sockets and starts the threads. An address that
    // cannot be bound is an error ("Unable to bind to 127.0.0.1:18444 ...").
    static util::Result<std::unique_ptr<Connman>> Start(ConnmanOptions options, MessageHandler& handler,
                                                        ConnectionSource* source, util::Logger& logger,
                                                        const util::Clock& clock);
    // Stops the threads and closes every connection.
    ~Connman();
    Connman(const Connman&) = delete;
    Connman& operator=(const Connman&) = delete;

    // Queues a framed message; false when the peer is gone.
    bool Send(NodeId peer, std::string_view command, util::ByteSpan payload);
    // Closes the connection after what is queued to it was handed to the socket.
    void Disconnect(NodeId peer, std::string_view reason);
    // Opens an outbound connection to host:port (a name is resolved on the
    // opencon thread). MANUAL connections count against no automatic slot.
    void OpenConnection(const std::string& target, ConnectionType type);
    // addnode add/remove; false when already present / not present.
    bool AddNode(const std::string& target);
    bool RemoveAddedNode(const std::string& target);
    std::vector<std::string> AddedNodes() const;
    // What eviction weighs (see eviction.h), reported by the protocol layer.
    void SetEvictionInfo(NodeId peer, int64_t min_ping_micros, int64_t last_block_time, bool relays_txs);
    // The handshake finished: the handshake timeout no longer applies.
    void MarkHandshakeDone(NodeId peer);
    // More than -maxsendbuffer bytes wait to be written to this peer.
    bool PeerSendBufferFull(NodeId peer) const;

    std::vector<ConnectionStats> Stats() const;
    std::optional<ConnectionStats> StatsOf(NodeId peer) const;
    size_t ConnectionCount(std::optional<bool> inbound = std::nullopt) const;
    uint64_t TotalBytesSent() const;
    uint64_t TotalBytesRecv() const;
    UploadTarget::Status UploadStatus() const;
    // The -maxuploadtarget budget is spent (for historical blocks: down to the reserve).
    bool UploadTargetReached(bool historical) const;
    std::vector<Endpoint> ListenEndpoints() const;
    // -proxy, -onion and -proxyrandomize, for getnetworkinfo.
    std::optional<Endpoint> Proxy() const;
    std::optional<Endpoint> OnionProxy() const;
    bool ProxyRandomize() const;
    void SetNetworkActive(bool active);
    bool NetworkActive() const;
    // Wakes the message thread (new work for SendMessages outside a message).
    void WakeMessageHandler();

    class Impl;

private:
    explicit Connman(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace net

#endif // UTXO_NET_CONNMAN_H
