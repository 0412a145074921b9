// Fuzz target: the P2P message payload decoders.
//
// The input is taken as the payload of every message at once. Checked:
// - no decoder crashes, whatever the bytes;
// - a payload that decodes re-encodes to exactly the input, except version
//   (optional groups, ignored trailing bytes) and sendcmpct (any non-zero
//   announce byte), whose re-encoding decodes to the same message and
//   re-encodes to itself;
// - decoded lists respect their limits (MAX_INV_SZ, MAX_LOCATOR_SZ,
//   MAX_HEADERS_RESULTS, the 16-bit positions of compact blocks) and
//   differential indexes come out increasing;
// - a decoded cmpctblock goes through PartiallyDownloadedBlock::Init with its
//   prefilled transactions as candidates, and (when Init accepts it) missing
//   indexes are increasing and in range, and Fill with the prefilled
//   transactions as the answer runs to some outcome;
// - the empty-payload check agrees with the input being empty;
// - LocatorHeights of the first four bytes descends to genesis within
//   MAX_LOCATOR_SZ entries; ServiceFlagNames of the first eight bytes names
//   every set bit;
// - addr and addrv2: at most 1,000 records; the addrv2 encoding of what was
//   decoded decodes to the same records and re-encodes to itself; the addr
//   encoding decodes to the records it kept (those with a 16-byte form);
// - the frame decoder, fed the input in two pieces, never holds more bytes
//   than it was given and yields only messages within the length limit;
// - the SOCKS5 client handshake (with and without credentials), fed the
//   input as a proxy's replies in two pieces, never consumes more than it
//   was given, takes nothing once finished, and stays in progress only
//   while it has consumed everything.
#include "fuzz.h"

#include <net/block_locator.h>
#include <net/compact_block.h>
#include <net/control_messages.h>
#include <net/headers_messages.h>
#include <net/inventory.h>
#include <net/message_frame.h>
#include <net/net_address.h>
#include <net/protocol.h>
#include <net/socks5.h>
#include <net/version_message.h>
#include <util/endian.h>

#include <algorithm>
#include <bit>
#include <vector>

namespace {

bool SameBytes(util::ByteSpan a, util::ByteSpan b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// Decode, then encode: the input back, byte for byte.
template <typename Decode, typename Encode>
void CheckExactRoundTrip(util::ByteSpan input, Decode decode, Encode encode)
{
    auto decoded = decode(input);
    if (!decoded) return;
    FUZZ_CHECK(SameBytes(encode(*decoded), input));
}

// Decode, encode, decode: the same message, and a fixpoint of the encoding.
template <typename Decode, typename Encode>
void CheckCanonicalRoundTrip(util::ByteSpan input, Decode decode, Encode encode)
{
    auto decoded = decode(input);
    if (!decoded) return;
    const util::Bytes encoded = encode(*decoded);
    auto again = decode(encoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *decoded);
    FUZZ_CHECK(encode(*again) == encoded);
}

template <typename Indexes>
bool Increasing(const Indexes& indexes)
{
    return std::adjacent_find(indexes.begin(), indexes.end(), [](auto a, auto b) { return a >= b; }) == indexes.end();
}

void CheckCompactBlock(util::ByteSpan input)
{
    auto compact = net::DecodeCompactBlock(input);
    if (!compact) return;
    FUZZ_CHECK(SameBytes(net::EncodeCompactBlock(*compact), input));
    FUZZ_CHECK(compact->BlockTxCount() <= net::MAX_COMPACT_BLOCK_TX_COUNT);
    std::vector<uint16_t> prefilled_indexes;
    std::vector<primitives::TransactionRef> prefilled_txs;
    for (const auto& prefilled : compact->prefilled) {
        FUZZ_CHECK(prefilled.tx != nullptr);
        prefilled_indexes.push_back(prefilled.index);
        prefilled_txs.push_back(prefilled.tx);
    }
    FUZZ_CHECK(Increasing(prefilled_indexes));
    for (const uint64_t id : compact->short_ids) FUZZ_CHECK(id <= net::SHORT_ID_MASK);

    net::PartiallyDownloadedBlock partial;
    if (!partial.Init(*compact, prefilled_txs).ok()) return;
    FUZZ_CHECK(partial.TxCount() == compact->BlockTxCount());
    const std::vector<uint16_t> missing = partial.MissingIndexes();
    FUZZ_CHECK(Increasing(missing));
    FUZZ_CHECK(missing.empty() || missing.back() < partial.TxCount());
    for (const uint16_t index : missing) FUZZ_CHECK(!partial.IsTxAvailable(index));
    primitives::Block block;
    const auto filled = partial.Fill({compact->header.GetHash(), prefilled_txs}, block);
    FUZZ_CHECK(!partial.IsInitialized());
    if (filled.ok()) FUZZ_CHECK(block.txs.size() == compact->BlockTxCount());
}

void CheckCompactBlockMessages(util::ByteSpan input)
{
    CheckCompactBlock(input);
    if (auto request = net::DecodeBlockTransactionsRequest(input)) {
        FUZZ_CHECK(Increasing(request->indexes));
        FUZZ_CHECK(SameBytes(net::EncodeBlockTransactionsRequest(*request), input));
    }
    if (auto response = net::DecodeBlockTransactions(input)) {
        FUZZ_CHECK(SameBytes(net::EncodeBlockTransactions(*response), input));
    }
}

void CheckListMessages(util::ByteSpan input)
{
    if (auto items = net::DecodeInvMessage(input, net::CMD_INV)) {
        FUZZ_CHECK(items->size() <= net::MAX_INV_SZ);
        FUZZ_CHECK(SameBytes(net::EncodeInvMessage(*items), input));
    }
    if (auto message = net::DecodeGetHeadersMessage(input, net::CMD_GETHEADERS)) {
        FUZZ_CHECK(message->locator.size() <= net::MAX_LOCATOR_SZ);
        FUZZ_CHECK(SameBytes(net::EncodeGetHeadersMessage(*message), input));
    }
    if (auto headers = net::DecodeHeadersMessage(input)) {
        FUZZ_CHECK(headers->size() <= net::MAX_HEADERS_RESULTS);
        FUZZ_CHECK(SameBytes(net::EncodeHeadersMessage(*headers), input));
    }
}

void CheckSmallMessages(util::ByteSpan input)
{
    CheckCanonicalRoundTrip(input, net::DecodeVersionMessage, net::EncodeVersionMessage);
    CheckExactRoundTrip(input, net::DecodePingMessage, net::EncodePingMessage);
    CheckExactRoundTrip(input, net::DecodePongMessage, net::EncodePongMessage);
    CheckCanonicalRoundTrip(input, net::DecodeSendCmpctMessage, net::EncodeSendCmpctMessage);
    CheckExactRoundTrip(input, net::DecodeFeeFilterMessage, net::EncodeFeeFilterMessage);
    FUZZ_CHECK(net::CheckEmptyPayload(input, net::CMD_VERACK).ok() == input.empty());
}

void CheckPureHelpers(util::ByteSpan input)
{
    uint8_t word[8]{};
    std::copy_n(input.begin(), std::min<size_t>(input.size(), 8), word);
    const auto heights = net::LocatorHeights(static_cast<int>(util::ReadLE32(word)));
    FUZZ_CHECK(heights.size() <= net::MAX_LOCATOR_SZ);
    if (!heights.empty()) FUZZ_CHECK(heights.back() == 0);
    FUZZ_CHECK(std::adjacent_find(heights.begin(), heights.end(), [](int a, int b) { return a <= b; }) == heights.end());
    const uint64_t services = util::ReadLE64(word);
    FUZZ_CHECK(net::ServiceFlagNames(services).size() == static_cast<size_t>(std::popcount(services)));
}

void CheckAddressMessages(util::ByteSpan input)
{
    if (auto v2 = net::DecodeAddrV2Payload(input)) {
        FUZZ_CHECK(v2->records.size() <= net::MAX_ADDR_TO_SEND);
        const util::Bytes encoded = net::EncodeAddrV2Payload(v2->records);
        auto again = net::DecodeAddrV2Payload(encoded);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->records == v2->records);
        FUZZ_CHECK(net::EncodeAddrV2Payload(again->records) == encoded);
    }
    if (auto v1 = net::DecodeAddrPayload(input)) {
        FUZZ_CHECK(v1->records.size() <= net::MAX_ADDR_TO_SEND);
        std::vector<net::AddressRecord> kept;
        for (const auto& record : v1->records) {
            if (record.service.address.IsAddrV1Compatible()) kept.push_back(record);
        }
        auto again = net::DecodeAddrPayload(net::EncodeAddrPayload(v1->records));
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->records == kept);
    }
}

void CheckFrameDecoder(util::ByteSpan input)
{
    net::FrameDecoder decoder({0xfa, 0xbf, 0xb5, 0xda});
    const size_t half = input.size() / 2;
    decoder.Feed(input.first(half));
    decoder.Feed(input.subspan(half));
    FUZZ_CHECK(decoder.BufferedBytes() <= input.size());
    while (decoder.HasMessage()) {
        const net::Message message = decoder.Next();
        FUZZ_CHECK(message.payload.size() <= net::MAX_PROTOCOL_MESSAGE_LENGTH);
        FUZZ_CHECK(message.wire_size == net::MESSAGE_HEADER_SIZE + message.payload.size());
        FUZZ_CHECK(message.command.size() <= net::COMMAND_SIZE);
    }
    FUZZ_CHECK(decoder.BufferedBytes() <= input.size());
}

void CheckSocks5Replies(util::ByteSpan input)
{
    for (const bool with_credentials : {false, true}) {
        auto credentials = with_credentials ? std::optional<net::Socks5Credentials>({"0", "0"}) : std::nullopt;
        auto started = net::Socks5Handshake::Start("example.onion", 8333, std::move(credentials));
        FUZZ_CHECK(started.ok());
        net::Socks5Handshake handshake = std::move(started).value();
        handshake.TakeOutput();
        const size_t half = input.size() / 2;
        for (const util::ByteSpan piece : {input.first(half), input.subspan(half)}) {
            const bool was_in_progress = handshake.GetState() == net::Socks5Handshake::State::IN_PROGRESS;
            const size_t used = handshake.Feed(piece);
            FUZZ_CHECK(used <= piece.size());
            if (!was_in_progress) FUZZ_CHECK(used == 0);
            if (handshake.GetState() == net::Socks5Handshake::State::IN_PROGRESS) FUZZ_CHECK(used == piece.size());
            if (handshake.GetState() == net::Socks5Handshake::State::FAILED) FUZZ_CHECK(!handshake.Error().empty());
            handshake.TakeOutput();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const util::ByteSpan input = fuzz::Input(data, size);
    CheckSmallMessages(input);
    CheckListMessages(input);
    CheckCompactBlockMessages(input);
    CheckPureHelpers(input);
    CheckAddressMessages(input);
    CheckFrameDecoder(input);
    CheckSocks5Replies(input);
    return 0;
}
