#include <rpc/dispatch.h>

#include <json/write.h>
#include <rpc/context.h>
#include <rpc/table.h>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace rpc {
namespace {

constexpr int HTTP_OK = 200;
constexpr int HTTP_NO_CONTENT = 204;
constexpr int HTTP_BAD_REQUEST = 400;
constexpr int HTTP_NOT_FOUND = 404;
constexpr int HTTP_INTERNAL_SERVER_ERROR = 500;

HttpReply JsonReply(int status, const boost::json::value& value) { return {status, json::WriteJson(value) + "\n"}; }

// A failed legacy request: the error also shows in the HTTP status, which
// old clients rely on.
HttpReply ErrorReply(const RpcError& error, const JsonRpcRequest& request)
{
    int status = HTTP_INTERNAL_SERVER_ERROR;
    if (error.code == RPC_INVALID_REQUEST) status = HTTP_BAD_REQUEST;
    if (error.code == RPC_METHOD_NOT_FOUND) status = HTTP_NOT_FOUND;
    return JsonReply(status, JsonRpcReply(nullptr, error, request.id, request.version));
}

void LogCall(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.logger.WillLog(util::LogCategory::RPC)) return;
    std::string method;
    // Method names come from the network: keep the log line printable.
    for (char c : request.method) method += (c >= 0x20 && c < 0x7f) ? c : '?';
    std::string line = "ThreadRPCServer method=" + method + " user=" + request.auth_user;
    if (!request.peer.empty()) line += " peeraddr=" + request.peer;
    context.logger.LogDebug(util::LogCategory::RPC, line);
}

// Runs one request object; the reply object, or nullopt for a notification.
// A legacy request's error is returned in `legacy_error` instead, so a
// single request can turn it into an HTTP status.
std::optional<boost::json::value> ExecuteOne(const boost::json::value& object, const JsonRpcRequest& caller,
                                             RpcTable& table, RpcContext& context, JsonRpcRequest& request,
                                             std::optional<RpcError>& legacy_error)
{
    request = caller;
    if (auto error = ParseJsonRpcRequest(object, request)) {
        legacy_error = error;
        return std::nullopt;
    }
    LogCall(request, context);
    RpcResult result = table.Execute(request, context);
    if (request.IsNotification()) return std::nullopt;
    if (result.ok()) return JsonRpcReply(std::move(result.value()), std::nullopt, request.id, request.version);
    if (request.version == JsonRpcVersion::V1_LEGACY) {
        legacy_error = result.error();
        return std::nullopt;
    }
    return JsonRpcReply(nullptr, result.error(), request.id, request.version);
}

} // namespace

HttpReply DispatchJsonRpc(std::string_view body, const JsonRpcRequest& caller, RpcTable& table, RpcContext& context)
{
    boost::system::error_code ec;
    const boost::json::value parsed = boost::json::parse(body, ec);
    JsonRpcRequest request = caller;
    request.id.reset();
    if (ec) return ErrorReply(RpcError{RPC_PARSE_ERROR, "Parse error"}, request);

    if (parsed.is_object()) {
        std::optional<RpcError> error;
        auto reply = ExecuteOne(parsed, caller, table, context, request, error);
        if (error) return ErrorReply(*error, request);
        if (!reply) return {HTTP_NO_CONTENT, {}};
        return JsonReply(HTTP_OK, *reply);
    }
    if (parsed.is_array()) {
        // A batch always answers 200; each member carries its own error.
        boost::json::array replies;
        for (const boost::json::value& member : parsed.get_array()) {
            std::optional<RpcError> error;
            auto reply = ExecuteOne(member, caller, table, context, request, error);
            if (error) {
                if (request.IsNotification()) continue;
                replies.push_back(JsonRpcReply(nullptr, error, request.id, request.version));
            } else if (reply) {
                replies.push_back(std::move(*reply));
            }
        }
        // Only notifications: nothing to say. An empty batch still gets "[]",
        // which older clients expect.
        if (replies.empty() && !parsed.get_array().empty()) return {HTTP_NO_CONTENT, {}};
        return JsonReply(HTTP_OK, replies);
    }
    return ErrorReply(RpcError{RPC_PARSE_ERROR, "Top-level object parse error"}, request);
}

} // namespace rpc
