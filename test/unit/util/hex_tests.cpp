#include <util/hex.h>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(hex_tests)

BOOST_AUTO_TEST_CASE(encode)
{
    const util::Bytes bytes{0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "00017f80abff");
    BOOST_CHECK_EQUAL(util::HexStr({}), "");
}

BOOST_AUTO_TEST_CASE(decode_round_trip)
{
    const auto bytes = util::TryParseHex("00017F80abFF");
    BOOST_REQUIRE(bytes);
    BOOST_CHECK_EQUAL(util::HexStr(*bytes), "00017f80abff");
    const auto empty = util::TryParseHex("");
    BOOST_REQUIRE(empty);
    BOOST_CHECK(empty->empty());
}

BOOST_AUTO_TEST_CASE(decode_rejects_malformed)
{
    BOOST_CHECK(!util::TryParseHex("0"));        // odd length
    BOOST_CHECK(!util::TryParseHex("0g"));       // not a digit
    BOOST_CHECK(!util::TryParseHex(" 00"));      // whitespace
    BOOST_CHECK(!util::TryParseHex("00 "));
    BOOST_CHECK(!util::TryParseHex("0x00"));     // prefix
    BOOST_CHECK(!util::TryParseHex(std::string_view("0\0", 2)));
    BOOST_CHECK(util::IsHex("abcdef"));
    BOOST_CHECK(!util::IsHex(""));
    BOOST_CHECK(!util::IsHex("abc"));
}

BOOST_AUTO_TEST_SUITE_END()
