// Internal to net/: the connection manager's implementation class, shared by
// connman.cpp (any thread, the net thread) and connman_threads.cpp (the
// message and opencon threads, the public methods).
#ifndef UTXO_NET_CONNMAN_IMPL_H
#define UTXO_NET_CONNMAN_IMPL_H

#include <net/connection.h>
#include <net/connman.h>
#include <net/libevent.h>
#include <net/upload_target.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <event2/buffer.h>
#include <event2/bufferevent.h>

#include <unistd.h>

namespace net {

// A .onion name: reached only through the onion proxy, never looked up (a
// lookup would tell the resolver which hidden service we want).
inline bool IsOnionName(std::string_view host) { return host.ends_with(".onion"); }

class Connman::Impl {
public:
    Impl(ConnmanOptions options, MessageHandler& handler, ConnectionSource* source, util::Logger& logger,
         const util::Clock& clock)
        : m_options(std::move(options)), m_handler(handler), m_source(source), m_logger(logger), m_clock(clock),
          m_network_active(m_options.network_active), m_added_nodes(m_options.add_nodes)
    {
    }

    util::Result<void> Bind();
    void StartThreads();
    void Stop();

    // --- Any thread.
    bool Send(NodeId id, std::string_view command, util::ByteSpan payload);
    void Disconnect(NodeId id, std::string_view reason);
    void RequestConnection(const std::string& target, ConnectionType type);
    std::shared_ptr<Connection> Find(NodeId id) const;
    std::vector<std::shared_ptr<Connection>> Snapshot() const;
    void WakeMessages();
    // Other threads reach the loop through an eventfd, so libevent needs no
    // locking of its own (and no process-wide evthread setting shared with http/).
    void WakeNet()
    {
        const uint64_t one = 1;
        [[maybe_unused]] auto written = write(m_wake_fd, &one, sizeof(one));
    }
    int64_t NowSeconds() const { return m_clock.NowMicros() / 1'000'000; }

    ConnmanOptions m_options;
    MessageHandler& m_handler;
    ConnectionSource* m_source;
    util::Logger& m_logger;
    const util::Clock& m_clock;
    std::atomic<uint64_t> m_total_sent{0};
    UploadTarget m_upload{m_options.max_upload_target};
    std::atomic<uint64_t> m_total_recv{0};
    std::atomic<bool> m_network_active;

    mutable std::mutex m_mutex; // guards the members below it; before any Connection::mutex
    std::map<NodeId, std::shared_ptr<Connection>> m_connections;
    std::vector<std::shared_ptr<Connection>> m_closed; // for FinalizePeer
    std::vector<std::function<void()>> m_tasks;         // for the net thread
    std::vector<std::string> m_added_nodes;
    std::map<std::string, int64_t> m_last_attempt; // target -> micros
    std::set<std::string> m_pending;               // targets being resolved or connected
    uint64_t m_proxy_credentials_counter{0};       // net thread: -proxyrandomize's next credentials
    std::vector<std::pair<std::string, ConnectionType>> m_one_shots; // OpenConnection requests
    std::vector<Endpoint> m_bound;
    NodeId m_next_id{0};
    bool m_stopping{false};
    bool m_msg_wake{false};
    std::condition_variable m_msg_cv;
    std::condition_variable m_opencon_cv;

private:
    // --- Net thread.
    void RunTasks();
    void FlushSends();
    void Tick();
    void Accept(evutil_socket_t fd, const sockaddr* address);
    // Closes one inbound connection to make room; false when every one is protected.
    bool EvictInbound();
    // Connects to `endpoint`, or through the -proxy to `proxy_host` (a name or
    // an IP literal; the endpoint's address when empty) at the endpoint's port.
    void ConnectNow(const Endpoint& endpoint, const std::string& name, ConnectionType type,
                    const std::string& proxy_host = "");
    void MarkConnected(Connection& connection);
    // Moves the proxy handshake on with what was read; true once the peer's
    // bytes may follow, false while it goes on or after it failed (closed).
    bool AdvanceProxyHandshake(Connection& connection);
    // `address`: the peer's address when it is not the remote endpoint's (a .onion).
    std::shared_ptr<Connection> Register(bufferevent* bev, const Endpoint& remote, const std::string& name,
                                         ConnectionType type, bool connected,
                                         std::optional<Service> address = std::nullopt, bool proxied = false);
    void Close(Connection& connection, std::string_view reason);
    void OnRead(Connection& connection);
    void OnEvent(Connection& connection, short events);
    void OnOutputChanged(Connection& connection, const evbuffer_cb_info& info);

    // --- Message thread.
    void MessageLoop();
    bool ServePeer(Connection& connection);
    // --- Opencon thread.
    void OpenConnectionsLoop();
    // Resolves `target` and queues the connection; false when already pending or unresolvable.
    bool Connect(const std::string& target, ConnectionType type);
    void MaintainTargets(const std::vector<std::string>& targets, ConnectionType type);
    void FillAutomaticSlots();

    static void ReadThunk(bufferevent*, void* ctx);
    static void WriteThunk(bufferevent*, void* ctx);
    static void EventThunk(bufferevent*, short events, void* ctx);
    static void OutputThunk(evbuffer*, const evbuffer_cb_info* info, void* ctx);

    detail::EventBasePtr m_base;
    detail::EventPtr m_wake;
    int m_wake_fd{-1};
    detail::EventPtr m_timer;
    std::vector<detail::ListenerPtr> m_listeners;
    std::thread m_net_thread;
    std::thread m_msg_thread;
    std::thread m_opencon_thread;
};

} // namespace net

#endif // UTXO_NET_CONNMAN_IMPL_H
