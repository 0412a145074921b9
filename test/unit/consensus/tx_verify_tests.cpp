#include "consensus_test_util.h"

#include <consensus/chain_params.h>
#include <consensus/header_check.h>
#include <consensus/tx_verify.h>
#include <crypto/hash.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/verify_flags.h>

#include <boost/test/unit_test.hpp>

using test::VectorView;
using consensus::HeaderInfo;
using consensus::SpentCoin;
using consensus::TxInputsError;
using primitives::Amount;
using primitives::MutableTransaction;
using primitives::Transaction;

namespace {

Transaction Spending(size_t inputs, std::vector<int64_t> outputs, uint32_t version = 2, uint32_t sequence = 0xffffffff)
{
    MutableTransaction tx;
    tx.version = version;
    for (size_t i = 0; i < inputs; ++i) {
        primitives::TxIn in;
        in.prevout.txid = primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{static_cast<uint8_t>(i + 1)}));
        in.prevout.index = 0;
        in.sequence = sequence;
        tx.vin.push_back(in);
    }
    for (int64_t value : outputs) tx.vout.push_back({Amount{value}, {0x51}});
    return Transaction(tx);
}

std::optional<SpentCoin> Coin(int64_t value, int height, bool coinbase = false)
{
    return SpentCoin{{Amount{value}, {0x51}}, height, coinbase};
}

std::string Check(const Transaction& tx, const std::vector<std::optional<SpentCoin>>& coins, int height, int64_t* fee = nullptr)
{
    Amount paid{-1};
    const auto error = consensus::CheckTxInputs(tx, coins, height, paid);
    if (fee) *fee = paid.sats();
    return error == TxInputsError::NONE ? "ok" : std::string(consensus::RejectReason(error));
}

} // namespace

BOOST_AUTO_TEST_SUITE(tx_verify_tests)

BOOST_AUTO_TEST_CASE(inputs_amounts_and_fees)
{
    int64_t fee = 0;
    BOOST_CHECK_EQUAL(Check(Spending(2, {700, 200}), {Coin(500, 10), Coin(500, 11)}, 20, &fee), "ok");
    BOOST_CHECK_EQUAL(fee, 100);
    BOOST_CHECK_EQUAL(Check(Spending(2, {1000}), {Coin(500, 10), Coin(500, 11)}, 20, &fee), "ok");
    BOOST_CHECK_EQUAL(fee, 0);
    BOOST_CHECK_EQUAL(Check(Spending(2, {1001}), {Coin(500, 10), Coin(500, 11)}, 20), "bad-txns-in-belowout");
    BOOST_CHECK_EQUAL(Check(Spending(2, {1}), {Coin(500, 10), std::nullopt}, 20), "bad-txns-inputs-missingorspent");
    BOOST_CHECK_EQUAL(Check(Spending(2, {1}), {Coin(500, 10)}, 20), "bad-txns-inputs-missingorspent");

    // Coinbase maturity: 100 blocks.
    BOOST_CHECK_EQUAL(Check(Spending(1, {1}), {Coin(500, 10, true)}, 110), "ok");
    BOOST_CHECK_EQUAL(Check(Spending(1, {1}), {Coin(500, 10, true)}, 109), "bad-txns-premature-spend-of-coinbase");
    BOOST_CHECK_EQUAL(Check(Spending(1, {1}), {Coin(500, 10, false)}, 11), "ok");

    // Input values: each and the running sum within MAX_MONEY.
    const int64_t max_money = primitives::MAX_MONEY.sats();
    BOOST_CHECK_EQUAL(Check(Spending(1, {1}), {Coin(max_money + 1, 1)}, 20), "bad-txns-inputvalues-outofrange");
    BOOST_CHECK_EQUAL(Check(Spending(1, {1}), {Coin(-1, 1)}, 20), "bad-txns-inputvalues-outofrange");
    BOOST_CHECK_EQUAL(Check(Spending(2, {1}), {Coin(max_money, 1), Coin(1, 1)}, 20), "bad-txns-inputvalues-outofrange");
    BOOST_CHECK_EQUAL(Check(Spending(2, {1}), {Coin(max_money - 1, 1), Coin(1, 1)}, 20, &fee), "ok");
    BOOST_CHECK_EQUAL(fee, max_money - 1);
}

BOOST_AUTO_TEST_CASE(bip68_sequence_locks)
{
    // Blocks 0..200, ten minutes apart.
    VectorView chain;
    for (int h = 0; h <= 200; ++h) chain.blocks.push_back({h, 1'600'000'000 + 600 * int64_t{h}, 0x207fffff});
    const int parent = 200;

    // Height lock of 10 blocks on a coin from block 150: minable from height 160.
    const Transaction by_height = Spending(1, {1}, 2, 10);
    const auto height_lock = consensus::CalculateSequenceLock(by_height, {150}, parent, chain);
    BOOST_CHECK_EQUAL(height_lock.min_height, 159);
    BOOST_CHECK_EQUAL(height_lock.min_time, -1);
    BOOST_CHECK(consensus::SequenceLockSatisfied(height_lock, 160, 0));
    BOOST_CHECK(!consensus::SequenceLockSatisfied(height_lock, 159, 0));

    // Time lock of 3 units (3 * 512 s) from the median time past of block 149.
    const uint32_t time_sequence = (1U << 22) | 3;
    const Transaction by_time = Spending(1, {1}, 2, time_sequence);
    const auto time_lock = consensus::CalculateSequenceLock(by_time, {150}, parent, chain);
    const int64_t base = consensus::MedianTimePast(chain.Ancestor(149), chain);
    BOOST_CHECK_EQUAL(time_lock.min_time, base + 3 * 512 - 1);
    BOOST_CHECK(consensus::SequenceLockSatisfied(time_lock, 201, base + 3 * 512));
    BOOST_CHECK(!consensus::SequenceLockSatisfied(time_lock, 201, base + 3 * 512 - 1));

    // Disabled by the top bit, or by a version below 2.
    const auto disabled = consensus::CalculateSequenceLock(Spending(1, {1}, 2, (1U << 31) | 10), {150}, parent, chain);
    BOOST_CHECK_EQUAL(disabled.min_height, -1);
    const auto version1 = consensus::CalculateSequenceLock(Spending(1, {1}, 1, 10), {150}, parent, chain);
    BOOST_CHECK_EQUAL(version1.min_height, -1);
    // The version compares as unsigned: 0xffffffff is subject to BIP68.
    const auto huge_version = consensus::CalculateSequenceLock(Spending(1, {1}, 0xffffffff, 10), {150}, parent, chain);
    BOOST_CHECK_EQUAL(huge_version.min_height, 159);
    // A coin from genesis uses block 0's median time past (no block -1).
    const auto genesis = consensus::CalculateSequenceLock(by_time, {0}, parent, chain);
    BOOST_CHECK_EQUAL(genesis.min_time, chain.blocks[0].time + 3 * 512 - 1);
}

BOOST_AUTO_TEST_CASE(script_flags_by_height)
{
    using namespace script;
    const auto main = consensus::CreateChainParams(consensus::ChainType::MAIN)->consensus;
    const primitives::BlockHash any;
    const uint32_t always = SCRIPT_VERIFY_P2SH | SCRIPT_VERIFY_WITNESS | SCRIPT_VERIFY_TAPROOT;
    BOOST_CHECK_EQUAL(consensus::BlockScriptFlags(1, any, main), always);
    BOOST_CHECK_EQUAL(consensus::BlockScriptFlags(363'725, any, main), always | SCRIPT_VERIFY_DERSIG);
    BOOST_CHECK_EQUAL(consensus::BlockScriptFlags(388'381, any, main),
                      always | SCRIPT_VERIFY_DERSIG | SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY);
    BOOST_CHECK_EQUAL(consensus::BlockScriptFlags(481'824, any, main),
                      always | SCRIPT_VERIFY_DERSIG | SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY |
                          SCRIPT_VERIFY_CHECKSEQUENCEVERIFY | SCRIPT_VERIFY_NULLDUMMY);
    // The two mainnet exceptions: block 170,060 without P2SH, block 692,261 without taproot.
    const auto bip16_exception = *primitives::BlockHash::FromHex("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22");
    BOOST_CHECK_EQUAL(consensus::BlockScriptFlags(170'060, bip16_exception, main), 0u);
    const auto taproot_exception = *primitives::BlockHash::FromHex("0000000000000000000f14c35b2d841e986ab5441de8c585d5ffe55ea1e395ad");
    BOOST_CHECK_EQUAL(consensus::BlockScriptFlags(692'261, taproot_exception, main),
                      SCRIPT_VERIFY_P2SH | SCRIPT_VERIFY_WITNESS | SCRIPT_VERIFY_DERSIG | SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY |
                          SCRIPT_VERIFY_CHECKSEQUENCEVERIFY | SCRIPT_VERIFY_NULLDUMMY);
}

BOOST_AUTO_TEST_CASE(sigop_cost)
{
    using namespace script;
    const uint32_t all = SCRIPT_VERIFY_P2SH | SCRIPT_VERIFY_WITNESS;
    // 2-of-3 multisig redeem script: 3 sigops when counted accurately.
    util::Bytes redeem{OP_2};
    for (int i = 0; i < 3; ++i) AppendPush(redeem, util::Bytes(33, static_cast<uint8_t>(2 + i)));
    redeem.insert(redeem.end(), {OP_3, OP_CHECKMULTISIG});
    const auto hash160 = crypto::Hash160(redeem);
    util::Bytes p2sh{OP_HASH160, 20};
    p2sh.insert(p2sh.end(), hash160.begin(), hash160.end());
    p2sh.push_back(OP_EQUAL);

    const auto spend = [](util::Bytes script_sig, std::vector<util::Bytes> witness = {}) {
        MutableTransaction tx;
        tx.version = 2;
        tx.vin.resize(1);
        tx.vin[0].prevout.txid = primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{1}));
        tx.vin[0].prevout.index = 0;
        tx.vin[0].script_sig = std::move(script_sig);
        tx.vin[0].witness.stack = std::move(witness);
        tx.vout.push_back({Amount{1}, {OP_TRUE}});
        return Transaction(tx);
    };
    const auto cost = [&](const Transaction& tx, util::Bytes spent_script, uint32_t flags = SCRIPT_VERIFY_P2SH | SCRIPT_VERIFY_WITNESS) {
        return consensus::TransactionSigOpCost(tx, {SpentCoin{{Amount{10}, std::move(spent_script)}, 1, false}}, flags);
    };

    util::Bytes p2sh_sig{OP_0};
    AppendPush(p2sh_sig, util::Bytes(72, 0x30));
    AppendPush(p2sh_sig, redeem);
    BOOST_CHECK_EQUAL(cost(spend(p2sh_sig), p2sh), 3 * 4);
    BOOST_CHECK_EQUAL(cost(spend(p2sh_sig), p2sh, 0), 0);                       // P2SH off
    util::Bytes not_push_only = p2sh_sig;
    not_push_only.insert(not_push_only.begin(), OP_NOP);
    BOOST_CHECK_EQUAL(cost(spend(not_push_only), p2sh), 0);
    // Legacy sigops in the scriptSig itself always count (inaccurately: 20 for multisig).
    BOOST_CHECK_EQUAL(cost(spend({OP_CHECKMULTISIG}), {OP_TRUE}), 20 * 4);

    // P2WPKH: 1; P2WSH: the witness script's accurate count; unscaled.
    util::Bytes p2wpkh{OP_0, 20};
    p2wpkh.resize(22, 0xaa);
    BOOST_CHECK_EQUAL(cost(spend({}, {util::Bytes(72, 1), util::Bytes(33, 2)}), p2wpkh), 1);
    BOOST_CHECK_EQUAL(cost(spend({}, {util::Bytes(72, 1), util::Bytes(33, 2)}), p2wpkh, SCRIPT_VERIFY_P2SH), 0);
    const util::Bytes witness_script{OP_CHECKSIGVERIFY, OP_CHECKSIG};
    util::Bytes p2wsh{OP_0, 32};
    p2wsh.resize(34, 0xbb);
    BOOST_CHECK_EQUAL(cost(spend({}, {util::Bytes(1, 1), witness_script}), p2wsh), 2);
    BOOST_CHECK_EQUAL(cost(spend({}, {}), p2wsh), 0); // no witness script given
    // Taproot (version 1) counts nothing here: tapscript has a per-input budget instead.
    util::Bytes p2tr{OP_1, 32};
    p2tr.resize(34, 0xcc);
    BOOST_CHECK_EQUAL(cost(spend({}, {util::Bytes(64, 1)}), p2tr), 0);

    // P2SH-wrapped P2WPKH: the redeem script is the witness program.
    util::Bytes wrapped_redeem{OP_0, 20};
    wrapped_redeem.resize(22, 0xdd);
    const auto wrapped_hash = crypto::Hash160(wrapped_redeem);
    util::Bytes wrapped_p2sh{OP_HASH160, 20};
    wrapped_p2sh.insert(wrapped_p2sh.end(), wrapped_hash.begin(), wrapped_hash.end());
    wrapped_p2sh.push_back(OP_EQUAL);
    util::Bytes wrapped_sig;
    AppendPush(wrapped_sig, wrapped_redeem);
    BOOST_CHECK_EQUAL(cost(spend(wrapped_sig, {util::Bytes(72, 1), util::Bytes(33, 2)}), wrapped_p2sh), 1);
}

BOOST_AUTO_TEST_SUITE_END()
