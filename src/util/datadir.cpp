#include <util/datadir.h>

#include <util/args.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace util {

namespace fs = std::filesystem;

util::Result<fs::path> BaseDataDir(const Args& args, const std::string& home)
{
    if (const auto given = args.Get("datadir"); given && !given->empty()) {
        std::error_code ec;
        const fs::path dir = fs::absolute(*given, ec);
        if (ec || !fs::is_directory(dir, ec)) {
            return util::Error{"Specified data directory \"" + *given + "\" does not exist."};
        }
        return dir;
    }
    if (home.empty()) return util::Error{"Cannot find the home directory ($HOME is not set): use -datadir"};
    return fs::path(home) / ".utxod";
}

util::Result<fs::path> NetworkDataDir(const fs::path& base, const std::string& subfolder)
{
    const fs::path dir = subfolder.empty() ? base : base / subfolder;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return util::Error{"Cannot create data directory " + dir.string() + ": " + ec.message()};
    return dir;
}

util::Result<std::optional<fs::path>> ConfigFile(const Args& args, const fs::path& base)
{
    std::error_code ec;
    if (const auto given = args.Get("conf"); given && !given->empty()) {
        const fs::path path = fs::path(*given).is_absolute() ? fs::path(*given) : base / *given;
        if (!fs::is_regular_file(path, ec)) {
            return util::Error{"Specified config file " + path.string() + " could not be opened."};
        }
        return std::optional<fs::path>(path);
    }
    for (const char* name : {"utxod.conf", "bitcoin.conf"}) {
        if (fs::is_regular_file(base / name, ec)) return std::optional<fs::path>(base / name);
    }
    return std::optional<fs::path>();
}

util::Result<DirectoryLock> DirectoryLock::Acquire(const fs::path& dir)
{
    const fs::path path = dir / ".lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return util::Error{"Cannot open lock file " + path.string() + ": " + std::strerror(errno)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return util::Error{"Cannot obtain a lock on data directory " + dir.string() +
                           ". utxod is probably already running."};
    }
    return DirectoryLock(fd);
}

DirectoryLock::~DirectoryLock()
{
    if (m_fd >= 0) ::close(m_fd); // closing releases the flock
}

} // namespace util
