// JSON-RPC as bitcoind speaks it: error codes, request parsing, reply shape.
//
// Two dialects share one endpoint. Legacy 1.0 (no "jsonrpc" key, or "1.0"):
// every reply carries "result", "error" (one of them null) and "id", and a
// failed single request is also an HTTP error status. 2.0 ("jsonrpc":"2.0"):
// a reply carries "jsonrpc", exactly one of "result"/"error", and "id"; errors
// travel with HTTP 200, and a request without "id" is a notification that is
// executed but never answered. Codes and messages are Bitcoin Core's, since
// clients match on them.
#ifndef UTXO_RPC_PROTOCOL_H
#define UTXO_RPC_PROTOCOL_H

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <variant>

namespace rpc {

// Bitcoin Core's RPC error codes (src/rpc/protocol.h there); the subset a
// node without a wallet answers with, plus the standard JSON-RPC ones.
enum ErrorCode : int {
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
    RPC_PARSE_ERROR = -32700,
    RPC_MISC_ERROR = -1,
    RPC_TYPE_ERROR = -3,
    RPC_INVALID_ADDRESS_OR_KEY = -5,
    RPC_OUT_OF_MEMORY = -7,
    RPC_INVALID_PARAMETER = -8,
    RPC_DATABASE_ERROR = -20,
    RPC_DESERIALIZATION_ERROR = -22,
    RPC_VERIFY_ERROR = -25,
    RPC_VERIFY_REJECTED = -26,
    RPC_VERIFY_ALREADY_IN_UTXO_SET = -27,
    RPC_IN_WARMUP = -28,
    RPC_METHOD_DEPRECATED = -32,
    RPC_CLIENT_NOT_CONNECTED = -9,
    RPC_CLIENT_IN_INITIAL_DOWNLOAD = -10,
    RPC_CLIENT_NODE_ALREADY_ADDED = -23,
    RPC_CLIENT_NODE_NOT_ADDED = -24,
    RPC_CLIENT_NODE_NOT_CONNECTED = -29,
    RPC_CLIENT_INVALID_IP_OR_SUBNET = -30,
    RPC_CLIENT_P2P_DISABLED = -31,
    RPC_WALLET_NOT_FOUND = -18,
};

struct RpcError {
    int code;
    std::string message;
};

// What a method returns: a JSON result or an error.
class [[nodiscard]] RpcResult {
public:
    RpcResult(boost::json::value value) : m_state(std::move(value)) {}
    RpcResult(RpcError error) : m_state(std::move(error)) {}
    bool ok() const { return m_state.index() == 0; }
    const boost::json::value& value() const { return std::get<0>(m_state); }
    boost::json::value& value() { return std::get<0>(m_state); }
    const RpcError& error() const { return std::get<1>(m_state); }

private:
    std::variant<boost::json::value, RpcError> m_state;
};

enum class JsonRpcVersion { V1_LEGACY, V2 };

struct JsonRpcRequest {
    std::optional<boost::json::value> id; // absent: no "id" key at all
    JsonRpcVersion version{JsonRpcVersion::V1_LEGACY};
    std::string method;
    boost::json::value params; // array or object
    std::string uri;           // "/" or "/wallet/<name>"
    std::string auth_user;
    std::string peer;

    // A 2.0 request without an id: executed, never answered.
    bool IsNotification() const { return !id && version == JsonRpcVersion::V2; }
};

// Fills method, params, id and version from one request object. On error,
// `request.id` and `request.version` hold whatever was read before the
// problem, so the error reply can still carry the id.
[[nodiscard]] std::optional<RpcError> ParseJsonRpcRequest(const boost::json::value& object, JsonRpcRequest& request);

// The reply object for a result (error == nullopt) or an error.
boost::json::value JsonRpcReply(boost::json::value result, const std::optional<RpcError>& error,
                                const std::optional<boost::json::value>& id, JsonRpcVersion version);

// {"code": N, "message": "..."}
boost::json::value ErrorObject(const RpcError& error);

} // namespace rpc

#endif // UTXO_RPC_PROTOCOL_H
