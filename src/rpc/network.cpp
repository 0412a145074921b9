#include <rpc/network.h>

#include <json/number.h>
#include <net/connman.h>
#include <net/net_address.h>
#include <net/protocol.h>
#include <p2p/peer_manager.h>
#include <rpc/chain_util.h>
#include <rpc/context.h>
#include <rpc/table.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cstdio>

namespace rpc {
namespace {

// The default minimum relay fee, 1000 sat/kvB.
constexpr primitives::Amount MIN_RELAY_FEE{1000};

RpcError NoNetwork() { return {RPC_CLIENT_P2P_DISABLED, "Error: Peer-to-peer functionality missing or disabled"}; }

std::string ServicesHex(uint64_t services)
{
    char text[17];
    std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(services));
    return text;
}

boost::json::array ServicesNames(uint64_t services)
{
    boost::json::array names;
    for (const auto& name : net::ServiceFlagNames(services)) names.push_back(boost::json::string(name));
    return names;
}

uint64_t LocalServices(const RpcContext& context)
{
    // As Core: the last 288 blocks always (BIP159), the whole chain unless pruned.
    const bool pruned = context.chainstate && context.chainstate->PruneMode();
    return net::NODE_NETWORK_LIMITED | net::NODE_WITNESS | (pruned ? 0 : net::NODE_NETWORK);
}

// `proxy`: the SOCKS5 proxy the network's connections go through, if any.
boost::json::object NetworkEntry(const char* name, bool reachable, const net::Connman* connman,
                                 const std::optional<net::Endpoint>& proxy)
{
    boost::json::object entry;
    entry["name"] = name;
    entry["limited"] = !reachable;
    entry["reachable"] = reachable;
    entry["proxy"] = proxy ? proxy->ToString() : "";
    entry["proxy_randomize_credentials"] = proxy && connman->ProxyRandomize();
    return entry;
}

RpcResult GetNetworkInfo(const JsonRpcRequest&, RpcContext& context)
{
    const uint64_t services = LocalServices(context);
    boost::json::object result;
    result["version"] = context.client_version;
    result["subversion"] = context.user_agent;
    result["protocolversion"] = net::PROTOCOL_VERSION;
    result["localservices"] = ServicesHex(services);
    result["localservicesnames"] = ServicesNames(services);
    result["localrelay"] = true;
    result["timeoffset"] = 0;
    result["networkactive"] = context.connman ? context.connman->NetworkActive() : false;
    const size_t in = context.connman ? context.connman->ConnectionCount(true) : 0;
    const size_t out = context.connman ? context.connman->ConnectionCount(false) : 0;
    result["connections"] = in + out;
    result["connections_in"] = in;
    result["connections_out"] = out;
    // Without -onlynet (or outside utxod) IPv4 and IPv6 are reachable; Tor, I2P and CJDNS need more set-up.
    const auto reachable = [&](net::Network network) {
        return context.reachable_networks.empty() ? network == net::Network::IPV4 || network == net::Network::IPV6
                                                  : context.reachable_networks.count(network) > 0;
    };
    const net::Connman* connman = context.connman;
    const auto proxy = connman ? connman->Proxy() : std::nullopt;
    const auto onion_proxy = connman ? connman->OnionProxy() : std::nullopt;
    result["networks"] = boost::json::array{NetworkEntry("ipv4", reachable(net::Network::IPV4), connman, proxy),
                                            NetworkEntry("ipv6", reachable(net::Network::IPV6), connman, proxy),
                                            NetworkEntry("onion", reachable(net::Network::ONION), connman, onion_proxy),
                                            NetworkEntry("i2p", reachable(net::Network::I2P), connman, std::nullopt),
                                            NetworkEntry("cjdns", reachable(net::Network::CJDNS), connman, std::nullopt)};
    result["relayfee"] = json::AmountValue(MIN_RELAY_FEE);
    result["incrementalfee"] = json::AmountValue(MIN_RELAY_FEE);
    result["localaddresses"] = boost::json::array();
    result["warnings"] = boost::json::array();
    return boost::json::value(std::move(result));
}

RpcResult GetConnectionCount(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.connman) return NoNetwork();
    return boost::json::value(context.connman->ConnectionCount());
}

boost::json::object PerMessage(const std::map<std::string, uint64_t>& counts)
{
    boost::json::object out;
    for (const auto& [command, bytes] : counts) out[command] = bytes;
    return out;
}

boost::json::object PeerEntry(const net::ConnectionStats& connection, const p2p::PeerStats& peer)
{
    boost::json::object entry;
    entry["id"] = connection.id;
    entry["addr"] = connection.addr_name;
    if (connection.local) entry["addrbind"] = connection.local->ToString();
    // Core's network class: loopback and private addresses are "not_publicly_routable".
    entry["network"] = std::string(net::NetworkName(connection.address.address.GetNetClass()));
    entry["services"] = ServicesHex(peer.services);
    entry["servicesnames"] = ServicesNames(peer.services);
    entry["relaytxes"] = peer.relay_txes;
    entry["lastsend"] = connection.last_send;
    entry["lastrecv"] = connection.last_recv;
    entry["last_transaction"] = 0;
    entry["last_block"] = peer.last_block;
    entry["bytessent"] = connection.bytes_sent;
    entry["bytesrecv"] = connection.bytes_recv;
    entry["conntime"] = connection.connected_time;
    entry["timeoffset"] = peer.time_offset;
    if (peer.ping_time) entry["pingtime"] = *peer.ping_time;
    if (peer.min_ping) entry["minping"] = *peer.min_ping;
    if (peer.ping_wait) entry["pingwait"] = *peer.ping_wait;
    entry["version"] = peer.version;
    entry["subver"] = peer.user_agent;
    entry["inbound"] = connection.type == net::ConnectionType::INBOUND;
    entry["bip152_hb_to"] = peer.bip152_hb_to;
    entry["bip152_hb_from"] = peer.bip152_hb_from;
    entry["startingheight"] = peer.starting_height;
    entry["presynced_headers"] = peer.presynced_headers;
    entry["synced_headers"] = peer.synced_headers;
    entry["synced_blocks"] = peer.synced_blocks;
    boost::json::array inflight;
    for (int height : peer.inflight) inflight.push_back(height);
    entry["inflight"] = std::move(inflight);
    entry["addr_relay_enabled"] = peer.addr_relay;
    entry["addr_processed"] = peer.addr_processed;
    entry["addr_rate_limited"] = peer.addr_rate_limited;
    entry["permissions"] = boost::json::array();
    entry["minfeefilter"] = json::AmountValue(primitives::Amount{0});
    entry["bytessent_per_msg"] = PerMessage(connection.bytes_sent_per_msg);
    entry["bytesrecv_per_msg"] = PerMessage(connection.bytes_recv_per_msg);
    entry["connection_type"] = std::string(net::ConnectionTypeName(connection.type));
    entry["transport_protocol_type"] = "v1";
    entry["session_id"] = "";
    return entry;
}

RpcResult GetPeerInfo(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.connman || !context.peers) return NoNetwork();
    boost::json::array result;
    auto connections = context.connman->Stats();
    std::sort(connections.begin(), connections.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const auto& connection : connections) {
        // A connection the protocol layer has not seen yet is left out until it has.
        const auto peer = context.peers->Stats(connection.id);
        if (!peer) continue;
        result.push_back(PeerEntry(connection, *peer));
    }
    return boost::json::value(std::move(result));
}

RpcResult GetNetTotals(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.connman) return NoNetwork();
    boost::json::object result;
    result["totalbytesrecv"] = context.connman->TotalBytesRecv();
    result["totalbytessent"] = context.connman->TotalBytesSent();
    result["timemillis"] = context.clock.NowMicros() / 1000;
    const auto status = context.connman->UploadStatus();
    boost::json::object upload;
    upload["timeframe"] = net::UploadTarget::TIMEFRAME_SECONDS;
    upload["target"] = status.target;
    upload["target_reached"] = status.target_reached;
    upload["serve_historical_blocks"] = status.serve_historical_blocks;
    upload["bytes_left_in_cycle"] = status.bytes_left_in_cycle;
    upload["time_left_in_cycle"] = status.time_left_in_cycle;
    result["uploadtarget"] = std::move(upload);
    return boost::json::value(std::move(result));
}

RpcResult Ping(const JsonRpcRequest&, RpcContext& context)
{
    if (!context.peers) return NoNetwork();
    context.peers->PingAll();
    return boost::json::value(nullptr);
}

RpcResult AddNode(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.connman) return NoNetwork();
    const auto& params = Params(request);
    const std::string node(params[0].as_string());
    const std::string command(params[1].as_string());
    const bool v2 = Given(params, 2) && params[2].as_bool();
    if (command != "onetry" && command != "add" && command != "remove") {
        return RpcError{RPC_INVALID_PARAMETER, "Error: Unknown command \"" + command + "\"; use add, remove or onetry"};
    }
    if (v2) return RpcError{RPC_INVALID_PARAMETER, "Error: v2transport requested but not enabled (see -v2transport)"};
    if (command == "onetry") {
        context.connman->OpenConnection(node, net::ConnectionType::MANUAL);
    } else if (command == "add") {
        if (!context.connman->AddNode(node)) return RpcError{RPC_CLIENT_NODE_ALREADY_ADDED, "Error: Node already added"};
    } else if (!context.connman->RemoveAddedNode(node)) {
        return RpcError{RPC_CLIENT_NODE_NOT_ADDED, "Error: Node could not be removed. It has not been added previously."};
    }
    return boost::json::value(nullptr);
}

RpcResult DisconnectNode(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.connman) return NoNetwork();
    const auto& params = Params(request);
    const bool by_address = Given(params, 0) && !params[0].as_string().empty();
    const bool by_id = Given(params, 1);
    if (by_address == by_id) return RpcError{RPC_INVALID_PARAMS, "Only one of address and nodeid should be provided."};
    for (const auto& connection : context.connman->Stats()) {
        const bool match = by_id ? params[1].is_int64() && connection.id == params[1].as_int64()
                                 : connection.addr_name == params[0].as_string() ||
                                       connection.remote.ToString() == params[0].as_string();
        if (match) {
            context.connman->Disconnect(connection.id, "disconnectnode RPC");
            return boost::json::value(nullptr);
        }
    }
    return RpcError{RPC_CLIENT_NODE_NOT_CONNECTED, "Node not found in connected nodes"};
}

RpcResult GetAddedNodeInfo(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.connman) return NoNetwork();
    const auto& params = Params(request);
    auto added = context.connman->AddedNodes();
    if (Given(params, 0)) {
        const std::string wanted(params[0].as_string());
        if (std::find(added.begin(), added.end(), wanted) == added.end()) {
            return RpcError{RPC_CLIENT_NODE_NOT_ADDED, "Error: Node has not been added."};
        }
        added = {wanted};
    }
    const auto connections = context.connman->Stats();
    boost::json::array result;
    for (const auto& node : added) {
        boost::json::object entry;
        entry["addednode"] = node;
        boost::json::array addresses;
        for (const auto& connection : connections) {
            if (connection.addr_name != node) continue;
            boost::json::object address;
            address["address"] = connection.remote.ToString();
            address["connected"] = connection.type == net::ConnectionType::INBOUND ? "inbound" : "outbound";
            addresses.push_back(std::move(address));
        }
        entry["connected"] = !addresses.empty();
        entry["addresses"] = std::move(addresses);
        result.push_back(std::move(entry));
    }
    return boost::json::value(std::move(result));
}

RpcResult SetNetworkActive(const JsonRpcRequest& request, RpcContext& context)
{
    if (!context.connman) return NoNetwork();
    context.connman->SetNetworkActive(Params(request)[0].as_bool());
    return boost::json::value(context.connman->NetworkActive());
}

} // namespace

void RegisterNetworkMethods(RpcTable& table)
{
    table.Register({"network", "addnode",
                    "Attempts to add or remove a node from the addnode list.\nOr try a connection to a node once.\n"
                    "Nodes added using addnode (or -connect) are protected from DoS disconnection and are not required to "
                    "be full nodes/support SegWit as other outbound peers are (though such peers will not be synced from).",
                    {{"node", ArgType::STR, false, "", "The address of the peer to connect to", ""},
                     {"command", ArgType::STR, false, "", "'add' to add a node to the list, 'remove' to remove a node from the list, 'onetry' to try a connection to the node once", ""},
                     {"v2transport", ArgType::BOOL, true, "false", "Attempt to connect using BIP324 v2 transport protocol (ignored for 'remove' command)", ""}},
                    "null    (json null)", {"\"192.168.0.6:8333\" \"onetry\""}, AddNode});
    table.Register({"network", "disconnectnode",
                    "Immediately disconnects from the specified peer node.\n\nStrictly one out of 'address' and 'nodeid' "
                    "can be provided to identify the node.",
                    {{"address", ArgType::STR, true, "fallback to nodeid", "The IP address/port of the node", ""},
                     {"nodeid", ArgType::NUM, true, "fallback to address", "The node ID (see getpeerinfo for node IDs)", ""}},
                    "null    (json null)", {"\"192.168.0.6:8333\""}, DisconnectNode});
    table.Register({"network", "getaddednodeinfo",
                    "Returns information about the given added node, or all added nodes\n(note that onetry addnodes are "
                    "not listed here)",
                    {{"node", ArgType::STR, true, "all nodes", "If provided, return information about this specific node, otherwise all nodes are returned.", ""}},
                    "[ { \"addednode\" : \"str\", \"connected\" : true|false, \"addresses\" : [ { \"address\" : \"str\", "
                    "\"connected\" : \"str\" }, ... ] }, ... ]",
                    {""}, GetAddedNodeInfo});
    table.Register({"network", "getconnectioncount", "Returns the number of connections to other nodes.", {},
                    "n    (numeric) The connection count", {""}, GetConnectionCount});
    table.Register({"network", "getnettotals",
                    "Returns information about network traffic, including bytes in, bytes out,\nand current system time.",
                    {},
                    "{ \"totalbytesrecv\" : n, \"totalbytessent\" : n, \"timemillis\" : xxx, \"uploadtarget\" : { "
                    "\"timeframe\" : n, \"target\" : n, \"target_reached\" : true|false, \"serve_historical_blocks\" : "
                    "true|false, \"bytes_left_in_cycle\" : n, \"time_left_in_cycle\" : n } }",
                    {""}, GetNetTotals});
    table.Register({"network", "getnetworkinfo", "Returns an object containing various state info regarding P2P networking.", {},
                    "{                                      (json object)\n"
                    "  \"version\" : n,                       (numeric) Client version\n"
                    "  \"subversion\" : \"str\",                (string) User agent sent to peers\n"
                    "  \"protocolversion\" : n,               (numeric) P2P protocol version\n"
                    "  \"localservices\" : \"hex\",             (string) Service bits advertised\n"
                    "  \"localservicesnames\" : [ \"str\", ... ], (json array) Their names\n"
                    "  \"localrelay\" : true|false,           (boolean) Whether transactions are relayed\n"
                    "  \"timeoffset\" : n,                    (numeric) Median clock offset of peers, seconds\n"
                    "  \"networkactive\" : true|false,        (boolean) Whether P2P networking is on\n"
                    "  \"connections\" : n,                   (numeric) Connected peers\n"
                    "  \"connections_in\" : n,                (numeric) Inbound peers\n"
                    "  \"connections_out\" : n,               (numeric) Outbound peers\n"
                    "  \"networks\" : [ {...}, ... ],         (json array) Per network: name, limited, reachable, proxy\n"
                    "  \"relayfee\" : n,                      (numeric) Minimum relay fee, BTC/kvB\n"
                    "  \"incrementalfee\" : n,                (numeric) Minimum fee increment for replacement, BTC/kvB\n"
                    "  \"localaddresses\" : [ {...}, ... ],   (json array) Addresses the node announces\n"
                    "  \"warnings\" : [ \"str\", ... ]          (json array) Node warnings\n"
                    "}",
                    {""}, GetNetworkInfo});
    table.Register({"network", "getpeerinfo", "Returns data about each connected network peer as a json array of objects.",
                    {},
                    "[ { \"id\" : n, \"addr\" : \"host:port\", \"addrbind\" : \"ip:port\", \"network\" : \"str\", "
                    "\"services\" : \"hex\", \"servicesnames\" : [...], \"relaytxes\" : true|false, \"lastsend\" : xxx, "
                    "\"lastrecv\" : xxx, \"bytessent\" : n, \"bytesrecv\" : n, \"conntime\" : xxx, \"pingtime\" : n, "
                    "\"minping\" : n, \"version\" : n, \"subver\" : \"str\", \"inbound\" : true|false, "
                    "\"startingheight\" : n, \"synced_headers\" : n, \"synced_blocks\" : n, \"inflight\" : [n, ...], "
                    "\"bytessent_per_msg\" : {...}, \"bytesrecv_per_msg\" : {...}, \"connection_type\" : \"str\", "
                    "\"transport_protocol_type\" : \"str\", ... }, ... ]",
                    {""}, GetPeerInfo});
    table.Register({"network", "ping",
                    "Requests that a ping be sent to all other nodes, to measure ping time.\nResults are provided in "
                    "getpeerinfo, pingtime and pingwait fields are decimal seconds.\nPing command is handled in queue with "
                    "all other commands, so it measures processing backlog, not just network ping.",
                    {}, "null    (json null)", {""}, Ping});
    table.Register({"network", "setnetworkactive", "Disable/enable all p2p network activity.",
                    {{"state", ArgType::BOOL, false, "", "true to enable networking, false to disable", ""}},
                    "true|false    (boolean) The value that was passed in", {"false"}, SetNetworkActive});
}

} // namespace rpc
