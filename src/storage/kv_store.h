// KvStore: an owned, ordered key-value store on LevelDB, for the block index
// and the UTXO set.
//
// Contract:
// - Open() returns the store or a util::Error whose reason carries LevelDB's
//   status text ("Fatal LevelDB error: Corruption: ..."); it never throws and
//   never aborts on a damaged database.
// - Keys and values are opaque bytes; keys sort bytewise. Callers put a
//   one-byte prefix in front of each record type (as Bitcoin Core does).
// - Obfuscation uses Bitcoin Core's chainstate format: an 8-byte key stored,
//   itself unobfuscated, under OBFUSCATE_KEY_KEY (0x0e 0x00 "obfuscate_key")
//   with Core's length prefix (0x08 then the 8 bytes); every other value is
//   XORed with that key repeated. A new, empty store opened with `obfuscate`
//   gets a fresh random key; an existing store keeps its key whatever the
//   option says; an absent or empty key means no obfuscation. The key record
//   is hidden from iterators and from IsEmpty(); callers never read or write
//   OBFUSCATE_KEY_KEY themselves.
// - Write/Erase/WriteBatch with sync=true return only once the data is on
//   disk (fsync); sync=false survives a process crash but not a power loss.
// - Thread safety: reads, writes and iterators may be used from several
//   threads at once (LevelDB synchronises); a KvBatch or KvIterator is used
//   by one thread at a time. Batches and iterators must not outlive their
//   store.
// - Ownership: the store owns the DB, its block cache, its bloom filter and
//   (when in memory) its environment, and closes them in that order.
//
// LevelDB options (chosen, not defaulted; see README.md):
// - block cache = cache_bytes / 2 (LRU): hot index/UTXO blocks stay decoded.
// - write_buffer_size = write_buffer_bytes: bigger buffers mean fewer, larger
//   level-0 files and less compaction during initial sync.
// - bloom filter, 10 bits per key: about 1% false positives, so a read of a
//   missing key (every new output checked against the UTXO set) touches disk
//   at most once instead of once per level.
// - compression off: UTXO records are hashes and scripts that barely
//   compress; Snappy would spend CPU on every read for little space (Core's
//   choice).
// - max_open_files = 64: the table cache size. On 64-bit systems LevelDB
//   mmaps table files, so this bounds the memory held for open tables'
//   index and filter blocks rather than file descriptors, and leaves the
//   process's descriptor budget to peers and block files (Core's default).
// - max_file_size >= 32 MiB: fewer, larger table files for the same data, so
//   the 64 open tables cover more of it (Core's choice).
// - paranoid_checks on and checksums verified on every read: corruption is
//   reported as an error instead of silently returning wrong coins.
#ifndef UTXO_STORAGE_KV_STORE_H
#define UTXO_STORAGE_KV_STORE_H

#include <util/byte_span.h>
#include <util/result.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>

namespace leveldb {
class Cache;
class DB;
class Env;
class FilterPolicy;
class Iterator;
class WriteBatch;
} // namespace leveldb

namespace storage {

// Bitcoin Core's key for the obfuscation key: the serialized string
// "\0obfuscate_key" (length byte 14 = 0x0e, then the 14 characters).
inline constexpr uint8_t OBFUSCATE_KEY_KEY[] = {0x0e, 0x00, 'o', 'b', 'f', 'u', 's', 'c',
                                                'a', 't', 'e', '_', 'k', 'e', 'y'};
inline constexpr size_t OBFUSCATE_KEY_SIZE = 8;

struct KvStoreOptions {
    std::filesystem::path path;        // the database directory (a name only when in_memory)
    size_t cache_bytes{8 << 20};       // half of it becomes LevelDB's block cache
    size_t write_buffer_bytes{4 << 20}; // memtable size before it is written to a table
    bool create_if_missing{true};
    bool wipe{false};                  // destroy any existing database first
    bool obfuscate{false};             // give a new, empty database an obfuscation key
    bool in_memory{false};             // keep everything in memory (tests)
};

class KvStore;

// A set of writes and erases applied atomically by KvStore::WriteBatch.
// Values are obfuscated as they are added, with the key of the store given
// at construction.
class KvBatch {
public:
    explicit KvBatch(const KvStore& store);
    ~KvBatch();
    KvBatch(const KvBatch&) = delete;
    KvBatch& operator=(const KvBatch&) = delete;

    void Write(util::ByteSpan key, util::ByteSpan value);
    void Erase(util::ByteSpan key);
    // Bytes the batch will write (LevelDB's estimate), for flushing in chunks.
    size_t ApproximateSize() const;
    void Clear();

private:
    friend class KvStore;
    const KvStore& m_store;
    std::unique_ptr<leveldb::WriteBatch> m_batch;
    util::Bytes m_scratch; // reused buffer for obfuscated values
};

// A cursor over the store in key order. It sees a consistent snapshot of the
// store taken at creation. Key() and the view it returns are valid until the
// next move. Preconditions: Key(), Value() and Next() need Valid().
class KvIterator {
public:
    ~KvIterator();
    KvIterator(const KvIterator&) = delete;
    KvIterator& operator=(const KvIterator&) = delete;

    void Seek(util::ByteSpan key); // first entry with a key >= key
    void SeekToFirst();
    bool Valid() const;
    void Next();
    util::ByteSpan Key() const;
    util::Bytes Value() const; // de-obfuscated
    // The iterator's LevelDB status: an error if a read failed while moving
    // (Valid() is then false).
    util::Result<void> Status() const;

private:
    friend class KvStore;
    KvIterator(std::unique_ptr<leveldb::Iterator> it, util::Bytes obfuscate_key);
    void SkipObfuscateKey();

    std::unique_ptr<leveldb::Iterator> m_it;
    util::Bytes m_obfuscate_key;
};

class KvStore {
public:
    static util::Result<std::unique_ptr<KvStore>> Open(const KvStoreOptions& options);
    ~KvStore();
    KvStore(const KvStore&) = delete;
    KvStore& operator=(const KvStore&) = delete;

    // The value under key, or nullopt if there is none, or the read error.
    util::Result<std::optional<util::Bytes>> TryRead(util::ByteSpan key) const;
    // The value under key, or nullopt if there is none. A read error
    // (corruption, I/O) terminates the process: a damaged store must never
    // look like a missing record, since a "missing" coin would make a valid
    // block invalid. Use TryRead to handle the error instead.
    std::optional<util::Bytes> Read(util::ByteSpan key) const;
    bool Exists(util::ByteSpan key) const; // same error policy as Read

    util::Result<void> Write(util::ByteSpan key, util::ByteSpan value, bool sync = false);
    util::Result<void> Erase(util::ByteSpan key, bool sync = false);
    util::Result<void> WriteBatch(const KvBatch& batch, bool sync);

    // Approximate bytes on disk used by keys in [begin, end).
    size_t EstimateSize(util::ByteSpan begin, util::ByteSpan end) const;
    // Compacts keys in [begin, end]; an empty span means open-ended.
    void Compact(util::ByteSpan begin, util::ByteSpan end);
    std::unique_ptr<KvIterator> NewIterator() const;
    // True when the store holds no records (the obfuscation key aside).
    bool IsEmpty() const;

    // The obfuscation key in use; empty when values are stored as given.
    const util::Bytes& ObfuscateKey() const { return m_obfuscate_key; }

private:
    KvStore() = default;
    friend class KvBatch;
    util::Result<void> LoadOrCreateObfuscateKey(bool obfuscate);

    // Declaration order is destruction order reversed: the DB is closed
    // before the filter policy, cache and environment it uses.
    std::unique_ptr<leveldb::Env> m_env;
    std::unique_ptr<leveldb::Cache> m_block_cache;
    std::unique_ptr<const leveldb::FilterPolicy> m_filter_policy;
    std::unique_ptr<leveldb::DB> m_db;
    util::Bytes m_obfuscate_key;
};

// XORs data with key repeated from the start of data (Core's format); no-op
// for an empty key.
void Xor(util::WritableByteSpan data, util::ByteSpan key);

} // namespace storage

#endif // UTXO_STORAGE_KV_STORE_H
