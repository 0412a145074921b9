// The JSON-RPC server as the node runs it: options from the command line and
// config file, credentials (cookie, -rpcuser/-rpcpassword, -rpcauth), the
// HTTP server with its handlers, and the method table.
#ifndef UTXO_NODE_RPC_SETUP_H
#define UTXO_NODE_RPC_SETUP_H

#include <consensus/chain_params.h>
#include <net/net_address.h>
#include <http/server.h>
#include <rpc/context.h>
#include <util/args.h>
#include <util/clock.h>
#include <util/logging.h>
#include <util/result.h>

#include <filesystem>
#include <functional>
#include <set>
#include <memory>
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
class Authenticator;
class RpcTable;
struct RpcContext;
} // namespace rpc

namespace node {

struct RpcSetup {
    const util::Args& args;
    std::filesystem::path network_dir;
    const consensus::ChainParams& chain;
    util::Logger& logger;
    const util::Clock& clock;
    int64_t start_time_micros;
    std::string log_path;
    std::function<void()> request_shutdown;
    rpc::NodeServices services;
};

// "host", "host:port", "[v6]:port" or a bare IPv6 address; `port` keeps its
// value when none is given. Error for a bad port.
util::Result<http::Endpoint> ParseEndpoint(const std::string& text, uint16_t default_port);

// The addresses to listen on and the peers to accept, as bitcoind decides:
// loopback unless both -rpcbind and -rpcallowip are given.
util::Result<http::ServerOptions> HttpOptionsFromArgs(const util::Args& args, uint16_t rpc_port, util::Logger& logger);

class RpcServer {
public:
    static util::Result<std::unique_ptr<RpcServer>> Start(const RpcSetup& setup);
    ~RpcServer(); // stops the HTTP server, then deletes the cookie
    void FinishWarmup();

private:
    RpcServer() = default;
    std::unique_ptr<rpc::RpcTable> m_table;
    std::unique_ptr<rpc::RpcContext> m_context;
    std::unique_ptr<rpc::Authenticator> m_authenticator;
    std::unique_ptr<http::Server> m_http;
    std::filesystem::path m_cookie_path; // empty when no cookie was written
    util::Logger* m_logger{nullptr};
};

} // namespace node

#endif // UTXO_NODE_RPC_SETUP_H
