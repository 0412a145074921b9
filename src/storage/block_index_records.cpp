#include <storage/block_index_records.h>

#include <util/serialize.h>

namespace storage {
namespace {

constexpr uint8_t DB_BLOCK_INDEX = 'b';
constexpr uint8_t DB_BLOCK_FILES = 'f';
constexpr uint8_t DB_LAST_BLOCK = 'l';
constexpr uint8_t DB_FLAG = 'F';
constexpr uint8_t DB_REINDEX_FLAG = 'R';

// Core writes its 32-bit counters as VarInts; larger values are not ours.
bool ReadVarInt32(util::SpanReader& r, uint32_t& out)
{
    const uint64_t value = r.ReadVarInt();
    if (value > UINT32_MAX) return false;
    out = static_cast<uint32_t>(value);
    return true;
}

bool ReadVarIntNonNegative(util::SpanReader& r, int& out)
{
    const uint64_t value = r.ReadVarInt();
    if (value > INT32_MAX) return false;
    out = static_cast<int>(value);
    return true;
}

} // namespace

util::Bytes BlockIndexKey(const primitives::BlockHash& hash)
{
    util::Bytes key{DB_BLOCK_INDEX};
    key.insert(key.end(), hash.span().begin(), hash.span().end());
    return key;
}

util::Bytes BlockFileInfoKey(int file)
{
    util::Bytes key;
    util::ByteWriter w(key);
    w.WriteU8(DB_BLOCK_FILES);
    w.WriteU32LE(static_cast<uint32_t>(file)); // Core serializes the int as 4 bytes
    return key;
}

util::Bytes LastBlockFileKey() { return {DB_LAST_BLOCK}; }
util::Bytes ReindexKey() { return {DB_REINDEX_FLAG}; }

util::Bytes FlagKey(std::string_view name)
{
    util::Bytes key;
    util::ByteWriter w(key);
    w.WriteU8(DB_FLAG);
    w.WriteVarBytes(util::ByteSpan(reinterpret_cast<const uint8_t*>(name.data()), name.size()));
    return key;
}

util::Bytes SerializeBlockIndexRecord(const BlockIndexRecord& record)
{
    util::Bytes bytes;
    util::ByteWriter w(bytes);
    w.WriteVarInt(BLOCK_INDEX_DUMMY_VERSION);
    w.WriteVarInt(static_cast<uint64_t>(record.height));
    w.WriteVarInt(record.status);
    w.WriteVarInt(record.tx_count);
    if (record.status & (BLOCK_HAVE_DATA | BLOCK_HAVE_UNDO)) w.WriteVarInt(static_cast<uint64_t>(record.file));
    if (record.status & BLOCK_HAVE_DATA) w.WriteVarInt(record.data_pos);
    if (record.status & BLOCK_HAVE_UNDO) w.WriteVarInt(record.undo_pos);
    primitives::SerializeBlockHeader(w, record.header);
    return bytes;
}

std::optional<BlockIndexRecord> DeserializeBlockIndexRecord(util::ByteSpan bytes)
{
    util::SpanReader r(bytes);
    BlockIndexRecord record;
    r.ReadVarInt(); // version, unused
    if (!ReadVarIntNonNegative(r, record.height) || !ReadVarInt32(r, record.status) || !ReadVarInt32(r, record.tx_count)) {
        return std::nullopt;
    }
    if ((record.status & (BLOCK_HAVE_DATA | BLOCK_HAVE_UNDO)) && !ReadVarIntNonNegative(r, record.file)) return std::nullopt;
    if ((record.status & BLOCK_HAVE_DATA) && !ReadVarInt32(r, record.data_pos)) return std::nullopt;
    if ((record.status & BLOCK_HAVE_UNDO) && !ReadVarInt32(r, record.undo_pos)) return std::nullopt;
    auto header = primitives::ReadBlockHeader(r);
    if (!header || r.failed() || !r.empty()) return std::nullopt;
    record.header = *header;
    return record;
}

util::Bytes SerializeBlockFileInfo(const BlockFileInfo& info)
{
    util::Bytes bytes;
    util::ByteWriter w(bytes);
    for (uint64_t value : {uint64_t{info.blocks}, uint64_t{info.size}, uint64_t{info.undo_size},
                           uint64_t{info.height_first}, uint64_t{info.height_last}, info.time_first, info.time_last}) {
        w.WriteVarInt(value);
    }
    return bytes;
}

std::optional<BlockFileInfo> DeserializeBlockFileInfo(util::ByteSpan bytes)
{
    util::SpanReader r(bytes);
    BlockFileInfo info;
    if (!ReadVarInt32(r, info.blocks) || !ReadVarInt32(r, info.size) || !ReadVarInt32(r, info.undo_size) ||
        !ReadVarInt32(r, info.height_first) || !ReadVarInt32(r, info.height_last)) {
        return std::nullopt;
    }
    info.time_first = r.ReadVarInt();
    info.time_last = r.ReadVarInt();
    if (r.failed() || !r.empty()) return std::nullopt;
    return info;
}

} // namespace storage
