// "host[:port]" as Bitcoin Core reads it for -rpcconnect, -rpcbind and the
// like: "host", "host:port", "[v6]", "[v6]:port", or a bare IPv6 address
// (whose colons are not a port separator).
#ifndef UTXO_UTIL_HOST_PORT_H
#define UTXO_UTIL_HOST_PORT_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace util {

struct HostPort {
    std::string host; // without the brackets of "[::1]"
    uint16_t port{0}; // 0 when none was given
};

// The whole of `text` as a port number (0 to 65535), "+" allowed in front
// when `allow_plus`. nullopt for anything else.
std::optional<uint16_t> ParsePort(std::string_view text, bool allow_plus);

// nullopt when a port is given but is not a number from 1 to 65535 ("+"
// before it is allowed, as in Core).
std::optional<HostPort> SplitHostPort(std::string_view text);

} // namespace util

#endif // UTXO_UTIL_HOST_PORT_H
