// Records of the block index database (blocks/index/), in Bitcoin Core's
// format so the two can read each other's: one record per known block under
// 'b' + hash, one per block file under 'f' + file number, the last file under
// 'l', named flags under 'F' and the reindex marker under 'R'.
#ifndef UTXO_STORAGE_BLOCK_INDEX_RECORDS_H
#define UTXO_STORAGE_BLOCK_INDEX_RECORDS_H

#include <primitives/block.h>
#include <util/byte_span.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace storage {

// Block status bits (Core's BlockStatus): a validity level in the low three
// bits, then what is stored and what failed.
enum BlockStatus : uint32_t {
    BLOCK_VALID_UNKNOWN = 0,
    BLOCK_VALID_RESERVED = 1,
    BLOCK_VALID_TREE = 2,         // header valid, parent known
    BLOCK_VALID_TRANSACTIONS = 3, // transactions checked, parents' at least TREE
    BLOCK_VALID_CHAIN = 4,        // outputs do not overspend, no double spends, BIP30
    BLOCK_VALID_SCRIPTS = 5,      // scripts and signatures checked
    BLOCK_VALID_MASK = 7,
    BLOCK_HAVE_DATA = 8,  // full block in a blk file
    BLOCK_HAVE_UNDO = 16, // undo data in a rev file
    BLOCK_FAILED_VALID = 32,
    BLOCK_FAILED_CHILD = 64,
    BLOCK_OPT_WITNESS = 128, // stored with witness data
};

// The version number Core writes at the front of each record (ignored on read).
inline constexpr int64_t BLOCK_INDEX_DUMMY_VERSION = 259900;

struct BlockIndexRecord {
    int height{0};
    uint32_t status{0};
    uint32_t tx_count{0};
    int file{-1};         // when status has HAVE_DATA or HAVE_UNDO
    uint32_t data_pos{0}; // when HAVE_DATA
    uint32_t undo_pos{0}; // when HAVE_UNDO
    primitives::BlockHeader header;
    friend bool operator==(const BlockIndexRecord&, const BlockIndexRecord&) = default;
};

struct BlockFileInfo {
    uint32_t blocks{0};
    uint32_t size{0};      // bytes used in blk?????.dat
    uint32_t undo_size{0}; // bytes used in rev?????.dat
    uint32_t height_first{0};
    uint32_t height_last{0};
    uint64_t time_first{0};
    uint64_t time_last{0};
    friend bool operator==(const BlockFileInfo&, const BlockFileInfo&) = default;
};

util::Bytes BlockIndexKey(const primitives::BlockHash& hash);
util::Bytes BlockFileInfoKey(int file);
util::Bytes LastBlockFileKey();
util::Bytes FlagKey(std::string_view name);
util::Bytes ReindexKey();

util::Bytes SerializeBlockIndexRecord(const BlockIndexRecord& record);
std::optional<BlockIndexRecord> DeserializeBlockIndexRecord(util::ByteSpan bytes);
util::Bytes SerializeBlockFileInfo(const BlockFileInfo& info);
std::optional<BlockFileInfo> DeserializeBlockFileInfo(util::ByteSpan bytes);

} // namespace storage

#endif // UTXO_STORAGE_BLOCK_INDEX_RECORDS_H
