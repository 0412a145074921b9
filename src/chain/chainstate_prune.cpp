// Chainstate: pruning (-prune, pruneblockchain). Whole blk/rev file pairs
// go, oldest first, never the file being written and never one holding any
// of the last MIN_BLOCKS_TO_KEEP blocks. The index forgets their data first,
// the coins are flushed, and only then are the files deleted, so a crash in
// between leaves at worst files nothing refers to.
#include <chain/chainstate.h>

namespace chain {

BlockStore Chainstate::MakeStore(BlockStorePositions positions) const
{
    return BlockStore(m_options.blocks_dir, m_options.params->message_start, positions,
                      m_options.max_block_file_size);
}

std::set<int> Chainstate::FilesToPrune() const
{
    std::set<int> files;
    const BlockIndex* tip = m_chain.Tip();
    if (m_options.prune_target_bytes <= PRUNE_MANUAL || !tip) return files;
    if (static_cast<uint64_t>(tip->height) <= m_options.params->prune_after_height) return files;
    uint64_t usage = BlockFilesDiskSize();
    // Room for the chunks the next writes preallocate.
    const uint64_t buffer = storage::BLOCKFILE_CHUNK_SIZE + storage::UNDOFILE_CHUNK_SIZE;
    const int last_prunable_height = tip->height - MIN_BLOCKS_TO_KEEP;
    const int current = m_store.Positions().block_file;
    for (const auto& [file, info] : m_files) {
        if (usage + buffer < m_options.prune_target_bytes) break;
        if (file >= current || info.size == 0) continue;
        if (static_cast<int>(info.height_last) > last_prunable_height) continue;
        files.insert(file);
        usage -= uint64_t{info.size} + info.undo_size;
    }
    return files;
}

void Chainstate::MarkFilesPruned(const std::set<int>& files)
{
    if (files.empty()) return;
    m_tree.ForEach([&](BlockIndex& index) {
        if (!(index.status & (storage::BLOCK_HAVE_DATA | storage::BLOCK_HAVE_UNDO)) || !files.contains(index.file)) {
            return;
        }
        index.status &= ~uint32_t{storage::BLOCK_HAVE_DATA | storage::BLOCK_HAVE_UNDO};
        index.file = -1;
        index.data_pos = 0;
        index.undo_pos = 0;
        SetDirty(index);
        // A pruned block can no longer be connected: it is no candidate.
        if (!m_chain.Contains(&index)) m_candidates.erase(&index);
    });
    for (int file : files) {
        m_files[file] = storage::BlockFileInfo{};
        m_dirty_files.insert(file);
        m_prune_pending.insert(file);
        m_options.logger->Log(util::LogLevel::Info, "Prune: marked " + BlockFileBaseName(file) + " for removal");
    }
}

int Chainstate::FirstBlockWithData() const
{
    const BlockIndex* walk = m_chain.Tip();
    if (!walk || !(walk->status & storage::BLOCK_HAVE_DATA)) return walk ? walk->height + 1 : 0;
    while (walk->parent && (walk->parent->status & storage::BLOCK_HAVE_DATA)) walk = walk->parent;
    return walk->height;
}

util::Result<int> Chainstate::PruneToHeight(int height)
{
    std::lock_guard lock(m_mutex);
    if (!PruneMode()) return util::Error{"Cannot prune blocks because node is not in prune mode."};
    const BlockIndex* tip = m_chain.Tip();
    const int last_prunable = std::min(height, tip->height - MIN_BLOCKS_TO_KEEP);
    if (last_prunable < height) {
        m_options.logger->Log(util::LogLevel::Info, "Attempt to prune blocks close to the tip.  Retaining the minimum "
                                                    "number of blocks.");
    }
    std::set<int> files;
    const int current = m_store.Positions().block_file;
    for (const auto& [file, info] : m_files) {
        if (file < current && info.size > 0 && static_cast<int>(info.height_last) <= last_prunable) files.insert(file);
    }
    MarkFilesPruned(files);
    if (auto r = FlushLocked(FlushMode::ALWAYS); !r) return util::Error{r.error()};
    return FirstBlockWithData() - 1;
}

} // namespace chain
