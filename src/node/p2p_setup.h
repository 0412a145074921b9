// The P2P network as the node runs it: options (-listen, -bind, -port,
// -connect, -addnode, -seednode, -maxconnections, -maxreceivebuffer,
// -maxsendbuffer, -networkactive, -timeout, -proxy), the protocol layer (PeerManager)
// and the connection manager, started after the chain state and stopped
// before it.
#ifndef UTXO_NODE_P2P_SETUP_H
#define UTXO_NODE_P2P_SETUP_H

#include <chain/chainstate.h>
#include <consensus/chain_params.h>
#include <net/connman.h>
#include <node/address_book.h>
#include <p2p/peer_manager.h>
#include <util/args.h>
#include <util/clock.h>
#include <util/logging.h>
#include <util/result.h>

#include <memory>
#include <optional>
#include <set>

namespace node {

// The connection manager's options from the command line and config file.
util::Result<net::ConnmanOptions> ConnmanOptionsFromArgs(const util::Args& args, const consensus::ChainParams& chain);

// Tor's SOCKS port, the port -proxy takes when none is given (as Core).
constexpr uint16_t DEFAULT_PROXY_PORT = 9050;

// -proxy=<ip>[:<port>]: the SOCKS5 proxy for outbound connections; nullopt
// when not given, -noproxy or -proxy=0. Error (Core's words) for anything else.
util::Result<std::optional<net::Endpoint>> ProxyFromArgs(const util::Args& args);
// -onion=<ip>[:<port>]: the SOCKS5 proxy for .onion addresses; by default
// -proxy's; none with -noonion or -onion=0.
util::Result<std::optional<net::Endpoint>> OnionProxyFromArgs(const util::Args& args);

// -onlynet: the networks automatic outbound connections may use; without
// it IPv4 and IPv6, and Tor when there is an onion proxy.
util::Result<std::set<net::Network>> ReachableNetworks(const util::Args& args);

class P2pService {
public:
    static util::Result<std::unique_ptr<P2pService>> Start(const util::Args& args, const consensus::ChainParams& chain,
                                                           chain::Chainstate& chainstate,
                                                           const std::filesystem::path& network_dir,
                                                           util::Logger& logger, const util::Clock& clock);
    // Closes every connection, then forgets the peers.
    ~P2pService();

    net::Connman& Connman() { return *m_connman; }
    p2p::PeerManager& Peers() { return *m_peers; }
    AddressBook& Addresses() { return *m_addresses; }
    // From the chain state's notifications (its lock held): only records.
    void TipChanged() { m_peers->TipChanged(); }

private:
    P2pService() = default;
    std::unique_ptr<AddressBook> m_addresses; // outlives the peers and connections that use it
    std::unique_ptr<p2p::PeerManager> m_peers;
    std::unique_ptr<net::Connman> m_connman; // declared last: stopped first
};

} // namespace node

#endif // UTXO_NODE_P2P_SETUP_H
