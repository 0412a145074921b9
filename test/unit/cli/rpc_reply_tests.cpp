#include <cli/json_read.h>
#include <cli/rpc_call.h>
#include <cli/rpc_reply.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

namespace {

boost::json::value Json(const std::string& text)
{
    auto value = cli::ReadJson(text);
    BOOST_REQUIRE_MESSAGE(value, text);
    return *value;
}

} // namespace

BOOST_AUTO_TEST_SUITE(rpc_reply_tests)

BOOST_AUTO_TEST_CASE(results_print_as_bitcoin_cli_prints_them)
{
    // Strings raw, without quotes or escapes.
    BOOST_CHECK_EQUAL(cli::FormatResult(Json(R"("0f9188f1\"x\"")")), "0f9188f1\"x\"");
    // Null prints nothing at all.
    BOOST_CHECK_EQUAL(cli::FormatResult(Json("null")), "");
    // Numbers as the server wrote them.
    BOOST_CHECK_EQUAL(cli::FormatResult(Json("0.00100000")), "0.00100000");
    BOOST_CHECK_EQUAL(cli::FormatResult(Json("true")), "true");
    // Containers indented by two spaces, keys in the server's order.
    BOOST_CHECK_EQUAL(cli::FormatResult(Json(R"({"chain":"regtest","blocks":0,"list":[1,{"a":null}],"empty":[],"o":{}})")),
                      "{\n"
                      "  \"chain\": \"regtest\",\n"
                      "  \"blocks\": 0,\n"
                      "  \"list\": [\n"
                      "    1,\n"
                      "    {\n"
                      "      \"a\": null\n"
                      "    }\n"
                      "  ],\n"
                      "  \"empty\": [\n"
                      "  ],\n"
                      "  \"o\": {\n"
                      "  }\n"
                      "}");
    BOOST_CHECK_EQUAL(cli::FormatResult(Json(R"(["a"])")), "[\n  \"a\"\n]");
}

BOOST_AUTO_TEST_CASE(errors_print_code_and_message_and_exit_with_the_code)
{
    auto output = cli::FormatRpcError(Json(R"({"code":-8,"message":"Block height out of range"})"));
    BOOST_CHECK_EQUAL(output.text, "error code: -8\nerror message:\nBlock height out of range");
    BOOST_CHECK_EQUAL(output.exit_code, 8);

    output = cli::FormatRpcError(Json(R"({"code":-32601,"message":"Method not found"})"));
    BOOST_CHECK_EQUAL(output.text, "error code: -32601\nerror message:\nMethod not found");
    BOOST_CHECK_EQUAL(output.exit_code, 32601);

    output = cli::FormatRpcError(Json(R"({"code":-19,"message":"Wallet file not specified (must request wallet RPC through /wallet/<filename> uri-path)."})"));
    BOOST_CHECK_EQUAL(output.text,
                      "error code: -19\nerror message:\nWallet file not specified (must request wallet RPC through "
                      "/wallet/<filename> uri-path). Or for the CLI, specify the \"-rpcwallet=<walletname>\" option "
                      "before the command (run \"utxo-cli -h\" for help or \"utxo-cli listwallets\" to see which "
                      "wallets are currently loaded).");
    BOOST_CHECK_EQUAL(output.exit_code, 19);

    // Oddities follow UniValue: a missing message, a non-object error, a code that is no integer.
    output = cli::FormatRpcError(Json(R"({"code":-1})"));
    BOOST_CHECK_EQUAL(output.text, "error code: -1\n");
    BOOST_CHECK_EQUAL(output.exit_code, 1);
    output = cli::FormatRpcError(Json(R"("bad")"));
    BOOST_CHECK_EQUAL(output.text, "error: JSON value of type null is not of expected type number");
    BOOST_CHECK_EQUAL(output.exit_code, 1);
    output = cli::FormatRpcError(Json(R"({"message":"m"})"));
    BOOST_CHECK_EQUAL(output.text, "error: JSON value of type null is not of expected type number");
    output = cli::FormatRpcError(Json(R"({"code":1.5,"message":"m"})"));
    BOOST_CHECK_EQUAL(output.text, "error: JSON integer out of range");

    output = cli::FormatReply(Json(R"({"result":null,"error":{"code":-5,"message":"x"},"id":1})"));
    BOOST_CHECK_EQUAL(output.exit_code, 5);
    output = cli::FormatReply(Json(R"({"result":"ok","error":null,"id":1})"));
    BOOST_CHECK_EQUAL(output.text, "ok");
    BOOST_CHECK_EQUAL(output.exit_code, 0);
}

BOOST_AUTO_TEST_CASE(http_statuses)
{
    const std::string conf = "/home/u/.utxod/utxod.conf";
    auto reply = cli::ParseHttpReply(401, "", true, conf);
    BOOST_REQUIRE(!reply);
    BOOST_CHECK_EQUAL(reply.error(), "Could not locate RPC credentials. No authentication cookie could be found, and "
                                     "RPC password is not set.  See -rpcpassword and -stdinrpcpass.  Configuration "
                                     "file: (/home/u/.utxod/utxod.conf)");
    reply = cli::ParseHttpReply(401, "", false, conf);
    BOOST_REQUIRE(!reply);
    BOOST_CHECK_EQUAL(reply.error(), "Authorization failed: Incorrect rpcuser or rpcpassword");
    reply = cli::ParseHttpReply(503, "Work queue depth exceeded", false, conf);
    BOOST_REQUIRE(!reply);
    BOOST_CHECK_EQUAL(reply.error(), "Server response: Work queue depth exceeded");
    for (int status : {403, 405, 501, 502}) {
        reply = cli::ParseHttpReply(status, "{}", false, conf);
        BOOST_REQUIRE(!reply);
        BOOST_CHECK_EQUAL(reply.error(), "server returned HTTP error " + std::to_string(status));
    }
    // 400, 404 and 500 carry JSON-RPC errors and are read like 200.
    for (int status : {200, 400, 404, 500}) {
        reply = cli::ParseHttpReply(status, R"({"result":null,"error":{"code":-32601,"message":"Method not found"},"id":1})", false, conf);
        BOOST_REQUIRE_MESSAGE(reply, status);
        reply = cli::ParseHttpReply(status, "", false, conf);
        BOOST_REQUIRE(!reply);
        BOOST_CHECK_EQUAL(reply.error(), "no response from server");
        reply = cli::ParseHttpReply(status, "<html>", false, conf);
        BOOST_REQUIRE(!reply);
        BOOST_CHECK_EQUAL(reply.error(), "couldn't parse reply from server");
    }
    auto checked = cli::CheckReplyObject(Json("[]"));
    BOOST_REQUIRE(!checked);
    BOOST_CHECK_EQUAL(checked.error(), "JSON value of type array is not of expected type object");
    checked = cli::CheckReplyObject(Json("{}"));
    BOOST_REQUIRE(!checked);
    BOOST_CHECK_EQUAL(checked.error(), "expected reply to have result, error and id properties");
}

BOOST_AUTO_TEST_CASE(connection_failure_text)
{
    BOOST_CHECK_EQUAL(cli::ConnectionFailedMessage("127.0.0.1", 18443, -1, ""),
                      "Could not connect to the server 127.0.0.1:18443\n\n"
                      "Make sure the utxod server is running and that you are connecting to the correct RPC port.\n"
                      "Use \"utxo-cli -help\" for more info.");
    BOOST_CHECK_EQUAL(cli::ConnectionFailedMessage("::1", 8332, 1, "EOF reached"),
                      "Could not connect to the server ::1:8332 (error code 1 - \"EOF reached\")\n\n"
                      "Make sure the utxod server is running and that you are connecting to the correct RPC port.\n"
                      "Use \"utxo-cli -help\" for more info.");
}

BOOST_AUTO_TEST_SUITE_END()
