#include <script/script_num.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>

using namespace script;
using test::Hex;

namespace {

std::string SerHex(int64_t value) { return util::HexStr(ScriptNum::Serialize(value)); }

} // namespace

BOOST_AUTO_TEST_SUITE(script_num_tests)

BOOST_AUTO_TEST_CASE(serialize_minimal)
{
    BOOST_CHECK_EQUAL(SerHex(0), "");
    BOOST_CHECK_EQUAL(SerHex(1), "01");
    BOOST_CHECK_EQUAL(SerHex(-1), "81");
    BOOST_CHECK_EQUAL(SerHex(16), "10");
    BOOST_CHECK_EQUAL(SerHex(127), "7f");
    BOOST_CHECK_EQUAL(SerHex(-127), "ff");
    BOOST_CHECK_EQUAL(SerHex(128), "8000");
    BOOST_CHECK_EQUAL(SerHex(-128), "8080");
    BOOST_CHECK_EQUAL(SerHex(255), "ff00");
    BOOST_CHECK_EQUAL(SerHex(-255), "ff80");
    BOOST_CHECK_EQUAL(SerHex(256), "0001");
    BOOST_CHECK_EQUAL(SerHex(-256), "0081");
    BOOST_CHECK_EQUAL(SerHex(32767), "ff7f");
    BOOST_CHECK_EQUAL(SerHex(-32768), "008080");
    BOOST_CHECK_EQUAL(SerHex(std::numeric_limits<int32_t>::max()), "ffffff7f");
    BOOST_CHECK_EQUAL(SerHex(-int64_t{std::numeric_limits<int32_t>::max()}), "ffffffff");
    BOOST_CHECK_EQUAL(SerHex(std::numeric_limits<int32_t>::min()), "0000008080");
    BOOST_CHECK_EQUAL(SerHex(int64_t{1} << 32), "0000000001");
    BOOST_CHECK_EQUAL(SerHex(std::numeric_limits<int64_t>::max()), "ffffffffffffff7f");
    BOOST_CHECK_EQUAL(SerHex(std::numeric_limits<int64_t>::min()), "000000000000008080");
    BOOST_CHECK_EQUAL(util::HexStr(ScriptNum{-5}.Serialize()), "85");
}

BOOST_AUTO_TEST_CASE(decode_values)
{
    const auto dec = [](std::string_view hex) { return ScriptNum::DecodeUnchecked(Hex(hex)); };
    BOOST_CHECK_EQUAL(dec(""), 0);
    BOOST_CHECK_EQUAL(dec("00"), 0);
    BOOST_CHECK_EQUAL(dec("80"), 0); // negative zero
    BOOST_CHECK_EQUAL(dec("0080"), 0);
    BOOST_CHECK_EQUAL(dec("01"), 1);
    BOOST_CHECK_EQUAL(dec("81"), -1);
    BOOST_CHECK_EQUAL(dec("0100"), 1);
    BOOST_CHECK_EQUAL(dec("0180"), -1);
    BOOST_CHECK_EQUAL(dec("ff00"), 255);
    BOOST_CHECK_EQUAL(dec("ff80"), -255);
    BOOST_CHECK_EQUAL(dec("ffffff7f"), 2147483647);
    BOOST_CHECK_EQUAL(dec("ffffffff"), -2147483647);
    BOOST_CHECK_EQUAL(dec("ffffffff00"), 4294967295);
    BOOST_CHECK_EQUAL(dec("ffffffff80"), -4294967295);
    BOOST_CHECK_EQUAL(dec("ffffffffffffff7f"), std::numeric_limits<int64_t>::max());
    BOOST_CHECK_EQUAL(dec("ffffffffffffffff"), -std::numeric_limits<int64_t>::max());
}

BOOST_AUTO_TEST_CASE(minimal_encoding_rules)
{
    // BIP62 rule 4.
    for (const char* ok : {"", "01", "81", "7f", "ff", "8000", "8080", "ff00", "ff80", "0001", "ffffff7f", "0000008080"}) {
        BOOST_CHECK_MESSAGE(ScriptNum::IsMinimallyEncoded(Hex(ok)), ok);
        BOOST_CHECK_MESSAGE(ScriptNum::Decode(Hex(ok), true, 5).ok(), ok);
    }
    for (const char* bad : {"00", "80", "0000", "0080", "0100", "0180", "7f00", "ffff0000", "ffffff0000"}) {
        BOOST_CHECK_MESSAGE(!ScriptNum::IsMinimallyEncoded(Hex(bad)), bad);
        const auto num = ScriptNum::Decode(Hex(bad), true, 5);
        BOOST_REQUIRE(!num);
        BOOST_CHECK_EQUAL(num.error(), "non-minimally encoded script number");
        // Without the rule they decode.
        BOOST_CHECK(ScriptNum::Decode(Hex(bad), false, 5).ok());
    }
    const auto neg_zero = ScriptNum::Decode(Hex("80"), false);
    BOOST_REQUIRE(neg_zero);
    BOOST_CHECK(*neg_zero == 0);
}

BOOST_AUTO_TEST_CASE(size_limits)
{
    // Four bytes by default.
    BOOST_CHECK(ScriptNum::Decode(Hex("ffffff7f"), true).ok());
    const auto five = ScriptNum::Decode(Hex("ffffffff00"), true);
    BOOST_REQUIRE(!five);
    BOOST_CHECK_EQUAL(five.error(), "script number overflow");
    // Five for the locktime opcodes (BIP65/BIP112).
    const auto five_ok = ScriptNum::Decode(Hex("ffffffff00"), true, ScriptNum::LOCKTIME_MAX_NUM_SIZE);
    BOOST_REQUIRE(five_ok);
    BOOST_CHECK_EQUAL(five_ok->GetInt64(), 4294967295);
    BOOST_CHECK(!ScriptNum::Decode(Hex("ffffffffff00"), true, ScriptNum::LOCKTIME_MAX_NUM_SIZE));
    // Overflow is checked before minimality, as in Core.
    const auto both = ScriptNum::Decode(Hex("0000000000"), true);
    BOOST_REQUIRE(!both);
    BOOST_CHECK_EQUAL(both.error(), "script number overflow");
}

BOOST_AUTO_TEST_CASE(getint_clamps)
{
    BOOST_CHECK_EQUAL(ScriptNum{5}.GetInt(), 5);
    BOOST_CHECK_EQUAL(ScriptNum{-5}.GetInt(), -5);
    BOOST_CHECK_EQUAL(ScriptNum{std::numeric_limits<int32_t>::max()}.GetInt(), std::numeric_limits<int32_t>::max());
    BOOST_CHECK_EQUAL(ScriptNum{int64_t{1} << 31}.GetInt(), std::numeric_limits<int32_t>::max());
    BOOST_CHECK_EQUAL(ScriptNum{int64_t{1} << 40}.GetInt(), std::numeric_limits<int32_t>::max());
    BOOST_CHECK_EQUAL(ScriptNum{std::numeric_limits<int32_t>::min()}.GetInt(), std::numeric_limits<int32_t>::min());
    BOOST_CHECK_EQUAL(ScriptNum{int64_t{std::numeric_limits<int32_t>::min()} - 1}.GetInt(), std::numeric_limits<int32_t>::min());
    BOOST_CHECK_EQUAL(ScriptNum{std::numeric_limits<int64_t>::min()}.GetInt(), std::numeric_limits<int32_t>::min());
    const auto big = ScriptNum::Decode(Hex("ffffffff00"), true, 5);
    BOOST_REQUIRE(big);
    BOOST_CHECK_EQUAL(big->GetInt(), std::numeric_limits<int32_t>::max());
}

BOOST_AUTO_TEST_CASE(arithmetic)
{
    const ScriptNum a{2147483647}; // largest 4-byte operand
    const ScriptNum b{-2147483647};
    BOOST_CHECK((a + a).GetInt64() == 4294967294);
    BOOST_CHECK((b + b).GetInt64() == -4294967294);
    BOOST_CHECK((a - b).GetInt64() == 4294967294);
    BOOST_CHECK((a + 1) == 2147483648);
    BOOST_CHECK((b - 1) == -2147483648);
    BOOST_CHECK((-a) == b);
    BOOST_CHECK((ScriptNum{6} & 3) == 2);
    BOOST_CHECK((ScriptNum{6} & ScriptNum{5}) == 4);
    ScriptNum c{10};
    c += 5;
    c -= ScriptNum{3};
    BOOST_CHECK(c == 12);
    c &= 4;
    BOOST_CHECK(c == 4);
    BOOST_CHECK(ScriptNum{3} < ScriptNum{4});
    BOOST_CHECK(ScriptNum{-3} < 0);
    BOOST_CHECK(ScriptNum{3} >= 3);
    BOOST_CHECK(ScriptNum{3} != ScriptNum{4});
    // A result past 4 bytes serializes in 5 and reads back only with the 5-byte limit.
    const util::Bytes sum = (a + a).Serialize();
    BOOST_CHECK_EQUAL(util::HexStr(sum), "feffffff00");
    BOOST_CHECK(!ScriptNum::Decode(sum, true));
    BOOST_CHECK(ScriptNum::Decode(sum, true, 5).ok());
}

BOOST_AUTO_TEST_CASE(round_trip)
{
    // Serialize is always minimal and decodes back to the same value.
    const int64_t values[] = {0, 1, -1, 2, -2, 127, -127, 128, -128, 129, -129, 255, -255, 256, -256,
                              32767, -32767, 32768, -32768, 65535, -65535, 8388607, -8388607, 8388608,
                              -8388608, 2147483647, -2147483647, 2147483648, -2147483648, 4294967295,
                              -4294967295, 549755813887, -549755813887, std::numeric_limits<int64_t>::max(),
                              std::numeric_limits<int64_t>::min() + 1};
    for (const int64_t v : values) {
        const util::Bytes bytes = ScriptNum::Serialize(v);
        BOOST_CHECK(ScriptNum::IsMinimallyEncoded(bytes));
        const auto back = ScriptNum::Decode(bytes, true, 8);
        BOOST_REQUIRE(back);
        BOOST_CHECK_EQUAL(back->GetInt64(), v);
    }
}

BOOST_AUTO_TEST_CASE(minimal_iff_canonical_exhaustive)
{
    // For every encoding of up to two bytes (and a sweep of three-byte ones):
    // it is minimal exactly when serializing its value gives it back.
    const auto check = [](const util::Bytes& bytes) {
        const int64_t value = ScriptNum::DecodeUnchecked(bytes);
        const bool canonical = ScriptNum::Serialize(value) == bytes;
        BOOST_CHECK_EQUAL(ScriptNum::IsMinimallyEncoded(bytes), canonical);
        BOOST_CHECK_EQUAL(ScriptNum::Decode(bytes, true).ok(), canonical);
    };
    check({});
    for (int a = 0; a < 256; ++a) {
        check({static_cast<uint8_t>(a)});
        for (int b = 0; b < 256; ++b) check({static_cast<uint8_t>(a), static_cast<uint8_t>(b)});
    }
    for (int a = 0; a < 256; a += 17) {
        for (int b = 0; b < 256; ++b) {
            for (const int c : {0x00, 0x01, 0x7f, 0x80, 0x81, 0xff}) {
                check({static_cast<uint8_t>(a), static_cast<uint8_t>(b), static_cast<uint8_t>(c)});
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
