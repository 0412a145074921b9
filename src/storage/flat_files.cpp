#include <storage/flat_files.h>

#include <util/endian.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace storage {
namespace {

// An open file descriptor, closed on scope exit.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0) close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::string Errno(const std::string& what, const std::filesystem::path& path)
{
    return what + " " + path.string() + ": " + std::strerror(errno);
}

util::Result<void> WriteAll(int fd, util::ByteSpan data, uint64_t offset, const std::filesystem::path& path)
{
    while (!data.empty()) {
        const ssize_t n = pwrite(fd, data.data(), data.size(), static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR) continue;
            return util::Error{Errno("Failed to write to", path)};
        }
        data = data.subspan(static_cast<size_t>(n));
        offset += static_cast<uint64_t>(n);
    }
    return {};
}

bool ReadAll(int fd, uint8_t* out, size_t size, uint64_t offset)
{
    while (size > 0) {
        const ssize_t n = pread(fd, out, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        out += n;
        size -= static_cast<size_t>(n);
        offset += static_cast<uint64_t>(n);
    }
    return true;
}

} // namespace

FlatFiles::FlatFiles(FlatFilesOptions options, int current_file, uint64_t current_size)
    : m_options(std::move(options)), m_file(current_file), m_size(current_size)
{
}

std::filesystem::path FlatFiles::FileName(int file) const
{
    char name[32];
    std::snprintf(name, sizeof(name), "%s%05d.dat", m_options.prefix.c_str(), file);
    return m_options.dir / name;
}

util::Result<void> FlatFiles::Preallocate(int file, uint64_t old_size, uint64_t new_size)
{
    const uint64_t chunk = m_options.chunk_size;
    const uint64_t old_chunks = (old_size + chunk - 1) / chunk;
    const uint64_t new_chunks = (new_size + chunk - 1) / chunk;
    if (new_chunks <= old_chunks) return {};
    const auto path = FileName(file);
    Fd fd(open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (fd.get() < 0) return util::Error{Errno("Failed to open", path)};
    const uint64_t start = old_chunks * chunk;
    const int rc = posix_fallocate(fd.get(), static_cast<off_t>(start), static_cast<off_t>(new_chunks * chunk - start));
    // Filesystems without fallocate support get EOPNOTSUPP/EINVAL: the
    // writes then simply extend the file.
    if (rc != 0 && rc != EOPNOTSUPP && rc != EINVAL) {
        errno = rc;
        return util::Error{Errno("Disk space is too low to preallocate", path)};
    }
    return {};
}

util::Result<FilePos> FlatFiles::Append(const MessageStart& magic, util::ByteSpan payload, util::ByteSpan trailer)
{
    const uint64_t record_size = RECORD_HEADER_SIZE + payload.size() + trailer.size();
    if (record_size > m_options.max_file_size) {
        return util::Error{"record of " + std::to_string(payload.size()) + " bytes does not fit in a " +
                           m_options.prefix + " file"};
    }
    if (m_size + record_size > m_options.max_file_size) {
        if (auto r = Flush(/*finalize=*/true); !r) return util::Error{r.error()};
        ++m_file;
        m_size = 0;
    }
    if (auto r = Preallocate(m_file, m_size, m_size + record_size); !r) return util::Error{r.error()};
    const auto path = FileName(m_file);
    Fd fd(open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    if (fd.get() < 0) return util::Error{Errno("Failed to open", path)};
    uint8_t header[RECORD_HEADER_SIZE];
    std::memcpy(header, magic.data(), magic.size());
    util::WriteLE32(header + 4, static_cast<uint32_t>(payload.size()));
    if (auto r = WriteAll(fd.get(), util::ByteSpan(header, sizeof(header)), m_size, path); !r) return util::Error{r.error()};
    if (auto r = WriteAll(fd.get(), payload, m_size + RECORD_HEADER_SIZE, path); !r) return util::Error{r.error()};
    if (auto r = WriteAll(fd.get(), trailer, m_size + RECORD_HEADER_SIZE + payload.size(), path); !r) {
        return util::Error{r.error()};
    }
    const FilePos pos{m_file, static_cast<uint32_t>(m_size + RECORD_HEADER_SIZE)};
    m_size += record_size;
    return pos;
}

util::Result<util::Bytes> FlatFiles::Read(FilePos pos, const MessageStart& magic, uint64_t max_size,
                                          size_t trailer_size) const
{
    const auto path = FileName(pos.file);
    const std::string where = path.string() + " at offset " + std::to_string(pos.offset);
    if (pos.IsNull() || pos.offset < RECORD_HEADER_SIZE) return util::Error{"no record position in " + where};
    Fd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return util::Error{Errno("Failed to open", path)};
    uint8_t header[RECORD_HEADER_SIZE];
    if (!ReadAll(fd.get(), header, sizeof(header), pos.offset - RECORD_HEADER_SIZE)) {
        return util::Error{"record header missing in " + where};
    }
    if (std::memcmp(header, magic.data(), magic.size()) != 0) return util::Error{"wrong network magic in " + where};
    const uint32_t size = util::ReadLE32(header + 4);
    if (size > max_size) return util::Error{"record length " + std::to_string(size) + " too large in " + where};
    util::Bytes payload(size + trailer_size);
    if (!ReadAll(fd.get(), payload.data(), payload.size(), pos.offset)) return util::Error{"record truncated in " + where};
    return payload;
}

util::Result<void> FlatFiles::Flush(bool finalize)
{
    const auto path = FileName(m_file);
    Fd fd(open(path.c_str(), O_RDWR | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT && m_size == 0) return {}; // nothing written yet
        return util::Error{Errno("Failed to open", path)};
    }
    if (finalize && ftruncate(fd.get(), static_cast<off_t>(m_size)) != 0) {
        return util::Error{Errno("Failed to truncate", path)};
    }
    if (fsync(fd.get()) != 0) return util::Error{Errno("Failed to sync", path)};
    return {};
}

} // namespace storage
