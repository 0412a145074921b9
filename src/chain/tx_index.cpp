#include <chain/tx_index.h>

#include <util/serialize.h>

#include <chrono>
#include <mutex>

namespace chain {
namespace {

constexpr uint8_t DB_TXINDEX = 't';
constexpr uint8_t DB_BEST_BLOCK = 'B';
// The version number Core writes in front of a block locator (ignored on read).
constexpr int32_t LOCATOR_DUMMY_VERSION = 70016;

util::Bytes TxKey(const primitives::Txid& txid)
{
    util::Bytes key{DB_TXINDEX};
    key.insert(key.end(), txid.span().begin(), txid.span().end());
    return key;
}

util::Bytes BestBlockKey() { return {DB_BEST_BLOCK}; }

// A block locator holding just the best block.
util::Bytes SerializeLocator(const primitives::BlockHash& best)
{
    util::Bytes out;
    util::ByteWriter w(out);
    w.WriteI32LE(LOCATOR_DUMMY_VERSION);
    w.WriteCompactSize(1);
    w.WriteBytes(best.span());
    return out;
}

std::optional<primitives::BlockHash> DeserializeLocatorFirst(util::ByteSpan bytes)
{
    util::SpanReader r(bytes);
    r.ReadI32LE();
    const uint64_t count = r.ReadCompactSize();
    if (count == 0) return std::nullopt;
    std::array<uint8_t, 32> hash{};
    r.ReadInto(hash);
    if (!r.error().empty()) return std::nullopt;
    return primitives::BlockHash(hash);
}

} // namespace

util::Result<std::unique_ptr<TxIndex>> TxIndex::Open(const std::filesystem::path& dir, Chainstate& chainstate,
                                                     util::Logger& logger, bool wipe)
{
    std::error_code error;
    std::filesystem::create_directories(dir.parent_path(), error);
    storage::KvStoreOptions options;
    options.path = dir;
    options.wipe = wipe;
    auto store = storage::KvStore::Open(options);
    if (!store) return util::Error{"Error opening transaction index database: " + store.error()};
    std::unique_ptr<TxIndex> index(new TxIndex(std::move(*store), chainstate, logger));
    if (auto best = index->m_store->Read(BestBlockKey())) index->m_best = DeserializeLocatorFirst(*best);
    return index;
}

TxIndex::~TxIndex()
{
    m_stop = true;
    {
        std::lock_guard lock(m_chainstate.Mutex());
        m_chainstate.TipChanged().notify_all();
    }
    if (m_thread.joinable()) m_thread.join();
}

void TxIndex::Start()
{
    m_thread = std::thread([this] {
        util::Logger::SetThreadName("txindex");
        Run();
    });
}

std::optional<TxLocation> TxIndex::Find(const primitives::Txid& txid) const
{
    const auto value = m_store->Read(TxKey(txid));
    if (!value) return std::nullopt;
    util::SpanReader r(*value);
    TxLocation location;
    location.block.file = static_cast<int>(r.ReadVarInt());
    location.block.offset = static_cast<uint32_t>(r.ReadVarInt());
    location.tx_offset = static_cast<uint32_t>(r.ReadVarInt());
    if (!r.error().empty()) return std::nullopt;
    return location;
}

util::Result<void> TxIndex::IndexBlock(const primitives::Block& block, const BlockIndex& index)
{
    storage::KvBatch batch(*m_store);
    util::SizeCounter offset;
    offset.WriteCompactSize(block.txs.size());
    for (const auto& tx : block.txs) {
        util::Bytes value;
        util::ByteWriter w(value);
        w.WriteVarInt(static_cast<uint64_t>(index.file));
        w.WriteVarInt(index.data_pos);
        w.WriteVarInt(offset.size());
        batch.Write(TxKey(tx->txid()), value);
        primitives::SerializeTransaction(offset, *tx, primitives::TxSerialization::WITH_WITNESS);
    }
    batch.Write(BestBlockKey(), SerializeLocator(index.hash));
    return m_store->WriteBatch(batch, /*sync=*/false);
}

void TxIndex::Run()
{
    bool logged_synced = false;
    while (!m_stop) {
        std::unique_lock lock(m_chainstate.Mutex());
        const ActiveChain& chain = m_chainstate.Chain();
        const BlockIndex* best = m_best ? m_chainstate.Find(*m_best) : nullptr;
        // After a reorg, continue from where the old branch left the chain.
        const BlockIndex* fork = best ? chain.FindFork(best) : nullptr;
        const BlockIndex* next = fork ? chain.Next(fork) : chain.Genesis();
        if (fork && fork != best) m_best_height = fork->height;
        if (!next) {
            m_synced = true;
            if (!logged_synced) {
                m_logger.Log(util::LogLevel::Info, "txindex is enabled at height " + std::to_string(m_best_height));
                logged_synced = true;
            }
            m_chainstate.TipChanged().wait_for(lock, std::chrono::seconds(1));
            continue;
        }
        auto block = m_chainstate.ReadBlock(*next);
        lock.unlock();
        if (!block) {
            m_logger.Log(util::LogLevel::Error, "txindex: " + block.error() + "; the index stops");
            return;
        }
        if (auto r = IndexBlock(*block, *next); !r) {
            m_logger.Log(util::LogLevel::Error, "txindex: " + r.error() + "; the index stops");
            return;
        }
        m_best = next->hash;
        m_best_height = next->height;
    }
}

} // namespace chain
