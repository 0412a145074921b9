// JSON-RPC over HTTP: the handler the node installs on the HTTP server for
// "/" and "/wallet/<name>".
//
// Order of checks as in bitcoind: POST only (405), then credentials (401
// with WWW-Authenticate, after a short pause that slows password guessing),
// then the body goes to DispatchJsonRpc.
#ifndef UTXO_RPC_HTTP_HANDLER_H
#define UTXO_RPC_HTTP_HANDLER_H

#include <http/server.h>

#include <chrono>

namespace rpc {

class Authenticator;
class RpcTable;
struct RpcContext;

struct HttpHandlerOptions {
    std::chrono::milliseconds failed_auth_delay{250};
    bool log_ips{false}; // -logips: peer addresses in log lines
};

void ServeJsonRpc(http::Request& request, const Authenticator& authenticator, RpcTable& table, RpcContext& context,
                  const HttpHandlerOptions& options);

} // namespace rpc

#endif // UTXO_RPC_HTTP_HANDLER_H
