// What the protocol layer remembers about one connected peer. Owned by the
// PeerManager and touched only on the message thread.
#ifndef UTXO_P2P_PEER_H
#define UTXO_P2P_PEER_H

#include <chain/block_index.h>
#include <net/compact_block.h>
#include <net/connman.h>
#include <p2p/headers_presync.h>
#include <net/inventory.h>
#include <primitives/uint256.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace p2p {

struct Peer {
    net::NodeId id{0};
    net::ConnectionType type{net::ConnectionType::INBOUND};
    net::Endpoint remote;
    net::Service address; // as the address book knows it (ConnectionStats::address)
    bool proxied{false};
    bool inbound() const { return type == net::ConnectionType::INBOUND; }

    // Handshake.
    uint64_t local_nonce{0}; // the nonce of our version message to this peer
    bool version_sent{false};
    bool version_received{false};
    bool verack_received{false};
    bool handshake_done() const { return version_received && verack_received; }
    int version{0};
    uint64_t services{0};
    std::string user_agent;
    int starting_height{-1};
    bool relay_txes{false};
    int64_t time_offset{0};

    // Features the peer asked for.
    bool prefer_headers{false}; // sendheaders (BIP130)
    bool wtxid_relay{false};    // BIP339
    bool addr_v2{false};        // BIP155
    bool compact_announce{false};
    uint64_t compact_version{0};
    int64_t fee_filter{0};

    // Keep-alive.
    uint64_t ping_nonce{0}; // outstanding, 0 when none
    int64_t ping_start_micros{0};
    int64_t next_ping_micros{0};
    std::optional<int64_t> last_ping_micros;
    std::optional<int64_t> min_ping_micros;

    // Sync.
    const chain::BlockIndex* best_known{nullptr};    // best block the peer has shown us
    const chain::BlockIndex* last_common{nullptr};   // last block both have on the best known chain
    const chain::BlockIndex* best_header_sent{nullptr}; // last tip announced to the peer
    uint64_t tip_generation_seen{0};                    // tip changes already considered for announcing
    std::optional<primitives::BlockHash> unknown_best; // announced but not yet in our tree
    bool headers_sync_started{false};
    int64_t getheaders_sent_micros{0};
    int blocks_in_flight{0};
    int64_t stalling_since_micros{0};
    int64_t last_block_time{0};
    std::set<primitives::BlockHash> requested;
    std::deque<net::InvItem> getdata_queue; // served while the send buffer has room
    // A low-work header chain being measured before anything is stored.
    std::unique_ptr<HeadersPresync> presync;
    // A compact block waiting for its blocktxn (BIP152).
    std::unique_ptr<net::PartiallyDownloadedBlock> partial_block;
    primitives::BlockHash partial_hash;
    // Addresses (addr_relay.cpp).
    double addr_tokens{0};          // rate limit: addresses we may still take
    int64_t addr_token_time{0};     // seconds, last refill
    uint64_t addr_processed{0};
    uint64_t addr_rate_limited{0};
    bool getaddr_answered{false};   // one getaddr answer per connection
    std::string addr_cache_key;     // which getaddr answer it gets: network and our socket
    bool getaddr_sent{false};
    bool misbehaved{false};
};

} // namespace p2p

#endif // UTXO_P2P_PEER_H
