#include <node/debug_log.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

namespace node {

util::Result<std::unique_ptr<DebugLogFile>> DebugLogFile::Open(std::filesystem::path path)
{
    std::FILE* file = std::fopen(path.c_str(), "a");
    if (!file) return util::Error{"Could not open debug log file " + path.string() + ": " + std::strerror(errno)};
    return std::unique_ptr<DebugLogFile>(new DebugLogFile(std::move(path), file));
}

DebugLogFile::~DebugLogFile()
{
    if (m_file) std::fclose(m_file);
}

void DebugLogFile::Write(std::string_view line)
{
    std::lock_guard lock(m_mutex);
    std::fwrite(line.data(), 1, line.size(), m_file);
    std::fflush(m_file);
}

void DebugLogFile::Reopen()
{
    std::FILE* fresh = std::fopen(m_path.c_str(), "a");
    if (!fresh) return;
    std::lock_guard lock(m_mutex);
    std::fclose(m_file);
    m_file = fresh;
}

void ShrinkDebugFile(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size <= RECENT_DEBUG_HISTORY_SIZE + RECENT_DEBUG_HISTORY_SIZE / 10) return;
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(size - RECENT_DEBUG_HISTORY_SIZE));
    std::vector<char> tail(RECENT_DEBUG_HISTORY_SIZE);
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    if (in.gcount() <= 0) return;
    tail.resize(static_cast<size_t>(in.gcount()));
    // Start at a line boundary so the first line is whole.
    size_t start = 0;
    while (start < tail.size() && tail[start] != '\n') ++start;
    if (start < tail.size()) ++start;
    const auto temporary = path.string() + ".shrink";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(tail.data() + start, static_cast<std::streamsize>(tail.size() - start));
        if (!out) return;
    }
    std::filesystem::rename(temporary, path, ec);
}

} // namespace node
