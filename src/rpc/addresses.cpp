// Bans and known addresses: setban, listbanned, clearbanned,
// getnodeaddresses, and the test-only addpeeraddress, as bitcoind v29
// answers them.
#include <rpc/network.h>

#include <net/addrman.h>
#include <net/ban_list.h>
#include <net/connman.h>
#include <rpc/chain_util.h>
#include <rpc/context.h>
#include <rpc/table.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace rpc {
namespace {

// A ban without a time lasts a day (Core's DEFAULT_MISBEHAVING_BANTIME).
constexpr int64_t DEFAULT_BANTIME = 24 * 60 * 60;

RpcError NoNetwork() { return {RPC_CLIENT_P2P_DISABLED, "Error: Peer-to-peer functionality missing or disabled"}; }

int64_t NowSeconds(const RpcContext& context) { return context.clock.NowMicros() / 1'000'000; }

RpcResult SetBan(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.banlist || !context.connman) return NoNetwork();
    const auto& params = Params(request);
    const std::string text(params[0].as_string());
    const std::string command(params[1].as_string());
    if (command != "add" && command != "remove") {
        const RpcMethod* method = context.table.Find("setban");
        return RpcError{RPC_MISC_ERROR, method ? method->HelpText() : "setban \"subnet\" \"command\""};
    }
    const auto subnet = util::Subnet::Parse(text);
    if (!subnet) return RpcError{RPC_CLIENT_INVALID_IP_OR_SUBNET, "Error: Invalid IP/Subnet"};
    const int64_t now = NowSeconds(context);
    if (command == "remove") {
        if (!context.banlist->Unban(*subnet)) {
            return RpcError{RPC_CLIENT_INVALID_IP_OR_SUBNET,
                            "Error: Unban failed. Requested address/subnet was not previously manually banned."};
        }
        return boost::json::value(nullptr);
    }
    if (context.banlist->IsBanned(*subnet, now)) {
        return RpcError{RPC_CLIENT_NODE_ALREADY_ADDED, "Error: IP/Subnet already banned"};
    }
    int64_t bantime = DEFAULT_BANTIME;
    if (Given(params, 2)) {
        if (!params[2].is_int64() && !params[2].is_uint64()) return RpcError{RPC_TYPE_ERROR, "bantime is not an integer"};
        if (params[2].to_number<int64_t>() > 0) bantime = params[2].to_number<int64_t>();
    }
    const bool absolute = Given(params, 3) && params[3].as_bool();
    if (absolute && bantime < now) {
        return RpcError{RPC_INVALID_PARAMETER, "Error: Absolute timestamp is in the past"};
    }
    context.banlist->Ban(*subnet, absolute ? bantime : now + bantime, now);
    for (const auto& peer : context.connman->Stats()) {
        if (subnet->Contains(peer.remote.address)) context.connman->Disconnect(peer.id, "banned");
    }
    return boost::json::value(nullptr);
}

RpcResult ListBanned(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.banlist) return NoNetwork();
    const int64_t now = NowSeconds(context);
    context.banlist->SweepExpired(now);
    boost::json::array result;
    for (const auto& entry : context.banlist->List()) {
        boost::json::object row;
        row["address"] = entry.subnet.ToString();
        row["ban_created"] = entry.ban_created;
        row["banned_until"] = entry.banned_until;
        row["ban_duration"] = entry.banned_until - entry.ban_created;
        row["time_remaining"] = entry.banned_until - now;
        result.push_back(std::move(row));
    }
    return boost::json::value(std::move(result));
}

RpcResult ClearBanned(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.banlist) return NoNetwork();
    context.banlist->ClearBanned();
    return boost::json::value(nullptr);
}

RpcResult GetNodeAddresses(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.addrman) return NoNetwork();
    const auto& params = Params(request);
    int64_t count = 1;
    if (Given(params, 0)) {
        if (!params[0].is_int64() && !params[0].is_uint64()) return RpcError{RPC_TYPE_ERROR, "count is not an integer"};
        count = params[0].to_number<int64_t>();
    }
    if (count < 0) return RpcError{RPC_INVALID_PARAMETER, "Address count out of range"};
    std::optional<net::Network> network;
    if (Given(params, 1)) {
        const std::string name(params[1].as_string());
        network = net::ParseNetwork(name);
        if (!network) return RpcError{RPC_INVALID_PARAMETER, "Network not recognized: " + name};
    }
    boost::json::array result;
    for (const auto& record : context.addrman->GetAddr(static_cast<size_t>(count), 0, network)) {
        boost::json::object row;
        row["time"] = record.time;
        row["services"] = record.services;
        row["address"] = record.service.address.ToString();
        row["port"] = record.service.port;
        row["network"] = std::string(net::NetworkName(record.service.address.GetNetClass()));
        result.push_back(std::move(row));
    }
    return boost::json::value(std::move(result));
}

RpcResult AddPeerAddress(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.addrman) return NoNetwork();
    const auto& params = Params(request);
    const std::string text(params[0].as_string());
    if (!params[1].is_int64() && !params[1].is_uint64()) return RpcError{RPC_TYPE_ERROR, "port is not an integer"};
    const int64_t port = params[1].to_number<int64_t>();
    if (port < 0 || port > 65535) return RpcError{RPC_INVALID_PARAMETER, "port out of range"};
    const bool tried = Given(params, 2) && params[2].as_bool();
    boost::json::object result;
    bool success = false;
    if (auto address = net::NetAddress::Parse(text)) {
        const int64_t now = NowSeconds(context);
        net::AddressRecord record;
        record.time = static_cast<uint32_t>(now);
        record.services = 1 | 8; // NODE_NETWORK | NODE_WITNESS
        record.service = {*address, static_cast<uint16_t>(port)};
        if (context.addrman->Add({record}, *address) > 0) {
            success = true;
            if (tried) context.addrman->Good(record.service, now);
        } else {
            result["error"] = "failed-adding-to-new";
        }
    }
    result["success"] = success;
    return boost::json::value(std::move(result));
}

} // namespace

void RegisterAddressMethods(RpcTable& table)
{
    table.Register({"network", "setban", "Attempts to add or remove an IP/Subnet from the banned list.",
                    {{"subnet", ArgType::STR, false, "", "The IP/Subnet (see getpeerinfo for nodes IP) with an optional netmask (default is /32 = single IP)", ""},
                     {"command", ArgType::STR, false, "", "'add' to add an IP/Subnet to the list, 'remove' to remove an IP/Subnet from the list", ""},
                     {"bantime", ArgType::NUM, true, "0", "time in seconds how long (or until when if [absolute] is set) the IP is banned (0 or empty means using the default time of 24h which can also be overwritten by the -bantime startup argument)", ""},
                     {"absolute", ArgType::BOOL, true, "false", "If set, the bantime must be an absolute timestamp expressed in UNIX epoch time", ""}},
                    "null    (json null)", {"\"192.168.0.6\" \"add\" 86400", "\"192.168.0.0/24\" \"add\""}, SetBan});
    table.Register({"network", "listbanned", "List all manually banned IPs/Subnets.", {},
                    "[ { \"address\" : \"str\", \"ban_created\" : xxx, \"banned_until\" : xxx, \"ban_duration\" : xxx, "
                    "\"time_remaining\" : xxx }, ... ]",
                    {""}, ListBanned});
    table.Register({"network", "clearbanned", "Clear all banned IPs.", {}, "null    (json null)", {""}, ClearBanned});
    table.Register({"network", "getnodeaddresses",
                    "Return known addresses, after filtering for quality and recency.\nThese can potentially be used to "
                    "find new peers in the network.\nThe total number of addresses known to the node may be higher.",
                    {{"count", ArgType::NUM, true, "1", "The maximum number of addresses to return. Specify 0 to return all known addresses.", ""},
                     {"network", ArgType::STR, true, "all networks", "Return only addresses of the specified network. Can be one of: ipv4, ipv6, onion, i2p, cjdns.", ""}},
                    "[ { \"time\" : xxx, \"services\" : n, \"address\" : \"str\", \"port\" : n, \"network\" : \"str\" }, ... ]",
                    {"8", "4 \"i2p\""}, GetNodeAddresses});
    table.Register({"hidden", "addpeeraddress", "Add the address of a potential peer to an address manager table. This RPC is for testing only.",
                    {{"address", ArgType::STR, false, "", "The IP address of the peer", ""},
                     {"port", ArgType::NUM, false, "", "The port of the peer", ""},
                     {"tried", ArgType::BOOL, true, "false", "If true, attempt to add the peer to the tried addresses table", ""}},
                    "{ \"success\" : true|false, \"error\" : \"str\" }", {"\"1.2.3.4\" 8333 true"}, AddPeerAddress});
}

} // namespace rpc
