#include <json/number.h>
#include <json/write.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <limits>

using primitives::Amount;

BOOST_AUTO_TEST_SUITE(json_write_tests)

BOOST_AUTO_TEST_CASE(compact_form)
{
    boost::json::object o;
    o["a"] = 1;
    o["b"] = boost::json::array{true, nullptr, "x"};
    o["c"] = boost::json::object{};
    BOOST_CHECK_EQUAL(json::WriteJson(o), R"({"a":1,"b":[true,null,"x"],"c":{}})");
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value("plain")), R"("plain")");
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value(-5)), "-5");
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value(std::numeric_limits<uint64_t>::max())), "18446744073709551615");
}

BOOST_AUTO_TEST_CASE(indented_like_bitcoin_core)
{
    boost::json::object inner;
    inner["k"] = "v";
    boost::json::object o;
    o["list"] = boost::json::array{1, 2};
    o["empty"] = boost::json::array{};
    o["obj"] = inner;
    o["none"] = boost::json::object{};
    // Core writes empty containers with a line break and the closing bracket at
    // the parent's indentation.
    const std::string expected = "{\n"
                                 "  \"list\": [\n"
                                 "    1,\n"
                                 "    2\n"
                                 "  ],\n"
                                 "  \"empty\": [\n"
                                 "  ],\n"
                                 "  \"obj\": {\n"
                                 "    \"k\": \"v\"\n"
                                 "  },\n"
                                 "  \"none\": {\n"
                                 "  }\n"
                                 "}";
    BOOST_CHECK_EQUAL(json::WriteJson(o, 2), expected);
}

BOOST_AUTO_TEST_CASE(escaping)
{
    BOOST_CHECK_EQUAL(json::QuoteJsonString("a\"b\\c"), R"("a\"b\\c")");
    BOOST_CHECK_EQUAL(json::QuoteJsonString("\n\r\t\b\f"), R"("\n\r\t\b\f")");
    BOOST_CHECK_EQUAL(json::QuoteJsonString(std::string("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
    BOOST_CHECK_EQUAL(json::QuoteJsonString(std::string("\0", 1)), R"("\u0000")");
    BOOST_CHECK_EQUAL(json::QuoteJsonString("/é"), "\"/é\""); // slash and UTF-8 pass through
    boost::json::object o;
    o["we\"ird"] = "ok";
    BOOST_CHECK_EQUAL(json::WriteJson(o), R"({"we\"ird":"ok"})");
}

BOOST_AUTO_TEST_CASE(amounts_are_exact)
{
    boost::json::array a{json::AmountValue(Amount(0)), json::AmountValue(Amount(100000)),
                         json::AmountValue(Amount(-1)), json::AmountValue(Amount(std::numeric_limits<int64_t>::max()))};
    BOOST_CHECK_EQUAL(json::WriteJson(a), "[0.00000000,0.00100000,-0.00000001,92233720368.54775807]");
    // The written text parses back as numbers.
    const auto parsed = boost::json::parse(json::WriteJson(a));
    BOOST_CHECK(parsed.as_array()[1].is_double());
    BOOST_CHECK_CLOSE(parsed.as_array()[1].as_double(), 0.001, 1e-9);
}

BOOST_AUTO_TEST_CASE(raw_numbers_cannot_be_forged)
{
    // Text that merely looks like the tag but comes from elsewhere stays a string,
    // and a tagged value that is not a number is written as a string too.
    const std::string forged = std::string("\xC0\x80", 2) + "1}";
    BOOST_CHECK(!json::AsRawNumber(boost::json::value(forged)));
    BOOST_CHECK(json::WriteJson(boost::json::value(forged)).front() == '"');
    BOOST_CHECK(json::AsRawNumber(json::RawNumber("1.5e3")));
    BOOST_CHECK(json::AsRawNumber(json::RawNumber("1.5e3")) == std::string_view("1.5e3"));
    // Boost.JSON rejects the tag bytes in input, so parsed text never carries it.
    boost::system::error_code ec;
    boost::json::parse("\"\xC0\x80" "5\"", ec);
    BOOST_CHECK(ec);
}

BOOST_AUTO_TEST_CASE(json_number_grammar)
{
    for (const char* ok : {"0", "-0", "1", "10", "0.5", "-12.25", "1e5", "1E+5", "2.5e-3"}) {
        BOOST_CHECK_MESSAGE(json::IsJsonNumber(ok), ok);
    }
    for (const char* bad : {"", "-", "01", "1.", ".5", "1e", "+1", "1e+", "0x1", "1 ", "NaN", "inf"}) {
        BOOST_CHECK_MESSAGE(!json::IsJsonNumber(bad), bad);
    }
}

BOOST_AUTO_TEST_CASE(doubles_with_sixteen_digits)
{
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value(4.656542373906925e-10)), "4.656542373906925e-10");
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value(1.0)), "1");
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value(0.1)), "0.1");
    BOOST_CHECK_EQUAL(json::WriteJson(boost::json::value(std::numeric_limits<double>::infinity())), "null");
}

BOOST_AUTO_TEST_SUITE_END()
