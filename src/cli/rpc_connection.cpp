#include <cli/rpc_connection.h>

#include <util/host_port.h>

#include <fstream>

namespace cli {

using util::ParsePort;
using util::SplitHostPort;

util::Result<Endpoint> SelectEndpoint(std::string_view rpcconnect, const std::optional<std::string>& rpcport,
                                      uint16_t default_port)
{
    const auto split = SplitHostPort(rpcconnect);
    if (!split) return util::Error{"Invalid port provided in -rpcconnect: " + std::string(rpcconnect)};
    Endpoint endpoint{split->host, split->port != 0 ? split->port : default_port, {}};
    if (rpcport) {
        const auto port = ParsePort(*rpcport, /*allow_plus=*/false);
        if (!port || *port == 0) return util::Error{"Invalid port provided in -rpcport: " + *rpcport};
        endpoint.port = *port;
        if (split->port != 0) {
            endpoint.warning = "Warning: Port specified in both -rpcconnect and -rpcport. Using -rpcport " +
                               std::to_string(*port);
        }
    }
    return endpoint;
}

std::string UriEncode(std::string_view text)
{
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += HEX[c >> 4];
            out += HEX[c & 15];
        }
    }
    return out;
}

std::string RequestPath(const std::optional<std::string>& wallet)
{
    if (!wallet) return "/";
    return "/wallet/" + UriEncode(*wallet);
}

std::optional<std::filesystem::path> CookieFilePath(const std::optional<std::string>& rpccookiefile, bool negated,
                                                    const std::filesystem::path& network_dir)
{
    if (negated) return std::nullopt;
    // An empty value ("-rpccookiefile=") means the default, as in bitcoin-cli.
    const std::filesystem::path given =
        rpccookiefile && !rpccookiefile->empty() ? std::filesystem::path(*rpccookiefile) : ".cookie";
    return given.is_absolute() ? given : network_dir / given;
}

Credentials SelectCredentials(const std::string& rpcuser, const std::string& rpcpassword,
                              const std::optional<std::filesystem::path>& cookie_file)
{
    if (!rpcpassword.empty()) return Credentials{rpcuser + ":" + rpcpassword, false};
    if (!cookie_file) return Credentials{};
    std::ifstream file(*cookie_file);
    if (!file.is_open()) return Credentials{{}, true};
    std::string line;
    std::getline(file, line);
    return Credentials{line, false};
}

} // namespace cli
