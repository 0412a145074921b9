// Compact blocks (BIP152): short ids from their definition and an
// interoperability vector, the differential index encoding, every malformed
// cmpctblock/getblocktxn/blocktxn, and mainnet block 413567 rebuilt from
// candidate transactions and from a blocktxn answer.
//
// Vector: rust-bitcoin's compact block test (bitcoin/src/bip152.rs,
// test_compact_block_vector, CC0-1.0), there checked against the Elements
// implementation: a regtest segwit block of two transactions and the
// cmpctblock for nonce 18053200567810711460.
#include <net/compact_block.h>

#include <crypto/sha256.h>
#include <crypto/siphash.h>
#include <primitives/merkle.h>
#include <util/endian.h>
#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>

using net::BlockTransactions;
using net::BlockTransactionsRequest;
using net::CompactBlock;
using net::PartiallyDownloadedBlock;
using net::ReadStatus;
using primitives::Block;
using primitives::TransactionRef;

namespace {

const std::string VECTOR_BLOCK_HEX =
    "000000206c750a364035aefd5f81508a08769975116d9195312ee4520dceac39e1fdc62c4dc67473b8e354358c1e610afeaff7410858bd45"
    "df43e2940f8a62bd3d5e3ac943c2975cffff7f200000000002020000000001010000000000000000000000000000000000000000000000000"
    "000000000000000ffffffff04016b0101ffffffff020006062a0100000001510000000000000000266a24aa21a9ed4a3d9f3343dafcc0d6f6"
    "d4310f2ee5ce273ed34edca6c75db3a73e7f3687342001200000000000000000000000000000000000000000000000000000000000000000"
    "00000000020000000001021fc20ba2bd745507b8e00679e3b362558f9457db374ca28ffa5243f4c23a4d5f00000000171600147c9dea14ff"
    "bcaec4b575e03f05ceb7a81cd3fcbffdffffff915d689be87b43337f42e26033df59807b768223368f189a023d0242d83776890000000017"
    "1600147c9dea14ffbcaec4b575e03f05ceb7a81cd3fcbffdffffff0200cdf5050000000017a9146803c72d9154a6a20f404bed6d3dcee079"
    "86235a8700e1f5050000000017a9144e6a4c7cb5b5562904843bdf816342f4db9f5797870247304402205e9bf6e70eb0e4b495bf483fd8e6"
    "e02da64900f290ef8aaa64bb32600d973c450220670896f5d0e5f33473e5f399ab680cc1d25c2d2afd15abd722f04978f28be887012103e4"
    "e4d9312b2261af508b367d8ba9be4f01b61d6d6e78bec499845b4f410bcf2702473044022045ac80596a6ac9c8c572f94708709adaf10667"
    "7221122e08daf8b9741a04f66a022003ccd52a3b78f8fd08058fc04fc0cffa5f4c196c84eae9e37e2a85babe731b57012103e4e4d9312b22"
    "61af508b367d8ba9be4f01b61d6d6e78bec499845b4f410bcf276a000000";

const std::string VECTOR_COMPACT_HEX =
    "000000206c750a364035aefd5f81508a08769975116d9195312ee4520dceac39e1fdc62c4dc67473b8e354358c1e610afeaff7410858bd45"
    "df43e2940f8a62bd3d5e3ac943c2975cffff7f2000000000"
    "a4df3c3744da89fa"   // nonce
    "01" "0a6979e97145"  // one short id
    "01" "00"            // one prefilled transaction at index 0: the coinbase
    "020000000001010000000000000000000000000000000000000000000000000000000000000000ffffffff04016b0101ffffffff020006062a"
    "0100000001510000000000000000266a24aa21a9ed4a3d9f3343dafcc0d6f6d4310f2ee5ce273ed34edca6c75db3a73e7f36873420012000"
    "0000000000000000000000000000000000000000000000000000000000000000000000";

constexpr uint64_t VECTOR_NONCE = 18053200567810711460ULL;
constexpr uint64_t VECTOR_SHORT_ID = 0x4571e979690aULL;

Block DecodeHexBlock(const std::string& hex)
{
    auto block = primitives::DecodeBlock(test::ParseHex(hex));
    BOOST_REQUIRE_MESSAGE(block, (block ? "" : block.error()));
    return std::move(*block);
}

Block Block413567()
{
    auto block = primitives::DecodeBlock(test::ReadDataFile("block413567.raw"));
    BOOST_REQUIRE(block);
    return std::move(*block);
}

void CheckSameCompactBlock(const CompactBlock& a, const CompactBlock& b)
{
    BOOST_CHECK(a.header == b.header);
    BOOST_CHECK_EQUAL(a.nonce, b.nonce);
    BOOST_CHECK(a.short_ids == b.short_ids);
    BOOST_REQUIRE_EQUAL(a.prefilled.size(), b.prefilled.size());
    for (size_t i = 0; i < a.prefilled.size(); ++i) {
        BOOST_CHECK_EQUAL(a.prefilled[i].index, b.prefilled[i].index);
        BOOST_CHECK(a.prefilled[i].tx->wtxid() == b.prefilled[i].tx->wtxid());
    }
}

std::string Describe(const net::ReadOutcome& outcome)
{
    return outcome.ok() ? "ok" : outcome.reason;
}

// Init from `compact` and `candidates`, then Fill from `block` answering
// what is missing; returns the rebuilt block.
Block Rebuild(const Block& block, const CompactBlock& compact, std::span<const TransactionRef> candidates,
              size_t expect_missing)
{
    PartiallyDownloadedBlock partial;
    const auto init = partial.Init(compact, candidates);
    BOOST_REQUIRE_MESSAGE(init.ok(), Describe(init));
    const std::vector<uint16_t> missing = partial.MissingIndexes();
    BOOST_CHECK_EQUAL(missing.size(), expect_missing);
    for (size_t i = 0; i < partial.TxCount(); ++i) {
        BOOST_CHECK_EQUAL(partial.IsTxAvailable(i), !std::binary_search(missing.begin(), missing.end(), i));
    }

    // getblocktxn and blocktxn through their wire forms.
    auto request = net::DecodeBlockTransactionsRequest(
        net::EncodeBlockTransactionsRequest({compact.header.GetHash(), missing}));
    BOOST_REQUIRE(request);
    BOOST_CHECK(request->indexes == missing);
    auto answer = net::BuildBlockTransactions(block, *request);
    BOOST_REQUIRE(answer);
    auto received = net::DecodeBlockTransactions(net::EncodeBlockTransactions(*answer));
    BOOST_REQUIRE_MESSAGE(received, (received ? "" : received.error()));
    BOOST_REQUIRE_EQUAL(received->txs.size(), missing.size());

    Block rebuilt;
    const auto fill = partial.Fill(*received, rebuilt);
    BOOST_REQUIRE_MESSAGE(fill.ok(), Describe(fill));
    BOOST_CHECK(!partial.IsInitialized());
    return rebuilt;
}

} // namespace

BOOST_AUTO_TEST_SUITE(compact_block_tests)

BOOST_AUTO_TEST_CASE(interoperability_vector)
{
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    BOOST_REQUIRE_EQUAL(block.txs.size(), 2u);
    const CompactBlock compact = CompactBlock::FromBlock(block, VECTOR_NONCE);
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeCompactBlock(compact)), VECTOR_COMPACT_HEX);

    auto decoded = net::DecodeCompactBlock(test::ParseHex(VECTOR_COMPACT_HEX));
    BOOST_REQUIRE_MESSAGE(decoded, (decoded ? "" : decoded.error()));
    CheckSameCompactBlock(*decoded, compact);
    BOOST_REQUIRE_EQUAL(decoded->short_ids.size(), 1u);
    BOOST_CHECK_EQUAL(decoded->short_ids[0], VECTOR_SHORT_ID);
    BOOST_CHECK_EQUAL(decoded->BlockTxCount(), 2u);
}

BOOST_AUTO_TEST_CASE(short_id_definition)
{
    // BIP152: SipHash-2-4 keyed with the first two little-endian words of
    // SHA256(header || nonce), over the wtxid, low 48 bits. Recomputed here
    // with the incremental hashers rather than the fast paths.
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    const util::Bytes raw = test::ParseHex(VECTOR_BLOCK_HEX);
    uint8_t nonce[8];
    util::WriteLE64(nonce, VECTOR_NONCE);
    crypto::Sha256 sha;
    sha.Write(util::ByteSpan(raw.data(), 80)).Write(nonce);
    const auto digest = sha.Finalize();
    const uint64_t k0 = util::ReadLE64(digest.data());
    const uint64_t k1 = util::ReadLE64(digest.data() + 8);
    const net::ShortIdKey key = net::ComputeShortIdKey(block.header, VECTOR_NONCE);
    BOOST_CHECK_EQUAL(key.k0, k0);
    BOOST_CHECK_EQUAL(key.k1, k1);

    const primitives::Transaction& spend = *block.txs[1];
    BOOST_REQUIRE(spend.HasWitness());
    const uint64_t expected = crypto::SipHasher(k0, k1).Write(spend.wtxid().span()).Finalize() & 0xffffffffffffULL;
    BOOST_CHECK_EQUAL(expected, VECTOR_SHORT_ID);
    BOOST_CHECK_EQUAL(net::ShortTxId(key, spend.wtxid()), VECTOR_SHORT_ID);
    // The txid would give another id: version 2 hashes the wtxid.
    BOOST_CHECK_NE(net::ShortTxId(key, primitives::Wtxid(spend.txid().AsUint256())), VECTOR_SHORT_ID);
    // Another nonce, another key.
    BOOST_CHECK_NE(net::ShortTxId(net::ComputeShortIdKey(block.header, VECTOR_NONCE + 1), spend.wtxid()),
                   VECTOR_SHORT_ID);
}

BOOST_AUTO_TEST_CASE(segwit_block_rebuilt_and_witness_checked)
{
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    const CompactBlock compact = CompactBlock::FromBlock(block, VECTOR_NONCE);
    const util::Bytes raw = test::ParseHex(VECTOR_BLOCK_HEX);

    // From a candidate pool: nothing to ask for.
    const std::vector<TransactionRef> pool{block.txs[1]};
    BOOST_CHECK(primitives::EncodeBlock(Rebuild(block, compact, pool, 0)) == raw);
    // From blocktxn.
    BOOST_CHECK(primitives::EncodeBlock(Rebuild(block, compact, {}, 1)) == raw);

    // The spend with another witness: same txid, so the merkle root holds,
    // but the witness commitment does not. A collision, not a bad block.
    primitives::MutableTransaction changed = block.txs[1]->fields();
    changed.vin[0].witness.stack[0][10] ^= 1;
    const auto malleated = std::make_shared<const primitives::Transaction>(changed);
    BOOST_REQUIRE(malleated->txid() == block.txs[1]->txid());
    PartiallyDownloadedBlock partial;
    BOOST_REQUIRE(partial.Init(compact, {}).ok());
    Block rebuilt;
    const auto fill = partial.Fill({block.GetHash(), {malleated}}, rebuilt);
    BOOST_CHECK(fill.status == ReadStatus::FAILED);
    BOOST_CHECK_EQUAL(fill.reason, "rebuilt block does not match its witness commitment (short id collision?)");
}

BOOST_AUTO_TEST_CASE(mainnet_block_413567_round_trip)
{
    const Block block = Block413567();
    const util::Bytes raw = test::ReadDataFile("block413567.raw");
    const CompactBlock compact = CompactBlock::FromBlock(block, 0x0123456789abcdefULL);
    BOOST_CHECK_EQUAL(compact.short_ids.size(), block.txs.size() - 1);
    const util::Bytes bytes = net::EncodeCompactBlock(compact);
    // Header, nonce, 3-byte count, 6 bytes per short id, count, index, coinbase.
    BOOST_CHECK_EQUAL(bytes.size(), 80 + 8 + 3 + 6 * compact.short_ids.size() + 1 + 1 + block.txs[0]->TotalSize());
    auto decoded = net::DecodeCompactBlock(bytes);
    BOOST_REQUIRE_MESSAGE(decoded, (decoded ? "" : decoded.error()));
    CheckSameCompactBlock(*decoded, compact);

    // Every transaction known beforehand (the coinbase among them does no harm).
    PartiallyDownloadedBlock partial;
    BOOST_REQUIRE(partial.Init(*decoded, block.txs).ok());
    BOOST_CHECK_EQUAL(partial.CandidateMatches(), block.txs.size() - 1);
    const Block from_pool = Rebuild(block, *decoded, block.txs, 0);
    bool mutated = true;
    BOOST_CHECK(primitives::BlockMerkleRoot(from_pool, &mutated) == block.header.merkle_root);
    BOOST_CHECK(!mutated);
    BOOST_CHECK(from_pool.GetHash() == block.GetHash());
    BOOST_CHECK(primitives::EncodeBlock(from_pool) == raw);

    // Nothing known: every transaction but the coinbase comes by blocktxn.
    BOOST_CHECK(primitives::EncodeBlock(Rebuild(block, *decoded, {}, block.txs.size() - 1)) == raw);

    // Half known (odd positions, in reverse order and twice over).
    std::vector<TransactionRef> half;
    for (size_t i = block.txs.size() - 1; i > 0; --i) {
        if (i % 2 == 1) half.insert(half.end(), 2, block.txs[i]);
    }
    const size_t evens = (block.txs.size() - 1) / 2;
    BOOST_CHECK(primitives::EncodeBlock(Rebuild(block, *decoded, half, evens)) == raw);
}

BOOST_AUTO_TEST_CASE(fill_failures)
{
    const Block block = Block413567();
    const CompactBlock compact = CompactBlock::FromBlock(block, 7);
    const std::vector<TransactionRef> known(block.txs.begin(), block.txs.end() - 3);
    const std::vector<TransactionRef> last_three(block.txs.end() - 3, block.txs.end());

    PartiallyDownloadedBlock partial;
    Block rebuilt;
    BOOST_CHECK(partial.Fill({block.GetHash(), {}}, rebuilt).status == ReadStatus::INVALID); // not initialized
    BOOST_REQUIRE(partial.Init(compact, known).ok());
    BOOST_CHECK(partial.Init(compact, known).status == ReadStatus::INVALID);
    BOOST_CHECK_EQUAL(partial.MissingIndexes().size(), 3u);

    // A blocktxn for another block leaves the state alone.
    const auto other = partial.Fill({primitives::BlockHash{}, last_three}, rebuilt);
    BOOST_CHECK(other.status == ReadStatus::INVALID);
    BOOST_CHECK(other.reason.starts_with("blocktxn for block 0000"));
    BOOST_CHECK(partial.IsInitialized());

    // Two of them swapped: the merkle root tells.
    PartiallyDownloadedBlock swapped = partial;
    const auto swap = swapped.Fill({block.GetHash(), {last_three[1], last_three[0], last_three[2]}}, rebuilt);
    BOOST_CHECK(swap.status == ReadStatus::FAILED);
    BOOST_CHECK_EQUAL(swap.reason, "rebuilt block does not match its merkle root (short id collision?)");
    BOOST_CHECK(!swapped.IsInitialized());

    PartiallyDownloadedBlock too_few = partial;
    const auto few = too_few.Fill({block.GetHash(), {last_three[0], last_three[1]}}, rebuilt);
    BOOST_CHECK(few.status == ReadStatus::INVALID);
    BOOST_CHECK_EQUAL(few.reason, "blocktxn with too few transactions (2)");

    PartiallyDownloadedBlock too_many = partial;
    std::vector<TransactionRef> four = last_three;
    four.push_back(block.txs[1]);
    const auto many = too_many.Fill({block.GetHash(), four}, rebuilt);
    BOOST_CHECK(many.status == ReadStatus::INVALID);
    BOOST_CHECK_EQUAL(many.reason, "blocktxn with 4 transactions for 3 missing");

    // The right answer still works on the original, once.
    BOOST_REQUIRE(partial.Fill({block.GetHash(), last_three}, rebuilt).ok());
    BOOST_CHECK(rebuilt.GetHash() == block.GetHash());
    BOOST_CHECK(partial.Fill({block.GetHash(), last_three}, rebuilt).status == ReadStatus::INVALID);
}

BOOST_AUTO_TEST_CASE(init_failures)
{
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    const CompactBlock good = CompactBlock::FromBlock(block, VECTOR_NONCE);
    const auto init = [](const CompactBlock& compact) {
        PartiallyDownloadedBlock partial;
        return partial.Init(compact, {});
    };
    BOOST_CHECK(init(good).ok());

    CompactBlock null_header = good;
    null_header.header.bits = 0;
    BOOST_CHECK(init(null_header).status == ReadStatus::INVALID);

    CompactBlock empty = good;
    empty.short_ids.clear();
    empty.prefilled.clear();
    BOOST_CHECK_EQUAL(init(empty).reason, "compact block without transactions");

    // Index 2 with one short id before it: position 1 would have neither.
    CompactBlock past = good;
    past.prefilled[0].index = 2;
    BOOST_CHECK(init(past).status == ReadStatus::INVALID);
    BOOST_CHECK_EQUAL(init(past).reason, "compact block with prefilled index 2 past its 2 transactions");
    // Index 1 is the last position: fine.
    CompactBlock last = good;
    last.prefilled[0].index = 1;
    BOOST_CHECK(init(last).ok());

    CompactBlock unordered = good;
    unordered.prefilled = {{1, block.txs[1]}, {0, block.txs[0]}};
    BOOST_CHECK_EQUAL(init(unordered).reason, "compact block with prefilled indexes out of order");

    CompactBlock null_tx = good;
    null_tx.prefilled[0].tx = nullptr;
    BOOST_CHECK(init(null_tx).status == ReadStatus::INVALID);
    CompactBlock empty_tx = good;
    empty_tx.prefilled[0].tx = std::make_shared<const primitives::Transaction>(primitives::MutableTransaction{});
    BOOST_CHECK_EQUAL(init(empty_tx).reason, "compact block with an empty prefilled transaction");

    CompactBlock too_many = good;
    too_many.short_ids.resize(net::MAX_COMPACT_BLOCK_TX_COUNT);
    for (size_t i = 0; i < too_many.short_ids.size(); ++i) too_many.short_ids[i] = i;
    BOOST_CHECK(init(too_many).status == ReadStatus::INVALID);
    BOOST_CHECK_EQUAL(init(too_many).reason, "compact block with 65536 transactions");
    too_many.short_ids.pop_back();
    BOOST_CHECK(init(too_many).ok());

    // Equal short ids: BIP152 forbids punishing collisions, so FAILED.
    CompactBlock duplicate = good;
    duplicate.short_ids.push_back(duplicate.short_ids[0]);
    const auto collision = init(duplicate);
    BOOST_CHECK(collision.status == ReadStatus::FAILED);
    BOOST_CHECK_EQUAL(collision.reason, "compact block with duplicate short ids");

    // Null candidates are skipped.
    PartiallyDownloadedBlock partial;
    const std::vector<TransactionRef> candidates{nullptr, block.txs[1], nullptr};
    BOOST_REQUIRE(partial.Init(good, candidates).ok());
    BOOST_CHECK(partial.MissingIndexes().empty());
}

BOOST_AUTO_TEST_CASE(differential_indexes)
{
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    const primitives::BlockHash hash = block.GetHash();
    const std::string hash_hex = util::HexStr(hash.span());

    // getblocktxn {0, 1, 3, 10}: 0, then distances minus one: 0, 1, 6.
    const BlockTransactionsRequest request{hash, {0, 1, 3, 10}};
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeBlockTransactionsRequest(request)), hash_hex + "04" "00" "00" "01" "06");
    auto decoded = net::DecodeBlockTransactionsRequest(net::EncodeBlockTransactionsRequest(request));
    BOOST_REQUIRE(decoded);
    BOOST_CHECK(*decoded == request);
    // The largest index, as a single one and after 65534.
    for (const std::vector<uint16_t>& indexes : {std::vector<uint16_t>{65535}, std::vector<uint16_t>{65534, 65535}}) {
        auto top = net::DecodeBlockTransactionsRequest(net::EncodeBlockTransactionsRequest({hash, indexes}));
        BOOST_REQUIRE(top);
        BOOST_CHECK(top->indexes == indexes);
    }

    // Prefilled at 0, 2 and 3 around two short ids: 00, 01, 00 on the wire.
    CompactBlock compact;
    compact.header = block.header;
    compact.short_ids = {1, 2};
    compact.prefilled = {{0, block.txs[0]}, {2, block.txs[1]}, {3, block.txs[0]}};
    const util::Bytes bytes = net::EncodeCompactBlock(compact);
    const size_t first = 80 + 8 + 1 + 12 + 1;
    BOOST_CHECK_EQUAL(bytes[first], 0);
    BOOST_CHECK_EQUAL(bytes[first + 1 + block.txs[0]->TotalSize()], 1);
    BOOST_CHECK_EQUAL(bytes[first + 2 + block.txs[0]->TotalSize() + block.txs[1]->TotalSize()], 0);
    auto back = net::DecodeCompactBlock(bytes);
    BOOST_REQUIRE_MESSAGE(back, (back ? "" : back.error()));
    CheckSameCompactBlock(*back, compact);
    PartiallyDownloadedBlock partial;
    BOOST_CHECK(partial.Init(*back, {}).ok());
    BOOST_CHECK(partial.MissingIndexes() == (std::vector<uint16_t>{1, 4}));
}

BOOST_AUTO_TEST_CASE(malformed_cmpctblock)
{
    const util::Bytes payload = test::ParseHex(VECTOR_COMPACT_HEX);
    for (size_t length = 0; length < payload.size(); ++length) {
        BOOST_CHECK_MESSAGE(!net::DecodeCompactBlock(util::ByteSpan(payload.data(), length)), "length " << length);
    }
    util::Bytes trailing = payload;
    trailing.push_back(0);
    auto extra = net::DecodeCompactBlock(trailing);
    BOOST_REQUIRE(!extra);
    BOOST_CHECK_EQUAL(extra.error(), "invalid cmpctblock message: 1 unexpected bytes after the end");

    const util::Bytes head(payload.begin(), payload.begin() + 88); // header and nonce
    const util::Bytes coinbase(payload.begin() + 88 + 1 + 6 + 1 + 1, payload.end());
    const auto with = [&](std::initializer_list<uint8_t> middle, bool add_coinbase) {
        util::Bytes out = head;
        out.insert(out.end(), middle);
        if (add_coinbase) out.insert(out.end(), coinbase.begin(), coinbase.end());
        return net::DecodeCompactBlock(out);
    };
    // 65,536 short ids: past 16-bit positions, refused on the count.
    auto ids = with({0xfe, 0x00, 0x00, 0x01, 0x00}, false);
    BOOST_REQUIRE(!ids);
    BOOST_CHECK_EQUAL(ids.error(), "invalid cmpctblock message: 65536 short ids (limit 65535)");
    // More short ids announced than bytes sent.
    auto lying = with({0x05, 1, 2, 3, 4, 5, 6}, false);
    BOOST_REQUIRE(!lying);
    BOOST_CHECK_EQUAL(lying.error(),
                      "invalid cmpctblock message: unexpected end of data: 5 short ids announced, 6 bytes left");
    // A first prefilled index of 65,536.
    auto first = with({0x00, 0x01, 0xfe, 0x00, 0x00, 0x01, 0x00}, true);
    BOOST_REQUIRE(!first);
    BOOST_CHECK_EQUAL(first.error(), "invalid cmpctblock message: prefilled transaction index 65536 overflows 16 bits");
    BOOST_CHECK(with({0x00, 0x01, 0xfd, 0xff, 0xff}, true)); // 65,535 decodes; Init judges it
    // A prefilled transaction that does not parse: the coinbase with segwit flag 2.
    util::Bytes bad_tx = head;
    bad_tx.insert(bad_tx.end(), {0x00, 0x01, 0x00});
    bad_tx.insert(bad_tx.end(), coinbase.begin(), coinbase.end());
    BOOST_REQUIRE_EQUAL(bad_tx[head.size() + 3 + 5], 0x01);
    bad_tx[head.size() + 3 + 5] = 0x02;
    auto unparsable = net::DecodeCompactBlock(bad_tx);
    BOOST_REQUIRE(!unparsable);
    BOOST_CHECK_EQUAL(unparsable.error(), "invalid cmpctblock message: unknown transaction optional data");
}

BOOST_AUTO_TEST_CASE(malformed_prefilled_overflow)
{
    // Second prefilled index 65,535 + 1 after a first at 65,535... built from
    // indexes 0 and 65,535, then the second distance raised by one.
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    CompactBlock compact;
    compact.header = block.header;
    compact.prefilled = {{0, block.txs[0]}, {65535, block.txs[1]}};
    util::Bytes bytes = net::EncodeCompactBlock(compact);
    auto top = net::DecodeCompactBlock(bytes);
    BOOST_REQUIRE_MESSAGE(top, (top ? "" : top.error()));
    BOOST_CHECK_EQUAL(top->prefilled[1].index, 65535);
    PartiallyDownloadedBlock partial;
    BOOST_CHECK(partial.Init(*top, {}).status == ReadStatus::INVALID); // past its 2 transactions
    const size_t second = 80 + 8 + 1 + 1 + 1 + block.txs[0]->TotalSize();
    BOOST_REQUIRE_EQUAL(util::HexStr(util::ByteSpan(bytes.data() + second, 3)), "fdfeff"); // 65,534
    bytes[second + 1] = 0xff;
    auto over = net::DecodeCompactBlock(bytes);
    BOOST_REQUIRE(!over);
    BOOST_CHECK_EQUAL(over.error(), "invalid cmpctblock message: prefilled transaction index 65536 overflows 16 bits");
}

BOOST_AUTO_TEST_CASE(malformed_getblocktxn_and_blocktxn)
{
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    const util::Bytes request = net::EncodeBlockTransactionsRequest({block.GetHash(), {0, 1, 3, 10}});
    for (size_t length = 0; length < request.size(); ++length) {
        BOOST_CHECK(!net::DecodeBlockTransactionsRequest(util::ByteSpan(request.data(), length)));
    }
    util::Bytes trailing = request;
    trailing.push_back(0);
    BOOST_CHECK(!net::DecodeBlockTransactionsRequest(trailing));
    // 65,535 then a distance of 0: index 65,536.
    util::Bytes overflow = net::EncodeBlockTransactionsRequest({block.GetHash(), {65535}});
    overflow[32] = 2;
    overflow.push_back(0);
    auto over = net::DecodeBlockTransactionsRequest(overflow);
    BOOST_REQUIRE(!over);
    BOOST_CHECK_EQUAL(over.error(), "invalid getblocktxn message: requested transaction index 65536 overflows 16 bits");
    util::Bytes lying = request;
    lying[32] = 9;
    auto short_count = net::DecodeBlockTransactionsRequest(lying);
    BOOST_REQUIRE(!short_count);
    BOOST_CHECK_EQUAL(short_count.error(),
                      "invalid getblocktxn message: unexpected end of data: 9 indexes announced, 4 bytes left");

    const util::Bytes response = net::EncodeBlockTransactions({block.GetHash(), block.txs});
    auto decoded = net::DecodeBlockTransactions(response);
    BOOST_REQUIRE(decoded);
    BOOST_CHECK(decoded->block_hash == block.GetHash());
    BOOST_REQUIRE_EQUAL(decoded->txs.size(), 2u);
    BOOST_CHECK(decoded->txs[1]->wtxid() == block.txs[1]->wtxid()); // witness data kept
    for (size_t length = 0; length < response.size(); ++length) {
        BOOST_CHECK_MESSAGE(!net::DecodeBlockTransactions(util::ByteSpan(response.data(), length)), "length " << length);
    }
    util::Bytes response_trailing = response;
    response_trailing.push_back(0);
    BOOST_CHECK(!net::DecodeBlockTransactions(response_trailing));
}

BOOST_AUTO_TEST_CASE(answering_getblocktxn)
{
    const Block block = DecodeHexBlock(VECTOR_BLOCK_HEX);
    auto answer = net::BuildBlockTransactions(block, {block.GetHash(), {1}});
    BOOST_REQUIRE(answer);
    BOOST_REQUIRE_EQUAL(answer->txs.size(), 1u);
    BOOST_CHECK(answer->txs[0] == block.txs[1]);
    auto out_of_bounds = net::BuildBlockTransactions(block, {block.GetHash(), {0, 2}});
    BOOST_REQUIRE(!out_of_bounds);
    BOOST_CHECK_EQUAL(out_of_bounds.error(), "getblocktxn with out-of-bounds tx indices");
}

BOOST_AUTO_TEST_SUITE_END()
