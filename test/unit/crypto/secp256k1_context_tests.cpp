#include <crypto/secp256k1_context.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <array>
#include <string_view>

namespace {

util::Bytes FromHex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    BOOST_REQUIRE(bytes);
    return *bytes;
}

std::array<uint8_t, 32> X(std::string_view hex)
{
    const util::Bytes bytes = FromHex(hex);
    BOOST_REQUIRE_EQUAL(bytes.size(), 32U);
    std::array<uint8_t, 32> out;
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

// SEC 2 section 2.4.1: the secp256k1 generator G and the field prime p.
constexpr std::string_view GENERATOR_X = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
constexpr std::string_view GENERATOR_Y = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
constexpr std::string_view FIELD_PRIME = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

} // namespace

BOOST_AUTO_TEST_SUITE(secp256k1_context_tests)

BOOST_AUTO_TEST_CASE(context_is_one_and_the_same)
{
    BOOST_CHECK(crypto::Secp256k1Context() != nullptr);
    BOOST_CHECK(crypto::Secp256k1Context() == crypto::Secp256k1Context());
}

BOOST_AUTO_TEST_CASE(xonly_keys)
{
    BOOST_CHECK(crypto::IsValidXOnlyPubKey(X(GENERATOR_X)));
    BOOST_CHECK(!crypto::IsValidXOnlyPubKey(X(std::string(64, '0'))));
    BOOST_CHECK(!crypto::IsValidXOnlyPubKey(X(FIELD_PRIME)));       // not a field element
    BOOST_CHECK(!crypto::IsValidXOnlyPubKey(X(std::string(64, 'f'))));
}

BOOST_AUTO_TEST_CASE(full_keys)
{
    const std::string gx(GENERATOR_X), gy(GENERATOR_Y);
    BOOST_CHECK(crypto::IsFullyValidPubKey(FromHex("02" + gx)));
    BOOST_CHECK(crypto::IsFullyValidPubKey(FromHex("03" + gx)));
    BOOST_CHECK(crypto::IsFullyValidPubKey(FromHex("04" + gx + gy)));
    BOOST_CHECK(!crypto::IsFullyValidPubKey(FromHex("05" + gx)));        // no such prefix
    BOOST_CHECK(!crypto::IsFullyValidPubKey(FromHex("02" + std::string(FIELD_PRIME))));
    BOOST_CHECK(!crypto::IsFullyValidPubKey(FromHex("04" + gx + gx)));   // not on the curve
    BOOST_CHECK(!crypto::IsFullyValidPubKey(FromHex("02" + gx.substr(2)))); // 32 bytes
    BOOST_CHECK(!crypto::IsFullyValidPubKey({}));
}

BOOST_AUTO_TEST_SUITE_END()
