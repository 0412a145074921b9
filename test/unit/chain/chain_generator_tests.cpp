// contrib/gen-chain: every generated block passes our own consensus checks
// (context-free, contextual, connect with scripts), every spend type occurs,
// output is deterministic, and a tampered signature is caught.
#include <gen-chain/chain_generator.h>

#include <chain/block_index.h>
#include <chain/connect.h>
#include <coins/coins_cache.h>
#include <consensus/block_check.h>
#include <consensus/block_context.h>
#include <consensus/chain_params.h>
#include <consensus/header_check.h>
#include <consensus/subsidy.h>
#include <primitives/block.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>

#include <test_coins_view.h>
#include <test_data.h>
#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

using gen_chain::SpendType;
using primitives::Block;

namespace {

// Our chain on a map-backed UTXO set, fed block by block through every check
// a node makes before accepting a block.
struct ValidatingChain {
    consensus::ChainParams params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    chain::BlockTree tree;
    test::MapView base;
    coins::CoinsCache view{base, 1, 2};
    chain::BlockIndex* tip{nullptr};
    primitives::Amount last_fees{0};

    ValidatingChain()
    {
        tip = tree.Insert(params.genesis.header);
        coins::BlockUndo undo;
        BOOST_REQUIRE(chain::ConnectBlock(params.genesis, *tip, view, params.consensus, undo).ok());
    }

    // Connects `block` into a child of the UTXO view; keeps it only on success
    // and when `keep`. Returns "ok" or the first reject reason.
    std::string Accept(const Block& block, bool keep = true)
    {
        const auto checked = consensus::CheckBlock(block, params.consensus);
        if (!checked.ok()) return consensus::RejectReason(checked, block);
        const chain::BranchView branch(*tip);
        // "Now" is the block's own time: nothing is in the future.
        const auto header_error = consensus::ContextualCheckBlockHeader(block.header, tip->Info(), branch,
                                                                        block.header.time, params.consensus);
        if (header_error != consensus::HeaderCheckError::NONE) {
            return consensus::RejectReason(header_error, block.header);
        }
        const auto context_error = consensus::ContextualCheckBlock(block, tip->Info(), branch, params.consensus);
        if (context_error != consensus::BlockContextError::NONE) {
            return std::string(consensus::RejectReason(context_error));
        }
        chain::BlockIndex* index = tree.Insert(block.header);
        coins::CoinsCache child(view, 3, 4);
        coins::BlockUndo undo;
        const auto result = chain::ConnectBlock(block, *index, child, params.consensus, undo);
        if (!result.ok()) return result.reject_reason;
        if (keep) {
            BOOST_REQUIRE(child.Flush());
            tip = index;
            last_fees = result.fees;
        }
        return "ok";
    }
};

util::Bytes ChainBytes(const gen_chain::Options& options)
{
    const auto params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    gen_chain::ChainGenerator generator(params, options);
    util::Bytes out;
    while (generator.HasNext()) gen_chain::AppendBlkRecord(out, params.message_start, generator.NextBlock());
    return out;
}

// A copy of `block` whose transaction `t` went through `edit`, with the
// merkle roots and proof of work redone so only the edit is wrong.
template <typename Edit>
Block Tampered(const Block& block, size_t t, const consensus::Params& params, Edit edit)
{
    Block copy = block;
    primitives::MutableTransaction tx = copy.txs[t]->fields();
    edit(tx);
    copy.txs[t] = std::make_shared<const primitives::Transaction>(std::move(tx));
    primitives::MutableTransaction coinbase = copy.txs[0]->fields();
    const auto commitment = primitives::ComputeWitnessCommitment(primitives::BlockWitnessMerkleRoot(copy),
                                                                 coinbase.vin[0].witness.stack.at(0));
    coinbase.vout.back().script_pubkey = primitives::WitnessCommitmentScript(commitment);
    copy.txs[0] = std::make_shared<const primitives::Transaction>(std::move(coinbase));
    copy.header.merkle_root = primitives::BlockMerkleRoot(copy);
    while (!consensus::CheckProofOfWork(copy.GetHash(), copy.header.bits, params)) ++copy.header.nonce;
    return copy;
}

} // namespace

BOOST_AUTO_TEST_SUITE(chain_generator_tests)

BOOST_AUTO_TEST_CASE(every_block_passes_consensus)
{
    ValidatingChain chain;
    gen_chain::Options options;
    options.blocks = 250;
    options.txs_per_block = 25;
    options.seed = "chain_generator_tests";
    gen_chain::ChainGenerator generator(chain.params, options);
    size_t script_leaf_single = 0, script_leaf_pair = 0, same_block_spends = 0, witness_blocks = 0;
    while (generator.HasNext()) {
        const Block block = generator.NextBlock();
        const int height = generator.Height();
        BOOST_REQUIRE_MESSAGE(chain.Accept(block) == "ok", "block " << height << ": " << chain.Accept(block, false));
        BOOST_CHECK_EQUAL(block.header.version, 0x20000000);
        // The coinbase claims exactly the subsidy (halving at 150 on regtest) and the fees.
        int64_t claimed = 0;
        for (const auto& out : block.txs[0]->outputs()) claimed += out.value.sats();
        BOOST_CHECK_EQUAL(claimed, consensus::BlockSubsidy(height, chain.params.consensus).sats() + chain.last_fees.sats());
        if (height > 100) BOOST_CHECK_EQUAL(block.txs.size(), size_t(options.txs_per_block) + 1);
        if (block.txs[0]->HasWitness()) ++witness_blocks;
        std::set<primitives::Txid> in_block;
        for (const auto& tx : block.txs) {
            for (const auto& in : tx->inputs()) {
                if (in_block.count(in.prevout.txid)) ++same_block_spends;
                const auto& stack = in.witness.stack;
                // Script path: [sigs..., leaf, 65-byte control block].
                if (stack.size() >= 3 && stack.back().size() == 65 && (stack.back()[0] & 0xfe) == 0xc0) {
                    ++(stack.size() == 3 ? script_leaf_single : script_leaf_pair);
                }
            }
            in_block.insert(tx->txid());
        }
    }
    BOOST_CHECK_EQUAL(chain.tip->height, options.blocks);
    const gen_chain::Stats& stats = generator.GetStats();
    BOOST_CHECK_EQUAL(stats.blocks, options.blocks);
    BOOST_CHECK_EQUAL(stats.transactions, uint64_t(options.blocks) + uint64_t(options.blocks - 100) * uint64_t(options.txs_per_block));
    for (size_t t = 0; t < gen_chain::SPEND_TYPE_COUNT; ++t) {
        BOOST_TEST_MESSAGE(gen_chain::SpendTypeName(SpendType(t)) << ": " << stats.inputs[t] << " inputs");
        BOOST_CHECK_MESSAGE(stats.inputs[t] >= 200, gen_chain::SpendTypeName(SpendType(t)) << " spent only "
                                                                                          << stats.inputs[t] << " times");
    }
    BOOST_CHECK_GE(script_leaf_single, 50u);
    BOOST_CHECK_GE(script_leaf_pair, 50u);
    BOOST_CHECK_GE(same_block_spends, 100u);
    BOOST_CHECK_EQUAL(witness_blocks, size_t(options.blocks - 100));
}

BOOST_AUTO_TEST_CASE(deterministic)
{
    gen_chain::Options options;
    options.blocks = 120;
    options.txs_per_block = 10;
    const util::Bytes first = ChainBytes(options);
    BOOST_CHECK(first == ChainBytes(options));
    options.seed = "another seed";
    BOOST_CHECK(first != ChainBytes(options));
}

BOOST_AUTO_TEST_CASE(tampered_signatures_fail)
{
    ValidatingChain chain;
    gen_chain::Options options;
    options.blocks = 110;
    options.txs_per_block = 30;
    gen_chain::ChainGenerator generator(chain.params, options);
    Block block;
    while (generator.HasNext()) {
        block = generator.NextBlock();
        if (generator.HasNext()) BOOST_REQUIRE_EQUAL(chain.Accept(block), "ok");
    }
    BOOST_REQUIRE_EQUAL(chain.Accept(block, false), "ok");

    // One input of each kind, found by its shape.
    const auto find = [&](auto matches) -> std::pair<size_t, size_t> {
        for (size_t t = 1; t < block.txs.size(); ++t) {
            const auto& inputs = block.txs[t]->inputs();
            for (size_t i = 0; i < inputs.size(); ++i) {
                if (matches(inputs[i])) return {t, i};
            }
        }
        BOOST_FAIL("no such input in the block");
        return {0, 0};
    };
    const std::string expected = "mandatory-script-verify-flag-failed";
    const auto check = [&](std::pair<size_t, size_t> where, auto edit) {
        const Block bad = Tampered(block, where.first, chain.params.consensus,
                                   [&](primitives::MutableTransaction& tx) { edit(tx.vin[where.second]); });
        const std::string reason = chain.Accept(bad, false);
        BOOST_CHECK_MESSAGE(reason.rfind(expected, 0) == 0, "got " << reason);
    };
    // Taproot key path: one 64-byte signature.
    check(find([](const primitives::TxIn& in) { return in.witness.stack.size() == 1; }),
          [](primitives::TxIn& in) { in.witness.stack[0][10] ^= 1; });
    // P2WPKH: ECDSA signature and 33-byte key; flip a bit inside R.
    check(find([](const primitives::TxIn& in) {
              return in.witness.stack.size() == 2 && in.witness.stack[1].size() == 33;
          }),
          [](primitives::TxIn& in) { in.witness.stack[0][10] ^= 1; });
    // P2PKH: the signature is the first push of the input script.
    check(find([](const primitives::TxIn& in) { return !in.script_sig.empty() && in.script_sig[0] != 0; }),
          [](primitives::TxIn& in) { in.script_sig[10] ^= 1; });
    // Taproot script path: the first signature on the stack.
    check(find([](const primitives::TxIn& in) {
              return in.witness.stack.size() >= 3 && in.witness.stack.back().size() == 65;
          }),
          [](primitives::TxIn& in) { in.witness.stack[0][10] ^= 1; });
}

BOOST_AUTO_TEST_CASE(writes_blk_records)
{
    const auto params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    gen_chain::Options options;
    options.blocks = 105;
    options.txs_per_block = 5;
    const test::TempDir dir;
    const std::string path = (dir.path / "blk00000.dat").string();
    const auto stats = gen_chain::WriteChainFile(params, options, path);
    BOOST_REQUIRE_MESSAGE(stats.ok(), (stats.ok() ? std::string() : stats.error()));
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    BOOST_CHECK_EQUAL(file.size(), stats->block_bytes + 8 * size_t(options.blocks));
    BOOST_CHECK(util::Bytes(file.begin(), file.end()) == ChainBytes(options));
    const auto records = test::ReadBlkRecords(file, {0xfa, 0xbf, 0xb5, 0xda});
    BOOST_REQUIRE_EQUAL(records.size(), size_t(options.blocks));
    primitives::BlockHash prev = params.genesis.GetHash();
    for (const auto& record : records) {
        const auto block = primitives::DecodeBlock(record);
        BOOST_REQUIRE(block.ok());
        BOOST_CHECK(block->header.prev_block == prev);
        prev = block->GetHash();
    }
    BOOST_CHECK_EQUAL(stats->transactions, 105u + 5 * 5u);

    // Bad options are refused before anything is written.
    options.start_time = params.genesis.header.time;
    BOOST_CHECK(!gen_chain::WriteChainFile(params, options, path).ok());
    options.start_time = 0;
    BOOST_CHECK(!gen_chain::WriteChainFile(params, options, (dir.path / "missing" / "x.dat").string()).ok());
}

BOOST_AUTO_TEST_SUITE_END()
