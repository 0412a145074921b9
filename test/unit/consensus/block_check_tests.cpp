#include "consensus_test_util.h"

#include <consensus/block_check.h>
#include <consensus/chain_params.h>
#include <primitives/merkle.h>
#include <script/opcodes.h>
#include <script/sigops.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

using test::Regtest;
using consensus::BlockCheckError;
using primitives::Amount;
using primitives::Block;
using primitives::MutableTransaction;
using primitives::Transaction;
using primitives::TransactionRef;

namespace {

TransactionRef Coinbase(uint8_t tag)
{
    MutableTransaction tx;
    tx.version = 1;
    tx.vin.resize(1);
    tx.vin[0].script_sig = {0x01, tag}; // 2 bytes: the shortest coinbase script allowed
    tx.vout.push_back({Amount{50'0000'0000}, {script::OP_TRUE}});
    return std::make_shared<const Transaction>(std::move(tx));
}

TransactionRef Spend(uint8_t tag, util::Bytes output_script = {script::OP_TRUE}, int64_t value = 1000)
{
    MutableTransaction tx;
    tx.version = 2;
    tx.vin.resize(1);
    tx.vin[0].prevout.txid = primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{tag, 1}));
    tx.vin[0].prevout.index = 0;
    tx.vout.push_back({Amount{value}, std::move(output_script)});
    return std::make_shared<const Transaction>(std::move(tx));
}

// A block over `txs` with the right merkle root (proof of work not checked).
Block MakeBlock(std::vector<TransactionRef> txs)
{
    Block block;
    block.header.version = 4;
    block.header.bits = 0x207fffff;
    block.header.time = 1'700'000'000;
    block.txs = std::move(txs);
    block.header.merkle_root = primitives::BlockMerkleRoot(block);
    return block;
}

std::string Check(const Block& block, bool check_pow = false)
{
    const auto result = consensus::CheckBlock(block, Regtest(), check_pow);
    return result.ok() ? "ok" : consensus::RejectReason(result, block);
}

} // namespace

BOOST_AUTO_TEST_SUITE(block_check_tests)

BOOST_AUTO_TEST_CASE(real_blocks_pass)
{
    const auto main = consensus::CreateChainParams(consensus::ChainType::MAIN)->consensus;
    const auto block413567 = primitives::DecodeBlock(test::ReadDataFile("block413567.raw"));
    BOOST_REQUIRE(block413567);
    BOOST_CHECK(consensus::CheckBlock(*block413567, main).ok());
    for (const auto& record : test::ReadBlkRecords(test::ReadDataFile("mainnet-blocks-1-255.dat"), {0xf9, 0xbe, 0xb4, 0xd9})) {
        const auto block = primitives::DecodeBlock(record);
        BOOST_REQUIRE(block);
        BOOST_CHECK(consensus::CheckBlock(*block, main).ok());
    }
    // Regtest's genesis is far above main's proof-of-work limit.
    const auto regtest_genesis = consensus::CreateChainParams(consensus::ChainType::REGTEST)->genesis;
    const auto result = consensus::CheckBlock(regtest_genesis, main);
    BOOST_CHECK(result.error == BlockCheckError::HEADER);
    BOOST_CHECK_EQUAL(consensus::RejectReason(result, regtest_genesis), "high-hash");
}

BOOST_AUTO_TEST_CASE(each_reject_reason)
{
    BOOST_CHECK_EQUAL(Check(MakeBlock({Coinbase(1), Spend(2), Spend(3)})), "ok");

    Block wrong_root = MakeBlock({Coinbase(1), Spend(2)});
    wrong_root.header.merkle_root = primitives::Uint256();
    BOOST_CHECK_EQUAL(Check(wrong_root), "bad-txnmrklroot");
    BOOST_CHECK(consensus::CheckBlock(wrong_root, Regtest(), false).Mutated());

    // Three transactions and the last repeated: same root, mutated list.
    Block three = MakeBlock({Coinbase(1), Spend(2), Spend(3)});
    Block duplicated = three;
    duplicated.txs.push_back(duplicated.txs.back());
    BOOST_CHECK(primitives::BlockMerkleRoot(duplicated) == three.header.merkle_root);
    BOOST_CHECK_EQUAL(Check(duplicated), "bad-txns-duplicate");
    BOOST_CHECK(consensus::CheckBlock(duplicated, Regtest(), false).Mutated());

    BOOST_CHECK_EQUAL(Check(MakeBlock({})), "bad-blk-length");
    // Over 1 MB without witness data.
    BOOST_CHECK_EQUAL(Check(MakeBlock({Coinbase(1), Spend(2, util::Bytes(1'000'000, script::OP_NOP))})), "bad-blk-length");

    BOOST_CHECK_EQUAL(Check(MakeBlock({Spend(2), Coinbase(1)})), "bad-cb-missing");
    BOOST_CHECK_EQUAL(Check(MakeBlock({Coinbase(1), Spend(2), Coinbase(3)})), "bad-cb-multiple");

    // A transaction's own failure carries its reject reason and position.
    const Block negative = MakeBlock({Coinbase(1), Spend(2), Spend(3, {script::OP_TRUE}, -1)});
    const auto result = consensus::CheckBlock(negative, Regtest(), false);
    BOOST_CHECK(result.error == BlockCheckError::TRANSACTION);
    BOOST_CHECK_EQUAL(result.tx_index, 2u);
    BOOST_CHECK_EQUAL(consensus::RejectReason(result, negative), "bad-txns-vout-negative");
    BOOST_CHECK(!result.Mutated());

    // 20,000 legacy sigops are allowed (80,000 cost), 20,001 are not.
    const Block at_limit = MakeBlock({Coinbase(1), Spend(2, util::Bytes(20'000, script::OP_CHECKSIG))});
    BOOST_CHECK_EQUAL(Check(at_limit), "ok");
    const Block over = MakeBlock({Coinbase(1), Spend(2, util::Bytes(20'000, script::OP_CHECKSIG)),
                                  Spend(3, {script::OP_CHECKSIG})});
    BOOST_CHECK_EQUAL(Check(over), "bad-blk-sigops");

    // With proof of work checked, a header missing its target fails first.
    Block unmined = MakeBlock({Coinbase(1)});
    while (consensus::CheckProofOfWork(unmined.GetHash(), unmined.header.bits, Regtest())) ++unmined.header.nonce;
    BOOST_CHECK_EQUAL(Check(unmined, /*check_pow=*/true), "high-hash");
}

BOOST_AUTO_TEST_CASE(sigop_counting)
{
    using namespace script;
    BOOST_CHECK_EQUAL(CountSigOps({}, false), 0u);
    BOOST_CHECK_EQUAL(CountSigOps(util::Bytes{OP_CHECKSIG, OP_CHECKSIGVERIFY}, false), 2u);
    const util::Bytes multisig{OP_2, OP_CHECKMULTISIG};
    BOOST_CHECK_EQUAL(CountSigOps(multisig, false), 20u);
    BOOST_CHECK_EQUAL(CountSigOps(multisig, true), 2u);
    BOOST_CHECK_EQUAL(CountSigOps(util::Bytes{OP_16, OP_CHECKMULTISIGVERIFY}, true), 16u);
    // A key count not from OP_1..OP_16 is unknown: 20.
    BOOST_CHECK_EQUAL(CountSigOps(util::Bytes{0x01, 0x03, OP_CHECKMULTISIG}, true), 20u);
    // Pushed data is not counted; counting stops at a push running off the end.
    BOOST_CHECK_EQUAL(CountSigOps(util::Bytes{0x01, OP_CHECKSIG, OP_CHECKSIG}, false), 1u);
    BOOST_CHECK_EQUAL(CountSigOps(util::Bytes{OP_CHECKSIG, 0x05, OP_CHECKSIG}, false), 1u);
    // Legacy count of a transaction: inputs and outputs, inaccurate multisig.
    MutableTransaction tx;
    tx.vin.resize(1);
    tx.vin[0].script_sig = {OP_CHECKSIG};
    tx.vout.push_back({Amount{1}, {OP_1, OP_CHECKMULTISIG}});
    BOOST_CHECK_EQUAL(consensus::LegacySigOpCount(Transaction(tx)), 21u);
}

BOOST_AUTO_TEST_SUITE_END()
