// Each context-free transaction rule (consensus::CheckTransaction) broken
// once, with the reject reason Bitcoin Core gives for it, plus the edges
// that must still pass.
#include <consensus/tx_check.h>
#include <script/opcodes.h>

#include <boost/test/unit_test.hpp>

using consensus::CheckTransaction;
using primitives::Amount;
using primitives::MutableTransaction;
using primitives::Transaction;

namespace {

MutableTransaction Spend()
{
    MutableTransaction tx;
    tx.version = 2;
    tx.vin.resize(1);
    tx.vin[0].prevout.txid = primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{7, 1}));
    tx.vin[0].prevout.index = 0;
    tx.vout.push_back({Amount{1000}, {script::OP_TRUE}});
    return tx;
}

MutableTransaction Coinbase(size_t script_size)
{
    MutableTransaction tx;
    tx.version = 1;
    tx.vin.resize(1); // null prevout
    tx.vin[0].script_sig = util::Bytes(script_size, 0x51);
    tx.vout.push_back({Amount{50'0000'0000}, {script::OP_TRUE}});
    return tx;
}

std::string Reason(const MutableTransaction& tx)
{
    const auto error = CheckTransaction(Transaction(MutableTransaction(tx)));
    return error == consensus::TxCheckError::NONE ? "ok" : std::string(consensus::RejectReason(error));
}

} // namespace

BOOST_AUTO_TEST_SUITE(tx_check_tests)

BOOST_AUTO_TEST_CASE(each_reject_reason)
{
    BOOST_CHECK_EQUAL(Reason(Spend()), "ok");

    MutableTransaction no_inputs = Spend();
    no_inputs.vin.clear();
    BOOST_CHECK_EQUAL(Reason(no_inputs), "bad-txns-vin-empty");

    MutableTransaction no_outputs = Spend();
    no_outputs.vout.clear();
    BOOST_CHECK_EQUAL(Reason(no_outputs), "bad-txns-vout-empty");

    // Stripped size times 4 above 4,000,000: one output script of a million bytes.
    MutableTransaction oversize = Spend();
    oversize.vout[0].script_pubkey = util::Bytes(1'000'000, script::OP_NOP);
    BOOST_CHECK_EQUAL(Reason(oversize), "bad-txns-oversize");

    MutableTransaction negative = Spend();
    negative.vout[0].value = Amount{-1};
    BOOST_CHECK_EQUAL(Reason(negative), "bad-txns-vout-negative");

    // MAX_MONEY itself is allowed; one satoshi more is not.
    MutableTransaction at_max = Spend();
    at_max.vout[0].value = primitives::MAX_MONEY;
    BOOST_CHECK_EQUAL(Reason(at_max), "ok");
    MutableTransaction too_large = Spend();
    too_large.vout[0].value = Amount{primitives::MAX_MONEY.sats() + 1};
    BOOST_CHECK_EQUAL(Reason(too_large), "bad-txns-vout-toolarge");

    // Two outputs each within range whose sum is not.
    MutableTransaction total_too_large = Spend();
    total_too_large.vout[0].value = primitives::MAX_MONEY;
    total_too_large.vout.push_back({Amount{1}, {script::OP_TRUE}});
    BOOST_CHECK_EQUAL(Reason(total_too_large), "bad-txns-txouttotal-toolarge");

    // CVE-2018-17144: the same outpoint spent twice in one transaction.
    MutableTransaction duplicate = Spend();
    duplicate.vin.push_back(duplicate.vin[0]);
    BOOST_CHECK_EQUAL(Reason(duplicate), "bad-txns-inputs-duplicate");
    duplicate.vin[1].prevout.index = 1;
    BOOST_CHECK_EQUAL(Reason(duplicate), "ok");

    // A coinbase's script is 2 to 100 bytes.
    BOOST_CHECK_EQUAL(Reason(Coinbase(1)), "bad-cb-length");
    BOOST_CHECK_EQUAL(Reason(Coinbase(2)), "ok");
    BOOST_CHECK_EQUAL(Reason(Coinbase(100)), "ok");
    BOOST_CHECK_EQUAL(Reason(Coinbase(101)), "bad-cb-length");

    // A null prevout in a transaction that is not a coinbase (two inputs).
    MutableTransaction null_prevout = Spend();
    null_prevout.vin.push_back(primitives::TxIn{});
    BOOST_CHECK_EQUAL(Reason(null_prevout), "bad-txns-prevout-null");
}

BOOST_AUTO_TEST_SUITE_END()
