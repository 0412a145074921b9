#include <cli/request_handlers.h>

#include <script/address.h>

#include <crypto/hash.h>

#include <cli/json_access.h>
#include <cli/rpc_convert.h>
#include <cli/rpc_reply.h>

#include <boost/json.hpp>

#include <array>

namespace cli {
namespace {

// A JSON-RPC 1.0 reply object, the shape every handler hands back.
boost::json::value ReplyObject(boost::json::value result, boost::json::value error, int id)
{
    boost::json::object reply;
    reply["result"] = std::move(result);
    reply["error"] = std::move(error);
    reply["id"] = id;
    return reply;
}

} // namespace

util::Result<boost::json::value> DefaultHandler::PrepareRequest(const std::string& method,
                                                                const std::vector<std::string>& args)
{
    auto params = m_named ? ConvertNamed(method, args) : ConvertPositional(method, args);
    if (!params) return util::Error{params.error()};
    return RequestObject(method, std::move(*params), 1);
}

util::Result<boost::json::value> DefaultHandler::ProcessReply(const boost::json::value& reply)
{
    if (!reply.is_object()) return util::Error{NotOfTypeError(reply, "object")};
    return reply;
}

util::Result<std::vector<boost::json::value>> ProcessBatchReply(const boost::json::value& reply)
{
    if (!reply.is_array()) return util::Error{"Batch must be an array"};
    const auto& members = reply.get_array();
    std::vector<boost::json::value> batch(members.size());
    for (const auto& member : members) {
        if (!member.is_object()) return util::Error{"Batch member must be an object"};
        const auto id = GetInt(Member(member, "id"));
        if (!id) return util::Error{id.error()};
        // A negative id wraps to a huge index in bitcoin-cli, so it is "larger" too.
        if (*id < 0 || static_cast<size_t>(*id) >= batch.size()) {
            return util::Error{"Batch member id is larger than batch size"};
        }
        batch[*id] = member;
    }
    return batch;
}

namespace {
enum GetinfoId { NETWORKINFO = 0, BLOCKCHAININFO = 1, WALLETINFO = 2, BALANCES = 3 };
} // namespace

util::Result<boost::json::value> GetinfoHandler::PrepareRequest(const std::string&,
                                                                const std::vector<std::string>& args)
{
    if (!args.empty()) return util::Error{"-getinfo takes no arguments"};
    boost::json::array batch;
    batch.push_back(RequestObject("getnetworkinfo", nullptr, NETWORKINFO));
    batch.push_back(RequestObject("getblockchaininfo", nullptr, BLOCKCHAININFO));
    batch.push_back(RequestObject("getwalletinfo", nullptr, WALLETINFO));
    batch.push_back(RequestObject("getbalances", nullptr, BALANCES));
    return boost::json::value(std::move(batch));
}

util::Result<boost::json::value> GetinfoHandler::ProcessReply(const boost::json::value& reply)
{
    auto batch = ProcessBatchReply(reply);
    if (!batch) return util::Error{batch.error()};
    // Errors of the node's calls are passed on; the wallet's may fail (no wallet).
    if (!Member((*batch)[NETWORKINFO], "error").is_null()) return (*batch)[NETWORKINFO];
    if (!Member((*batch)[BLOCKCHAININFO], "error").is_null()) return (*batch)[BLOCKCHAININFO];
    const auto& network = Member((*batch)[NETWORKINFO], "result");
    const auto& chain = Member((*batch)[BLOCKCHAININFO], "result");
    const auto& wallet = Member((*batch)[WALLETINFO], "result");
    const auto& balances = Member((*batch)[BALANCES], "result");

    boost::json::object result;
    result["version"] = Member(network, "version");
    result["blocks"] = Member(chain, "blocks");
    result["headers"] = Member(chain, "headers");
    result["verificationprogress"] = Member(chain, "verificationprogress");
    result["timeoffset"] = Member(network, "timeoffset");
    boost::json::object connections;
    connections["in"] = Member(network, "connections_in");
    connections["out"] = Member(network, "connections_out");
    connections["total"] = Member(network, "connections");
    result["connections"] = std::move(connections);
    result["networks"] = Member(network, "networks");
    result["difficulty"] = Member(chain, "difficulty");
    result["chain"] = Member(chain, "chain");
    if (!wallet.is_null()) {
        result["has_wallet"] = true;
        result["keypoolsize"] = Member(wallet, "keypoolsize");
        result["walletname"] = Member(wallet, "walletname");
        if (!Member(wallet, "unlocked_until").is_null()) result["unlocked_until"] = Member(wallet, "unlocked_until");
        result["paytxfee"] = Member(wallet, "paytxfee");
    }
    if (!balances.is_null()) result["balance"] = Member(Member(balances, "mine"), "trusted");
    result["relayfee"] = Member(network, "relayfee");
    result["warnings"] = Member(network, "warnings");
    return ReplyObject(std::move(result), nullptr, 1);
}

std::string AnyoneCanSpendAddress(const script::AddressParams& params)
{
    const uint8_t op_true = 0x51;
    return script::EncodeDestination(script::WitnessV0ScriptHash{crypto::Sha256Once(util::ByteSpan(&op_true, 1))}, params);
}

util::Result<std::vector<std::string>> GenerateToAddressArgs(const std::string& address,
                                                             std::vector<std::string> args)
{
    if (args.size() > 2) return util::Error{"too many arguments (maximum 2 for nblocks and maxtries)"};
    if (args.empty()) {
        args.emplace_back("1");
    } else if (args[0] == "0") {
        return util::Error{"the first argument (number of blocks to generate, default: 1) must be an integer value "
                           "greater than zero"};
    }
    args.insert(args.begin() + 1, address);
    return args;
}

util::Result<boost::json::value> GenerateHandler::PrepareRequest(const std::string&,
                                                                 const std::vector<std::string>& args)
{
    m_address = args.at(1);
    auto params = ConvertPositional("generatetoaddress", args);
    if (!params) return util::Error{params.error()};
    return RequestObject("generatetoaddress", std::move(*params), 1);
}

util::Result<boost::json::value> GenerateHandler::ProcessReply(const boost::json::value& reply)
{
    // As in bitcoin-cli, an error from generatetoaddress is not passed on:
    // "blocks" is then null.
    if (!reply.is_object()) return util::Error{NotOfTypeError(reply, "object")};
    boost::json::object result;
    result["address"] = m_address;
    result["blocks"] = Member(reply, "result");
    return ReplyObject(std::move(result), nullptr, 1);
}

util::Result<boost::json::value> AddrinfoHandler::PrepareRequest(const std::string&,
                                                                 const std::vector<std::string>& args)
{
    if (!args.empty()) return util::Error{"-addrinfo takes no arguments"};
    auto params = ConvertPositional("getnodeaddresses", {"0"});
    if (!params) return util::Error{params.error()};
    return RequestObject("getnodeaddresses", std::move(*params), 1);
}

util::Result<boost::json::value> AddrinfoHandler::ProcessReply(const boost::json::value& reply)
{
    if (!Member(reply, "error").is_null()) return reply;
    const auto& nodes = Member(reply, "result");
    if (!nodes.is_array()) return util::Error{"JSON value is not an array as expected"};
    const auto& list = nodes.get_array();
    if (!list.empty() && Member(list[0], "network").is_null()) {
        return util::Error{"-addrinfo requires utxod server to be running v22.0 and up"};
    }
    static constexpr std::array<std::string_view, 6> NETWORKS{"ipv4", "ipv6", "torv2", "torv3", "i2p", "cjdns"};
    std::array<uint64_t, NETWORKS.size()> counts{};
    for (const auto& node : list) {
        std::string network = ValueString(Member(node, "network"));
        // Tor v3 addresses are longer than v2's 22 characters.
        if (network == "onion") network = ValueString(Member(node, "address")).size() > 22 ? "torv3" : "torv2";
        for (size_t i = 0; i < NETWORKS.size(); ++i) {
            if (network == NETWORKS[i]) ++counts[i];
        }
    }
    boost::json::object addresses;
    uint64_t total = 0;
    for (size_t i = 0; i < NETWORKS.size(); ++i) {
        addresses[NETWORKS[i]] = counts[i];
        total += counts[i];
    }
    addresses["total"] = total;
    boost::json::object result;
    result["addresses_known"] = std::move(addresses);
    return ReplyObject(std::move(result), nullptr, 1);
}

} // namespace cli
