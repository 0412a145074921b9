// The chain state: every known header in a tree with its cumulative work,
// the blocks on disk, the UTXO set (LevelDB behind the in-memory cache) and
// the active chain, kept on the valid branch with the most work (Bitcoin
// Core's ChainstateManager and Chainstate in one owner).
//
// Threads: every method takes the locks it needs unless it says "caller holds
// Mutex()". Lock order: the activation mutex (one writer walks the chain at
// a time), then Mutex() (readers and writers of the state). Readers (RPC)
// hold Mutex() while they look, so a reorg step is atomic to them.
//
// Durability: block files are synced, then the block index is written in
// one synced batch, then the coins in one synced batch that also moves the
// best block. A crash at any point leaves the coins at some flushed tip whose
// blocks the index knows; the next start connects the rest from the block
// files (the replay).
#ifndef UTXO_CHAIN_CHAINSTATE_H
#define UTXO_CHAIN_CHAINSTATE_H

#include <chain/active_chain.h>
#include <chain/block_index.h>
#include <chain/block_index_db.h>
#include <chain/block_store.h>
#include <coins/coins_cache.h>
#include <coins/coins_db.h>
#include <consensus/chain_params.h>
#include <util/clock.h>
#include <util/logging.h>
#include <util/result.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chain {

class ScriptCheckQueue;

// Upward calls to the node: implemented by node/, called with Mutex() held
// (implementations must not call back into the Chainstate).
class Notifications {
public:
    virtual ~Notifications() = default;
    virtual void BlockTipChanged(const BlockIndex& tip, bool initial_download) {}
    // Our own failure (disk, database): the node must shut down.
    virtual void FatalError(const std::string& message) {}
};

struct ChainstateOptions {
    const consensus::ChainParams* params{nullptr};
    std::filesystem::path data_dir;   // holds blocks/index/ and chainstate/
    std::filesystem::path blocks_dir; // blk/rev files (-blocksdir)
    size_t coins_cache_bytes{450 << 20};
    size_t coins_db_cache_bytes{8 << 20};
    size_t index_db_cache_bytes{2 << 20};
    bool wipe_block_index{false}; // -reindex
    bool wipe_chainstate{false};  // -reindex and -reindex-chainstate
    std::optional<primitives::BlockHash> assume_valid;
    const util::Clock* clock{nullptr};
    util::Logger* logger{nullptr};
    Notifications* notifications{nullptr};
    ScriptCheckQueue* script_checks{nullptr}; // nullptr: on the calling thread
    // -prune: 0 off; PRUNE_MANUAL only by pruneblockchain; otherwise the
    // target for block and undo files in bytes.
    uint64_t prune_target_bytes{0};
    uint64_t max_block_file_size{storage::MAX_BLOCKFILE_SIZE}; // -fastprune: 64 KiB
};

// -prune=1: prune only when asked (pruneblockchain).
inline constexpr uint64_t PRUNE_MANUAL = 1;
// Pruning always keeps the last this many blocks (Core's MIN_BLOCKS_TO_KEEP),
// so a reorg of that depth can still be undone.
inline constexpr int MIN_BLOCKS_TO_KEEP = 288;

// What happened to a submitted block (submitblock's BIP22 answers).
struct BlockSubmission {
    bool accepted{false};  // stored (new) and valid as far as checked
    bool duplicate{false}; // already had it
    std::string reject_reason;
};

enum class FlushMode { IF_NEEDED, PERIODIC, ALWAYS };

// "blk00042.dat".
std::string BlockFileBaseName(int file);

// One chain tip for getchaintips.
struct ChainTip {
    const BlockIndex* block;
    int branch_length;
    std::string status; // active, valid-fork, valid-headers, headers-only, invalid
};

class Chainstate {
public:
    // Opens (or creates) the databases and loads the block index. The
    // active chain is the UTXO set's best block; call ActivateBestChain()
    // afterwards to connect whatever better chain the block files hold.
    static util::Result<std::unique_ptr<Chainstate>> Open(const ChainstateOptions& options);
    ~Chainstate();
    Chainstate(const Chainstate&) = delete;
    Chainstate& operator=(const Chainstate&) = delete;

    std::mutex& Mutex() const { return m_mutex; }
    // Woken (with Mutex()) whenever the tip changes, and by Interrupt().
    std::condition_variable& TipChanged() const { return m_tip_changed; }

    // --- Caller holds Mutex().
    const ActiveChain& Chain() const { return m_chain; }
    const BlockTree& Tree() const { return m_tree; }
    const BlockIndex* BestHeader() const { return m_best_header; }
    const BlockIndex* Find(const primitives::BlockHash& hash) const { return m_tree.Find(hash); }
    coins::CoinsCache& Coins() { return *m_coins; }
    coins::CoinsDb& CoinsDatabase() { return *m_coins_db; }
    util::Result<primitives::Block> ReadBlock(const BlockIndex& index) const;
    util::Result<coins::BlockUndo> ReadUndo(const BlockIndex& index) const;
    bool IsInitialBlockDownload() const;
    std::vector<ChainTip> ChainTips() const;
    // Bytes of block and undo records in use (preallocated space aside).
    uint64_t BlockFilesDiskSize() const;
    const consensus::ChainParams& Params() const { return *m_options.params; }
    // Whether `block`, built on the tip, would connect (generateblock,
    // getblocktemplate proposals): "" when valid, else the reject reason.
    // Nothing is stored or changed.
    std::string TestBlockValidity(const primitives::Block& block, bool check_pow, bool check_merkle_root);
    // Writes everything (files, index, coins) to disk now.
    util::Result<void> FlushCoinsLocked() { return FlushLocked(FlushMode::ALWAYS); }
    // Coins cache usage in bytes.
    size_t CoinsCacheUsage() const { return m_coins->MemoryUsage(); }

    // --- These take the locks.
    // Checks, stores and (through ActivateBestChain) connects a block.
    BlockSubmission ProcessNewBlock(const primitives::Block& block);
    // Adds headers to the tree (submitheader). Returns the reject reason, "" when accepted.
    std::string ProcessNewBlockHeader(const primitives::BlockHeader& header);
    // Moves the tip to the best valid chain. An error is our own failure
    // (disk, database), already reported to Notifications::FatalError.
    util::Result<void> ActivateBestChain();
    util::Result<void> InvalidateBlock(const primitives::BlockHash& hash);
    util::Result<void> ReconsiderBlock(const primitives::BlockHash& hash);
    util::Result<void> PreciousBlock(const primitives::BlockHash& hash);
    util::Result<void> Flush(FlushMode mode);
    // Verifies the top `depth` blocks of the active chain at `level` (0-4),
    // as -checkblocks/-checklevel and verifychain do. Errors describe the fault.
    util::Result<void> VerifyChain(int level, int depth);
    // pruneblockchain: removes the files holding only blocks at or below
    // `height` (never the last MIN_BLOCKS_TO_KEEP). Returns the height of
    // the last block whose data is gone (-1 for none). Requires -prune.
    util::Result<int> PruneToHeight(int height);
    bool PruneMode() const { return m_options.prune_target_bytes != 0; }
    uint64_t PruneTargetBytes() const { return m_options.prune_target_bytes; }
    // Caller holds Mutex(): the lowest height from which every block on the
    // active chain still has its data.
    int FirstBlockWithData() const;

    // Imports a blk?????.dat-style file (-loadblock, or our own files with
    // -reindex when `in_place`: blocks are indexed where they are). Blocks
    // whose parent is not known yet wait until it arrives. Returns the
    // number of blocks newly accepted.
    util::Result<size_t> ImportBlockFile(const std::filesystem::path& path, bool in_place = false, int file_number = -1);
    // -reindex: indexes every blk file of the blocks directory, then
    // activates the best chain.
    util::Result<void> Reindex();
    bool Reindexing() const { return m_reindexing; }

    // Stops long-running work (imports, activation) at the next block.
    void Interrupt();
    bool Interrupted() const { return m_interrupted; }

private:
    explicit Chainstate(const ChainstateOptions& options);
    util::Result<void> Load();

    // Caller holds Mutex() for all of these.
    struct HeaderResult {
        BlockIndex* index{nullptr};
        std::string reject_reason;
    };
    HeaderResult AcceptBlockHeader(const primitives::BlockHeader& header);
    BlockSubmission AcceptBlock(const primitives::Block& block, std::optional<storage::FilePos> known_pos);
    void ReceivedBlockTransactions(const primitives::Block& block, BlockIndex& index, storage::FilePos pos,
                                   uint32_t size);
    BlockIndex* FindMostWorkChain();
    // One step towards `best`: false with no error when a block failed (pick again).
    util::Result<bool> ActivateBestChainStep(BlockIndex& best);
    util::Result<std::string> ConnectTip(BlockIndex& index);
    util::Result<void> DisconnectTip();
    void MarkFailed(BlockIndex& index);
    void AddCandidatesAtLeastAsGoodAsTip();
    void PruneCandidates();
    bool CheckScripts(const BlockIndex& index) const;
    void SetDirty(const BlockIndex& index) { m_dirty_blocks.insert(&index); }
    void LogUpdateTip(const BlockIndex& tip) const;
    util::Result<void> FlushLocked(FlushMode mode);
    BlockStore MakeStore(BlockStorePositions positions) const;
    // Files that automatic pruning would remove now.
    std::set<int> FilesToPrune() const;
    // Forgets the blocks in `files` (index status, file statistics); the
    // files themselves go after the next flush (m_prune_pending).
    void MarkFilesPruned(const std::set<int>& files);
    std::set<int> m_prune_pending;
    // The block accepted last, kept so connecting it needs no read back from disk.
    std::shared_ptr<const primitives::Block> m_recent_block;
    void UpdateBestHeader(BlockIndex& index);
    util::Result<void> Fatal(const std::string& message);
    // ActivateBestChain with the activation mutex already held.
    util::Result<void> ActivateBestChainActivating();

    ChainstateOptions m_options;
    mutable std::mutex m_activate_mutex;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_tip_changed;

    BlockTree m_tree;
    ActiveChain m_chain;
    BlockStore m_store;
    std::unique_ptr<BlockIndexDb> m_index_db;
    std::unique_ptr<coins::CoinsDb> m_coins_db;
    std::unique_ptr<coins::CoinsCache> m_coins;

    struct MoreWorkFirst {
        bool operator()(const BlockIndex* a, const BlockIndex* b) const { return HasMoreWork(*a, *b); }
    };
    std::set<BlockIndex*, MoreWorkFirst> m_candidates;
    std::multimap<BlockIndex*, BlockIndex*> m_unlinked; // parent (without all data below) -> child with data
    std::set<const BlockIndex*> m_dirty_blocks;
    std::map<int, storage::BlockFileInfo> m_files;
    std::set<int> m_dirty_files;
    BlockIndex* m_best_header{nullptr};
    std::pair<const BlockIndex*, std::string> m_last_connect_failure{nullptr, ""};
    int32_t m_next_sequence_id{1};
    int32_t m_next_precious_id{-1};
    primitives::ArithUint256 m_last_precious_work;
    int64_t m_last_write_micros{0};
    int64_t m_last_flush_micros{0};
    mutable std::atomic<bool> m_ibd_done{false};
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_reindexing{false};
};

} // namespace chain

#endif // UTXO_CHAIN_CHAINSTATE_H
