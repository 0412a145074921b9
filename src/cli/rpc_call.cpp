#include <cli/rpc_call.h>

#include <cli/json_access.h>
#include <cli/rpc_reply.h>
#include <http/client.h>
#include <json/write.h>

#include <boost/json.hpp>

#include <thread>
#include <variant>

namespace cli {
namespace {

// RPC_IN_WARMUP: the server is up but still loading.
constexpr int RPC_IN_WARMUP = -28;

CallOutcome Failed(bool transient, std::string message) { return CallOutcome{std::nullopt, {transient, std::move(message)}}; }

} // namespace

boost::json::value RequestObject(const std::string& method, boost::json::value params, int id)
{
    boost::json::object request;
    request["method"] = method;
    request["params"] = std::move(params);
    request["id"] = id;
    return request;
}

std::string ConnectionFailedMessage(const std::string& host, uint16_t port, int error_code,
                                    const std::string& error_description)
{
    std::string message = "Could not connect to the server " + host + ":" + std::to_string(port);
    if (error_code != -1) {
        message += " (error code " + std::to_string(error_code) + " - \"" + error_description + "\")";
    }
    message += "\n\nMake sure the utxod server is running and that you are connecting to the correct RPC port.\n"
               "Use \"utxo-cli -help\" for more info.";
    return message;
}

CallOutcome CallRpc(const ConnectionSettings& settings, RequestHandler& handler, const std::string& method,
                    const std::vector<std::string>& args, const std::optional<std::string>& wallet)
{
    const Credentials credentials = SelectCredentials(settings.rpcuser, settings.rpcpassword, settings.cookie_file);
    auto request = handler.PrepareRequest(method, args);
    if (!request) return Failed(false, request.error());

    http::ClientRequest http_request;
    http_request.host = settings.endpoint.host;
    http_request.port = settings.endpoint.port;
    http_request.target = RequestPath(wallet);
    http_request.basic_auth = credentials.user_colon_password;
    http_request.headers = {{"Content-Type", "application/json"}};
    http_request.body = json::WriteJson(*request, 0) + "\n";
    http_request.timeout = settings.timeout;

    const http::ClientResult result = http::Post(http_request);
    if (const auto* failure = std::get_if<http::ClientFailure>(&result)) {
        if (failure->kind == http::ClientFailureKind::INTERNAL) return Failed(false, failure->description);
        return Failed(true, ConnectionFailedMessage(settings.endpoint.host, settings.endpoint.port, failure->code,
                                                    failure->description));
    }
    const auto& response = std::get<http::ClientResponse>(result);
    auto body = ParseHttpReply(response.status, response.body, credentials.cookie_missing, settings.config_path);
    if (!body) return Failed(false, body.error());
    auto reply = handler.ProcessReply(*body);
    if (!reply) return Failed(false, reply.error());
    auto checked = CheckReplyObject(*reply);
    if (!checked) return Failed(false, checked.error());
    return CallOutcome{std::move(*reply), {}};
}

CallOutcome ConnectAndCallRpc(const ConnectionSettings& settings, const WaitSettings& wait, RequestHandler& handler,
                              const std::string& method, const std::vector<std::string>& args,
                              const std::optional<std::string>& wallet)
{
    const auto deadline = std::chrono::steady_clock::now() + wait.wait_timeout;
    while (true) {
        CallOutcome outcome = CallRpc(settings, handler, method, args, wallet);
        if (outcome.reply && wait.wait) {
            const auto& error = Member(*outcome.reply, "error");
            if (!error.is_null()) {
                const auto code = GetInt(Member(error, "code"));
                if (!code) return Failed(false, code.error());
                if (*code == RPC_IN_WARMUP) outcome = Failed(true, "server in warmup");
            }
        }
        if (outcome.reply || !outcome.error.transient) return outcome;
        if (wait.wait && (wait.wait_timeout.count() <= 0 || std::chrono::steady_clock::now() < deadline)) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            continue;
        }
        return Failed(true, "timeout on transient error: " + outcome.error.message);
    }
}

} // namespace cli
