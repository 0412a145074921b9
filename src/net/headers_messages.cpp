#include <net/headers_messages.h>

#include <net/payload_reader.h>
#include <util/serialize.h>

#include <cassert>
#include <optional>
#include <string>

namespace net {
namespace {

// A header and its (empty) transaction count.
constexpr size_t HEADERS_ENTRY_SIZE = primitives::BlockHeader::SIZE + 1;

} // namespace

util::Bytes EncodeGetHeadersMessage(const GetHeadersMessage& message)
{
    assert(message.locator.size() <= MAX_LOCATOR_SZ);
    util::Bytes out;
    out.reserve(4 + 1 + (message.locator.size() + 1) * primitives::Uint256::SIZE);
    util::ByteWriter w(out);
    w.WriteU32LE(message.version);
    w.WriteCompactSize(message.locator.size());
    for (const primitives::BlockHash& hash : message.locator) w.WriteBytes(hash.span());
    w.WriteBytes(message.stop.span());
    return out;
}

util::Result<GetHeadersMessage> DecodeGetHeadersMessage(util::ByteSpan payload, std::string_view command)
{
    util::SpanReader r(payload);
    GetHeadersMessage message;
    message.version = r.ReadU32LE();
    message.locator.resize(ReadListCount(r, MAX_LOCATOR_SZ, primitives::Uint256::SIZE, "locator hashes"));
    for (primitives::BlockHash& hash : message.locator) ReadHash(r, hash);
    ReadHash(r, message.stop);
    return FinishPayload(r, std::string(command) + " message", std::move(message));
}

util::Bytes EncodeHeadersMessage(std::span<const primitives::BlockHeader> headers)
{
    assert(headers.size() <= MAX_HEADERS_RESULTS);
    util::Bytes out;
    out.reserve(util::CompactSizeLength(headers.size()) + headers.size() * HEADERS_ENTRY_SIZE);
    util::ByteWriter w(out);
    w.WriteCompactSize(headers.size());
    for (const primitives::BlockHeader& header : headers) {
        primitives::SerializeBlockHeader(w, header);
        w.WriteCompactSize(0);
    }
    return out;
}

util::Result<std::vector<primitives::BlockHeader>> DecodeHeadersMessage(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    const size_t count = ReadListCount(r, MAX_HEADERS_RESULTS, HEADERS_ENTRY_SIZE, "headers");
    std::vector<primitives::BlockHeader> headers;
    headers.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        std::optional<primitives::BlockHeader> header = primitives::ReadBlockHeader(r);
        const uint64_t tx_count = r.ReadCompactSize();
        if (r.failed()) break;
        if (tx_count != 0) {
            return util::Error{"headers message with non-zero transaction count (" + std::to_string(tx_count) +
                               " after header " + std::to_string(i) + ")"};
        }
        headers.push_back(*header);
    }
    return FinishPayload(r, "headers message", std::move(headers));
}

} // namespace net
