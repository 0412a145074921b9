// Numbered flat files of length-prefixed records: blocks/blk?????.dat and
// blocks/rev?????.dat in Bitcoin Core's format (network magic, 4-byte
// little-endian length, payload), so each side can read the other's files.
//
// A record's position is that of its payload. Files grow in preallocated
// chunks (fewer metadata updates, less fragmentation) and a new file starts
// when a record would pass the size limit. Writes reach the disk at Flush();
// what the block index records as stored must only be recorded after it.
// Not thread-safe: the chain state writes from one thread.
#ifndef UTXO_STORAGE_FLAT_FILES_H
#define UTXO_STORAGE_FLAT_FILES_H

#include <util/byte_span.h>
#include <util/result.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

namespace storage {

inline constexpr uint64_t MAX_BLOCKFILE_SIZE = 128 * 1024 * 1024;
inline constexpr uint64_t BLOCKFILE_CHUNK_SIZE = 16 * 1024 * 1024;
inline constexpr uint64_t UNDOFILE_CHUNK_SIZE = 1024 * 1024;
// Bytes before each payload: magic and length.
inline constexpr uint32_t RECORD_HEADER_SIZE = 8;

using MessageStart = std::array<uint8_t, 4>;

struct FilePos {
    int file{-1};
    uint32_t offset{0}; // of the payload
    bool IsNull() const { return file < 0; }
    friend bool operator==(const FilePos&, const FilePos&) = default;
};

struct FlatFilesOptions {
    std::filesystem::path dir;
    std::string prefix;           // "blk" or "rev"
    uint64_t max_file_size{MAX_BLOCKFILE_SIZE};
    uint64_t chunk_size{BLOCKFILE_CHUNK_SIZE};
};

class FlatFiles {
public:
    // Continues file `current_file` at `current_size` bytes (from the block
    // index; 0 and 0 for a new directory).
    FlatFiles(FlatFilesOptions options, int current_file = 0, uint64_t current_size = 0);

    // "blk00042.dat" under the directory.
    std::filesystem::path FileName(int file) const;

    // Appends one record; moves to the next file first when the record would
    // not fit (a record larger than a whole file is an error). `trailer`
    // follows the payload outside its length (the undo checksum, in rev files).
    util::Result<FilePos> Append(const MessageStart& magic, util::ByteSpan payload, util::ByteSpan trailer = {});

    // The payload at `pos` followed by `trailer_size` more bytes, after
    // checking the magic and that the length is at most `max_size` and within
    // the file. Errors name the file and offset.
    util::Result<util::Bytes> Read(FilePos pos, const MessageStart& magic, uint64_t max_size,
                                   size_t trailer_size = 0) const;

    // fsyncs the current file; with `finalize` also cuts its preallocated
    // tail (done when a file is complete, and at shutdown).
    util::Result<void> Flush(bool finalize);

    int CurrentFile() const { return m_file; }
    uint64_t CurrentSize() const { return m_size; }

private:
    util::Result<void> Preallocate(int file, uint64_t old_size, uint64_t new_size);

    FlatFilesOptions m_options;
    int m_file;
    uint64_t m_size;
};

} // namespace storage

#endif // UTXO_STORAGE_FLAT_FILES_H
