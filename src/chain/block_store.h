// Blocks and their undo data on disk: blocks/blk?????.dat and
// rev?????.dat in Bitcoin Core's layout, the undo record followed by its
// checksum (double SHA-256 of the parent's hash and the record), so a torn or
// foreign record is detected before it is used to disconnect anything.
//
// A block's undo data goes to the rev file with the same number as the blk
// file holding the block (the index keeps one file number per block, as
// Core's does), so both files of a number can be pruned together. Undo is
// written when a block is connected, which may be long after newer blk files
// were started: rev files grow wherever their blocks are.
#ifndef UTXO_CHAIN_BLOCK_STORE_H
#define UTXO_CHAIN_BLOCK_STORE_H

#include <coins/undo.h>
#include <primitives/block.h>
#include <storage/flat_files.h>
#include <util/result.h>

#include <filesystem>
#include <map>

namespace chain {

// No serialized block is larger (BIP141 weight limit on the whole encoding).
inline constexpr uint64_t MAX_BLOCK_SERIALIZED_SIZE = 4'000'000;

struct BlockStorePositions {
    int block_file{0};
    uint64_t block_file_size{0};
};

class BlockStore {
public:
    // `max_file_size`: where a blk file ends (smaller with -fastprune, for tests).
    BlockStore(const std::filesystem::path& blocks_dir, const storage::MessageStart& magic,
               BlockStorePositions positions = {}, uint64_t max_file_size = storage::MAX_BLOCKFILE_SIZE);

    // Appends the block with its witness data.
    util::Result<storage::FilePos> WriteBlock(const primitives::Block& block);
    // Reads a block and checks that it is the one expected.
    util::Result<primitives::Block> ReadBlock(storage::FilePos pos, const primitives::BlockHash& expected) const;

    // Appends to rev<file>, which holds `undo_size` bytes so far (the block
    // file statistics say how many).
    util::Result<storage::FilePos> WriteUndo(const coins::BlockUndo& undo, const primitives::BlockHash& parent, int file,
                                             uint64_t undo_size);
    util::Result<coins::BlockUndo> ReadUndo(storage::FilePos pos, const primitives::BlockHash& parent) const;

    // Puts the current blk file and every rev file written since the last
    // flush on disk (see FlatFiles::Flush; `finalize` cuts preallocation).
    util::Result<void> Flush(bool finalize);
    BlockStorePositions Positions() const;
    // Removes blk<file> and rev<file> (pruning).
    void RemoveFiles(int file);
    const std::filesystem::path& Dir() const { return m_dir; }

private:
    storage::FlatFilesOptions UndoOptions() const;

    std::filesystem::path m_dir;
    storage::MessageStart m_magic;
    storage::FlatFiles m_blocks;
    std::map<int, uint64_t> m_unflushed_undo; // rev file -> its size, written since the last flush
};

} // namespace chain

#endif // UTXO_CHAIN_BLOCK_STORE_H
