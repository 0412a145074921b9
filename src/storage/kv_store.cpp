#include <storage/kv_store.h>

#include <leveldb/cache.h>
#include <leveldb/db.h>
#include <leveldb/env.h>
#include <leveldb/filter_policy.h>
#include <leveldb/helpers/memenv.h>
#include <leveldb/iterator.h>
#include <leveldb/options.h>
#include <leveldb/write_batch.h>

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>

namespace storage {
namespace {

constexpr int BLOOM_BITS_PER_KEY = 10;
constexpr int MAX_OPEN_FILES = 64;
constexpr size_t MIN_TABLE_FILE_BYTES = 32 << 20;

leveldb::Slice ToSlice(util::ByteSpan bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

util::ByteSpan ToSpan(const leveldb::Slice& slice)
{
    return {reinterpret_cast<const uint8_t*>(slice.data()), slice.size()};
}

util::Error StatusError(const leveldb::Status& status)
{
    return util::Error{"Fatal LevelDB error: " + status.ToString()};
}

util::Result<void> Check(const leveldb::Status& status)
{
    if (status.ok()) return {};
    return StatusError(status);
}

leveldb::ReadOptions CheckedReadOptions()
{
    leveldb::ReadOptions read_options;
    read_options.verify_checksums = true;
    return read_options;
}

leveldb::WriteOptions SyncOptions(bool sync)
{
    leveldb::WriteOptions write_options;
    write_options.sync = sync;
    return write_options;
}

util::ByteSpan ObfuscateKeyKey() { return {OBFUSCATE_KEY_KEY, sizeof(OBFUSCATE_KEY_KEY)}; }

// The kernel's CSPRNG directly: storage may not use crypto/, and a key that
// only has to make values look random to virus scanners needs no more.
util::Result<util::Bytes> RandomBytes(size_t count)
{
    util::Bytes out(count);
    size_t filled = 0;
    while (filled < count) {
        ssize_t got = ::getrandom(out.data() + filled, count - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            return util::Error{"getrandom failed: " + std::system_category().message(errno)};
        }
        filled += static_cast<size_t>(got);
    }
    return out;
}

[[noreturn]] void DieOnReadError(const leveldb::Status& status)
{
    std::fprintf(stderr, "Fatal LevelDB error while reading: %s\n", status.ToString().c_str());
    std::abort();
}

} // namespace

void Xor(util::WritableByteSpan data, util::ByteSpan key)
{
    if (key.empty()) return;
    for (size_t i = 0; i < data.size(); ++i) data[i] ^= key[i % key.size()];
}

// ---- KvBatch ----

KvBatch::KvBatch(const KvStore& store) : m_store(store), m_batch(std::make_unique<leveldb::WriteBatch>()) {}
KvBatch::~KvBatch() = default;

void KvBatch::Write(util::ByteSpan key, util::ByteSpan value)
{
    m_scratch.assign(value.begin(), value.end());
    Xor(m_scratch, m_store.m_obfuscate_key);
    m_batch->Put(ToSlice(key), ToSlice(m_scratch));
}

void KvBatch::Erase(util::ByteSpan key) { m_batch->Delete(ToSlice(key)); }
size_t KvBatch::ApproximateSize() const { return m_batch->ApproximateSize(); }
void KvBatch::Clear() { m_batch->Clear(); }

// ---- KvIterator ----

KvIterator::KvIterator(std::unique_ptr<leveldb::Iterator> it, util::Bytes obfuscate_key)
    : m_it(std::move(it)), m_obfuscate_key(std::move(obfuscate_key))
{
}
KvIterator::~KvIterator() = default;

void KvIterator::SkipObfuscateKey()
{
    if (m_it->Valid() && m_it->key() == ToSlice(ObfuscateKeyKey())) m_it->Next();
}

void KvIterator::Seek(util::ByteSpan key)
{
    m_it->Seek(ToSlice(key));
    SkipObfuscateKey();
}

void KvIterator::SeekToFirst()
{
    m_it->SeekToFirst();
    SkipObfuscateKey();
}

bool KvIterator::Valid() const { return m_it->Valid(); }

void KvIterator::Next()
{
    m_it->Next();
    SkipObfuscateKey();
}

util::ByteSpan KvIterator::Key() const { return ToSpan(m_it->key()); }

util::Bytes KvIterator::Value() const
{
    util::ByteSpan raw = ToSpan(m_it->value());
    util::Bytes value(raw.begin(), raw.end());
    Xor(value, m_obfuscate_key);
    return value;
}

util::Result<void> KvIterator::Status() const { return Check(m_it->status()); }

// ---- KvStore ----

util::Result<std::unique_ptr<KvStore>> KvStore::Open(const KvStoreOptions& options)
{
    std::unique_ptr<KvStore> store(new KvStore());
    leveldb::Options db_options;
    if (options.in_memory) {
        store->m_env.reset(leveldb::NewMemEnv(leveldb::Env::Default()));
        db_options.env = store->m_env.get();
    }
    store->m_block_cache.reset(leveldb::NewLRUCache(options.cache_bytes / 2));
    store->m_filter_policy.reset(leveldb::NewBloomFilterPolicy(BLOOM_BITS_PER_KEY));
    db_options.block_cache = store->m_block_cache.get();
    db_options.filter_policy = store->m_filter_policy.get();
    db_options.write_buffer_size = options.write_buffer_bytes;
    db_options.max_open_files = MAX_OPEN_FILES;
    db_options.max_file_size = std::max(db_options.max_file_size, MIN_TABLE_FILE_BYTES);
    db_options.compression = leveldb::kNoCompression;
    db_options.paranoid_checks = true;
    db_options.create_if_missing = options.create_if_missing;

    const std::string name = options.path.string();
    if (options.wipe) {
        if (auto wiped = Check(leveldb::DestroyDB(name, db_options)); !wiped) return util::Error{wiped.error()};
    }
    if (!options.in_memory && options.create_if_missing) {
        // LevelDB creates only the last path component; the data directory
        // may be new too.
        std::error_code ec;
        std::filesystem::create_directories(options.path, ec);
        if (ec) return util::Error{"Cannot create database directory " + name + ": " + ec.message()};
    }

    leveldb::DB* db = nullptr;
    leveldb::Status status = leveldb::DB::Open(db_options, name, &db);
    if (!status.ok()) return StatusError(status);
    store->m_db.reset(db);

    if (auto loaded = store->LoadOrCreateObfuscateKey(options.obfuscate); !loaded) {
        return util::Error{loaded.error()};
    }
    return store;
}

KvStore::~KvStore() = default;

util::Result<void> KvStore::LoadOrCreateObfuscateKey(bool obfuscate)
{
    auto stored = TryRead(ObfuscateKeyKey()); // m_obfuscate_key is empty: read raw
    if (!stored) return util::Error{stored.error()};
    if (stored->has_value()) {
        // Core serializes the key as a vector: a compact-size length, then
        // the bytes. Lengths 0 (no obfuscation) and 8 are the ones it writes.
        const util::Bytes& raw = **stored;
        if (raw.empty() || raw[0] + size_t{1} != raw.size() || (raw[0] != 0 && raw[0] != OBFUSCATE_KEY_SIZE)) {
            return util::Error{"Stored obfuscation key is malformed (" + std::to_string(raw.size()) + " bytes)"};
        }
        m_obfuscate_key.assign(raw.begin() + 1, raw.end());
        return {};
    }
    // Only a new database gets a key: obfuscating an existing one would make
    // its plain values unreadable.
    if (!obfuscate || !IsEmpty()) return {};
    auto key = RandomBytes(OBFUSCATE_KEY_SIZE);
    if (!key) return util::Error{key.error()};
    util::Bytes record{static_cast<uint8_t>(OBFUSCATE_KEY_SIZE)};
    record.insert(record.end(), key->begin(), key->end());
    if (auto written = Write(ObfuscateKeyKey(), record, /*sync=*/true); !written) return written;
    m_obfuscate_key = std::move(*key);
    return {};
}

util::Result<std::optional<util::Bytes>> KvStore::TryRead(util::ByteSpan key) const
{
    std::string raw;
    leveldb::Status status = m_db->Get(CheckedReadOptions(), ToSlice(key), &raw);
    if (status.IsNotFound()) return std::optional<util::Bytes>{};
    if (!status.ok()) return StatusError(status);
    util::Bytes value(raw.begin(), raw.end());
    Xor(value, m_obfuscate_key);
    return std::optional<util::Bytes>{std::move(value)};
}

std::optional<util::Bytes> KvStore::Read(util::ByteSpan key) const
{
    std::string raw;
    leveldb::Status status = m_db->Get(CheckedReadOptions(), ToSlice(key), &raw);
    if (status.IsNotFound()) return std::nullopt;
    if (!status.ok()) DieOnReadError(status);
    util::Bytes value(raw.begin(), raw.end());
    Xor(value, m_obfuscate_key);
    return value;
}

bool KvStore::Exists(util::ByteSpan key) const
{
    std::string raw;
    leveldb::Status status = m_db->Get(CheckedReadOptions(), ToSlice(key), &raw);
    if (status.IsNotFound()) return false;
    if (!status.ok()) DieOnReadError(status);
    return true;
}

util::Result<void> KvStore::Write(util::ByteSpan key, util::ByteSpan value, bool sync)
{
    // The obfuscation key record itself is stored plain (Write is called for
    // it before m_obfuscate_key is set).
    util::Bytes stored(value.begin(), value.end());
    Xor(stored, m_obfuscate_key);
    return Check(m_db->Put(SyncOptions(sync), ToSlice(key), ToSlice(stored)));
}

util::Result<void> KvStore::Erase(util::ByteSpan key, bool sync)
{
    return Check(m_db->Delete(SyncOptions(sync), ToSlice(key)));
}

util::Result<void> KvStore::WriteBatch(const KvBatch& batch, bool sync)
{
    return Check(m_db->Write(SyncOptions(sync), batch.m_batch.get()));
}

size_t KvStore::EstimateSize(util::ByteSpan begin, util::ByteSpan end) const
{
    leveldb::Range range(ToSlice(begin), ToSlice(end));
    uint64_t size = 0;
    m_db->GetApproximateSizes(&range, 1, &size);
    return static_cast<size_t>(size);
}

void KvStore::Compact(util::ByteSpan begin, util::ByteSpan end)
{
    leveldb::Slice begin_slice = ToSlice(begin);
    leveldb::Slice end_slice = ToSlice(end);
    m_db->CompactRange(begin.empty() ? nullptr : &begin_slice, end.empty() ? nullptr : &end_slice);
}

std::unique_ptr<KvIterator> KvStore::NewIterator() const
{
    std::unique_ptr<leveldb::Iterator> it(m_db->NewIterator(CheckedReadOptions()));
    return std::unique_ptr<KvIterator>(new KvIterator(std::move(it), m_obfuscate_key));
}

bool KvStore::IsEmpty() const
{
    auto it = NewIterator();
    it->SeekToFirst();
    return !it->Valid();
}

} // namespace storage
