// Internal to net/: one peer connection as the connection manager keeps it.
//
// Ownership and threads: the net thread alone touches `bev` and `decoder`
// (and frees the bufferevent); the message thread alone touches
// `initialized`. `mutex` guards the queues and per-command counters, which
// both threads use; the atomics are read by any thread (getpeerinfo).
#ifndef UTXO_NET_CONNECTION_H
#define UTXO_NET_CONNECTION_H

#include <net/connman.h>
#include <net/message_frame.h>
#include <net/socks5.h>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>

struct bufferevent;

namespace net {

struct Connection {
    explicit Connection(const NetMagic& magic) : decoder(magic) {}

    NodeId id{0};
    ConnectionType type{ConnectionType::INBOUND};
    Endpoint remote;
    std::optional<Endpoint> local;
    std::string addr_name;
    Service address; // see ConnectionStats::address
    bool proxied{false};
    Connman::Impl* owner{nullptr};

    // Net thread.
    bufferevent* bev{nullptr}; // null once closed
    FrameDecoder decoder;
    bool close_when_flushed{false};
    // Through -proxy: the SOCKS5 handshake until it is done (then null); the
    // connection counts as connected only after it.
    std::unique_ptr<Socks5Handshake> socks;

    // Message thread.
    bool initialized{false};

    std::atomic<bool> connected{false}; // outbound: the TCP connect finished
    std::atomic<bool> handshake_done{false};
    std::atomic<bool> disconnect_requested{false};
    std::atomic<int64_t> connected_time{0};
    std::atomic<int64_t> last_send{0};
    std::atomic<int64_t> last_recv{0};
    std::atomic<uint64_t> bytes_sent{0};
    std::atomic<uint64_t> bytes_recv{0};
    std::atomic<size_t> send_buffered{0}; // queued or in the socket's output buffer
    // What the protocol layer reports for eviction (Connman::SetEvictionInfo).
    std::atomic<int64_t> min_ping_micros{INT64_MAX};
    std::atomic<int64_t> last_block_time{0};
    std::atomic<bool> relays_txs{true};

    mutable std::mutex mutex; // guards the members below
    std::deque<Message> received;
    size_t received_bytes{0};
    bool read_paused{false};
    std::deque<util::Bytes> pending_send; // framed, not yet handed to the bufferevent
    std::map<std::string, uint64_t> bytes_sent_per_msg;
    std::map<std::string, uint64_t> bytes_recv_per_msg;

    ConnectionStats Stats() const
    {
        ConnectionStats stats;
        stats.id = id;
        stats.remote = remote;
        stats.local = local;
        stats.addr_name = addr_name;
        stats.address = address;
        stats.proxied = proxied;
        stats.type = type;
        stats.connected_time = connected_time;
        stats.last_send = last_send;
        stats.last_recv = last_recv;
        stats.bytes_sent = bytes_sent;
        stats.bytes_recv = bytes_recv;
        stats.handshake_done = handshake_done;
        std::lock_guard lock(mutex);
        stats.bytes_sent_per_msg = bytes_sent_per_msg;
        stats.bytes_recv_per_msg = bytes_recv_per_msg;
        return stats;
    }
};

} // namespace net

#endif // UTXO_NET_CONNECTION_H
