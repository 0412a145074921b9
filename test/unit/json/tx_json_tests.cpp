#include <json/decode_tx.h>
#include <consensus/chain_params.h>
#include <json/tx_json.h>
#include <json/write.h>

#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

namespace {

std::string ChompNewline(std::string text)
{
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(tx_json_tests)

BOOST_AUTO_TEST_CASE(matches_bitcoin_core_text_exactly)
{
    // A regtest coinbase as Bitcoin Core printed it: coinbase input with a
    // witness, P2WPKH output, witness commitment, descriptors with checksums.
    const std::string expected = ChompNewline(test::ReadDataText("core_json/regtest_coinbase_tx.json"));
    const auto parsed = boost::json::parse(expected).as_object();
    auto tx = json::DecodeHexTransaction(std::string(parsed.at("hex").as_string()));
    BOOST_REQUIRE(tx);
    const auto params = consensus::CreateChainParams(consensus::ChainType::REGTEST);
    BOOST_REQUIRE(params);
    const auto object = json::TxToJson(*tx, params->addresses, json::TxJsonOptions{.include_hex = true, .block_hash = std::nullopt});
    BOOST_CHECK_EQUAL(json::WriteJson(object, 2), expected);
}

BOOST_AUTO_TEST_CASE(legacy_spend_with_sighash_decoding)
{
    // Bitcoin Core's bitcoin-tx test data (txcreatesignv1): a P2PKH spend.
    const std::string hex =
        "01000000018594c5bdcaec8f06b78b596f31cd292a294fd031e24eec716f43dac91ea7494d000000008b48304502210096a75056c9e2cc6"
        "2b7214777b3d2a592cfda7092520126d4ebfcd6d590c99bd8022051bb746359cf98c0603f3004477eac68701132380db8facba19c89dc5a"
        "b5c5e201410479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd"
        "17b448a68554199c47d08ffb10d4b8ffffffff01a0860100000000001976a9145834479edbbe0539b31ffd3a8f8ebadc2165ed0188ac00"
        "000000";
    auto tx = json::DecodeHexTransaction(hex);
    BOOST_REQUIRE(tx);
    const auto params = consensus::CreateChainParams(consensus::ChainType::MAIN);
    BOOST_REQUIRE(params);
    const auto o = json::TxToJson(*tx, params->addresses);
    BOOST_CHECK_EQUAL(o.at("txid").as_string(), "977e7cd286cb72cd470d539ba6cb48400f8f387d97451d45cdb8819437a303af");
    BOOST_CHECK_EQUAL(o.at("size").as_int64(), 224);
    BOOST_CHECK_EQUAL(o.at("vsize").as_int64(), 224);
    BOOST_CHECK_EQUAL(o.at("weight").as_int64(), 896);
    const auto& vin = o.at("vin").as_array()[0].as_object();
    BOOST_CHECK_EQUAL(vin.at("scriptSig").as_object().at("asm").as_string(),
                      "304502210096a75056c9e2cc62b7214777b3d2a592cfda7092520126d4ebfcd6d590c99bd8022051bb746359cf98c0603"
                      "f3004477eac68701132380db8facba19c89dc5ab5c5e2[ALL] 0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d"
                      "959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    BOOST_CHECK(!vin.contains("txinwitness"));
    BOOST_CHECK_EQUAL(vin.at("sequence").as_int64(), 4294967295);
    const auto& spk = o.at("vout").as_array()[0].as_object().at("scriptPubKey").as_object();
    BOOST_CHECK_EQUAL(spk.at("asm").as_string(), "OP_DUP OP_HASH160 5834479edbbe0539b31ffd3a8f8ebadc2165ed01 OP_EQUALVERIFY OP_CHECKSIG");
    BOOST_CHECK_EQUAL(spk.at("address").as_string(), "193P6LtvS4nCnkDvM9uXn1gsSRqh4aDAz7");
    BOOST_CHECK_EQUAL(spk.at("type").as_string(), "pubkeyhash");
    BOOST_CHECK(!o.contains("hex"));
    BOOST_CHECK_EQUAL(json::WriteJson(o.at("vout").as_array()[0].as_object().at("value")), "0.00100000");
}

BOOST_AUTO_TEST_CASE(script_pubkeys_as_core_prints_them)
{
    // asm, desc (with checksum) and type as Bitcoin Core printed them for these scripts.
    struct Case {
        consensus::ChainType chain;
        const char* hex;
        const char* asm_text;
        const char* desc;
        const char* address; // "" when Core prints none
        const char* type;
    };
    const Case cases[] = {
        {consensus::ChainType::MAIN,
         "4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b"
         "8d578a4c702b6bf11d5fac",
         "04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8"
         "d578a4c702b6bf11d5f OP_CHECKSIG",
         "pk(04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba"
         "0b8d578a4c702b6bf11d5f)#vlz6ztea",
         "", "pubkey"},
        {consensus::ChainType::REGTEST, "6a01f0", "OP_RETURN -112", "raw(6a01f0)#r2xcrtqa", "", "nulldata"},
        {consensus::ChainType::TESTNET, "6a024869", "OP_RETURN 26952", "raw(6a024869)#nz6xdglz", "", "nulldata"},
        {consensus::ChainType::MAIN, "6a5d0414011400", "OP_RETURN 13 1310996", "raw(6a5d0414011400)#cwmyltm8", "", "nulldata"},
        {consensus::ChainType::TESTNET, "512083698e458c6664e1595d75da2597de1e22ee97d798e706c4c0a4b5a9823cd743",
         "1 83698e458c6664e1595d75da2597de1e22ee97d798e706c4c0a4b5a9823cd743",
         "rawtr(83698e458c6664e1595d75da2597de1e22ee97d798e706c4c0a4b5a9823cd743)#lr3hfg6s",
         "tb1psd5cu3vvvejwzk2awhdzt977rc3wa97hnrnsd3xq5j66nq3u6aps0rtp4w", "witness_v1_taproot"},
        {consensus::ChainType::MAIN, "00147752c165ea7be772b2c0acb7f4d6047ae6f4768e",
         "0 7752c165ea7be772b2c0acb7f4d6047ae6f4768e", "addr(bc1qwafvze0200nh9vkq4jmlf4sy0tn0ga5w0zpkpg)#qq404gts",
         "bc1qwafvze0200nh9vkq4jmlf4sy0tn0ga5w0zpkpg", "witness_v0_keyhash"},
        {consensus::ChainType::TESTNET, "76a914e611a8894f845a0a99e8f87d16850ef1bbfea81988ac",
         "OP_DUP OP_HASH160 e611a8894f845a0a99e8f87d16850ef1bbfea819 OP_EQUALVERIFY OP_CHECKSIG",
         "addr(n2VSs6f787ebhgRRnURdLtinCkPjDT4zZ7)#2l0s7aqf", "n2VSs6f787ebhgRRnURdLtinCkPjDT4zZ7", "pubkeyhash"},
    };
    for (const Case& c : cases) {
        const auto params = consensus::CreateChainParams(c.chain);
        BOOST_REQUIRE(params);
        const auto o = json::ScriptPubKeyToJson(test::ParseHex(c.hex), params->addresses);
        BOOST_CHECK_EQUAL(o.at("asm").as_string(), c.asm_text);
        BOOST_CHECK_EQUAL(o.at("desc").as_string(), c.desc);
        BOOST_CHECK_EQUAL(o.at("hex").as_string(), c.hex);
        BOOST_CHECK_EQUAL(o.at("type").as_string(), c.type);
        if (*c.address) {
            BOOST_REQUIRE(o.contains("address"));
            BOOST_CHECK_EQUAL(o.at("address").as_string(), c.address);
        } else {
            BOOST_CHECK(!o.contains("address"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
