// -txindex: txid -> position of the transaction on disk, in its own LevelDB
// (indexes/txindex/) in Bitcoin Core's record format ('t' + txid: the block's
// file and offset as VarInts, then the transaction's offset after the block
// header; 'B': the best block indexed). A background thread indexes the
// active chain block by block and then follows the tip.
//
// Threads: the index thread writes; Find() may be called from any thread.
// It takes the chain state's mutex only to pick and read the next block.
#ifndef UTXO_CHAIN_TX_INDEX_H
#define UTXO_CHAIN_TX_INDEX_H

#include <chain/chainstate.h>
#include <storage/kv_store.h>
#include <util/result.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

namespace chain {

struct TxLocation {
    storage::FilePos block; // the block's record
    uint32_t tx_offset{0};  // bytes after the 80-byte header where the transaction starts
};

class TxIndex {
public:
    static util::Result<std::unique_ptr<TxIndex>> Open(const std::filesystem::path& dir, Chainstate& chainstate,
                                                       util::Logger& logger, bool wipe);
    // Stops the thread.
    ~TxIndex();

    void Start();
    // Where the transaction is, if indexed.
    std::optional<TxLocation> Find(const primitives::Txid& txid) const;
    // True once the index has reached the tip it saw last.
    bool Synced() const { return m_synced; }
    int BestHeight() const { return m_best_height; }

private:
    TxIndex(std::unique_ptr<storage::KvStore> store, Chainstate& chainstate, util::Logger& logger)
        : m_store(std::move(store)), m_chainstate(chainstate), m_logger(logger)
    {
    }
    void Run();
    util::Result<void> IndexBlock(const primitives::Block& block, const BlockIndex& index);

    std::unique_ptr<storage::KvStore> m_store;
    Chainstate& m_chainstate;
    util::Logger& m_logger;
    std::optional<primitives::BlockHash> m_best; // owned by the index thread after Start()
    std::atomic<int> m_best_height{-1};
    std::atomic<bool> m_synced{false};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace chain

#endif // UTXO_CHAIN_TX_INDEX_H
