#include <json/decode_tx.h>
#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(decode_tx_tests)

BOOST_AUTO_TEST_CASE(rejects_bad_hex_and_bad_transactions)
{
    const std::pair<const char*, const char*> cases[] = {
        {"", "invalid transaction encoding: empty"},
        {"0", "not hex"},
        {"zz", "not hex"},
        {"01000000", "invalid transaction encoding: invalid transaction: unexpected end of data"},
    };
    for (const auto& [hex, reason] : cases) {
        auto tx = json::DecodeHexTransaction(hex);
        BOOST_REQUIRE(!tx);
        BOOST_CHECK_MESSAGE(tx.error().find(reason) != std::string::npos, tx.error());
    }
}

BOOST_AUTO_TEST_CASE(zero_input_transactions_read_as_legacy)
{
    // Core's txcreatemultisig1: no inputs, one bare multisig output. Read with
    // segwit rules the 00 01 would be a marker and flag, and the rest would not
    // parse; so the legacy reading is chosen.
    const std::string hex =
        "01000000000100e1f5050000000069522102a5613bd857b7048924264d1e70e08fb2a7e6527d32b7ab1bb993ac59964ff39721021ac43c7ff"
        "740014c3b33737ede99c967e4764553d1b2b83db77c83b8715fa72d2102df2089105c77f266fa11a9d33f05c735234075f2e8780824c6b709"
        "415f9fb48553ae00000000";
    auto tx = json::DecodeHexTransaction(hex);
    BOOST_REQUIRE_MESSAGE(tx, (tx ? "" : tx.error()));
    BOOST_CHECK(tx->inputs().empty());
    BOOST_CHECK_EQUAL(tx->outputs().size(), 1u);
    BOOST_CHECK_EQUAL(tx->txid().ToHex(), "0d1d4edfc217d9db3ab6a9298f26a52eae3c52f55a6cb8ccbc14f7c727572894");
    // Asked for segwit only, it fails.
    BOOST_CHECK(!json::DecodeHexTransaction(hex, /*try_no_witness=*/false, /*try_witness=*/true));
}

BOOST_AUTO_TEST_SUITE_END()
