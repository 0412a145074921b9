#include <chain/connect.h>
#include <chain/script_check_queue.h>
#include <consensus/chain_params.h>
#include <consensus/subsidy.h>
#include <crypto/hash.h>
#include <crypto/secp256k1_bare.h>
#include <primitives/merkle.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_encoding.h>
#include <script/verify_flags.h>

#include <consensus/consensus_test_util.h>
#include <test_coins_view.h>

#include <boost/test/unit_test.hpp>

#include <array>
#include <map>
#include <memory>

using chain::BlockIndex;
using chain::ScriptCheckQueue;
using primitives::Amount;
using primitives::Block;
using primitives::MutableTransaction;
using primitives::OutPoint;
using primitives::Transaction;
using primitives::TxOut;

namespace {

namespace bare = crypto::secp256k1_bare;

const std::string EVAL_FALSE = "mandatory-script-verify-flag-failed (Script evaluated without error but finished "
                               "with a false/empty top stack element)";
const std::string OP_RETURN_HIT = "mandatory-script-verify-flag-failed (OP_RETURN was encountered)";

// How an input's coin is guarded, and whether the input passes.
enum class Input {
    SIGNED,     // P2WPKH, correctly signed (a real signature check)
    BAD_SIG,    // P2WPKH signed over the wrong message: fails after a full check (EVAL_FALSE)
    ANYONE,     // OP_TRUE: passes at once
    OP_RETURN,  // a bare OP_RETURN: fails at once
};

struct Key {
    std::array<uint8_t, 32> secret{};
    util::Bytes pubkey;
    util::Bytes script_pubkey; // 0014<hash160(pubkey)>
};

Key MakeKey(uint32_t n)
{
    Key key;
    key.secret[0] = 0x11;
    key.secret[30] = static_cast<uint8_t>(n >> 8);
    key.secret[31] = static_cast<uint8_t>(n + 1);
    const auto derived = bare::DerivePubKey(key.secret);
    BOOST_REQUIRE(derived);
    key.pubkey.assign(derived->compressed_pubkey.begin(), derived->compressed_pubkey.end());
    const auto h160 = crypto::Hash160(key.pubkey);
    key.script_pubkey = {0x00, 0x14};
    key.script_pubkey.insert(key.script_pubkey.end(), h160.begin(), h160.end());
    return key;
}

// A regtest branch of 20 headers, and a base UTXO set whose coins the test
// blocks (at height 21) spend; every block built is a sibling on that tip.
struct QueueFixture {
    consensus::Params params = test::Regtest();
    chain::BlockTree tree;
    BlockIndex* tip{nullptr};
    test::MapView base;
    std::vector<Key> keys;
    uint32_t next_coin{0};
    uint32_t next_block{0};

    QueueFixture()
    {
        primitives::BlockHeader header = consensus::CreateChainParams(consensus::ChainType::REGTEST)->genesis.header;
        tip = tree.Insert(header);
        for (int h = 1; h <= 20; ++h) {
            header.prev_block = tip->hash;
            header.time += 600;
            tip = tree.Insert(header);
        }
        for (uint32_t i = 0; i < 8; ++i) keys.push_back(MakeKey(i));
    }

    // A new coin in the base set, guarded as `kind` asks; returns its outpoint.
    OutPoint NewCoin(Input kind, const Key& key)
    {
        OutPoint outpoint;
        outpoint.txid.data()[0] = 0xcc;
        outpoint.txid.data()[1] = static_cast<uint8_t>(next_coin);
        outpoint.txid.data()[2] = static_cast<uint8_t>(next_coin >> 8);
        outpoint.index = next_coin % 5;
        ++next_coin;
        util::Bytes script_pubkey;
        switch (kind) {
        case Input::SIGNED:
        case Input::BAD_SIG: script_pubkey = key.script_pubkey; break;
        case Input::ANYONE: script_pubkey = {script::OP_TRUE}; break;
        case Input::OP_RETURN: script_pubkey = {script::OP_RETURN}; break;
        }
        base.coins[outpoint] = coins::Coin{TxOut{Amount{10'000}, script_pubkey}, 5, false, false};
        return outpoint;
    }

    // A transaction spending one new coin per entry of `inputs`, paying
    // 1,000 less than it spends (the fee) to OP_TRUE.
    MutableTransaction Spend(const std::vector<Input>& inputs)
    {
        MutableTransaction tx;
        tx.version = 2;
        std::vector<TxOut> spent;
        std::vector<const Key*> signers;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const Key& key = keys[(next_coin + i) % keys.size()];
            const OutPoint outpoint = NewCoin(inputs[i], key);
            tx.vin.emplace_back().prevout = outpoint;
            spent.push_back(base.coins[outpoint].out);
            signers.push_back(&key);
        }
        tx.vout.push_back({Amount{10'000 * static_cast<int64_t>(inputs.size()) - 1'000}, {script::OP_TRUE}});
        const script::PrecomputedTxData precomputed(tx, spent);
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (inputs[i] != Input::SIGNED && inputs[i] != Input::BAD_SIG) continue;
            const util::Bytes code = script::PayToPubKeyHashScript(util::ByteSpan(spent[i].script_pubkey).subspan(2));
            auto sighash = script::SegwitV0SignatureHash(code, tx, i, script::SIGHASH_ALL, spent[i].value, &precomputed);
            if (inputs[i] == Input::BAD_SIG) sighash.data()[0] ^= 1;
            auto sig = bare::SignEcdsa(signers[i]->secret, sighash.bytes());
            BOOST_REQUIRE(sig);
            sig->push_back(script::SIGHASH_ALL);
            tx.vin[i].witness.stack = {*sig, signers[i]->pubkey};
        }
        return tx;
    }

    // A block on the tip holding a coinbase (claiming the subsidy plus the
    // fees of `txs`) and `txs`.
    std::pair<Block, BlockIndex*> MakeBlock(std::vector<MutableTransaction> txs)
    {
        const int height = tip->height + 1;
        Block block;
        block.header.version = 4;
        block.header.prev_block = tip->hash;
        block.header.time = tip->header.time + 600;
        block.header.bits = 0x207fffff;
        block.header.nonce = next_block++;
        MutableTransaction coinbase;
        coinbase.vin.resize(1);
        script::AppendInt(coinbase.vin[0].script_sig, height);
        script::AppendInt(coinbase.vin[0].script_sig, block.header.nonce);
        const int64_t fees = 1'000 * static_cast<int64_t>(txs.size());
        coinbase.vout.push_back({Amount{consensus::BlockSubsidy(height, params).sats() + fees}, {script::OP_TRUE}});
        block.txs.push_back(std::make_shared<const Transaction>(std::move(coinbase)));
        for (auto& tx : txs) block.txs.push_back(std::make_shared<const Transaction>(std::move(tx)));
        block.header.merkle_root = primitives::BlockMerkleRoot(block);
        return {block, tree.Insert(block.header)};
    }

    // Everything a connection produces.
    struct Outcome {
        chain::ConnectResult result;
        coins::BlockUndo undo;
        std::map<OutPoint, coins::Coin> coins; // the UTXO set after a successful connection
    };

    Outcome Connect(const Block& block, const BlockIndex& index, ScriptCheckQueue* queue)
    {
        test::MapView after = base;
        coins::CoinsCache cache(after, 7, 8);
        Outcome outcome;
        outcome.result = chain::ConnectBlock(block, index, cache, params, outcome.undo, true, queue);
        if (outcome.result.ok()) {
            BOOST_REQUIRE(cache.Flush());
            outcome.coins = after.coins;
        }
        return outcome;
    }
};

// Inputs of a valid block of 12 transactions: mostly signed P2WPKH.
std::vector<std::vector<Input>> ValidShape()
{
    std::vector<std::vector<Input>> shape;
    for (size_t t = 0; t < 12; ++t) {
        std::vector<Input> inputs(1 + t % 4, Input::SIGNED);
        if (t % 3 == 0) inputs.push_back(Input::ANYONE);
        shape.push_back(inputs);
    }
    return shape;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(script_check_queue_tests, QueueFixture)

BOOST_AUTO_TEST_CASE(same_block_same_outcome_at_any_par)
{
    std::vector<MutableTransaction> txs;
    for (const auto& inputs : ValidShape()) txs.push_back(Spend(inputs));
    const auto [block, index] = MakeBlock(txs);

    const Outcome sequential = Connect(block, *index, nullptr);
    BOOST_REQUIRE_EQUAL(sequential.result.reject_reason, "");
    BOOST_CHECK_EQUAL(sequential.result.fees.sats(), 12'000);
    BOOST_CHECK_EQUAL(sequential.undo.txs.size(), 12u);
    for (unsigned par : {1u, 2u, 4u, 8u}) {
        ScriptCheckQueue queue(par);
        BOOST_CHECK_EQUAL(queue.Threads(), par);
        const Outcome parallel = Connect(block, *index, &queue);
        BOOST_CHECK_EQUAL(parallel.result.reject_reason, "");
        BOOST_CHECK_EQUAL(parallel.result.fees.sats(), sequential.result.fees.sats());
        BOOST_CHECK_EQUAL(parallel.result.sigop_cost, sequential.result.sigop_cost);
        BOOST_CHECK(parallel.undo == sequential.undo);
        BOOST_CHECK(parallel.coins == sequential.coins);
    }
}

BOOST_AUTO_TEST_CASE(lowest_failure_is_reported_every_time)
{
    // Transaction 3, input 2 fails after a full signature check; transaction
    // 9, input 0 fails at once, so a worker usually finds it first.
    std::vector<MutableTransaction> txs;
    for (size_t t = 1; t <= 10; ++t) {
        std::vector<Input> inputs(3, Input::SIGNED);
        if (t == 3) inputs[2] = Input::BAD_SIG;
        if (t == 9) inputs[0] = Input::OP_RETURN;
        txs.push_back(Spend(inputs));
    }
    const auto [block, index] = MakeBlock(txs);
    BOOST_CHECK_EQUAL(Connect(block, *index, nullptr).result.reject_reason, EVAL_FALSE);
    for (unsigned par : {1u, 2u, 4u, 8u}) {
        ScriptCheckQueue queue(par);
        for (int i = 0; i < 50; ++i) BOOST_REQUIRE_EQUAL(Connect(block, *index, &queue).result.reject_reason, EVAL_FALSE);
    }

    // The session reports which input: the lowest (tx, input), not the first found.
    ScriptCheckQueue queue(4);
    for (int i = 0; i < 50; ++i) {
        chain::ScriptCheckSession session(queue);
        for (uint32_t t = 1; t < block.txs.size(); ++t) {
            std::vector<TxOut> spent;
            for (const auto& in : block.txs[t]->inputs()) spent.push_back(base.coins.at(in.prevout).out);
            session.Add(t, block.txs[t], std::move(spent), script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS);
        }
        const auto failure = session.Wait();
        BOOST_REQUIRE(failure);
        BOOST_CHECK_EQUAL(failure->tx_index, 3u);
        BOOST_CHECK_EQUAL(failure->input_index, 2u);
        BOOST_CHECK(failure->error == script::ScriptError::EVAL_FALSE);
        BOOST_CHECK(session.FailureFound());
        // Waiting again gives the same answer.
        BOOST_CHECK_EQUAL(session.Wait()->tx_index, 3u);
    }
}

BOOST_AUTO_TEST_CASE(script_failure_before_later_rule_failure)
{
    // A script failure in transaction 2 and a missing input in transaction
    // 4: checking in order meets the script failure first, and so must the
    // queue, although it learns of the missing input before the scripts run.
    std::vector<MutableTransaction> txs;
    txs.push_back(Spend({Input::SIGNED}));
    txs.push_back(Spend({Input::SIGNED, Input::BAD_SIG}));
    txs.push_back(Spend({Input::SIGNED}));
    MutableTransaction missing = Spend({Input::ANYONE});
    missing.vin[0].prevout.index = 99;
    txs.push_back(missing);
    const auto [block, index] = MakeBlock(txs);
    BOOST_CHECK_EQUAL(Connect(block, *index, nullptr).result.reject_reason, EVAL_FALSE);
    for (unsigned par : {1u, 2u, 8u}) {
        ScriptCheckQueue queue(par);
        BOOST_CHECK_EQUAL(Connect(block, *index, &queue).result.reject_reason, EVAL_FALSE);
    }

    // Without the script failure, the missing input is the reason either way.
    txs[1] = Spend({Input::SIGNED, Input::SIGNED});
    const auto [good_scripts, good_index] = MakeBlock(txs);
    BOOST_CHECK_EQUAL(Connect(good_scripts, *good_index, nullptr).result.reject_reason, "bad-txns-inputs-missingorspent");
    ScriptCheckQueue queue(2);
    BOOST_CHECK_EQUAL(Connect(good_scripts, *good_index, &queue).result.reject_reason, "bad-txns-inputs-missingorspent");

    // A coinbase claiming too much loses to a script failure too.
    txs.pop_back();
    txs.push_back(Spend({Input::OP_RETURN}));
    auto [overclaim, overclaim_index] = MakeBlock(txs);
    MutableTransaction coinbase = overclaim.txs[0]->fields();
    coinbase.vout[0].value = Amount{coinbase.vout[0].value.sats() + 1};
    overclaim.txs[0] = std::make_shared<const Transaction>(std::move(coinbase));
    BOOST_CHECK_EQUAL(Connect(overclaim, *overclaim_index, nullptr).result.reject_reason, OP_RETURN_HIT);
    BOOST_CHECK_EQUAL(Connect(overclaim, *overclaim_index, &queue).result.reject_reason, OP_RETURN_HIT);
}

BOOST_AUTO_TEST_CASE(one_queue_many_blocks)
{
    ScriptCheckQueue queue(3);
    for (int n = 0; n < 40; ++n) {
        std::vector<MutableTransaction> txs;
        const int count = 1 + n % 5;
        for (int t = 0; t < count; ++t) {
            std::vector<Input> inputs{Input::SIGNED, Input::ANYONE};
            // Every fourth block fails, at a varying place.
            if (n % 4 == 3 && t == (n / 4) % count) {
                inputs[static_cast<size_t>(n % 2)] = n % 8 == 3 ? Input::BAD_SIG : Input::OP_RETURN;
            }
            txs.push_back(Spend(inputs));
        }
        const auto [block, index] = MakeBlock(txs);
        const Outcome sequential = Connect(block, *index, nullptr);
        const Outcome parallel = Connect(block, *index, &queue);
        BOOST_CHECK_EQUAL(sequential.result.ok(), n % 4 != 3);
        BOOST_CHECK_EQUAL(parallel.result.reject_reason, sequential.result.reject_reason);
        BOOST_CHECK(parallel.coins == sequential.coins);
        if (sequential.result.ok()) BOOST_CHECK(parallel.undo == sequential.undo);
    }
}

BOOST_AUTO_TEST_CASE(lifetimes_without_work)
{
    // Destroyed without ever being used, at several sizes (0 means 1).
    for (unsigned par : {0u, 1u, 2u, 8u}) {
        ScriptCheckQueue queue(par);
        BOOST_CHECK_EQUAL(queue.Threads(), std::max(par, 1u));
    }
    BOOST_CHECK_EQUAL(ScriptCheckQueue(1000).Threads(), ScriptCheckQueue::MAX_THREADS);

    // Sessions with nothing added, waited for or not.
    ScriptCheckQueue queue(4);
    {
        chain::ScriptCheckSession session(queue);
        BOOST_CHECK(!session.Wait());
        BOOST_CHECK(!session.FailureFound());
    }
    { chain::ScriptCheckSession session(queue); }

    // A session dropped with work queued (a caller that gave up): the queue
    // stays usable.
    const MutableTransaction tx = Spend(std::vector<Input>(40, Input::SIGNED));
    const auto ref = std::make_shared<const Transaction>(tx);
    std::vector<TxOut> spent;
    for (const auto& in : tx.vin) spent.push_back(base.coins.at(in.prevout).out);
    {
        chain::ScriptCheckSession session(queue);
        session.Add(1, ref, spent, script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS);
    }
    chain::ScriptCheckSession session(queue);
    session.Add(1, ref, spent, script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS);
    BOOST_CHECK(!session.Wait());
}

BOOST_AUTO_TEST_CASE(queue_of_one_thread)
{
    ScriptCheckQueue queue(1);
    BOOST_CHECK_EQUAL(queue.Threads(), 1u);
    std::vector<MutableTransaction> txs;
    for (const auto& inputs : ValidShape()) txs.push_back(Spend(inputs));
    const auto [block, index] = MakeBlock(txs);
    const Outcome sequential = Connect(block, *index, nullptr);
    const Outcome single = Connect(block, *index, &queue);
    BOOST_CHECK(single.result.ok());
    BOOST_CHECK(single.undo == sequential.undo);
    BOOST_CHECK(single.coins == sequential.coins);

    txs[5] = Spend({Input::ANYONE, Input::OP_RETURN});
    txs[2] = Spend({Input::SIGNED, Input::BAD_SIG});
    const auto [bad, bad_index] = MakeBlock(txs);
    BOOST_CHECK_EQUAL(Connect(bad, *bad_index, &queue).result.reject_reason, EVAL_FALSE);
}

BOOST_AUTO_TEST_SUITE_END()
