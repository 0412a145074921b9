#include <rpc/network.h>

#include <json/number.h>
#include <rpc/context.h>
#include <rpc/table.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdio>

namespace rpc {
namespace {

// The P2P protocol version utxod speaks (BIP339 wtxid relay and later).
constexpr int PROTOCOL_VERSION = 70016;

// Service bits the node advertises (BIP159 NETWORK_LIMITED, BIP144 WITNESS).
constexpr uint64_t NODE_NETWORK = 1 << 0;
constexpr uint64_t NODE_WITNESS = 1 << 3;
constexpr uint64_t NODE_NETWORK_LIMITED = 1 << 10;
constexpr uint64_t LOCAL_SERVICES = NODE_NETWORK | NODE_WITNESS | NODE_NETWORK_LIMITED;

// The default minimum relay fee, 1000 sat/kvB.
constexpr primitives::Amount MIN_RELAY_FEE{1000};

boost::json::object NetworkEntry(const char* name, bool reachable)
{
    boost::json::object entry;
    entry["name"] = name;
    entry["limited"] = !reachable;
    entry["reachable"] = reachable;
    entry["proxy"] = "";
    entry["proxy_randomize_credentials"] = false;
    return entry;
}

RpcResult GetNetworkInfo(const JsonRpcRequest&, RpcContext& context)
{
    char services[17];
    std::snprintf(services, sizeof(services), "%016llx", static_cast<unsigned long long>(LOCAL_SERVICES));
    boost::json::object result;
    result["version"] = context.client_version;
    result["subversion"] = context.user_agent;
    result["protocolversion"] = PROTOCOL_VERSION;
    result["localservices"] = services;
    result["localservicesnames"] = boost::json::array{"NETWORK", "WITNESS", "NETWORK_LIMITED"};
    result["localrelay"] = true;
    result["timeoffset"] = 0;
    result["networkactive"] = true;
    result["connections"] = 0;
    result["connections_in"] = 0;
    result["connections_out"] = 0;
    result["networks"] = boost::json::array{NetworkEntry("ipv4", true), NetworkEntry("ipv6", true),
                                            NetworkEntry("onion", false), NetworkEntry("i2p", false),
                                            NetworkEntry("cjdns", false)};
    result["relayfee"] = json::AmountValue(MIN_RELAY_FEE);
    result["incrementalfee"] = json::AmountValue(MIN_RELAY_FEE);
    result["localaddresses"] = boost::json::array();
    result["warnings"] = boost::json::array();
    return boost::json::value(std::move(result));
}

} // namespace

void RegisterNetworkMethods(RpcTable& table)
{
    table.Register({"network", "getnetworkinfo", "Returns the node's P2P identity, relay policy and connection counts.", {},
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
}

} // namespace rpc
