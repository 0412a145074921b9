// Blocks and their undo data on disk: blocks/blk?????.dat and
// rev?????.dat in Bitcoin Core's layout, the undo record followed by its
// checksum (double SHA-256 of the parent's hash and the record), so a torn or
// foreign record is detected before it is used to disconnect anything.
#ifndef UTXO_CHAIN_BLOCK_STORE_H
#define UTXO_CHAIN_BLOCK_STORE_H

#include <coins/undo.h>
#include <primitives/block.h>
#include <storage/flat_files.h>
#include <util/result.h>

#include <filesystem>

namespace chain {

// No serialized block is larger (BIP141 weight limit on the whole encoding).
inline constexpr uint64_t MAX_BLOCK_SERIALIZED_SIZE = 4'000'000;

struct BlockStorePositions {
    int block_file{0};
    uint64_t block_file_size{0};
    int undo_file{0};
    uint64_t undo_file_size{0};
};

class BlockStore {
public:
    BlockStore(const std::filesystem::path& blocks_dir, const storage::MessageStart& magic,
               BlockStorePositions positions = {});

    // Appends the block with its witness data.
    util::Result<storage::FilePos> WriteBlock(const primitives::Block& block);
    // Reads a block and checks that it is the one expected.
    util::Result<primitives::Block> ReadBlock(storage::FilePos pos, const primitives::BlockHash& expected) const;

    util::Result<storage::FilePos> WriteUndo(const coins::BlockUndo& undo, const primitives::BlockHash& parent);
    util::Result<coins::BlockUndo> ReadUndo(storage::FilePos pos, const primitives::BlockHash& parent) const;

    // Puts both current files on disk (see FlatFiles::Flush).
    util::Result<void> Flush(bool finalize);
    BlockStorePositions Positions() const;

private:
    storage::MessageStart m_magic;
    storage::FlatFiles m_blocks;
    storage::FlatFiles m_undo;
};

} // namespace chain

#endif // UTXO_CHAIN_BLOCK_STORE_H
