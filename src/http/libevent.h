// Internal to http/: owning handles for libevent objects and the bridge from
// libevent's process-wide settings (threading, logging) to ours.
//
// Nothing outside src/http/ includes this header, so libevent stays behind
// the Server interface (ARCHITECTURE.md: third-party headers in one folder).
#ifndef UTXO_HTTP_LIBEVENT_H
#define UTXO_HTTP_LIBEVENT_H

#include <util/logging.h>

#include <memory>

#include <event2/event.h>
#include <event2/http.h>

namespace http::detail {

struct EventBaseDeleter {
    void operator()(event_base* base) const { event_base_free(base); }
};
struct EvhttpDeleter {
    void operator()(evhttp* http) const { evhttp_free(http); }
};
struct EventDeleter {
    void operator()(event* ev) const { event_free(ev); }
};
using EventBasePtr = std::unique_ptr<event_base, EventBaseDeleter>;
using EvhttpPtr = std::unique_ptr<evhttp, EvhttpDeleter>;
using EventPtr = std::unique_ptr<event, EventDeleter>;

// Turns on libevent's pthread locking, which must happen before any
// event_base is created so that event_active() and event_base_loopbreak()
// may be called from worker threads. libevent keeps this setting per process;
// the first call turns it on, later calls do nothing.
void UseLibeventThreads();

// While alive, libevent's own log messages go to `logger`: debug ones as
// debug lines in category LIBEVENT, the rest unconditionally at their level
// ("libevent: ..."). libevent's log hook is a bare function
// pointer with no user argument, so the logger must be reachable from a
// static; that one pointer (guarded by a mutex) is the only global state in
// http/. With several servers alive, the first one's logger receives the
// messages; when it goes away, messages are dropped until the next server
// starts.
class LibeventLogScope {
public:
    explicit LibeventLogScope(util::Logger& logger);
    ~LibeventLogScope();
    LibeventLogScope(const LibeventLogScope&) = delete;
    LibeventLogScope& operator=(const LibeventLogScope&) = delete;

private:
    util::Logger& m_logger;
    bool m_installed{false};
};

} // namespace http::detail

#endif // UTXO_HTTP_LIBEVENT_H
