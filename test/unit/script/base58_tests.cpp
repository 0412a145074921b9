// Vectors: test/data/base58_encode_decode.json and the whitespace and
// Base58Check cases of Bitcoin Core's src/test/base58_tests.cpp (MIT).
#include <script/base58.h>

#include "test_data.h"
#include "test_util.h"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

using namespace script;
using namespace std::string_literals;
using test::Hex;

BOOST_AUTO_TEST_SUITE(base58_tests)

BOOST_AUTO_TEST_CASE(encode_decode_vectors)
{
    const auto vectors = boost::json::parse(test::ReadDataText("base58_encode_decode.json")).as_array();
    BOOST_REQUIRE_GT(vectors.size(), 0u);
    for (const auto& entry : vectors) {
        const auto& pair = entry.as_array();
        const std::string hex{pair.at(0).as_string()};
        const std::string encoded{pair.at(1).as_string()};
        const util::Bytes bytes = Hex(hex);
        BOOST_CHECK_EQUAL(EncodeBase58(bytes), encoded);
        const auto decoded = DecodeBase58(encoded, 256);
        BOOST_REQUIRE_MESSAGE(decoded, encoded);
        BOOST_CHECK(*decoded == bytes); // the file mixes hex cases
        // The length limit is exact.
        BOOST_CHECK(DecodeBase58(encoded, bytes.size()).has_value());
        if (!bytes.empty()) BOOST_CHECK(!DecodeBase58(encoded, bytes.size() - 1));
    }
}

BOOST_AUTO_TEST_CASE(decode_rejects)
{
    BOOST_CHECK(!DecodeBase58("invalid", 100));  // 'l' is not in the alphabet
    BOOST_CHECK(!DecodeBase58("invalid\0"s, 100));
    BOOST_CHECK(!DecodeBase58("\0invalid"s, 100));
    BOOST_CHECK(DecodeBase58("good", 100).has_value());
    BOOST_CHECK(!DecodeBase58("bad0IOl", 100));
    BOOST_CHECK(!DecodeBase58("goodbad0IOl", 100));
    BOOST_CHECK(!DecodeBase58("good\0bad0IOl"s, 100));
    BOOST_CHECK(!DecodeBase58("good\0"s, 100));      // NUL after the number
    BOOST_CHECK(!DecodeBase58("go od", 100));        // space inside the number
}

BOOST_AUTO_TEST_CASE(whitespace)
{
    // Leading and trailing whitespace is skipped; other trailing text is not.
    BOOST_CHECK(!DecodeBase58(" \t\n\v\f\r skip \r\f\v\n\t a", 3));
    const auto skipped = DecodeBase58(" \t\n\v\f\r skip \r\f\v\n\t ", 3);
    BOOST_REQUIRE(skipped);
    BOOST_CHECK_EQUAL(util::HexStr(*skipped), "971a55");
    const auto empty = DecodeBase58("   ", 0);
    BOOST_REQUIRE(empty);
    BOOST_CHECK(empty->empty());
    // Leading '1's are zero bytes, also after leading whitespace.
    const auto zeros = DecodeBase58("  111", 3);
    BOOST_REQUIRE(zeros);
    BOOST_CHECK_EQUAL(util::HexStr(*zeros), "000000");
    BOOST_CHECK(!DecodeBase58("111", 2));
}

BOOST_AUTO_TEST_CASE(base58check)
{
    const auto payload = DecodeBase58Check("3vQB7B6MrGQZaxCuFg4oh", 100);
    BOOST_REQUIRE(payload);
    BOOST_CHECK_EQUAL(EncodeBase58Check(*payload), "3vQB7B6MrGQZaxCuFg4oh");
    BOOST_CHECK(DecodeBase58Check("3vQB7B6MrGQZaxCuFg4oh", payload->size()).has_value());
    BOOST_CHECK(!DecodeBase58Check("3vQB7B6MrGQZaxCuFg4oh", payload->size() - 1));
    BOOST_CHECK(!DecodeBase58Check("3vQB7B6MrGQZaxCuFg4oi", 100));   // checksum
    BOOST_CHECK(!DecodeBase58Check("3vQB7B6MrGQZaxCuFg4oh0IOl", 100));
    BOOST_CHECK(!DecodeBase58Check("3vQB7B6MrGQZaxCuFg4oh\0" "0IOl"s, 100));
    // Fewer than four bytes cannot hold a checksum.
    BOOST_CHECK(!DecodeBase58Check(EncodeBase58(Hex("000102")), 100));
    // Round trips, including an empty payload and leading zeros.
    for (const char* hex : {"", "00", "0000ff", "0093ce48570b55c42c2af816aeaba06cfee1224fae"}) {
        const util::Bytes data = Hex(hex);
        const auto back = DecodeBase58Check(EncodeBase58Check(data), 100);
        BOOST_REQUIRE(back);
        BOOST_CHECK_EQUAL(util::HexStr(*back), hex);
    }
    // A mainnet P2PKH address decodes to version 0 and its key hash.
    const auto address = DecodeBase58Check("1GdK9UzpHBzqzX2A9JFP3Di4weBwqgmoQA", 21);
    BOOST_REQUIRE(address);
    BOOST_CHECK_EQUAL(util::HexStr(*address), "00ab68025513c3dbd2f7b92a94e0581f5d50f654e7");
}

BOOST_AUTO_TEST_SUITE_END()
