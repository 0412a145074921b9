#include <cli/rpc_connection.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using test::TempDir;

} // namespace

BOOST_AUTO_TEST_SUITE(rpc_connection_tests)

BOOST_AUTO_TEST_CASE(port_preference_and_errors)
{
    auto endpoint = cli::SelectEndpoint("127.0.0.1", std::nullopt, 18443);
    BOOST_REQUIRE(endpoint);
    BOOST_CHECK_EQUAL(endpoint->host, "127.0.0.1");
    BOOST_CHECK_EQUAL(endpoint->port, 18443);
    BOOST_CHECK(endpoint->warning.empty());

    endpoint = cli::SelectEndpoint("[::1]:1234", std::nullopt, 18443);
    BOOST_REQUIRE(endpoint);
    BOOST_CHECK_EQUAL(endpoint->host, "::1");
    BOOST_CHECK_EQUAL(endpoint->port, 1234);

    endpoint = cli::SelectEndpoint("localhost", std::string("5555"), 8332);
    BOOST_REQUIRE(endpoint);
    BOOST_CHECK_EQUAL(endpoint->port, 5555);
    BOOST_CHECK(endpoint->warning.empty());

    endpoint = cli::SelectEndpoint("localhost:1234", std::string("5555"), 8332);
    BOOST_REQUIRE(endpoint);
    BOOST_CHECK_EQUAL(endpoint->port, 5555);
    BOOST_CHECK_EQUAL(endpoint->warning, "Warning: Port specified in both -rpcconnect and -rpcport. Using -rpcport 5555");

    auto bad = cli::SelectEndpoint("127.0.0.1:0", std::nullopt, 8332);
    BOOST_REQUIRE(!bad);
    BOOST_CHECK_EQUAL(bad.error(), "Invalid port provided in -rpcconnect: 127.0.0.1:0");
    for (const char* port : {"0", "", "65536", "+1", "abc", "1x"}) {
        bad = cli::SelectEndpoint("127.0.0.1", std::string(port), 8332);
        BOOST_REQUIRE_MESSAGE(!bad, port);
        BOOST_CHECK_EQUAL(bad.error(), std::string("Invalid port provided in -rpcport: ") + port);
    }
}

BOOST_AUTO_TEST_CASE(wallet_paths)
{
    BOOST_CHECK_EQUAL(cli::RequestPath(std::nullopt), "/");
    BOOST_CHECK_EQUAL(cli::RequestPath(std::string("")), "/wallet/");
    BOOST_CHECK_EQUAL(cli::RequestPath(std::string("w1")), "/wallet/w1");
    BOOST_CHECK_EQUAL(cli::RequestPath(std::string("my wallet/\xC3\xA9~._-")), "/wallet/my%20wallet%2F%C3%A9~._-");
    BOOST_CHECK_EQUAL(cli::UriEncode("a+b=c&d?"), "a%2Bb%3Dc%26d%3F");
}

BOOST_AUTO_TEST_CASE(cookie_file_location)
{
    const fs::path dir = "/data/regtest";
    BOOST_CHECK_EQUAL(cli::CookieFilePath(std::nullopt, false, dir)->string(), "/data/regtest/.cookie");
    BOOST_CHECK_EQUAL(cli::CookieFilePath(std::string(""), false, dir)->string(), "/data/regtest/.cookie");
    BOOST_CHECK_EQUAL(cli::CookieFilePath(std::string("sub/c"), false, dir)->string(), "/data/regtest/sub/c");
    BOOST_CHECK_EQUAL(cli::CookieFilePath(std::string("/abs/c"), false, dir)->string(), "/abs/c");
    BOOST_CHECK(!cli::CookieFilePath(std::string("0"), true, dir));
}

BOOST_AUTO_TEST_CASE(credentials_password_then_cookie)
{
    TempDir temp;
    const fs::path cookie = temp.path / ".cookie";

    // A password wins, even when a cookie exists.
    std::ofstream(cookie) << "__cookie__:secret\nsecond line ignored\n";
    auto credentials = cli::SelectCredentials("alice", "pw", cookie);
    BOOST_CHECK_EQUAL(credentials.user_colon_password, "alice:pw");
    BOOST_CHECK(!credentials.cookie_missing);
    credentials = cli::SelectCredentials("", "pw", cookie);
    BOOST_CHECK_EQUAL(credentials.user_colon_password, ":pw");

    // No password: the cookie's first line; the user name alone does not count.
    credentials = cli::SelectCredentials("alice", "", cookie);
    BOOST_CHECK_EQUAL(credentials.user_colon_password, "__cookie__:secret");
    BOOST_CHECK(!credentials.cookie_missing);

    // No cookie either: empty credentials, and the fact is remembered for a 401.
    credentials = cli::SelectCredentials("", "", temp.path / "missing");
    BOOST_CHECK_EQUAL(credentials.user_colon_password, "");
    BOOST_CHECK(credentials.cookie_missing);

    // -norpccookiefile: nothing to read and nothing missing.
    credentials = cli::SelectCredentials("", "", std::nullopt);
    BOOST_CHECK_EQUAL(credentials.user_colon_password, "");
    BOOST_CHECK(!credentials.cookie_missing);
}

BOOST_AUTO_TEST_SUITE_END()
