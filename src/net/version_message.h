// The version message: what each side of a connection says about itself
// before anything else (protocol version, services, clock, the address it sees
// the other side at, a nonce to detect connecting to itself, user agent,
// chain height, and whether it wants transactions relayed).
//
// Decoding follows Bitcoin Core's reading of the message: the fields after
// addr_recv arrived over time and an old peer may end the message before any
// of the groups (addr_from + nonce, user agent, start height, relay); a group
// that is cut short is an error, absent groups keep their defaults (relay
// absent means true, BIP37). Bytes after the relay flag are ignored, as Core
// ignores them, so later extensions of the message do not break the
// handshake. Obsolete versions (below 31800) decode; refusing them is the
// P2P layer's decision. Pure functions; thread-safe.
#ifndef UTXO_NET_VERSION_MESSAGE_H
#define UTXO_NET_VERSION_MESSAGE_H

#include <net/protocol.h>
#include <util/byte_span.h>
#include <util/ip_address.h>
#include <util/result.h>

#include <array>
#include <cstdint>
#include <string>

namespace net {

// An address as the version message carries it: the 26-byte network address
// without a timestamp (services, 16-byte IPv6 or IPv4-mapped address, port).
struct VersionAddress {
    static constexpr size_t SIZE = 26;

    uint64_t services{NODE_NONE};
    std::array<uint8_t, 16> ip{};
    uint16_t port{0}; // host order here; big-endian on the wire

    friend bool operator==(const VersionAddress&, const VersionAddress&) = default;
};

struct VersionMessage {
    int32_t version{PROTOCOL_VERSION};
    uint64_t services{NODE_NONE};
    int64_t time{0}; // Unix seconds of the sender's clock
    VersionAddress addr_recv; // the receiver, as the sender sees it
    VersionAddress addr_from; // the sender; Core sends zeros but its services
    uint64_t nonce{0};
    std::string user_agent; // BIP14, at most MAX_SUBVERSION_LENGTH bytes; not sanitized
    int32_t start_height{0};
    bool relay{true}; // BIP37: false asks for no transaction invs until a filter is loaded

    friend bool operator==(const VersionMessage&, const VersionMessage&) = default;
};

// The 16 bytes the wire carries for `address`: IPv6 unchanged, IPv4 mapped
// into IPv6 as ::ffff:a.b.c.d.
std::array<uint8_t, 16> ToWireIp(const util::IpAddress& address);
// The address held by 16 wire bytes: an IPv4-mapped address (::ffff:a.b.c.d)
// becomes IPv4, anything else stays IPv6.
util::IpAddress FromWireIp(const std::array<uint8_t, 16>& ip);

// All fields, relay flag included. Precondition: the user agent is at most
// MAX_SUBVERSION_LENGTH bytes (the node checks its configured one at startup).
util::Bytes EncodeVersionMessage(const VersionMessage& message);

// Fails on a payload cut short inside a field or group, and on a user agent
// longer than MAX_SUBVERSION_LENGTH. A relay byte other than 0 means true.
util::Result<VersionMessage> DecodeVersionMessage(util::ByteSpan payload);

} // namespace net

#endif // UTXO_NET_VERSION_MESSAGE_H
