#include <node/banlist_json.h>

#include <json/write.h>

#include <boost/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>
#include <unistd.h>

namespace node {
namespace {

constexpr std::string_view BANNED_NETS_KEY = "banned_nets";

std::optional<int64_t> AsInt64(const boost::json::value* value)
{
    if (value == nullptr) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64() && value->get_uint64() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return static_cast<int64_t>(value->get_uint64());
    }
    return std::nullopt;
}

// Reads one entry: an error, or nullopt with `dropped` filled, or the entry.
util::Result<std::optional<net::BanEntry>> ParseEntry(const boost::json::value& value, size_t index,
                                                      std::vector<std::string>& dropped)
{
    const std::string where = "entry " + std::to_string(index);
    if (!value.is_object()) return util::Error{where + " is not an object"};
    const boost::json::object& object = value.get_object();
    const auto version = AsInt64(object.if_contains("version"));
    if (!version) return util::Error{where + ": \"version\" is missing or not an integer"};
    if (*version != BANLIST_ENTRY_VERSION) {
        dropped.push_back(where + ": unknown version " + std::to_string(*version));
        return std::optional<net::BanEntry>{};
    }
    const boost::json::value* address = object.if_contains("address");
    if (address == nullptr || !address->is_string()) {
        return util::Error{where + ": \"address\" is missing or not a string"};
    }
    const std::string text(address->get_string());
    auto subnet = util::Subnet::Parse(text);
    if (!subnet) {
        dropped.push_back(where + ": " + subnet.error());
        return std::optional<net::BanEntry>{};
    }
    const auto created = AsInt64(object.if_contains("ban_created"));
    if (!created) return util::Error{where + ": \"ban_created\" is missing or not an integer"};
    const auto until = AsInt64(object.if_contains("banned_until"));
    if (!until) return util::Error{where + ": \"banned_until\" is missing or not an integer"};
    return std::optional<net::BanEntry>{net::BanEntry{*subnet, *created, *until}};
}

std::string Errno() { return std::strerror(errno); }

} // namespace

std::string BanListToJson(const std::vector<net::BanEntry>& entries)
{
    boost::json::array bans;
    for (const net::BanEntry& entry : entries) {
        boost::json::object ban;
        ban["version"] = BANLIST_ENTRY_VERSION;
        ban["ban_created"] = entry.ban_created;
        ban["banned_until"] = entry.banned_until;
        ban["address"] = entry.subnet.ToString();
        bans.push_back(std::move(ban));
    }
    boost::json::object root;
    root[BANNED_NETS_KEY] = std::move(bans);
    return json::WriteJson(root, 4) + "\n";
}

util::Result<BanListFile> ParseBanListJson(std::string_view text)
{
    boost::system::error_code ec;
    const boost::json::value parsed = boost::json::parse(text, ec);
    if (ec) return util::Error{"not valid JSON (" + ec.message() + ")"};
    if (!parsed.is_object()) return util::Error{"not a JSON object"};
    const boost::json::value* nets = parsed.get_object().if_contains(BANNED_NETS_KEY);
    if (nets == nullptr || !nets->is_array()) return util::Error{"no \"banned_nets\" array"};
    BanListFile out;
    const boost::json::array& array = nets->get_array();
    for (size_t i = 0; i < array.size(); ++i) {
        auto entry = ParseEntry(array[i], i, out.dropped);
        if (!entry) return util::Error{entry.error()};
        if (*entry) out.entries.push_back(**entry);
    }
    return out;
}

util::Result<void> WriteBanListFile(const std::filesystem::path& path, const std::vector<net::BanEntry>& entries)
{
    const std::string text = BanListToJson(entries);
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return util::Error{"Unable to open " + temporary.string() + " for writing: " + Errno()};
    std::string failure;
    for (size_t written = 0; written < text.size() && failure.empty();) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) failure = "Failed to write " + temporary.string() + ": " + Errno();
        if (n > 0) written += static_cast<size_t>(n);
    }
    if (failure.empty() && ::fsync(fd) != 0) failure = "Failed to sync " + temporary.string() + ": " + Errno();
    if (::close(fd) != 0 && failure.empty()) failure = "Failed to close " + temporary.string() + ": " + Errno();
    if (failure.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) {
        failure = "Failed to rename " + temporary.string() + " to " + path.string() + ": " + Errno();
    }
    if (!failure.empty()) {
        ::unlink(temporary.c_str());
        return util::Error{failure};
    }
    return {};
}

util::Result<BanListFile> ReadBanListFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !ec) {
        BanListFile none;
        none.found = false;
        return none;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return util::Error{"Unable to open " + path.string()};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return util::Error{"Failed to read " + path.string()};
    auto parsed = ParseBanListJson(text.str());
    if (!parsed) return util::Error{path.string() + ": " + parsed.error()};
    return parsed;
}

} // namespace node
