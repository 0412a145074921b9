// The connection manager's message and opencon threads, and its public
// methods (see connman.h; the net thread is in connman.cpp).
#include <net/connman_impl.h>

#include <util/host_port.h>

#include <algorithm>
#include <chrono>

#include <netdb.h>
#include <sys/socket.h>

namespace net {
namespace {

// How often a configured peer that is not connected is tried again.
constexpr int64_t RECONNECT_INTERVAL_MICROS = 2'000'000;

// "host:port" to endpoints, numeric first, then a name lookup (blocking: the
// opencon thread only).
std::vector<Endpoint> Resolve(const std::string& target, uint16_t default_port)
{
    const auto split = util::SplitHostPort(target);
    if (!split) return {};
    const uint16_t port = split->port ? split->port : default_port;
    if (auto numeric = util::IpAddress::Parse(split->host)) return {Endpoint{*numeric, port}};
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(split->host.c_str(), nullptr, &hints, &found) != 0) return {};
    std::vector<Endpoint> out;
    for (addrinfo* at = found; at; at = at->ai_next) {
        if (auto ip = util::IpAddress::FromSockaddr(at->ai_addr)) out.push_back(Endpoint{*ip, port});
    }
    freeaddrinfo(found);
    return out;
}

} // namespace

// ---------------------------------------------------------------- message thread

bool Connman::Impl::ServePeer(Connection& connection)
{
    if (!connection.initialized) {
        connection.initialized = true;
        m_handler.InitializePeer(connection.Stats());
    }
    bool more = false;
    if (connection.send_buffered <= m_options.max_send_buffer && !connection.disconnect_requested) {
        std::optional<Message> message;
        bool resume_reading = false;
        {
            std::lock_guard lock(connection.mutex);
            if (!connection.received.empty()) {
                message = std::move(connection.received.front());
                connection.received.pop_front();
                connection.received_bytes -= message->wire_size;
                more = !connection.received.empty();
                if (connection.read_paused && connection.received_bytes <= m_options.max_receive_buffer) {
                    connection.read_paused = false;
                    resume_reading = true;
                }
            }
        }
        if (resume_reading) {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back([this, self = Find(connection.id)] {
                if (self && self->bev) bufferevent_enable(self->bev, EV_READ);
            });
            WakeNet();
        }
        if (message) m_handler.ProcessMessage(connection.id, *message);
    }
    if (!connection.disconnect_requested) m_handler.SendMessages(connection.id);
    return more;
}

void Connman::Impl::MessageLoop()
{
    while (true) {
        std::vector<std::shared_ptr<Connection>> closed;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) break;
            closed.swap(m_closed);
        }
        for (auto& connection : closed) {
            if (connection->initialized) m_handler.FinalizePeer(connection->id);
        }
        bool more = false;
        for (auto& connection : Snapshot()) {
            if (!connection->connected) continue;
            more |= ServePeer(*connection);
        }
        std::unique_lock lock(m_mutex);
        if (!more) m_msg_cv.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_msg_wake || m_stopping; });
        m_msg_wake = false;
    }
    // Peers still connected at shutdown are finalized too, so the handler's state is consistent.
    std::vector<std::shared_ptr<Connection>> all = Snapshot();
    {
        std::lock_guard lock(m_mutex);
        all.insert(all.end(), m_closed.begin(), m_closed.end());
        m_closed.clear();
    }
    for (auto& connection : all) {
        if (connection->initialized) m_handler.FinalizePeer(connection->id);
        connection->initialized = false;
    }
}

// ---------------------------------------------------------------- opencon thread

bool Connman::Impl::Connect(const std::string& target, ConnectionType type)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pending.count(target)) return false;
        m_pending.insert(target);
    }
    auto split = util::SplitHostPort(target);
    // Behind a proxy no lookup happens here: the proxy gets the name (or the
    // IP literal) as given; so does the onion proxy a .onion name.
    const bool onion = split && IsOnionName(split->host);
    if (onion ? m_options.onion_proxy.has_value() : m_options.proxy.has_value()) {
        std::lock_guard lock(m_mutex);
        if (!split || split->host.empty()) {
            m_logger.LogDebug(util::LogCategory::NET, "cannot parse " + target);
            m_pending.erase(target);
            return false;
        }
        const uint16_t port = split->port ? split->port : m_options.default_port;
        // A name's endpoint is unknown to us; it stays the unspecified address.
        Endpoint remote{util::IpAddress::Parse(split->host).value_or(util::IpAddress{}), port};
        m_tasks.push_back([this, remote, target, type, host = split->host] { ConnectNow(remote, target, type, host); });
        WakeNet();
        return true;
    }
    if (onion) {
        // Never looked up: that would tell the DNS resolver which hidden service we want.
        std::lock_guard lock(m_mutex);
        m_logger.Log(util::LogLevel::Info, "cannot connect to " + target + ": .onion addresses need -proxy or -onion");
        m_pending.erase(target);
        return false;
    }
    const auto endpoints = Resolve(target, m_options.default_port);
    std::lock_guard lock(m_mutex);
    if (endpoints.empty()) {
        m_logger.LogDebug(util::LogCategory::NET, "cannot resolve " + target);
        m_pending.erase(target);
        return false;
    }
    m_tasks.push_back([this, endpoint = endpoints.front(), target, type] { ConnectNow(endpoint, target, type); });
    WakeNet();
    return true;
}

void Connman::Impl::MaintainTargets(const std::vector<std::string>& targets, ConnectionType type)
{
    const int64_t now = m_clock.NowMicros();
    for (const std::string& target : targets) {
        bool connected = false;
        for (const auto& connection : Snapshot()) connected |= connection->addr_name == target;
        {
            std::lock_guard lock(m_mutex);
            if (connected) continue;
            auto& last = m_last_attempt[target];
            if (now - last < RECONNECT_INTERVAL_MICROS) continue;
            last = now;
        }
        Connect(target, type);
    }
}

void Connman::Impl::FillAutomaticSlots()
{
    if (!m_source) return;
    int full_relay = 0;
    int block_relay = 0;
    std::vector<Service> connected;
    for (const auto& connection : Snapshot()) {
        connected.push_back(connection->address);
        full_relay += connection->type == ConnectionType::OUTBOUND_FULL_RELAY;
        block_relay += connection->type == ConnectionType::BLOCK_RELAY;
    }
    {
        std::lock_guard lock(m_mutex);
        for (const auto& target : m_pending) {
            if (auto service = ParseService(target, m_options.default_port)) connected.push_back(*service);
        }
    }
    // Full-relay slots first, then the block-relay-only ones (eclipse resistance).
    ConnectionType type;
    if (full_relay < m_options.max_outbound_full_relay) {
        type = ConnectionType::OUTBOUND_FULL_RELAY;
    } else if (block_relay < m_options.max_block_relay) {
        type = ConnectionType::BLOCK_RELAY;
    } else {
        return;
    }
    if (auto candidate = m_source->NextOutboundCandidate(connected)) {
        const std::string name = candidate->ToString();
        // An IP address is dialled (or handed to -proxy); a .onion one only goes to the onion proxy.
        const auto ip = candidate->address.ToIp();
        if (!ip && !(candidate->address.IsTor() && m_options.onion_proxy)) return;
        const Endpoint endpoint{ip.value_or(util::IpAddress{}), candidate->port};
        const std::string proxy_host = ip ? "" : candidate->address.ToString();
        std::lock_guard lock(m_mutex);
        if (m_pending.count(name)) return;
        m_pending.insert(name);
        m_tasks.push_back([this, endpoint, name, type, proxy_host] { ConnectNow(endpoint, name, type, proxy_host); });
        WakeNet();
    }
}

void Connman::Impl::OpenConnectionsLoop()
{
    std::set<std::string> seeds_done;
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            if (m_opencon_cv.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stopping || !m_one_shots.empty(); }) &&
                m_stopping) {
                break;
            }
        }
        std::vector<std::pair<std::string, ConnectionType>> one_shots;
        {
            std::lock_guard lock(m_mutex);
            one_shots.swap(m_one_shots);
        }
        for (const auto& [target, type] : one_shots) Connect(target, type);
        if (!m_network_active) continue;
        if (!m_options.connect.empty()) {
            MaintainTargets(m_options.connect, ConnectionType::MANUAL);
            continue;
        }
        std::vector<std::string> added;
        {
            std::lock_guard lock(m_mutex);
            added = m_added_nodes;
        }
        MaintainTargets(added, ConnectionType::MANUAL);
        for (const std::string& seed : m_options.seed_nodes) {
            if (seeds_done.insert(seed).second) Connect(seed, ConnectionType::ADDR_FETCH);
        }
        FillAutomaticSlots();
    }
}

// ---------------------------------------------------------------- Connman

Connman::Connman(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Connman::~Connman() { m_impl->Stop(); }

util::Result<std::unique_ptr<Connman>> Connman::Start(ConnmanOptions options, MessageHandler& handler,
                                                       ConnectionSource* source, util::Logger& logger,
                                                       const util::Clock& clock)
{
    auto impl = std::make_unique<Impl>(std::move(options), handler, source, logger, clock);
    if (auto bound = impl->Bind(); !bound) {
        impl->Stop();
        return util::Error{bound.error()};
    }
    impl->StartThreads();
    return std::unique_ptr<Connman>(new Connman(std::move(impl)));
}

bool Connman::Send(NodeId peer, std::string_view command, util::ByteSpan payload)
{
    return m_impl->Send(peer, command, payload);
}

void Connman::Disconnect(NodeId peer, std::string_view reason) { m_impl->Disconnect(peer, reason); }

void Connman::OpenConnection(const std::string& target, ConnectionType type) { m_impl->RequestConnection(target, type); }

std::optional<Endpoint> Connman::Proxy() const { return m_impl->m_options.proxy; }

std::optional<Endpoint> Connman::OnionProxy() const { return m_impl->m_options.onion_proxy; }

bool Connman::ProxyRandomize() const { return m_impl->m_options.proxy_randomize; }

bool Connman::AddNode(const std::string& target)
{
    std::lock_guard lock(m_impl->m_mutex);
    auto& nodes = m_impl->m_added_nodes;
    if (std::find(nodes.begin(), nodes.end(), target) != nodes.end()) return false;
    nodes.push_back(target);
    m_impl->m_last_attempt.erase(target);
    return true;
}

bool Connman::RemoveAddedNode(const std::string& target)
{
    std::lock_guard lock(m_impl->m_mutex);
    auto& nodes = m_impl->m_added_nodes;
    const auto it = std::find(nodes.begin(), nodes.end(), target);
    if (it == nodes.end()) return false;
    nodes.erase(it);
    return true;
}

std::vector<std::string> Connman::AddedNodes() const
{
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->m_added_nodes;
}

void Connman::SetEvictionInfo(NodeId peer, int64_t min_ping_micros, int64_t last_block_time, bool relays_txs)
{
    if (auto connection = m_impl->Find(peer)) {
        connection->min_ping_micros = min_ping_micros;
        connection->last_block_time = last_block_time;
        connection->relays_txs = relays_txs;
    }
}

void Connman::MarkHandshakeDone(NodeId peer)
{
    if (auto connection = m_impl->Find(peer)) connection->handshake_done = true;
}

bool Connman::PeerSendBufferFull(NodeId peer) const
{
    auto connection = m_impl->Find(peer);
    return connection && connection->send_buffered > m_impl->m_options.max_send_buffer;
}

std::vector<ConnectionStats> Connman::Stats() const
{
    std::vector<ConnectionStats> out;
    for (const auto& connection : m_impl->Snapshot()) {
        if (connection->connected) out.push_back(connection->Stats());
    }
    return out;
}

std::optional<ConnectionStats> Connman::StatsOf(NodeId peer) const
{
    auto connection = m_impl->Find(peer);
    if (!connection) return std::nullopt;
    return connection->Stats();
}

size_t Connman::ConnectionCount(std::optional<bool> inbound) const
{
    size_t count = 0;
    for (const auto& connection : m_impl->Snapshot()) {
        if (!connection->connected) continue;
        if (!inbound || *inbound == (connection->type == ConnectionType::INBOUND)) ++count;
    }
    return count;
}

uint64_t Connman::TotalBytesSent() const { return m_impl->m_total_sent; }
uint64_t Connman::TotalBytesRecv() const { return m_impl->m_total_recv; }
UploadTarget::Status Connman::UploadStatus() const { return m_impl->m_upload.Get(m_impl->NowSeconds()); }
bool Connman::UploadTargetReached(bool historical) const
{
    return m_impl->m_upload.Reached(historical, m_impl->NowSeconds());
}
bool Connman::NetworkActive() const { return m_impl->m_network_active; }

std::vector<Endpoint> Connman::ListenEndpoints() const
{
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->m_bound;
}

void Connman::SetNetworkActive(bool active)
{
    if (m_impl->m_network_active.exchange(active) == active) return;
    m_impl->m_logger.Log(util::LogLevel::Info, std::string("SetNetworkActive: ") + (active ? "true" : "false"));
    if (!active) {
        for (const auto& connection : m_impl->Snapshot()) m_impl->Disconnect(connection->id, "network disabled");
    }
}

void Connman::WakeMessageHandler() { m_impl->WakeMessages(); }

} // namespace net
