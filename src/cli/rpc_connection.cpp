#include <cli/rpc_connection.h>

#include <charconv>
#include <fstream>

namespace cli {
namespace {

// The whole of `text` as a port number, "+" allowed in front (bitcoin-cli
// parses -rpcconnect's port this way; -rpcport takes digits only).
std::optional<uint16_t> ParsePort(std::string_view text, bool allow_plus)
{
    if (allow_plus && !text.empty() && text[0] == '+') text.remove_prefix(1);
    uint16_t port = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return port;
}

} // namespace

std::optional<HostPort> SplitHostPort(std::string_view text)
{
    HostPort out;
    bool valid = true;
    const size_t colon = text.rfind(':');
    if (colon != std::string_view::npos) {
        const bool bracketed = text[0] == '[' && colon > 0 && text[colon - 1] == ']';
        const bool more_colons = colon > 0 && text.rfind(':', colon - 1) != std::string_view::npos;
        // A colon is a port separator after "[...]" or when it is the only one.
        if (colon == 0 || bracketed || !more_colons) {
            valid = false;
            if (auto port = ParsePort(text.substr(colon + 1), /*allow_plus=*/true)) {
                text = text.substr(0, colon);
                out.port = *port;
                valid = *port != 0;
            }
        }
    }
    if (!valid) return std::nullopt;
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    out.host = std::string(text);
    return out;
}

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
