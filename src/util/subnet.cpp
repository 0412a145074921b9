#include <util/subnet.h>

#include <algorithm>
#include <optional>

namespace util {
namespace {

// The prefix length of a contiguous netmask ("255.255.255.0" -> 24), or
// nullopt when a one bit follows a zero bit.
std::optional<int> NetmaskBits(const IpAddress& mask)
{
    int bits = 0;
    bool seen_zero = false;
    for (size_t i = 0; i < mask.Size(); ++i) {
        for (int bit = 7; bit >= 0; --bit) {
            if ((mask.bytes[i] >> bit) & 1) {
                if (seen_zero) return std::nullopt;
                ++bits;
            } else {
                seen_zero = true;
            }
        }
    }
    return bits;
}

// Decimal 0..255 as Core's ToIntegral<uint8_t> reads it: digits only.
std::optional<int> ParsePrefixLength(std::string_view text)
{
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
        if (value > 255) return std::nullopt;
    }
    return value;
}

bool IsDecimal(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

Subnet::Subnet(IpAddress network, int prefix_bits) : m_network(network), m_prefix_bits(prefix_bits)
{
    for (size_t i = 0; i < m_network.Size(); ++i) {
        const int bits_here = std::max(0, std::min(8, m_prefix_bits - static_cast<int>(8 * i)));
        const uint8_t mask = bits_here == 0 ? 0 : static_cast<uint8_t>(0xff << (8 - bits_here));
        m_network.bytes[i] &= mask;
    }
}

util::Result<Subnet> Subnet::Parse(std::string_view text)
{
    const util::Error invalid{std::string(text) + " is not a valid subnet"};
    const size_t slash = text.rfind('/');
    const auto address = IpAddress::Parse(text.substr(0, slash));
    if (!address) return invalid;
    const int max_bits = static_cast<int>(address->Size() * 8);
    if (slash == std::string_view::npos) return Subnet(*address, max_bits);

    const std::string_view suffix = text.substr(slash + 1);
    if (IsDecimal(suffix)) {
        // A number is always a prefix length, never a netmask, even when out of range.
        const auto bits = ParsePrefixLength(suffix);
        if (!bits || *bits > max_bits) return invalid;
        return Subnet(*address, *bits);
    }
    const auto mask = IpAddress::Parse(suffix);
    if (!mask || mask->is_ipv4 != address->is_ipv4) return invalid;
    const auto bits = NetmaskBits(*mask);
    if (!bits) return invalid;
    return Subnet(*address, *bits);
}

bool Subnet::Contains(const IpAddress& address) const
{
    if (address.is_ipv4 != m_network.is_ipv4) return false;
    return Subnet(address, m_prefix_bits).m_network == m_network;
}

bool Subnet::Contains(const sockaddr* address) const
{
    const auto ip = IpAddress::FromSockaddr(address);
    return ip && Contains(*ip);
}

std::string Subnet::ToString() const
{
    return m_network.ToString() + '/' + std::to_string(m_prefix_bits);
}

} // namespace util
