#include <chain/chainstate.h>
#include <consensus/chain_params.h>
#include <consensus/pow.h>
#include <consensus/subsidy.h>
#include <primitives/merkle.h>
#include <script/opcodes.h>
#include <script/script_ops.h>

#include <test_data.h>
#include <test_chainstate.h>
#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>

using chain::BlockIndex;
using chain::Chainstate;
using primitives::Amount;
using primitives::Block;
using primitives::MutableTransaction;
using primitives::OutPoint;
using primitives::Transaction;

namespace {

// A clock the test moves by hand.
class TestClock final : public util::Clock {
public:
    int64_t NowMicros() const override { return now; }
    int64_t now{1'800'000'000LL * 1'000'000};
};

struct ChainstateFixture {
    test::TempDir dir;
    consensus::ChainParams params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    TestClock clock;
    mutable util::Logger logger{clock};
    std::unique_ptr<Chainstate> state;
    uint32_t next_time = params.genesis.header.time;

    ChainstateFixture() { Open(); }

    chain::ChainstateOptions Options() const { return test::ChainstateOptionsIn(dir.path, params, clock, logger); }

    void Open(chain::ChainstateOptions options)
    {
        state.reset();
        state = test::OpenChainstate(options);
        BOOST_REQUIRE(state->ActivateBestChain());
    }
    void Open() { Open(Options()); }

    const BlockIndex* Tip()
    {
        std::lock_guard lock(state->Mutex());
        return state->Chain().Tip();
    }
    int Height() { return Tip()->height; }

    // A block on `parent` paying its coinbase to OP_TRUE, with `txs` after it.
    Block Make(const BlockIndex* parent, std::vector<MutableTransaction> txs = {}, int64_t fees = 0,
               int64_t extra_claim = 0)
    {
        const int height = parent->height + 1;
        MutableTransaction coinbase;
        coinbase.vin.resize(1);
        script::AppendInt(coinbase.vin[0].script_sig, height);
        script::AppendInt(coinbase.vin[0].script_sig, static_cast<int64_t>(++next_time)); // unique per block
        const int64_t subsidy = consensus::BlockSubsidy(height, params.consensus).sats();
        coinbase.vout.push_back({Amount{subsidy + fees + extra_claim}, {script::OP_TRUE}});
        Block block;
        block.header.version = 0x20000000;
        block.header.prev_block = parent->hash;
        block.header.time = static_cast<uint32_t>(std::max<int64_t>(next_time, parent->MedianTimePast() + 1));
        block.header.bits = 0x207fffff;
        block.txs.push_back(std::make_shared<const Transaction>(std::move(coinbase)));
        for (auto& tx : txs) block.txs.push_back(std::make_shared<const Transaction>(std::move(tx)));
        block.header.merkle_root = primitives::BlockMerkleRoot(block);
        while (!consensus::CheckProofOfWork(block.GetHash(), block.header.bits, params.consensus)) ++block.header.nonce;
        return block;
    }

    std::string Submit(const Block& block)
    {
        const auto result = state->ProcessNewBlock(block);
        if (result.accepted) return "ok";
        return result.duplicate && result.reject_reason == "duplicate" ? "duplicate" : result.reject_reason;
    }

    // Extends the active chain by `count` empty blocks; returns them.
    std::vector<Block> Mine(int count)
    {
        std::vector<Block> blocks;
        for (int i = 0; i < count; ++i) {
            blocks.push_back(Make(Tip()));
            BOOST_REQUIRE_EQUAL(Submit(blocks.back()), "ok");
        }
        return blocks;
    }

    const BlockIndex* Find(const Block& block)
    {
        std::lock_guard lock(state->Mutex());
        return state->Find(block.GetHash());
    }

    bool HaveCoin(const OutPoint& outpoint)
    {
        std::lock_guard lock(state->Mutex());
        return state->Coins().HaveCoin(outpoint);
    }
};

MutableTransaction Spend(const OutPoint& outpoint, int64_t value)
{
    MutableTransaction tx;
    tx.version = 2;
    tx.vin.resize(1);
    tx.vin[0].prevout = outpoint;
    tx.vout.push_back({Amount{value}, {script::OP_TRUE}});
    return tx;
}

OutPoint CoinbaseOf(const Block& block) { return {block.txs[0]->txid(), 0}; }

void WriteBlkFile(const std::filesystem::path& path, const std::vector<Block>& blocks,
                  const std::array<uint8_t, 4>& magic)
{
    std::ofstream out(path, std::ios::binary);
    for (const auto& block : blocks) {
        const util::Bytes bytes = primitives::EncodeBlock(block);
        const uint32_t size = static_cast<uint32_t>(bytes.size());
        out.write(reinterpret_cast<const char*>(magic.data()), 4);
        const uint8_t length[4] = {uint8_t(size), uint8_t(size >> 8), uint8_t(size >> 16), uint8_t(size >> 24)};
        out.write(reinterpret_cast<const char*>(length), 4);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(chainstate_tests, ChainstateFixture)

BOOST_AUTO_TEST_CASE(new_directory_starts_at_genesis_and_persists_blocks)
{
    BOOST_CHECK_EQUAL(Height(), 0);
    BOOST_CHECK(Tip()->hash == params.genesis.GetHash());
    BOOST_CHECK(std::filesystem::exists(dir.path / "blocks" / "blk00000.dat"));
    const auto blocks = Mine(10);
    BOOST_CHECK_EQUAL(Height(), 10);
    BOOST_CHECK_EQUAL(Submit(blocks[3]), "duplicate");
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));
    Open();
    BOOST_CHECK_EQUAL(Height(), 10);
    BOOST_CHECK(Tip()->hash == blocks.back().GetHash());
    BOOST_CHECK_EQUAL(Tip()->chain_tx_count, 11u);
    // Blocks and undo data read back from the files.
    std::lock_guard lock(state->Mutex());
    BOOST_CHECK(state->ReadBlock(*state->Chain().Tip()));
    BOOST_CHECK(state->ReadUndo(*state->Chain().Tip()));
    BOOST_CHECK(state->Coins().HaveCoin(CoinbaseOf(blocks[5])));
}

BOOST_AUTO_TEST_CASE(header_rejections)
{
    Mine(2);
    Block orphan = Make(Tip());
    orphan.header.prev_block = primitives::BlockHash(primitives::Uint256(std::array<uint8_t, 32>{7}));
    while (!consensus::CheckProofOfWork(orphan.GetHash(), orphan.header.bits, params.consensus)) ++orphan.header.nonce;
    BOOST_CHECK_EQUAL(Submit(orphan), "prev-blk-not-found");
    Block future = Make(Tip());
    future.header.time = static_cast<uint32_t>(clock.now / 1'000'000 + 3 * 60 * 60);
    while (!consensus::CheckProofOfWork(future.GetHash(), future.header.bits, params.consensus)) ++future.header.nonce;
    BOOST_CHECK_EQUAL(Submit(future), "time-too-new");
    Block old = Make(Tip());
    old.header.time = params.genesis.header.time;
    while (!consensus::CheckProofOfWork(old.GetHash(), old.header.bits, params.consensus)) ++old.header.nonce;
    BOOST_CHECK_EQUAL(Submit(old), "time-too-old");
    Block mutated = Make(Tip());
    mutated.header.merkle_root = primitives::Uint256(std::array<uint8_t, 32>{1});
    while (!consensus::CheckProofOfWork(mutated.GetHash(), mutated.header.bits, params.consensus)) ++mutated.header.nonce;
    BOOST_CHECK_EQUAL(Submit(mutated), "bad-txnmrklroot");
    BOOST_CHECK_EQUAL(Height(), 2);
}

BOOST_AUTO_TEST_CASE(reorg_to_more_work_restores_spent_coins)
{
    const auto base = Mine(101);
    const BlockIndex* fork_point = Tip();
    // Branch A spends block 1's coinbase.
    const Block a1 = Make(fork_point, {Spend(CoinbaseOf(base[0]), 50'0000'0000 - 1000)}, 1000);
    BOOST_REQUIRE_EQUAL(Submit(a1), "ok");
    BOOST_CHECK(!HaveCoin(CoinbaseOf(base[0])));
    // Branch B: two blocks without that spend, then a third: more work wins.
    const Block b1 = Make(fork_point);
    BOOST_REQUIRE_EQUAL(Submit(b1), "ok");
    BOOST_CHECK(Tip()->hash == a1.GetHash()); // equal work: the first seen stays
    const Block b2 = Make(Find(b1));
    BOOST_REQUIRE_EQUAL(Submit(b2), "ok");
    BOOST_CHECK(Tip()->hash == b2.GetHash());
    BOOST_CHECK(HaveCoin(CoinbaseOf(base[0])));
    BOOST_CHECK(!HaveCoin({a1.txs[1]->txid(), 0}));

    std::lock_guard lock(state->Mutex());
    const auto tips = state->ChainTips();
    BOOST_REQUIRE_EQUAL(tips.size(), 2u);
    BOOST_CHECK_EQUAL(tips[0].status, "active");
    BOOST_CHECK_EQUAL(tips[1].status, "valid-fork");
    BOOST_CHECK_EQUAL(tips[1].branch_length, 1);
}

BOOST_AUTO_TEST_CASE(invalid_branch_is_marked_and_descendants_refused)
{
    Mine(5);
    const BlockIndex* fork_point = Tip();
    const Block a1 = Make(fork_point);
    BOOST_REQUIRE_EQUAL(Submit(a1), "ok");
    // A competing branch whose second block claims too much: it fails when
    // connected, and the node stays on (returns to) the valid chain.
    const Block b1 = Make(fork_point);
    BOOST_REQUIRE_EQUAL(Submit(b1), "ok");
    const Block b2 = Make(Find(b1), {}, 0, 1);
    BOOST_CHECK_EQUAL(Submit(b2), "bad-cb-amount");
    BOOST_CHECK(Tip()->hash == a1.GetHash());
    BOOST_CHECK(Find(b2)->status & storage::BLOCK_FAILED_VALID);
    Block b3 = Make(Find(b2));
    BOOST_CHECK_EQUAL(Submit(b3), "bad-prevblk");
    // The same invalid block again is a cached failure.
    BOOST_CHECK_EQUAL(Submit(b2), "duplicate-invalid");
    std::lock_guard lock(state->Mutex());
    bool saw_invalid = false;
    for (const auto& tip : state->ChainTips()) saw_invalid |= tip.status == "invalid" && tip.block->hash == b2.GetHash();
    BOOST_CHECK(saw_invalid);
}

BOOST_AUTO_TEST_CASE(invalidate_reconsider_precious)
{
    const auto blocks = Mine(10);
    BOOST_REQUIRE(state->InvalidateBlock(blocks[7].GetHash()));
    BOOST_CHECK_EQUAL(Height(), 7);
    BOOST_CHECK(Find(blocks[9])->status & storage::BLOCK_FAILED_CHILD);
    // Mining on top of the invalidated chain's parent is fine.
    const Block other = Make(Tip());
    BOOST_REQUIRE_EQUAL(Submit(other), "ok");
    BOOST_CHECK(Tip()->hash == other.GetHash());
    BOOST_REQUIRE(state->ReconsiderBlock(blocks[7].GetHash()));
    BOOST_CHECK_EQUAL(Height(), 10);
    BOOST_CHECK(Tip()->hash == blocks[9].GetHash());

    // Two tips of equal work: preciousblock picks.
    const Block x = Make(Find(blocks[8]));
    BOOST_REQUIRE_EQUAL(Submit(x), "ok");
    BOOST_CHECK(Tip()->hash == blocks[9].GetHash());
    BOOST_REQUIRE(state->PreciousBlock(x.GetHash()));
    BOOST_CHECK(Tip()->hash == x.GetHash());
    BOOST_REQUIRE(state->PreciousBlock(blocks[9].GetHash()));
    BOOST_CHECK(Tip()->hash == blocks[9].GetHash());
    BOOST_CHECK(!state->InvalidateBlock(params.genesis.GetHash()));
}

BOOST_AUTO_TEST_CASE(crash_after_index_write_replays_from_block_files)
{
    Mine(5);
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));
    const auto more = Mine(5);
    // An hour later the index and files are written, the coins are not.
    clock.now += 61LL * 60 * 1'000'000;
    BOOST_REQUIRE(state->Flush(chain::FlushMode::PERIODIC));
    const auto lost = Mine(2);
    state.reset(); // a crash: no shutdown flush (destructor does not flush)
    auto reopened = Chainstate::Open(Options());
    BOOST_REQUIRE(reopened);
    {
        std::lock_guard lock((*reopened)->Mutex());
        BOOST_CHECK_EQUAL((*reopened)->Chain().Height(), 5); // the coins' best block
        BOOST_CHECK((*reopened)->Find(lost[0].GetHash()) == nullptr);
    }
    state = std::move(*reopened);
    BOOST_REQUIRE(state->ActivateBestChain());
    BOOST_CHECK_EQUAL(Height(), 10);
    BOOST_CHECK(Tip()->hash == more.back().GetHash());
    BOOST_CHECK(HaveCoin(CoinbaseOf(more[2])));
    // The lost blocks can simply be submitted again.
    BOOST_CHECK_EQUAL(Submit(lost[0]), "ok");
    BOOST_CHECK_EQUAL(Submit(lost[1]), "ok");
    BOOST_CHECK_EQUAL(Height(), 12);
}

BOOST_AUTO_TEST_CASE(import_out_of_order_reindex_and_verify)
{
    // Build 30 blocks in a scratch chainstate, write them shuffled to a file.
    std::vector<Block> blocks = Mine(30);
    const auto tip_hash = Tip()->hash;
    state.reset();
    std::filesystem::remove_all(dir.path / "blocks");
    std::filesystem::remove_all(dir.path / "chainstate");
    Open();
    BOOST_CHECK_EQUAL(Height(), 0);
    std::vector<Block> shuffled = blocks;
    std::swap(shuffled[3], shuffled[20]);
    std::swap(shuffled[0], shuffled[29]);
    const auto file = dir.path / "import.dat";
    WriteBlkFile(file, shuffled, params.message_start);
    const auto imported = state->ImportBlockFile(file);
    BOOST_REQUIRE(imported);
    BOOST_CHECK_EQUAL(*imported, 30u);
    BOOST_CHECK(Tip()->hash == tip_hash);
    BOOST_REQUIRE(state->VerifyChain(4, 10));
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));

    // -reindex-chainstate and -reindex rebuild the same tip.
    auto options = Options();
    options.wipe_chainstate = true;
    Open(options);
    BOOST_CHECK(Tip()->hash == tip_hash);
    BOOST_CHECK(HaveCoin(CoinbaseOf(blocks[10])));
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));
    options = Options();
    options.wipe_block_index = true;
    state.reset();
    auto reopened = Chainstate::Open(options);
    BOOST_REQUIRE(reopened);
    state = std::move(*reopened);
    BOOST_REQUIRE(state->Reindex());
    BOOST_CHECK(Tip()->hash == tip_hash);
    BOOST_CHECK(HaveCoin(CoinbaseOf(blocks[10])));
    // New blocks after a reindex go after the existing records.
    Mine(1);
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));
    Open();
    BOOST_CHECK_EQUAL(Height(), 31);
    BOOST_REQUIRE(state->VerifyChain(4, 0));
}

BOOST_AUTO_TEST_CASE(automatic_pruning_keeps_the_last_288_blocks)
{
    auto options = Options();
    options.prune_target_bytes = 2; // prune whatever may be pruned
    options.max_block_file_size = 4096;
    Open(options);
    const auto blocks = Mine(1300);
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));
    {
        std::lock_guard lock(state->Mutex());
        const int first = state->FirstBlockWithData();
        BOOST_CHECK_GT(first, 900);
        BOOST_CHECK_LE(first, 1300 - chain::MIN_BLOCKS_TO_KEEP);
        const BlockIndex* old = state->Find(blocks[10].GetHash());
        BOOST_CHECK(!(old->status & storage::BLOCK_HAVE_DATA));
        BOOST_CHECK(!state->ReadBlock(*old));
        BOOST_CHECK(state->ReadBlock(*state->Chain().At(1300 - chain::MIN_BLOCKS_TO_KEEP)));
    }
    BOOST_CHECK(!std::filesystem::exists(dir.path / "blocks" / "blk00000.dat"));
    BOOST_CHECK(!std::filesystem::exists(dir.path / "blocks" / "rev00000.dat"));
    // The node carries on, and starts again, on what is left.
    Mine(3);
    BOOST_REQUIRE(state->Flush(chain::FlushMode::ALWAYS));
    Open(options);
    BOOST_CHECK_EQUAL(Height(), 1303);
    BOOST_REQUIRE(state->VerifyChain(4, 6));
    // Manual pruning is refused without -prune.
    Open(Options());
    BOOST_CHECK(!state->PruneToHeight(100));
}

BOOST_AUTO_TEST_CASE(assumevalid_skips_scripts_only_below_the_assumed_block)
{
    // A chain built without validation: block 102 spends block 1's coinbase
    // (paying to OP_1 OP_EQUAL) with a script that leaves false; then 2,100
    // more blocks, so the last is buried under more than two weeks of work.
    std::vector<Block> chain_blocks;
    primitives::BlockHash prev = params.genesis.GetHash();
    uint32_t time = params.genesis.header.time;
    auto make = [&](int height, util::Bytes payout, std::vector<MutableTransaction> txs) {
        MutableTransaction coinbase;
        coinbase.vin.resize(1);
        script::AppendInt(coinbase.vin[0].script_sig, height);
        coinbase.vin[0].script_sig.push_back(script::OP_0);
        coinbase.vout.push_back({Amount{consensus::BlockSubsidy(height, params.consensus).sats()}, std::move(payout)});
        Block block;
        block.header.version = 0x20000000;
        block.header.prev_block = prev;
        block.header.time = ++time;
        block.header.bits = 0x207fffff;
        block.txs.push_back(std::make_shared<const Transaction>(std::move(coinbase)));
        for (auto& tx : txs) block.txs.push_back(std::make_shared<const Transaction>(std::move(tx)));
        block.header.merkle_root = primitives::BlockMerkleRoot(block);
        while (!consensus::CheckProofOfWork(block.GetHash(), block.header.bits, params.consensus)) ++block.header.nonce;
        prev = block.GetHash();
        chain_blocks.push_back(std::move(block));
    };
    make(1, {script::OP_1, script::OP_EQUAL}, {});
    for (int height = 2; height <= 101; ++height) make(height, {script::OP_TRUE}, {});
    MutableTransaction bad = Spend(CoinbaseOf(chain_blocks[0]), 49'0000'0000);
    script::AppendInt(bad.vin[0].script_sig, 2); // 2 OP_1 OP_EQUAL: false
    make(102, {script::OP_TRUE}, {bad});
    for (int height = 103; height <= 2202; ++height) make(height, {script::OP_TRUE}, {});

    auto run = [&](std::optional<primitives::BlockHash> assumed, size_t count) {
        test::TempDir other;
        auto options = Options();
        options.data_dir = other.path;
        options.blocks_dir = other.path / "blocks";
        options.assume_valid = assumed;
        Open(options);
        // Headers first, as a syncing node learns them.
        for (size_t i = 0; i < count; ++i) BOOST_REQUIRE_EQUAL(state->ProcessNewBlockHeader(chain_blocks[i].header), "");
        std::string first_failure;
        for (size_t i = 0; i < count; ++i) {
            const std::string result = Submit(chain_blocks[i]);
            if (result != "ok" && first_failure.empty()) first_failure = result;
        }
        const int height = Height();
        state.reset();
        return std::make_pair(height, first_failure);
    };
    const auto checked = run(std::nullopt, chain_blocks.size());
    BOOST_CHECK_EQUAL(checked.first, 101);
    BOOST_CHECK_EQUAL(checked.second,
                      "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a "
                      "false/empty top stack element)");
    // Assuming the last block valid: block 102's script is not run.
    const auto assumed = run(chain_blocks.back().GetHash(), chain_blocks.size());
    BOOST_CHECK_EQUAL(assumed.first, 2202);
    // Not when the best header is less than two weeks of work above the
    // block (1,000 blocks at 10 minutes), nor for an assumed block we do not
    // know.
    const auto shallow = run(chain_blocks[1100].GetHash(), 1101);
    BOOST_CHECK_EQUAL(shallow.first, 101);
    const auto unknown = run(primitives::BlockHash(primitives::Uint256(std::array<uint8_t, 32>{5})), chain_blocks.size());
    BOOST_CHECK_EQUAL(unknown.first, 101);
    Open();
}

BOOST_AUTO_TEST_CASE(mainnet_blocks_1_to_255_import)
{
    consensus::ChainParams main = *consensus::CreateChainParams(consensus::ChainType::MAIN);
    auto options = Options();
    options.params = &main;
    options.data_dir = dir.path / "main";
    options.blocks_dir = dir.path / "main" / "blocks";
    Open(options);
    const auto file = dir.path / "mainnet.dat";
    const auto bytes = test::ReadDataFile("mainnet-blocks-1-255.dat");
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                 static_cast<std::streamsize>(bytes.size()));
    const auto imported = state->ImportBlockFile(file);
    BOOST_REQUIRE(imported);
    BOOST_CHECK_EQUAL(*imported, 255u);
    BOOST_CHECK_EQUAL(Height(), 255);
    BOOST_CHECK_EQUAL(Tip()->hash.ToHex(), "00000000d0a75c861fabf9ff7b92022f60e4afeed9331fe5aa073d8e4706fe3c");
    // Importing again finds only duplicates.
    const auto again = state->ImportBlockFile(file);
    BOOST_REQUIRE(again);
    BOOST_CHECK_EQUAL(*again, 0u);
}

BOOST_AUTO_TEST_SUITE_END()
