// Vectors: test/data/key_io_valid.json and key_io_invalid.json (Bitcoin
// Core's src/test/data, MIT).
#include <script/wif.h>

#include <script/base58.h>

#include "test_data.h"
#include "test_util.h"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace script;
using test::Hex;

namespace {

const AddressParams& ParamsForChain(std::string_view chain)
{
    if (chain == "main") return MAINNET_ADDRESSES;
    if (chain == "test" || chain == "signet" || chain == "testnet4") return TESTNET_ADDRESSES;
    if (chain == "regtest") return REGTEST_ADDRESSES;
    throw std::invalid_argument("unknown chain in vector: " + std::string(chain));
}

std::array<uint8_t, 32> Key32(std::string_view hex)
{
    const util::Bytes bytes = Hex(hex);
    std::array<uint8_t, 32> key{};
    std::copy_n(bytes.begin(), 32, key.begin());
    return key;
}

} // namespace

BOOST_AUTO_TEST_SUITE(wif_tests)

BOOST_AUTO_TEST_CASE(key_io_valid)
{
    const auto vectors = boost::json::parse(test::ReadDataText("key_io_valid.json")).as_array();
    size_t keys = 0;
    for (const auto& entry : vectors) {
        const auto& v = entry.as_array();
        const std::string text{v.at(0).as_string()};
        const std::string payload{v.at(1).as_string()};
        const auto& meta = v.at(2).as_object();
        const AddressParams& params = ParamsForChain(meta.at("chain").as_string());
        if (!meta.at("isPrivkey").as_bool()) {
            // Addresses are never secret keys.
            BOOST_CHECK_MESSAGE(!DecodeSecret(text, params), text);
            continue;
        }
        const bool compressed = meta.at("isCompressed").as_bool();
        const auto secret = DecodeSecret(text, params);
        BOOST_REQUIRE_MESSAGE(secret, text);
        BOOST_CHECK_EQUAL(secret->compressed, compressed);
        BOOST_CHECK_EQUAL(util::HexStr(secret->key), payload);
        // And back.
        BOOST_CHECK_EQUAL(EncodeSecret(SecretKey{Key32(payload), compressed}, params), text);
        ++keys;
    }
    BOOST_CHECK_EQUAL(keys, 16u);
}

BOOST_AUTO_TEST_CASE(key_io_invalid)
{
    const auto vectors = boost::json::parse(test::ReadDataText("key_io_invalid.json")).as_array();
    BOOST_REQUIRE_GT(vectors.size(), 0u);
    for (const auto& entry : vectors) {
        const std::string text{entry.as_array().at(0).as_string()};
        for (const AddressParams* params : {&MAINNET_ADDRESSES, &TESTNET_ADDRESSES, &REGTEST_ADDRESSES}) {
            BOOST_CHECK_MESSAGE(!DecodeSecret(text, *params), "decoded invalid secret " + text);
        }
    }
}

BOOST_AUTO_TEST_CASE(network_and_format)
{
    // A mainnet key is not a testnet key.
    BOOST_CHECK(DecodeSecret("L5nJeqKmpHp4P7F8ZYyjwc5a7P4d8EabuGAzfGJk7yC1BJyzNaEd", MAINNET_ADDRESSES).has_value());
    BOOST_CHECK(!DecodeSecret("L5nJeqKmpHp4P7F8ZYyjwc5a7P4d8EabuGAzfGJk7yC1BJyzNaEd", TESTNET_ADDRESSES));

    const auto key = Key32("ff778740f88ddcf102aeb81daee289c044c4a4571c4b6f287400f4b8e0b843f8");
    // A compression flag other than 0x01 is rejected, as is any other length.
    util::Bytes data{0x80};
    data.insert(data.end(), key.begin(), key.end());
    data.push_back(0x02);
    BOOST_CHECK(!DecodeSecret(EncodeBase58Check(data), MAINNET_ADDRESSES));
    data.back() = 0x01;
    BOOST_CHECK(DecodeSecret(EncodeBase58Check(data), MAINNET_ADDRESSES).has_value());
    data.push_back(0x01);
    BOOST_CHECK(!DecodeSecret(EncodeBase58Check(data), MAINNET_ADDRESSES));
    data.resize(32);
    BOOST_CHECK(!DecodeSecret(EncodeBase58Check(data), MAINNET_ADDRESSES));
}

BOOST_AUTO_TEST_CASE(key_range)
{
    // Zero and the group order n and above are not keys; 1 and n-1 are.
    BOOST_CHECK(!IsValidSecretKey(Key32("0000000000000000000000000000000000000000000000000000000000000000")));
    BOOST_CHECK(IsValidSecretKey(Key32("0000000000000000000000000000000000000000000000000000000000000001")));
    BOOST_CHECK(IsValidSecretKey(Key32("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")));
    BOOST_CHECK(!IsValidSecretKey(Key32("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")));
    BOOST_CHECK(!IsValidSecretKey(Key32("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")));
    // A WIF string holding n is well formed but not a key.
    util::Bytes data{0x80};
    const auto order = Key32("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    data.insert(data.end(), order.begin(), order.end());
    BOOST_CHECK(!DecodeSecret(EncodeBase58Check(data), MAINNET_ADDRESSES));
}

BOOST_AUTO_TEST_SUITE_END()
