// A tiny HTTP server for tests: listens on an ephemeral loopback port and
// serves a fixed number of connections, one after the other, each with the
// test's function. Only for the unit tests of utxo-cli's client side.
#ifndef UTXO_TEST_UNIT_CLI_LOOPBACK_SERVER_H
#define UTXO_TEST_UNIT_CLI_LOOPBACK_SERVER_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace test {

class LoopbackServer {
public:
    // Called with the connection, the request read from it (headers and
    // Content-Length bytes of body) and the connection's index.
    using Serve = std::function<void(int fd, const std::string& request, size_t index)>;

    LoopbackServer(Serve serve, size_t connections = 1, bool ipv6 = false)
    {
        m_fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0) return;
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
        m_ok = m_ok && ::listen(m_fd, 4) == 0;
        if (!m_ok) return;
        m_thread = std::thread([this, serve, connections] {
            for (size_t i = 0; i < connections; ++i) {
                const int client = ::accept(m_fd, nullptr, nullptr);
                if (client < 0) return;
                m_requests.push_back(ReadRequest(client));
                serve(client, m_requests.back(), i);
                ::close(client);
            }
        });
    }
    ~LoopbackServer()
    {
        if (m_thread.joinable()) m_thread.join();
        if (m_fd >= 0) ::close(m_fd);
    }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    bool ok() const { return m_ok; }
    uint16_t port() const { return m_port; }
    // The requests received; waits for every connection to have been served.
    const std::vector<std::string>& requests()
    {
        if (m_thread.joinable()) m_thread.join();
        return m_requests;
    }

    static void Send(int fd, const std::string& text) { (void)!::send(fd, text.data(), text.size(), MSG_NOSIGNAL); }

    // Serve function answering every request with this status and body.
    static Serve Reply(int status, const std::string& reason, const std::string& body)
    {
        return [=](int fd, const std::string&, size_t) {
            Send(fd, "HTTP/1.1 " + std::to_string(status) + " " + reason +
                         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                         "\r\nConnection: close\r\n\r\n" + body);
        };
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
    std::vector<std::string> m_requests;
};

} // namespace test

#endif // UTXO_TEST_UNIT_CLI_LOOPBACK_SERVER_H
