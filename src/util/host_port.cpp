#include <util/host_port.h>

#include <charconv>

namespace util {

std::optional<uint16_t> ParsePort(std::string_view text, bool allow_plus)
{
    if (allow_plus && !text.empty() && text[0] == '+') text.remove_prefix(1);
    uint16_t port = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return port;
}

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

} // namespace util
