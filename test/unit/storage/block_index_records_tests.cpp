#include <consensus/chain_params.h>
#include <storage/block_index_records.h>

#include <boost/test/unit_test.hpp>

using namespace storage;

BOOST_AUTO_TEST_SUITE(block_index_records_tests)

BOOST_AUTO_TEST_CASE(block_record_layout)
{
    const auto main = consensus::CreateChainParams(consensus::ChainType::MAIN);
    BlockIndexRecord genesis;
    genesis.height = 0;
    genesis.status = BLOCK_VALID_SCRIPTS | BLOCK_HAVE_DATA;
    genesis.tx_count = 1;
    genesis.file = 0;
    genesis.data_pos = 8;
    genesis.header = main->genesis.header;
    const util::Bytes bytes = SerializeBlockIndexRecord(genesis);
    // VarInt(259900), height 0, status 13, 1 tx, file 0, data at 8, the 80-byte header.
    BOOST_REQUIRE_EQUAL(bytes.size(), 3u + 5 + 80);
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(bytes.data(), 8)), "8eed3c000d010008");
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(bytes.data() + 8, 4)), "01000000"); // header version 1
    const auto back = DeserializeBlockIndexRecord(bytes);
    BOOST_REQUIRE(back);
    BOOST_CHECK(*back == genesis);
    BOOST_CHECK(back->header.GetHash() == main->genesis.GetHash());

    // With undo data the file is followed by both positions; without any data, neither.
    BlockIndexRecord full = genesis;
    full.height = 400'000;
    full.status |= BLOCK_HAVE_UNDO | BLOCK_OPT_WITNESS;
    full.file = 12;
    full.data_pos = 1'000'000;
    full.undo_pos = 77;
    const auto full_back = DeserializeBlockIndexRecord(SerializeBlockIndexRecord(full));
    BOOST_REQUIRE(full_back);
    BOOST_CHECK(*full_back == full);
    BlockIndexRecord header_only = genesis;
    header_only.status = BLOCK_VALID_TREE;
    header_only.file = -1;
    header_only.data_pos = 0;
    const util::Bytes short_bytes = SerializeBlockIndexRecord(header_only);
    BOOST_CHECK_EQUAL(short_bytes.size(), 3u + 3 + 80);
    BOOST_CHECK(*DeserializeBlockIndexRecord(short_bytes) == header_only);

    // Malformed: truncated or with trailing bytes.
    for (size_t cut = 0; cut < bytes.size(); ++cut) {
        BOOST_CHECK(!DeserializeBlockIndexRecord(util::ByteSpan(bytes.data(), cut)));
    }
    util::Bytes trailing = bytes;
    trailing.push_back(0);
    BOOST_CHECK(!DeserializeBlockIndexRecord(trailing));
}

BOOST_AUTO_TEST_CASE(file_info_and_keys)
{
    const BlockFileInfo info{120, 134'000'000, 19'000'000, 0, 119, 1'231'006'505, 1'231'600'000};
    const util::Bytes bytes = SerializeBlockFileInfo(info);
    BOOST_CHECK(bytes.size() < 30);
    BOOST_CHECK(*DeserializeBlockFileInfo(bytes) == info);
    BOOST_CHECK(!DeserializeBlockFileInfo(util::ByteSpan(bytes.data(), bytes.size() - 1)));

    const auto hash = *primitives::BlockHash::FromHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
    const util::Bytes key = BlockIndexKey(hash);
    BOOST_REQUIRE_EQUAL(key.size(), 33u);
    BOOST_CHECK_EQUAL(key[0], 'b');
    BOOST_CHECK_EQUAL(key[1], 0x6f); // the hash in its internal (little-endian) byte order
    BOOST_CHECK_EQUAL(util::HexStr(BlockFileInfoKey(3)), "6603000000");
    BOOST_CHECK_EQUAL(util::HexStr(LastBlockFileKey()), "6c");
    BOOST_CHECK_EQUAL(util::HexStr(ReindexKey()), "52");
    BOOST_CHECK_EQUAL(util::HexStr(FlagKey("txindex")), "46" "07" "7478696e646578"); // 'F', length, "txindex"
}

BOOST_AUTO_TEST_SUITE_END()
