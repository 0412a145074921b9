// The HTTP server end to end, over real sockets on 127.0.0.1 with a tiny
// blocking client that speaks raw HTTP/1.1. Ordering between client and
// server is forced with explicit signals (a gate in the handler, the
// server's own log lines), never with sleeps; the long timeouts below only
// turn a hang into a failure.
#include <http/server.h>
#include <util/clock.h>
#include <util/logging.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using http::Request;
using http::Server;
using http::ServerOptions;

namespace {

constexpr auto GUARD_TIMEOUT = std::chrono::seconds(60);

struct HttpResponse {
    int status{0};
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    std::optional<std::string> Header(std::string_view name) const
    {
        for (const auto& [key, value] : headers) {
            if (strcasecmp(key.c_str(), std::string(name).c_str()) == 0) return value;
        }
        return std::nullopt;
    }
};

// One TCP connection to the server; reads whole responses (Content-Length
// framed, or up to EOF when there is none).
class TestClient {
public:
    explicit TestClient(uint16_t port, bool ipv6 = false)
    {
        m_fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        BOOST_REQUIRE(m_fd >= 0);
        timeval guard{static_cast<time_t>(GUARD_TIMEOUT.count()), 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof(guard));
        sockaddr_storage storage{};
        socklen_t length;
        if (ipv6) {
            auto* address = reinterpret_cast<sockaddr_in6*>(&storage);
            address->sin6_family = AF_INET6;
            address->sin6_port = htons(port);
            ::inet_pton(AF_INET6, "::1", &address->sin6_addr);
            length = sizeof(*address);
        } else {
            auto* address = reinterpret_cast<sockaddr_in*>(&storage);
            address->sin_family = AF_INET;
            address->sin_port = htons(port);
            ::inet_pton(AF_INET, "127.0.0.1", &address->sin_addr);
            length = sizeof(*address);
        }
        BOOST_REQUIRE(::connect(m_fd, reinterpret_cast<sockaddr*>(&storage), length) == 0);
    }
    ~TestClient() { Close(); }
    TestClient(const TestClient&) = delete;
    TestClient& operator=(const TestClient&) = delete;

    void Send(std::string_view data)
    {
        while (!data.empty()) {
            const ssize_t sent = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
            BOOST_REQUIRE(sent > 0);
            data.remove_prefix(static_cast<size_t>(sent));
        }
    }

    // `is_head`: the response to a HEAD request, which has no body whatever its Content-Length.
    std::optional<HttpResponse> Read(bool is_head = false)
    {
        size_t header_end;
        while ((header_end = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!Fill()) return std::nullopt;
        }
        HttpResponse response;
        std::string_view head(m_buffer.data(), header_end);
        const size_t line_end = head.find("\r\n");
        const std::string_view status_line = head.substr(0, line_end);
        if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12) return std::nullopt;
        response.status = std::stoi(std::string(status_line.substr(9, 3)));
        if (line_end != std::string_view::npos) {
            std::string_view rest = head.substr(line_end + 2);
            while (!rest.empty()) {
                const size_t end = std::min(rest.find("\r\n"), rest.size());
                const std::string_view line = rest.substr(0, end);
                const size_t colon = line.find(':');
                if (colon != std::string_view::npos) {
                    std::string_view value = line.substr(colon + 1);
                    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
                    response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
                }
                rest.remove_prefix(std::min(end + 2, rest.size()));
            }
        }
        m_buffer.erase(0, header_end + 4);
        if (is_head) return response;
        if (const auto length = response.Header("Content-Length")) {
            const size_t want = std::stoul(*length);
            while (m_buffer.size() < want) {
                if (!Fill()) return std::nullopt;
            }
            response.body = m_buffer.substr(0, want);
            m_buffer.erase(0, want);
        } else {
            while (Fill()) {}
            response.body = std::move(m_buffer);
            m_buffer.clear();
        }
        return response;
    }

    // True when the server has closed the connection (nothing more to read).
    bool AtEof() { return m_buffer.empty() && !Fill(); }

    std::optional<HttpResponse> Request(std::string_view text)
    {
        Send(text);
        return Read();
    }

    void Close()
    {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
    }

private:
    bool Fill()
    {
        char chunk[4096];
        const ssize_t got = ::recv(m_fd, chunk, sizeof(chunk), 0);
        if (got <= 0) return false;
        m_buffer.append(chunk, static_cast<size_t>(got));
        return true;
    }

    int m_fd{-1};
    std::string m_buffer;
};

std::string Post(std::string_view path, std::string_view body, std::string_view extra_headers = "")
{
    return "POST " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n" +
           std::string(extra_headers) + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
           std::string(body);
}

std::string Get(std::string_view path) { return "GET " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"; }

// Collects log lines and lets a test wait for one to appear.
class LogCapture {
public:
    LogCapture() : m_logger(m_clock)
    {
        m_logger.EnableCategory("http");
        m_logger.AddSink([this](std::string_view line) {
            {
                std::lock_guard lock(m_mutex);
                m_lines.emplace_back(line);
            }
            m_cv.notify_all();
        });
    }
    util::Logger& Logger() { return m_logger; }

    size_t Count(std::string_view needle)
    {
        std::lock_guard lock(m_mutex);
        return CountLocked(needle);
    }
    // Waits until `count` lines contain `needle`.
    bool WaitFor(std::string_view needle, size_t count = 1)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, GUARD_TIMEOUT, [&] { return CountLocked(needle) >= count; });
    }

private:
    size_t CountLocked(std::string_view needle) const
    {
        size_t n = 0;
        for (const auto& line : m_lines) n += line.find(needle) != std::string::npos;
        return n;
    }

    util::SystemClock m_clock;
    util::Logger m_logger;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<std::string> m_lines;
};

// Holds handlers inside until the test opens it; counts who came in.
class Gate {
public:
    void Enter()
    {
        std::unique_lock lock(m_mutex);
        ++m_entered;
        m_cv.notify_all();
        m_cv.wait(lock, [&] { return m_open; });
    }
    bool WaitEntered(int count)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, GUARD_TIMEOUT, [&] { return m_entered >= count; });
    }
    void Open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_entered{0};
    bool m_open{false};
};

ServerOptions LocalOptions()
{
    ServerOptions options;
    options.bind = {{"127.0.0.1", 0}};
    options.allowed = {*util::Subnet::Parse("127.0.0.0/8")};
    options.worker_threads = 2;
    return options;
}

struct ServerFixture {
    LogCapture log;
    std::unique_ptr<Server> server;
    uint16_t port{0};

    void Start(ServerOptions options = LocalOptions(), std::vector<http::Route> routes = {})
    {
        auto started = Server::Start(std::move(options), log.Logger(), std::move(routes));
        BOOST_REQUIRE_MESSAGE(started, (started ? std::string() : started.error()));
        server = std::move(started.value());
        const auto bound = server->BoundEndpoints();
        BOOST_REQUIRE_EQUAL(bound.size(), 1u);
        BOOST_CHECK_EQUAL(bound[0].host, "127.0.0.1");
        port = bound[0].port;
        BOOST_REQUIRE(port != 0);
    }
    ~ServerFixture()
    {
        if (server) server->Stop();
    }
};

void EchoHandler(Request& request)
{
    request.AddHeader("Content-Type", "text/plain");
    request.AddHeader("X-Method", std::string(http::MethodName(request.GetMethod())));
    request.AddHeader("X-Uri", std::string(request.Uri()));
    request.AddHeader("X-Rest", std::string(request.UriAfterPrefix()));
    request.AddHeader("X-Peer", request.PeerAddress());
    request.AddHeader("X-Content-Type", request.Header("cOnTeNt-TyPe").value_or("none"));
    request.Reply(200, "echo:" + request.Body());
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(server_tests, ServerFixture)

BOOST_AUTO_TEST_CASE(handler_reply)
{
    Start();
    server->AddHandler("/", true, EchoHandler);
    TestClient client(port);
    const auto response = client.Request(Post("/", "hello"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK_EQUAL(response->body, "echo:hello");
    BOOST_CHECK_EQUAL(response->Header("X-Method").value_or(""), "POST");
    BOOST_CHECK_EQUAL(response->Header("X-Uri").value_or(""), "/");
    BOOST_CHECK_EQUAL(response->Header("X-Content-Type").value_or(""), "text/plain");
    BOOST_CHECK_EQUAL(response->Header("Content-Type").value_or(""), "text/plain");
    const std::string peer = response->Header("X-Peer").value_or("");
    BOOST_CHECK(peer.starts_with("127.0.0.1:"));
    // Core's debug line for every request.
    BOOST_CHECK(log.WaitFor("[http] Received a POST request for / from " + peer));
}

BOOST_AUTO_TEST_CASE(routes_given_at_start)
{
    // Registered before the loop runs: the very first request finds them.
    Start(LocalOptions(), {{"/", true, EchoHandler}, {"/wallet/", false, EchoHandler}});
    TestClient client(port);
    const auto root = client.Request(Post("/", "a"));
    BOOST_REQUIRE(root);
    BOOST_CHECK_EQUAL(root->status, 200);
    const auto wallet = client.Request(Post("/wallet/w1", "b"));
    BOOST_REQUIRE(wallet);
    BOOST_CHECK_EQUAL(wallet->status, 200);
    BOOST_CHECK_EQUAL(wallet->Header("X-Rest").value_or(""), "w1");
    const auto other = client.Request(Post("/other", "c"));
    BOOST_REQUIRE(other);
    BOOST_CHECK_EQUAL(other->status, 404);
}

BOOST_AUTO_TEST_CASE(keep_alive)
{
    Start();
    server->AddHandler("/", true, EchoHandler);
    TestClient client(port);
    std::string first_peer;
    for (int i = 0; i < 3; ++i) {
        const auto response = client.Request(Post("/", "n" + std::to_string(i)));
        BOOST_REQUIRE(response);
        BOOST_CHECK_EQUAL(response->status, 200);
        BOOST_CHECK_EQUAL(response->body, "echo:n" + std::to_string(i));
        BOOST_CHECK(response->Header("Connection").value_or("") != "close");
        const std::string peer = response->Header("X-Peer").value_or("");
        if (i == 0) first_peer = peer;
        BOOST_CHECK_EQUAL(peer, first_peer); // same connection: same source port
    }
    // Asking for close is honoured.
    const auto last = client.Request(Post("/", "bye", "Connection: close\r\n"));
    BOOST_REQUIRE(last);
    BOOST_CHECK_EQUAL(last->Header("Connection").value_or(""), "close");
    BOOST_CHECK(client.AtEof());
}

BOOST_AUTO_TEST_CASE(http_1_0_closes)
{
    Start();
    server->AddHandler("/", true, EchoHandler);
    TestClient client(port);
    const auto response = client.Request("GET / HTTP/1.0\r\n\r\n");
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK_EQUAL(response->body, "echo:");
    BOOST_CHECK(client.AtEof()); // no keep-alive asked for
}

BOOST_AUTO_TEST_CASE(ipv6_loopback)
{
    ServerOptions options = LocalOptions();
    options.bind = {{"::1", 0}};
    options.allowed = {*util::Subnet::Parse("::1")};
    auto started = Server::Start(options, log.Logger());
    if (!started) {
        BOOST_TEST_MESSAGE("no IPv6 loopback here; skipped: " << started.error());
        return;
    }
    server = std::move(started.value());
    const auto bound = server->BoundEndpoints();
    BOOST_REQUIRE_EQUAL(bound.size(), 1u);
    BOOST_CHECK_EQUAL(bound[0].host, "::1");
    server->AddHandler("/", true, EchoHandler);
    TestClient client(bound[0].port, /*ipv6=*/true);
    const auto response = client.Request(Post("/", "six"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK(response->Header("X-Peer").value_or("").starts_with("[::1]:"));
}

BOOST_AUTO_TEST_CASE(routing)
{
    Start();
    server->AddHandler("/", true, EchoHandler);
    server->AddHandler("/rest/", false, EchoHandler);
    TestClient client(port);

    auto response = client.Request(Post("/nosuch", ""));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 404);
    // An exact handler does not take longer paths, nor a query string (Core matches the whole target).
    response = client.Request(Post("/?x=1", ""));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 404);

    response = client.Request(Get("/rest/tx/abcd.json?x=1"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK_EQUAL(response->Header("X-Method").value_or(""), "GET");
    BOOST_CHECK_EQUAL(response->Header("X-Uri").value_or(""), "/rest/tx/abcd.json?x=1");
    BOOST_CHECK_EQUAL(response->Header("X-Rest").value_or(""), "tx/abcd.json?x=1");

    // HEAD: no body, but its length.
    client.Send("HEAD /rest/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    response = client.Read(/*is_head=*/true);
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK_EQUAL(response->Header("Content-Length").value_or(""), "5"); // "echo:"
    BOOST_CHECK_EQUAL(response->body, "");
    // ...and the connection is still in step for the next request.
    response = client.Request(Post("/", "after head"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->body, "echo:after head");

    server->RemoveHandler("/rest/");
    response = client.Request(Get("/rest/tx/abcd.json"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 404);
}

BOOST_AUTO_TEST_CASE(forbidden_peer)
{
    ServerOptions options = LocalOptions();
    options.allowed = {*util::Subnet::Parse("10.0.0.0/8")};
    Start(options);
    server->AddHandler("/", true, EchoHandler);
    TestClient client(port);
    const auto response = client.Request(Post("/", "hello"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 403);
    BOOST_CHECK_EQUAL(response->body, "");
    BOOST_CHECK(log.WaitFor("rejected: Client network is not allowed RPC access"));
}

BOOST_AUTO_TEST_CASE(limits)
{
    ServerOptions options = LocalOptions();
    options.max_body_bytes = 16;
    options.max_header_bytes = 512;
    Start(options);
    server->AddHandler("/", true, EchoHandler);
    {
        TestClient client(port);
        const auto ok = client.Request(Post("/", std::string(16, 'a')));
        BOOST_REQUIRE(ok);
        BOOST_CHECK_EQUAL(ok->status, 200);
        const auto too_big = client.Request(Post("/", std::string(17, 'a')));
        BOOST_REQUIRE(too_big);
        BOOST_CHECK_EQUAL(too_big->status, 413);
    }
    {
        TestClient client(port);
        const auto big_headers = client.Request(Post("/", "x", "X-Padding: " + std::string(600, 'p') + "\r\n"));
        BOOST_REQUIRE(big_headers);
        BOOST_CHECK_EQUAL(big_headers->status, 400);
    }
    {
        // Methods outside GET/POST/HEAD/PUT are refused before any handler runs.
        TestClient client(port);
        const auto response = client.Request("DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        BOOST_REQUIRE(response);
        BOOST_CHECK_EQUAL(response->status, 501); // libevent: Not Implemented
    }
}

BOOST_AUTO_TEST_CASE(work_queue_full)
{
    ServerOptions options = LocalOptions();
    options.worker_threads = 1;
    options.work_queue_depth = 1;
    Start(options);
    Gate gate;
    server->AddHandler("/block", true, [&](Request& request) {
        gate.Enter();
        request.Reply(200, "done");
    });

    TestClient first(port);
    first.Send(Post("/block", "1"));
    BOOST_REQUIRE(gate.WaitEntered(1)); // the only worker is busy
    TestClient second(port);
    second.Send(Post("/block", "2"));
    // The loop logs before queueing, in the same callback: once the line is
    // there, the request is queued before the loop reads anything else.
    BOOST_REQUIRE(log.WaitFor("Received a POST request for /block", 2));
    TestClient third(port);
    const auto rejected = third.Request(Post("/block", "3"));
    BOOST_REQUIRE(rejected);
    BOOST_CHECK_EQUAL(rejected->status, 503);
    BOOST_CHECK_EQUAL(rejected->body, "Work queue depth exceeded");
    BOOST_CHECK(log.WaitFor("[warning] request rejected because http work queue depth exceeded, it can be "
                            "increased with the -rpcworkqueue= setting"));

    gate.Open();
    for (TestClient* client : {&first, &second}) {
        const auto response = client->Read();
        BOOST_REQUIRE(response);
        BOOST_CHECK_EQUAL(response->status, 200);
        BOOST_CHECK_EQUAL(response->body, "done");
    }
    server->Stop(); // joins the workers while the gate they used still exists
}

BOOST_AUTO_TEST_CASE(interrupt_rejects_new_requests)
{
    Start();
    server->AddHandler("/", true, EchoHandler);
    TestClient client(port);
    auto response = client.Request(Post("/", "before"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);

    server->Interrupt();
    server->Interrupt(); // idempotent
    response = client.Request(Post("/", "after"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 503);
    BOOST_CHECK_EQUAL(response->Header("Connection").value_or(""), "close");
    BOOST_CHECK(client.AtEof());

    TestClient fresh(port);
    response = fresh.Request(Post("/", "after"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 503);
}

BOOST_AUTO_TEST_CASE(stop_waits_for_a_running_handler)
{
    Start();
    Gate gate;
    server->AddHandler("/block", true, [&](Request& request) {
        gate.Enter();
        request.Reply(200, "finished");
    });
    server->AddHandler("/", true, EchoHandler);
    TestClient busy(port);
    busy.Send(Post("/block", ""));
    BOOST_REQUIRE(gate.WaitEntered(1));
    TestClient idle(port); // an idle keep-alive connection must not hold up Stop
    const auto idle_response = idle.Request(Post("/", "x"));
    BOOST_REQUIRE(idle_response);

    std::thread stopper([&] { server->Stop(); });
    gate.Open();
    stopper.join();

    // The running request was answered before the sockets closed.
    const auto response = busy.Read();
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK_EQUAL(response->body, "finished");
    BOOST_CHECK(busy.AtEof());
    BOOST_CHECK(idle.AtEof());

    server->Stop(); // idempotent
    server.reset(); // and the destructor after Stop
}

BOOST_AUTO_TEST_CASE(unhandled_request_gets_500)
{
    Start();
    server->AddHandler("/silent", true, [](Request&) {});
    server->AddHandler("/throws", true, [](Request&) { throw std::runtime_error("boom"); });
    server->AddHandler("/twice", true, [](Request& request) {
        request.Reply(201, "first");
        request.Reply(202, "second");
    });
    TestClient client(port);
    auto response = client.Request(Post("/silent", ""));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 500);
    BOOST_CHECK_EQUAL(response->body, "Unhandled request");
    BOOST_CHECK(log.WaitFor("Unhandled HTTP request for /silent"));

    response = client.Request(Post("/throws", ""));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 500);
    BOOST_CHECK(log.WaitFor("HTTP handler threw: boom"));

    response = client.Request(Post("/twice", ""));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 201);
    BOOST_CHECK_EQUAL(response->body, "first");
    BOOST_CHECK(log.WaitFor("Second reply to HTTP request for /twice ignored"));
}

BOOST_AUTO_TEST_CASE(client_gone_before_reply)
{
    Start();
    Gate gate;
    server->AddHandler("/block", true, [&](Request& request) {
        gate.Enter();
        request.Reply(200, std::string(4 << 20, 'z')); // more than one socket write
    });
    server->AddHandler("/", true, EchoHandler);
    {
        TestClient leaving(port);
        leaving.Send(Post("/block", ""));
        BOOST_REQUIRE(gate.WaitEntered(1));
    } // hangs up while the handler runs
    gate.Open();
    // The server is still healthy, and the late reply went nowhere.
    TestClient client(port);
    const auto response = client.Request(Post("/", "still here"));
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->body, "echo:still here");
    server->Stop(); // joins the workers while the gate they used still exists
}

BOOST_AUTO_TEST_CASE(bind_failures)
{
    Start();
    // The port is taken: nothing binds.
    ServerOptions taken = LocalOptions();
    taken.bind = {{"127.0.0.1", port}};
    const auto second = Server::Start(taken, log.Logger());
    BOOST_REQUIRE(!second);
    BOOST_CHECK_EQUAL(second.error(), "Unable to bind any endpoint for RPC server");
    BOOST_CHECK(log.WaitFor("[warning] Binding RPC on address 127.0.0.1 port " + std::to_string(port) + " failed."));

    // One endpoint fails, the other binds.
    ServerOptions mixed = LocalOptions();
    mixed.bind = {{"127.0.0.1", port}, {"127.0.0.1", 0}};
    const auto third = Server::Start(mixed, log.Logger());
    BOOST_REQUIRE(third);
    const auto bound = (*third)->BoundEndpoints();
    BOOST_REQUIRE_EQUAL(bound.size(), 1u);
    BOOST_CHECK(bound[0].port != port && bound[0].port != 0);

    ServerOptions none = LocalOptions();
    none.bind.clear();
    BOOST_CHECK(!Server::Start(none, log.Logger()));
}

BOOST_AUTO_TEST_SUITE_END()
