// Internal to http/: the machinery behind Server and Request (see server.h
// for the behaviour). Not for use outside src/http/.
//
// Ownership and threads:
// - The event-loop thread owns the libevent objects and the in-flight table.
//   Other threads reach it only through Post(), which queues a closure and
//   wakes the loop with event_active() (safe across threads because
//   UseLibeventThreads() ran before the event_base was made).
// - Every request the loop accepts gets a PendingRequest. Its `request`
//   pointer is cleared, on the loop thread, as soon as libevent may free the
//   evhttp_request: when our reply has been handed to libevent, when the
//   reply has been written (on-complete callback) or when the connection is
//   freed (close callback). A reply arriving after that is dropped, so a
//   client that hangs up never leads to a use of freed memory.
// - Stop(): close the work queue, join the workers (so every Request has
//   replied), then post the shutdown to the loop; it stops listening, waits
//   until every in-flight reply is written or its connection gone (bounded by
//   the idle timeout), frees the evhttp (closing idle keep-alive connections)
//   and leaves the loop.
#ifndef UTXO_HTTP_SERVER_CORE_H
#define UTXO_HTTP_SERVER_CORE_H

#include <util/ip_address.h>
#include <http/libevent.h>
#include <http/server.h>
#include <http/work_queue.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace http::detail {

// A response on its way from a worker to the loop thread.
struct Response {
    int status{500};
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

// Loop-thread bookkeeping for one accepted request (fields used on the loop
// thread only; other threads just pass the shared_ptr along).
struct PendingRequest {
    ServerCore* core{nullptr};
    evhttp_request* request{nullptr};       // null once libevent may have freed it
    evhttp_connection* connection{nullptr}; // the connection it arrived on
    bool is_head{false};
};

class ServerCore {
public:
    static util::Result<std::unique_ptr<ServerCore>> Start(ServerOptions options, util::Logger& logger,
                                                           std::vector<Route> routes);
    ~ServerCore();

    std::vector<Endpoint> BoundEndpoints() const { return m_bound; }
    void AddHandler(std::string prefix, bool exact_match, Handler handler);
    void RemoveHandler(const std::string& prefix);
    void Interrupt();
    void Stop();

    // Any thread: have the loop thread send `response` for `pending`.
    void PostReply(std::shared_ptr<PendingRequest> pending, Response response);
    util::Logger& Logger() const { return m_logger; }

private:
    struct HandlerEntry {
        std::string prefix;
        bool exact_match;
        Handler handler;
    };
    struct WorkItem {
        std::unique_ptr<Request> request;
        Handler handler;
    };

    ServerCore(ServerOptions options, util::Logger& logger);
    bool Bind(const Endpoint& endpoint);

    // Loop thread.
    void RunLoop();
    void OnRequest(evhttp_request* request);
    // The reply for a request the loop answers itself (interrupted, peer not
    // allowed, unknown method); nullopt when it may go on to a handler.
    std::optional<Response> Screen(evhttp_request* request, const util::IpAddress* peer, const std::string& peer_text) const;
    bool FindHandler(const std::string& uri, Handler& handler, size_t& prefix_length) const;
    // Queues for a worker; answers 503 when the queue is full or closed.
    void Enqueue(WorkItem item);
    void OnRequestComplete(PendingRequest& pending);
    void OnConnectionClosed(evhttp_connection* connection);
    void SendResponse(PendingRequest& pending, Response response);
    void Track(const std::shared_ptr<PendingRequest>& pending);
    void BeginShutdown();
    void MaybeFinish();
    void Finish();
    void RunPosted();

    // Any thread.
    void Post(std::function<void()> task);
    void RunWorker(int index);

    static void RequestCallback(evhttp_request* request, void* arg);
    static void CompleteCallback(evhttp_request* request, void* arg);
    static void CloseCallback(evhttp_connection* connection, void* arg);
    static void WakeupCallback(evutil_socket_t, short, void* arg);
    static void ShutdownTimeoutCallback(evutil_socket_t, short, void* arg);

    const ServerOptions m_options;
    util::Logger& m_logger;
    LibeventLogScope m_log_scope; // before the libevent objects: they may log while freed
    EventBasePtr m_base;
    EvhttpPtr m_http;    // freed on the loop thread by Finish()
    EventPtr m_wakeup;   // activated by Post()
    std::vector<evhttp_bound_socket*> m_listeners; // owned by m_http
    std::vector<Endpoint> m_bound;                 // fixed after Start

    mutable std::mutex m_handlers_mutex;
    std::vector<HandlerEntry> m_handlers; // guarded by m_handlers_mutex

    std::atomic<bool> m_interrupted{false};
    WorkQueue<WorkItem> m_queue;

    std::mutex m_posted_mutex;
    std::vector<std::function<void()>> m_posted; // guarded by m_posted_mutex
    bool m_loop_exited{false};                   // guarded by m_posted_mutex

    // Loop thread only.
    std::unordered_map<evhttp_connection*, std::vector<std::shared_ptr<PendingRequest>>> m_in_flight;
    size_t m_in_flight_count{0};
    bool m_shutting_down{false};
    bool m_finishing{false};

    std::thread m_loop_thread;
    std::vector<std::thread> m_workers;
    std::mutex m_stop_mutex;
    bool m_stopped{false}; // guarded by m_stop_mutex
};

} // namespace http::detail

#endif // UTXO_HTTP_SERVER_CORE_H
