#include <util/ip_address.h>

#include <boost/test/unit_test.hpp>

#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using util::IpAddress;

BOOST_AUTO_TEST_SUITE(ip_address_tests)

BOOST_AUTO_TEST_CASE(parse_and_print)
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"127.0.0.1", "127.0.0.1"},
        {"0.0.0.0", "0.0.0.0"},
        {"255.255.255.255", "255.255.255.255"},
        {"::1", "::1"},
        {"::", "::"},
        {"[::1]", "::1"},
        {"FD00::1", "fd00::1"},
        {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},     // RFC 5952 4.2.3: first of equal runs
        {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},  // 4.2.2: a single zero group stays
        {"2001:0db8:0000:0000:0000:0000:0002:0001", "2001:db8::2:1"},
        {"1::", "1::"},
        {"::ffff:1.2.3.4", "1.2.3.4"},                     // IPv4-mapped becomes IPv4
        {"::1.2.3.4", "::102:304"},                        // IPv4-compatible does not
    };
    for (const auto& [text, printed] : cases) {
        const auto address = IpAddress::Parse(text);
        BOOST_REQUIRE_MESSAGE(address, text);
        BOOST_CHECK_EQUAL(address->ToString(), printed);
    }
    BOOST_CHECK(IpAddress::Parse("::ffff:1.2.3.4")->is_ipv4);
    BOOST_CHECK(!IpAddress::Parse("::1")->is_ipv4);
}

BOOST_AUTO_TEST_CASE(rejects_non_numeric)
{
    for (const char* text : {"", "localhost", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4",
                             "::1%lo", "[::1", "::1]", "1:2:3:4:5:6:7:8:9", "fd00::/8", "[]"}) {
        BOOST_CHECK_MESSAGE(!IpAddress::Parse(text), text);
    }
    BOOST_CHECK(!IpAddress::Parse(std::string_view("1.2.3.4\0", 8)));
}

BOOST_AUTO_TEST_CASE(from_sockaddr_and_format)
{
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_port = htons(54321);
    inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
    uint16_t port = 0;
    auto address = IpAddress::FromSockaddr(reinterpret_cast<const sockaddr*>(&in), &port);
    BOOST_REQUIRE(address);
    BOOST_CHECK_EQUAL(util::FormatAddressPort(*address, port), "127.0.0.1:54321");

    sockaddr_in6 in6{};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = htons(8332);
    inet_pton(AF_INET6, "::1", &in6.sin6_addr);
    address = IpAddress::FromSockaddr(reinterpret_cast<const sockaddr*>(&in6), &port);
    BOOST_REQUIRE(address);
    BOOST_CHECK_EQUAL(util::FormatAddressPort(*address, port), "[::1]:8332");

    inet_pton(AF_INET6, "::ffff:10.1.2.3", &in6.sin6_addr);
    address = IpAddress::FromSockaddr(reinterpret_cast<const sockaddr*>(&in6), &port);
    BOOST_REQUIRE(address);
    BOOST_CHECK_EQUAL(util::FormatAddressPort(*address, port), "10.1.2.3:8332");

    sockaddr unix_like{};
    unix_like.sa_family = AF_UNIX;
    BOOST_CHECK(!IpAddress::FromSockaddr(&unix_like));
    BOOST_CHECK(!IpAddress::FromSockaddr(nullptr));
}

BOOST_AUTO_TEST_SUITE_END()
