#include <chain/block_store.h>

#include <algorithm>

namespace chain {

BlockStore::BlockStore(const std::filesystem::path& blocks_dir, const storage::MessageStart& magic,
                       BlockStorePositions positions)
    : m_magic(magic),
      m_blocks({blocks_dir, "blk", storage::MAX_BLOCKFILE_SIZE, storage::BLOCKFILE_CHUNK_SIZE}, positions.block_file,
               positions.block_file_size),
      m_undo({blocks_dir, "rev", storage::MAX_BLOCKFILE_SIZE, storage::UNDOFILE_CHUNK_SIZE}, positions.undo_file,
             positions.undo_file_size)
{
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

util::Result<storage::FilePos> BlockStore::WriteUndo(const coins::BlockUndo& undo, const primitives::BlockHash& parent)
{
    const util::Bytes record = coins::SerializeBlockUndo(undo);
    const primitives::Uint256 checksum = coins::UndoChecksum(parent, record);
    return m_undo.Append(m_magic, record, checksum.span());
}

util::Result<coins::BlockUndo> BlockStore::ReadUndo(storage::FilePos pos, const primitives::BlockHash& parent) const
{
    auto bytes = m_undo.Read(pos, m_magic, MAX_BLOCK_SERIALIZED_SIZE, 32);
    if (!bytes) return util::Error{bytes.error()};
    const util::ByteSpan record(bytes->data(), bytes->size() - 32);
    const util::ByteSpan stored(bytes->data() + record.size(), 32);
    const primitives::Uint256 checksum = coins::UndoChecksum(parent, record);
    if (!std::equal(stored.begin(), stored.end(), checksum.span().begin())) {
        return util::Error{"Undo data checksum mismatch in " + m_undo.FileName(pos.file).string()};
    }
    auto undo = coins::DeserializeBlockUndo(record);
    if (!undo) return util::Error{"Undo data unreadable in " + m_undo.FileName(pos.file).string()};
    return std::move(*undo);
}

util::Result<void> BlockStore::Flush(bool finalize)
{
    if (auto r = m_blocks.Flush(finalize); !r) return r;
    return m_undo.Flush(finalize);
}

BlockStorePositions BlockStore::Positions() const
{
    return {m_blocks.CurrentFile(), m_blocks.CurrentSize(), m_undo.CurrentFile(), m_undo.CurrentSize()};
}

} // namespace chain
