#include <cli/rpc_reply.h>

#include <cli/json_access.h>
#include <cli/json_read.h>
#include <json/write.h>

#include <boost/json.hpp>

#include <cstdlib>

namespace cli {
namespace {

constexpr int HTTP_BAD_REQUEST = 400;
constexpr int HTTP_UNAUTHORIZED = 401;
constexpr int HTTP_NOT_FOUND = 404;
constexpr int HTTP_INTERNAL_SERVER_ERROR = 500;
constexpr int HTTP_SERVICE_UNAVAILABLE = 503;

// RPC_WALLET_NOT_SPECIFIED: several wallets are loaded and none was named.
constexpr int RPC_WALLET_NOT_SPECIFIED = -19;

} // namespace

util::Result<boost::json::value> ParseHttpReply(int status, std::string_view body, bool cookie_missing,
                                                std::string_view config_path)
{
    if (status == HTTP_UNAUTHORIZED) {
        if (cookie_missing) {
            return util::Error{"Could not locate RPC credentials. No authentication cookie could be found, and RPC "
                               "password is not set.  See -rpcpassword and -stdinrpcpass.  Configuration file: (" +
                               std::string(config_path) + ")"};
        }
        return util::Error{"Authorization failed: Incorrect rpcuser or rpcpassword"};
    }
    if (status == HTTP_SERVICE_UNAVAILABLE) return util::Error{"Server response: " + std::string(body)};
    if (status >= 400 && status != HTTP_BAD_REQUEST && status != HTTP_NOT_FOUND && status != HTTP_INTERNAL_SERVER_ERROR) {
        return util::Error{"server returned HTTP error " + std::to_string(status)};
    }
    if (body.empty()) return util::Error{"no response from server"};
    auto reply = ReadJson(body);
    if (!reply) return util::Error{"couldn't parse reply from server"};
    return std::move(*reply);
}

util::Result<boost::json::value> CheckReplyObject(const boost::json::value& reply)
{
    if (!reply.is_object()) return util::Error{NotOfTypeError(reply, "object")};
    if (reply.get_object().empty()) return util::Error{"expected reply to have result, error and id properties"};
    return reply;
}

std::string FormatResult(const boost::json::value& result)
{
    if (result.is_null()) return {};
    if (result.is_string() && !IsNumber(result)) return std::string(result.get_string());
    return json::WriteJson(result, 2);
}

Output FormatRpcError(const boost::json::value& error)
{
    std::string text;
    if (error.is_object()) {
        const auto& code = Member(error, "code");
        const auto& message = Member(error, "message");
        if (!code.is_null()) text = "error code: " + ValueString(code) + "\n";
        if (message.is_string() && !IsNumber(message)) text += "error message:\n" + std::string(message.get_string());
        if (IsNumber(code)) {
            if (auto n = GetInt(code); n && *n == RPC_WALLET_NOT_SPECIFIED) {
                text += " Or for the CLI, specify the \"-rpcwallet=<walletname>\" option before the command (run "
                        "\"utxo-cli -h\" for help or \"utxo-cli listwallets\" to see which wallets are currently "
                        "loaded).";
            }
        }
    } else {
        text = "error: " + json::WriteJson(error, 0);
    }
    const auto code = GetInt(Member(error, "code"));
    if (!code) return Output{"error: " + code.error(), EXIT_FAILURE};
    return Output{text, std::abs(*code)};
}

Output FormatReply(const boost::json::value& reply)
{
    const auto& error = Member(reply, "error");
    if (!error.is_null()) return FormatRpcError(error);
    return Output{FormatResult(Member(reply, "result")), 0};
}

} // namespace cli
