#include <net/version_message.h>

#include <util/endian.h>
#include <util/serialize.h>

#include <algorithm>
#include <cassert>

namespace net {
namespace {

constexpr std::array<uint8_t, 12> IPV4_MAPPED_PREFIX{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

void WriteAddress(util::ByteWriter& w, const VersionAddress& address)
{
    w.WriteU64LE(address.services);
    w.WriteBytes(address.ip);
    uint8_t port[2];
    util::StoreBE<uint16_t>(port, address.port);
    w.WriteBytes(port);
}

VersionAddress ReadAddress(util::SpanReader& r)
{
    VersionAddress address;
    address.services = r.ReadU64LE();
    r.ReadInto(address.ip);
    const util::ByteSpan port = r.ReadBytes(2);
    if (port.size() == 2) address.port = util::LoadBE<uint16_t>(port.data());
    return address;
}

} // namespace

std::array<uint8_t, 16> ToWireIp(const util::IpAddress& address)
{
    if (!address.is_ipv4) return address.bytes;
    std::array<uint8_t, 16> ip{};
    std::copy(IPV4_MAPPED_PREFIX.begin(), IPV4_MAPPED_PREFIX.end(), ip.begin());
    std::copy_n(address.bytes.begin(), 4, ip.begin() + 12);
    return ip;
}

util::IpAddress FromWireIp(const std::array<uint8_t, 16>& ip)
{
    util::IpAddress address;
    if (std::equal(IPV4_MAPPED_PREFIX.begin(), IPV4_MAPPED_PREFIX.end(), ip.begin())) {
        std::copy_n(ip.begin() + 12, 4, address.bytes.begin());
        return address;
    }
    address.is_ipv4 = false;
    address.bytes = ip;
    return address;
}

util::Bytes EncodeVersionMessage(const VersionMessage& message)
{
    assert(message.user_agent.size() <= MAX_SUBVERSION_LENGTH);
    util::Bytes out;
    out.reserve(4 + 8 + 8 + 2 * VersionAddress::SIZE + 8 + 1 + message.user_agent.size() + 4 + 1);
    util::ByteWriter w(out);
    w.WriteI32LE(message.version);
    w.WriteU64LE(message.services);
    w.WriteI64LE(message.time);
    WriteAddress(w, message.addr_recv);
    WriteAddress(w, message.addr_from);
    w.WriteU64LE(message.nonce);
    w.WriteVarBytes(util::AsBytes(message.user_agent));
    w.WriteI32LE(message.start_height);
    w.WriteU8(message.relay ? 1 : 0);
    return out;
}

util::Result<VersionMessage> DecodeVersionMessage(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    VersionMessage message;
    message.version = r.ReadI32LE();
    message.services = r.ReadU64LE();
    message.time = r.ReadI64LE();
    message.addr_recv = ReadAddress(r);
    // Each later group is optional for old peers, but complete once begun.
    if (!r.failed() && !r.empty()) {
        message.addr_from = ReadAddress(r);
        message.nonce = r.ReadU64LE();
    }
    if (!r.failed() && !r.empty()) {
        const uint64_t length = r.ReadCompactSize();
        if (!r.failed() && length > MAX_SUBVERSION_LENGTH) {
            r.Fail("user agent of " + std::to_string(length) + " bytes (limit " +
                   std::to_string(MAX_SUBVERSION_LENGTH) + ")");
        }
        const util::ByteSpan agent = r.ReadBytes(static_cast<size_t>(length));
        message.user_agent.assign(agent.begin(), agent.end());
    }
    if (!r.failed() && !r.empty()) message.start_height = r.ReadI32LE();
    if (!r.failed() && !r.empty()) message.relay = r.ReadU8() != 0;
    if (r.failed()) return util::Error{"invalid version message: " + r.error()};
    // Later extensions of the message, if any, are not ours to judge.
    return message;
}

} // namespace net
