#include <net/connman.h>

#include <net/connman_impl.h>
#include <net/eviction.h>
#include <net/libevent.h>
#include <util/host_port.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/listener.h>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace net {

std::string_view ConnectionTypeName(ConnectionType type)
{
    switch (type) {
    case ConnectionType::INBOUND: return "inbound";
    case ConnectionType::OUTBOUND_FULL_RELAY: return "outbound-full-relay";
    case ConnectionType::MANUAL: return "manual";
    case ConnectionType::FEELER: return "feeler";
    case ConnectionType::BLOCK_RELAY: return "block-relay-only";
    case ConnectionType::ADDR_FETCH: return "addr-fetch";
    }
    return "";
}

bool IsOutbound(ConnectionType type) { return type != ConnectionType::INBOUND; }

namespace {

sockaddr_storage ToSockaddr(const Endpoint& endpoint, socklen_t& length)
{
    sockaddr_storage storage{};
    if (endpoint.address.is_ipv4) {
        auto* in = reinterpret_cast<sockaddr_in*>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(endpoint.port);
        std::memcpy(&in->sin_addr, endpoint.address.bytes.data(), 4);
        length = sizeof(sockaddr_in);
    } else {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(endpoint.port);
        std::memcpy(&in6->sin6_addr, endpoint.address.bytes.data(), 16);
        length = sizeof(sockaddr_in6);
    }
    return storage;
}

std::optional<Endpoint> FromSockaddr(const sockaddr* address)
{
    uint16_t port = 0;
    auto ip = util::IpAddress::FromSockaddr(address, &port);
    if (!ip) return std::nullopt;
    return Endpoint{*ip, port};
}

std::optional<Endpoint> LocalEndpoint(evutil_socket_t fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return std::nullopt;
    return FromSockaddr(reinterpret_cast<const sockaddr*>(&storage));
}

} // namespace


// ---------------------------------------------------------------- any thread

std::shared_ptr<Connection> Connman::Impl::Find(NodeId id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_connections.find(id);
    return it == m_connections.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<Connection>> Connman::Impl::Snapshot() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<Connection>> out;
    out.reserve(m_connections.size());
    for (const auto& [id, connection] : m_connections) out.push_back(connection);
    return out;
}

void Connman::Impl::WakeMessages()
{
    {
        std::lock_guard lock(m_mutex);
        m_msg_wake = true;
    }
    m_msg_cv.notify_one();
}

bool Connman::Impl::Send(NodeId id, std::string_view command, util::ByteSpan payload)
{
    auto connection = Find(id);
    if (!connection || connection->disconnect_requested) return false;
    util::Bytes framed = FrameMessage(m_options.magic, command, payload);
    {
        std::lock_guard lock(connection->mutex);
        connection->bytes_sent_per_msg[std::string(command)] += framed.size();
        connection->send_buffered += framed.size();
        connection->pending_send.push_back(std::move(framed));
    }
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([this, connection] {
            if (!connection->bev) return;
            std::deque<util::Bytes> pending;
            {
                std::lock_guard queue_lock(connection->mutex);
                pending.swap(connection->pending_send);
            }
            evbuffer* out = bufferevent_get_output(connection->bev);
            for (const auto& bytes : pending) evbuffer_add(out, bytes.data(), bytes.size());
        });
    }
    WakeNet();
    return true;
}

void Connman::Impl::Disconnect(NodeId id, std::string_view reason)
{
    auto connection = Find(id);
    if (!connection || connection->disconnect_requested.exchange(true)) return;
    m_logger.LogDebug(util::LogCategory::NET, "disconnecting peer=" + std::to_string(id) + ": " + std::string(reason));
    std::lock_guard lock(m_mutex);
    m_tasks.push_back([this, connection] {
        if (!connection->bev) return;
        // Let what is queued go out first (a reject or the last headers), then close.
        bool pending = false;
        {
            std::lock_guard queue_lock(connection->mutex);
            pending = !connection->pending_send.empty();
        }
        if (evbuffer_get_length(bufferevent_get_output(connection->bev)) == 0 && !pending) {
            Close(*connection, "");
        } else {
            connection->close_when_flushed = true;
        }
    });
    WakeNet();
}

void Connman::Impl::RequestConnection(const std::string& target, ConnectionType type)
{
    {
        std::lock_guard lock(m_mutex);
        m_one_shots.emplace_back(target, type);
    }
    m_opencon_cv.notify_one();
}

// ---------------------------------------------------------------- net thread

util::Result<void> Connman::Impl::Bind()
{
    m_base.reset(event_base_new());
    if (!m_base) return util::Error{"cannot create the network event loop"};
    m_wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wake_fd < 0) return util::Error{std::string("cannot create the network wake-up descriptor: ") + std::strerror(errno)};
    m_wake.reset(event_new(m_base.get(), m_wake_fd, EV_READ | EV_PERSIST, [](evutil_socket_t fd, short, void* ctx) {
        uint64_t count;
        while (read(fd, &count, sizeof(count)) > 0) {}
        static_cast<Impl*>(ctx)->RunTasks();
    }, this));
    event_add(m_wake.get(), nullptr);
    m_timer.reset(event_new(m_base.get(), -1, EV_PERSIST, [](evutil_socket_t, short, void* ctx) { static_cast<Impl*>(ctx)->Tick(); }, this));
    const timeval second{1, 0};
    event_add(m_timer.get(), &second);
    for (const Endpoint& endpoint : m_options.listen) {
        socklen_t length = 0;
        const sockaddr_storage address = ToSockaddr(endpoint, length);
        evconnlistener* listener = evconnlistener_new_bind(
            m_base.get(),
            [](evconnlistener*, evutil_socket_t fd, sockaddr* peer, int, void* ctx) {
                static_cast<Impl*>(ctx)->Accept(fd, peer);
            },
            this, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE | LEV_OPT_CLOSE_ON_EXEC, -1,
            reinterpret_cast<const sockaddr*>(&address), static_cast<int>(length));
        if (!listener) {
            return util::Error{"Unable to bind to " + endpoint.ToString() +
                               " on this computer. utxod is probably already running. (" + std::strerror(errno) + ")"};
        }
        m_listeners.emplace_back(listener);
        auto bound = LocalEndpoint(evconnlistener_get_fd(listener));
        m_bound.push_back(bound ? *bound : endpoint);
        m_logger.Log(util::LogLevel::Info, "Bound to " + m_bound.back().ToString());
    }
    return {};
}

void Connman::Impl::StartThreads()
{
    m_net_thread = std::thread([this] {
        util::Logger::SetThreadName("net");
        event_base_loop(m_base.get(), EVLOOP_NO_EXIT_ON_EMPTY);
    });
    m_msg_thread = std::thread([this] {
        util::Logger::SetThreadName("msghand");
        MessageLoop();
    });
    m_opencon_thread = std::thread([this] {
        util::Logger::SetThreadName("opencon");
        OpenConnectionsLoop();
    });
}

void Connman::Impl::Stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_msg_cv.notify_all();
    m_opencon_cv.notify_all();
    if (m_opencon_thread.joinable()) m_opencon_thread.join();
    if (m_msg_thread.joinable()) m_msg_thread.join();
    if (m_net_thread.joinable()) {
        WakeNet(); // RunTasks sees m_stopping and leaves the loop
        m_net_thread.join();
    }
    // The loop is gone: this thread owns every handle now.
    for (auto& connection : Snapshot()) Close(*connection, "");
    m_listeners.clear();
    m_timer.reset();
    m_wake.reset();
    m_base.reset();
    if (m_wake_fd >= 0) close(m_wake_fd);
    m_wake_fd = -1;
}

void Connman::Impl::RunTasks()
{
    std::vector<std::function<void()>> tasks;
    bool stopping = false;
    {
        std::lock_guard lock(m_mutex);
        tasks.swap(m_tasks);
        stopping = m_stopping;
    }
    for (auto& task : tasks) task();
    if (stopping) event_base_loopbreak(m_base.get());
}

void Connman::Impl::Accept(evutil_socket_t fd, const sockaddr* address)
{
    const auto remote = FromSockaddr(address);
    if (!remote || !m_network_active) {
        evutil_closesocket(fd);
        return;
    }
    if (m_options.refuse_inbound && m_options.refuse_inbound(remote->address)) {
        m_logger.LogDebug(util::LogCategory::NET, "connection from " + remote->ToString() + " dropped (banned)");
        evutil_closesocket(fd);
        return;
    }
    size_t inbound = 0;
    for (const auto& connection : Snapshot()) inbound += connection->type == ConnectionType::INBOUND;
    const int outbound_slots = m_options.max_outbound_full_relay + m_options.max_block_relay + 1; // + a feeler
    const size_t max_inbound = static_cast<size_t>(std::max(0, m_options.max_connections - outbound_slots));
    if (inbound >= max_inbound && !EvictInbound()) {
        m_logger.LogDebug(util::LogCategory::NET, "connection from " + remote->ToString() + " dropped (full)");
        evutil_closesocket(fd);
        return;
    }
    evutil_make_socket_nonblocking(fd);
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    bufferevent* bev = bufferevent_socket_new(m_base.get(), fd, BEV_OPT_CLOSE_ON_FREE);
    if (!bev) {
        evutil_closesocket(fd);
        return;
    }
    auto connection = Register(bev, *remote, remote->ToString(), ConnectionType::INBOUND, true);
    m_logger.LogDebug(util::LogCategory::NET, "connection from " + remote->ToString() + " accepted, peer=" +
                                                  std::to_string(connection->id));
}

bool Connman::Impl::EvictInbound()
{
    std::vector<EvictionCandidate> candidates;
    for (const auto& connection : Snapshot()) {
        if (connection->type != ConnectionType::INBOUND || connection->disconnect_requested || !connection->bev) continue;
        EvictionCandidate candidate;
        candidate.id = connection->id;
        candidate.connected_time = connection->connected_time;
        candidate.min_ping_micros = connection->min_ping_micros;
        candidate.last_block_time = connection->last_block_time;
        candidate.relays_txs = connection->relays_txs;
        candidate.net_group = NetGroupOf(connection->remote.address);
        candidate.prefer_evict = m_options.prefer_evict && m_options.prefer_evict(connection->remote.address);
        candidates.push_back(candidate);
    }
    const auto chosen = SelectNodeToEvict(std::move(candidates));
    if (!chosen) return false;
    if (auto connection = Find(*chosen)) {
        m_logger.LogDebug(util::LogCategory::NET, "selected peer=" + std::to_string(*chosen) + " for eviction");
        Close(*connection, "evicted for a new inbound connection");
    }
    return true;
}

void Connman::Impl::ConnectNow(const Endpoint& endpoint, const std::string& name, ConnectionType type,
                               const std::string& proxy_host)
{
    // A .onion name goes through the onion proxy, anything else through -proxy
    // (if any); a valid Tor v3 name is also the peer's address.
    const bool onion_name = IsOnionName(proxy_host);
    auto onion = onion_name ? NetAddress::Parse(proxy_host) : std::nullopt;
    if (onion && !onion->IsTor()) onion.reset();
    const std::optional<Endpoint>& via = onion_name ? m_options.onion_proxy : m_options.proxy;
    bufferevent* bev = bufferevent_socket_new(m_base.get(), -1, BEV_OPT_CLOSE_ON_FREE);
    if (!bev) return;
    // Set before the connection is visible to other threads (Stats()).
    auto connection = Register(bev, endpoint, name, type, false,
                               onion ? std::optional<Service>(Service{*onion, endpoint.port}) : std::nullopt,
                               via.has_value());
    if (onion_name && !via) {
        m_logger.Log(util::LogLevel::Info, "cannot connect to " + name + ": .onion addresses need -proxy or -onion");
        Close(*connection, "");
        return;
    }
    if (via) {
        std::optional<Socks5Credentials> credentials;
        if (m_options.proxy_randomize) {
            // Distinct per connection is all Tor needs to isolate the streams.
            const std::string unique = std::to_string(m_proxy_credentials_counter++);
            credentials = Socks5Credentials{unique, unique};
        }
        auto handshake = Socks5Handshake::Start(proxy_host.empty() ? endpoint.address.ToString() : proxy_host,
                                                endpoint.port, std::move(credentials));
        if (!handshake) {
            m_logger.Log(util::LogLevel::Info, "cannot connect to " + name + " through the proxy: " + handshake.error());
            Close(*connection, "");
            return;
        }
        connection->socks = std::make_unique<Socks5Handshake>(std::move(handshake).value());
    }
    const Endpoint& dial = via ? *via : endpoint;
    socklen_t length = 0;
    const sockaddr_storage address = ToSockaddr(dial, length);
    m_logger.LogDebug(util::LogCategory::NET, "trying connection " + name + (via ? " through the proxy" : "") +
                                                  " peer=" + std::to_string(connection->id));
    if (bufferevent_socket_connect(bev, reinterpret_cast<const sockaddr*>(&address), static_cast<int>(length)) != 0) {
        Close(*connection, "connect failed");
    }
}

std::shared_ptr<Connection> Connman::Impl::Register(bufferevent* bev, const Endpoint& remote, const std::string& name,
                                                    ConnectionType type, bool connected, std::optional<Service> address,
                                                    bool proxied)
{
    auto connection = std::make_shared<Connection>(m_options.magic);
    connection->remote = remote;
    connection->addr_name = name;
    connection->address = address.value_or(Service{NetAddress::FromIp(remote.address), remote.port});
    connection->proxied = proxied;
    connection->type = type;
    connection->bev = bev;
    connection->owner = this;
    connection->connected = connected;
    connection->connected_time = NowSeconds();
    if (connected) connection->local = LocalEndpoint(bufferevent_getfd(bev));
    {
        std::lock_guard lock(m_mutex);
        connection->id = m_next_id++;
        m_connections[connection->id] = connection;
        m_pending.erase(name);
    }
    bufferevent_setcb(bev, ReadThunk, WriteThunk, EventThunk, connection.get());
    evbuffer_add_cb(bufferevent_get_output(bev), OutputThunk, connection.get());
    bufferevent_enable(bev, EV_READ | EV_WRITE);
    if (connected) WakeMessages();
    return connection;
}

void Connman::Impl::Close(Connection& connection, std::string_view reason)
{
    if (!connection.bev) return;
    if (!reason.empty()) {
        m_logger.LogDebug(util::LogCategory::NET, "closing peer=" + std::to_string(connection.id) + ": " + std::string(reason));
    }
    if (m_source && IsOutbound(connection.type) && connection.type != ConnectionType::MANUAL) {
        m_source->OutboundAttempt(connection.address, connection.connected);
    }
    bufferevent_free(connection.bev);
    connection.bev = nullptr;
    connection.disconnect_requested = true;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_connections.find(connection.id);
        if (it != m_connections.end()) {
            m_closed.push_back(it->second);
            m_connections.erase(it);
        }
        m_msg_wake = true;
    }
    m_msg_cv.notify_one();
}

bool Connman::Impl::AdvanceProxyHandshake(Connection& connection)
{
    evbuffer* input = bufferevent_get_input(connection.bev);
    // Proxy replies are a few bytes; more than that is the peer's, left in place.
    uint8_t buffer[512];
    const ev_ssize_t copied = evbuffer_copyout(input, buffer, sizeof(buffer));
    if (copied <= 0) return false;
    const size_t used = connection.socks->Feed(util::ByteSpan(buffer, static_cast<size_t>(copied)));
    evbuffer_drain(input, used);
    if (const util::Bytes reply = connection.socks->TakeOutput(); !reply.empty()) {
        bufferevent_write(connection.bev, reply.data(), reply.size());
    }
    switch (connection.socks->GetState()) {
    case Socks5Handshake::State::IN_PROGRESS:
        return false;
    case Socks5Handshake::State::FAILED:
        m_logger.Log(util::LogLevel::Info, "Socks5() connect to " + connection.addr_name + " failed: " +
                                               connection.socks->Error());
        Close(connection, "");
        return false;
    case Socks5Handshake::State::DONE:
        break;
    }
    connection.socks.reset();
    MarkConnected(connection);
    return true;
}

void Connman::Impl::OnRead(Connection& connection)
{
    if (connection.socks && !AdvanceProxyHandshake(connection)) return;
    evbuffer* input = bufferevent_get_input(connection.bev);
    const size_t length = evbuffer_get_length(input);
    if (length == 0) return;
    m_total_recv += length;
    connection.bytes_recv += length;
    connection.last_recv = NowSeconds();
    // Feed the decoder chunk by chunk without copying the whole input.
    evbuffer_iovec chunks[16];
    size_t fed = 0;
    FrameError error = FrameError::NONE;
    while (fed < length && error == FrameError::NONE) {
        const int n = evbuffer_peek(input, -1, nullptr, chunks, 16);
        for (int i = 0; i < std::min(n, 16) && error == FrameError::NONE; ++i) {
            error = connection.decoder.Feed(util::ByteSpan(static_cast<const uint8_t*>(chunks[i].iov_base), chunks[i].iov_len));
            fed += chunks[i].iov_len;
        }
        evbuffer_drain(input, fed);
        if (n <= 16) break;
    }
    bool ready = false;
    {
        std::lock_guard lock(connection.mutex);
        while (connection.decoder.HasMessage()) {
            Message message = connection.decoder.Next();
            connection.bytes_recv_per_msg[message.command] += message.wire_size;
            connection.received_bytes += message.wire_size;
            connection.received.push_back(std::move(message));
            ready = true;
        }
        if (connection.received_bytes > m_options.max_receive_buffer && !connection.read_paused) {
            connection.read_paused = true;
            bufferevent_disable(connection.bev, EV_READ);
        }
    }
    if (error != FrameError::NONE) {
        m_logger.Log(util::LogLevel::Info, "disconnecting peer=" + std::to_string(connection.id) + ": " +
                                               std::string(FrameErrorText(error)));
        if (m_options.on_framing_error && connection.type != ConnectionType::MANUAL) {
            m_options.on_framing_error(connection.remote.address);
        }
        Close(connection, "");
        return;
    }
    if (ready) WakeMessages();
}

void Connman::Impl::MarkConnected(Connection& connection)
{
    connection.connected = true;
    connection.connected_time = NowSeconds();
    connection.local = LocalEndpoint(bufferevent_getfd(connection.bev));
    m_logger.LogDebug(util::LogCategory::NET, "connected to " + connection.addr_name + " peer=" + std::to_string(connection.id));
    WakeMessages();
}

void Connman::Impl::OnEvent(Connection& connection, short events)
{
    if (events & BEV_EVENT_CONNECTED) {
        const int one = 1;
        setsockopt(bufferevent_getfd(connection.bev), IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        if (!connection.socks) return MarkConnected(connection);
        // Connected to the proxy: the SOCKS5 greeting goes first.
        const util::Bytes greeting = connection.socks->TakeOutput();
        bufferevent_write(connection.bev, greeting.data(), greeting.size());
        return;
    }
    if (events & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) {
        Close(connection, connection.connected ? "socket closed" : "connection failed");
    }
}

void Connman::Impl::OnOutputChanged(Connection& connection, const evbuffer_cb_info& info)
{
    // The proxy handshake's bytes are not P2P traffic.
    if (info.n_deleted == 0 || connection.socks) return;
    m_total_sent += info.n_deleted;
    m_upload.Record(info.n_deleted, NowSeconds());
    connection.bytes_sent += info.n_deleted;
    connection.last_send = NowSeconds();
    const bool was_full = connection.send_buffered > m_options.max_send_buffer;
    connection.send_buffered -= std::min<size_t>(connection.send_buffered, info.n_deleted);
    if (was_full && connection.send_buffered <= m_options.max_send_buffer) WakeMessages();
}

void Connman::Impl::Tick()
{
    const int64_t now = NowSeconds();
    for (auto& connection : Snapshot()) {
        if (!connection->bev) continue;
        if (!connection->connected) {
            if (now - connection->connected_time > m_options.handshake_timeout_seconds) Close(*connection, "connect timeout");
            continue;
        }
        if (!connection->handshake_done && now - connection->connected_time > m_options.handshake_timeout_seconds) {
            m_logger.Log(util::LogLevel::Info, "version handshake timeout, disconnecting peer=" + std::to_string(connection->id));
            Close(*connection, "");
            continue;
        }
        const int64_t last = std::min(connection->last_send.load(), connection->last_recv.load());
        if (now - std::max<int64_t>(last, connection->connected_time) > m_options.inactivity_timeout_seconds) {
            m_logger.Log(util::LogLevel::Info, "socket inactivity timeout, disconnecting peer=" + std::to_string(connection->id));
            Close(*connection, "");
        }
    }
}

void Connman::Impl::ReadThunk(bufferevent*, void* ctx)
{
    auto& connection = *static_cast<Connection*>(ctx);
    connection.owner->OnRead(connection);
}

void Connman::Impl::WriteThunk(bufferevent*, void* ctx)
{
    auto& connection = *static_cast<Connection*>(ctx);
    if (connection.close_when_flushed) connection.owner->Close(connection, "");
}

void Connman::Impl::EventThunk(bufferevent*, short events, void* ctx)
{
    auto& connection = *static_cast<Connection*>(ctx);
    connection.owner->OnEvent(connection, events);
}

void Connman::Impl::OutputThunk(evbuffer*, const evbuffer_cb_info* info, void* ctx)
{
    auto& connection = *static_cast<Connection*>(ctx);
    connection.owner->OnOutputChanged(connection, *info);
}

} // namespace net
