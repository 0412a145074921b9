// http::Post against tiny servers on the loopback interface, one connection each.
#include <http/client.h>

#include "loopback_server.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <tuple>

namespace {

using test::LoopbackServer;

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
    LoopbackServer server(LoopbackServer::Reply(200, "OK", "{\"result\":5,\"error\":null,\"id\":1}\n"));
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
    const std::string& received = server.requests().at(0);
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
        LoopbackServer server(LoopbackServer::Reply(status, reason, body));
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
    LoopbackServer server(LoopbackServer::Reply(200, "OK", "[]"), 1, /*ipv6=*/true);
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
        LoopbackServer probe([](int, const std::string&, size_t) {});
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
    LoopbackServer server([](int, const std::string&, size_t) {});
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
    LoopbackServer server([](int, const std::string&, size_t) { std::this_thread::sleep_for(std::chrono::milliseconds(2500)); });
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
