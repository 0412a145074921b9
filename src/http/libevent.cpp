#include <http/libevent.h>

#include <mutex>
#include <string>

#include <event2/thread.h>

namespace http::detail {
namespace {

// See LibeventLogScope: libevent's log callback takes no context argument.
std::mutex g_log_mutex;
util::Logger* g_log_target = nullptr; // guarded by g_log_mutex

void LogFromLibevent(int severity, const char* message)
{
    std::lock_guard lock(g_log_mutex);
    if (g_log_target == nullptr) return;
    switch (severity) {
    case EVENT_LOG_DEBUG:
        g_log_target->LogDebug(util::LogCategory::LIBEVENT, message);
        break;
    case EVENT_LOG_MSG:
        g_log_target->Log(util::LogLevel::Info, std::string("libevent: ") + message);
        break;
    case EVENT_LOG_WARN:
        g_log_target->Log(util::LogLevel::Warning, std::string("libevent: ") + message);
        break;
    default:
        g_log_target->Log(util::LogLevel::Error, std::string("libevent: ") + message);
        break;
    }
}

} // namespace

void UseLibeventThreads()
{
    // Once per process: libevent rewrites its global lock callbacks on every
    // call, which would race with event loops already running.
    static std::once_flag once;
    std::call_once(once, [] { evthread_use_pthreads(); });
}

LibeventLogScope::LibeventLogScope(util::Logger& logger) : m_logger(logger)
{
    std::lock_guard lock(g_log_mutex);
    event_set_log_callback(&LogFromLibevent);
    if (g_log_target == nullptr) {
        g_log_target = &m_logger;
        m_installed = true;
        // libevent's debug messages are many; ask for them only when wanted.
        event_enable_debug_logging(m_logger.WillLog(util::LogCategory::LIBEVENT) ? EVENT_DBG_ALL : EVENT_DBG_NONE);
    }
}

LibeventLogScope::~LibeventLogScope()
{
    std::lock_guard lock(g_log_mutex);
    if (m_installed && g_log_target == &m_logger) g_log_target = nullptr;
}

} // namespace http::detail
