// One JSON-RPC exchange with the server, and the -rpcwait loop around it, as
// bitcoin-cli's CallRPC and ConnectAndCallRPC do them.
#ifndef UTXO_CLI_RPC_CALL_H
#define UTXO_CLI_RPC_CALL_H

#include <cli/rpc_connection.h>
#include <util/result.h>

#include <boost/json/value.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cli {

// Turns a command line into a request body and the server's reply into the
// reply object that is printed (bitcoin-cli's BaseRequestHandler).
class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    // The JSON-RPC request (an object, or an array for a batch). Errors are
    // the user's ("Error parsing JSON: ...") and end the program.
    virtual util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                            const std::vector<std::string>& args) = 0;
    // The reply object ({"result":..,"error":..,"id":..}) made from what the server sent.
    virtual util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) = 0;
};

// A JSON-RPC 1.0 request object as bitcoin-cli writes it: {"method":..,"params":..,"id":..}.
boost::json::value RequestObject(const std::string& method, boost::json::value params, int id);

// Where and how to connect; the same for every call of one run.
struct ConnectionSettings {
    Endpoint endpoint;
    std::string rpcuser;
    std::string rpcpassword;
    // Read at each call, so that -rpcwait picks up the cookie of a server
    // that starts while utxo-cli waits. nullopt: -norpccookiefile.
    std::optional<std::filesystem::path> cookie_file;
    std::string config_path;           // shown when credentials are missing
    std::chrono::seconds timeout{900}; // -rpcclienttimeout; zero or less: none
};

// Why a call failed. `transient` failures (no connection, the connection lost,
// the server warming up under -rpcwait) are the ones -rpcwait retries.
struct CallError {
    bool transient{false};
    std::string message;
};

// The text bitcoin-cli prints when it could not reach the server.
// `error_code` is libevent's (-1: none, then no "(error code ...)" part).
std::string ConnectionFailedMessage(const std::string& host, uint16_t port, int error_code,
                                    const std::string& error_description);

// Sends one request and returns the handler's reply object.
// Never throws; `wallet` selects the /wallet/<name> path.
struct CallOutcome {
    std::optional<boost::json::value> reply;
    CallError error;
};
CallOutcome CallRpc(const ConnectionSettings& settings, RequestHandler& handler, const std::string& method,
                    const std::vector<std::string>& args, const std::optional<std::string>& wallet);

// -rpcwait: retries transient failures, and replies with error -28 (warming
// up), once a second until `wait_timeout` has passed (zero or less: forever).
// A transient failure that ends the attempt reads "timeout on transient
// error: <why>", with or without -rpcwait, as in bitcoin-cli.
struct WaitSettings {
    bool wait{false};
    std::chrono::seconds wait_timeout{0};
};
CallOutcome ConnectAndCallRpc(const ConnectionSettings& settings, const WaitSettings& wait, RequestHandler& handler,
                              const std::string& method, const std::vector<std::string>& args,
                              const std::optional<std::string>& wallet);

} // namespace cli

#endif // UTXO_CLI_RPC_CALL_H
