#include "rpc_fixture.h"

#include <rpc/method.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

using test::RpcFixture;

namespace {

rpc::RpcMethod ThreeArgs()
{
    return {"test", "three", "Three arguments.",
            {{"first", rpc::ArgType::STR, false, "", "", ""},
             {"second|alias", rpc::ArgType::NUM, true, "1", "", ""},
             {"third", rpc::ArgType::BOOL, true, "", "", ""}},
            "", {}, nullptr};
}

std::string Positional(const rpc::RpcMethod& method, std::string_view named_json)
{
    boost::json::array out;
    const auto named = boost::json::parse(named_json).get_object();
    if (auto error = rpc::NamedToPositional(method, named, out)) return std::to_string(error->code) + " " + error->message;
    return boost::json::serialize(out);
}

} // namespace

BOOST_AUTO_TEST_SUITE(rpc_method_tests)

BOOST_AUTO_TEST_CASE(synopsis_and_help_text)
{
    RpcFixture f;
    BOOST_CHECK_EQUAL(f.table.Find("getblockhash")->Synopsis(), "getblockhash height");
    BOOST_CHECK_EQUAL(f.table.Find("help")->Synopsis(), "help ( \"command\" )");
    BOOST_CHECK_EQUAL(f.table.Find("logging")->Synopsis(), "logging ( [\"include_category\",...] [\"exclude_category\",...] )");
    BOOST_CHECK_EQUAL(ThreeArgs().Synopsis(), "three \"first\" ( second third )");

    const std::string help = f.table.Help("getblockhash");
    BOOST_CHECK(help.starts_with("getblockhash height\n\nReturns the hash of the block at a height of the active chain.\n\n"
                                 "Arguments:\n1. height    (numeric, required) The height\n\nResult:\n"));
    BOOST_CHECK(help.find("\nExamples:\n> utxo-cli getblockhash 1000\n> curl --user myusername --data-binary "
                          "'{\"jsonrpc\": \"2.0\", \"id\": \"curltest\", \"method\": \"getblockhash\", \"params\": "
                          "[1000]}'") != std::string::npos);
    BOOST_CHECK(f.table.Help("getmemoryinfo").find("1. mode    (string, optional, default=\"stats\")") != std::string::npos);
    BOOST_CHECK_EQUAL(f.table.Help("nosuch"), "help: unknown command: nosuch");
}

BOOST_AUTO_TEST_CASE(help_lists_categories_without_hidden_methods)
{
    RpcFixture f;
    const std::string help = f.table.Help("");
    BOOST_CHECK_EQUAL(help.substr(0, help.find("getblockstats")), "== Blockchain ==\n"
                                                                  "getbestblockhash\n"
                                                                  "getblock \"blockhash\" ( verbosity )\n"
                                                                  "getblockchaininfo\n"
                                                                  "getblockcount\n"
                                                                  "getblockhash height\n"
                                                                  "getblockheader \"blockhash\" ( verbose )\n");
    // Categories in Core's order, methods sorted within each.
    const size_t control = help.find("\n\n== Control ==\ngetmemoryinfo ( \"mode\" )\ngetrpcinfo\nhelp ( \"command\" )\n");
    const size_t generating = help.find("\n\n== Generating ==\ngenerateblock \"output\" [\"rawtx/txid\",...]");
    const size_t mining = help.find("\n\n== Mining ==\ngetblocktemplate ( {\"mode\":\"str\",");
    const size_t network = help.find("\n\n== Network ==\naddnode \"node\" \"command\" ( v2transport )\ndisconnectnode");
    BOOST_CHECK(control != std::string::npos && generating != std::string::npos && mining != std::string::npos &&
                network != std::string::npos);
    BOOST_CHECK(control < generating && generating < mining && mining < network);
    BOOST_CHECK(help.find("invalidateblock") == std::string::npos);
    BOOST_CHECK(help.find("echo") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(parameter_checks)
{
    const rpc::RpcMethod method = ThreeArgs();
    const auto check = [&](std::string_view params) -> std::string {
        auto error = method.CheckParams(boost::json::parse(params).get_array());
        return error ? std::to_string(error->code) + " " + error->message : "ok";
    };
    BOOST_CHECK_EQUAL(check(R"(["a"])"), "ok");
    BOOST_CHECK_EQUAL(check(R"(["a", null, null])"), "ok");
    BOOST_CHECK_EQUAL(check(R"(["a", 1.5, false])"), "ok");
    BOOST_CHECK_EQUAL(check("[]"), "-1 " + method.HelpText());
    BOOST_CHECK_EQUAL(check(R"(["a", 1, true, 4])"), "-1 " + method.HelpText());
    BOOST_CHECK_EQUAL(check(R"([null])"), "-3 Wrong type passed:\n{\n    \"Position 1 (first)\": \"JSON value of type "
                                          "null is not of expected type string\"\n}");
    BOOST_CHECK_EQUAL(check(R"([1, "2", 3])"),
                      "-3 Wrong type passed:\n{\n"
                      "    \"Position 1 (first)\": \"JSON value of type number is not of expected type string\",\n"
                      "    \"Position 2 (second|alias)\": \"JSON value of type string is not of expected type number\",\n"
                      "    \"Position 3 (third)\": \"JSON value of type number is not of expected type bool\"\n}");
}

BOOST_AUTO_TEST_CASE(named_parameters)
{
    const rpc::RpcMethod method = ThreeArgs();
    BOOST_CHECK_EQUAL(Positional(method, R"({"first":"a"})"), R"(["a"])");
    BOOST_CHECK_EQUAL(Positional(method, R"({"third":true,"first":"a"})"), R"(["a",null,true])");
    BOOST_CHECK_EQUAL(Positional(method, R"({"alias":2})"), R"([null,2])");
    BOOST_CHECK_EQUAL(Positional(method, R"({})"), "[]");
    BOOST_CHECK_EQUAL(Positional(method, R"({"first":"a","fourth":1})"), "-8 Unknown named parameter fourth");
    // "args" supplies leading positional values, named ones follow.
    BOOST_CHECK_EQUAL(Positional(method, R"({"args":["a"],"third":false})"), R"(["a",null,false])");
    BOOST_CHECK_EQUAL(Positional(method, R"({"args":["a",5]})"), R"(["a",5])");
    BOOST_CHECK_EQUAL(Positional(method, R"({"args":["a",5],"second":1})"),
                      "-8 Parameter second|alias specified twice both as positional and named argument");
}

BOOST_AUTO_TEST_SUITE_END()
