#include <cli/netinfo.h>

#include <cli/json_access.h>
#include <cli/request_handlers.h>

#include <boost/json.hpp>

#include <array>
#include <algorithm>
#include <cstdio>

namespace cli {
namespace {

enum NetinfoId { PEERINFO = 0, NETWORKINFO = 1 };

// getpeerinfo's network names, and the short forms used as column headers.
constexpr std::array<std::string_view, 7> NETWORKS{"not_publicly_routable", "ipv4", "ipv6", "onion", "i2p", "cjdns",
                                                  "internal"};
constexpr std::array<std::string_view, 7> SHORT_NAMES{"npr", "ipv4", "ipv6", "onion", "i2p", "cjdns", "int"};
// Columns shown only when they have peers (they are never "reachable").
constexpr std::array<size_t, 2> UNREACHABLE{0, 6};

int NetworkId(std::string_view name)
{
    for (size_t i = 0; i < NETWORKS.size(); ++i) {
        if (NETWORKS[i] == name) return static_cast<int>(i);
    }
    return -1;
}

std::string Format(const char* format, auto... values)
{
    char buf[256];
    std::snprintf(buf, sizeof(buf), format, values...);
    return buf;
}

std::string ChainSuffix(std::string_view chain)
{
    if (chain == "test") return " testnet";
    if (chain == "main" || chain.empty()) return "";
    return " " + std::string(chain);
}

} // namespace

NetinfoHandler::NetinfoHandler(std::string client_version, std::string chain)
    : m_client_version(std::move(client_version)), m_chain(std::move(chain))
{
}

util::Result<boost::json::value> NetinfoHandler::PrepareRequest(const std::string&,
                                                                const std::vector<std::string>& args)
{
    if (!args.empty()) {
        const std::string& level = args[0];
        const bool digits = !level.empty() && level.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || level.size() > 3 || std::stoi(level) > 255) {
            return util::Error{"invalid -netinfo level argument: " + level +
                               "\nFor more information, run: utxo-cli -netinfo help"};
        }
        if (args.size() > 1) {
            const std::string& outonly = args[1];
            const bool level_above_zero = std::stoi(level) > 0;
            if (!level_above_zero) {
                return util::Error{"invalid -netinfo outonly argument: " + outonly +
                                   "\nThe outonly argument is only valid for a level greater than 0 (the first "
                                   "argument). For more information, run: utxo-cli -netinfo help"};
            }
            if (outonly != "o" && outonly != "outonly") {
                return util::Error{"invalid -netinfo outonly argument: " + outonly +
                                   "\nFor more information, run: utxo-cli -netinfo help"};
            }
        }
    }
    boost::json::array batch;
    batch.push_back(RequestObject("getpeerinfo", nullptr, PEERINFO));
    batch.push_back(RequestObject("getnetworkinfo", nullptr, NETWORKINFO));
    return boost::json::value(std::move(batch));
}

util::Result<boost::json::value> NetinfoHandler::ProcessReply(const boost::json::value& reply)
{
    auto batch = ProcessBatchReply(reply);
    if (!batch) return util::Error{batch.error()};
    if (!Member((*batch)[PEERINFO], "error").is_null()) return (*batch)[PEERINFO];
    if (!Member((*batch)[NETWORKINFO], "error").is_null()) return (*batch)[NETWORKINFO];
    const auto& peers = Member((*batch)[PEERINFO], "result");
    const auto& network = Member((*batch)[NETWORKINFO], "result");

    // counts[in/out/total][network, then the overall total]
    std::array<std::array<int, NETWORKS.size() + 1>, 3> counts{};
    int block_relay = 0;
    int manual = 0;
    if (peers.is_array()) {
        for (const auto& peer : peers.get_array()) {
            const int id = NetworkId(ValueString(Member(peer, "network")));
            if (id < 0) continue;
            const auto& inbound = Member(peer, "inbound");
            const size_t direction = inbound.is_bool() && inbound.get_bool() ? 0 : 1;
            ++counts[direction][id];
            ++counts[direction][NETWORKS.size()];
            ++counts[2][id];
            ++counts[2][NETWORKS.size()];
            const std::string type = ValueString(Member(peer, "connection_type"));
            if (type == "block-relay-only") ++block_relay;
            if (type == "manual") ++manual;
        }
    }

    std::string out = "utxod client " + m_client_version + ChainSuffix(m_chain) + " - server " +
                      ValueString(Member(network, "protocolversion")) + ValueString(Member(network, "subversion")) +
                      "\n\n";
    out += "     "; // under the rows' 5-character labels
    std::vector<size_t> columns;
    if (const auto& networks = Member(network, "networks"); networks.is_array()) {
        for (const auto& entry : networks.get_array()) {
            const auto& reachable = Member(entry, "reachable");
            if (!reachable.is_bool() || !reachable.get_bool()) continue;
            const std::string name = ValueString(Member(entry, "name"));
            const int id = NetworkId(name);
            if (id < 0) continue;
            out += Format("%8s", name.c_str());
            columns.push_back(static_cast<size_t>(id));
        }
    }
    for (const size_t id : UNREACHABLE) {
        if (counts[2][id] == 0) continue;
        out += Format("%8s", std::string(SHORT_NAMES[id]).c_str());
        columns.push_back(id);
    }
    out += "   total   block";
    if (manual) out += "  manual";
    constexpr std::array<const char*, 3> ROWS{"in", "out", "total"};
    for (size_t row = 0; row < ROWS.size(); ++row) {
        out += Format("\n%-5s", ROWS[row]);
        for (const size_t id : columns) out += Format("%8i", counts[row][id]);
        out += Format("   %5i", counts[row][NETWORKS.size()]);
        if (row == 1) {
            out += Format("   %5i", block_relay);
            if (manual) out += Format("   %5i", manual);
        }
    }

    out += "\n\nLocal addresses";
    const auto& local = Member(network, "localaddresses");
    if (!local.is_array() || local.get_array().empty()) {
        out += ": n/a\n";
    } else {
        size_t width = 0;
        for (const auto& address : local.get_array()) width = std::max(width, ValueString(Member(address, "address")).size() + 1);
        for (const auto& address : local.get_array()) {
            out += Format("\n%-*s    port %6s    score %6s", static_cast<int>(width),
                          ValueString(Member(address, "address")).c_str(),
                          ValueString(Member(address, "port")).c_str(), ValueString(Member(address, "score")).c_str());
        }
    }

    boost::json::object result_reply;
    result_reply["result"] = out;
    result_reply["error"] = nullptr;
    result_reply["id"] = 1;
    return boost::json::value(std::move(result_reply));
}

std::string NetinfoHelp()
{
    return "-netinfo (level [outonly]) | help\n\n"
           "Shows the node's peer connections: a count per network of inbound, outbound and all peers,\n"
           "the block-relay-only and manual outbound peers, and the node's local addresses.\n\n"
           "Arguments:\n"
           "1. level (integer 0-4, optional)  the level of detail; utxo-cli prints the counts at every level\n"
           "   (the per-peer tables of levels 1 to 4 are not implemented yet)\n"
           "2. outonly (\"outonly\" or \"o\", optional)  outbound peers only; valid with a level above 0\n\n"
           "help (or h)  print this help\n\n"
           "Examples:\n"
           "> utxo-cli -netinfo\n"
           "> utxo-cli -netinfo 1 outonly\n";
}

} // namespace cli
