// The block index database (blocks/index/): the BlockTree's nodes and the
// per-file statistics, in Bitcoin Core's record format (storage/
// block_index_records.h). Loading rebuilds the tree; writing stores what
// changed since the last write in one synced batch.
#ifndef UTXO_CHAIN_BLOCK_INDEX_DB_H
#define UTXO_CHAIN_BLOCK_INDEX_DB_H

#include <chain/block_index.h>
#include <storage/block_index_records.h>
#include <storage/kv_store.h>
#include <util/result.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace chain {

class BlockIndexDb {
public:
    explicit BlockIndexDb(std::unique_ptr<storage::KvStore> store) : m_store(std::move(store)) {}

    // Adds every stored block to `tree` (parents first), with status, file
    // positions and transaction counts. Heights that disagree with the
    // parent links, or an unreadable record, are errors: the index is corrupt.
    util::Result<void> LoadTree(BlockTree& tree) const;
    // Per-file statistics (index = file number) and the last file in use.
    util::Result<std::vector<storage::BlockFileInfo>> LoadFileInfo(int& last_file) const;

    // Writes the given blocks, file statistics and last file in one synced batch.
    util::Result<void> Write(const std::vector<const BlockIndex*>& blocks,
                             const std::map<int, storage::BlockFileInfo>& files, int last_file);

    bool ReadFlag(const std::string& name) const;
    util::Result<void> WriteFlag(const std::string& name, bool value);
    bool Reindexing() const;
    util::Result<void> SetReindexing(bool reindexing);

    storage::KvStore& Store() { return *m_store; }

private:
    std::unique_ptr<storage::KvStore> m_store;
};

storage::BlockIndexRecord ToRecord(const BlockIndex& index);

} // namespace chain

#endif // UTXO_CHAIN_BLOCK_INDEX_DB_H
