#include <chain/block_index_db.h>

#include <util/endian.h>

#include <algorithm>

namespace chain {

storage::BlockIndexRecord ToRecord(const BlockIndex& index)
{
    storage::BlockIndexRecord record;
    record.height = index.height;
    record.status = index.status;
    record.tx_count = index.tx_count;
    record.file = index.file;
    record.data_pos = index.data_pos;
    record.undo_pos = index.undo_pos;
    record.header = index.header;
    return record;
}

util::Result<void> BlockIndexDb::LoadTree(BlockTree& tree) const
{
    const util::Bytes prefix = storage::BlockIndexKey(primitives::BlockHash());
    std::vector<storage::BlockIndexRecord> records;
    auto it = m_store->NewIterator();
    for (it->Seek(util::ByteSpan(prefix.data(), 1)); it->Valid(); it->Next()) {
        const util::ByteSpan key = it->Key();
        if (key.size() != prefix.size() || key[0] != prefix[0]) break;
        auto record = storage::DeserializeBlockIndexRecord(it->Value());
        if (!record) return util::Error{"Block index record unreadable: the block index is corrupt"};
        records.push_back(std::move(*record));
    }
    if (auto status = it->Status(); !status) return status;
    // Parents before children: a block's height is one more than its parent's.
    std::stable_sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.height < b.height; });
    for (const auto& record : records) {
        if (record.height > 0 && !tree.Find(record.header.prev_block)) {
            return util::Error{"Block index has " + record.header.GetHash().ToHex() + " without its parent"};
        }
        BlockIndex* index = tree.Insert(record.header);
        if (index->height != record.height) {
            return util::Error{"Block index height mismatch for " + index->hash.ToHex()};
        }
        index->status = record.status;
        index->tx_count = record.tx_count;
        index->file = record.file;
        index->data_pos = record.data_pos;
        index->undo_pos = record.undo_pos;
    }
    return {};
}

util::Result<std::vector<storage::BlockFileInfo>> BlockIndexDb::LoadFileInfo(int& last_file) const
{
    last_file = 0;
    if (auto last = m_store->TryRead(storage::LastBlockFileKey()); !last) {
        return util::Error{last.error()};
    } else if (*last && (*last)->size() == 4) {
        last_file = static_cast<int>(util::ReadLE32((*last)->data()));
    }
    std::vector<storage::BlockFileInfo> files;
    for (int file = 0; file <= last_file; ++file) {
        auto bytes = m_store->TryRead(storage::BlockFileInfoKey(file));
        if (!bytes) return util::Error{bytes.error()};
        storage::BlockFileInfo info;
        if (*bytes) {
            auto decoded = storage::DeserializeBlockFileInfo(**bytes);
            if (!decoded) return util::Error{"Block file info unreadable for file " + std::to_string(file)};
            info = *decoded;
        }
        files.push_back(info);
    }
    return files;
}

util::Result<void> BlockIndexDb::Write(const std::vector<const BlockIndex*>& blocks,
                                       const std::map<int, storage::BlockFileInfo>& files, int last_file)
{
    storage::KvBatch batch(*m_store);
    for (const auto& [file, info] : files) batch.Write(storage::BlockFileInfoKey(file), storage::SerializeBlockFileInfo(info));
    uint8_t last[4];
    util::WriteLE32(last, static_cast<uint32_t>(last_file));
    batch.Write(storage::LastBlockFileKey(), util::ByteSpan(last, 4));
    for (const BlockIndex* index : blocks) {
        batch.Write(storage::BlockIndexKey(index->hash), storage::SerializeBlockIndexRecord(ToRecord(*index)));
    }
    return m_store->WriteBatch(batch, /*sync=*/true);
}

bool BlockIndexDb::ReadFlag(const std::string& name) const
{
    const auto value = m_store->Read(storage::FlagKey(name));
    return value && value->size() == 1 && (*value)[0] == '1';
}

util::Result<void> BlockIndexDb::WriteFlag(const std::string& name, bool value)
{
    const uint8_t byte = value ? '1' : '0';
    return m_store->Write(storage::FlagKey(name), util::ByteSpan(&byte, 1), /*sync=*/true);
}

bool BlockIndexDb::Reindexing() const { return m_store->Exists(storage::ReindexKey()); }

util::Result<void> BlockIndexDb::SetReindexing(bool reindexing)
{
    if (!reindexing) return m_store->Erase(storage::ReindexKey(), /*sync=*/true);
    const uint8_t byte = '1';
    return m_store->Write(storage::ReindexKey(), util::ByteSpan(&byte, 1), /*sync=*/true);
}

} // namespace chain
