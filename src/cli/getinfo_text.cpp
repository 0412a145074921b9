#include <cli/getinfo_text.h>

#include <cli/json_access.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace cli {
namespace {

std::string Join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

// "Proxies: 127.0.0.1:9050 (ipv4, ipv6), ..." grouping networks by proxy, in first-seen order.
std::string Proxies(const boost::json::value& networks)
{
    std::vector<std::pair<std::string, std::vector<std::string>>> proxies;
    if (networks.is_array()) {
        for (const auto& network : networks.get_array()) {
            const std::string proxy = ValueString(Member(network, "proxy"));
            if (proxy.empty()) continue;
            auto it = std::find_if(proxies.begin(), proxies.end(), [&](const auto& p) { return p.first == proxy; });
            if (it == proxies.end()) it = proxies.insert(proxies.end(), {proxy, {}});
            it->second.push_back(ValueString(Member(network, "name")));
        }
    }
    std::vector<std::string> formatted;
    for (const auto& [proxy, names] : proxies) formatted.push_back(proxy + " (" + Join(names, ", ") + ")");
    return formatted.empty() ? "n/a" : Join(formatted, ", ");
}

std::string QuotedIfEmpty(const std::string& name) { return name.empty() ? "\"\"" : name; }

} // namespace

std::optional<bool> ShouldColorize(std::string_view setting, bool stdout_is_terminal)
{
    if (setting == "always") return true;
    if (setting == "never") return false;
    if (setting == "auto") return stdout_is_terminal;
    return std::nullopt;
}

std::string ProgressBar(double progress)
{
    std::string bar;
    if (progress < 0 || progress > 1) return bar;
    constexpr double INCREMENT = 0.05;
    for (int i = 0; i < progress / INCREMENT; ++i) bar += "\u2592";
    for (int i = 0; i < (1 - progress) / INCREMENT; ++i) bar += "\u2591";
    return bar;
}

util::Result<std::string> FormatGetinfo(const boost::json::value& result, bool colorize)
{
    const std::string reset = colorize ? "\x1B[0m" : "";
    const std::string green = colorize ? "\x1B[32m" : "";
    const std::string blue = colorize ? "\x1B[34m" : "";
    const std::string yellow = colorize ? "\x1B[33m" : "";
    const std::string magenta = colorize ? "\x1B[35m" : "";
    const std::string cyan = colorize ? "\x1B[36m" : "";
    const auto field = [&](std::string_view key) { return ValueString(Member(result, key)); };

    std::string out = blue + "Chain: " + field("chain") + reset + "\n";
    out += "Blocks: " + field("blocks") + "\n";
    out += "Headers: " + field("headers") + "\n";
    const auto progress = GetReal(Member(result, "verificationprogress"));
    if (!progress) return util::Error{progress.error()};
    // The bar only while far from done.
    const std::string bar = *progress < 0.99 ? ProgressBar(*progress) + " " : "";
    char percent[64];
    std::snprintf(percent, sizeof(percent), "%.4f%%", *progress * 100);
    out += "Verification progress: " + bar + percent + "\n";
    out += "Difficulty: " + field("difficulty") + "\n\n";

    const auto& connections = Member(result, "connections");
    out += green + "Network: in " + ValueString(Member(connections, "in")) + ", out " +
           ValueString(Member(connections, "out")) + ", total " + ValueString(Member(connections, "total")) + reset +
           "\n";
    out += "Version: " + field("version") + "\n";
    out += "Time offset (s): " + field("timeoffset") + "\n";
    out += "Proxies: " + Proxies(Member(result, "networks")) + "\n";
    out += "Min tx relay fee rate (BTC/kvB): " + field("relayfee") + "\n\n";

    if (!Member(result, "has_wallet").is_null()) {
        out += magenta + "Wallet: " + QuotedIfEmpty(field("walletname")) + reset + "\n";
        out += "Keypool size: " + field("keypoolsize") + "\n";
        if (!Member(result, "unlocked_until").is_null()) out += "Unlocked until: " + field("unlocked_until") + "\n";
        out += "Transaction fee rate (-paytxfee) (BTC/kvB): " + field("paytxfee") + "\n\n";
    }
    if (!Member(result, "balance").is_null()) out += cyan + "Balance:" + reset + " " + field("balance") + "\n\n";

    const auto& balances = Member(result, "balances");
    if (!balances.is_null()) {
        out += cyan + "Balances" + reset + "\n";
        size_t width = 10;
        if (balances.is_object()) {
            for (const auto& entry : balances.get_object()) width = std::max(width, ValueString(entry.value()).size());
            for (const auto& entry : balances.get_object()) {
                const std::string amount = ValueString(entry.value());
                out += std::string(width - amount.size(), ' ') + amount + " " +
                       QuotedIfEmpty(std::string(entry.key())) + "\n";
            }
        }
        out += "\n";
    }

    const std::string warnings = field("warnings");
    out += yellow + "Warnings:" + reset + " " + (warnings.empty() ? "(none)" : warnings);
    return out;
}

} // namespace cli
