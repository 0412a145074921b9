#include <coins/coins_cache.h>
#include <coins/coins_db.h>
#include <coins/undo.h>
#include <crypto/hash.h>

#include <test_data.h>
#include <test_temp_dir.h>

#include <test_coins_view.h>

#include <boost/test/unit_test.hpp>

#include <map>
#include <unistd.h>

using test::MapView;
using coins::CacheEntry;
using coins::Coin;
using coins::CoinsCache;
using primitives::Amount;
using primitives::BlockHash;
using primitives::OutPoint;

namespace {

OutPoint Point(uint8_t tag, uint32_t index = 0)
{
    return OutPoint{primitives::Txid(primitives::Uint256(std::array<uint8_t, 32>{tag})), index};
}

Coin MakeCoin(int64_t value, int height = 1, bool coinbase = false)
{
    return Coin{{Amount{value}, {0x51}}, height, coinbase, false};
}

BlockHash Hash(uint8_t tag) { return BlockHash(primitives::Uint256(std::array<uint8_t, 32>{tag, 0xbb})); }

std::string Flags(const CoinsCache& cache, const OutPoint& outpoint)
{
    const auto entry = cache.Entry(outpoint);
    if (!entry) return "absent";
    return std::string(entry->coin.spent ? "spent" : "unspent") + (entry->dirty ? " dirty" : "") + (entry->fresh ? " fresh" : "");
}

} // namespace

BOOST_AUTO_TEST_SUITE(coins_tests)

BOOST_AUTO_TEST_CASE(records_in_chainstate_format)
{
    const auto bytes = coins::SerializeCoin(Coin{{Amount{60'000'000'000},
                                                  test::ParseHex("76a914816115944e077fe7c803cfa57f29b36bf87c1d3588ac")},
                                                 203998, false, false});
    // Bitcoin Core's chainstate record for this coin (its coins_tests).
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "97f23c835800816115944e077fe7c803cfa57f29b36bf87c1d35");
    const auto back = coins::DeserializeCoin(bytes);
    BOOST_REQUIRE(back);
    BOOST_CHECK_EQUAL(back->height, 203998);
    BOOST_CHECK(!back->coinbase);
    BOOST_CHECK(!coins::DeserializeCoin(util::Bytes{0x97}));

    // Key: 'C', txid, VarInt(index).
    const OutPoint outpoint = Point(7, 300);
    const auto key = coins::CoinKey(outpoint);
    BOOST_CHECK_EQUAL(key.size(), 1u + 32 + 2);
    BOOST_CHECK_EQUAL(key[0], 'C');
    BOOST_CHECK(coins::OutPointFromKey(key) == outpoint);
    BOOST_CHECK(!coins::OutPointFromKey(util::Bytes{'B'}));
}

BOOST_AUTO_TEST_CASE(fresh_and_dirty)
{
    MapView base;
    base.coins[Point(1)] = MakeCoin(10);
    CoinsCache cache(base, 1, 2);

    // Read from the base: cached, clean.
    BOOST_CHECK(cache.GetCoin(Point(1)) == MakeCoin(10));
    BOOST_CHECK_EQUAL(Flags(cache, Point(1)), "unspent");
    // A new coin: dirty and fresh; spending it forgets it entirely.
    BOOST_REQUIRE(cache.AddCoin(Point(2), MakeCoin(20), false));
    BOOST_CHECK_EQUAL(Flags(cache, Point(2)), "unspent dirty fresh");
    BOOST_CHECK(cache.SpendCoin(Point(2)) == MakeCoin(20));
    BOOST_CHECK_EQUAL(Flags(cache, Point(2)), "absent");
    // Spending a base coin leaves a dirty spent entry for the flush.
    BOOST_CHECK(cache.SpendCoin(Point(1)) == MakeCoin(10));
    BOOST_CHECK_EQUAL(Flags(cache, Point(1)), "spent dirty");
    BOOST_CHECK(!cache.GetCoin(Point(1)));
    BOOST_CHECK(!cache.SpendCoin(Point(1)));
    BOOST_CHECK(!cache.SpendCoin(Point(9)));
    // Re-adding over a dirty spent entry (a reorg): dirty but not fresh.
    BOOST_REQUIRE(cache.AddCoin(Point(1), MakeCoin(11), false));
    BOOST_CHECK_EQUAL(Flags(cache, Point(1)), "unspent dirty");
    // Overwriting an unspent coin is a bug unless allowed (BIP30's duplicates).
    BOOST_CHECK(!cache.AddCoin(Point(1), MakeCoin(12), false));
    BOOST_REQUIRE(cache.AddCoin(Point(1), MakeCoin(12), true));
    BOOST_CHECK(cache.GetCoin(Point(1)) == MakeCoin(12));
    // Unspendable outputs are never stored.
    BOOST_REQUIRE(cache.AddCoin(Point(3), Coin{{Amount{1}, {0x6a, 0x01}}, 1, false, false}, false));
    BOOST_CHECK_EQUAL(Flags(cache, Point(3)), "absent");

    // Flush: only dirty entries, and the best block, in one batch; the cache empties.
    cache.SetBestBlock(Hash(5));
    BOOST_REQUIRE(cache.Flush());
    BOOST_CHECK_EQUAL(base.batches, 1);
    BOOST_CHECK(base.coins.at(Point(1)) == MakeCoin(12));
    BOOST_CHECK_EQUAL(base.coins.count(Point(2)), 0u); // created and spent: never written
    BOOST_CHECK(base.best == Hash(5));
    BOOST_CHECK_EQUAL(cache.CacheSize(), 0u);

    // Spend after flush: fetched again, spent, flushed as an erase.
    BOOST_CHECK(cache.SpendCoin(Point(1)));
    BOOST_REQUIRE(cache.Flush());
    BOOST_CHECK_EQUAL(base.coins.count(Point(1)), 0u);
}

BOOST_AUTO_TEST_CASE(child_cache_merge)
{
    MapView base;
    base.coins[Point(1)] = MakeCoin(10);
    CoinsCache parent(base, 3, 4);
    BOOST_REQUIRE(parent.AddCoin(Point(2), MakeCoin(20), false)); // fresh in the parent

    {
        // A block connected into a child: spends 1 and 2, creates 3 and 4, 4 spent again.
        CoinsCache child(parent, 5, 6);
        BOOST_CHECK(child.SpendCoin(Point(1)));
        BOOST_CHECK(child.SpendCoin(Point(2)));
        BOOST_REQUIRE(child.AddCoin(Point(3), MakeCoin(30), false));
        BOOST_REQUIRE(child.AddCoin(Point(4), MakeCoin(40), false));
        BOOST_CHECK(child.SpendCoin(Point(4)));
        child.SetBestBlock(Hash(6));
        BOOST_REQUIRE(child.Flush());
    }
    BOOST_CHECK_EQUAL(Flags(parent, Point(1)), "spent dirty");   // must still reach the base
    BOOST_CHECK_EQUAL(Flags(parent, Point(2)), "absent");        // fresh here, spent below: gone
    BOOST_CHECK_EQUAL(Flags(parent, Point(3)), "unspent dirty fresh");
    BOOST_CHECK_EQUAL(Flags(parent, Point(4)), "absent");
    BOOST_CHECK(parent.BestBlock() == Hash(6));

    // A child that marks FRESH a coin the parent has unspent is a bug, reported.
    coins::CoinsMap bad(0, coins::SaltedOutPointHasher{});
    bad.emplace(Point(3), CacheEntry{MakeCoin(31), true, true});
    BOOST_CHECK(!parent.BatchWrite(bad, Hash(7)));

    BOOST_REQUIRE(parent.Flush());
    BOOST_CHECK_EQUAL(base.coins.count(Point(1)), 0u);
    BOOST_CHECK(base.coins.at(Point(3)) == MakeCoin(30));
    BOOST_CHECK_EQUAL(base.coins.size(), 1u);
}

BOOST_AUTO_TEST_CASE(memory_accounting)
{
    MapView base;
    CoinsCache cache(base, 0, 0);
    const size_t empty = cache.MemoryUsage();
    Coin big = MakeCoin(1);
    big.out.script_pubkey.assign(1000, 0x51);
    BOOST_REQUIRE(cache.AddCoin(Point(1), big, false));
    BOOST_CHECK_GE(cache.MemoryUsage(), empty + 1000);
    BOOST_CHECK(cache.SpendCoin(Point(1)));
    BOOST_CHECK_LT(cache.MemoryUsage(), empty + 1000);
}

BOOST_AUTO_TEST_CASE(database_view)
{
    const test::TempDir temp;
    const auto dir = temp.path / "chainstate";
    {
        auto store = storage::KvStore::Open({dir, 1 << 20, 1 << 20, true, false, true, false});
        BOOST_REQUIRE(store);
        coins::CoinsDb db(std::move(*store));
        BOOST_CHECK(db.BestBlock() == BlockHash());
        CoinsCache cache(db, 7, 8);
        BOOST_REQUIRE(cache.AddCoin(Point(1), MakeCoin(10, 5, true), false));
        BOOST_REQUIRE(cache.AddCoin(Point(2), MakeCoin(20), false));
        cache.SetBestBlock(Hash(1));
        BOOST_REQUIRE(cache.Flush());
        BOOST_CHECK(cache.SpendCoin(Point(2)));
        cache.SetBestBlock(Hash(2));
        BOOST_REQUIRE(cache.Flush());
    }
    {
        // Reopened: the state as of the last flush.
        auto store = storage::KvStore::Open({dir, 1 << 20, 1 << 20, true, false, true, false});
        BOOST_REQUIRE(store);
        coins::CoinsDb db(std::move(*store));
        BOOST_CHECK(db.BestBlock() == Hash(2));
        BOOST_CHECK(db.GetCoin(Point(1)) == MakeCoin(10, 5, true));
        BOOST_CHECK(!db.GetCoin(Point(2)));
    }
}

BOOST_AUTO_TEST_CASE(undo_records)
{
    const auto p2pkh = test::ParseHex("76a914816115944e077fe7c803cfa57f29b36bf87c1d3588ac");
    coins::BlockUndo undo;
    undo.txs.push_back({{Coin{{Amount{5'000'000'000}, p2pkh}, 1, true, false}, Coin{{Amount{7}, {0x51}}, 0, false, false}}});
    undo.txs.push_back({});
    const util::Bytes bytes = coins::SerializeBlockUndo(undo);
    // 2 txs; 2 coins: code 3 (height 1, coinbase), version 0, amount 0x32, P2PKH; code 0 (height 0:
    // no version), amount 7 -> 61 (0x3d), raw script of 1 byte (1 + 6); then 0 coins.
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "02" "02" "03" "00" "32" "00" "816115944e077fe7c803cfa57f29b36bf87c1d35"
                                           "00" "3d" "07" "51" "00");
    const auto back = coins::DeserializeBlockUndo(bytes);
    BOOST_REQUIRE(back);
    BOOST_CHECK(*back == undo);
    // Malformed: truncated, trailing bytes, lying counts.
    for (size_t cut = 0; cut < bytes.size(); ++cut) {
        BOOST_CHECK(!coins::DeserializeBlockUndo(util::ByteSpan(bytes.data(), cut)));
    }
    util::Bytes trailing = bytes;
    trailing.push_back(0);
    BOOST_CHECK(!coins::DeserializeBlockUndo(trailing));
    BOOST_CHECK(!coins::DeserializeBlockUndo(util::Bytes{0xfe, 0xff, 0xff, 0xff, 0x7f}));

    // Checksum: double SHA-256 of the parent's hash then the record.
    const BlockHash parent = Hash(9);
    util::Bytes joined(parent.span().begin(), parent.span().end());
    joined.insert(joined.end(), bytes.begin(), bytes.end());
    BOOST_CHECK(coins::UndoChecksum(parent, bytes) == primitives::Uint256(crypto::Hash256(joined)));
}

BOOST_AUTO_TEST_SUITE_END()
