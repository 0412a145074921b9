#include <util/ip_address.h>

#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace util {
namespace {

constexpr std::array<uint8_t, 12> IPV4_MAPPED_PREFIX{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

IpAddress FromIpv6Bytes(const uint8_t* bytes)
{
    IpAddress out;
    if (std::memcmp(bytes, IPV4_MAPPED_PREFIX.data(), IPV4_MAPPED_PREFIX.size()) == 0) {
        std::memcpy(out.bytes.data(), bytes + 12, 4);
        return out;
    }
    out.is_ipv4 = false;
    std::memcpy(out.bytes.data(), bytes, 16);
    return out;
}

} // namespace

std::optional<IpAddress> IpAddress::Parse(std::string_view text)
{
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    // inet_pton wants a NUL-terminated string; anything with an embedded NUL
    // or longer than the longest address text is not an address.
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN || text.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    const std::string copy(text);
    IpAddress out;
    if (inet_pton(AF_INET, copy.c_str(), out.bytes.data()) == 1) return out;
    uint8_t bytes[16];
    if (inet_pton(AF_INET6, copy.c_str(), bytes) == 1) return FromIpv6Bytes(bytes);
    return std::nullopt;
}

std::optional<IpAddress> IpAddress::FromSockaddr(const sockaddr* address, uint16_t* port)
{
    if (address == nullptr) return std::nullopt;
    if (address->sa_family == AF_INET) {
        sockaddr_in in;
        std::memcpy(&in, address, sizeof(in));
        IpAddress out;
        std::memcpy(out.bytes.data(), &in.sin_addr, 4);
        if (port) *port = ntohs(in.sin_port);
        return out;
    }
    if (address->sa_family == AF_INET6) {
        sockaddr_in6 in6;
        std::memcpy(&in6, address, sizeof(in6));
        if (port) *port = ntohs(in6.sin6_port);
        return FromIpv6Bytes(in6.sin6_addr.s6_addr);
    }
    return std::nullopt;
}

std::string IpAddress::ToString() const
{
    if (is_ipv4) {
        return std::to_string(bytes[0]) + '.' + std::to_string(bytes[1]) + '.' + std::to_string(bytes[2]) + '.' +
               std::to_string(bytes[3]);
    }
    uint16_t groups[8];
    for (int i = 0; i < 8; ++i) groups[i] = static_cast<uint16_t>((bytes[2 * i] << 8) | bytes[2 * i + 1]);
    // RFC 5952 section 4.2: compress the longest run of zero groups, if it is
    // at least two long; the first such run when two are equally long.
    int best_start = -1, best_length = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0) ++j;
        if (j - i > best_length) {
            best_start = i;
            best_length = j - i;
        }
        i = j;
    }
    static constexpr char DIGITS[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == best_start) {
            out += "::";
            i += best_length - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const int digit = (groups[i] >> shift) & 0xf;
            if (digit != 0 || started || shift == 0) {
                out += DIGITS[digit];
                started = true;
            }
        }
    }
    return out;
}

std::string FormatAddressPort(const IpAddress& address, uint16_t port)
{
    if (address.is_ipv4) return address.ToString() + ':' + std::to_string(port);
    return '[' + address.ToString() + "]:" + std::to_string(port);
}

} // namespace util
