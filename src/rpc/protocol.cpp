#include <rpc/protocol.h>

#include <boost/json/object.hpp>

namespace rpc {

std::optional<RpcError> ParseJsonRpcRequest(const boost::json::value& value, JsonRpcRequest& request)
{
    if (!value.is_object()) return RpcError{RPC_INVALID_REQUEST, "Invalid Request object"};
    const boost::json::object& object = value.get_object();

    // The id first, so every later error is answered with it.
    if (const auto* id = object.if_contains("id")) {
        request.id = *id;
    } else {
        request.id.reset();
    }

    request.version = JsonRpcVersion::V1_LEGACY;
    if (const auto* version = object.if_contains("jsonrpc"); version && !version->is_null()) {
        if (!version->is_string()) return RpcError{RPC_INVALID_REQUEST, "jsonrpc field must be a string"};
        // Some old documentation put "jsonrpc":"1.0" in requests; it means legacy.
        if (version->get_string() == "2.0") {
            request.version = JsonRpcVersion::V2;
        } else if (version->get_string() != "1.0") {
            return RpcError{RPC_INVALID_REQUEST, "JSON-RPC version not supported"};
        }
    }

    const auto* method = object.if_contains("method");
    if (!method || method->is_null()) return RpcError{RPC_INVALID_REQUEST, "Missing method"};
    if (!method->is_string()) return RpcError{RPC_INVALID_REQUEST, "Method must be a string"};
    request.method = std::string(method->get_string());

    const auto* params = object.if_contains("params");
    if (!params || params->is_null()) {
        request.params = boost::json::array();
    } else if (params->is_array() || params->is_object()) {
        request.params = *params;
    } else {
        return RpcError{RPC_INVALID_REQUEST, "Params must be an array or object"};
    }
    return std::nullopt;
}

boost::json::value ErrorObject(const RpcError& error)
{
    boost::json::object object;
    object["code"] = error.code;
    object["message"] = error.message;
    return object;
}

boost::json::value JsonRpcReply(boost::json::value result, const std::optional<RpcError>& error,
                                const std::optional<boost::json::value>& id, JsonRpcVersion version)
{
    boost::json::object reply;
    const bool legacy = version == JsonRpcVersion::V1_LEGACY;
    if (!legacy) reply["jsonrpc"] = "2.0";
    // Legacy replies carry both fields, one null; 2.0 omits the unused one.
    if (!error) {
        reply["result"] = std::move(result);
        if (legacy) reply["error"] = nullptr;
    } else {
        if (legacy) reply["result"] = nullptr;
        reply["error"] = ErrorObject(*error);
    }
    if (id) reply["id"] = *id;
    return reply;
}

} // namespace rpc
