// The daemon's dealings with the operating system: detaching (-daemon), the
// pid file, signals and notification commands.
#ifndef UTXO_NODE_PROCESS_H
#define UTXO_NODE_PROCESS_H

#include <util/result.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace node {

// -daemon: forks. The parent waits until the child reports how start-up went
// and exits with 0 or 1 (so `utxod -daemon && utxo-cli ...` works); the child
// returns a Daemon to report through, in a new session. Start-up errors the
// child prints still reach the terminal, since its stderr is kept until
// ReportStarted() points it at /dev/null.
class Daemon {
public:
    static util::Result<Daemon> Detach(); // returns only in the child
    Daemon(Daemon&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    Daemon& operator=(Daemon&&) = delete;
    ~Daemon(); // without ReportStarted(): the parent exits 1
    void ReportStarted();

private:
    explicit Daemon(int fd) : m_fd(fd) {}
    int m_fd;
};

// utxod.pid, holding this process's id for the life of the object.
class PidFile {
public:
    static util::Result<PidFile> Create(std::filesystem::path path);
    PidFile(PidFile&& other) noexcept : m_path(std::move(other.m_path)) { other.m_path.clear(); }
    PidFile& operator=(PidFile&&) = delete;
    ~PidFile();

private:
    explicit PidFile(std::filesystem::path path) : m_path(std::move(path)) {}
    std::filesystem::path m_path;
};

// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread (so every thread
// started afterwards inherits the mask) and handles them on one thread of
// its own: INT/TERM call `on_shutdown`, HUP calls `on_hangup`. Call before
// starting any other thread.
class SignalWatcher {
public:
    SignalWatcher(std::function<void()> on_shutdown, std::function<void()> on_hangup);
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

private:
    std::function<void()> m_on_shutdown;
    std::function<void()> m_on_hangup;
    std::thread m_thread;
};

// Runs `command` through /bin/sh with every "%s" replaced by `argument`.
// Returns at once; the command runs on a detached thread (as bitcoind does).
void RunNotifyCommand(const std::string& command, const std::string& argument = {});
// The same, waiting for the command to finish (-shutdownnotify).
void RunNotifyCommandAndWait(const std::string& command);

} // namespace node

#endif // UTXO_NODE_PROCESS_H
