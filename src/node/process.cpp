#include <node/process.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

namespace node {

util::Result<Daemon> Daemon::Detach()
{
    int fds[2];
    if (pipe(fds) != 0) return util::Error{std::string("Failed to daemonize: ") + std::strerror(errno)};
    const pid_t child = fork();
    if (child < 0) return util::Error{std::string("Failed to daemonize: ") + std::strerror(errno)};
    if (child > 0) {
        close(fds[1]);
        char status = 0;
        ssize_t n;
        do {
            n = read(fds[0], &status, 1);
        } while (n < 0 && errno == EINTR);
        // A closed pipe without a byte means the child failed (or died).
        _exit(n == 1 && status == '1' ? EXIT_SUCCESS : EXIT_FAILURE);
    }
    close(fds[0]);
    setsid();
    return Daemon(fds[1]);
}

Daemon::~Daemon()
{
    if (m_fd >= 0) close(m_fd);
}

void Daemon::ReportStarted()
{
    if (m_fd < 0) return;
    // Detach from the terminal before the parent returns to the shell.
    if (const int null = open("/dev/null", O_RDWR); null >= 0) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        if (null > STDERR_FILENO) close(null);
    }
    const char ok = '1';
    ssize_t n;
    do {
        n = write(m_fd, &ok, 1);
    } while (n < 0 && errno == EINTR);
    close(m_fd);
    m_fd = -1;
}

util::Result<PidFile> PidFile::Create(std::filesystem::path path)
{
    std::ofstream out(path, std::ios::trunc);
    out << getpid() << "\n";
    out.close();
    if (!out) return util::Error{"Unable to create the PID file '" + path.string() + "': " + std::strerror(errno)};
    return PidFile(std::move(path));
}

PidFile::~PidFile()
{
    if (m_path.empty()) return;
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
}

namespace {

sigset_t WatchedSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR2); // internal: wakes the watcher to exit
    return set;
}

} // namespace

SignalWatcher::SignalWatcher(std::function<void()> on_shutdown, std::function<void()> on_hangup)
    : m_on_shutdown(std::move(on_shutdown)), m_on_hangup(std::move(on_hangup))
{
    const sigset_t set = WatchedSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    // A client closing a socket early must not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    m_thread = std::thread([this, set] {
        while (true) {
            int signal = 0;
            if (sigwait(&set, &signal) != 0) continue;
            if (signal == SIGUSR2) return;
            if (signal == SIGHUP) {
                m_on_hangup();
            } else {
                m_on_shutdown();
            }
        }
    });
}

SignalWatcher::~SignalWatcher()
{
    pthread_kill(m_thread.native_handle(), SIGUSR2);
    m_thread.join();
}

namespace {

std::string Substitute(std::string command, const std::string& argument)
{
    for (size_t at = command.find("%s"); at != std::string::npos; at = command.find("%s", at + argument.size())) {
        command.replace(at, 2, argument);
    }
    return command;
}

void RunShell(const std::string& command)
{
    const pid_t child = fork();
    if (child == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    if (child > 0) {
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

} // namespace

void RunNotifyCommand(const std::string& command, const std::string& argument)
{
    std::thread([command = Substitute(command, argument)] { RunShell(command); }).detach();
}

void RunNotifyCommandAndWait(const std::string& command) { RunShell(command); }

} // namespace node
