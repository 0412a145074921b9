// peers.dat: the address manager on disk, in Bitcoin Core's format, so the
// file moves between Core and utxod in both directions.
//
// File:    network magic (4) | payload | Hash256(magic | payload) (32)
// Payload (Core's AddrMan serialization, format 4):
//   u8 format (4) | u8 32 + lowest compatible format (36) | key (32) |
//   i32 new count | i32 tried count | i32 new bucket count XOR 2^30 |
//   new entries | tried entries |
//   per new bucket: i32 n, then n x i32 index into the new entries |
//   asmap checksum (32; zeros: no asmap)
// Entry (Core's AddrInfo on disk):
//   u32 220000 | 2^29 (BIP155 encoding) | u32 time | CompactSize services |
//   BIP155 address | u16 port, big-endian | BIP155 source address |
//   i64 last success | i32 attempts
// Integers are little-endian except the port. Files of formats 0 to 4 are
// read (below 3 they hold legacy 16-byte addresses, below 2 no asmap
// checksum, below 1 a plain bucket count); a file whose lowest compatible
// format is above 4 is refused.
//
// Loading tells apart a missing file, a read error, another network's file,
// a bad checksum (truncation, bit rot), a corrupt payload and a newer
// format, so the node can decide to start afresh (see MoveCorruptFileAside).
// Writing is atomic: peers.dat.new is written, synced and renamed over
// peers.dat. Functions are thread-safe; concurrent writers of one path are
// the caller's problem.
#ifndef UTXO_NET_ADDRMAN_FILE_H
#define UTXO_NET_ADDRMAN_FILE_H

#include <net/addrman.h>
#include <net/message_frame.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace net {

// The format written; Core's V4_MULTIPORT.
inline constexpr uint8_t ADDRMAN_FILE_FORMAT = 4;

enum class PeersFileError {
    NONE,
    NOT_FOUND,           // no file: start with an empty table
    READ_FAILED,         // the file exists but could not be read
    WRONG_NETWORK,       // another network's magic
    BAD_CHECKSUM,        // truncated or damaged
    CORRUPT,             // checksum fine, contents impossible
    UNSUPPORTED_VERSION, // written by newer software in an incompatible format
};

// "not found", "read failed", ... for logs.
std::string_view PeersFileErrorText(PeersFileError error);

struct PeersFileLoad {
    PeersFileError error{PeersFileError::NONE};
    std::string reason;       // what exactly, when error != NONE
    AddrManSnapshot snapshot; // the contents, when error == NONE
};

// The payload alone (no magic, no checksum).
util::Bytes SerializeAddrMan(const AddrManSnapshot& snapshot);
// Errors: CORRUPT, UNSUPPORTED_VERSION.
PeersFileLoad DeserializeAddrMan(util::ByteSpan payload);

// The whole file.
util::Bytes EncodePeersFile(const NetMagic& magic, const AddrManSnapshot& snapshot);
// Errors: WRONG_NETWORK, BAD_CHECKSUM, CORRUPT, UNSUPPORTED_VERSION.
PeersFileLoad DecodePeersFile(const NetMagic& magic, util::ByteSpan file);

// Snapshot of `addrman` to `path` through `path`.new (synced, renamed, and
// the directory synced). Error: the failing step and the OS's reason.
util::Result<void> WritePeersFile(const std::filesystem::path& path, const NetMagic& magic, const AddrMan& addrman);
// Any error; on NONE, hand the snapshot to AddrMan::Restore.
PeersFileLoad ReadPeersFile(const std::filesystem::path& path, const NetMagic& magic);

// Renames `path` to `path`.bak (replacing an older one) so that a fresh file
// can be started; returns the new path.
util::Result<std::filesystem::path> MoveCorruptFileAside(const std::filesystem::path& path);

} // namespace net

#endif // UTXO_NET_ADDRMAN_FILE_H
