#include <rpc/http_handler.h>

#include <rpc/auth.h>
#include <rpc/context.h>
#include <rpc/dispatch.h>
#include <rpc/table.h>

#include <thread>

namespace rpc {

void ServeJsonRpc(http::Request& request, const Authenticator& authenticator, RpcTable& table, RpcContext& context,
                  const HttpHandlerOptions& options)
{
    if (request.GetMethod() != http::Request::Method::POST) {
        request.Reply(405, "JSONRPC server handles only POST requests");
        return;
    }
    const auto header = request.Header("authorization");
    std::optional<std::string> user;
    if (header) user = authenticator.Check(*header);
    if (!user) {
        if (header) {
            context.logger.Log(util::LogLevel::Warning,
                               "ThreadRPCServer incorrect password attempt from " + request.PeerAddress());
            // Slows guessing; a node with its RPC port open to the world has
            // bigger problems than this thread sleeping.
            std::this_thread::sleep_for(options.failed_auth_delay);
        }
        request.AddHeader("WWW-Authenticate", "Basic realm=\"jsonrpc\"");
        request.Reply(401);
        return;
    }
    JsonRpcRequest caller;
    caller.uri = std::string(request.Uri());
    caller.auth_user = *user;
    if (options.log_ips) caller.peer = request.PeerAddress();
    HttpReply reply = DispatchJsonRpc(request.Body(), caller, table, context);
    if (reply.status != 204) request.AddHeader("Content-Type", "application/json");
    request.Reply(reply.status, std::move(reply.body));
}

} // namespace rpc
