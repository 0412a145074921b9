// banlist.json: the manual bans on disk, in Bitcoin Core's format, so the
// file moves between Core and utxod:
//
//   {
//       "banned_nets": [
//           {
//               "version": 1,
//               "ban_created": 1700000000,
//               "banned_until": 1700086400,
//               "address": "1.2.3.0/24"
//           }
//       ]
//   }
//
// As in Core, an entry of another version, or whose address is not a subnet
// we can parse, is dropped (and named in `dropped` for the log) rather than
// failing the file; anything else out of shape (not JSON, no "banned_nets"
// array, an entry that is not an object or lacks an integer field) is an
// error naming the problem. Discouragement is never written.
//
// Writing is atomic: banlist.json.tmp is written, synced and renamed over the
// file. Functions are thread-safe; concurrent writers of one path are the
// caller's problem.
#ifndef UTXO_NODE_BANLIST_JSON_H
#define UTXO_NODE_BANLIST_JSON_H

#include <net/ban_list.h>
#include <util/result.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace node {

// Core's CBanEntry::CURRENT_VERSION.
inline constexpr int BANLIST_ENTRY_VERSION = 1;

struct BanListFile {
    std::vector<net::BanEntry> entries;
    std::vector<std::string> dropped; // why each dropped entry was dropped
    bool found{true};                 // false: there was no file (an empty list)
};

// The file's text, indented by four spaces as Core writes it, with a final newline.
std::string BanListToJson(const std::vector<net::BanEntry>& entries);
util::Result<BanListFile> ParseBanListJson(std::string_view text);

util::Result<void> WriteBanListFile(const std::filesystem::path& path, const std::vector<net::BanEntry>& entries);
// A missing file is not an error: an empty list with found == false.
// Errors name the path.
util::Result<BanListFile> ReadBanListFile(const std::filesystem::path& path);

} // namespace node

#endif // UTXO_NODE_BANLIST_JSON_H
