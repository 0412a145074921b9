#include <chain/block_store.h>
#include <consensus/chain_params.h>

#include <test_data.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <unistd.h>

namespace {

using test::TempDir;

const storage::MessageStart MAIN_MAGIC{0xf9, 0xbe, 0xb4, 0xd9};

} // namespace

BOOST_AUTO_TEST_SUITE(block_store_tests)

BOOST_AUTO_TEST_CASE(blocks_round_trip_in_core_layout)
{
    TempDir dir;
    const util::Bytes fixture = test::ReadDataFile("mainnet-blocks-1-255.dat");
    const auto records = test::ReadBlkRecords(fixture, MAIN_MAGIC);
    chain::BlockStore store(dir.path, MAIN_MAGIC);
    std::vector<std::pair<storage::FilePos, primitives::BlockHash>> written;
    for (const auto& record : records) {
        const auto block = primitives::DecodeBlock(record);
        BOOST_REQUIRE(block);
        const auto pos = store.WriteBlock(*block);
        BOOST_REQUIRE(pos);
        written.emplace_back(*pos, block->GetHash());
    }
    BOOST_REQUIRE(store.Flush(/*finalize=*/true));
    // The file is byte for byte the fixture: Bitcoin Core's own blk layout.
    std::ifstream in(dir.path / "blk00000.dat", std::ios::binary);
    const util::Bytes ours{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    BOOST_CHECK(ours == fixture);

    const auto block = store.ReadBlock(written[100].first, written[100].second);
    BOOST_REQUIRE(block);
    BOOST_CHECK(block->GetHash() == written[100].second);
    const auto wrong = store.ReadBlock(written[100].first, written[101].second);
    BOOST_REQUIRE(!wrong);
    BOOST_CHECK(wrong.error().find("not " + written[101].second.ToHex()) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(undo_checksums)
{
    TempDir dir;
    chain::BlockStore store(dir.path, MAIN_MAGIC);
    coins::BlockUndo undo;
    undo.txs.push_back({{coins::Coin{{primitives::Amount{5000}, {0x51}}, 7, true, false}}});
    const primitives::BlockHash parent(primitives::Uint256(std::array<uint8_t, 32>{1, 2, 3}));
    const primitives::BlockHash other(primitives::Uint256(std::array<uint8_t, 32>{9}));
    const auto pos = store.WriteUndo(undo, parent, 0, 0);
    BOOST_REQUIRE(pos);
    BOOST_REQUIRE(store.Flush(true));
    // magic, length, record, then 32 checksum bytes outside the length.
    const util::Bytes record = coins::SerializeBlockUndo(undo);
    BOOST_CHECK_EQUAL(std::filesystem::file_size(dir.path / "rev00000.dat"), 8 + record.size() + 32);

    const auto back = store.ReadUndo(*pos, parent);
    BOOST_REQUIRE(back);
    BOOST_CHECK(*back == undo);
    // The checksum ties the record to its block's parent.
    const auto foreign = store.ReadUndo(*pos, other);
    BOOST_REQUIRE(!foreign);
    BOOST_CHECK(foreign.error().starts_with("Undo data checksum mismatch"));
    // A flipped bit in the record is caught too.
    {
        std::fstream file(dir.path / "rev00000.dat", std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(9);
        file.put(static_cast<char>(0x7f));
    }
    BOOST_CHECK(!store.ReadUndo(*pos, parent));

    // Undo follows its block's file number, continuing at the size given.
    const uint64_t rev0_size = 8 + record.size() + 32;
    const auto in_file_3 = store.WriteUndo(undo, parent, 3, 0);
    BOOST_REQUIRE(in_file_3);
    BOOST_CHECK_EQUAL(in_file_3->file, 3);
    const auto second = store.WriteUndo(undo, parent, 0, rev0_size);
    BOOST_REQUIRE(second);
    BOOST_CHECK_EQUAL(second->file, 0);
    BOOST_CHECK_EQUAL(second->offset, rev0_size + 8);
    BOOST_REQUIRE(store.Flush(true));
    BOOST_CHECK_EQUAL(std::filesystem::file_size(dir.path / "rev00000.dat"), 2 * rev0_size);
    BOOST_CHECK(store.ReadUndo(*in_file_3, parent));
    store.RemoveFiles(3);
    BOOST_CHECK(!std::filesystem::exists(dir.path / "rev00003.dat"));
}

BOOST_AUTO_TEST_SUITE_END()
