// The connection manager over loopback: messages reach the handler in order,
// what the handler sends reaches the socket, framing errors end the
// connection (and only it), outbound connections to a second manager, and
// the inbound limit.
#include <net/connman.h>

#include <util/logging.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const net::NetMagic MAGIC{0xfa, 0xbf, 0xb5, 0xda};

// Records what the manager hands it; echoes "ping" payloads back as "pong".
class RecordingHandler final : public net::MessageHandler {
public:
    net::Connman* connman{nullptr};

    void InitializePeer(const net::ConnectionStats& peer) override
    {
        std::lock_guard lock(m_mutex);
        m_initialized.push_back(peer.id);
        m_types.push_back(peer.type);
        m_cv.notify_all();
    }
    void ProcessMessage(net::NodeId peer, net::Message& message) override
    {
        {
            // Recorded before the reply goes out, so a test that saw the reply finds the record.
            std::lock_guard lock(m_mutex);
            m_messages.push_back(message.command);
            m_cv.notify_all();
        }
        if (message.command == "ping") connman->Send(peer, "pong", message.payload);
    }
    void SendMessages(net::NodeId) override {}
    void FinalizePeer(net::NodeId peer) override
    {
        std::lock_guard lock(m_mutex);
        m_finalized.push_back(peer);
        m_cv.notify_all();
    }

    // Waits (bounded, against hangs only) until `done` holds.
    template <typename Pred>
    bool WaitFor(Pred done)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, std::chrono::seconds(30), [&] { return done(*this); });
    }

    std::vector<net::NodeId> m_initialized;
    std::vector<net::ConnectionType> m_types;
    std::vector<std::string> m_messages;
    std::vector<net::NodeId> m_finalized;

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

struct Fixture {
    util::SystemClock clock;
    util::Logger logger{clock};
    RecordingHandler handler;
    std::unique_ptr<net::Connman> connman;
    std::atomic<int> framing_errors{0};

    explicit Fixture(int max_connections = 125)
    {
        net::ConnmanOptions options;
        options.magic = MAGIC;
        options.on_framing_error = [this](const util::IpAddress&) { ++framing_errors; };
        options.listen.push_back({*util::IpAddress::Parse("127.0.0.1"), 0});
        options.max_connections = max_connections;
        auto started = net::Connman::Start(options, handler, nullptr, logger, clock);
        BOOST_REQUIRE(started);
        connman = std::move(*started);
        handler.connman = connman.get();
    }
    uint16_t Port() const { return connman->ListenEndpoints().at(0).port; }
};

// A plain blocking socket to the manager.
class Client {
public:
    explicit Client(uint16_t port)
    {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        BOOST_REQUIRE(connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
        timeval timeout{30, 0};
        setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    }
    ~Client() { close(m_fd); }
    void Write(const util::Bytes& bytes) { BOOST_REQUIRE(write(m_fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size())); }
    // Reads until `size` bytes or the end of the stream.
    util::Bytes Read(size_t size)
    {
        util::Bytes out(size);
        size_t got = 0;
        while (got < size) {
            const ssize_t n = read(m_fd, out.data() + got, size - got);
            if (n <= 0) break;
            got += static_cast<size_t>(n);
        }
        out.resize(got);
        return out;
    }
    // True when the peer closed the connection.
    bool ClosedByPeer()
    {
        uint8_t byte;
        return read(m_fd, &byte, 1) == 0;
    }

private:
    int m_fd{-1};
};

} // namespace

BOOST_AUTO_TEST_SUITE(connman_tests)

BOOST_AUTO_TEST_CASE(messages_in_order_and_replies_out)
{
    Fixture f;
    Client client(f.Port());
    BOOST_REQUIRE(f.handler.WaitFor([](auto& h) { return h.m_initialized.size() == 1; }));
    BOOST_CHECK(f.handler.m_types[0] == net::ConnectionType::INBOUND);
    util::Bytes stream;
    for (const char* command : {"version", "verack", "ping"}) {
        const auto framed = net::FrameMessage(MAGIC, command, util::Bytes{1, 2, 3, 4, 5, 6, 7, 8});
        stream.insert(stream.end(), framed.begin(), framed.end());
    }
    client.Write(stream);
    BOOST_REQUIRE(f.handler.WaitFor([](auto& h) { return h.m_messages.size() == 3; }));
    BOOST_CHECK((f.handler.m_messages == std::vector<std::string>{"version", "verack", "ping"}));
    const auto reply = client.Read(net::MESSAGE_HEADER_SIZE + 8);
    BOOST_CHECK(reply == net::FrameMessage(MAGIC, "pong", util::Bytes{1, 2, 3, 4, 5, 6, 7, 8}));

    const auto stats = f.connman->Stats();
    BOOST_REQUIRE_EQUAL(stats.size(), 1u);
    BOOST_CHECK_EQUAL(stats[0].bytes_recv, stream.size());
    BOOST_CHECK_EQUAL(stats[0].bytes_recv_per_msg.at("ping"), net::MESSAGE_HEADER_SIZE + 8);
    BOOST_CHECK_EQUAL(stats[0].bytes_sent_per_msg.at("pong"), net::MESSAGE_HEADER_SIZE + 8);
    BOOST_CHECK_EQUAL(stats[0].remote.address.ToString(), "127.0.0.1");
    BOOST_CHECK_EQUAL(f.connman->ConnectionCount(true), 1u);
    BOOST_CHECK_EQUAL(f.connman->ConnectionCount(false), 0u);
}

BOOST_AUTO_TEST_CASE(framing_errors_close_only_that_connection)
{
    Fixture f;
    Client good(f.Port());
    BOOST_REQUIRE(f.handler.WaitFor([](auto& h) { return h.m_initialized.size() == 1; }));
    for (int error = 0; error < 3; ++error) {
        Client bad(f.Port());
        util::Bytes bytes = net::FrameMessage(MAGIC, "ping", util::Bytes(8, 1));
        if (error == 0) bytes[0] ^= 1;        // magic
        if (error == 1) bytes[20] ^= 1;       // checksum
        if (error == 2) bytes[19] = 0xff;     // length far above the limit
        bad.Write(bytes);
        BOOST_CHECK_MESSAGE(bad.ClosedByPeer(), "error case " << error);
    }
    // (A connection may close before the handler ever saw it: count connections, not finalizations.)
    for (int i = 0; i < 300 && f.connman->ConnectionCount() != 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    BOOST_CHECK_EQUAL(f.connman->ConnectionCount(), 1u);
    // Each was reported, so the node can discourage the address.
    BOOST_CHECK_EQUAL(f.framing_errors.load(), 3);
    // The good connection still works.
    good.Write(net::FrameMessage(MAGIC, "ping", util::Bytes(8, 9)));
    BOOST_CHECK(good.Read(net::MESSAGE_HEADER_SIZE + 8) == net::FrameMessage(MAGIC, "pong", util::Bytes(8, 9)));
    BOOST_CHECK(f.handler.WaitFor([](auto& h) {
        return std::find(h.m_messages.begin(), h.m_messages.end(), "ping") != h.m_messages.end();
    }));
}

BOOST_AUTO_TEST_CASE(outbound_to_another_manager_and_disconnect)
{
    Fixture server;
    Fixture client;
    client.connman->OpenConnection("127.0.0.1:" + std::to_string(server.Port()), net::ConnectionType::MANUAL);
    BOOST_REQUIRE(client.handler.WaitFor([](auto& h) { return h.m_initialized.size() == 1; }));
    BOOST_CHECK(client.handler.m_types[0] == net::ConnectionType::MANUAL);
    BOOST_REQUIRE(server.handler.WaitFor([](auto& h) { return h.m_initialized.size() == 1; }));
    const net::NodeId id = client.handler.m_initialized[0];
    BOOST_CHECK(client.connman->Send(id, "ping", util::Bytes(8, 3)));
    BOOST_REQUIRE(client.handler.WaitFor([](auto& h) { return h.m_messages.size() == 1; }));
    BOOST_CHECK_EQUAL(client.handler.m_messages[0], "pong");
    const auto stats = client.connman->StatsOf(id);
    BOOST_REQUIRE(stats);
    BOOST_CHECK_EQUAL(stats->remote.port, server.Port());
    BOOST_CHECK_EQUAL(stats->addr_name, "127.0.0.1:" + std::to_string(server.Port()));

    client.connman->Disconnect(id, "test");
    BOOST_REQUIRE(client.handler.WaitFor([](auto& h) { return h.m_finalized.size() == 1; }));
    BOOST_REQUIRE(server.handler.WaitFor([](auto& h) { return h.m_finalized.size() == 1; }));
    BOOST_CHECK(!client.connman->Send(id, "ping", util::Bytes(8, 3)));
}

BOOST_AUTO_TEST_CASE(inbound_limit_and_eviction)
{
    {
        // 12 connections, 8 + 2 + 1 kept for outbound: one inbound slot, and
        // its only holder is protected (it has a ping slot): the newcomer is refused.
        Fixture f(12);
        Client first(f.Port());
        BOOST_REQUIRE(f.handler.WaitFor([](auto& h) { return h.m_initialized.size() == 1; }));
        Client second(f.Port());
        BOOST_CHECK(second.ClosedByPeer());
        BOOST_CHECK_EQUAL(f.connman->ConnectionCount(true), 1u);
    }
    // Ten inbound slots, all from 127.0.0.1: the eleventh gets in and the
    // newest unprotected peer makes room.
    Fixture f(21);
    std::vector<std::unique_ptr<Client>> clients;
    for (size_t i = 0; i < 10; ++i) {
        clients.push_back(std::make_unique<Client>(f.Port()));
        BOOST_REQUIRE(f.handler.WaitFor([&](auto& h) { return h.m_initialized.size() == i + 1; }));
    }
    Client eleventh(f.Port());
    const bool done = f.handler.WaitFor([](auto& h) { return h.m_initialized.size() == 11 && h.m_finalized.size() == 1; });
    BOOST_REQUIRE_MESSAGE(done, f.handler.m_initialized.size() << " initialized, " << f.handler.m_finalized.size() << " finalized");
    BOOST_CHECK_EQUAL(f.connman->ConnectionCount(true), 10u);
}

BOOST_AUTO_TEST_CASE(bind_failure_is_an_error)
{
    Fixture f;
    util::SystemClock clock;
    util::Logger logger(clock);
    RecordingHandler handler;
    net::ConnmanOptions options;
    options.magic = MAGIC;
    options.listen.push_back({*util::IpAddress::Parse("127.0.0.1"), f.Port()});
    auto second = net::Connman::Start(options, handler, nullptr, logger, clock);
    BOOST_REQUIRE(!second);
    BOOST_CHECK(second.error().starts_with("Unable to bind to 127.0.0.1:" + std::to_string(f.Port())));
}

BOOST_AUTO_TEST_SUITE_END()
