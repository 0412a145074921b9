#include <cli/json_read.h>
#include <json/number.h>
#include <json/write.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(json_read_tests)

BOOST_AUTO_TEST_CASE(reads_any_value_at_top_level)
{
    BOOST_CHECK(cli::ReadJson("true")->as_bool());
    BOOST_CHECK(cli::ReadJson(" null \n")->is_null());
    BOOST_CHECK_EQUAL(cli::ReadJson("\"text\"")->as_string(), "text");
    BOOST_CHECK_EQUAL(*json::AsRawNumber(*cli::ReadJson("\t-12\r\n")), "-12");
    BOOST_CHECK(cli::ReadJson("[]")->as_array().empty());
    BOOST_CHECK(cli::ReadJson("{}")->as_object().empty());
}

BOOST_AUTO_TEST_CASE(numbers_keep_their_text)
{
    // What the server sends is printed as sent, and what the user types is sent as typed.
    for (const char* text : {"0.10", "0.00100000", "1e3", "-0", "1E+2", "123456789012345678901234567890", "4.656542373906925e-10"}) {
        auto value = cli::ReadJson(text);
        BOOST_REQUIRE_MESSAGE(value, text);
        BOOST_CHECK_EQUAL(json::WriteJson(*value), text);
    }
    const auto nested = cli::ReadJson(R"({"amount": 0.50000000, "list": [1.0, 2]})");
    BOOST_REQUIRE(nested);
    BOOST_CHECK_EQUAL(json::WriteJson(*nested), R"({"amount":0.50000000,"list":[1.0,2]})");
}

BOOST_AUTO_TEST_CASE(rejects_what_univalue_rejects)
{
    for (const char* text : {"", " ", "01", "-01", "+1", ".5", "1.", "1e", "--1", "tru", "nul", "[1,]", "[1 2]",
                             "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "\"unterminated", "1 2", "[1]]", "\"\\x\"",
                             "\"tab\there\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\u12\"", "'single'", "NaN"}) {
        BOOST_CHECK_MESSAGE(!cli::ReadJson(text), text);
    }
}

BOOST_AUTO_TEST_CASE(strings_and_escapes)
{
    const auto value = cli::ReadJson(R"("a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00")");
    BOOST_REQUIRE(value);
    BOOST_CHECK_EQUAL(value->as_string(), "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80");
    // UTF-8 is checked for shape; bad sequences are refused.
    BOOST_CHECK(cli::ReadJson("\"\xC3\xA9\""));
    BOOST_CHECK(!cli::ReadJson("\"\xC3\""));
    BOOST_CHECK(!cli::ReadJson("\"\xFF\""));
    // The tag of json::RawNumber can never come from the reader.
    BOOST_CHECK(!cli::ReadJson("\"\xC0\x80" "1\""));
}

BOOST_AUTO_TEST_CASE(objects_keep_their_order_and_depth_is_limited)
{
    const auto object = cli::ReadJson(R"({"z":1,"a":{"b":[true,false,null]},"m":"x"})");
    BOOST_REQUIRE(object);
    BOOST_CHECK_EQUAL(json::WriteJson(*object), R"({"z":1,"a":{"b":[true,false,null]},"m":"x"})");
    BOOST_CHECK(cli::ReadJson(std::string(512, '[') + std::string(512, ']')));
    BOOST_CHECK(!cli::ReadJson(std::string(513, '[') + std::string(513, ']')));
}

BOOST_AUTO_TEST_SUITE_END()
