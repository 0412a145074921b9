#include <cli/rpc_convert.h>
#include <json/write.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

namespace {

std::string Positional(const std::string& method, const std::vector<std::string>& args)
{
    auto params = cli::ConvertPositional(method, args);
    BOOST_REQUIRE_MESSAGE(params.ok(), (params ? std::string() : params.error()));
    return json::WriteJson(*params);
}

std::string Named(const std::string& method, const std::vector<std::string>& args)
{
    auto params = cli::ConvertNamed(method, args);
    BOOST_REQUIRE_MESSAGE(params.ok(), (params ? std::string() : params.error()));
    return json::WriteJson(*params);
}

} // namespace

BOOST_AUTO_TEST_SUITE(rpc_convert_tests)

BOOST_AUTO_TEST_CASE(table_lists_bitcoin_core_json_parameters)
{
    BOOST_CHECK(cli::IsJsonParameter("getblockhash", 0));
    BOOST_CHECK(cli::IsJsonParameter("getblock", 1));
    BOOST_CHECK(!cli::IsJsonParameter("getblock", 0));
    BOOST_CHECK(cli::IsJsonParameter("getblock", "verbosity"));
    BOOST_CHECK(cli::IsJsonParameter("getblock", "verbose"));
    BOOST_CHECK(!cli::IsJsonParameter("getblock", "blockhash"));
    BOOST_CHECK(cli::IsJsonParameter("generatetoaddress", 0));
    BOOST_CHECK(!cli::IsJsonParameter("generatetoaddress", 1));
    BOOST_CHECK(cli::IsJsonParameter("generatetoaddress", 2));
    BOOST_CHECK(cli::IsJsonParameter("logging", 0));
    BOOST_CHECK(cli::IsJsonParameter("logging", 1));
    BOOST_CHECK(cli::IsJsonParameter("sendrawtransaction", 1));
    BOOST_CHECK(cli::IsJsonParameter("sendrawtransaction", "maxburnamount"));
    BOOST_CHECK(!cli::IsJsonParameter("sendrawtransaction", 0));
    for (size_t i = 0; i < 10; ++i) BOOST_CHECK(cli::IsJsonParameter("echojson", i));
    BOOST_CHECK(!cli::IsJsonParameter("echojson", 10));
    BOOST_CHECK(!cli::IsJsonParameter("echo", 0));
    BOOST_CHECK(!cli::IsJsonParameter("getmemoryinfo", 0));
    // Option keys may be given as top-level names with -named.
    BOOST_CHECK(cli::IsJsonParameter("fundrawtransaction", "fee_rate"));
    BOOST_CHECK(cli::IsJsonParameter("listunspent", "minimumAmount"));
    // Parameters added in v29 and kept from earlier releases.
    BOOST_CHECK(cli::IsJsonParameter("getdescriptoractivity", 2));
    BOOST_CHECK(cli::IsJsonParameter("getorphantxs", 0));
    BOOST_CHECK(cli::IsJsonParameter("dumptxoutset", "rollback"));
    BOOST_CHECK(cli::IsJsonParameter("importprivkey", 2));
    BOOST_CHECK(cli::IsJsonParameter("waitfornewblock", 0));
    BOOST_CHECK(cli::IsJsonParameter("stop", "wait"));
    // Strings in v29 (v30 made some of these lenient or listed them as strings).
    BOOST_CHECK(!cli::IsJsonParameter("createrawtransaction", 4));
    BOOST_CHECK(!cli::IsJsonParameter("sendtoaddress", 0));
    BOOST_CHECK(!cli::IsJsonParameter("unknownmethod", 0));
}

BOOST_AUTO_TEST_CASE(positional_arguments)
{
    BOOST_CHECK_EQUAL(Positional("getblockcount", {}), "[]");
    BOOST_CHECK_EQUAL(Positional("getblockhash", {"0"}), "[0]");
    BOOST_CHECK_EQUAL(Positional("getblock", {"00ff", "2"}), "[\"00ff\",2]");
    BOOST_CHECK_EQUAL(Positional("echo", {"1", "true", "{}"}), "[\"1\",\"true\",\"{}\"]");
    BOOST_CHECK_EQUAL(Positional("echojson", {"1", "true", "{\"a\":[null]}", "\"s\""}), "[1,true,{\"a\":[null]},\"s\"]");
    BOOST_CHECK_EQUAL(Positional("sendtoaddress", {"bcrt1q", "0.10"}), "[\"bcrt1q\",0.10]");
    BOOST_CHECK_EQUAL(Positional("logging", {"[\"net\"]", "[]"}), "[[\"net\"],[]]");
    BOOST_CHECK_EQUAL(Positional("generatetoaddress", {"1", "addr", "1000"}), "[1,\"addr\",1000]");
    // Strings pass through untouched, whatever they contain.
    BOOST_CHECK_EQUAL(Positional("echo", {"a\"b\\c\n"}), "[\"a\\\"b\\\\c\\n\"]");
}

BOOST_AUTO_TEST_CASE(bad_json_is_an_error_naming_the_argument)
{
    auto params = cli::ConvertPositional("getblockhash", {"abc"});
    BOOST_REQUIRE(!params);
    BOOST_CHECK_EQUAL(params.error(), "Error parsing JSON: abc");
    params = cli::ConvertPositional("getblock", {"notjsonisfine", "{"});
    BOOST_REQUIRE(!params);
    BOOST_CHECK_EQUAL(params.error(), "Error parsing JSON: {");
    params = cli::ConvertNamed("getblock", {"verbosity=two"});
    BOOST_REQUIRE(!params);
    BOOST_CHECK_EQUAL(params.error(), "Error parsing JSON: two");
    params = cli::ConvertPositional("getblockhash", {""});
    BOOST_REQUIRE(!params);
    BOOST_CHECK_EQUAL(params.error(), "Error parsing JSON: ");
}

BOOST_AUTO_TEST_CASE(named_arguments)
{
    BOOST_CHECK_EQUAL(Named("getblockcount", {}), "{}");
    BOOST_CHECK_EQUAL(Named("getblock", {"blockhash=00ff", "verbosity=2"}), "{\"blockhash\":\"00ff\",\"verbosity\":2}");
    // Split at the first '='; the rest is the value.
    BOOST_CHECK_EQUAL(Named("echo", {"arg0=a=b", "arg1="}), "{\"arg0\":\"a=b\",\"arg1\":\"\"}");
    // A later value replaces an earlier one in place.
    BOOST_CHECK_EQUAL(Named("getblock", {"verbosity=1", "blockhash=x", "verbosity=0"}),
                      "{\"verbosity\":0,\"blockhash\":\"x\"}");
    // Arguments without '=' are positional and go to "args", at the end,
    // converted by their position among the positional ones.
    BOOST_CHECK_EQUAL(Named("getblock", {"00ff", "verbosity=2"}), "{\"verbosity\":2,\"args\":[\"00ff\"]}");
    BOOST_CHECK_EQUAL(Named("generatetoaddress", {"3", "addr", "maxtries=5"}), "{\"maxtries\":5,\"args\":[3,\"addr\"]}");
    // An explicit "args" wins over the implicit one.
    BOOST_CHECK_EQUAL(Named("echo", {"args=x", "y"}), "{\"args\":\"x\"}");
    // Unknown names are strings.
    BOOST_CHECK_EQUAL(Named("getblock", {"other=2"}), "{\"other\":\"2\"}");
    BOOST_CHECK_EQUAL(Named("fundrawtransaction", {"hexstring=00", "fee_rate=1.5"}), "{\"hexstring\":\"00\",\"fee_rate\":1.5}");
}

BOOST_AUTO_TEST_SUITE_END()
