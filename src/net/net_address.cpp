#include <net/net_address.h>

#include <crypto/sha256.h>
#include <crypto/sha3.h>
#include <util/endian.h>
#include <util/host_port.h>

#include <algorithm>
#include <cassert>
#include <cstring>

namespace net {
namespace {

constexpr std::string_view ONION_SUFFIX = ".onion";
constexpr std::string_view I2P_SUFFIX = ".b32.i2p";
constexpr size_t I2P_BASE32_LENGTH = 52;

// Tor v3 names (rend-spec-v3, "Encoding onion addresses"; BIP155 appendix B):
// base32(PUBKEY | CHECKSUM | VERSION) with a 2-byte checksum and version 3.
constexpr uint8_t TORV3_VERSION = 3;
constexpr size_t TORV3_CHECKSUM_SIZE = 2;
constexpr size_t TORV3_NAME_BYTES = ADDR_TORV3_SIZE + TORV3_CHECKSUM_SIZE + 1;

constexpr std::string_view BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

size_t NetworkSize(Network network)
{
    switch (network) {
    case Network::IPV4: return ADDR_IPV4_SIZE;
    case Network::IPV6: return ADDR_IPV6_SIZE;
    case Network::ONION: return ADDR_TORV3_SIZE;
    case Network::I2P: return ADDR_I2P_SIZE;
    case Network::CJDNS: return ADDR_CJDNS_SIZE;
    case Network::INTERNAL: return ADDR_INTERNAL_SIZE;
    case Network::UNROUTABLE: return 0;
    }
    return 0;
}

template <size_t N>
bool HasPrefix(util::ByteSpan bytes, const std::array<uint8_t, N>& prefix)
{
    return bytes.size() >= N && std::equal(prefix.begin(), prefix.end(), bytes.begin());
}

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix)
{
    if (text.size() < suffix.size()) return false;
    const std::string_view tail = text.substr(text.size() - suffix.size());
    return std::equal(tail.begin(), tail.end(), suffix.begin(),
                      [](char a, char b) { return ToLowerAscii(a) == b; });
}

// RFC 4648 base32, lower case, without padding.
std::string EncodeBase32(util::ByteSpan bytes)
{
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (uint8_t byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += BASE32_ALPHABET[(buffer >> bits) & 31];
        }
    }
    if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
    return out;
}

// The inverse, either case, no padding; nullopt for other characters or for
// leftover bits that are not zero (so each byte string has one spelling).
std::optional<util::Bytes> DecodeBase32(std::string_view text)
{
    util::Bytes out;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const size_t value = BASE32_ALPHABET.find(ToLowerAscii(c));
        if (value == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 5) | static_cast<uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<uint8_t>(buffer >> bits));
        }
    }
    if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

std::array<uint8_t, TORV3_CHECKSUM_SIZE> TorV3Checksum(util::ByteSpan pubkey)
{
    // CHECKSUM = SHA3-256(".onion checksum" | PUBKEY | VERSION)[:2]
    crypto::Sha3_256 hasher;
    hasher.Write(util::AsBytes(".onion checksum")).Write(pubkey).Write(util::ByteSpan(&TORV3_VERSION, 1));
    const auto digest = hasher.Finalize();
    return {digest[0], digest[1]};
}

std::optional<NetAddress> ParseOnion(std::string_view text)
{
    const auto decoded = DecodeBase32(text.substr(0, text.size() - ONION_SUFFIX.size()));
    if (!decoded || decoded->size() != TORV3_NAME_BYTES) return std::nullopt;
    const util::ByteSpan pubkey(decoded->data(), ADDR_TORV3_SIZE);
    const auto checksum = TorV3Checksum(pubkey);
    if (!std::equal(checksum.begin(), checksum.end(), decoded->begin() + ADDR_TORV3_SIZE)) return std::nullopt;
    if (decoded->back() != TORV3_VERSION) return std::nullopt;
    return NetAddress::FromBytes(Network::ONION, pubkey);
}

std::optional<NetAddress> ParseI2P(std::string_view text)
{
    if (text.size() != I2P_BASE32_LENGTH + I2P_SUFFIX.size()) return std::nullopt;
    const auto decoded = DecodeBase32(text.substr(0, I2P_BASE32_LENGTH));
    if (!decoded) return std::nullopt;
    return NetAddress::FromBytes(Network::I2P, *decoded);
}

std::string OnionToString(util::ByteSpan pubkey)
{
    util::Bytes name(pubkey.begin(), pubkey.end());
    const auto checksum = TorV3Checksum(pubkey);
    name.insert(name.end(), checksum.begin(), checksum.end());
    name.push_back(TORV3_VERSION);
    return EncodeBase32(name) + std::string(ONION_SUFFIX);
}

std::string Ipv6ToString(util::ByteSpan bytes)
{
    util::IpAddress ip;
    ip.is_ipv4 = false;
    std::copy(bytes.begin(), bytes.end(), ip.bytes.begin());
    return ip.ToString();
}

std::optional<Bip155Network> Bip155Id(Network network)
{
    switch (network) {
    case Network::IPV4: return Bip155Network::IPV4;
    case Network::IPV6: return Bip155Network::IPV6;
    case Network::ONION: return Bip155Network::TORV3;
    case Network::I2P: return Bip155Network::I2P;
    case Network::CJDNS: return Bip155Network::CJDNS;
    case Network::INTERNAL:
    case Network::UNROUTABLE: return std::nullopt;
    }
    return std::nullopt;
}

struct KnownNetworkId {
    Network network;
    const char* name; // for error messages, as Core names them
};

// The BIP155 ids we read; Tor v2 (id 3) is no longer used and BIP155 asks
// that it be ignored on receipt, like ids we do not know.
std::optional<KnownNetworkId> KnownBip155(uint8_t id)
{
    switch (id) {
    case static_cast<uint8_t>(Bip155Network::IPV4): return KnownNetworkId{Network::IPV4, "IPv4"};
    case static_cast<uint8_t>(Bip155Network::IPV6): return KnownNetworkId{Network::IPV6, "IPv6"};
    case static_cast<uint8_t>(Bip155Network::TORV3): return KnownNetworkId{Network::ONION, "TORv3"};
    case static_cast<uint8_t>(Bip155Network::I2P): return KnownNetworkId{Network::I2P, "I2P"};
    case static_cast<uint8_t>(Bip155Network::CJDNS): return KnownNetworkId{Network::CJDNS, "CJDNS"};
    default: return std::nullopt;
    }
}

void WritePort(util::ByteWriter& out, uint16_t port)
{
    const uint8_t bytes[2]{static_cast<uint8_t>(port >> 8), static_cast<uint8_t>(port & 0xff)};
    out.WriteBytes(util::ByteSpan(bytes, 2));
}

uint16_t ReadPort(util::SpanReader& in)
{
    const util::ByteSpan bytes = in.ReadBytes(2);
    if (bytes.size() != 2) return 0;
    return static_cast<uint16_t>((bytes[0] << 8) | bytes[1]);
}

util::Bytes EncodePayload(std::span<const AddressRecord> records, AddrEncoding encoding)
{
    assert(records.size() <= MAX_ADDR_TO_SEND);
    const bool v1 = encoding == AddrEncoding::V1;
    const auto count = std::count_if(records.begin(), records.end(), [&](const AddressRecord& record) {
        return !v1 || record.service.address.IsAddrV1Compatible();
    });
    util::Bytes out;
    util::ByteWriter writer(out);
    writer.WriteCompactSize(static_cast<uint64_t>(count));
    for (const AddressRecord& record : records) {
        if (v1 && !record.service.address.IsAddrV1Compatible()) continue;
        WriteAddressRecord(writer, record, encoding);
    }
    return out;
}

util::Result<DecodedAddrs> DecodePayload(util::ByteSpan payload, AddrEncoding encoding)
{
    const std::string what = encoding == AddrEncoding::V1 ? "addr message" : "addrv2 message";
    util::SpanReader in(payload);
    const uint64_t count = in.ReadCompactSize(UINT64_MAX);
    if (!in.failed() && count > MAX_ADDR_TO_SEND) {
        // BIP155: "Clients SHOULD reject messages with more addresses."
        return util::Error{"invalid " + what + ": " + std::to_string(count) + " entries, more than " +
                           std::to_string(MAX_ADDR_TO_SEND)};
    }
    DecodedAddrs out;
    for (uint64_t i = 0; i < count && !in.failed(); ++i) {
        auto record = ReadAddressRecord(in, encoding);
        if (record) {
            out.records.push_back(std::move(*record));
        } else if (!in.failed()) {
            ++out.skipped;
        }
    }
    if (auto done = in.Finish(what); !done) return util::Error{done.error()};
    return out;
}

} // namespace

std::string_view NetworkName(Network network)
{
    switch (network) {
    case Network::IPV4: return "ipv4";
    case Network::IPV6: return "ipv6";
    case Network::ONION: return "onion";
    case Network::I2P: return "i2p";
    case Network::CJDNS: return "cjdns";
    case Network::INTERNAL: return "internal";
    case Network::UNROUTABLE: return "not_publicly_routable";
    }
    return "";
}

std::optional<Network> ParseNetwork(std::string_view name)
{
    std::string lower;
    for (char c : name) lower += ToLowerAscii(c);
    if (lower == "ipv4") return Network::IPV4;
    if (lower == "ipv6") return Network::IPV6;
    if (lower == "onion" || lower == "tor") return Network::ONION;
    if (lower == "i2p") return Network::I2P;
    if (lower == "cjdns") return Network::CJDNS;
    return std::nullopt;
}

// --- NetAddress ---

NetAddress::NetAddress(Network network, util::ByteSpan bytes)
    : m_network(network), m_size(static_cast<uint8_t>(bytes.size()))
{
    std::copy(bytes.begin(), bytes.end(), m_bytes.begin());
}

NetAddress NetAddress::FromIp(const util::IpAddress& ip)
{
    if (ip.is_ipv4) return NetAddress(Network::IPV4, util::ByteSpan(ip.bytes.data(), ADDR_IPV4_SIZE));
    return FromLegacyBytes(std::span<const uint8_t, ADDR_V1_SIZE>(ip.bytes));
}

std::optional<NetAddress> NetAddress::FromBytes(Network network, util::ByteSpan bytes)
{
    if (network == Network::UNROUTABLE || bytes.size() != NetworkSize(network)) return std::nullopt;
    return NetAddress(network, bytes);
}

NetAddress NetAddress::FromLegacyBytes(std::span<const uint8_t, ADDR_V1_SIZE> bytes)
{
    const util::ByteSpan all(bytes);
    if (HasPrefix(all, IPV4_IN_IPV6_PREFIX)) return NetAddress(Network::IPV4, all.subspan(IPV4_IN_IPV6_PREFIX.size()));
    if (HasPrefix(all, TORV2_IN_IPV6_PREFIX)) return NetAddress();
    if (HasPrefix(all, INTERNAL_IN_IPV6_PREFIX)) {
        return NetAddress(Network::INTERNAL, all.subspan(INTERNAL_IN_IPV6_PREFIX.size()));
    }
    return NetAddress(Network::IPV6, all);
}

std::optional<NetAddress> NetAddress::MakeInternal(std::string_view name)
{
    if (name.empty()) return std::nullopt;
    crypto::Sha256 hasher;
    const auto digest = hasher.Write(util::AsBytes(name)).Finalize();
    return NetAddress(Network::INTERNAL, util::ByteSpan(digest.data(), ADDR_INTERNAL_SIZE));
}

std::optional<NetAddress> NetAddress::Parse(std::string_view text)
{
    if (text.find('\0') != std::string_view::npos) return std::nullopt;
    if (EndsWithIgnoringCase(text, ONION_SUFFIX)) return ParseOnion(text);
    if (EndsWithIgnoringCase(text, I2P_SUFFIX)) return ParseI2P(text);
    const auto ip = util::IpAddress::Parse(text);
    if (!ip) return std::nullopt;
    return FromIp(*ip);
}

Network NetAddress::GetNetwork() const
{
    if (IsInternal()) return Network::INTERNAL;
    if (!IsRoutable()) return Network::UNROUTABLE;
    return m_network;
}

Network NetAddress::GetNetClass() const
{
    if (IsInternal()) return Network::INTERNAL;
    if (!IsRoutable()) return Network::UNROUTABLE;
    if (HasLinkedIPv4()) return Network::IPV4;
    return m_network;
}

util::Bytes NetAddress::GetAddrBytes() const
{
    if (!IsAddrV1Compatible()) return util::Bytes(Bytes().begin(), Bytes().end());
    util::Bytes out;
    util::ByteWriter writer(out);
    WriteAddressV1(writer, *this);
    return out;
}

std::optional<util::IpAddress> NetAddress::ToIp() const
{
    if (!IsIPv4() && !IsIPv6()) return std::nullopt;
    util::IpAddress ip;
    ip.is_ipv4 = IsIPv4();
    std::copy(Bytes().begin(), Bytes().end(), ip.bytes.begin());
    return ip;
}

bool NetAddress::IsAddrV1Compatible() const { return IsIPv4() || IsIPv6() || IsInternal(); }

bool NetAddress::IsRFC1918() const
{
    const auto& a = m_bytes;
    return IsIPv4() && (a[0] == 10 || (a[0] == 192 && a[1] == 168) || (a[0] == 172 && a[1] >= 16 && a[1] <= 31));
}

bool NetAddress::IsRFC2544() const { return IsIPv4() && m_bytes[0] == 198 && (m_bytes[1] == 18 || m_bytes[1] == 19); }

bool NetAddress::IsRFC3927() const { return IsIPv4() && m_bytes[0] == 169 && m_bytes[1] == 254; }

bool NetAddress::IsRFC6598() const { return IsIPv4() && m_bytes[0] == 100 && m_bytes[1] >= 64 && m_bytes[1] <= 127; }

bool NetAddress::IsRFC5737() const
{
    const auto& a = m_bytes;
    return IsIPv4() && ((a[0] == 192 && a[1] == 0 && a[2] == 2) || (a[0] == 198 && a[1] == 51 && a[2] == 100) ||
                        (a[0] == 203 && a[1] == 0 && a[2] == 113));
}

bool NetAddress::IsRFC3849() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 4>{0x20, 0x01, 0x0d, 0xb8});
}

bool NetAddress::IsRFC3964() const { return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 2>{0x20, 0x02}); }

bool NetAddress::IsRFC4193() const { return IsIPv6() && (m_bytes[0] & 0xfe) == 0xfc; }

bool NetAddress::IsRFC4380() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 4>{0x20, 0x01, 0x00, 0x00});
}

bool NetAddress::IsRFC4843() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 3>{0x20, 0x01, 0x00}) && (m_bytes[3] & 0xf0) == 0x10;
}

bool NetAddress::IsRFC7343() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 3>{0x20, 0x01, 0x00}) && (m_bytes[3] & 0xf0) == 0x20;
}

bool NetAddress::IsRFC4862() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 8>{0xfe, 0x80, 0, 0, 0, 0, 0, 0});
}

bool NetAddress::IsRFC6052() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 12>{0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
}

bool NetAddress::IsRFC6145() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 12>{0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0});
}

bool NetAddress::IsHeNet() const
{
    return IsIPv6() && HasPrefix(Bytes(), std::array<uint8_t, 4>{0x20, 0x01, 0x04, 0x70});
}

bool NetAddress::IsLocal() const
{
    if (IsIPv4() && (m_bytes[0] == 127 || m_bytes[0] == 0)) return true;
    static constexpr std::array<uint8_t, 16> LOOPBACK{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return IsIPv6() && std::equal(LOOPBACK.begin(), LOOPBACK.end(), m_bytes.begin());
}

bool NetAddress::IsValid() const
{
    const util::ByteSpan bytes = Bytes();
    const bool all_zero = std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
    if (IsIPv6() && all_zero) return false;
    if (IsCJDNS() && m_bytes[0] != 0xfc) return false;
    if (IsRFC3849() || IsInternal()) return false;
    if (IsIPv4()) {
        const bool all_ones = std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0xff; });
        if (all_zero || all_ones) return false; // INADDR_ANY, INADDR_NONE
    }
    return true;
}

bool NetAddress::IsRoutable() const
{
    return IsValid() && !(IsRFC1918() || IsRFC2544() || IsRFC3927() || IsRFC4862() || IsRFC6598() || IsRFC5737() ||
                          IsRFC4193() || IsRFC4843() || IsRFC7343() || IsLocal() || IsInternal());
}

bool NetAddress::HasLinkedIPv4() const
{
    return IsRoutable() && (IsIPv4() || IsRFC6145() || IsRFC6052() || IsRFC3964() || IsRFC4380());
}

uint32_t NetAddress::GetLinkedIPv4() const
{
    if (IsIPv4()) return util::ReadBE32(m_bytes.data());
    if (IsRFC6052() || IsRFC6145()) return util::ReadBE32(m_bytes.data() + 12); // the last 4 bytes
    if (IsRFC3964()) return util::ReadBE32(m_bytes.data() + 2);                 // 2002:AABB:CCDD::
    if (IsRFC4380()) return ~util::ReadBE32(m_bytes.data() + 12);              // Teredo: inverted
    assert(false);
    return 0;
}

util::Bytes NetAddress::GetGroup() const
{
    const Network net_class = GetNetClass();
    util::Bytes group{static_cast<uint8_t>(net_class)};
    size_t start = 0;
    int bits = 0;
    if (IsLocal()) {
        // All local addresses share one group.
    } else if (IsInternal()) {
        start = INTERNAL_IN_IPV6_PREFIX.size(); // skip the prefix GetAddrBytes() adds
        bits = ADDR_INTERNAL_SIZE * 8;
    } else if (!IsRoutable()) {
        // All other unroutable addresses share one group.
    } else if (HasLinkedIPv4()) {
        const uint32_t ipv4 = GetLinkedIPv4();
        group.push_back(static_cast<uint8_t>(ipv4 >> 24));
        group.push_back(static_cast<uint8_t>(ipv4 >> 16));
        return group;
    } else if (IsTor() || IsI2P()) {
        bits = 4;
    } else if (IsCJDNS()) {
        bits = 12; // the first byte is always 0xfc: the random bits come after it
    } else if (IsHeNet()) {
        bits = 36;
    } else {
        bits = 32;
    }
    const util::Bytes bytes = GetAddrBytes();
    const size_t whole = static_cast<size_t>(bits / 8);
    group.insert(group.end(), bytes.begin() + start, bytes.begin() + start + whole);
    if (bits % 8 != 0) group.push_back(bytes[start + whole] | static_cast<uint8_t>((1 << (8 - bits % 8)) - 1));
    return group;
}

std::string NetAddress::ToString() const
{
    switch (m_network) {
    case Network::IPV4: return ToIp()->ToString();
    case Network::IPV6:
    case Network::CJDNS: return Ipv6ToString(Bytes());
    case Network::ONION: return OnionToString(Bytes());
    case Network::I2P: return EncodeBase32(Bytes()) + std::string(I2P_SUFFIX);
    case Network::INTERNAL: return EncodeBase32(Bytes()) + ".internal";
    case Network::UNROUTABLE: break;
    }
    return "";
}

// --- Service ---

util::Bytes Service::GetKey() const
{
    util::Bytes key = address.GetAddrBytes();
    key.push_back(static_cast<uint8_t>(port >> 8));
    key.push_back(static_cast<uint8_t>(port & 0xff));
    return key;
}

std::string Service::ToString() const
{
    const std::string host = address.ToString();
    if (address.IsIPv6() || address.IsCJDNS()) return '[' + host + "]:" + std::to_string(port);
    return host + ':' + std::to_string(port);
}

std::optional<Service> ParseService(std::string_view text, uint16_t default_port)
{
    const auto split = util::SplitHostPort(text);
    if (!split) return std::nullopt;
    const auto address = NetAddress::Parse(split->host);
    if (!address) return std::nullopt;
    return Service{*address, split->port != 0 ? split->port : default_port};
}

// --- Encodings ---

void WriteAddressV1(util::ByteWriter& out, const NetAddress& address)
{
    std::array<uint8_t, ADDR_V1_SIZE> bytes{};
    const util::ByteSpan raw = address.Bytes();
    if (address.IsIPv4()) {
        std::copy(IPV4_IN_IPV6_PREFIX.begin(), IPV4_IN_IPV6_PREFIX.end(), bytes.begin());
        std::copy(raw.begin(), raw.end(), bytes.begin() + IPV4_IN_IPV6_PREFIX.size());
    } else if (address.IsIPv6()) {
        std::copy(raw.begin(), raw.end(), bytes.begin());
    } else if (address.IsInternal()) {
        std::copy(INTERNAL_IN_IPV6_PREFIX.begin(), INTERNAL_IN_IPV6_PREFIX.end(), bytes.begin());
        std::copy(raw.begin(), raw.end(), bytes.begin() + INTERNAL_IN_IPV6_PREFIX.size());
    } // Tor v3, I2P and CJDNS do not fit: all zeros, as Core writes them.
    out.WriteBytes(bytes);
}

NetAddress ReadAddressV1(util::SpanReader& in)
{
    std::array<uint8_t, ADDR_V1_SIZE> bytes{};
    in.ReadInto(bytes);
    return NetAddress::FromLegacyBytes(bytes);
}

void WriteAddressV2(util::ByteWriter& out, const NetAddress& address)
{
    if (address.IsInternal()) {
        out.WriteU8(static_cast<uint8_t>(Bip155Network::IPV6));
        out.WriteCompactSize(ADDR_IPV6_SIZE);
        WriteAddressV1(out, address);
        return;
    }
    out.WriteU8(static_cast<uint8_t>(*Bip155Id(address.RawNetwork())));
    out.WriteVarBytes(address.Bytes());
}

std::optional<NetAddress> ReadAddressV2(util::SpanReader& in)
{
    const uint8_t id = in.ReadU8();
    const uint64_t size = in.ReadCompactSize(UINT64_MAX);
    if (in.failed()) return std::nullopt;
    // BIP155: "Clients SHOULD reject messages with longer addresses,
    // irrespective of the network ID."
    if (size > MAX_ADDRV2_SIZE) {
        in.Fail("address too long: " + std::to_string(size) + " > " + std::to_string(MAX_ADDRV2_SIZE));
        return std::nullopt;
    }
    const util::ByteSpan bytes = in.ReadBytes(static_cast<size_t>(size));
    if (in.failed()) return std::nullopt;

    // Unknown ids (from the future) and Tor v2 are skipped, so the rest of
    // the message still reads.
    const auto known = KnownBip155(id);
    if (!known) return std::nullopt;
    const Network network = known->network;
    if (size != NetworkSize(network)) {
        // BIP155: "Clients SHOULD reject messages that contain addresses that
        // have a different length than specified in this table".
        in.Fail(std::string("BIP155 ") + known->name + " address with length " + std::to_string(size) +
                " (should be " + std::to_string(NetworkSize(network)) + ")");
        return std::nullopt;
    }
    if (network == Network::IPV6) {
        // Core's internal addresses come back from peers.dat this way.
        if (HasPrefix(bytes, INTERNAL_IN_IPV6_PREFIX)) {
            return NetAddress::FromBytes(Network::INTERNAL, bytes.subspan(INTERNAL_IN_IPV6_PREFIX.size()));
        }
        // IPv4 and Tor v2 are not to be embedded in IPv6 under BIP155 (appendix A).
        if (HasPrefix(bytes, IPV4_IN_IPV6_PREFIX) || HasPrefix(bytes, TORV2_IN_IPV6_PREFIX)) return std::nullopt;
    }
    return NetAddress::FromBytes(network, bytes);
}

void WriteService(util::ByteWriter& out, const Service& service, AddrEncoding encoding)
{
    if (encoding == AddrEncoding::V1) {
        WriteAddressV1(out, service.address);
    } else {
        WriteAddressV2(out, service.address);
    }
    WritePort(out, service.port);
}

std::optional<Service> ReadService(util::SpanReader& in, AddrEncoding encoding)
{
    std::optional<NetAddress> address;
    if (encoding == AddrEncoding::V1) {
        std::array<uint8_t, ADDR_V1_SIZE> bytes{};
        in.ReadInto(bytes);
        // Tor v2 (OnionCat) is no longer used: skipped, as BIP155 asks.
        if (!HasPrefix(util::ByteSpan(bytes), TORV2_IN_IPV6_PREFIX)) address = NetAddress::FromLegacyBytes(bytes);
    } else {
        address = ReadAddressV2(in);
    }
    const uint16_t port = ReadPort(in);
    if (in.failed() || !address) return std::nullopt;
    return Service{*address, port};
}

void WriteAddressRecord(util::ByteWriter& out, const AddressRecord& record, AddrEncoding encoding)
{
    out.WriteU32LE(record.time);
    if (encoding == AddrEncoding::V1) {
        out.WriteU64LE(record.services);
    } else {
        out.WriteCompactSize(record.services);
    }
    WriteService(out, record.service, encoding);
}

std::optional<AddressRecord> ReadAddressRecord(util::SpanReader& in, AddrEncoding encoding)
{
    AddressRecord record;
    record.time = in.ReadU32LE();
    record.services = encoding == AddrEncoding::V1 ? in.ReadU64LE() : in.ReadCompactSize(UINT64_MAX);
    auto service = ReadService(in, encoding);
    if (!service) return std::nullopt;
    record.service = *service;
    return record;
}

util::Bytes EncodeAddrPayload(std::span<const AddressRecord> records)
{
    return EncodePayload(records, AddrEncoding::V1);
}

util::Bytes EncodeAddrV2Payload(std::span<const AddressRecord> records)
{
    return EncodePayload(records, AddrEncoding::V2);
}

util::Result<DecodedAddrs> DecodeAddrPayload(util::ByteSpan payload)
{
    return DecodePayload(payload, AddrEncoding::V1);
}

util::Result<DecodedAddrs> DecodeAddrV2Payload(util::ByteSpan payload)
{
    return DecodePayload(payload, AddrEncoding::V2);
}

} // namespace net
