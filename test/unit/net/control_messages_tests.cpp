// ping, pong, sendcmpct, feefilter and the empty-payload messages: exact
// bytes, round trips, truncation and trailing bytes.
#include <net/control_messages.h>
#include <net/protocol.h>

#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(control_messages_tests)

BOOST_AUTO_TEST_CASE(ping_and_pong)
{
    const net::PingMessage ping{0x0123456789abcdefULL};
    const util::Bytes bytes = net::EncodePingMessage(ping);
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "efcdab8967452301");
    BOOST_CHECK(*net::DecodePingMessage(bytes) == ping);
    const net::PongMessage pong{ping.nonce};
    BOOST_CHECK(net::EncodePongMessage(pong) == bytes);
    BOOST_CHECK(*net::DecodePongMessage(bytes) == pong);

    for (size_t length = 0; length < 8; ++length) {
        BOOST_CHECK(!net::DecodePingMessage(util::ByteSpan(bytes.data(), length)));
        BOOST_CHECK(!net::DecodePongMessage(util::ByteSpan(bytes.data(), length)));
    }
    auto empty = net::DecodePingMessage({});
    BOOST_REQUIRE(!empty);
    BOOST_CHECK_EQUAL(empty.error(), "invalid ping message: unexpected end of data (needed 8 bytes at offset 0, 0 left)");
    util::Bytes trailing = bytes;
    trailing.push_back(0);
    auto extra = net::DecodePongMessage(trailing);
    BOOST_REQUIRE(!extra);
    BOOST_CHECK_EQUAL(extra.error(), "invalid pong message: 1 unexpected bytes after the end");
}

BOOST_AUTO_TEST_CASE(sendcmpct)
{
    // High-bandwidth mode, version 2: what Bitcoin Core sends to its chosen peers.
    const net::SendCmpctMessage message{true, 2};
    const util::Bytes bytes = net::EncodeSendCmpctMessage(message);
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "010200000000000000");
    BOOST_CHECK(*net::DecodeSendCmpctMessage(bytes) == message);
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeSendCmpctMessage({false, 1})), "000100000000000000");
    // BIP152 wants 0 or 1; Core reads any other byte as true, and so do we.
    auto two = net::DecodeSendCmpctMessage(test::ParseHex("020200000000000000"));
    BOOST_REQUIRE(two);
    BOOST_CHECK(two->announce);
    for (size_t length = 0; length < bytes.size(); ++length) {
        BOOST_CHECK(!net::DecodeSendCmpctMessage(util::ByteSpan(bytes.data(), length)));
    }
    util::Bytes trailing = bytes;
    trailing.push_back(1);
    BOOST_CHECK(!net::DecodeSendCmpctMessage(trailing));
}

BOOST_AUTO_TEST_CASE(feefilter)
{
    // 1,000 sat/kvB, Bitcoin Core's default minimum relay fee.
    const util::Bytes bytes = net::EncodeFeeFilterMessage({1000});
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "e803000000000000");
    BOOST_CHECK_EQUAL(net::DecodeFeeFilterMessage(bytes)->fee_rate, 1000);
    // Signed on the wire; the range is the P2P layer's to judge.
    BOOST_CHECK_EQUAL(net::DecodeFeeFilterMessage(net::EncodeFeeFilterMessage({-1}))->fee_rate, -1);
    BOOST_CHECK(!net::DecodeFeeFilterMessage(util::ByteSpan(bytes.data(), 7)));
    util::Bytes trailing = bytes;
    trailing.push_back(0);
    BOOST_CHECK(!net::DecodeFeeFilterMessage(trailing));
}

BOOST_AUTO_TEST_CASE(empty_payloads)
{
    for (std::string_view command : {net::CMD_VERACK, net::CMD_SENDHEADERS, net::CMD_WTXIDRELAY, net::CMD_SENDADDRV2,
                                     net::CMD_GETADDR, net::CMD_MEMPOOL}) {
        BOOST_CHECK(net::CheckEmptyPayload({}, command));
    }
    const util::Bytes three{1, 2, 3};
    auto result = net::CheckEmptyPayload(three, net::CMD_VERACK);
    BOOST_REQUIRE(!result);
    BOOST_CHECK_EQUAL(result.error(), "invalid verack message: 3 unexpected bytes (the message has no payload)");
}

BOOST_AUTO_TEST_SUITE_END()
