#include <net/control_messages.h>

#include <net/payload_reader.h>
#include <util/serialize.h>

#include <string>

namespace net {
namespace {

util::Bytes EncodeU64(uint64_t value)
{
    util::Bytes out;
    out.reserve(8);
    util::ByteWriter(out).WriteU64LE(value);
    return out;
}

} // namespace

util::Bytes EncodePingMessage(const PingMessage& message) { return EncodeU64(message.nonce); }

util::Result<PingMessage> DecodePingMessage(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    PingMessage message{r.ReadU64LE()};
    return FinishPayload(r, "ping message", message);
}

util::Bytes EncodePongMessage(const PongMessage& message) { return EncodeU64(message.nonce); }

util::Result<PongMessage> DecodePongMessage(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    PongMessage message{r.ReadU64LE()};
    return FinishPayload(r, "pong message", message);
}

util::Bytes EncodeSendCmpctMessage(const SendCmpctMessage& message)
{
    util::Bytes out;
    out.reserve(9);
    util::ByteWriter w(out);
    w.WriteU8(message.announce ? 1 : 0);
    w.WriteU64LE(message.version);
    return out;
}

util::Result<SendCmpctMessage> DecodeSendCmpctMessage(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    SendCmpctMessage message;
    message.announce = r.ReadU8() != 0;
    message.version = r.ReadU64LE();
    return FinishPayload(r, "sendcmpct message", message);
}

util::Bytes EncodeFeeFilterMessage(const FeeFilterMessage& message)
{
    return EncodeU64(static_cast<uint64_t>(message.fee_rate));
}

util::Result<FeeFilterMessage> DecodeFeeFilterMessage(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    FeeFilterMessage message{r.ReadI64LE()};
    return FinishPayload(r, "feefilter message", message);
}

util::Result<void> CheckEmptyPayload(util::ByteSpan payload, std::string_view command)
{
    if (payload.empty()) return {};
    return util::Error{"invalid " + std::string(command) + " message: " + std::to_string(payload.size()) +
                       " unexpected bytes (the message has no payload)"};
}

} // namespace net
