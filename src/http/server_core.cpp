#include <http/server_core.h>

#include <util/ip_address.h>
#include <http/status.h>

#include <algorithm>
#include <csignal>
#include <cstring>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/keyvalq_struct.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>

namespace http::detail {
namespace {

constexpr std::string_view WORK_QUEUE_WARNING{
    "request rejected because http work queue depth exceeded, it can be increased with the -rpcworkqueue= setting"};

Request::Method ToMethod(evhttp_cmd_type type)
{
    switch (type) {
    case EVHTTP_REQ_GET: return Request::Method::GET;
    case EVHTTP_REQ_POST: return Request::Method::POST;
    case EVHTTP_REQ_HEAD: return Request::Method::HEAD;
    case EVHTTP_REQ_PUT: return Request::Method::PUT;
    default: return Request::Method::OTHER;
    }
}

// The request target for the log: only the characters Core's SAFE_CHARS_URI
// keeps (so a client cannot forge log lines), at most 100 of them.
std::string SanitizeUri(std::string_view uri)
{
    static constexpr std::string_view SAFE_PUNCTUATION{"!#$%&'()*+,-./:;=?@_~"};
    std::string out;
    for (char c : uri) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || SAFE_PUNCTUATION.find(c) != std::string_view::npos) out += c;
        if (out.size() == 100) break;
    }
    return out;
}

// The peer of an accepted connection. libevent records the address accept()
// returned; getpeername() is the fallback.
std::optional<std::pair<util::IpAddress, uint16_t>> PeerOf(evhttp_connection* connection)
{
    uint16_t port = 0;
    if (auto address = util::IpAddress::FromSockaddr(evhttp_connection_get_addr(connection), &port)) {
        return std::pair{*address, port};
    }
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    const evutil_socket_t fd = bufferevent_getfd(evhttp_connection_get_bufferevent(connection));
    if (fd < 0 || getpeername(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return std::nullopt;
    if (auto address = util::IpAddress::FromSockaddr(reinterpret_cast<const sockaddr*>(&storage), &port)) {
        return std::pair{*address, port};
    }
    return std::nullopt;
}

std::string BodyOf(evhttp_request* request)
{
    evbuffer* input = evhttp_request_get_input_buffer(request);
    const size_t length = input ? evbuffer_get_length(input) : 0;
    std::string body(length, '\0');
    if (length > 0) evbuffer_remove(input, body.data(), length);
    return body;
}

bool IsEveryInterface(const std::string& host)
{
    return host.empty() || host == "0.0.0.0" || host == "::";
}

} // namespace

ServerCore::ServerCore(ServerOptions options, util::Logger& logger)
    : m_options(std::move(options)), m_logger(logger), m_log_scope(logger),
      m_queue(std::max<size_t>(m_options.work_queue_depth, 1))
{
}

ServerCore::~ServerCore() { Stop(); }

util::Result<std::unique_ptr<ServerCore>> ServerCore::Start(ServerOptions options, util::Logger& logger,
                                                            std::vector<Route> routes)
{
    UseLibeventThreads();
    std::unique_ptr<ServerCore> core(new ServerCore(std::move(options), logger));
    const ServerOptions& opts = core->m_options;

    core->m_base.reset(event_base_new());
    if (!core->m_base) return util::Error{"Couldn't create an event_base for the HTTP server"};
    core->m_http.reset(evhttp_new(core->m_base.get()));
    if (!core->m_http) return util::Error{"Couldn't create evhttp for the HTTP server"};
    evhttp* http = core->m_http.get();
    // libevent reads -1 as "no timeout"; 0 would be taken the same way.
    evhttp_set_timeout(http, opts.idle_timeout_seconds > 0 ? opts.idle_timeout_seconds : -1);
    evhttp_set_max_headers_size(http, static_cast<ev_ssize_t>(opts.max_header_bytes));
    evhttp_set_max_body_size(http, static_cast<ev_ssize_t>(opts.max_body_bytes));
    evhttp_set_allowed_methods(http, EVHTTP_REQ_GET | EVHTTP_REQ_POST | EVHTTP_REQ_HEAD | EVHTTP_REQ_PUT);
    evhttp_set_gencb(http, &RequestCallback, core.get());

    for (const Endpoint& endpoint : opts.bind) core->Bind(endpoint);
    if (core->m_listeners.empty()) return util::Error{"Unable to bind any endpoint for RPC server"};

    core->m_wakeup.reset(event_new(core->m_base.get(), -1, 0, &WakeupCallback, core.get()));
    if (!core->m_wakeup) return util::Error{"Couldn't create the HTTP server's wakeup event"};

    for (Route& route : routes) core->AddHandler(std::move(route.prefix), route.exact_match, std::move(route.handler));

    const int workers = std::max(opts.worker_threads, 1);
    logger.LogDebug(util::LogCategory::HTTP, "Starting HTTP server with " + std::to_string(workers) +
                                                 " worker threads and a work queue of depth " +
                                                 std::to_string(std::max<size_t>(opts.work_queue_depth, 1)));
    core->m_loop_thread = std::thread([c = core.get()] { c->RunLoop(); });
    for (int i = 0; i < workers; ++i) {
        core->m_workers.emplace_back([c = core.get(), i] { c->RunWorker(i); });
    }
    return core;
}

bool ServerCore::Bind(const Endpoint& endpoint)
{
    std::string host = endpoint.host;
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string where = "address " + host + " port " + std::to_string(endpoint.port);
    m_logger.Log(util::LogLevel::Info, "Binding RPC on " + where);
    evhttp_bound_socket* listener =
        evhttp_bind_socket_with_handle(m_http.get(), host.empty() ? nullptr : host.c_str(), endpoint.port);
    if (listener == nullptr) {
        m_logger.Log(util::LogLevel::Warning, "Binding RPC on " + where + " failed.");
        return false;
    }
    if (IsEveryInterface(host)) {
        m_logger.Log(util::LogLevel::Warning,
                     "the RPC server is not safe to expose to untrusted networks such as the public internet");
    }
    const evutil_socket_t fd = evhttp_bound_socket_get_fd(listener);
    // Accepted sockets inherit TCP_NODELAY: replies go out at once instead of
    // waiting for the client's delayed ACK.
    const int one = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) != 0) {
        m_logger.Log(util::LogLevel::Warning, "Unable to set TCP_NODELAY on RPC server socket, continuing anyway");
    }
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    uint16_t port = endpoint.port;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) == 0) {
        util::IpAddress::FromSockaddr(reinterpret_cast<const sockaddr*>(&storage), &port);
    }
    m_listeners.push_back(listener);
    m_bound.push_back(Endpoint{host, port});
    return true;
}

void ServerCore::AddHandler(std::string prefix, bool exact_match, Handler handler)
{
    m_logger.LogDebug(util::LogCategory::HTTP, "Registering HTTP handler for " + prefix +
                                                   (exact_match ? " (exact match)" : " (prefix match)"));
    std::lock_guard lock(m_handlers_mutex);
    m_handlers.push_back(HandlerEntry{std::move(prefix), exact_match, std::move(handler)});
}

void ServerCore::RemoveHandler(const std::string& prefix)
{
    m_logger.LogDebug(util::LogCategory::HTTP, "Unregistering HTTP handler for " + prefix);
    std::lock_guard lock(m_handlers_mutex);
    std::erase_if(m_handlers, [&](const HandlerEntry& entry) { return entry.prefix == prefix; });
}

void ServerCore::Interrupt()
{
    if (!m_interrupted.exchange(true)) m_logger.LogDebug(util::LogCategory::HTTP, "Interrupting HTTP server");
    m_queue.Close();
}

void ServerCore::Stop()
{
    std::lock_guard stop_lock(m_stop_mutex);
    if (m_stopped) return;
    m_stopped = true;
    Interrupt();
    m_logger.LogDebug(util::LogCategory::HTTP, "Waiting for HTTP worker threads to exit");
    for (std::thread& worker : m_workers) worker.join();
    m_workers.clear();
    if (m_loop_thread.joinable()) {
        m_logger.LogDebug(util::LogCategory::HTTP, "Waiting for HTTP event thread to exit");
        Post([this] { BeginShutdown(); });
        m_loop_thread.join();
    }
    // The loop has exited (or never ran): free what is left here, evhttp
    // before the event_base it lives in.
    m_http.reset();
    m_wakeup.reset();
    m_base.reset();
    m_logger.LogDebug(util::LogCategory::HTTP, "Stopped HTTP server");
}

void ServerCore::PostReply(std::shared_ptr<PendingRequest> pending, Response response)
{
    Post([this, pending = std::move(pending), response = std::move(response)]() mutable {
        SendResponse(*pending, std::move(response));
    });
}

void ServerCore::Post(std::function<void()> task)
{
    std::lock_guard lock(m_posted_mutex);
    if (m_loop_exited) return; // nothing left to deliver to
    m_posted.push_back(std::move(task));
    // Under the mutex, so Stop() cannot free the event in between. libevent
    // runs callbacks without its own lock held, so this order cannot deadlock.
    event_active(m_wakeup.get(), 0, 0);
}

void ServerCore::RunPosted()
{
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(m_posted_mutex);
        tasks.swap(m_posted);
    }
    for (auto& task : tasks) task();
}

void ServerCore::RunLoop()
{
    util::Logger::SetThreadName("http");
    // Every socket write happens on this thread. libevent writes with
    // writev(), so a client that hangs up mid-reply would raise SIGPIPE and,
    // unless the process ignores it, kill it; blocked here, the write just
    // fails with EPIPE and libevent closes the connection.
    sigset_t sigpipe;
    sigemptyset(&sigpipe);
    sigaddset(&sigpipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &sigpipe, nullptr);
    m_logger.LogDebug(util::LogCategory::HTTP, "Entering http event loop");
    event_base_loop(m_base.get(), EVLOOP_NO_EXIT_ON_EMPTY);
    std::vector<std::function<void()>> dropped;
    {
        std::lock_guard lock(m_posted_mutex);
        m_loop_exited = true;
        dropped.swap(m_posted);
    }
    m_logger.LogDebug(util::LogCategory::HTTP, "Exited http event loop");
}

void ServerCore::RunWorker(int index)
{
    util::Logger::SetThreadName("httpworker." + std::to_string(index));
    while (auto item = m_queue.Pop()) {
        try {
            item->handler(*item->request);
        } catch (const std::exception& e) {
            m_logger.Log(util::LogLevel::Error, std::string("HTTP handler threw: ") + e.what());
        } catch (...) {
            m_logger.Log(util::LogLevel::Error, "HTTP handler threw an unknown exception");
        }
        // Destroying the request sends 500 if the handler did not reply.
    }
}

void ServerCore::Track(const std::shared_ptr<PendingRequest>& pending)
{
    m_in_flight[pending->connection].push_back(pending);
    ++m_in_flight_count;
    evhttp_request_set_on_complete_cb(pending->request, &CompleteCallback, pending.get());
    evhttp_connection_set_closecb(pending->connection, &CloseCallback, this);
}

void ServerCore::OnRequest(evhttp_request* request)
{
    auto pending = std::make_shared<PendingRequest>();
    pending->core = this;
    pending->request = request;
    pending->connection = evhttp_request_get_connection(request);
    pending->is_head = evhttp_request_get_command(request) == EVHTTP_REQ_HEAD;
    Track(pending);

    const auto peer = PeerOf(pending->connection);
    const std::string peer_text = peer ? util::FormatAddressPort(peer->first, peer->second) : "unknown peer";
    if (auto refusal = Screen(request, peer ? &peer->first : nullptr, peer_text)) {
        SendResponse(*pending, std::move(*refusal));
        return;
    }
    const Request::Method method = ToMethod(evhttp_request_get_command(request));
    const char* uri_text = evhttp_request_get_uri(request);
    std::string uri = uri_text ? uri_text : "";
    if (m_logger.WillLog(util::LogCategory::HTTP)) {
        m_logger.LogDebug(util::LogCategory::HTTP, "Received a " + std::string(MethodName(method)) + " request for " +
                                                       SanitizeUri(uri) + " from " + peer_text);
    }

    WorkItem item;
    size_t prefix_length = 0;
    if (!FindHandler(uri, item.handler, prefix_length)) {
        SendResponse(*pending, Response{STATUS_NOT_FOUND, {}, {}});
        return;
    }
    item.request.reset(new Request(*this, pending));
    Request& r = *item.request;
    r.m_method = method;
    r.m_uri = std::move(uri);
    r.m_prefix_length = prefix_length;
    const evkeyvalq* headers = evhttp_request_get_input_headers(request);
    for (const evkeyval* header = headers->tqh_first; header != nullptr; header = header->next.tqe_next) {
        r.m_headers.emplace_back(header->key, header->value);
    }
    r.m_body = BodyOf(request);
    r.m_peer = peer_text;
    Enqueue(std::move(item));
}

std::optional<Response> ServerCore::Screen(evhttp_request* request, const util::IpAddress* peer,
                                           const std::string& peer_text) const
{
    if (m_interrupted.load()) {
        m_logger.LogDebug(util::LogCategory::HTTP, "Rejecting request while shutting down");
        return Response{STATUS_SERVICE_UNAVAILABLE, {{"Connection", "close"}}, {}};
    }
    const bool allowed = peer && std::any_of(m_options.allowed.begin(), m_options.allowed.end(),
                                             [&](const util::Subnet& subnet) { return subnet.Contains(*peer); });
    if (!allowed) {
        m_logger.LogDebug(util::LogCategory::HTTP, "HTTP request from " + peer_text +
                                                       " rejected: Client network is not allowed RPC access");
        return Response{STATUS_FORBIDDEN, {}, {}};
    }
    if (ToMethod(evhttp_request_get_command(request)) == Request::Method::OTHER) {
        m_logger.LogDebug(util::LogCategory::HTTP, "HTTP request from " + peer_text +
                                                       " rejected: Unknown HTTP request method");
        return Response{STATUS_BAD_METHOD, {}, {}};
    }
    return std::nullopt;
}

bool ServerCore::FindHandler(const std::string& uri, Handler& handler, size_t& prefix_length) const
{
    std::lock_guard lock(m_handlers_mutex);
    for (const HandlerEntry& entry : m_handlers) {
        if (entry.exact_match ? uri == entry.prefix : uri.starts_with(entry.prefix)) {
            handler = entry.handler;
            prefix_length = entry.prefix.size();
            return true;
        }
    }
    return false;
}

void ServerCore::Enqueue(WorkItem item)
{
    switch (m_queue.TryPush(item)) {
    case WorkQueue<WorkItem>::PushResult::Queued:
        return;
    case WorkQueue<WorkItem>::PushResult::Full:
        m_logger.Log(util::LogLevel::Warning, std::string(WORK_QUEUE_WARNING));
        item.request->Reply(STATUS_SERVICE_UNAVAILABLE, "Work queue depth exceeded");
        return;
    case WorkQueue<WorkItem>::PushResult::Closed: // Interrupt() raced with this request
        item.request->AddHeader("Connection", "close");
        item.request->Reply(STATUS_SERVICE_UNAVAILABLE);
        return;
    }
}

void ServerCore::SendResponse(PendingRequest& pending, Response response)
{
    evhttp_request* request = pending.request;
    if (request == nullptr) return; // the connection went away first
    // From here libevent owns the request: it frees it after writing the
    // reply, at once if the connection is gone.
    pending.request = nullptr;

    evkeyvalq* headers = evhttp_request_get_output_headers(request);
    for (const auto& [name, value] : response.headers) evhttp_add_header(headers, name.c_str(), value.c_str());
    if (pending.is_head) {
        if (evhttp_find_header(headers, "Content-Length") == nullptr) {
            evhttp_add_header(headers, "Content-Length", std::to_string(response.body.size()).c_str());
        }
    } else if (!response.body.empty()) {
        // Hand the body over without copying it (replies can be megabytes).
        auto* owned = new std::string(std::move(response.body));
        const auto release = [](const void*, size_t, void* arg) { delete static_cast<std::string*>(arg); };
        if (evbuffer_add_reference(evhttp_request_get_output_buffer(request), owned->data(), owned->size(), release,
                                   owned) != 0) {
            delete owned;
        }
    }
    evhttp_send_reply(request, response.status, nullptr, nullptr);
}

void ServerCore::OnRequestComplete(PendingRequest& pending)
{
    pending.request = nullptr;
    auto it = m_in_flight.find(pending.connection);
    if (it == m_in_flight.end()) return;
    auto& list = it->second;
    const auto before = list.size();
    std::erase_if(list, [&](const std::shared_ptr<PendingRequest>& p) { return p.get() == &pending; });
    m_in_flight_count -= before - list.size();
    if (list.empty()) m_in_flight.erase(it);
    MaybeFinish();
}

void ServerCore::OnConnectionClosed(evhttp_connection* connection)
{
    auto it = m_in_flight.find(connection);
    if (it == m_in_flight.end()) return;
    for (const auto& pending : it->second) {
        // A request still attached to this connection is freed with it. One
        // that libevent detached (client hung up before we replied) survives
        // and is freed when we send our reply to it.
        if (pending->request && evhttp_request_get_connection(pending->request) == connection) {
            pending->request = nullptr;
        }
    }
    m_in_flight_count -= it->second.size();
    m_in_flight.erase(it);
    MaybeFinish();
}

void ServerCore::BeginShutdown()
{
    m_shutting_down = true;
    for (evhttp_bound_socket* listener : m_listeners) evhttp_del_accept_socket(m_http.get(), listener);
    m_listeners.clear();
    // Replies still being written finish or time out within the idle
    // timeout; this is the backstop should libevent never report either.
    timeval backstop{m_options.idle_timeout_seconds > 0 ? m_options.idle_timeout_seconds : 30, 0};
    event_base_once(m_base.get(), -1, EV_TIMEOUT, &ShutdownTimeoutCallback, this, &backstop);
    MaybeFinish();
}

void ServerCore::MaybeFinish()
{
    if (!m_shutting_down || m_finishing || m_in_flight_count != 0) return;
    m_finishing = true;
    // Not from inside a libevent callback that still uses the connection.
    Post([this] { Finish(); });
}

void ServerCore::Finish()
{
    m_finishing = true;
    m_http.reset(); // closes every remaining connection
    event_base_loopbreak(m_base.get());
}

void ServerCore::RequestCallback(evhttp_request* request, void* arg)
{
    static_cast<ServerCore*>(arg)->OnRequest(request);
}

void ServerCore::CompleteCallback(evhttp_request*, void* arg)
{
    auto* pending = static_cast<PendingRequest*>(arg);
    pending->core->OnRequestComplete(*pending);
}

void ServerCore::CloseCallback(evhttp_connection* connection, void* arg)
{
    static_cast<ServerCore*>(arg)->OnConnectionClosed(connection);
}

void ServerCore::WakeupCallback(evutil_socket_t, short, void* arg)
{
    static_cast<ServerCore*>(arg)->RunPosted();
}

void ServerCore::ShutdownTimeoutCallback(evutil_socket_t, short, void* arg)
{
    auto* core = static_cast<ServerCore*>(arg);
    if (!core->m_http) return;
    core->m_logger.LogDebug(util::LogCategory::HTTP, "Closing " + std::to_string(core->m_in_flight_count) +
                                                         " HTTP connections still writing replies");
    core->Finish();
}

} // namespace http::detail
