// From an HTTP request body to an HTTP reply: JSON-RPC single requests,
// notifications and batches, with bitcoind's status codes.
//
// Transport-independent so it can be tested without sockets; the HTTP
// handler (server.h) adds the method check and authentication around it.
#ifndef UTXO_RPC_DISPATCH_H
#define UTXO_RPC_DISPATCH_H

#include <rpc/protocol.h>

#include <string>
#include <string_view>

namespace rpc {

class RpcTable;
struct RpcContext;

struct HttpReply {
    int status;       // 200, 204 (nothing to answer), 400, 404 or 500
    std::string body; // JSON text and a newline; empty for 204
};

// `caller` carries the URI, the authenticated user and the peer address;
// its method/params/id are ignored.
HttpReply DispatchJsonRpc(std::string_view body, const JsonRpcRequest& caller, RpcTable& table, RpcContext& context);

} // namespace rpc

#endif // UTXO_RPC_DISPATCH_H
