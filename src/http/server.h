// The HTTP server behind the JSON-RPC and REST interfaces: Bitcoin Core's
// evhttp server (httpserver.cpp) as an object.
//
// Threads: one event-loop thread ("http") owns every socket and every
// libevent object; a pool of workers ("httpworker.N") runs the handlers. The
// loop accepts a request, answers the cheap cases itself (403 peer not
// allowed, 405 unknown method, 404 no handler, 503 interrupted or work queue
// full; libevent itself answers 413 for a body over max_body_bytes and 400 for
// malformed requests), and queues the rest. A worker calls the handler with a
// Request holding a copy of everything the handler may read, so handlers never
// touch libevent; Reply() hands the response back to the loop thread, which
// writes it, or drops it when the connection has gone away meanwhile.
//
// Keep-alive (HTTP/1.1 default) is served: a connection may carry any number
// of requests, one at a time. Connections idle longer than
// idle_timeout_seconds are closed.
//
// Handlers are matched against the request target exactly as it arrived
// (path and query, Core's behaviour): `exact_match` handlers when it equals
// the prefix, the others when it starts with it; the first registered match
// wins. Every request is logged in debug category HTTP ("Received a POST
// request for / from 127.0.0.1:54321").
#ifndef UTXO_HTTP_SERVER_H
#define UTXO_HTTP_SERVER_H

#include <util/subnet.h>
#include <util/logging.h>
#include <util/result.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http {

namespace detail {
class ServerCore;
struct PendingRequest;
} // namespace detail

// A listening address: host "127.0.0.1", "::1", "0.0.0.0", "::" (numeric, no
// brackets; "" means every interface) and port (0: any free port).
struct Endpoint {
    std::string host;
    uint16_t port{0};

    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

struct ServerOptions {
    std::vector<Endpoint> bind;
    // A peer outside every subnet gets 403 Forbidden; an empty list forbids
    // everyone (the node adds loopback itself, as Core does).
    std::vector<util::Subnet> allowed;
    int worker_threads{16};                        // -rpcthreads; at least 1 is used
    size_t work_queue_depth{64};                   // -rpcworkqueue; at least 1 is used
    int idle_timeout_seconds{30};                  // -rpcservertimeout
    size_t max_body_bytes{32 * 1024 * 1024};       // larger body: 413
    size_t max_header_bytes{8192};                 // larger header block: 400
};

// One request, handed to a handler on a worker thread. Exactly one reply per
// request: Reply() sends it; a request destroyed without one is answered 500
// "Unhandled request". Use from one thread at a time; it must not outlive the
// handler call it was given to.
class Request {
public:
    enum class Method { GET, POST, HEAD, PUT, OTHER };

    Method GetMethod() const { return m_method; }
    // The request target as sent, path and query ("/wallet/w1", "/rest/tx/ab.json?x=1").
    std::string_view Uri() const { return m_uri; }
    // Uri() without the prefix of the handler that matched ("tx/ab.json" for
    // prefix "/rest/"), the part Core passes to its handlers.
    std::string_view UriAfterPrefix() const { return std::string_view(m_uri).substr(m_prefix_length); }
    // The first header of that name, compared case-insensitively.
    std::optional<std::string> Header(std::string_view name) const;
    const std::string& Body() const { return m_body; }
    // "127.0.0.1:54321" or "[::1]:54321".
    std::string PeerAddress() const { return m_peer; }

    // Adds a response header (sent with the reply). Headers with CR or LF in
    // the name or value are dropped by libevent.
    void AddHeader(std::string name, std::string value);
    // Sends the reply: status, headers added so far, body (dropped for HEAD,
    // whose Content-Length still tells its size). Returns at once; the event
    // loop writes it. Only the first call counts; a second one is ignored with
    // a warning.
    void Reply(int status, std::string body = {});
    bool Replied() const { return m_replied; }

    ~Request();
    Request(const Request&) = delete;
    Request& operator=(const Request&) = delete;

private:
    friend class detail::ServerCore;
    Request(detail::ServerCore& core, std::shared_ptr<detail::PendingRequest> pending);

    detail::ServerCore& m_core;
    std::shared_ptr<detail::PendingRequest> m_pending;
    Method m_method{Method::OTHER};
    std::string m_uri;
    size_t m_prefix_length{0};
    std::vector<std::pair<std::string, std::string>> m_headers;
    std::string m_body;
    std::string m_peer;
    std::vector<std::pair<std::string, std::string>> m_reply_headers;
    bool m_replied{false};
};

// "GET", "POST", "HEAD", "PUT" or "unknown", as Core logs them.
std::string_view MethodName(Request::Method method);

using Handler = std::function<void(Request&)>;

// A handler with the request targets it serves (see Server::AddHandler).
struct Route {
    std::string prefix;
    bool exact_match;
    Handler handler;
};

// Thread-safe: every member may be called from any thread except Stop() and
// the destructor, which must not run on a worker thread (inside a handler).
class Server {
public:
    // Binds every endpoint it can (each failure logged as a warning, and a
    // warning when binding to every interface); error "Unable to bind any
    // endpoint for RPC server" when none binds. Then registers `routes` and
    // starts the event-loop thread and the worker threads, so a client that
    // connects at once never meets a server without its handlers (404).
    static util::Result<std::unique_ptr<Server>> Start(ServerOptions options, util::Logger& logger,
                                                       std::vector<Route> routes = {});

    // The endpoints actually bound, with the ports the kernel chose for port 0.
    std::vector<Endpoint> BoundEndpoints() const;

    void AddHandler(std::string prefix, bool exact_match, Handler handler);
    // Removes every handler registered with this prefix. Requests already
    // queued still run the handler they were matched to.
    void RemoveHandler(const std::string& prefix);

    // Stops accepting work: new requests get 503 (with Connection: close);
    // requests already queued still run. Idempotent.
    void Interrupt();
    // Interrupts, lets the workers finish the requests they hold and the
    // queue, waits until those replies are written (or their connections
    // closed or timed out), then closes every socket and joins every thread.
    // Idempotent.
    void Stop();
    ~Server();

    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

private:
    explicit Server(std::unique_ptr<detail::ServerCore> core);

    std::unique_ptr<detail::ServerCore> m_core;
};

} // namespace http

#endif // UTXO_HTTP_SERVER_H
