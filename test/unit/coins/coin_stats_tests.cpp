// gettxoutsetinfo's figures over a small UTXO set in a real LevelDB. The
// expected hash_serialized_3 is built here byte by byte from its definition
// (Bitcoin Core v29 kernel/coinstats.cpp: TxOutSer per coin, in key order,
// into a HashWriter whose GetHash is double SHA-256; no block hash), not by
// the code under test.
#include <coins/coin_stats.h>
#include <coins/coins_db.h>
#include <crypto/hash.h>
#include <storage/kv_store.h>

#include <test_data.h>
#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <limits>

namespace {

using coins::Coin;
using primitives::Amount;
using primitives::BlockHash;
using primitives::OutPoint;

primitives::Txid TxidStartingWith(uint8_t first)
{
    std::array<uint8_t, 32> bytes;
    bytes.fill(0x5a);
    bytes[0] = first; // internal byte order: the key's first txid byte
    return primitives::Txid(bytes);
}

struct Entry {
    OutPoint outpoint;
    Coin coin;
};

std::unique_ptr<coins::CoinsDb> OpenDb(const std::filesystem::path& dir)
{
    auto store = storage::KvStore::Open({dir, 1 << 20, 1 << 20, true, false, /*obfuscate=*/true, false});
    BOOST_REQUIRE(store);
    return std::make_unique<coins::CoinsDb>(std::move(*store));
}

void Write(coins::CoinsDb& db, const std::vector<Entry>& entries, const BlockHash& best)
{
    coins::CoinsMap map(0, coins::SaltedOutPointHasher{});
    for (const Entry& e : entries) map[e.outpoint] = coins::CacheEntry{e.coin, true, false};
    BOOST_REQUIRE(db.BatchWrite(map, best));
}

void AppendLE(util::Bytes& out, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

// One coin as TxOutSer writes it: txid, index (LE32), height*2+coinbase
// (LE32), value (LE64), script length (one byte here: scripts < 253 bytes), script.
void AppendCoin(util::Bytes& out, const Entry& e)
{
    out.insert(out.end(), e.outpoint.txid.begin(), e.outpoint.txid.end());
    AppendLE(out, e.outpoint.index, 4);
    AppendLE(out, static_cast<uint64_t>(e.coin.height) * 2 + (e.coin.coinbase ? 1 : 0), 4);
    AppendLE(out, static_cast<uint64_t>(e.coin.out.value.sats()), 8);
    BOOST_REQUIRE_LT(e.coin.out.script_pubkey.size(), 253U);
    out.push_back(static_cast<uint8_t>(e.coin.out.script_pubkey.size()));
    out.insert(out.end(), e.coin.out.script_pubkey.begin(), e.coin.out.script_pubkey.end());
}

std::string ReversedHex(const crypto::Hash256Bytes& bytes)
{
    crypto::Hash256Bytes reversed;
    std::reverse_copy(bytes.begin(), bytes.end(), reversed.begin());
    return util::HexStr(reversed);
}

} // namespace

BOOST_AUTO_TEST_SUITE(coin_stats_tests)

BOOST_AUTO_TEST_CASE(empty_set)
{
    const test::TempDir temp;
    auto db = OpenDb(temp.path / "chainstate");
    const auto stats = coins::ComputeUtxoSetStats(*db);
    BOOST_REQUIRE(stats);
    BOOST_CHECK(stats->best_block == BlockHash());
    BOOST_CHECK_EQUAL(stats->transactions, 0U);
    BOOST_CHECK_EQUAL(stats->txouts, 0U);
    BOOST_CHECK_EQUAL(stats->bogosize, 0U);
    BOOST_CHECK(stats->total_amount == Amount{0});
    // Double SHA-256 of nothing, displayed reversed.
    BOOST_CHECK_EQUAL(stats->hash_serialized.ToHex(), "56944c5d3f98413ef45cf54545538103cc9f298e0575820ad3591376e2e0f65d");
}

BOOST_AUTO_TEST_CASE(hand_built_set)
{
    const util::Bytes p2pkh = test::ParseHex("76a914816115944e077fe7c803cfa57f29b36bf87c1d3588ac");
    const util::Bytes op_true{0x51};
    const util::Bytes p2wpkh = test::ParseHex("0014751e76e8199196d454941c45d1b3a323f1433bd6");
    // Key order: txid 0x01.. before 0x02..; within a txid, output 5 before
    // 200 (VarInt 0x80 0x48) before 70000 (three VarInt bytes).
    const std::vector<Entry> in_key_order{
        {{TxidStartingWith(0x01), 3}, Coin{{Amount{7}, op_true}, 100, false, false}},
        {{TxidStartingWith(0x02), 5}, Coin{{Amount{50 * primitives::COIN}, p2pkh}, 1, true, false}},
        {{TxidStartingWith(0x02), 200}, Coin{{Amount{123'456'789}, p2wpkh}, 481'824, false, false}},
        {{TxidStartingWith(0x02), 70'000}, Coin{{Amount{1}, op_true}, 800'000, true, false}},
        {{TxidStartingWith(0xf0), 0}, Coin{{Amount{2'100'000'000'000'000 - 1}, p2wpkh}, 0, false, false}},
    };
    const BlockHash best(TxidStartingWith(0x77).AsUint256());

    const test::TempDir temp;
    auto db = OpenDb(temp.path / "chainstate");
    std::vector<Entry> shuffled{in_key_order[3], in_key_order[0], in_key_order[4], in_key_order[2], in_key_order[1]};
    Write(*db, shuffled, best);
    // A record under another prefix after the coins ('H', as Core's head
    // blocks marker) must not be counted.
    BOOST_REQUIRE(db->Store().Write(util::Bytes{'H', 1, 2}, util::Bytes{3, 4}));

    util::Bytes stream;
    for (const Entry& e : in_key_order) AppendCoin(stream, e);
    const crypto::Hash256Bytes expected = crypto::Hash256(stream);

    const auto stats = coins::ComputeUtxoSetStats(*db);
    BOOST_REQUIRE(stats);
    BOOST_CHECK(stats->best_block == best);
    BOOST_CHECK_EQUAL(stats->transactions, 3U);
    BOOST_CHECK_EQUAL(stats->txouts, 5U);
    // 50 per output plus the scripts: 1 + 25 + 22 + 1 + 22.
    BOOST_CHECK_EQUAL(stats->bogosize, 5U * 50 + 71);
    BOOST_CHECK(stats->total_amount == Amount{7 + 50 * primitives::COIN + 123'456'789 + 1 + 2'100'000'000'000'000 - 1});
    BOOST_CHECK_EQUAL(stats->hash_serialized.ToHex(), ReversedHex(expected));

    // Per coin: the same bytes as the hand-built stream.
    util::Bytes one;
    AppendCoin(one, in_key_order[2]);
    BOOST_CHECK(coins::SerializeCoinForHash(in_key_order[2].outpoint, in_key_order[2].coin) == one);
    BOOST_CHECK_EQUAL(coins::BogoSize(in_key_order[1].coin.out), 75U);

    // The best block is not hashed: another best block, the same hash.
    Write(*db, {}, BlockHash(TxidStartingWith(0x78).AsUint256()));
    const auto again = coins::ComputeUtxoSetStats(*db);
    BOOST_REQUIRE(again);
    BOOST_CHECK(again->hash_serialized == stats->hash_serialized);
    BOOST_CHECK(again->best_block != stats->best_block);
}

BOOST_AUTO_TEST_CASE(total_amount_overflow_is_omitted)
{
    // 47 coins of 2e17 satoshis (values the coin record's amount compression
    // keeps) add up to more than int64 holds.
    const test::TempDir temp;
    auto db = OpenDb(temp.path / "chainstate");
    std::vector<Entry> entries;
    for (uint32_t i = 0; i < 47; ++i) {
        entries.push_back({{TxidStartingWith(0x01), i}, Coin{{Amount{200'000'000'000'000'000}, {0x51}}, 1, false, false}});
    }
    Write(*db, entries, BlockHash());
    const auto stats = coins::ComputeUtxoSetStats(*db);
    BOOST_REQUIRE(stats);
    BOOST_CHECK_EQUAL(stats->txouts, 47U);
    BOOST_CHECK_EQUAL(stats->transactions, 1U);
    BOOST_CHECK(!stats->total_amount);
}

BOOST_AUTO_TEST_CASE(many_coins_disk_size_and_stop_polling)
{
    const test::TempDir temp;
    auto db = OpenDb(temp.path / "chainstate");
    std::vector<Entry> entries;
    for (uint32_t i = 0; i < 5000; ++i) {
        entries.push_back({{TxidStartingWith(static_cast<uint8_t>(i % 251)), i}, Coin{{Amount{i}, {0x51, 0x52}}, 7, false, false}});
    }
    Write(*db, entries, BlockHash());
    // Table files (not only the log) hold the records after a compaction, so
    // LevelDB can estimate their size.
    db->Store().Compact({}, {});
    const auto stats = coins::ComputeUtxoSetStats(*db);
    BOOST_REQUIRE(stats);
    BOOST_CHECK_EQUAL(stats->txouts, 5000U);
    BOOST_CHECK_EQUAL(stats->transactions, 251U);
    BOOST_CHECK_EQUAL(stats->bogosize, 5000U * 52);
    BOOST_CHECK(stats->total_amount == Amount{4999 * 5000 / 2});
    BOOST_CHECK_GT(stats->disk_size, 0U);

    // The callback is asked at the start and then every 4096 coins.
    int calls = 0;
    const auto stopped = coins::ComputeUtxoSetStats(*db, [&] { return ++calls == 2; });
    BOOST_REQUIRE(!stopped);
    BOOST_CHECK_EQUAL(calls, 2);
}

BOOST_AUTO_TEST_CASE(stop_and_corruption)
{
    const test::TempDir temp;
    auto db = OpenDb(temp.path / "chainstate");
    Write(*db, {{{TxidStartingWith(0x01), 0}, Coin{{Amount{1}, {0x51}}, 1, false, false}}}, BlockHash());
    const auto stopped = coins::ComputeUtxoSetStats(*db, [] { return true; });
    BOOST_REQUIRE(!stopped);
    BOOST_CHECK_EQUAL(stopped.error(), "interrupted");
    BOOST_CHECK(coins::ComputeUtxoSetStats(*db, [] { return false; }));

    // A coin record that does not parse is an error, not a skipped coin.
    util::Bytes key{coins::DB_COIN};
    key.resize(33, 0x09);
    key.push_back(0x00);
    BOOST_REQUIRE(db->Store().Write(key, util::Bytes{}));
    const auto broken = coins::ComputeUtxoSetStats(*db);
    BOOST_REQUIRE(!broken);
}

BOOST_AUTO_TEST_SUITE_END()
