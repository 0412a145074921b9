#include <primitives/uint256.h>

#include <boost/test/unit_test.hpp>

using primitives::BlockHash;
using primitives::Txid;
using primitives::Uint160;
using primitives::Uint256;

BOOST_AUTO_TEST_SUITE(uint256_tests)

BOOST_AUTO_TEST_CASE(hex_is_byte_reversed)
{
    const std::string genesis = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    const auto hash = Uint256::FromHex(genesis);
    BOOST_REQUIRE(hash);
    // Internal order is little-endian: the displayed leading zeros are the last bytes.
    BOOST_CHECK_EQUAL(hash->data()[0], 0x6f);
    BOOST_CHECK_EQUAL(hash->data()[31], 0x00);
    BOOST_CHECK_EQUAL(hash->ToHex(), genesis);
    BOOST_CHECK(!hash->IsNull());
    BOOST_CHECK(Uint256().IsNull());
    BOOST_CHECK_EQUAL(Uint256().ToHex(), std::string(64, '0'));
}

BOOST_AUTO_TEST_CASE(from_hex_rejects_malformed)
{
    BOOST_CHECK(!Uint256::FromHex(""));
    BOOST_CHECK(!Uint256::FromHex(std::string(63, '0')));
    BOOST_CHECK(!Uint256::FromHex(std::string(65, '0')));
    BOOST_CHECK(!Uint256::FromHex(std::string(62, '0') + "0g"));
    BOOST_CHECK(!Uint256::FromHex(" " + std::string(63, '0')));
    BOOST_CHECK(Uint256::FromHex(std::string(64, 'F')));
    BOOST_CHECK(Uint160::FromHex(std::string(40, 'a')));
    BOOST_CHECK(!Uint160::FromHex(std::string(64, 'a')));
}

BOOST_AUTO_TEST_CASE(ordering_and_tags)
{
    const auto a = Uint256::FromHex("0100000000000000000000000000000000000000000000000000000000000000");
    const auto b = Uint256::FromHex("0000000000000000000000000000000000000000000000000000000000000002");
    BOOST_REQUIRE(a && b);
    // Ordering is by internal bytes: b's first byte (0x02) is larger than a's (0x00).
    BOOST_CHECK(*a < *b);
    BOOST_CHECK(*a != *b);
    const Txid txid(*a);
    const BlockHash block(*a);
    BOOST_CHECK(txid.AsUint256() == block.AsUint256());
    BOOST_CHECK_EQUAL(Txid::FromHex(a->ToHex())->ToHex(), a->ToHex());
    BOOST_CHECK_EQUAL(a->GetUint64(3), 0x0100000000000000ULL);
}

BOOST_AUTO_TEST_SUITE_END()
