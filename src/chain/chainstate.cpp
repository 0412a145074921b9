#include <chain/chainstate.h>

#include <chain/connect.h>
#include <consensus/block_check.h>
#include <consensus/block_context.h>
#include <consensus/header_check.h>
#include <crypto/random.h>
#include <util/serialize.h>

#include <cmath>
#include <cstdio>
#include <ctime>

namespace chain {
namespace {

// The index and block files are written at least this often, the coins at
// least this often (Core's intervals): a crash loses at most the replay of
// the blocks since the last coins flush, from files the index knows.
constexpr int64_t INDEX_WRITE_INTERVAL_MICROS = 60LL * 60 * 1'000'000;
constexpr int64_t COINS_FLUSH_INTERVAL_MICROS = 24LL * 60 * 60 * 1'000'000;
// Blocks connected per activation step before readers get a turn.
constexpr size_t MAX_BLOCKS_PER_STEP = 32;
// A tip older than this keeps the node in initial block download.
constexpr int64_t MAX_TIP_AGE_SECONDS = 24 * 60 * 60;

bool Failed(const BlockIndex& index)
{
    return index.status & (storage::BLOCK_FAILED_VALID | storage::BLOCK_FAILED_CHILD);
}

bool IsDescendant(const BlockIndex& block, const BlockIndex& ancestor)
{
    return block.Ancestor(ancestor.height) == &ancestor;
}

double Log2Work(const primitives::ArithUint256& work)
{
    const unsigned bits = work.Bits();
    if (bits <= 64) return std::log2(static_cast<double>(work.Low64()) + 1.0);
    const unsigned shift = bits - 64;
    return std::log2(static_cast<double>((work >> shift).Low64())) + shift;
}

std::string IsoDate(int64_t seconds)
{
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

} // namespace

std::string BlockFileBaseName(int file)
{
    char name[32];
    std::snprintf(name, sizeof(name), "blk%05d.dat", file);
    return name;
}

Chainstate::Chainstate(const ChainstateOptions& options)
    : m_options(options),
      m_tree(crypto::GetStrongRandomU64(), crypto::GetStrongRandomU64()),
      m_store(options.blocks_dir, options.params->message_start, {}, options.max_block_file_size)
{
}

Chainstate::~Chainstate() = default;

util::Result<std::unique_ptr<Chainstate>> Chainstate::Open(const ChainstateOptions& options)
{
    std::unique_ptr<Chainstate> state(new Chainstate(options));
    if (auto r = state->Load(); !r) return util::Error{r.error()};
    return state;
}

util::Result<void> Chainstate::Load()
{
    std::error_code error;
    std::filesystem::create_directories(m_options.blocks_dir, error);
    if (error) return util::Error{"Cannot create " + m_options.blocks_dir.string() + ": " + error.message()};

    storage::KvStoreOptions index_options;
    index_options.path = m_options.data_dir / "blocks" / "index";
    index_options.cache_bytes = m_options.index_db_cache_bytes;
    index_options.wipe = m_options.wipe_block_index;
    std::filesystem::create_directories(index_options.path.parent_path(), error);
    auto index_store = storage::KvStore::Open(index_options);
    if (!index_store) return util::Error{"Error opening block database: " + index_store.error()};
    m_index_db = std::make_unique<BlockIndexDb>(std::move(*index_store));

    storage::KvStoreOptions coins_options;
    coins_options.path = m_options.data_dir / "chainstate";
    coins_options.cache_bytes = m_options.coins_db_cache_bytes;
    coins_options.wipe = m_options.wipe_chainstate || m_options.wipe_block_index;
    coins_options.obfuscate = true;
    auto coins_store = storage::KvStore::Open(coins_options);
    if (!coins_store) return util::Error{"Error opening coins database: " + coins_store.error()};
    m_coins_db = std::make_unique<coins::CoinsDb>(std::move(*coins_store));
    m_coins = std::make_unique<coins::CoinsCache>(*m_coins_db, crypto::GetStrongRandomU64(), crypto::GetStrongRandomU64());

    std::lock_guard lock(m_mutex);
    if (auto r = m_index_db->LoadTree(m_tree); !r) return r;
    int last_file = 0;
    auto files = m_index_db->LoadFileInfo(last_file);
    if (!files) return util::Error{files.error()};
    for (size_t i = 0; i < files->size(); ++i) m_files[static_cast<int>(i)] = (*files)[i];
    m_store = MakeStore({last_file, m_files[last_file].size});
    m_reindexing = m_options.wipe_block_index || m_index_db->Reindexing();
    if (m_reindexing) {
        // Blocks written while the files are re-read go after all of them.
        int file = 0;
        while (std::filesystem::exists(m_store.Dir() / BlockFileBaseName(file + 1))) ++file;
        const auto path = m_store.Dir() / BlockFileBaseName(file);
        const uint64_t size = std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0;
        m_store = MakeStore({file, size});
        if (m_options.wipe_block_index) {
            if (auto r = m_index_db->SetReindexing(true); !r) return r;
        }
    }

    // Transaction counts along each branch, parents first.
    std::vector<BlockIndex*> by_height;
    m_tree.ForEach([&](BlockIndex& index) { by_height.push_back(&index); });
    std::sort(by_height.begin(), by_height.end(),
              [](const BlockIndex* a, const BlockIndex* b) { return a->height < b->height; });
    for (BlockIndex* index : by_height) {
        if (index->tx_count > 0) {
            if (!index->parent) {
                index->chain_tx_count = index->tx_count;
            } else if (index->parent->chain_tx_count > 0) {
                index->chain_tx_count = index->parent->chain_tx_count + index->tx_count;
            } else {
                m_unlinked.emplace(index->parent, index);
            }
        }
        if (!Failed(*index) && (!m_best_header || HasMoreWork(*index, *m_best_header))) m_best_header = index;
    }

    const primitives::BlockHash best = m_coins->BestBlock();
    if (!best.IsNull()) {
        BlockIndex* tip = m_tree.Find(best);
        if (!tip) {
            return util::Error{"The coins database's best block is missing from the block index: restart with -reindex"};
        }
        m_chain.SetTip(tip);
    }
    AddCandidatesAtLeastAsGoodAsTip();

    const primitives::Block& genesis = m_options.params->genesis;
    if (m_tree.Size() == 0) {
        // A new data directory starts with the genesis block on disk; a
        // reindex finds it first in blk00000.dat, where it stays.
        std::optional<storage::FilePos> pos;
        const storage::FilePos first_record{0, storage::RECORD_HEADER_SIZE};
        if (m_reindexing && m_store.ReadBlock(first_record, genesis.GetHash())) pos = first_record;
        const auto result = AcceptBlock(genesis, pos);
        if (!result.accepted) return util::Error{"Failed to store the genesis block: " + result.reject_reason};
        if (!m_reindexing) {
            if (auto r = FlushLocked(FlushMode::ALWAYS); !r) return r;
        }
    }
    if (!m_chain.Tip()) {
        // Readers always see a tip: at least the genesis block.
        BlockIndex* first = m_tree.Find(genesis.GetHash());
        if (!first || !(first->status & storage::BLOCK_HAVE_DATA)) return util::Error{"The genesis block is missing"};
        auto connected = ConnectTip(*first);
        if (!connected || !connected->empty()) return util::Error{"Failed to connect the genesis block"};
        PruneCandidates();
    }
    const int64_t now = m_options.clock->NowMicros();
    m_last_write_micros = now;
    m_last_flush_micros = now;
    if (const BlockIndex* tip = m_chain.Tip()) {
        m_options.logger->Log(util::LogLevel::Info, "Loaded best chain: hashBestChain=" + tip->hash.ToHex() +
                                                         " height=" + std::to_string(tip->height) +
                                                         " date=" + IsoDate(tip->header.time));
    }
    return {};
}

util::Result<void> Chainstate::Fatal(const std::string& message)
{
    m_options.logger->Log(util::LogLevel::Error, "*** " + message);
    if (m_options.notifications) m_options.notifications->FatalError(message);
    m_interrupted = true;
    return util::Error{message};
}

util::Result<primitives::Block> Chainstate::ReadBlock(const BlockIndex& index) const
{
    if (!(index.status & storage::BLOCK_HAVE_DATA)) return util::Error{"Block not available (pruned data)"};
    return m_store.ReadBlock({index.file, index.data_pos}, index.hash);
}

util::Result<coins::BlockUndo> Chainstate::ReadUndo(const BlockIndex& index) const
{
    if (!(index.status & storage::BLOCK_HAVE_UNDO) || !index.parent) return util::Error{"Undo data not available"};
    return m_store.ReadUndo({index.file, index.undo_pos}, index.parent->hash);
}

bool Chainstate::IsInitialBlockDownload() const
{
    if (m_ibd_done) return false;
    if (m_reindexing) return true;
    const BlockIndex* tip = m_chain.Tip();
    if (!tip) return true;
    if (int64_t{tip->header.time} < m_options.clock->NowMicros() / 1'000'000 - MAX_TIP_AGE_SECONDS) return true;
    m_ibd_done = true; // latches, as in Core: a node that caught up stays caught up
    return false;
}

uint64_t Chainstate::BlockFilesDiskSize() const
{
    uint64_t total = 0;
    for (const auto& [file, info] : m_files) total += uint64_t{info.size} + info.undo_size;
    return total;
}

void Chainstate::UpdateBestHeader(BlockIndex& index)
{
    if (!Failed(index) && (!m_best_header || HasMoreWork(index, *m_best_header))) m_best_header = &index;
}

Chainstate::HeaderResult Chainstate::AcceptBlockHeader(const primitives::BlockHeader& header)
{
    const consensus::Params& params = m_options.params->consensus;
    const primitives::BlockHash hash = header.GetHash();
    if (BlockIndex* existing = m_tree.Find(hash)) {
        if (Failed(*existing)) return {existing, "duplicate-invalid"};
        return {existing, ""};
    }
    if (const auto error = consensus::CheckBlockHeader(header, params); error != consensus::HeaderCheckError::NONE) {
        return {nullptr, consensus::RejectReason(error, header)};
    }
    if (hash == m_options.params->genesis.GetHash()) {
        BlockIndex* index = m_tree.Insert(header);
        SetDirty(*index);
        UpdateBestHeader(*index);
        return {index, ""};
    }
    BlockIndex* parent = m_tree.Find(header.prev_block);
    if (!parent) return {nullptr, "prev-blk-not-found"};
    if (Failed(*parent)) return {nullptr, "bad-prevblk"};
    const int64_t now = m_options.clock->NowMicros() / 1'000'000;
    const auto error = consensus::ContextualCheckBlockHeader(header, parent->Info(), BranchView(*parent), now, params);
    if (error != consensus::HeaderCheckError::NONE) return {nullptr, consensus::RejectReason(error, header)};
    BlockIndex* index = m_tree.Insert(header);
    SetDirty(*index);
    UpdateBestHeader(*index);
    return {index, ""};
}

std::string Chainstate::ProcessNewBlockHeader(const primitives::BlockHeader& header)
{
    std::lock_guard lock(m_mutex);
    const auto result = AcceptBlockHeader(header);
    return result.reject_reason;
}

BlockSubmission Chainstate::AcceptBlock(const primitives::Block& block, std::optional<storage::FilePos> known_pos)
{
    const consensus::Params& params = m_options.params->consensus;
    auto header = AcceptBlockHeader(block.header);
    if (!header.index) return {false, false, header.reject_reason};
    BlockIndex& index = *header.index;
    if (!header.reject_reason.empty()) return {false, true, header.reject_reason};
    if (index.status & storage::BLOCK_HAVE_DATA) return {false, true, "duplicate"};

    const auto check = consensus::CheckBlock(block, params);
    if (!check.ok()) {
        if (!check.Mutated()) MarkFailed(index);
        return {false, false, consensus::RejectReason(check, block)};
    }
    std::optional<consensus::HeaderInfo> parent_info;
    if (index.parent) parent_info = index.parent->Info();
    const BranchView chain_view(index.parent ? *index.parent : index);
    const auto context = consensus::ContextualCheckBlock(block, parent_info, chain_view, params);
    if (context != consensus::BlockContextError::NONE) {
        if (!consensus::IsMutation(context)) MarkFailed(index);
        return {false, false, std::string(consensus::RejectReason(context))};
    }

    storage::FilePos pos;
    util::SizeCounter counter;
    primitives::SerializeBlock(counter, block);
    const auto size = static_cast<uint32_t>(counter.size());
    if (known_pos) {
        pos = *known_pos;
    } else {
        auto written = m_store.WriteBlock(block);
        if (!written) {
            (void)Fatal("Failed to write block: " + written.error());
            return {false, false, "error"};
        }
        pos = *written;
    }
    ReceivedBlockTransactions(block, index, pos, size);
    m_recent_block = std::make_shared<const primitives::Block>(block);
    return {true, false, ""};
}

void Chainstate::ReceivedBlockTransactions(const primitives::Block& block, BlockIndex& index, storage::FilePos pos,
                                           uint32_t size)
{
    index.tx_count = static_cast<uint32_t>(block.txs.size());
    index.file = pos.file;
    index.data_pos = pos.offset;
    index.status |= storage::BLOCK_HAVE_DATA;
    if (index.height >= m_options.params->consensus.segwit_height) index.status |= storage::BLOCK_OPT_WITNESS;
    index.RaiseValidity(storage::BLOCK_VALID_TRANSACTIONS);
    SetDirty(index);

    storage::BlockFileInfo& info = m_files[pos.file];
    if (info.blocks == 0 || static_cast<uint32_t>(index.height) < info.height_first) info.height_first = index.height;
    if (info.blocks == 0 || index.header.time < info.time_first) info.time_first = index.header.time;
    info.height_last = std::max<uint32_t>(info.height_last, static_cast<uint32_t>(index.height));
    info.time_last = std::max<uint64_t>(info.time_last, index.header.time);
    info.blocks += 1;
    info.size = std::max<uint32_t>(info.size, pos.offset + size);
    m_dirty_files.insert(pos.file);

    if (index.parent && index.parent->chain_tx_count == 0) {
        m_unlinked.emplace(index.parent, &index);
        return;
    }
    // This block, and every waiting descendant it completes, can now be connected.
    std::vector<BlockIndex*> ready{&index};
    while (!ready.empty()) {
        BlockIndex* block_index = ready.back();
        ready.pop_back();
        block_index->chain_tx_count =
            (block_index->parent ? block_index->parent->chain_tx_count : 0) + block_index->tx_count;
        block_index->sequence_id = m_next_sequence_id++;
        const BlockIndex* tip = m_chain.Tip();
        if (block_index->IsValid() && (!tip || !HasMoreWork(*tip, *block_index))) m_candidates.insert(block_index);
        const auto [first, last] = m_unlinked.equal_range(block_index);
        for (auto it = first; it != last; ++it) ready.push_back(it->second);
        m_unlinked.erase(first, last);
    }
}

BlockSubmission Chainstate::ProcessNewBlock(const primitives::Block& block)
{
    BlockSubmission result;
    {
        std::lock_guard lock(m_mutex);
        result = AcceptBlock(block, std::nullopt);
    }
    if (!result.accepted) return result;
    if (auto r = ActivateBestChain(); !r) return {false, false, "error"};
    // A block that was stored but failed to connect is invalid after all.
    std::lock_guard lock(m_mutex);
    const BlockIndex* index = m_tree.Find(block.GetHash());
    if (index && Failed(*index)) {
        result.accepted = false;
        result.reject_reason = m_last_connect_failure.first == index ? m_last_connect_failure.second : "invalid";
    }
    return result;
}

std::string Chainstate::TestBlockValidity(const primitives::Block& block, bool check_pow, bool check_merkle_root)
{
    const consensus::Params& params = m_options.params->consensus;
    BlockIndex* tip = m_chain.Tip();
    if (!tip || block.header.prev_block != tip->hash) return "inconclusive-not-best-prevblk";
    const int64_t now = m_options.clock->NowMicros() / 1'000'000;
    if (const auto error = consensus::ContextualCheckBlockHeader(block.header, tip->Info(), BranchView(*tip), now, params);
        error != consensus::HeaderCheckError::NONE) {
        return consensus::RejectReason(error, block.header);
    }
    if (const auto check = consensus::CheckBlock(block, params, check_pow, check_merkle_root); !check.ok()) {
        return consensus::RejectReason(check, block);
    }
    if (const auto error = consensus::ContextualCheckBlock(block, tip->Info(), BranchView(*tip), params);
        error != consensus::BlockContextError::NONE) {
        return std::string(consensus::RejectReason(error));
    }
    // A throwaway index entry and view: the block is connected and forgotten.
    BlockIndex index;
    index.hash = block.GetHash();
    index.header = block.header;
    index.parent = tip;
    index.height = tip->height + 1;
    index.skip = tip->Ancestor(SkipHeight(index.height));
    coins::CoinsCache view(*m_coins, crypto::GetStrongRandomU64(), crypto::GetStrongRandomU64());
    coins::BlockUndo undo;
    return ConnectBlock(block, index, view, params, undo).reject_reason;
}

void Chainstate::MarkFailed(BlockIndex& index)
{
    index.status |= storage::BLOCK_FAILED_VALID;
    SetDirty(index);
    m_candidates.erase(&index);
    // Every descendant (header or block) inherits the failure.
    m_tree.ForEach([&](BlockIndex& other) {
        if (&other != &index && other.height > index.height && IsDescendant(other, index)) {
            other.status |= storage::BLOCK_FAILED_CHILD;
            SetDirty(other);
            m_candidates.erase(&other);
        }
    });
    if (m_best_header && IsDescendant(*m_best_header, index)) {
        m_best_header = m_chain.Tip();
        m_tree.ForEach([&](BlockIndex& other) { UpdateBestHeader(other); });
    }
}

void Chainstate::AddCandidatesAtLeastAsGoodAsTip()
{
    const BlockIndex* tip = m_chain.Tip();
    m_tree.ForEach([&](BlockIndex& index) {
        if (index.IsValid() && index.chain_tx_count > 0 && (!tip || !HasMoreWork(*tip, index))) {
            m_candidates.insert(&index);
        }
    });
}

void Chainstate::PruneCandidates()
{
    const BlockIndex* tip = m_chain.Tip();
    if (!tip) return;
    for (auto it = m_candidates.begin(); it != m_candidates.end();) {
        if (HasMoreWork(*tip, **it)) {
            it = m_candidates.erase(it);
        } else {
            ++it;
        }
    }
}

BlockIndex* Chainstate::FindMostWorkChain()
{
    while (!m_candidates.empty()) {
        BlockIndex* best = *m_candidates.begin();
        // Everything between the candidate and the active chain must be
        // usable: not failed, and its data still on disk.
        bool usable = true;
        for (BlockIndex* walk = best; walk && !m_chain.Contains(walk); walk = walk->parent) {
            if (Failed(*walk) || !(walk->status & storage::BLOCK_HAVE_DATA)) {
                const bool failed = Failed(*walk);
                for (BlockIndex* below = best; below != walk; below = below->parent) {
                    if (failed) {
                        below->status |= storage::BLOCK_FAILED_CHILD;
                        SetDirty(*below);
                    } else if (below->parent == walk) {
                        m_unlinked.emplace(walk, below);
                    }
                    m_candidates.erase(below);
                }
                m_candidates.erase(walk);
                usable = false;
                break;
            }
        }
        if (usable) return best;
    }
    return nullptr;
}

bool Chainstate::CheckScripts(const BlockIndex& index) const
{
    if (!m_options.assume_valid) return true;
    // -assumevalid: skip scripts only below that block, when it is in our
    // best header chain and buried under two weeks' worth of work.
    const BlockIndex* assumed = m_tree.Find(*m_options.assume_valid);
    if (!assumed || !m_best_header) return true;
    if (assumed->Ancestor(index.height) != &index) return true;
    if (m_best_header->Ancestor(assumed->height) != assumed) return true;
    const auto& params = m_options.params->consensus;
    const primitives::ArithUint256 extra_work = m_best_header->chain_work - index.chain_work;
    const primitives::ArithUint256 tip_proof = consensus::BlockProof(m_best_header->header.bits);
    const primitives::ArithUint256 seconds = extra_work * static_cast<uint32_t>(params.pow_target_spacing) / tip_proof;
    constexpr int64_t TWO_WEEKS = 60 * 60 * 24 * 7 * 2;
    return seconds.Bits() <= 63 && static_cast<int64_t>(seconds.Low64()) <= TWO_WEEKS;
}

util::Result<std::string> Chainstate::ConnectTip(BlockIndex& index)
{
    std::shared_ptr<const primitives::Block> block = m_recent_block;
    if (!block || block->GetHash() != index.hash) {
        auto read = ReadBlock(index);
        if (!read) return util::Error{"Failed to read block: " + read.error()};
        block = std::make_shared<const primitives::Block>(std::move(*read));
    }
    coins::CoinsCache view(*m_coins, crypto::GetStrongRandomU64(), crypto::GetStrongRandomU64());
    coins::BlockUndo undo;
    const ConnectResult result =
        ConnectBlock(*block, index, view, m_options.params->consensus, undo, CheckScripts(index), m_options.script_checks);
    if (!result.ok()) return result.reject_reason;
    if (index.parent && !(index.status & storage::BLOCK_HAVE_UNDO)) {
        storage::BlockFileInfo& info = m_files[index.file];
        auto pos = m_store.WriteUndo(undo, index.parent->hash, index.file, info.undo_size);
        if (!pos) return util::Error{"Failed to write undo data: " + pos.error()};
        info.undo_size = static_cast<uint32_t>(pos->offset + coins::SerializeBlockUndo(undo).size() + 32);
        m_dirty_files.insert(index.file);
        index.undo_pos = pos->offset;
        index.status |= storage::BLOCK_HAVE_UNDO;
    }
    index.RaiseValidity(storage::BLOCK_VALID_SCRIPTS);
    SetDirty(index);
    if (auto r = view.Flush(); !r) return util::Error{"Failed to update the coins cache: " + r.error()};
    m_chain.SetTip(&index);
    return std::string();
}

util::Result<void> Chainstate::DisconnectTip()
{
    BlockIndex* tip = m_chain.Tip();
    auto block = ReadBlock(*tip);
    if (!block) return util::Error{"Failed to read block: " + block.error()};
    auto undo = ReadUndo(*tip);
    if (!undo) return util::Error{"Failed to read undo data of " + tip->hash.ToHex() + ": " + undo.error()};
    coins::CoinsCache view(*m_coins, crypto::GetStrongRandomU64(), crypto::GetStrongRandomU64());
    if (DisconnectBlock(*block, *tip, *undo, view) != DisconnectResult::OK) {
        return util::Error{"Failed to disconnect block " + tip->hash.ToHex()};
    }
    if (auto r = view.Flush(); !r) return util::Error{"Failed to update the coins cache: " + r.error()};
    m_chain.SetTip(tip->parent);
    // The block may become best again (reconsider, more work on its branch).
    if (tip->IsValid() && tip->chain_tx_count > 0) m_candidates.insert(tip);
    return {};
}

util::Result<bool> Chainstate::ActivateBestChainStep(BlockIndex& best)
{
    const BlockIndex* fork = m_chain.FindFork(&best);
    while (m_chain.Tip() && m_chain.Tip() != fork) {
        if (auto r = DisconnectTip(); !r) return util::Error{r.error()};
    }
    std::vector<BlockIndex*> path;
    for (BlockIndex* walk = &best; walk != fork; walk = walk->parent) path.push_back(walk);
    size_t connected = 0;
    for (auto it = path.rbegin(); it != path.rend() && connected < MAX_BLOCKS_PER_STEP; ++it, ++connected) {
        auto reason = ConnectTip(**it);
        if (!reason) return util::Error{reason.error()};
        if (!reason->empty()) {
            m_options.logger->Log(util::LogLevel::Warning, "ConnectBlock " + (*it)->hash.ToHex() + " failed, " + *reason);
            m_last_connect_failure = {*it, *reason};
            MarkFailed(**it);
            PruneCandidates();
            return false;
        }
        LogUpdateTip(**it);
        if (auto r = FlushLocked(FlushMode::IF_NEEDED); !r) return util::Error{r.error()};
    }
    PruneCandidates();
    return true;
}

util::Result<void> Chainstate::ActivateBestChain()
{
    std::lock_guard activate(m_activate_mutex);
    return ActivateBestChainActivating();
}

util::Result<void> Chainstate::ActivateBestChainActivating()
{
    while (!m_interrupted) {
        std::unique_lock lock(m_mutex);
        const BlockIndex* old_tip = m_chain.Tip();
        BlockIndex* best = FindMostWorkChain();
        if (!best || best == old_tip) break;
        auto step = ActivateBestChainStep(*best);
        if (!step) return Fatal(step.error());
        if (m_chain.Tip() != old_tip) {
            if (m_options.notifications) {
                m_options.notifications->BlockTipChanged(*m_chain.Tip(), IsInitialBlockDownload());
            }
            m_tip_changed.notify_all();
        }
    }
    std::lock_guard lock(m_mutex);
    if (auto r = FlushLocked(FlushMode::PERIODIC); !r) return r;
    return {};
}

void Chainstate::LogUpdateTip(const BlockIndex& tip) const
{
    char line[512];
    const double cache_mib = static_cast<double>(m_coins->MemoryUsage()) / (1 << 20);
    std::snprintf(line, sizeof(line),
                  "UpdateTip: new best=%s height=%d version=0x%08x log2_work=%.6f tx=%llu date='%s' progress=%.6f "
                  "cache=%.1fMiB(%zutxo)",
                  tip.hash.ToHex().c_str(), tip.height, static_cast<uint32_t>(tip.header.version),
                  Log2Work(tip.chain_work), static_cast<unsigned long long>(tip.chain_tx_count),
                  IsoDate(tip.header.time).c_str(), 1.0, cache_mib, m_coins->CacheSize());
    m_options.logger->Log(util::LogLevel::Info, line);
}

util::Result<void> Chainstate::Flush(FlushMode mode)
{
    std::lock_guard lock(m_mutex);
    return FlushLocked(mode);
}

util::Result<void> Chainstate::FlushLocked(FlushMode mode)
{
    const int64_t now = m_options.clock->NowMicros();
    const size_t usage = m_coins->MemoryUsage();
    const bool cache_full = usage > m_options.coins_cache_bytes;
    const bool cache_large = usage > m_options.coins_cache_bytes / 10 * 9;
    const bool periodic_write = mode == FlushMode::PERIODIC && now > m_last_write_micros + INDEX_WRITE_INTERVAL_MICROS;
    const bool periodic_flush = mode == FlushMode::PERIODIC && now > m_last_flush_micros + COINS_FLUSH_INTERVAL_MICROS;
    MarkFilesPruned(FilesToPrune());
    const bool full = mode == FlushMode::ALWAYS || cache_full || (mode == FlushMode::PERIODIC && cache_large) ||
                      periodic_flush || !m_prune_pending.empty();
    if (!full && !periodic_write) return {};

    // Block and undo files first: the index must never point at bytes the disk may not have.
    if (auto r = m_store.Flush(/*finalize=*/mode == FlushMode::ALWAYS); !r) return Fatal("Failed to flush block files: " + r.error());
    std::vector<const BlockIndex*> blocks(m_dirty_blocks.begin(), m_dirty_blocks.end());
    std::map<int, storage::BlockFileInfo> files;
    for (int file : m_dirty_files) files[file] = m_files[file];
    if (auto r = m_index_db->Write(blocks, files, m_store.Positions().block_file); !r) {
        return Fatal("Failed to write to block index database: " + r.error());
    }
    m_dirty_blocks.clear();
    m_dirty_files.clear();
    m_last_write_micros = now;
    if (full && m_chain.Tip()) {
        if (auto r = m_coins->Flush(); !r) return Fatal("Failed to write to coin database: " + r.error());
        m_last_flush_micros = now;
        // Nothing refers to the pruned files any more, on disk either.
        for (int file : m_prune_pending) m_store.RemoveFiles(file);
        m_prune_pending.clear();
    }
    return {};
}

util::Result<void> Chainstate::InvalidateBlock(const primitives::BlockHash& hash)
{
    std::lock_guard activate(m_activate_mutex);
    {
        std::lock_guard lock(m_mutex);
        BlockIndex* index = m_tree.Find(hash);
        if (!index) return util::Error{"Block not found"};
        if (!index->parent) return util::Error{"Genesis block cannot be invalidated"};
        while (m_chain.Contains(index)) {
            if (auto r = DisconnectTip(); !r) return Fatal(r.error());
        }
        MarkFailed(*index);
        m_candidates.clear();
        AddCandidatesAtLeastAsGoodAsTip();
        m_tip_changed.notify_all();
        if (m_options.notifications && m_chain.Tip()) {
            m_options.notifications->BlockTipChanged(*m_chain.Tip(), IsInitialBlockDownload());
        }
    }
    return ActivateBestChainActivating();
}

util::Result<void> Chainstate::ReconsiderBlock(const primitives::BlockHash& hash)
{
    {
        std::lock_guard lock(m_mutex);
        BlockIndex* index = m_tree.Find(hash);
        if (!index) return util::Error{"Block not found"};
        const BlockIndex* tip = m_chain.Tip();
        // The block, its descendants and its ancestors are judged afresh.
        m_tree.ForEach([&](BlockIndex& other) {
            const bool related = IsDescendant(other, *index) || IsDescendant(*index, other);
            if (!related || !Failed(other)) return;
            other.status &= ~uint32_t{storage::BLOCK_FAILED_VALID | storage::BLOCK_FAILED_CHILD};
            SetDirty(other);
            if (other.IsValid() && other.chain_tx_count > 0 && (!tip || !HasMoreWork(*tip, other))) {
                m_candidates.insert(&other);
            }
            UpdateBestHeader(other);
        });
    }
    return ActivateBestChain();
}

util::Result<void> Chainstate::PreciousBlock(const primitives::BlockHash& hash)
{
    {
        std::lock_guard lock(m_mutex);
        BlockIndex* index = m_tree.Find(hash);
        if (!index) return util::Error{"Block not found"};
        const BlockIndex* tip = m_chain.Tip();
        if (!tip || index->chain_work < tip->chain_work) return {};
        // Each call outranks the previous ones while the tip's work stays the same.
        if (tip->chain_work > m_last_precious_work) m_next_precious_id = -1;
        m_last_precious_work = tip->chain_work;
        m_candidates.erase(index);
        index->sequence_id = m_next_precious_id--;
        if (index->IsValid() && index->chain_tx_count > 0) m_candidates.insert(index);
    }
    return ActivateBestChain();
}

std::vector<ChainTip> Chainstate::ChainTips() const
{
    std::set<const BlockIndex*> parents;
    std::vector<const BlockIndex*> forks;
    m_tree.ForEach([&](BlockIndex& index) {
        if (index.parent) parents.insert(index.parent);
    });
    m_tree.ForEach([&](BlockIndex& index) {
        if (!m_chain.Contains(&index) && !parents.contains(&index)) forks.push_back(&index);
    });
    std::vector<ChainTip> tips;
    if (const BlockIndex* tip = m_chain.Tip()) tips.push_back({tip, 0, "active"});
    for (const BlockIndex* block : forks) {
        const BlockIndex* fork = m_chain.FindFork(block);
        ChainTip tip{block, block->height - (fork ? fork->height : -1), ""};
        if (Failed(*block)) {
            tip.status = "invalid";
        } else if (block->chain_tx_count == 0) {
            tip.status = "headers-only";
        } else if (block->IsValid(storage::BLOCK_VALID_SCRIPTS)) {
            tip.status = "valid-fork";
        } else if (block->IsValid(storage::BLOCK_VALID_TREE)) {
            tip.status = "valid-headers";
        } else {
            tip.status = "unknown";
        }
        tips.push_back(tip);
    }
    return tips;
}

void Chainstate::Interrupt()
{
    m_interrupted = true;
    std::lock_guard lock(m_mutex);
    m_tip_changed.notify_all();
}

} // namespace chain
