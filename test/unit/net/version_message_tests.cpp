// The version message: the Bitcoin developer reference's example, Core's
// optional trailing groups, every truncation, the user agent limit.
//
// Vector: the annotated version message of the Bitcoin developer reference,
// https://developer.bitcoin.org/reference/p2p_networking.html#version
// (protocol 70002, /Satoshi:0.9.3/, start height 329167).
#include <net/version_message.h>

#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

#include <set>

using net::VersionMessage;

namespace {

const std::string REFERENCE_VERSION_HEX =
    "72110100"                                 // version 70002
    "0100000000000000"                         // services NODE_NETWORK
    "bc8f5e5400000000"                         // time 1415483324
    "0100000000000000"                         // addr_recv services
    "00000000000000000000ffffc61b6409" "208d"  // 198.27.100.9 port 8333
    "0100000000000000"                         // addr_from services
    "00000000000000000000ffffcb0071c0" "208d"  // 203.0.113.192 port 8333
    "128035cbc97953f8"                         // nonce
    "0f" "2f5361746f7368693a302e392e332f"      // "/Satoshi:0.9.3/"
    "cf050500"                                 // start height 329167
    "01";                                      // relay

// Where the optional groups end: addr_recv, nonce, user agent, start height, relay.
const std::set<size_t> GROUP_ENDS{46, 80, 96, 100, 101};

util::IpAddress Ip(std::string_view text) { return *util::IpAddress::Parse(text); }

} // namespace

BOOST_AUTO_TEST_SUITE(version_message_tests)

BOOST_AUTO_TEST_CASE(developer_reference_example)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_VERSION_HEX);
    BOOST_REQUIRE_EQUAL(payload.size(), 101u);
    auto message = net::DecodeVersionMessage(payload);
    BOOST_REQUIRE_MESSAGE(message, (message ? "" : message.error()));
    BOOST_CHECK_EQUAL(message->version, 70002);
    BOOST_CHECK_EQUAL(message->services, net::NODE_NETWORK);
    BOOST_CHECK_EQUAL(message->time, 1415483324);
    BOOST_CHECK_EQUAL(message->addr_recv.services, net::NODE_NETWORK);
    BOOST_CHECK(net::FromWireIp(message->addr_recv.ip) == Ip("198.27.100.9"));
    BOOST_CHECK_EQUAL(message->addr_recv.port, 8333);
    BOOST_CHECK_EQUAL(message->addr_from.services, net::NODE_NETWORK);
    BOOST_CHECK(net::FromWireIp(message->addr_from.ip) == Ip("203.0.113.192"));
    BOOST_CHECK_EQUAL(message->addr_from.port, 8333);
    BOOST_CHECK_EQUAL(message->nonce, 0xf85379c9cb358012ULL);
    BOOST_CHECK_EQUAL(message->user_agent, "/Satoshi:0.9.3/");
    BOOST_CHECK_EQUAL(message->start_height, 329167);
    BOOST_CHECK(message->relay);
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeVersionMessage(*message)), REFERENCE_VERSION_HEX);
}

BOOST_AUTO_TEST_CASE(round_trip)
{
    VersionMessage message;
    message.services = net::NODE_NETWORK | net::NODE_WITNESS | net::NODE_NETWORK_LIMITED;
    message.time = -1; // signed on the wire
    message.addr_recv = {net::NODE_NETWORK, net::ToWireIp(Ip("2001:db8::7")), 18444};
    message.addr_from = {net::NODE_NONE, net::ToWireIp(Ip("10.0.0.1")), 65535};
    message.nonce = 0x0102030405060708ULL;
    message.user_agent = std::string(net::MAX_SUBVERSION_LENGTH, 'u');
    message.start_height = -5;
    message.relay = false;
    const util::Bytes bytes = net::EncodeVersionMessage(message);
    BOOST_CHECK_EQUAL(bytes.size(), 4 + 8 + 8 + 26 + 26 + 8 + 3 + 256 + 4 + 1u);
    auto decoded = net::DecodeVersionMessage(bytes);
    BOOST_REQUIRE_MESSAGE(decoded, (decoded ? "" : decoded.error()));
    BOOST_CHECK(*decoded == message);
    // The port is big-endian on the wire: 65535 is ffff either way, 18444 is 480c.
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(bytes.data() + 44, 2)), "480c");
}

BOOST_AUTO_TEST_CASE(wire_ip_mapping)
{
    BOOST_CHECK_EQUAL(util::HexStr(net::ToWireIp(Ip("198.27.100.9"))), "00000000000000000000ffffc61b6409");
    BOOST_CHECK_EQUAL(util::HexStr(net::ToWireIp(Ip("::1"))), "00000000000000000000000000000001");
    for (std::string_view text : {"1.2.3.4", "0.0.0.0", "2001:db8::1", "::", "fd00::ffff:1"}) {
        BOOST_CHECK_MESSAGE(net::FromWireIp(net::ToWireIp(Ip(text))) == Ip(text), text);
    }
    // An IPv4-mapped address is the IPv4 address.
    const util::IpAddress mapped = net::FromWireIp(net::ToWireIp(Ip("::ffff:1.2.3.4")));
    BOOST_CHECK(mapped.is_ipv4);
    BOOST_CHECK_EQUAL(mapped.ToString(), "1.2.3.4");
}

BOOST_AUTO_TEST_CASE(optional_groups_and_every_truncation)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_VERSION_HEX);
    for (size_t length = 0; length <= payload.size(); ++length) {
        auto message = net::DecodeVersionMessage(util::ByteSpan(payload.data(), length));
        BOOST_CHECK_MESSAGE(message.ok() == GROUP_ENDS.contains(length), "length " << length);
        if (!message) {
            BOOST_CHECK_MESSAGE(message.error().starts_with("invalid version message: unexpected end of data"),
                                message.error());
            continue;
        }
        // Absent groups keep their defaults; relay defaults to true.
        BOOST_CHECK_EQUAL(message->nonce, length >= 80 ? 0xf85379c9cb358012ULL : 0u);
        BOOST_CHECK_EQUAL(message->user_agent, length >= 96 ? "/Satoshi:0.9.3/" : "");
        BOOST_CHECK_EQUAL(message->start_height, length >= 100 ? 329167 : 0);
        BOOST_CHECK(message->relay);
    }
}

BOOST_AUTO_TEST_CASE(relay_flag_and_trailing_bytes)
{
    util::Bytes payload = test::ParseHex(REFERENCE_VERSION_HEX);
    payload.back() = 0;
    BOOST_CHECK(!net::DecodeVersionMessage(payload)->relay);
    payload.back() = 2; // any non-zero byte, as Core reads a bool
    BOOST_CHECK(net::DecodeVersionMessage(payload)->relay);
    // Bytes after the relay flag belong to later extensions: ignored.
    payload.back() = 1;
    payload.insert(payload.end(), {0xde, 0xad});
    auto extended = net::DecodeVersionMessage(payload);
    BOOST_REQUIRE(extended);
    BOOST_CHECK_EQUAL(extended->start_height, 329167);
}

BOOST_AUTO_TEST_CASE(user_agent_limit)
{
    VersionMessage message;
    message.user_agent = std::string(net::MAX_SUBVERSION_LENGTH, 'a');
    util::Bytes bytes = net::EncodeVersionMessage(message);
    BOOST_CHECK(net::DecodeVersionMessage(bytes));
    // One more byte of user agent: the length becomes 257 (fd 0101).
    const size_t length_at = 4 + 8 + 8 + 26 + 26 + 8;
    BOOST_REQUIRE_EQUAL(bytes[length_at], 0xfd);
    bytes[length_at + 1] = 0x01;
    bytes[length_at + 2] = 0x01;
    bytes.insert(bytes.begin() + length_at + 3, 'a');
    auto too_long = net::DecodeVersionMessage(bytes);
    BOOST_REQUIRE(!too_long);
    BOOST_CHECK_EQUAL(too_long.error(), "invalid version message: user agent of 257 bytes (limit 256)");
    // A huge announced length is refused before any byte is read for it.
    util::Bytes lying(bytes.begin(), bytes.begin() + length_at);
    for (uint8_t b : {0xfe, 0x00, 0x00, 0x00, 0x01}) lying.push_back(b);
    auto huge = net::DecodeVersionMessage(lying);
    BOOST_REQUIRE(!huge);
    BOOST_CHECK_EQUAL(huge.error(), "invalid version message: user agent of 16777216 bytes (limit 256)");
    // A non-canonical length is refused too.
    util::Bytes noncanonical(bytes.begin(), bytes.begin() + length_at);
    for (int b : {0xfd, 0x01, 0x00, int{'x'}}) noncanonical.push_back(static_cast<uint8_t>(b));
    BOOST_CHECK(!net::DecodeVersionMessage(noncanonical));
}

BOOST_AUTO_TEST_SUITE_END()
