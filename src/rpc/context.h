// What RPC handlers may reach: the node's pieces, passed in by node/.
//
// rpc/ never reaches upward (ARCHITECTURE.md): the node builds one context
// at start-up and the handlers use only what is here. Later services (chain
// state, P2P) add their views to it.
#ifndef UTXO_RPC_CONTEXT_H
#define UTXO_RPC_CONTEXT_H

#include <consensus/chain_params.h>
#include <net/net_address.h>
#include <util/clock.h>
#include <util/logging.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <set>
#include <string>

namespace chain {
class Chainstate;
class TxIndex;
} // namespace chain

namespace net {
class AddrMan;
class BanList;
class Connman;
} // namespace net

namespace p2p {
class PeerManager;
} // namespace p2p

namespace rpc {

class RpcTable;

// The node's long-lived pieces that handlers use; null (empty) where a
// program or test has none. node/ fills one at start-up.
struct NodeServices {
    chain::Chainstate* chainstate{nullptr}; // the node's chain state (always set in utxod)
    chain::TxIndex* txindex{nullptr};       // with -txindex
    net::Connman* connman{nullptr};         // the P2P connections (always set in utxod)
    p2p::PeerManager* peers{nullptr};
    net::AddrMan* addrman{nullptr};
    net::BanList* banlist{nullptr};
    std::set<net::Network> reachable_networks; // -onlynet, for getnetworkinfo
};

struct RpcContext : NodeServices {
    RpcTable& table;
    util::Logger& logger;
    const util::Clock& clock;
    const consensus::ChainParams& chain;
    int64_t start_time_micros;
    std::string log_path;                  // debug.log, for getrpcinfo
    std::function<void()> request_shutdown; // the `stop` RPC
    std::string user_agent;                // "/utxod:0.1.0/"
    int client_version;                    // getnetworkinfo's "version" (node::RPC_INTERFACE_VERSION)
    // A block was assembled (generate*, getblocktemplate): getmininginfo then
    // reports it, as Core reports its last assembled block.
    std::atomic<bool> block_assembled{false};
};

} // namespace rpc

#endif // UTXO_RPC_CONTEXT_H
