#include <cli/getinfo_text.h>
#include <cli/json_read.h>
#include <cli/netinfo.h>
#include <cli/request_handlers.h>
#include <json/write.h>
#include <util/clock.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

namespace {

boost::json::value Json(const std::string& text)
{
    auto value = cli::ReadJson(text);
    BOOST_REQUIRE_MESSAGE(value, text);
    return *value;
}

const char* const NETWORK_INFO = R"({"version":290000,"subversion":"/utxod:0.1.0/","protocolversion":70016,
  "timeoffset":0,"connections":3,"connections_in":1,"connections_out":2,
  "networks":[{"name":"ipv4","reachable":true,"proxy":"127.0.0.1:9050"},{"name":"ipv6","reachable":true,"proxy":""},
              {"name":"onion","reachable":false,"proxy":"127.0.0.1:9050"}],
  "relayfee":0.00001000,"localaddresses":[],"warnings":""})";
const char* const CHAIN_INFO = R"({"chain":"regtest","blocks":101,"headers":101,"verificationprogress":1,"difficulty":4.656542373906925e-10})";

} // namespace

BOOST_AUTO_TEST_SUITE(request_handlers_tests)

BOOST_AUTO_TEST_CASE(default_handler_builds_json_rpc_1_requests)
{
    cli::DefaultHandler positional(false);
    auto request = positional.PrepareRequest("getblockhash", {"0"});
    BOOST_REQUIRE(request);
    BOOST_CHECK_EQUAL(json::WriteJson(*request), R"({"method":"getblockhash","params":[0],"id":1})");
    cli::DefaultHandler named(true);
    request = named.PrepareRequest("getblockhash", {"height=0"});
    BOOST_REQUIRE(request);
    BOOST_CHECK_EQUAL(json::WriteJson(*request), R"({"method":"getblockhash","params":{"height":0},"id":1})");
    request = positional.PrepareRequest("getblockhash", {"x"});
    BOOST_REQUIRE(!request);
    BOOST_CHECK_EQUAL(request.error(), "Error parsing JSON: x");
    auto reply = positional.ProcessReply(Json("[1]"));
    BOOST_REQUIRE(!reply);
    BOOST_CHECK_EQUAL(reply.error(), "JSON value of type array is not of expected type object");
}

BOOST_AUTO_TEST_CASE(batch_replies_are_ordered_by_id)
{
    auto batch = cli::ProcessBatchReply(Json(R"([{"id":1,"result":"b"},{"id":0,"result":"a"}])"));
    BOOST_REQUIRE(batch);
    BOOST_CHECK_EQUAL(json::WriteJson((*batch)[0]), R"({"id":0,"result":"a"})");
    BOOST_CHECK_EQUAL(cli::ProcessBatchReply(Json("{}")).error(), "Batch must be an array");
    BOOST_CHECK_EQUAL(cli::ProcessBatchReply(Json("[1]")).error(), "Batch member must be an object");
    BOOST_CHECK_EQUAL(cli::ProcessBatchReply(Json(R"([{"id":1}])")).error(), "Batch member id is larger than batch size");
    BOOST_CHECK_EQUAL(cli::ProcessBatchReply(Json(R"([{"id":"0"}])")).error(),
                      "JSON value of type string is not of expected type number");
}

BOOST_AUTO_TEST_CASE(getinfo_request_and_reply)
{
    cli::GetinfoHandler handler;
    BOOST_CHECK_EQUAL(handler.PrepareRequest("", {"x"}).error(), "-getinfo takes no arguments");
    auto request = handler.PrepareRequest("", {});
    BOOST_REQUIRE(request);
    BOOST_CHECK_EQUAL(json::WriteJson(*request),
                      R"([{"method":"getnetworkinfo","params":null,"id":0},{"method":"getblockchaininfo","params":null,"id":1},)"
                      R"({"method":"getwalletinfo","params":null,"id":2},{"method":"getbalances","params":null,"id":3}])");

    // No wallet: its calls fail and are left out.
    const std::string batch = std::string("[{\"result\":") + NETWORK_INFO + ",\"error\":null,\"id\":0},{\"result\":" +
                              CHAIN_INFO + ",\"error\":null,\"id\":1}," +
                              R"({"result":null,"error":{"code":-32601,"message":"Method not found"},"id":2},)" +
                              R"({"result":null,"error":{"code":-32601,"message":"Method not found"},"id":3}])";
    auto reply = handler.ProcessReply(Json(batch));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(reply->at("result")),
                      R"({"version":290000,"blocks":101,"headers":101,"verificationprogress":1,"timeoffset":0,)"
                      R"("connections":{"in":1,"out":2,"total":3},"networks":[{"name":"ipv4","reachable":true,"proxy":"127.0.0.1:9050"},)"
                      R"({"name":"ipv6","reachable":true,"proxy":""},{"name":"onion","reachable":false,"proxy":"127.0.0.1:9050"}],)"
                      R"("difficulty":4.656542373906925e-10,"chain":"regtest","relayfee":0.00001000,"warnings":""})");

    auto page = cli::FormatGetinfo(reply->at("result"), false);
    BOOST_REQUIRE(page);
    BOOST_CHECK_EQUAL(*page, "Chain: regtest\n"
                             "Blocks: 101\n"
                             "Headers: 101\n"
                             "Verification progress: 100.0000%\n"
                             "Difficulty: 4.656542373906925e-10\n\n"
                             "Network: in 1, out 2, total 3\n"
                             "Version: 290000\n"
                             "Time offset (s): 0\n"
                             "Proxies: 127.0.0.1:9050 (ipv4, onion)\n"
                             "Min tx relay fee rate (BTC/kvB): 0.00001000\n\n"
                             "Warnings: (none)");

    // A failing node call is the reply.
    reply = handler.ProcessReply(Json(R"([{"result":null,"error":{"code":-28,"message":"Loading block index..."},"id":0},{"id":1},{"id":2},{"id":3}])"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(*reply), R"({"result":null,"error":{"code":-28,"message":"Loading block index..."},"id":0})");
}

BOOST_AUTO_TEST_CASE(getinfo_page_with_wallet_and_progress)
{
    auto result = Json(R"({"version":1,"blocks":5,"headers":900,"verificationprogress":0.5,"timeoffset":-2,
        "connections":{"in":0,"out":0,"total":0},"networks":[],"difficulty":1,"chain":"main","has_wallet":true,
        "keypoolsize":1000,"walletname":"","paytxfee":0.00000000,"balance":1.50000000,"relayfee":0.00001000,
        "warnings":"careful","balances":{"":1.00000000,"w2":123456.78900000}})");
    auto page = cli::FormatGetinfo(result, true);
    BOOST_REQUIRE(page);
    BOOST_CHECK_EQUAL(cli::ProgressBar(0.5), "\u2592\u2592\u2592\u2592\u2592\u2592\u2592\u2592\u2592\u2592"
                                             "\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591");
    BOOST_CHECK_EQUAL(*page, "\x1B[34mChain: main\x1B[0m\n"
                             "Blocks: 5\n"
                             "Headers: 900\n"
                             "Verification progress: " + cli::ProgressBar(0.5) + " 50.0000%\n"
                             "Difficulty: 1\n\n"
                             "\x1B[32mNetwork: in 0, out 0, total 0\x1B[0m\n"
                             "Version: 1\n"
                             "Time offset (s): -2\n"
                             "Proxies: n/a\n"
                             "Min tx relay fee rate (BTC/kvB): 0.00001000\n\n"
                             "\x1B[35mWallet: \"\"\x1B[0m\n"
                             "Keypool size: 1000\n"
                             "Transaction fee rate (-paytxfee) (BTC/kvB): 0.00000000\n\n"
                             "\x1B[36mBalance:\x1B[0m 1.50000000\n\n"
                             "\x1B[36mBalances\x1B[0m\n"
                             "     1.00000000 \"\"\n"
                             "123456.78900000 w2\n\n"
                             "\x1B[33mWarnings:\x1B[0m careful");
    result.as_object()["verificationprogress"] = nullptr;
    BOOST_CHECK_EQUAL(cli::FormatGetinfo(result, false).error(), "JSON value of type null is not of expected type number");
    BOOST_CHECK_EQUAL(*cli::ShouldColorize("auto", true), true);
    BOOST_CHECK_EQUAL(*cli::ShouldColorize("auto", false), false);
    BOOST_CHECK_EQUAL(*cli::ShouldColorize("never", true), false);
    BOOST_CHECK_EQUAL(*cli::ShouldColorize("always", false), true);
    BOOST_CHECK(!cli::ShouldColorize("sometimes", true));
}

BOOST_AUTO_TEST_CASE(generate_arguments_and_reply)
{
    BOOST_CHECK(*cli::GenerateToAddressArgs("addr", {}) == (std::vector<std::string>{"1", "addr"}));
    BOOST_CHECK(*cli::GenerateToAddressArgs("addr", {"5"}) == (std::vector<std::string>{"5", "addr"}));
    BOOST_CHECK(*cli::GenerateToAddressArgs("addr", {"5", "9"}) == (std::vector<std::string>{"5", "addr", "9"}));
    BOOST_CHECK_EQUAL(cli::GenerateToAddressArgs("addr", {"1", "2", "3"}).error(),
                      "too many arguments (maximum 2 for nblocks and maxtries)");
    BOOST_CHECK_EQUAL(cli::GenerateToAddressArgs("addr", {"0"}).error(),
                      "the first argument (number of blocks to generate, default: 1) must be an integer value greater than zero");

    cli::GenerateHandler handler;
    auto request = handler.PrepareRequest("", {"2", "bcrt1qaddr"});
    BOOST_REQUIRE(request);
    BOOST_CHECK_EQUAL(json::WriteJson(*request), R"({"method":"generatetoaddress","params":[2,"bcrt1qaddr"],"id":1})");
    auto reply = handler.ProcessReply(Json(R"({"result":["h1","h2"],"error":null,"id":1})"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(*reply), R"({"result":{"address":"bcrt1qaddr","blocks":["h1","h2"]},"error":null,"id":1})");
    reply = handler.ProcessReply(Json(R"({"result":null,"error":{"code":-1,"message":"no"},"id":1})"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(*reply), R"({"result":{"address":"bcrt1qaddr","blocks":null},"error":null,"id":1})");
}

BOOST_AUTO_TEST_CASE(addrinfo_counts_per_network)
{
    cli::AddrinfoHandler handler;
    BOOST_CHECK_EQUAL(json::WriteJson(*handler.PrepareRequest("", {})), R"({"method":"getnodeaddresses","params":[0],"id":1})");
    auto reply = handler.ProcessReply(Json(R"({"result":[{"network":"ipv4","address":"1.2.3.4"},
        {"network":"onion","address":"abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion"},{"network":"ipv4","address":"5.6.7.8"}],"error":null,"id":1})"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(reply->at("result")),
                      R"({"addresses_known":{"ipv4":2,"ipv6":0,"torv2":0,"torv3":1,"i2p":0,"cjdns":0,"total":3}})");
}

BOOST_AUTO_TEST_CASE(netinfo_passes_errors_on_and_counts_peers)
{
    const util::FixedClock clock(0);
    cli::NetinfoHandler handler("v0.1.0", "regtest", clock);
    BOOST_CHECK_EQUAL(json::WriteJson(*handler.PrepareRequest("", {})),
                      R"([{"method":"getpeerinfo","params":null,"id":0},{"method":"getnetworkinfo","params":null,"id":1}])");
    BOOST_CHECK(!handler.PrepareRequest("", {"x"}));
    BOOST_CHECK(!handler.PrepareRequest("", {"0", "outonly"}));
    BOOST_CHECK(handler.PrepareRequest("", {"1", "o"}));

    auto reply = handler.ProcessReply(Json(R"([{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":0},{"result":{},"error":null,"id":1}])"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(*reply), R"({"result":null,"error":{"code":-32601,"message":"Method not found"},"id":0})");

    const std::string batch = std::string(R"([{"result":[{"network":"ipv4","inbound":true,"connection_type":"inbound"},)") +
                              R"({"network":"ipv4","inbound":false,"connection_type":"block-relay-only"}],"error":null,"id":0},)" +
                              "{\"result\":" + NETWORK_INFO + ",\"error\":null,\"id\":1}]";
    BOOST_REQUIRE(handler.PrepareRequest("", {}));
    reply = handler.ProcessReply(Json(batch));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(std::string(reply->at("result").as_string()),
                      "utxod client v0.1.0 regtest - server 70016/utxod:0.1.0/\n\n"
                      "         ipv4    ipv6   total   block\n"
                      "in          1       0       1\n"
                      "out         1       0       1       1\n"
                      "total       2       0       2\n\n"
                      "Local addresses: n/a\n");
}

BOOST_AUTO_TEST_SUITE_END()
