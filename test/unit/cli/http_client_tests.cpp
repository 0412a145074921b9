// http::Post against tiny servers on the loopback interface, one connection each.
#include <http/client.h>

#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace {

// Listens on an ephemeral loopback port and serves one connection with `serve`.
class OneShotServer {
public:
    using Serve = std::function<void(int fd, const std::string& request)>;

    explicit OneShotServer(Serve serve, bool ipv6 = false)
    {
        m_fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        BOOST_REQUIRE(m_fd >= 0);
        const int one = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (ipv6) {
            sockaddr_in6 address{};
            address.sin6_family = AF_INET6;
            address.sin6_addr = in6addr_loopback;
            m_ok = ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
            socklen_t size = sizeof(address);
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &size);
            m_port = ntohs(address.sin6_port);
        } else {
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            m_ok = ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
            socklen_t size = sizeof(address);
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &size);
            m_port = ntohs(address.sin_port);
        }
        m_ok = m_ok && ::listen(m_fd, 1) == 0;
        if (!m_ok) return;
        m_thread = std::thread([this, serve] {
            const int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0) return;
            m_request = ReadRequest(client);
            serve(client, m_request);
            ::close(client);
        });
    }
    ~OneShotServer()
    {
        if (m_thread.joinable()) m_thread.join();
        ::close(m_fd);
    }
    bool ok() const { return m_ok; }
    uint16_t port() const { return m_port; }
    // The request as received; valid once the client call has returned.
    const std::string& request()
    {
        if (m_thread.joinable()) m_thread.join();
        return m_request;
    }

private:
    static std::string ReadRequest(int fd)
    {
        std::string data;
        char buf[4096];
        while (true) {
            const size_t end = data.find("\r\n\r\n");
            if (end != std::string::npos) {
                const size_t length_at = data.find("Content-Length: ");
                const size_t length = length_at == std::string::npos ? 0 : std::stoul(data.substr(length_at + 16));
                if (data.size() >= end + 4 + length) return data;
            }
            const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
            if (n <= 0) return data;
            data.append(buf, static_cast<size_t>(n));
        }
    }

    int m_fd{-1};
    bool m_ok{false};
    uint16_t m_port{0};
    std::thread m_thread;
    std::string m_request;
};

void Send(int fd, const std::string& text) { (void)!::send(fd, text.data(), text.size(), MSG_NOSIGNAL); }

OneShotServer::Serve Reply(int status, const std::string& reason, const std::string& body)
{
    return [=](int fd, const std::string&) {
        Send(fd, "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: application/json\r\n"
                 "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    };
}

http::ClientRequest Request(const std::string& host, uint16_t port)
{
    http::ClientRequest request;
    request.host = host;
    request.port = port;
    request.body = "{\"method\":\"getblockcount\",\"params\":[],\"id\":1}\n";
    request.timeout = std::chrono::seconds(10);
    return request;
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_client_tests)

BOOST_AUTO_TEST_CASE(base64)
{
    BOOST_CHECK_EQUAL(http::EncodeBase64(""), "");
    BOOST_CHECK_EQUAL(http::EncodeBase64("f"), "Zg==");
    BOOST_CHECK_EQUAL(http::EncodeBase64("fo"), "Zm8=");
    BOOST_CHECK_EQUAL(http::EncodeBase64("foo"), "Zm9v");
    BOOST_CHECK_EQUAL(http::EncodeBase64("user:pass"), "dXNlcjpwYXNz");
    BOOST_CHECK_EQUAL(http::EncodeBase64(":"), "Og==");
    BOOST_CHECK_EQUAL(http::EncodeBase64("\xff\xfe\xfd"), "//79");
}

BOOST_AUTO_TEST_CASE(posts_and_reads_the_reply)
{
    OneShotServer server(Reply(200, "OK", "{\"result\":5,\"error\":null,\"id\":1}\n"));
    BOOST_REQUIRE(server.ok());
    auto request = Request("127.0.0.1", server.port());
    request.target = "/wallet/w%201";
    request.basic_auth = "user:pass";
    request.headers = {{"Content-Type", "application/json"}};
    const auto result = http::Post(request);
    const auto* response = std::get_if<http::ClientResponse>(&result);
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->status, 200);
    BOOST_CHECK_EQUAL(response->body, "{\"result\":5,\"error\":null,\"id\":1}\n");
    const std::string& received = server.request();
    BOOST_CHECK_MESSAGE(received.rfind("POST /wallet/w%201 HTTP/1.1\r\n", 0) == 0, received);
    BOOST_CHECK(received.find("\r\nHost: 127.0.0.1\r\n") != std::string::npos);
    BOOST_CHECK(received.find("\r\nConnection: close\r\n") != std::string::npos);
    BOOST_CHECK(received.find("\r\nAuthorization: Basic dXNlcjpwYXNz\r\n") != std::string::npos);
    BOOST_CHECK(received.find("\r\nContent-Type: application/json\r\n") != std::string::npos);
    BOOST_CHECK(received.find("\r\n\r\n{\"method\":\"getblockcount\",\"params\":[],\"id\":1}\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(any_status_is_a_response)
{
    for (const auto& [status, reason, body] : {std::tuple{401, "Unauthorized", ""}, {404, "Not Found", "{\"x\":1}"},
                                               {500, "Internal Server Error", "oops"}, {503, "Service Unavailable", "busy"}}) {
        OneShotServer server(Reply(status, reason, body));
        BOOST_REQUIRE(server.ok());
        const auto result = http::Post(Request("localhost", server.port()));
        const auto* response = std::get_if<http::ClientResponse>(&result);
        BOOST_REQUIRE_MESSAGE(response, status);
        BOOST_CHECK_EQUAL(response->status, status);
        BOOST_CHECK_EQUAL(response->body, body);
    }
}

BOOST_AUTO_TEST_CASE(ipv6_literal)
{
    OneShotServer server(Reply(200, "OK", "[]"), /*ipv6=*/true);
    if (!server.ok()) {
        BOOST_TEST_MESSAGE("no IPv6 loopback here; skipped");
        return;
    }
    const auto result = http::Post(Request("::1", server.port()));
    const auto* response = std::get_if<http::ClientResponse>(&result);
    BOOST_REQUIRE(response);
    BOOST_CHECK_EQUAL(response->body, "[]");
}

BOOST_AUTO_TEST_CASE(refused_connection_has_no_libevent_code)
{
    // A port that was just free: nothing listens there.
    uint16_t port;
    {
        OneShotServer probe([](int, const std::string&) {});
        port = probe.port();
        // Let the probe's thread finish by connecting once.
        http::Post(Request("127.0.0.1", port));
    }
    const auto result = http::Post(Request("127.0.0.1", port));
    const auto* failure = std::get_if<http::ClientFailure>(&result);
    BOOST_REQUIRE(failure);
    BOOST_CHECK(failure->kind == http::ClientFailureKind::CONNECT);
    BOOST_CHECK_EQUAL(failure->code, -1);
}

BOOST_AUTO_TEST_CASE(closed_without_reply_is_eof)
{
    OneShotServer server([](int, const std::string&) {});
    BOOST_REQUIRE(server.ok());
    const auto result = http::Post(Request("127.0.0.1", server.port()));
    const auto* failure = std::get_if<http::ClientFailure>(&result);
    BOOST_REQUIRE(failure);
    BOOST_CHECK(failure->kind == http::ClientFailureKind::END_OF_FILE);
    BOOST_CHECK_EQUAL(failure->code, 1);
    BOOST_CHECK_EQUAL(failure->description, "EOF reached");
}

BOOST_AUTO_TEST_CASE(slow_server_times_out)
{
    OneShotServer server([](int, const std::string&) { std::this_thread::sleep_for(std::chrono::milliseconds(2500)); });
    BOOST_REQUIRE(server.ok());
    auto request = Request("127.0.0.1", server.port());
    request.timeout = std::chrono::seconds(1);
    const auto start = std::chrono::steady_clock::now();
    const auto result = http::Post(request);
    BOOST_CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(2400));
    const auto* failure = std::get_if<http::ClientFailure>(&result);
    BOOST_REQUIRE(failure);
    BOOST_CHECK(failure->kind == http::ClientFailureKind::TIMEOUT);
    BOOST_CHECK_EQUAL(failure->code, 0);
    BOOST_CHECK_EQUAL(failure->description, "timeout reached");
}

BOOST_AUTO_TEST_SUITE_END()
