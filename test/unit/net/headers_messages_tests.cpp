// getheaders/getblocks and headers: the Bitcoin developer reference's examples,
// the locator and header limits, the empty transaction count, truncation, and
// mainnet's first 255 headers through a headers message.
//
// Vectors: the annotated getblocks and headers messages of the Bitcoin
// developer reference, https://developer.bitcoin.org/reference/p2p_networking.html
// (#getblocks, #headers).
#include <net/headers_messages.h>

#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

using net::GetHeadersMessage;
using primitives::BlockHash;
using primitives::BlockHeader;

namespace {

const std::string REFERENCE_GETBLOCKS_HEX =
    "71110100" // version 70001
    "02"
    "d39f608a7775b537729884d4e6633bb2105e55a16a14d31b0000000000000000"
    "5c3e6403d40837110a2e8afb602b1c01714bda7ce23bea0a0000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"; // stop: none

const std::string REFERENCE_HEADERS_HEX =
    "01"
    "02000000"
    "b6ff0b1b1680a2862a30ca44d346d9e8910d334beb48ca0c0000000000000000"
    "9d10aa52ee949386ca9385695f04ede270dda20810decd12bc9b048aaab31471"
    "24d95a54" "30c31b18" "fe9f0864"
    "00";

BlockHash Hash(uint8_t fill)
{
    std::array<uint8_t, 32> bytes;
    bytes.fill(fill);
    return BlockHash(bytes);
}

} // namespace

BOOST_AUTO_TEST_SUITE(headers_messages_tests)

BOOST_AUTO_TEST_CASE(developer_reference_getblocks)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_GETBLOCKS_HEX);
    auto message = net::DecodeGetHeadersMessage(payload, net::CMD_GETBLOCKS);
    BOOST_REQUIRE_MESSAGE(message, (message ? "" : message.error()));
    BOOST_CHECK_EQUAL(message->version, 70001u);
    BOOST_REQUIRE_EQUAL(message->locator.size(), 2u);
    BOOST_CHECK_EQUAL(message->locator[0].ToHex(), "00000000000000001bd3146aa1555e10b23b63e6d484987237b575778a609fd3");
    BOOST_CHECK(message->stop.IsNull());
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeGetHeadersMessage(*message)), REFERENCE_GETBLOCKS_HEX);
}

BOOST_AUTO_TEST_CASE(getheaders_round_trip_and_limit)
{
    GetHeadersMessage message;
    BOOST_CHECK_EQUAL(message.version, 70016u);
    for (int i = 0; i < 101; ++i) message.locator.push_back(Hash(static_cast<uint8_t>(i)));
    message.stop = Hash(0xee);
    util::Bytes payload = net::EncodeGetHeadersMessage(message);
    auto decoded = net::DecodeGetHeadersMessage(payload, net::CMD_GETHEADERS);
    BOOST_REQUIRE(decoded);
    BOOST_CHECK(*decoded == message);
    // 102 hashes, all present: refused on the count.
    payload[4] = 102;
    payload.insert(payload.end(), 32, 0x11);
    auto over = net::DecodeGetHeadersMessage(payload, net::CMD_GETHEADERS);
    BOOST_REQUIRE(!over);
    BOOST_CHECK_EQUAL(over.error(), "invalid getheaders message: 102 locator hashes (limit 101)");
    // An empty locator asks for the stop block alone.
    auto empty = net::DecodeGetHeadersMessage(net::EncodeGetHeadersMessage({70016, {}, Hash(1)}), net::CMD_GETHEADERS);
    BOOST_REQUIRE(empty);
    BOOST_CHECK(empty->locator.empty());
}

BOOST_AUTO_TEST_CASE(getheaders_malformed)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_GETBLOCKS_HEX);
    for (size_t length = 0; length < payload.size(); ++length) {
        BOOST_CHECK_MESSAGE(!net::DecodeGetHeadersMessage(util::ByteSpan(payload.data(), length), net::CMD_GETBLOCKS),
                            "length " << length);
    }
    util::Bytes trailing = payload;
    trailing.push_back(7);
    auto extra = net::DecodeGetHeadersMessage(trailing, net::CMD_GETBLOCKS);
    BOOST_REQUIRE(!extra);
    BOOST_CHECK_EQUAL(extra.error(), "invalid getblocks message: 1 unexpected bytes after the end");
    util::Bytes lying = payload;
    lying[4] = 50;
    auto short_count = net::DecodeGetHeadersMessage(lying, net::CMD_GETHEADERS);
    BOOST_REQUIRE(!short_count);
    BOOST_CHECK_EQUAL(short_count.error(),
                      "invalid getheaders message: unexpected end of data: 50 locator hashes announced, 96 bytes left");
}

BOOST_AUTO_TEST_CASE(developer_reference_headers)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_HEADERS_HEX);
    auto headers = net::DecodeHeadersMessage(payload);
    BOOST_REQUIRE_MESSAGE(headers, (headers ? "" : headers.error()));
    BOOST_REQUIRE_EQUAL(headers->size(), 1u);
    const BlockHeader& header = headers->front();
    BOOST_CHECK_EQUAL(header.version, 2);
    BOOST_CHECK_EQUAL(header.prev_block.ToHex(), "00000000000000000cca48eb4b330d91e8d946d344ca302a86a280161b0bffb6");
    BOOST_CHECK_EQUAL(header.time, 1415239972u);
    BOOST_CHECK_EQUAL(header.bits, 0x181bc330u);
    BOOST_CHECK_EQUAL(header.nonce, 0x64089ffeu);
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeHeadersMessage(*headers)), REFERENCE_HEADERS_HEX);
}

BOOST_AUTO_TEST_CASE(headers_malformed)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_HEADERS_HEX);
    for (size_t length = 0; length < payload.size(); ++length) {
        BOOST_CHECK_MESSAGE(!net::DecodeHeadersMessage(util::ByteSpan(payload.data(), length)), "length " << length);
    }
    util::Bytes with_txs = payload;
    with_txs.back() = 1;
    auto nonzero = net::DecodeHeadersMessage(with_txs);
    BOOST_REQUIRE(!nonzero);
    BOOST_CHECK(nonzero.error().starts_with("headers message with non-zero transaction count"));
    BOOST_CHECK_EQUAL(nonzero.error(), "headers message with non-zero transaction count (1 after header 0)");
    util::Bytes trailing = payload;
    trailing.push_back(0);
    auto extra = net::DecodeHeadersMessage(trailing);
    BOOST_REQUIRE(!extra);
    BOOST_CHECK_EQUAL(extra.error(), "invalid headers message: 1 unexpected bytes after the end");
    // 2,000 announced, one sent.
    util::Bytes lying = payload;
    lying.erase(lying.begin());
    lying.insert(lying.begin(), {0xfd, 0xd0, 0x07});
    auto short_count = net::DecodeHeadersMessage(lying);
    BOOST_REQUIRE(!short_count);
    BOOST_CHECK_EQUAL(short_count.error(),
                      "invalid headers message: unexpected end of data: 2000 headers announced, 81 bytes left");
    // 2,001 announced: refused on the count alone.
    lying[1] = 0xd1;
    auto over = net::DecodeHeadersMessage(lying);
    BOOST_REQUIRE(!over);
    BOOST_CHECK_EQUAL(over.error(), "invalid headers message: 2001 headers (limit 2000)");
}

BOOST_AUTO_TEST_CASE(limit_of_2000_headers)
{
    std::vector<BlockHeader> headers(net::MAX_HEADERS_RESULTS);
    for (size_t i = 0; i < headers.size(); ++i) headers[i].nonce = static_cast<uint32_t>(i);
    auto decoded = net::DecodeHeadersMessage(net::EncodeHeadersMessage(headers));
    BOOST_REQUIRE(decoded);
    BOOST_CHECK(*decoded == headers);
}

BOOST_AUTO_TEST_CASE(mainnet_headers_link)
{
    const auto records = test::ReadBlkRecords(test::ReadDataFile("mainnet-blocks-1-255.dat"), {0xf9, 0xbe, 0xb4, 0xd9});
    std::vector<BlockHeader> headers;
    for (const auto& record : records) headers.push_back(*primitives::DecodeBlockHeader(util::ByteSpan(record.data(), 80)));
    auto decoded = net::DecodeHeadersMessage(net::EncodeHeadersMessage(headers));
    BOOST_REQUIRE(decoded);
    BOOST_REQUIRE_EQUAL(decoded->size(), 255u);
    for (size_t i = 1; i < decoded->size(); ++i) BOOST_CHECK((*decoded)[i].prev_block == (*decoded)[i - 1].GetHash());
    BOOST_CHECK_EQUAL(decoded->back().GetHash().ToHex(), "00000000d0a75c861fabf9ff7b92022f60e4afeed9331fe5aa073d8e4706fe3c");
}

BOOST_AUTO_TEST_SUITE_END()
