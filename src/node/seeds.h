// Where a node with an empty address book starts: the DNS seeds and the
// fixed seed addresses of each network (Bitcoin Core's lists).
#ifndef UTXO_NODE_SEEDS_H
#define UTXO_NODE_SEEDS_H

#include <consensus/chain_params.h>
#include <net/net_address.h>

#include <string>
#include <vector>

namespace node {

// DNS seed host names of a network (none for regtest).
std::vector<std::string> DnsSeeds(consensus::ChainType type);
// Addresses to try when the book is empty and DNS gave none (-fixedseeds).
std::vector<net::Service> FixedSeeds(consensus::ChainType type);

} // namespace node

#endif // UTXO_NODE_SEEDS_H
