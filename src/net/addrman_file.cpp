#include <net/addrman_file.h>

#include <crypto/hash.h>
#include <util/hex.h>
#include <util/serialize.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace net {
namespace {

// Core's addrman format numbers (AddrManImpl::Format).
constexpr uint8_t FORMAT_DETERMINISTIC = 1; // bucket count XORed with 2^30
constexpr uint8_t FORMAT_ASMAP = 2;         // asmap checksum at the end
constexpr uint8_t FORMAT_BIP155 = 3;        // addresses in BIP155 encoding
// The compatibility byte is this plus the lowest format a reader must know
// (it took the place of the old 32-byte key length).
constexpr uint8_t INCOMPATIBILITY_BASE = 32;
constexpr int32_t BUCKET_COUNT_MARKER = 1 << 30;

// CAddress's disk version field: fixed low bits, ignored on reading, and one
// high bit for the BIP155 encoding; any other high bit is unknown.
constexpr uint32_t DISK_VERSION_INIT = 220000;
constexpr uint32_t DISK_VERSION_IGNORE_MASK = 0x0007ffff;
constexpr uint32_t DISK_VERSION_ADDRV2 = uint32_t{1} << 29;

constexpr size_t CHECKSUM_SIZE = 32;
// Far above any real peers.dat (about 6 MB with every slot full).
constexpr uintmax_t MAX_FILE_SIZE = 64 << 20;

PeersFileLoad Failure(PeersFileError error, std::string reason)
{
    PeersFileLoad out;
    out.error = error;
    out.reason = std::move(reason);
    return out;
}

std::string Errno() { return std::strerror(errno); }

void WriteEntry(util::ByteWriter& out, const AddrManEntry& entry)
{
    out.WriteU32LE(DISK_VERSION_INIT | DISK_VERSION_ADDRV2);
    WriteAddressRecord(out, entry.record, AddrEncoding::V2);
    WriteAddressV2(out, entry.source);
    out.WriteI64LE(entry.last_success);
    out.WriteI32LE(entry.attempts);
}

// An address BIP155 says to skip (an unknown network) becomes the invalid
// "::", as in Core, and is dropped when the table is rebuilt.
NetAddress ReadAddress(util::SpanReader& in, AddrEncoding encoding)
{
    if (encoding == AddrEncoding::V1) return ReadAddressV1(in);
    return ReadAddressV2(in).value_or(NetAddress{});
}

// Empty reason: fine, or look at in.error().
std::string ReadEntry(util::SpanReader& in, AddrEncoding file_encoding, AddrManEntry& entry)
{
    const uint32_t version = in.ReadU32LE() & ~DISK_VERSION_IGNORE_MASK;
    if (in.failed()) return "";
    AddrEncoding encoding = AddrEncoding::V1;
    if (version == DISK_VERSION_ADDRV2 && file_encoding == AddrEncoding::V2) {
        encoding = AddrEncoding::V2;
    } else if (version != 0) {
        return "unsupported address disk format version";
    }
    entry.record.time = in.ReadU32LE();
    entry.record.services = encoding == AddrEncoding::V2 ? in.ReadCompactSize(UINT64_MAX) : in.ReadU64LE();
    entry.record.service.address = ReadAddress(in, encoding);
    const util::ByteSpan port = in.ReadBytes(2);
    if (port.size() == 2) entry.record.service.port = static_cast<uint16_t>((port[0] << 8) | port[1]);
    entry.source = ReadAddress(in, file_encoding);
    entry.last_success = in.ReadI64LE();
    entry.attempts = in.ReadI32LE();
    return "";
}

std::string Corrupt(const util::SpanReader& in, std::string_view where)
{
    return "corrupt addrman data (" + std::string(where) + "): " + in.error();
}

} // namespace

std::string_view PeersFileErrorText(PeersFileError error)
{
    switch (error) {
    case PeersFileError::NONE: return "";
    case PeersFileError::NOT_FOUND: return "not found";
    case PeersFileError::READ_FAILED: return "read failed";
    case PeersFileError::WRONG_NETWORK: return "wrong network";
    case PeersFileError::BAD_CHECKSUM: return "bad checksum";
    case PeersFileError::CORRUPT: return "corrupt";
    case PeersFileError::UNSUPPORTED_VERSION: return "unsupported version";
    }
    return "";
}

util::Bytes SerializeAddrMan(const AddrManSnapshot& snapshot)
{
    util::Bytes out;
    util::ByteWriter writer(out);
    writer.WriteU8(ADDRMAN_FILE_FORMAT);
    writer.WriteU8(INCOMPATIBILITY_BASE + ADDRMAN_FILE_FORMAT);
    writer.WriteBytes(snapshot.key);
    writer.WriteI32LE(static_cast<int32_t>(snapshot.new_entries.size()));
    writer.WriteI32LE(static_cast<int32_t>(snapshot.tried_entries.size()));
    writer.WriteI32LE(static_cast<int32_t>(snapshot.new_buckets.size()) ^ BUCKET_COUNT_MARKER);
    for (const AddrManEntry& entry : snapshot.new_entries) WriteEntry(writer, entry);
    for (const AddrManEntry& entry : snapshot.tried_entries) WriteEntry(writer, entry);
    for (const auto& bucket : snapshot.new_buckets) {
        writer.WriteI32LE(static_cast<int32_t>(bucket.size()));
        for (const int32_t index : bucket) writer.WriteI32LE(index);
    }
    const std::array<uint8_t, 32> no_asmap{};
    writer.WriteBytes(no_asmap);
    return out;
}

PeersFileLoad DeserializeAddrMan(util::ByteSpan payload)
{
    util::SpanReader in(payload);
    const uint8_t format = in.ReadU8();
    const uint8_t compat = in.ReadU8();
    if (in.failed()) return Failure(PeersFileError::CORRUPT, Corrupt(in, "header"));
    if (compat < INCOMPATIBILITY_BASE) {
        return Failure(PeersFileError::CORRUPT, "corrupt addrman data: the compat value (" + std::to_string(compat) +
                                                    ") is lower than the expected minimum value " +
                                                    std::to_string(INCOMPATIBILITY_BASE));
    }
    const uint8_t lowest_compatible = compat - INCOMPATIBILITY_BASE;
    if (lowest_compatible > ADDRMAN_FILE_FORMAT) {
        return Failure(PeersFileError::UNSUPPORTED_VERSION,
                       "unsupported addrman format " + std::to_string(format) + ": it needs a reader of format " +
                           std::to_string(lowest_compatible) + " or later, and utxod reads up to " +
                           std::to_string(ADDRMAN_FILE_FORMAT));
    }
    const AddrEncoding encoding = format >= FORMAT_BIP155 ? AddrEncoding::V2 : AddrEncoding::V1;

    PeersFileLoad out;
    AddrManSnapshot& snapshot = out.snapshot;
    in.ReadInto(snapshot.key);
    const int32_t new_count = in.ReadI32LE();
    const int32_t tried_count = in.ReadI32LE();
    int32_t bucket_count = in.ReadI32LE();
    if (format >= FORMAT_DETERMINISTIC) bucket_count ^= BUCKET_COUNT_MARKER;
    if (in.failed()) return Failure(PeersFileError::CORRUPT, Corrupt(in, "header"));
    if (new_count < 0 || new_count > ADDRMAN_NEW_BUCKET_COUNT * ADDRMAN_BUCKET_SIZE) {
        return Failure(PeersFileError::CORRUPT,
                       "corrupt addrman data: " + std::to_string(new_count) + " new entries, should be in [0, " +
                           std::to_string(ADDRMAN_NEW_BUCKET_COUNT * ADDRMAN_BUCKET_SIZE) + "]");
    }
    if (tried_count < 0 || tried_count > ADDRMAN_TRIED_BUCKET_COUNT * ADDRMAN_BUCKET_SIZE) {
        return Failure(PeersFileError::CORRUPT,
                       "corrupt addrman data: " + std::to_string(tried_count) + " tried entries, should be in [0, " +
                           std::to_string(ADDRMAN_TRIED_BUCKET_COUNT * ADDRMAN_BUCKET_SIZE) + "]");
    }
    if (bucket_count < 0) {
        return Failure(PeersFileError::CORRUPT, "corrupt addrman data: negative new bucket count");
    }

    // Entries: nothing is reserved up front; a short file fails on the read.
    for (int32_t n = 0; n < new_count + tried_count && !in.failed(); ++n) {
        AddrManEntry entry;
        if (std::string reason = ReadEntry(in, encoding, entry); !reason.empty()) {
            return Failure(PeersFileError::CORRUPT, "corrupt addrman data: " + reason);
        }
        (n < new_count ? snapshot.new_entries : snapshot.tried_entries).push_back(std::move(entry));
    }
    if (in.failed()) return Failure(PeersFileError::CORRUPT, Corrupt(in, "entries"));

    for (int32_t bucket = 0; bucket < bucket_count && !in.failed(); ++bucket) {
        const int32_t size = in.ReadI32LE();
        if (in.failed()) break;
        if (size < 0 || size > ADDRMAN_BUCKET_SIZE) {
            return Failure(PeersFileError::CORRUPT, "corrupt addrman data: new bucket " + std::to_string(bucket) +
                                                        " holds " + std::to_string(size) + " entries");
        }
        std::vector<int32_t>& indexes = snapshot.new_buckets.emplace_back();
        for (int32_t i = 0; i < size; ++i) indexes.push_back(in.ReadI32LE());
    }
    std::array<uint8_t, 32> asmap_checksum{};
    if (format >= FORMAT_ASMAP) in.ReadInto(asmap_checksum);
    if (in.failed()) return Failure(PeersFileError::CORRUPT, Corrupt(in, "new buckets"));
    if (!in.empty()) {
        return Failure(PeersFileError::CORRUPT,
                       "corrupt addrman data: " + std::to_string(in.remaining()) + " unexpected bytes after the end");
    }
    // Our placement holds only for Core's bucket count and no asmap.
    const bool no_asmap = std::all_of(asmap_checksum.begin(), asmap_checksum.end(), [](uint8_t b) { return b == 0; });
    snapshot.same_bucketing = bucket_count == ADDRMAN_NEW_BUCKET_COUNT && no_asmap;
    return out;
}

util::Bytes EncodePeersFile(const NetMagic& magic, const AddrManSnapshot& snapshot)
{
    util::Bytes file(magic.begin(), magic.end());
    const util::Bytes payload = SerializeAddrMan(snapshot);
    file.insert(file.end(), payload.begin(), payload.end());
    const auto checksum = crypto::Hash256(file);
    file.insert(file.end(), checksum.begin(), checksum.end());
    return file;
}

PeersFileLoad DecodePeersFile(const NetMagic& magic, util::ByteSpan file)
{
    if (file.size() < magic.size() + CHECKSUM_SIZE) {
        return Failure(PeersFileError::BAD_CHECKSUM,
                       "peers file too short (" + std::to_string(file.size()) + " bytes): truncated");
    }
    if (!std::equal(magic.begin(), magic.end(), file.begin())) {
        return Failure(PeersFileError::WRONG_NETWORK,
                       "peers file is for another network (magic " + util::HexStr(file.first(magic.size())) +
                           ", expected " + util::HexStr(magic) + ")");
    }
    const util::ByteSpan body = file.first(file.size() - CHECKSUM_SIZE);
    const auto checksum = crypto::Hash256(body);
    if (!std::equal(checksum.begin(), checksum.end(), file.end() - CHECKSUM_SIZE)) {
        return Failure(PeersFileError::BAD_CHECKSUM, "peers file checksum mismatch: data truncated or corrupted");
    }
    return DeserializeAddrMan(body.subspan(magic.size()));
}

util::Result<void> WritePeersFile(const std::filesystem::path& path, const NetMagic& magic, const AddrMan& addrman)
{
    const util::Bytes file = EncodePeersFile(magic, addrman.Snapshot());
    std::filesystem::path temporary = path;
    temporary += ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return util::Error{"Unable to open " + temporary.string() + " for writing: " + Errno()};
    const auto fail = [&](const std::string& what) {
        const std::string reason = what + " " + temporary.string() + ": " + Errno();
        ::close(fd);
        ::unlink(temporary.c_str());
        return util::Error{reason};
    };
    for (size_t written = 0; written < file.size();) {
        const ssize_t n = ::write(fd, file.data() + written, file.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail("Failed to write");
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) return fail("Failed to sync");
    if (::close(fd) != 0) {
        const std::string reason = "Failed to close " + temporary.string() + ": " + Errno();
        ::unlink(temporary.c_str());
        return util::Error{reason};
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = "Failed to rename " + temporary.string() + " to " + path.string() + ": " + Errno();
        ::unlink(temporary.c_str());
        return util::Error{reason};
    }
    // Make the rename itself durable.
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    if (const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

PeersFileLoad ReadPeersFile(const std::filesystem::path& path, const NetMagic& magic)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return Failure(PeersFileError::NOT_FOUND, path.string() + " not found");
        return Failure(PeersFileError::READ_FAILED, "Unable to open " + path.string() + ": " + Errno());
    }
    util::Bytes file;
    uint8_t buffer[64 * 1024];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const std::string reason = "Failed to read " + path.string() + ": " + Errno();
            ::close(fd);
            return Failure(PeersFileError::READ_FAILED, reason);
        }
        if (n == 0) break;
        file.insert(file.end(), buffer, buffer + n);
        if (file.size() > MAX_FILE_SIZE) {
            ::close(fd);
            return Failure(PeersFileError::CORRUPT, path.string() + " is larger than any peers file can be");
        }
    }
    ::close(fd);
    PeersFileLoad load = DecodePeersFile(magic, file);
    if (load.error != PeersFileError::NONE) load.reason = path.string() + ": " + load.reason;
    return load;
}

util::Result<std::filesystem::path> MoveCorruptFileAside(const std::filesystem::path& path)
{
    std::filesystem::path backup = path;
    backup += ".bak";
    if (::rename(path.c_str(), backup.c_str()) != 0) {
        return util::Error{"Failed to rename " + path.string() + " to " + backup.string() + ": " + Errno()};
    }
    return backup;
}

} // namespace net
