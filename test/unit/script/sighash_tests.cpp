#include <primitives/transaction.h>
#include <script/sighash.h>
#include <util/hex.h>

#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

using namespace primitives;

BOOST_AUTO_TEST_SUITE(sighash_tests)

// Every case of Bitcoin Core's sighash.json: [raw tx, script, input index, hash type, expected hash].
BOOST_AUTO_TEST_CASE(sighash_json_vectors)
{
    const auto doc = boost::json::parse(test::ReadDataText("sighash.json"));
    size_t checked = 0;
    for (const auto& entry : doc.as_array()) {
        const auto& row = entry.as_array();
        if (row.size() == 1) continue; // comment
        BOOST_REQUIRE_EQUAL(row.size(), 5u);
        const std::string raw_hex(row[0].as_string());
        const util::Bytes script = test::ParseHex(std::string(row[1].as_string()));
        const auto input_index = static_cast<size_t>(row[2].as_int64());
        const auto hash_type = static_cast<int32_t>(row[3].as_int64());
        const std::string expected(row[4].as_string());

        auto tx = DecodeTransaction(test::ParseHex(raw_hex));
        BOOST_REQUIRE_MESSAGE(tx, "cannot decode " << raw_hex);
        BOOST_REQUIRE_LT(input_index, tx->inputs().size());
        const Uint256 hash = script::LegacySignatureHash(script, tx->fields(), input_index, hash_type);
        BOOST_CHECK_MESSAGE(hash.ToHex() == expected, "case " << checked << ": got " << hash.ToHex() << " expected " << expected);
        ++checked;
    }
    // The file has 500 cases; a drop means cases were lost.
    BOOST_CHECK_EQUAL(checked, 500u);
}

BOOST_AUTO_TEST_CASE(sighash_single_without_output_is_one)
{
    MutableTransaction tx;
    tx.vin.resize(2);
    tx.vout.resize(1);
    const Uint256 hash = script::LegacySignatureHash({}, tx, 1, 3 /* SIGHASH_SINGLE */);
    BOOST_CHECK_EQUAL(hash.ToHex(), "0000000000000000000000000000000000000000000000000000000000000001");
}

BOOST_AUTO_TEST_CASE(bip143_native_p2wpkh_example)
{
    // BIP143 "Native P2WPKH" example: the second input (index 1) spends a P2WPKH output of 6 BTC.
    const util::Bytes unsigned_tx = test::ParseHex(
        "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f0000000000eeffffffef51e1b804cc89d182"
        "d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f"
        "85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000");
    auto tx = DecodeTransaction(unsigned_tx, TxSerialization::NO_WITNESS);
    BOOST_REQUIRE(tx);
    const util::Bytes script_code = test::ParseHex("76a9141d0f172a0ecb48aee1be1f2687d2963ae33f71a188ac");
    const script::PrecomputedTxData precomputed(tx->fields());
    BOOST_CHECK_EQUAL(util::HexStr(precomputed.hash_prevouts.span()),
                      "96b827c8483d4e9b96712b6713a7b68d6e8003a781feba36c31143470b4efd37");
    BOOST_CHECK_EQUAL(util::HexStr(precomputed.hash_sequence.span()),
                      "52b0a642eea2fb7ae638c36f6252b6750293dbe574a806984b8e4d8548339a3b");
    BOOST_CHECK_EQUAL(util::HexStr(precomputed.hash_outputs.span()),
                      "863ef3e1a92afbfdb97f31ad0fc7683ee943e9abcf2501590ff8f6551f47e5e5");
    const Uint256 hash = script::SegwitV0SignatureHash(script_code, tx->fields(), 1, 1, Amount(600000000), &precomputed);
    BOOST_CHECK_EQUAL(util::HexStr(hash.span()), "c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670");
    // Without precomputed data the same hash comes out.
    BOOST_CHECK(script::SegwitV0SignatureHash(script_code, tx->fields(), 1, 1, Amount(600000000), nullptr) == hash);
}

BOOST_AUTO_TEST_SUITE_END()
