// debug.log: the file sink of the node's Logger.
//
// Lines are appended and flushed one by one, so a crash loses at most the
// line being written. SIGHUP reopens the file (after logrotate moved it).
// Thread-safe.
#ifndef UTXO_NODE_DEBUG_LOG_H
#define UTXO_NODE_DEBUG_LOG_H

#include <util/result.h>

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string_view>

namespace node {

// At most this much of an old log is kept by -shrinkdebugfile.
inline constexpr size_t RECENT_DEBUG_HISTORY_SIZE = 10 * 1024 * 1024;

class DebugLogFile {
public:
    // Opens (creating) the file for appending.
    static util::Result<std::unique_ptr<DebugLogFile>> Open(std::filesystem::path path);
    ~DebugLogFile();
    DebugLogFile(const DebugLogFile&) = delete;
    DebugLogFile& operator=(const DebugLogFile&) = delete;

    void Write(std::string_view line);
    // Closes and reopens the path; keeps the old handle if that fails.
    void Reopen();
    const std::filesystem::path& Path() const { return m_path; }

private:
    DebugLogFile(std::filesystem::path path, std::FILE* file) : m_path(std::move(path)), m_file(file) {}
    const std::filesystem::path m_path;
    std::mutex m_mutex;
    std::FILE* m_file; // guarded by m_mutex
};

// When the file is more than 10% over RECENT_DEBUG_HISTORY_SIZE, keeps only its
// last RECENT_DEBUG_HISTORY_SIZE bytes (from the next full line on). Done
// through a temporary file and a rename, so a crash leaves the old or the new
// file, never a truncated one.
void ShrinkDebugFile(const std::filesystem::path& path);

} // namespace node

#endif // UTXO_NODE_DEBUG_LOG_H
