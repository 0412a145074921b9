#include <consensus/chain_params.h>
#include <consensus/pow.h>
#include <primitives/arith_uint256.h>
#include <primitives/block.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <util/endian.h>
#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

using namespace primitives;

namespace {

// The main network's proof-of-work rule (limit included).
bool MeetsTarget(const BlockHeader& header)
{
    static const auto params = *consensus::CreateChainParams(consensus::ChainType::MAIN);
    return consensus::CheckProofOfWork(header.GetHash(), header.bits, params.consensus);
}

} // namespace

BOOST_AUTO_TEST_SUITE(block_tests)

BOOST_AUTO_TEST_CASE(mainnet_block_413567)
{
    const util::Bytes raw = test::ReadDataFile("block413567.raw");
    BOOST_REQUIRE_EQUAL(raw.size(), 999887u);
    auto block = DecodeBlock(raw);
    BOOST_REQUIRE_MESSAGE(block, (block ? "" : block.error()));
    BOOST_CHECK_EQUAL(block->GetHash().ToHex(), "0000000000000000025aff8be8a55df8f89c77296db6198f272d6577325d4069");
    BOOST_CHECK(MeetsTarget(block->header));

    bool mutated = true;
    BOOST_CHECK(BlockMerkleRoot(*block, &mutated) == block->header.merkle_root);
    BOOST_CHECK(!mutated);
    BOOST_CHECK(block->txs.front()->IsCoinBase());
    for (size_t i = 1; i < block->txs.size(); ++i) BOOST_CHECK(!block->txs[i]->IsCoinBase());

    BOOST_CHECK(EncodeBlock(*block) == raw);
    BOOST_CHECK(EncodeBlockHeader(block->header) == util::Bytes(raw.begin(), raw.begin() + 80));
    auto header = DecodeBlockHeader(util::ByteSpan(raw.data(), 80));
    BOOST_REQUIRE(header);
    BOOST_CHECK(*header == block->header);
}

BOOST_AUTO_TEST_CASE(mainnet_blocks_1_to_255_link_and_meet_their_targets)
{
    const util::Bytes file = test::ReadDataFile("mainnet-blocks-1-255.dat");
    const auto records = test::ReadBlkRecords(file, {0xf9, 0xbe, 0xb4, 0xd9});
    BOOST_REQUIRE_EQUAL(records.size(), 255u);
    // Block 1's parent is the main-network genesis block.
    BlockHash prev = *BlockHash::FromHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
    for (size_t i = 0; i < records.size(); ++i) {
        auto block = DecodeBlock(records[i]);
        BOOST_REQUIRE_MESSAGE(block, "block " << i + 1 << ": " << (block ? "" : block.error()));
        BOOST_CHECK_MESSAGE(block->header.prev_block == prev, "block " << i + 1 << " does not link");
        BOOST_CHECK_MESSAGE(MeetsTarget(block->header), "block " << i + 1 << " misses its target");
        bool mutated = true;
        BOOST_CHECK(BlockMerkleRoot(*block, &mutated) == block->header.merkle_root);
        BOOST_CHECK(!mutated);
        BOOST_CHECK(EncodeBlock(*block) == records[i]);
        prev = block->GetHash();
    }
    BOOST_CHECK_EQUAL(prev.ToHex(), "00000000d0a75c861fabf9ff7b92022f60e4afeed9331fe5aa073d8e4706fe3c");
}

BOOST_AUTO_TEST_CASE(header_with_wrong_nonce_misses_target)
{
    const util::Bytes raw = test::ReadDataFile("block413567.raw");
    auto header = DecodeBlockHeader(util::ByteSpan(raw.data(), 80));
    BOOST_REQUIRE(header);
    header->nonce ^= 1;
    BOOST_CHECK(!MeetsTarget(*header));
}

BOOST_AUTO_TEST_CASE(malformed_blocks_rejected)
{
    const util::Bytes raw = test::ReadDataFile("block413567.raw");
    BOOST_CHECK(!DecodeBlockHeader(util::ByteSpan(raw.data(), 79)));
    auto truncated = DecodeBlock(util::ByteSpan(raw.data(), raw.size() - 1));
    BOOST_REQUIRE(!truncated);
    BOOST_CHECK(truncated.error().find("invalid block: unexpected end of data") == 0);
    util::Bytes extra = raw;
    extra.push_back(0);
    auto trailing = DecodeBlock(extra);
    BOOST_REQUIRE(!trailing);
    BOOST_CHECK_EQUAL(trailing.error(), "invalid block: 1 unexpected bytes after the end");
    // A header claiming 2^32 transactions with nothing behind it.
    util::Bytes lying(raw.begin(), raw.begin() + 80);
    for (uint8_t b : {0xfe, 0xff, 0xff, 0xff, 0xff}) lying.push_back(b);
    BOOST_CHECK(!DecodeBlock(lying));
}

BOOST_AUTO_TEST_CASE(witness_commitment)
{
    // A coinbase with a witness reserved value and a commitment output, then a spend with a witness.
    MutableTransaction coinbase;
    coinbase.vin.resize(1);
    coinbase.vin[0].script_sig = {0x01, 0x01};
    coinbase.vin[0].witness.stack = {util::Bytes(32, 0)};
    coinbase.vout.push_back(TxOut{Amount(50 * COIN), {0x51}});
    MutableTransaction spend;
    spend.vin.resize(1);
    spend.vin[0].prevout.index = 0;
    spend.vin[0].prevout.txid = *Txid::FromHex(std::string(64, '7'));
    spend.vin[0].witness.stack = {{0x01, 0x02}};
    spend.vout.push_back(TxOut{Amount(1), {0x51}});

    Block block;
    block.txs.push_back(std::make_shared<const Transaction>(coinbase));
    block.txs.push_back(std::make_shared<const Transaction>(spend));
    BOOST_CHECK(!FindWitnessCommitment(block));

    const Uint256 witness_root = BlockWitnessMerkleRoot(block);
    // With the coinbase's wtxid counted as zero the root is the hash of zero and the spend's wtxid.
    BOOST_CHECK(witness_root == ComputeMerkleRoot({Uint256(), block.txs[1]->wtxid().AsUint256()}));
    const Uint256 commitment = ComputeWitnessCommitment(witness_root, coinbase.vin[0].witness.stack[0]);
    coinbase.vout.push_back(TxOut{Amount(0), WitnessCommitmentScript(commitment)});
    coinbase.vout.push_back(TxOut{Amount(0), {0x6a, 0x24, 0xaa, 0x21, 0xa9}}); // too short: not a commitment
    block.txs[0] = std::make_shared<const Transaction>(coinbase);

    const auto index = FindWitnessCommitment(block);
    BOOST_REQUIRE(index);
    BOOST_CHECK_EQUAL(*index, 1u);
    const util::Bytes& script = block.txs[0]->outputs()[*index].script_pubkey;
    BOOST_CHECK_EQUAL(script.size(), 38u);
    BOOST_CHECK(Uint256(util::ByteSpan(script.data() + 6, 32)) == commitment);
    // Changing the coinbase does not change the witness root (its wtxid counts as zero).
    BOOST_CHECK(BlockWitnessMerkleRoot(block) == witness_root);
}

BOOST_AUTO_TEST_SUITE_END()
