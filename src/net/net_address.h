// Peer addresses as Bitcoin gossips them: a network (BIP155) and its address
// bytes (NetAddress), plus a port (Service), plus a last-seen time and service
// bits (AddressRecord, one entry of an addr/addrv2 message); Bitcoin Core's
// classification of them (IsValid, IsRoutable, IsLocal, the RFC ranges) and
// the group key that spreads the address manager's buckets (GetGroup).
//
// Two wire encodings:
// - legacy ("addr", version messages): 16 bytes, IPv4 as IPv4-mapped IPv6
//   (::ffff:a.b.c.d), services as a uint64. Tor v3, I2P and CJDNS do not fit
//   and are left out of addr payloads.
// - BIP155 ("addrv2"): network id byte, CompactSize length, address bytes;
//   services as a CompactSize.
// Ports are big-endian in both. Decoding never throws and never reads out of
// bounds; what BIP155 says to ignore (unknown network ids, Tor v2, IPv4 or
// OnionCat addresses inside an IPv6 id) is skipped and counted, while what it
// says to reject (an address over 512 bytes, a known network id with the
// wrong length, a message over 1,000 entries) is an error.
//
// All types are plain values; all functions are pure and thread-safe.
#ifndef UTXO_NET_NET_ADDRESS_H
#define UTXO_NET_NET_ADDRESS_H

#include <util/byte_span.h>
#include <util/ip_address.h>
#include <util/result.h>
#include <util/serialize.h>

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace net {

// Bitcoin Core's `enum Network`, with its numbering: the value is the first
// byte of GetGroup(), so bucket placement matches Core's for the same key.
enum class Network : uint8_t {
    IPV4 = 1,
    IPV6 = 2,
    ONION = 3, // Tor v3
    I2P = 4,
    CJDNS = 5,
    INTERNAL = 6,   // a name (a DNS seed) dressed as an address; never gossiped
    UNROUTABLE = 0, // only a classification (GetNetwork()), never stored
};

// Core's GetNetworkName: "ipv4", "ipv6", "onion", "i2p", "cjdns", "internal",
// "not_publicly_routable".
std::string_view NetworkName(Network network);
// The inverse for user input (-onlynet, getnodeaddresses): the names above
// except the last two, plus "tor" for "onion"; case-insensitive.
std::optional<Network> ParseNetwork(std::string_view name);

// BIP155 network ids.
enum class Bip155Network : uint8_t { IPV4 = 1, IPV6 = 2, TORV2 = 3, TORV3 = 4, I2P = 5, CJDNS = 6 };

inline constexpr size_t ADDR_IPV4_SIZE = 4;
inline constexpr size_t ADDR_IPV6_SIZE = 16;
inline constexpr size_t ADDR_TORV3_SIZE = 32;
inline constexpr size_t ADDR_I2P_SIZE = 32;
inline constexpr size_t ADDR_CJDNS_SIZE = 16;
inline constexpr size_t ADDR_INTERNAL_SIZE = 10;
// BIP155: "Field addr has a variable length, with a maximum of 512 bytes."
inline constexpr size_t MAX_ADDRV2_SIZE = 512;
// BIP155 and Core's MAX_ADDR_TO_SEND: entries in one addr or addrv2 message.
inline constexpr size_t MAX_ADDR_TO_SEND = 1000;
// Size of the legacy (pre-BIP155) encoding.
inline constexpr size_t ADDR_V1_SIZE = 16;

// The 12-byte prefix of an IPv4-mapped IPv6 address (::ffff:0:0/96).
inline constexpr std::array<uint8_t, 12> IPV4_IN_IPV6_PREFIX{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
// OnionCat: Tor v2 inside IPv6 (fd87:d87e:eb43::/48); ignored on receipt.
inline constexpr std::array<uint8_t, 6> TORV2_IN_IPV6_PREFIX{0xfd, 0x87, 0xd8, 0x7e, 0xeb, 0x43};
// Core's prefix for internal addresses in the legacy encoding: 0xfd then the
// first five bytes of SHA256("bitcoin").
inline constexpr std::array<uint8_t, 6> INTERNAL_IN_IPV6_PREFIX{0xfd, 0x6b, 0x88, 0xc0, 0x87, 0x24};

class NetAddress {
public:
    // The unspecified IPv6 address "::": not valid, as Core's default CNetAddr.
    NetAddress() = default;

    static NetAddress FromIp(const util::IpAddress& ip);
    // `bytes` must have the network's size; nullopt otherwise, or for UNROUTABLE.
    static std::optional<NetAddress> FromBytes(Network network, util::ByteSpan bytes);
    // The legacy 16 bytes: IPv4-mapped becomes IPV4, Core's internal prefix
    // INTERNAL, OnionCat (Tor v2) the invalid "::" (Core's SetLegacyIPv6).
    static NetAddress FromLegacyBytes(std::span<const uint8_t, ADDR_V1_SIZE> bytes);
    // Core's SetInternal: the first 10 bytes of SHA256(name); nullopt for "".
    static std::optional<NetAddress> MakeInternal(std::string_view name);
    // Numeric text only, never a name lookup: an IPv4 or IPv6 address (as
    // util::IpAddress::Parse takes it), a Tor v3 name ("<56 base32>.onion",
    // checksum and version checked) or an I2P name ("<52 base32>.b32.i2p").
    static std::optional<NetAddress> Parse(std::string_view text);

    // The network the bytes belong to: never UNROUTABLE.
    Network RawNetwork() const { return m_network; }
    // Core's GetNetwork: INTERNAL, UNROUTABLE when !IsRoutable(), else the raw network.
    Network GetNetwork() const;
    // Core's GetNetClass: as GetNetwork, but IPv6 addresses that carry an IPv4
    // address (6to4, Teredo, NAT64, SIIT) count as IPV4.
    Network GetNetClass() const;

    // The address bytes (4, 16, 32, 32, 16 or 10 of them).
    util::ByteSpan Bytes() const { return {m_bytes.data(), m_size}; }
    // Core's GetAddrBytes: the legacy 16 bytes for IPv4, IPv6 and internal
    // addresses, the raw bytes for the others. Hashed into bucket positions.
    util::Bytes GetAddrBytes() const;
    // IPV4 and IPV6 only.
    std::optional<util::IpAddress> ToIp() const;

    bool IsIPv4() const { return m_network == Network::IPV4; }
    bool IsIPv6() const { return m_network == Network::IPV6; }
    bool IsTor() const { return m_network == Network::ONION; }
    bool IsI2P() const { return m_network == Network::I2P; }
    bool IsCJDNS() const { return m_network == Network::CJDNS; }
    bool IsInternal() const { return m_network == Network::INTERNAL; }
    // Representable in the legacy encoding: IPv4, IPv6, internal.
    bool IsAddrV1Compatible() const;

    bool IsRFC1918() const; // IPv4 private: 10/8, 192.168/16, 172.16/12
    bool IsRFC2544() const; // IPv4 benchmarking: 198.18/15
    bool IsRFC3927() const; // IPv4 link-local: 169.254/16
    bool IsRFC6598() const; // IPv4 carrier-grade NAT: 100.64/10
    bool IsRFC5737() const; // IPv4 documentation: 192.0.2/24, 198.51.100/24, 203.0.113/24
    bool IsRFC3849() const; // IPv6 documentation: 2001:db8::/32
    bool IsRFC3964() const; // IPv6 6to4 tunnel: 2002::/16
    bool IsRFC4193() const; // IPv6 unique local: fc00::/7
    bool IsRFC4380() const; // IPv6 Teredo tunnel: 2001::/32
    bool IsRFC4843() const; // IPv6 ORCHID: 2001:10::/28
    bool IsRFC7343() const; // IPv6 ORCHIDv2: 2001:20::/28
    bool IsRFC4862() const; // IPv6 link-local autoconfig: fe80::/64
    bool IsRFC6052() const; // IPv6 well-known NAT64 prefix: 64:ff9b::/96
    bool IsRFC6145() const; // IPv6 IPv4-translated (SIIT): ::ffff:0:0:0/96
    bool IsHeNet() const;   // Hurricane Electric: 2001:470::/32
    // Loopback or "this network": 127/8, 0/8, ::1.
    bool IsLocal() const;
    // Could name a real host: not ::, 0.0.0.0, 255.255.255.255, 2001:db8::/32,
    // internal, or a CJDNS address outside fc00::/8.
    bool IsValid() const;
    // Valid and in none of the private, link-local, documentation, ORCHID,
    // CGNAT, benchmarking, loopback or internal ranges.
    bool IsRoutable() const;
    // Routable and IPv4, or an IPv6 form that embeds an IPv4 address.
    bool HasLinkedIPv4() const;
    // Precondition: HasLinkedIPv4(). Host order (1.2.3.4 is 0x01020304).
    uint32_t GetLinkedIPv4() const;

    // The bucketing group (Core's NetGroupManager::GetGroup without an
    // asmap): the net class byte, then IPv4 (and IPv4 reached through a
    // tunnel) /16, IPv6 /32, Hurricane Electric /36, Tor and I2P the first 4
    // bits, CJDNS the 4 bits after its constant first byte, internal
    // addresses all 10 bytes; local and other unroutable addresses share the
    // one group {UNROUTABLE}. Bits past the prefix in the last byte are ones.
    util::Bytes GetGroup() const;

    // "1.2.3.4", "2001:db8::1", "<56 base32>.onion", "<52 base32>.b32.i2p",
    // CJDNS as IPv6, internal as "<16 base32>.internal".
    std::string ToString() const;

    friend bool operator==(const NetAddress&, const NetAddress&) = default;
    friend auto operator<=>(const NetAddress&, const NetAddress&) = default;

private:
    NetAddress(Network network, util::ByteSpan bytes);

    Network m_network{Network::IPV6};
    uint8_t m_size{ADDR_IPV6_SIZE};
    std::array<uint8_t, 32> m_bytes{}; // unused tail stays zero
};

// An address and a port.
struct Service {
    NetAddress address;
    uint16_t port{0};

    // Core's CService::GetKey: GetAddrBytes() then the port, big-endian.
    util::Bytes GetKey() const;
    // "1.2.3.4:8333", "[2001:db8::1]:8333", "<name>.onion:8333" (IPv6 and
    // CJDNS in brackets), as Core's ToStringAddrPort.
    std::string ToString() const;

    friend bool operator==(const Service&, const Service&) = default;
    friend auto operator<=>(const Service&, const Service&) = default;
};

// "host", "host:port", "[v6]", "[v6]:port" or a bare IPv6 address, with host
// anything NetAddress::Parse takes; `default_port` when none is given.
// nullopt for names that would need a lookup, and for a port that is not 1-65535.
std::optional<Service> ParseService(std::string_view text, uint16_t default_port);

// One entry of an addr or addrv2 message.
struct AddressRecord {
    uint32_t time{0};     // last seen, seconds since the epoch
    uint64_t services{0}; // service bits the peer advertised
    Service service;

    friend bool operator==(const AddressRecord&, const AddressRecord&) = default;
};

enum class AddrEncoding { V1, V2 };

// --- Pieces of the encodings (also for version messages and peers.dat) ---

// 16 bytes. Addresses that are not IsAddrV1Compatible() come out as zeros,
// as in Core: callers that gossip skip them instead.
void WriteAddressV1(util::ByteWriter& out, const NetAddress& address);
NetAddress ReadAddressV1(util::SpanReader& in);
// Network id, CompactSize length, bytes. Internal addresses go out as IPv6
// with Core's internal prefix (only peers.dat holds them).
void WriteAddressV2(util::ByteWriter& out, const NetAddress& address);
// nullopt for an entry BIP155 says to ignore (unknown network id, Tor v2, an
// IPv4-mapped or OnionCat address under the IPv6 id), its bytes consumed. A
// length above 512 or a known id with the wrong length fails `in` with the
// reason. An IPv6 id with Core's internal prefix reads as INTERNAL.
std::optional<NetAddress> ReadAddressV2(util::SpanReader& in);

void WriteService(util::ByteWriter& out, const Service& service, AddrEncoding encoding);
std::optional<Service> ReadService(util::SpanReader& in, AddrEncoding encoding);
// time (uint32), services (uint64 in V1, CompactSize in V2), service.
void WriteAddressRecord(util::ByteWriter& out, const AddressRecord& record, AddrEncoding encoding);
// nullopt when the address is skipped (see ReadAddressV2 and FromLegacyBytes:
// Tor v2 in V1 is skipped too), or when `in` failed.
std::optional<AddressRecord> ReadAddressRecord(util::SpanReader& in, AddrEncoding encoding);

// --- Whole message payloads ---

struct DecodedAddrs {
    std::vector<AddressRecord> records;
    size_t skipped{0}; // entries BIP155 says to ignore
};

// Precondition: at most MAX_ADDR_TO_SEND records. `addr` leaves out records
// that are not IsAddrV1Compatible(); `addrv2` writes them all.
util::Bytes EncodeAddrPayload(std::span<const AddressRecord> records);
util::Bytes EncodeAddrV2Payload(std::span<const AddressRecord> records);
// Errors: more than 1,000 entries (checked before any is read), truncation,
// a non-canonical CompactSize, an oversized or wrong-length address, bytes
// after the last entry.
util::Result<DecodedAddrs> DecodeAddrPayload(util::ByteSpan payload);
util::Result<DecodedAddrs> DecodeAddrV2Payload(util::ByteSpan payload);

} // namespace net

#endif // UTXO_NET_NET_ADDRESS_H
