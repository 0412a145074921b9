// P2P framing: the header layout, every malformed case, and arrival in any
// chunking.
#include <net/message_frame.h>

#include <crypto/hash.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

using net::FrameDecoder;
using net::FrameError;

namespace {

const net::NetMagic REGTEST{0xfa, 0xbf, 0xb5, 0xda};

util::Bytes Frame(std::string_view command, const util::Bytes& payload)
{
    return net::FrameMessage(REGTEST, command, payload);
}

} // namespace

BOOST_AUTO_TEST_SUITE(message_frame_tests)

BOOST_AUTO_TEST_CASE(header_layout)
{
    // An empty verack on regtest: magic, "verack" NUL-padded, length 0, and
    // the checksum of nothing (the first bytes of SHA256d("") = 5df6e0e2).
    BOOST_CHECK_EQUAL(util::HexStr(Frame("verack", {})), "fabfb5da76657261636b000000000000000000005df6e0e2");
    const util::Bytes payload{1, 2, 3};
    const util::Bytes framed = Frame("ping", payload);
    BOOST_REQUIRE_EQUAL(framed.size(), net::MESSAGE_HEADER_SIZE + 3);
    BOOST_CHECK_EQUAL(framed[16], 3);
    const auto digest = crypto::Hash256(payload);
    BOOST_CHECK(std::equal(digest.begin(), digest.begin() + 4, framed.begin() + 20));
}

BOOST_AUTO_TEST_CASE(decodes_in_any_chunking)
{
    util::Bytes stream;
    const util::Bytes big(100'000, 0xab);
    for (const auto& part : {Frame("verack", {}), Frame("ping", {1, 2, 3, 4, 5, 6, 7, 8}), Frame("block", big)}) {
        stream.insert(stream.end(), part.begin(), part.end());
    }
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{24}, size_t{1000}, stream.size()}) {
        FrameDecoder decoder(REGTEST);
        for (size_t i = 0; i < stream.size(); i += chunk) {
            const size_t n = std::min(chunk, stream.size() - i);
            BOOST_REQUIRE(decoder.Feed(util::ByteSpan(stream.data() + i, n)) == FrameError::NONE);
        }
        BOOST_REQUIRE(decoder.HasMessage());
        auto first = decoder.Next();
        BOOST_CHECK_EQUAL(first.command, "verack");
        BOOST_CHECK(first.payload.empty());
        BOOST_CHECK_EQUAL(first.wire_size, 24u);
        auto second = decoder.Next();
        BOOST_CHECK_EQUAL(second.command, "ping");
        BOOST_CHECK_EQUAL(second.payload.size(), 8u);
        auto third = decoder.Next();
        BOOST_CHECK_EQUAL(third.command, "block");
        BOOST_CHECK(third.payload == big);
        BOOST_CHECK(!decoder.HasMessage());
        BOOST_CHECK_EQUAL(decoder.BufferedBytes(), 0u);
    }
}

BOOST_AUTO_TEST_CASE(every_malformed_case)
{
    const auto feed = [](util::Bytes bytes) {
        FrameDecoder decoder(REGTEST);
        return decoder.Feed(bytes);
    };
    util::Bytes good = Frame("ping", {1, 2, 3, 4, 5, 6, 7, 8});

    util::Bytes wrong_magic = good;
    wrong_magic[0] = 0xf9; // mainnet's first byte
    BOOST_CHECK(feed(wrong_magic) == FrameError::BAD_MAGIC);

    util::Bytes bad_checksum = good;
    bad_checksum[20] ^= 1;
    BOOST_CHECK(feed(bad_checksum) == FrameError::BAD_CHECKSUM);
    util::Bytes bad_payload = good;
    bad_payload.back() ^= 1;
    BOOST_CHECK(feed(bad_payload) == FrameError::BAD_CHECKSUM);

    // Command: a control character, a character above '~', bytes after the NUL padding.
    for (auto [at, value] : {std::pair{5, 0x07}, std::pair{5, 0x80}, std::pair{10, int{'x'}}, std::pair{15, 1}}) {
        util::Bytes bad_command = good;
        bad_command[at] = static_cast<uint8_t>(value);
        BOOST_CHECK_MESSAGE(feed(bad_command) == FrameError::BAD_COMMAND, "byte " << at);
    }
    // A full 12-character command is fine.
    FrameDecoder twelve(REGTEST);
    BOOST_CHECK(twelve.Feed(Frame("abcdefghijkl", {})) == FrameError::NONE);
    BOOST_CHECK_EQUAL(twelve.Next().command, "abcdefghijkl");

    // Length above 4,000,000: refused at the header, before any payload.
    util::Bytes oversized(good.begin(), good.begin() + net::MESSAGE_HEADER_SIZE);
    util::WriteLE32(oversized.data() + 16, net::MAX_PROTOCOL_MESSAGE_LENGTH + 1);
    BOOST_CHECK(feed(oversized) == FrameError::OVERSIZED);
    util::WriteLE32(oversized.data() + 16, net::MAX_PROTOCOL_MESSAGE_LENGTH);
    BOOST_CHECK(feed(oversized) == FrameError::NONE); // waits for the payload

    // Errors are sticky: later good frames are not decoded.
    FrameDecoder decoder(REGTEST);
    BOOST_CHECK(decoder.Feed(wrong_magic) == FrameError::BAD_MAGIC);
    BOOST_CHECK(decoder.Feed(good) == FrameError::BAD_MAGIC);
    BOOST_CHECK(!decoder.HasMessage());
}

BOOST_AUTO_TEST_CASE(announced_length_is_not_allocated_up_front)
{
    // A header claiming the maximum, followed by one byte: the buffer holds
    // what arrived plus a bounded lead, not 4 MB.
    util::Bytes header = Frame("block", {});
    util::WriteLE32(header.data() + 16, net::MAX_PROTOCOL_MESSAGE_LENGTH);
    FrameDecoder decoder(REGTEST);
    BOOST_REQUIRE(decoder.Feed(header) == FrameError::NONE);
    BOOST_REQUIRE(decoder.Feed(util::Bytes{1}) == FrameError::NONE);
    BOOST_CHECK_EQUAL(decoder.BufferedBytes(), net::MESSAGE_HEADER_SIZE + 1);
    BOOST_CHECK(!decoder.HasMessage());
}

BOOST_AUTO_TEST_SUITE_END()
