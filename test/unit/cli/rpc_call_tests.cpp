// One JSON-RPC call and the -rpcwait loop, against tiny servers on the loopback interface.
#include <cli/request_handlers.h>
#include <cli/rpc_call.h>
#include <json/write.h>

#include "loopback_server.h"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using test::LoopbackServer;

namespace {

cli::ConnectionSettings Settings(uint16_t port)
{
    cli::ConnectionSettings settings;
    settings.endpoint = {"127.0.0.1", port, {}};
    settings.rpcuser = "user";
    settings.rpcpassword = "pass";
    settings.config_path = "/home/u/.utxod/utxod.conf";
    settings.timeout = std::chrono::seconds(10);
    return settings;
}

// A port nothing listens on: one that was just free.
uint16_t ClosedPort()
{
    LoopbackServer probe([](int, const std::string&, size_t) {}, 0);
    return probe.port();
}

const char* const OK_REPLY = "{\"result\":101,\"error\":null,\"id\":1}\n";

} // namespace

BOOST_AUTO_TEST_SUITE(rpc_call_tests)

BOOST_AUTO_TEST_CASE(request_on_the_wire)
{
    LoopbackServer server(LoopbackServer::Reply(200, "OK", OK_REPLY));
    BOOST_REQUIRE(server.ok());
    cli::DefaultHandler handler(false);
    const auto outcome = cli::CallRpc(Settings(server.port()), handler, "getblockhash", {"0"}, std::nullopt);
    BOOST_REQUIRE_MESSAGE(outcome.reply, outcome.error.message);
    BOOST_CHECK_EQUAL(json::WriteJson(*outcome.reply), R"({"result":101,"error":null,"id":1})");
    const std::string& request = server.requests().at(0);
    BOOST_CHECK_MESSAGE(request.rfind("POST / HTTP/1.1\r\n", 0) == 0, request);
    BOOST_CHECK(request.find("\r\nAuthorization: Basic dXNlcjpwYXNz\r\n") != std::string::npos);
    BOOST_CHECK(request.find("\r\nContent-Type: application/json\r\n") != std::string::npos);
    BOOST_CHECK(request.find("\r\n\r\n{\"method\":\"getblockhash\",\"params\":[0],\"id\":1}\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wallet_endpoint_and_cookie)
{
    const auto cookie = std::filesystem::temp_directory_path() / ("utxo_cli_cookie_" + std::to_string(::getpid()));
    {
        std::ofstream(cookie) << "__cookie__:abc\n";
    }
    LoopbackServer server(LoopbackServer::Reply(200, "OK", OK_REPLY));
    BOOST_REQUIRE(server.ok());
    auto settings = Settings(server.port());
    settings.rpcpassword = "";
    settings.cookie_file = cookie;
    cli::DefaultHandler handler(false);
    const auto outcome = cli::CallRpc(settings, handler, "getbalance", {}, std::string("my wallet"));
    std::filesystem::remove(cookie);
    BOOST_REQUIRE_MESSAGE(outcome.reply, outcome.error.message);
    const std::string& request = server.requests().at(0);
    BOOST_CHECK_MESSAGE(request.rfind("POST /wallet/my%20wallet HTTP/1.1\r\n", 0) == 0, request);
    BOOST_CHECK(request.find("\r\nAuthorization: Basic X19jb29raWVfXzphYmM=\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unauthorized_without_credentials)
{
    LoopbackServer server(LoopbackServer::Reply(401, "Unauthorized", ""), 2);
    BOOST_REQUIRE(server.ok());
    auto settings = Settings(server.port());
    settings.rpcpassword = "";
    settings.cookie_file = "/nonexistent/.cookie";
    cli::DefaultHandler handler(false);
    auto outcome = cli::CallRpc(settings, handler, "getblockcount", {}, std::nullopt);
    BOOST_REQUIRE(!outcome.reply);
    BOOST_CHECK(!outcome.error.transient);
    BOOST_CHECK_EQUAL(outcome.error.message,
                      "Could not locate RPC credentials. No authentication cookie could be found, and RPC password is "
                      "not set.  See -rpcpassword and -stdinrpcpass.  Configuration file: (/home/u/.utxod/utxod.conf)");
    // Empty credentials were still sent, as bitcoin-cli sends them.
    settings.rpcpassword = "wrong";
    outcome = cli::CallRpc(settings, handler, "getblockcount", {}, std::nullopt);
    BOOST_CHECK_EQUAL(outcome.error.message, "Authorization failed: Incorrect rpcuser or rpcpassword");
    BOOST_CHECK_MESSAGE(server.requests().at(0).find("\r\nAuthorization: Basic \r\n") != std::string::npos, server.requests().at(0));
}

BOOST_AUTO_TEST_CASE(no_server)
{
    const uint16_t port = ClosedPort();
    cli::DefaultHandler handler(false);
    const std::string could_not = "Could not connect to the server 127.0.0.1:" + std::to_string(port) +
                                  "\n\nMake sure the utxod server is running and that you are connecting to the "
                                  "correct RPC port.\nUse \"utxo-cli -help\" for more info.";
    auto outcome = cli::CallRpc(Settings(port), handler, "getblockcount", {}, std::nullopt);
    BOOST_REQUIRE(!outcome.reply);
    BOOST_CHECK(outcome.error.transient);
    BOOST_CHECK_EQUAL(outcome.error.message, could_not);

    // Without -rpcwait the failure is reported at once, in bitcoin-cli's words.
    outcome = cli::ConnectAndCallRpc(Settings(port), {}, handler, "getblockcount", {}, std::nullopt);
    BOOST_CHECK_EQUAL(outcome.error.message, "timeout on transient error: " + could_not);

    // With -rpcwait and a timeout, it retries once a second until then.
    const auto start = std::chrono::steady_clock::now();
    outcome = cli::ConnectAndCallRpc(Settings(port), {true, std::chrono::seconds(1)}, handler, "getblockcount", {},
                                     std::nullopt);
    BOOST_CHECK(std::chrono::steady_clock::now() - start >= std::chrono::seconds(1));
    BOOST_CHECK_EQUAL(outcome.error.message, "timeout on transient error: " + could_not);

    // A bad argument is the user's error, not a connection problem.
    outcome = cli::ConnectAndCallRpc(Settings(port), {true, std::chrono::seconds(0)}, handler, "getblockhash", {"x"},
                                     std::nullopt);
    BOOST_CHECK(!outcome.error.transient);
    BOOST_CHECK_EQUAL(outcome.error.message, "Error parsing JSON: x");
}

BOOST_AUTO_TEST_CASE(rpcwait_retries_while_warming_up)
{
    const std::string warming = "{\"result\":null,\"error\":{\"code\":-28,\"message\":\"Loading block index...\"},\"id\":1}";
    LoopbackServer server(
        [&](int fd, const std::string& request, size_t index) {
            const std::string body = index == 0 ? warming : OK_REPLY;
            LoopbackServer::Reply(index == 0 ? 500 : 200, "X", body)(fd, request, index);
        },
        2);
    BOOST_REQUIRE(server.ok());
    cli::DefaultHandler handler(false);
    const auto outcome = cli::ConnectAndCallRpc(Settings(server.port()), {true, std::chrono::seconds(30)}, handler,
                                                "getblockcount", {}, std::nullopt);
    BOOST_REQUIRE_MESSAGE(outcome.reply, outcome.error.message);
    BOOST_CHECK_EQUAL(json::WriteJson(*outcome.reply), R"({"result":101,"error":null,"id":1})");
    BOOST_CHECK_EQUAL(server.requests().size(), 2U);
}

BOOST_AUTO_TEST_CASE(warming_up_without_rpcwait_is_an_ordinary_error_reply)
{
    LoopbackServer server(LoopbackServer::Reply(500, "Internal Server Error",
                                                "{\"result\":null,\"error\":{\"code\":-28,\"message\":\"Loading\"},\"id\":1}"));
    BOOST_REQUIRE(server.ok());
    cli::DefaultHandler handler(false);
    const auto outcome = cli::ConnectAndCallRpc(Settings(server.port()), {}, handler, "getblockcount", {}, std::nullopt);
    BOOST_REQUIRE(outcome.reply);
    BOOST_CHECK_EQUAL(json::WriteJson(outcome.reply->at("error")), R"({"code":-28,"message":"Loading"})");
}

BOOST_AUTO_TEST_SUITE_END()
