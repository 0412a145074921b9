// An IPv4 or IPv6 network (address plus prefix), for -rpcallowip.
//
// Accepts what Bitcoin Core's LookupSubNet accepts for numeric input: a single
// address ("1.2.3.4", "::1": the whole-address /32 or /128), a prefix length
// ("1.2.3.0/24", "fd00::/8", "0.0.0.0/0", "::/0") or a netmask of the same
// family ("1.2.3.4/255.255.255.0"; a netmask with a one bit after a zero bit
// is rejected). Host bits are cleared, so "1.2.3.4/24" is "1.2.3.0/24". Names
// are never looked up. IPv4-mapped addresses (::ffff:a.b.c.d) count as IPv4,
// both in the text and in the peers matched. A plain value; thread-safe.
#ifndef UTXO_UTIL_SUBNET_H
#define UTXO_UTIL_SUBNET_H

#include <util/ip_address.h>
#include <util/result.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

struct sockaddr;

namespace util {

class Subnet {
public:
    // Error "<text> is not a valid subnet" for anything else.
    static util::Result<Subnet> Parse(std::string_view text);

    // True when the peer's address (AF_INET or AF_INET6) lies inside. An IPv4
    // subnet never matches a (non-mapped) IPv6 peer, nor the reverse: "::/0"
    // does not match 127.0.0.1, as in Core.
    bool Contains(const sockaddr* address) const;
    bool Contains(const IpAddress& address) const;

    // "1.2.3.0/24", "::1/128", as Core's CSubNet::ToString.
    std::string ToString() const;

    friend bool operator==(const Subnet&, const Subnet&) = default;

private:
    Subnet(IpAddress network, int prefix_bits);

    IpAddress m_network; // host bits cleared
    int m_prefix_bits{0};
};

} // namespace util

#endif // UTXO_UTIL_SUBNET_H
