// The SOCKS5 client handshake (RFC 1928 CONNECT, RFC 1929 username/password):
// the bytes it sends for each kind of target, every reply it accepts, and
// every malformed or refusing reply ending it with a reason.
#include <net/socks5.h>

#include <boost/test/unit_test.hpp>

#include <string>

using net::Socks5Credentials;
using net::Socks5Handshake;
using State = Socks5Handshake::State;
using util::Bytes;

namespace {

Socks5Handshake Begin(std::string_view host, uint16_t port, std::optional<Socks5Credentials> credentials = std::nullopt)
{
    auto started = Socks5Handshake::Start(host, port, std::move(credentials));
    BOOST_REQUIRE(started);
    return std::move(started).value();
}

size_t Feed(Socks5Handshake& handshake, const Bytes& bytes) { return handshake.Feed(bytes); }

// A successful CONNECT reply with an IPv4 bound address.
const Bytes CONNECT_OK{0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0x1f, 0x90};

} // namespace

BOOST_AUTO_TEST_SUITE(socks5_tests)

BOOST_AUTO_TEST_CASE(ipv4_target_without_authentication)
{
    auto h = Begin("1.2.3.4", 8333);
    BOOST_CHECK(h.TakeOutput() == (Bytes{0x05, 0x01, 0x00}));
    BOOST_CHECK(h.TakeOutput().empty());
    BOOST_CHECK_EQUAL(Feed(h, {0x05, 0x00}), 2u);
    BOOST_CHECK(h.TakeOutput() == (Bytes{0x05, 0x01, 0x00, 0x01, 1, 2, 3, 4, 0x20, 0x8d}));
    BOOST_CHECK(h.GetState() == State::IN_PROGRESS);
    BOOST_CHECK_EQUAL(Feed(h, CONNECT_OK), CONNECT_OK.size());
    BOOST_CHECK(h.GetState() == State::DONE);
}

BOOST_AUTO_TEST_CASE(ipv6_and_name_targets)
{
    auto v6 = Begin("[2001:db8::1]", 18444);
    v6.TakeOutput();
    Feed(v6, {0x05, 0x00});
    Bytes expected{0x05, 0x01, 0x00, 0x04, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x48, 0x0c};
    BOOST_CHECK(v6.TakeOutput() == expected);

    auto named = Begin("seed.example.org", 8333);
    named.TakeOutput();
    Feed(named, {0x05, 0x00});
    expected = {0x05, 0x01, 0x00, 0x03, 16};
    for (char c : std::string("seed.example.org")) expected.push_back(static_cast<uint8_t>(c));
    expected.insert(expected.end(), {0x20, 0x8d});
    BOOST_CHECK(named.TakeOutput() == expected);

    BOOST_CHECK(!Socks5Handshake::Start("", 1, std::nullopt));
    BOOST_CHECK(!Socks5Handshake::Start(std::string(256, 'a'), 1, std::nullopt));
    BOOST_CHECK(Socks5Handshake::Start(std::string(255, 'a'), 1, std::nullopt));
}

BOOST_AUTO_TEST_CASE(username_and_password)
{
    auto h = Begin("1.2.3.4", 8333, Socks5Credentials{"0", "pw"});
    BOOST_CHECK(h.TakeOutput() == (Bytes{0x05, 0x02, 0x00, 0x02}));
    Feed(h, {0x05, 0x02});
    BOOST_CHECK(h.TakeOutput() == (Bytes{0x01, 0x01, '0', 0x02, 'p', 'w'}));
    Feed(h, {0x01, 0x00});
    BOOST_CHECK(h.TakeOutput() == (Bytes{0x05, 0x01, 0x00, 0x01, 1, 2, 3, 4, 0x20, 0x8d}));
    Feed(h, CONNECT_OK);
    BOOST_CHECK(h.GetState() == State::DONE);

    // A proxy may skip authentication even when offered it.
    auto skipped = Begin("1.2.3.4", 8333, Socks5Credentials{"u", "p"});
    skipped.TakeOutput();
    Feed(skipped, {0x05, 0x00});
    BOOST_CHECK_EQUAL(skipped.TakeOutput().size(), 10u);

    BOOST_CHECK(!Socks5Handshake::Start("1.2.3.4", 1, Socks5Credentials{"", "p"}));
    BOOST_CHECK(!Socks5Handshake::Start("1.2.3.4", 1, Socks5Credentials{"u", std::string(256, 'p')}));
}

BOOST_AUTO_TEST_CASE(replies_split_and_joined)
{
    // One byte at a time.
    auto h = Begin("1.2.3.4", 8333);
    h.TakeOutput();
    Bytes all{0x05, 0x00};
    all.insert(all.end(), CONNECT_OK.begin(), CONNECT_OK.end());
    for (size_t i = 0; i < all.size(); ++i) {
        BOOST_CHECK(h.GetState() == State::IN_PROGRESS);
        BOOST_CHECK_EQUAL(Feed(h, {all[i]}), 1u);
    }
    BOOST_CHECK(h.GetState() == State::DONE);
    // Everything at once, with the peer's first bytes behind: only the handshake is consumed.
    auto joined = Begin("1.2.3.4", 8333);
    joined.TakeOutput();
    Bytes with_data = all;
    with_data.insert(with_data.end(), {0xfa, 0xbf, 0xb5});
    BOOST_CHECK_EQUAL(Feed(joined, with_data), all.size());
    BOOST_CHECK(joined.GetState() == State::DONE);
    // A name as the bound address, split inside it.
    auto named = Begin("1.2.3.4", 8333);
    named.TakeOutput();
    Feed(named, {0x05, 0x00});
    BOOST_CHECK_EQUAL(Feed(named, {0x05, 0x00, 0x00, 0x03, 3, 'a'}), 6u);
    BOOST_CHECK(named.GetState() == State::IN_PROGRESS);
    BOOST_CHECK_EQUAL(Feed(named, {'b', 'c', 0x00, 0x01, 0x42}), 4u);
    BOOST_CHECK(named.GetState() == State::DONE);
    // Nothing more is taken once done.
    BOOST_CHECK_EQUAL(Feed(named, {0x01}), 0u);
}

BOOST_AUTO_TEST_CASE(failures_have_reasons)
{
    const auto failed = [](std::optional<Socks5Credentials> credentials, const std::vector<Bytes>& replies) {
        auto h = Begin("1.2.3.4", 8333, std::move(credentials));
        h.TakeOutput();
        for (const Bytes& reply : replies) Feed(h, reply);
        BOOST_CHECK(h.GetState() == State::FAILED);
        return h.Error();
    };
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x04, 0x00}}), "proxy failed to initialize");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0xff}}), "proxy accepts none of our authentication methods");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0x02}}), "proxy requested wrong authentication method 2");
    BOOST_CHECK_EQUAL(failed(Socks5Credentials{"u", "p"}, {{0x05, 0x02}, {0x01, 0x01}}), "proxy authentication unsuccessful");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0x00}, {0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0}}),
                      "connect to target failed: connection refused");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0x00}, {0x05, 0xf6, 0x00, 0x01, 0, 0, 0, 0, 0, 0}}),
                      "connect to target failed: onion service invalid address");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0x00}, {0x04, 0x00, 0x00, 0x01, 0}}), "proxy failed to accept request");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0x00}, {0x05, 0x00, 0x01, 0x01, 0}}), "malformed proxy response");
    BOOST_CHECK_EQUAL(failed(std::nullopt, {{0x05, 0x00}, {0x05, 0x00, 0x00, 0x07, 0}}), "malformed proxy response");
    BOOST_CHECK_EQUAL(net::Socks5ReplyText(0x09), "unknown error 9");
}

BOOST_AUTO_TEST_SUITE_END()
