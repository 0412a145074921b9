// An IPv4 or IPv6 address as bytes: parsed from text, taken from a sockaddr,
// printed the way Bitcoin Core prints peers.
//
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) become IPv4 on the way in, as
// Core's CNetAddr does, so a peer reaching a dual-stack socket over IPv4 is
// matched and printed as the IPv4 address it is. A plain value; thread-safe.
#ifndef UTXO_UTIL_IP_ADDRESS_H
#define UTXO_UTIL_IP_ADDRESS_H

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sockaddr;

namespace util {

struct IpAddress {
    bool is_ipv4{true};
    // IPv4 uses the first 4 bytes; the rest stay zero.
    std::array<uint8_t, 16> bytes{};

    size_t Size() const { return is_ipv4 ? 4 : 16; }

    // Numeric text only, never a name lookup: dotted quad ("1.2.3.4") or IPv6
    // ("::1", "fd00::1", "::ffff:1.2.3.4"), optionally in brackets ("[::1]").
    static std::optional<IpAddress> Parse(std::string_view text);
    // AF_INET or AF_INET6; nullopt for other families or a null pointer.
    // `port`, when given, receives the port in host order.
    static std::optional<IpAddress> FromSockaddr(const sockaddr* address, uint16_t* port = nullptr);

    // "1.2.3.4", or RFC 5952 text for IPv6 ("fd00::1", "::1"; the longest run
    // of two or more zero groups, the first on a tie, becomes "::").
    std::string ToString() const;

    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

// "127.0.0.1:54321" or "[::1]:54321", as Core prints a peer.
std::string FormatAddressPort(const IpAddress& address, uint16_t port);

} // namespace util

#endif // UTXO_UTIL_IP_ADDRESS_H
