// Which inbound peer to drop when a new one arrives and every inbound slot is
// taken (Bitcoin Core's eviction logic, in our words). An attacker who opens
// many connections must not be able to push out the peers that are useful
// to us, so several kinds are protected before anyone is chosen:
//  - the 4 with the lowest minimum ping (fast peers are hard to fake),
//  - the 4 that most recently sent us a new block,
//  - the 4 that most recently sent us a new transaction (once relay exists),
//  - up to 8 block-relay-only peers that sent us a new block,
//  - of those left, the half connected longest.
// Among the rest, the network group with the most connections loses its most
// recently connected member. Peers marked prefer_evict (discouraged) go first.
// Pure and deterministic.
#ifndef UTXO_NET_EVICTION_H
#define UTXO_NET_EVICTION_H

#include <net/connman.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace net {

struct EvictionCandidate {
    NodeId id{0};
    int64_t connected_time{0};            // seconds
    int64_t min_ping_micros{INT64_MAX};   // INT64_MAX: never measured
    int64_t last_block_time{0};           // seconds, 0: never
    int64_t last_tx_time{0};
    bool relays_txs{true};
    uint64_t net_group{0};
    bool prefer_evict{false};
};

std::optional<NodeId> SelectNodeToEvict(std::vector<EvictionCandidate> candidates);

// The network group of an address for eviction, as the address manager
// groups addresses (the /16 of an IPv4 address, the /32 of an IPv6 one, ...).
uint64_t NetGroupOf(const util::IpAddress& address);

} // namespace net

#endif // UTXO_NET_EVICTION_H
