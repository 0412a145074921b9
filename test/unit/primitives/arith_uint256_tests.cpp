#include <primitives/arith_uint256.h>

#include <boost/test/unit_test.hpp>

using primitives::ArithUint256;

namespace {

ArithUint256 FromHex(const std::string& hex)
{
    std::string padded = std::string(64 - hex.size(), '0') + hex;
    return ArithUint256::FromUint256(*primitives::Uint256::FromHex(padded));
}

struct CompactCase {
    uint32_t compact;
    const char* value_hex; // big-endian, leading zeros omitted
    bool negative;
    bool overflow;
    uint32_t reencoded;    // ToCompact(negative)
};

} // namespace

BOOST_AUTO_TEST_SUITE(arith_uint256_tests)

BOOST_AUTO_TEST_CASE(compact_encoding_edge_cases)
{
    // The nBits cases Bitcoin Core's arith_uint256 tests exercise: zero
    // mantissas in every size, sign bits, sizes below and above 3, overflow.
    const CompactCase cases[] = {
        {0x00000000, "0", false, false, 0},
        {0x00123456, "0", false, false, 0},
        {0x01003456, "0", false, false, 0},
        {0x02000056, "0", false, false, 0},
        {0x03000000, "0", false, false, 0},
        {0x04000000, "0", false, false, 0},
        {0x00923456, "0", false, false, 0},
        {0x01803456, "0", false, false, 0},
        {0x02800056, "0", false, false, 0},
        {0x03800000, "0", false, false, 0},
        {0x04800000, "0", false, false, 0},
        {0x01123456, "12", false, false, 0x01120000},
        {0x01fedcba, "7e", true, false, 0x01fe0000},
        {0x02123456, "1234", false, false, 0x02123400},
        {0x03123456, "123456", false, false, 0x03123456},
        {0x04123456, "12345600", false, false, 0x04123456},
        {0x04923456, "12345600", true, false, 0x04923456},
        {0x05009234, "92340000", false, false, 0x05009234},
        {0x20123456, "1234560000000000000000000000000000000000000000000000000000000000", false, false, 0x20123456},
        {0x1d00ffff, "ffff0000000000000000000000000000000000000000000000000000", false, false, 0x1d00ffff},
    };
    for (const CompactCase& c : cases) {
        bool negative = false, overflow = false;
        const ArithUint256 value = ArithUint256::FromCompact(c.compact, &negative, &overflow);
        BOOST_CHECK_MESSAGE(value == FromHex(c.value_hex), "value of " << std::hex << c.compact);
        BOOST_CHECK_EQUAL(negative, c.negative);
        BOOST_CHECK_EQUAL(overflow, c.overflow);
        BOOST_CHECK_EQUAL(value.ToCompact(negative), c.reencoded);
    }
}

BOOST_AUTO_TEST_CASE(compact_overflow)
{
    bool negative = false, overflow = false;
    ArithUint256::FromCompact(0xff123456, &negative, &overflow);
    BOOST_CHECK(overflow);
    ArithUint256::FromCompact(0x21010000, &negative, &overflow); // 0x0100 << 8*30: 257 bits needed
    BOOST_CHECK(overflow);
    ArithUint256::FromCompact(0x22000001, &negative, &overflow); // 1 << 8*31 fits
    BOOST_CHECK(!overflow);
    ArithUint256::FromCompact(0x23000001, &negative, &overflow); // 1 << 8*32 does not
    BOOST_CHECK(overflow);
    // A zero mantissa never overflows, whatever its size.
    ArithUint256::FromCompact(0xff000000, &negative, &overflow);
    BOOST_CHECK(!overflow);
    // Values whose top byte has bit 7 set gain a byte so the sign bit stays clear.
    BOOST_CHECK_EQUAL(ArithUint256(0x80).ToCompact(), 0x02008000u);
    BOOST_CHECK_EQUAL(FromHex("ffff").ToCompact(), 0x0300ffffu);
}

BOOST_AUTO_TEST_CASE(arithmetic)
{
    const ArithUint256 one(1);
    const ArithUint256 max = ~ArithUint256(0);
    BOOST_CHECK(max + one == ArithUint256(0)); // wraps
    BOOST_CHECK(ArithUint256(0) - one == max);
    BOOST_CHECK_EQUAL(max.Bits(), 256u);
    BOOST_CHECK_EQUAL(ArithUint256(0).Bits(), 0u);
    BOOST_CHECK_EQUAL((one << 200).Bits(), 201u);
    BOOST_CHECK((one << 256) == ArithUint256(0));
    BOOST_CHECK(((one << 130) >> 129) == ArithUint256(2));
    BOOST_CHECK((FromHex("ffffffffffffffff") * FromHex("ffffffffffffffff")) == FromHex("fffffffffffffffe0000000000000001"));
    BOOST_CHECK((FromHex("fffffffffffffffe0000000000000001") / FromHex("ffffffffffffffff")) == FromHex("ffffffffffffffff"));
    BOOST_CHECK((ArithUint256(7) / ArithUint256(8)) == ArithUint256(0));
    BOOST_CHECK((ArithUint256(1000) * 3u) == ArithUint256(3000));
    BOOST_CHECK(FromHex("10000000000000000") > FromHex("ffffffffffffffff"));
    BOOST_CHECK_EQUAL(FromHex("123456789abcdef0123456789abcdef0").ToHex(),
                      "00000000000000000000000000000000123456789abcdef0123456789abcdef0");
}

BOOST_AUTO_TEST_CASE(block_work_of_difficulty_one)
{
    // Work of a block at target T is 2^256 / (T + 1) = ~T / (T + 1) + 1. At the
    // main-network proof-of-work limit that is 0x100010001 (4295032833).
    const ArithUint256 target = ArithUint256::FromCompact(0x1d00ffff);
    const ArithUint256 work = (~target / (target + 1)) + 1;
    BOOST_CHECK(work == ArithUint256(0x100010001ULL));
}

BOOST_AUTO_TEST_SUITE_END()
