#include <util/subnet.h>

#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {

util::Subnet ParseOk(std::string_view text)
{
    auto subnet = util::Subnet::Parse(text);
    BOOST_REQUIRE_MESSAGE(subnet, std::string(text) + ": " + (subnet ? std::string() : subnet.error()));
    return *subnet;
}

// A peer as the server sees it: sockaddr_in for IPv4, sockaddr_in6 otherwise.
struct Peer {
    sockaddr_storage storage{};
    explicit Peer(const char* text)
    {
        auto* in = reinterpret_cast<sockaddr_in*>(&storage);
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        if (inet_pton(AF_INET, text, &in->sin_addr) == 1) {
            in->sin_family = AF_INET;
        } else {
            BOOST_REQUIRE(inet_pton(AF_INET6, text, &in6->sin6_addr) == 1);
            in6->sin6_family = AF_INET6;
        }
    }
    const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

bool Contains(std::string_view subnet, const char* peer) { return ParseOk(subnet).Contains(Peer(peer).get()); }

} // namespace

BOOST_AUTO_TEST_SUITE(subnet_tests)

BOOST_AUTO_TEST_CASE(parse_forms)
{
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.4").ToString(), "1.2.3.4/32");
    BOOST_CHECK_EQUAL(ParseOk("::1").ToString(), "::1/128");
    BOOST_CHECK_EQUAL(ParseOk("[::1]").ToString(), "::1/128");
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.0/24").ToString(), "1.2.3.0/24");
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.4/24").ToString(), "1.2.3.0/24"); // host bits cleared
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.4/255.255.255.0").ToString(), "1.2.3.0/24");
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.4/255.255.255.255").ToString(), "1.2.3.4/32");
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.4/0.0.0.0").ToString(), "0.0.0.0/0");
    BOOST_CHECK_EQUAL(ParseOk("10.0.0.0/8").ToString(), "10.0.0.0/8");
    BOOST_CHECK_EQUAL(ParseOk("1.2.3.4/024").ToString(), "1.2.3.0/24");
    BOOST_CHECK_EQUAL(ParseOk("172.31.255.255/12").ToString(), "172.16.0.0/12");
    BOOST_CHECK_EQUAL(ParseOk("fd00::/8").ToString(), "fd00::/8");
    BOOST_CHECK_EQUAL(ParseOk("fdff:1:2::3/8").ToString(), "fd00::/8");
    BOOST_CHECK_EQUAL(ParseOk("2001:db8::/ffff:ffff::").ToString(), "2001:db8::/32");
    BOOST_CHECK_EQUAL(ParseOk("0.0.0.0/0").ToString(), "0.0.0.0/0");
    BOOST_CHECK_EQUAL(ParseOk("::/0").ToString(), "::/0");
    BOOST_CHECK_EQUAL(ParseOk("::ffff:1.2.3.4").ToString(), "1.2.3.4/32"); // mapped counts as IPv4
    BOOST_CHECK(ParseOk("1.2.3.4/24") == ParseOk("1.2.3.0/255.255.255.0"));
}

BOOST_AUTO_TEST_CASE(parse_rejects)
{
    for (const char* text : {
             "", "/", "/24", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/256", "1.2.3.4/-1", "1.2.3.4/+8", "1.2.3.4/ 8",
             "1.2.3.4/8 ", "::1/129", "1.2.3.4/255.0.255.0",  // non-contiguous netmask
             "1.2.3.4/ffff::",                                   // netmask of the other family
             "fd00::/255.0.0.0", "localhost", "example.com/8", "1.2.3.4/24/8", "1.2.3", "1.2.3.4.5",
             "::ffff:1.2.3.4/96",                                // IPv4 after mapping: at most /32
             "fe80::1%eth0", "1.2.3.4:8332", "garbage"}) {
        const auto subnet = util::Subnet::Parse(text);
        BOOST_CHECK_MESSAGE(!subnet, text);
        if (!subnet) BOOST_CHECK_EQUAL(subnet.error(), std::string(text) + " is not a valid subnet");
    }
    BOOST_CHECK(!util::Subnet::Parse(std::string_view("127.0.0.1\0/8", 12)));
}

BOOST_AUTO_TEST_CASE(contains)
{
    BOOST_CHECK(Contains("127.0.0.0/8", "127.0.0.1"));
    BOOST_CHECK(Contains("127.0.0.0/8", "127.255.255.254"));
    BOOST_CHECK(!Contains("127.0.0.0/8", "128.0.0.1"));
    BOOST_CHECK(Contains("1.2.3.4", "1.2.3.4"));
    BOOST_CHECK(!Contains("1.2.3.4", "1.2.3.5"));
    BOOST_CHECK(Contains("0.0.0.0/0", "8.8.8.8"));
    BOOST_CHECK(Contains("::1", "::1"));
    BOOST_CHECK(!Contains("::1", "::2"));
    BOOST_CHECK(Contains("fd00::/8", "fd12:3456::1"));
    BOOST_CHECK(!Contains("fd00::/8", "fe80::1"));
    BOOST_CHECK(Contains("::/0", "2001:db8::1"));

    // An IPv4 peer on a dual-stack socket arrives IPv4-mapped; it matches IPv4 subnets.
    BOOST_CHECK(Contains("127.0.0.0/8", "::ffff:127.0.0.1"));
    BOOST_CHECK(Contains("10.0.0.0/8", "::ffff:10.20.30.40"));
    BOOST_CHECK(!Contains("10.0.0.0/8", "::ffff:11.0.0.1"));
    BOOST_CHECK(Contains("0.0.0.0/0", "::ffff:1.1.1.1"));

    // Families never mix, as in Core: ::/0 is not "everyone".
    BOOST_CHECK(!Contains("::/0", "127.0.0.1"));
    BOOST_CHECK(!Contains("::/0", "::ffff:127.0.0.1"));
    BOOST_CHECK(!Contains("0.0.0.0/0", "::1"));
    BOOST_CHECK(!Contains("127.0.0.1", "::1"));

    BOOST_CHECK(!ParseOk("0.0.0.0/0").Contains(static_cast<const sockaddr*>(nullptr)));
}

BOOST_AUTO_TEST_SUITE_END()
