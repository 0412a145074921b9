#include <chain/block_store.h>

#include <algorithm>
#include <limits>
#include <system_error>

namespace chain {

BlockStore::BlockStore(const std::filesystem::path& blocks_dir, const storage::MessageStart& magic,
                       BlockStorePositions positions, uint64_t max_file_size)
    : m_dir(blocks_dir),
      m_magic(magic),
      m_blocks({blocks_dir, "blk", max_file_size, std::min(max_file_size, storage::BLOCKFILE_CHUNK_SIZE)},
               positions.block_file,
               positions.block_file_size)
{
}

storage::FlatFilesOptions BlockStore::UndoOptions() const
{
    // A rev file never rolls over: it follows its blk file. Positions are 32-bit.
    return {m_dir, "rev", std::numeric_limits<uint32_t>::max(), storage::UNDOFILE_CHUNK_SIZE};
}

util::Result<storage::FilePos> BlockStore::WriteBlock(const primitives::Block& block)
{
    return m_blocks.Append(m_magic, primitives::EncodeBlock(block));
}

util::Result<primitives::Block> BlockStore::ReadBlock(storage::FilePos pos, const primitives::BlockHash& expected) const
{
    auto bytes = m_blocks.Read(pos, m_magic, MAX_BLOCK_SERIALIZED_SIZE);
    if (!bytes) return util::Error{bytes.error()};
    auto block = primitives::DecodeBlock(*bytes);
    if (!block) return util::Error{"Failed to read block at " + m_blocks.FileName(pos.file).string() + ": " + block.error()};
    if (block->GetHash() != expected) {
        return util::Error{"Block at " + m_blocks.FileName(pos.file).string() + " offset " + std::to_string(pos.offset) +
                           " is " + block->GetHash().ToHex() + ", not " + expected.ToHex()};
    }
    return std::move(*block);
}

util::Result<storage::FilePos> BlockStore::WriteUndo(const coins::BlockUndo& undo, const primitives::BlockHash& parent,
                                                     int file, uint64_t undo_size)
{
    const util::Bytes record = coins::SerializeBlockUndo(undo);
    const primitives::Uint256 checksum = coins::UndoChecksum(parent, record);
    storage::FlatFiles rev(UndoOptions(), file, undo_size);
    auto pos = rev.Append(m_magic, record, checksum.span());
    if (!pos) return pos;
    if (pos->file != file) return util::Error{"Undo file " + rev.FileName(file).string() + " is full"};
    m_unflushed_undo[file] = rev.CurrentSize();
    return pos;
}

util::Result<coins::BlockUndo> BlockStore::ReadUndo(storage::FilePos pos, const primitives::BlockHash& parent) const
{
    const storage::FlatFiles rev(UndoOptions());
    auto bytes = rev.Read(pos, m_magic, MAX_BLOCK_SERIALIZED_SIZE, 32);
    if (!bytes) return util::Error{bytes.error()};
    const util::ByteSpan record(bytes->data(), bytes->size() - 32);
    const util::ByteSpan stored(bytes->data() + record.size(), 32);
    const primitives::Uint256 checksum = coins::UndoChecksum(parent, record);
    if (!std::equal(stored.begin(), stored.end(), checksum.span().begin())) {
        return util::Error{"Undo data checksum mismatch in " + rev.FileName(pos.file).string()};
    }
    auto undo = coins::DeserializeBlockUndo(record);
    if (!undo) return util::Error{"Undo data unreadable in " + rev.FileName(pos.file).string()};
    return std::move(*undo);
}

util::Result<void> BlockStore::Flush(bool finalize)
{
    if (auto r = m_blocks.Flush(finalize); !r) return r;
    for (auto it = m_unflushed_undo.begin(); it != m_unflushed_undo.end(); it = m_unflushed_undo.erase(it)) {
        storage::FlatFiles rev(UndoOptions(), it->first, it->second);
        if (auto r = rev.Flush(finalize); !r) return r;
    }
    return {};
}

BlockStorePositions BlockStore::Positions() const { return {m_blocks.CurrentFile(), m_blocks.CurrentSize()}; }

void BlockStore::RemoveFiles(int file)
{
    std::error_code ignored;
    std::filesystem::remove(m_blocks.FileName(file), ignored);
    std::filesystem::remove(storage::FlatFiles(UndoOptions()).FileName(file), ignored);
    m_unflushed_undo.erase(file);
}

} // namespace chain
