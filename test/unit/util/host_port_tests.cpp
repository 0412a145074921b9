#include <util/host_port.h>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(host_port_tests)

BOOST_AUTO_TEST_CASE(split_host_port)
{
    const struct {
        const char* text;
        const char* host;
        uint16_t port;
    } good[] = {
        {"127.0.0.1", "127.0.0.1", 0},
        {"127.0.0.1:18443", "127.0.0.1", 18443},
        {"localhost:+8332", "localhost", 8332},
        {"node.example", "node.example", 0},
        {"[::1]", "::1", 0},
        {"[::1]:18443", "::1", 18443},
        {"::1", "::1", 0},          // several colons and no brackets: no port
        {"fe80::1:8332", "fe80::1:8332", 0},
        {":8332", "", 8332},
        {"", "", 0},
    };
    for (const auto& c : good) {
        const auto split = util::SplitHostPort(c.text);
        BOOST_REQUIRE_MESSAGE(split, c.text);
        BOOST_CHECK_EQUAL(split->host, c.host);
        BOOST_CHECK_EQUAL(split->port, c.port);
    }
    for (const char* bad : {"127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "[::1]:99999", "host:-1",
                            "host: 80", "[::1]:"}) {
        BOOST_CHECK_MESSAGE(!util::SplitHostPort(bad), bad);
    }
}

BOOST_AUTO_TEST_CASE(ports)
{
    BOOST_CHECK(util::ParsePort("8332", false) == 8332);
    BOOST_CHECK(util::ParsePort("+8332", true) == 8332);
    BOOST_CHECK(!util::ParsePort("+8332", false));
    BOOST_CHECK(util::ParsePort("0", false) == 0);
    BOOST_CHECK(!util::ParsePort("65536", false));
    BOOST_CHECK(!util::ParsePort("", false));
    BOOST_CHECK(!util::ParsePort("80 ", false));
}

BOOST_AUTO_TEST_SUITE_END()
