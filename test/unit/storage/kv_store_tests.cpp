#include <storage/kv_store.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using storage::KvBatch;
using storage::KvStore;
using storage::KvStoreOptions;

namespace {

// A fresh directory under the system temp dir, removed at the end of the test.
using test::TempDir;

util::Bytes B(std::string_view text) { return util::Bytes(text.begin(), text.end()); }

KvStoreOptions Options(const fs::path& path)
{
    KvStoreOptions options;
    options.path = path;
    options.cache_bytes = 1 << 20;
    options.write_buffer_bytes = 1 << 20;
    return options;
}

std::unique_ptr<KvStore> OpenOrFail(const KvStoreOptions& options)
{
    auto store = KvStore::Open(options);
    BOOST_REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error()));
    return std::move(store).value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(kv_store_tests)

BOOST_AUTO_TEST_CASE(write_read_erase_exists)
{
    TempDir dir;
    auto store = OpenOrFail(Options(dir.path / "db"));
    BOOST_CHECK(store->IsEmpty());
    BOOST_CHECK(!store->Read(B("a")));
    BOOST_CHECK(!store->Exists(B("a")));

    BOOST_REQUIRE(store->Write(B("a"), B("alpha")).ok());
    BOOST_REQUIRE(store->Write(B("empty"), util::Bytes{}).ok());
    BOOST_CHECK(!store->IsEmpty());
    BOOST_CHECK(store->Exists(B("a")));
    BOOST_CHECK(*store->Read(B("a")) == B("alpha"));
    BOOST_CHECK(store->Exists(B("empty")));
    BOOST_CHECK(store->Read(B("empty"))->empty());

    BOOST_REQUIRE(store->Write(B("a"), B("again"), /*sync=*/true).ok());
    BOOST_CHECK(*store->Read(B("a")) == B("again"));

    BOOST_REQUIRE(store->Erase(B("a")).ok());
    BOOST_CHECK(!store->Exists(B("a")));
    BOOST_CHECK(!store->Read(B("a")));
    BOOST_REQUIRE(store->Erase(B("never-there")).ok()); // erasing a missing key is fine
    auto checked = store->TryRead(B("a"));
    BOOST_REQUIRE(checked.ok());
    BOOST_CHECK(!checked->has_value());
}

BOOST_AUTO_TEST_CASE(batch_applies_writes_and_erases_together)
{
    TempDir dir;
    auto store = OpenOrFail(Options(dir.path / "db"));
    BOOST_REQUIRE(store->Write(B("old"), B("1")).ok());

    KvBatch batch(*store);
    size_t empty_size = batch.ApproximateSize();
    batch.Write(B("k1"), B("v1"));
    batch.Write(B("k2"), B("v2"));
    batch.Erase(B("old"));
    BOOST_CHECK_GT(batch.ApproximateSize(), empty_size);
    // Nothing is visible before the batch is written.
    BOOST_CHECK(!store->Exists(B("k1")));
    BOOST_CHECK(store->Exists(B("old")));

    BOOST_REQUIRE(store->WriteBatch(batch, /*sync=*/true).ok());
    BOOST_CHECK(*store->Read(B("k1")) == B("v1"));
    BOOST_CHECK(*store->Read(B("k2")) == B("v2"));
    BOOST_CHECK(!store->Exists(B("old")));

    // A later operation on the same key in a batch wins.
    batch.Clear();
    BOOST_CHECK_EQUAL(batch.ApproximateSize(), empty_size);
    batch.Write(B("k3"), B("v3"));
    batch.Erase(B("k3"));
    batch.Erase(B("k1"));
    batch.Write(B("k1"), B("new"));
    BOOST_REQUIRE(store->WriteBatch(batch, false).ok());
    BOOST_CHECK(!store->Exists(B("k3")));
    BOOST_CHECK(*store->Read(B("k1")) == B("new"));
}

BOOST_AUTO_TEST_CASE(iterator_order_and_prefix_seek)
{
    TempDir dir;
    auto store = OpenOrFail(Options(dir.path / "db"));
    for (const char* key : {"b2", "a1", "c1", "b1", "b3", "a2"}) {
        BOOST_REQUIRE(store->Write(B(key), B(std::string("v") + key)).ok());
    }
    auto it = store->NewIterator();
    std::vector<std::string> keys;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        auto key = it->Key();
        keys.emplace_back(key.begin(), key.end());
        BOOST_CHECK(it->Value() == B("v" + keys.back()));
    }
    BOOST_CHECK((keys == std::vector<std::string>{"a1", "a2", "b1", "b2", "b3", "c1"}));
    BOOST_CHECK(it->Status().ok());

    // All keys under the prefix "b", as callers walk one record type.
    std::vector<std::string> b_keys;
    for (it->Seek(B("b")); it->Valid() && it->Key()[0] == 'b'; it->Next()) {
        b_keys.emplace_back(it->Key().begin(), it->Key().end());
    }
    BOOST_CHECK((b_keys == std::vector<std::string>{"b1", "b2", "b3"}));

    it->Seek(B("b25"));
    BOOST_REQUIRE(it->Valid());
    BOOST_CHECK(it->Key().size() == 2 && it->Key()[0] == 'b' && it->Key()[1] == '3');
    it->Seek(B("d"));
    BOOST_CHECK(!it->Valid());
}

BOOST_AUTO_TEST_CASE(persists_across_reopen)
{
    TempDir dir;
    auto options = Options(dir.path / "nested" / "db"); // parents are created too
    {
        auto store = OpenOrFail(options);
        BOOST_REQUIRE(store->Write(B("key"), B("value"), /*sync=*/true).ok());
    }
    auto store = OpenOrFail(options);
    BOOST_CHECK(*store->Read(B("key")) == B("value"));
}

BOOST_AUTO_TEST_CASE(missing_database_without_create_fails)
{
    TempDir dir;
    auto options = Options(dir.path / "absent");
    options.create_if_missing = false;
    auto store = KvStore::Open(options);
    BOOST_REQUIRE(!store.ok());
    BOOST_CHECK(store.error().starts_with("Fatal LevelDB error: "));
}

BOOST_AUTO_TEST_CASE(obfuscation)
{
    TempDir dir;
    auto options = Options(dir.path / "db");
    options.obfuscate = true;
    util::Bytes key_used;
    {
        auto store = OpenOrFail(options);
        key_used = store->ObfuscateKey();
        BOOST_REQUIRE_EQUAL(key_used.size(), storage::OBFUSCATE_KEY_SIZE);
        BOOST_CHECK(store->IsEmpty()); // the key record does not count
        BOOST_REQUIRE(store->Write(B("coin"), B("plain value")).ok());
        KvBatch batch(*store);
        batch.Write(B("coin2"), B("batched value"));
        BOOST_REQUIRE(store->WriteBatch(batch, true).ok());
        BOOST_CHECK(*store->Read(B("coin")) == B("plain value"));

        // The key record is hidden from iteration; values come back plain.
        auto it = store->NewIterator();
        it->SeekToFirst();
        BOOST_REQUIRE(it->Valid());
        BOOST_CHECK(it->Value() == B("plain value"));
        it->Next();
        BOOST_REQUIRE(it->Valid());
        BOOST_CHECK(it->Value() == B("batched value"));
        it->Next();
        BOOST_CHECK(!it->Valid());
    }
    {
        // Reopened without asking for obfuscation: the stored key is still
        // used, so values read back as written.
        options.obfuscate = false;
        auto store = OpenOrFail(options);
        BOOST_CHECK(store->ObfuscateKey() == key_used); // an existing DB keeps its key
        BOOST_CHECK(*store->Read(B("coin")) == B("plain value"));
    }
    {
        // The bytes on disk are the read value XORed with the key again.
        auto store = OpenOrFail(options);
        util::Bytes stored = *store->Read(B("coin"));
        storage::Xor(stored, key_used);
        BOOST_CHECK(stored != B("plain value")); // what is on disk differs
    }
}

BOOST_AUTO_TEST_CASE(obfuscate_key_record_format)
{
    TempDir dir;
    auto options = Options(dir.path / "db");
    options.obfuscate = true;
    util::Bytes key_used;
    {
        auto store = OpenOrFail(options);
        key_used = store->ObfuscateKey();
    }
    {
        // TryRead de-obfuscates every value, this record too: undo that to
        // see the stored bytes.
        auto store = OpenOrFail(options);
        util::ByteSpan record_key{storage::OBFUSCATE_KEY_KEY, sizeof(storage::OBFUSCATE_KEY_KEY)};
        BOOST_CHECK_EQUAL(record_key.size(), 15u);
        auto read = store->TryRead(record_key);
        BOOST_REQUIRE(read.ok() && read->has_value());
        util::Bytes stored = **read;
        storage::Xor(stored, key_used);
        BOOST_REQUIRE_EQUAL(stored.size(), 9u);
        BOOST_CHECK_EQUAL(stored[0], 8);
        BOOST_CHECK(util::Bytes(stored.begin() + 1, stored.end()) == key_used);
    }
}

BOOST_AUTO_TEST_CASE(existing_plain_database_is_not_obfuscated)
{
    TempDir dir;
    auto options = Options(dir.path / "db");
    {
        auto store = OpenOrFail(options);
        BOOST_REQUIRE(store->Write(B("k"), B("v")).ok());
    }
    options.obfuscate = true;
    auto store = OpenOrFail(options);
    BOOST_CHECK(store->ObfuscateKey().empty());
    BOOST_CHECK(*store->Read(B("k")) == B("v"));
}

BOOST_AUTO_TEST_CASE(fresh_keys_differ)
{
    TempDir dir;
    auto options = Options(dir.path / "one");
    options.obfuscate = true;
    auto one = OpenOrFail(options);
    options.path = dir.path / "two";
    auto two = OpenOrFail(options);
    BOOST_CHECK(one->ObfuscateKey() != two->ObfuscateKey());
}

BOOST_AUTO_TEST_CASE(wipe_destroys_existing_data)
{
    TempDir dir;
    auto options = Options(dir.path / "db");
    {
        auto store = OpenOrFail(options);
        BOOST_REQUIRE(store->Write(B("k"), B("v")).ok());
    }
    options.wipe = true;
    auto store = OpenOrFail(options);
    BOOST_CHECK(store->IsEmpty());
    BOOST_CHECK(!store->Exists(B("k")));
}

BOOST_AUTO_TEST_CASE(corrupted_database_fails_to_open)
{
    TempDir dir;
    auto options = Options(dir.path / "db");
    {
        auto store = OpenOrFail(options);
        BOOST_REQUIRE(store->Write(B("k"), B("v"), true).ok());
    }
    // CURRENT names the manifest; garbage there must be an error, not a crash.
    {
        std::ofstream current(options.path / "CURRENT", std::ios::trunc);
        current << "garbage";
    }
    options.create_if_missing = false;
    auto store = KvStore::Open(options);
    BOOST_REQUIRE(!store.ok());
    BOOST_TEST_MESSAGE(store.error());
    BOOST_CHECK(store.error().starts_with("Fatal LevelDB error: "));
}

BOOST_AUTO_TEST_CASE(corrupted_manifest_fails_to_open)
{
    TempDir dir;
    auto options = Options(dir.path / "db");
    {
        auto store = OpenOrFail(options);
        BOOST_REQUIRE(store->Write(B("k"), B("v"), true).ok());
    }
    bool overwritten = false;
    for (const auto& entry : fs::directory_iterator(options.path)) {
        if (entry.path().filename().string().starts_with("MANIFEST-")) {
            std::ofstream manifest(entry.path(), std::ios::binary | std::ios::trunc);
            manifest << std::string(64, '\xff');
            overwritten = true;
        }
    }
    BOOST_REQUIRE(overwritten);
    auto store = KvStore::Open(options);
    BOOST_REQUIRE(!store.ok());
    BOOST_CHECK(store.error().starts_with("Fatal LevelDB error: "));
}

BOOST_AUTO_TEST_CASE(estimate_size_and_compact)
{
    TempDir dir;
    auto store = OpenOrFail(Options(dir.path / "db"));
    util::Bytes value(1000, 0x5a);
    for (int i = 0; i < 2000; ++i) {
        std::string key = "k" + std::to_string(100000 + i);
        BOOST_REQUIRE(store->Write(B(key), value).ok());
    }
    store->Compact({}, {}); // whole range: moves the memtable into tables
    size_t size = store->EstimateSize(B("k"), B("l"));
    BOOST_CHECK_GT(size, 1000000u); // ~2 MB written, stored uncompressed
    BOOST_CHECK_EQUAL(store->EstimateSize(B("x"), B("y")), 0u);
    BOOST_CHECK(*store->Read(B("k100000")) == value);
}

BOOST_AUTO_TEST_CASE(in_memory_store)
{
    KvStoreOptions options = Options("/in-memory/kv-store-test");
    options.in_memory = true;
    options.obfuscate = true;
    auto store = OpenOrFail(options);
    BOOST_REQUIRE(store->Write(B("k"), B("v")).ok());
    BOOST_CHECK(*store->Read(B("k")) == B("v"));
    BOOST_CHECK(!fs::exists("/in-memory"));
}

BOOST_AUTO_TEST_SUITE_END()
