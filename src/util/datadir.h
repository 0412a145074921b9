// The data directory: where it is, its per-network subfolder, which config
// file applies, and the lock that keeps a second daemon out.
#ifndef UTXO_UTIL_DATADIR_H
#define UTXO_UTIL_DATADIR_H

#include <util/result.h>

#include <filesystem>
#include <optional>
#include <string>

namespace util {

class Args;

// -datadir when given (it must exist), else $HOME/.utxod (created on demand
// by NetworkDataDir). `home` is the value of $HOME (may be empty).
util::Result<std::filesystem::path> BaseDataDir(const Args& args, const std::string& home);

// The base directory itself for main, else its subfolder ("testnet3",
// "testnet4", "signet", "regtest"); created with its parents when missing.
util::Result<std::filesystem::path> NetworkDataDir(const std::filesystem::path& base, const std::string& subfolder);

// The config file to read: -conf (relative paths are under the base
// directory); else utxod.conf; else bitcoin.conf when only that one exists, so
// a directory prepared for bitcoind works as it is. nullopt: no file, which is
// fine unless -conf named one (then an error).
util::Result<std::optional<std::filesystem::path>> ConfigFile(const Args& args, const std::filesystem::path& base);

// An exclusive lock on <dir>/.lock, held for the life of the object (released
// by the kernel if the process dies, so a crash never leaves a stale lock).
class DirectoryLock {
public:
    // Fails with Bitcoin Core's message when another process holds the lock.
    static util::Result<DirectoryLock> Acquire(const std::filesystem::path& dir);

    DirectoryLock(DirectoryLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    DirectoryLock& operator=(DirectoryLock&&) = delete;
    DirectoryLock(const DirectoryLock&) = delete;
    ~DirectoryLock();

private:
    explicit DirectoryLock(int fd) : m_fd(fd) {}
    int m_fd;
};

} // namespace util

#endif // UTXO_UTIL_DATADIR_H
