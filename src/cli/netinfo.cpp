#include <cli/netinfo.h>

#include <cli/json_access.h>
#include <cli/request_handlers.h>

#include <boost/json.hpp>

#include <charconv>
#include <cstdint>

namespace cli {
namespace {

enum NetinfoId { PEERINFO = 0, NETWORKINFO = 1 };

constexpr const char* MORE_HELP = "For more information, run: utxo-cli -netinfo help";

} // namespace

NetinfoHandler::NetinfoHandler(std::string client_version, std::string chain, const util::Clock& clock)
    : m_clock(clock)
{
    m_options.client_version = std::move(client_version);
    m_options.chain = std::move(chain);
}

util::Result<boost::json::value> NetinfoHandler::PrepareRequest(const std::string&,
                                                                const std::vector<std::string>& args)
{
    m_options.level = 0;
    m_options.outbound_only = false;
    if (!args.empty()) {
        const std::string& level = args[0];
        uint8_t n = 0;
        const auto [end, error] = std::from_chars(level.data(), level.data() + level.size(), n);
        if (error != std::errc() || end != level.data() + level.size()) {
            return util::Error{"invalid -netinfo level argument: " + level + "\n" + MORE_HELP};
        }
        m_options.level = n;
        if (args.size() > 1) {
            const std::string& outonly = args[1];
            if (n == 0) {
                return util::Error{"invalid -netinfo outonly argument: " + outonly +
                                   "\nThe outonly argument is only valid for a level greater than 0 (the first "
                                   "argument). " + MORE_HELP};
            }
            if (outonly != "o" && outonly != "outonly") {
                return util::Error{"invalid -netinfo outonly argument: " + outonly + "\n" + MORE_HELP};
            }
            m_options.outbound_only = true;
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
    // A reply missing from the batch reads as null, like a reply without result.
    if (batch->size() < 2) batch->resize(2);
    if (!Member((*batch)[PEERINFO], "error").is_null()) return (*batch)[PEERINFO];
    if (!Member((*batch)[NETWORKINFO], "error").is_null()) return (*batch)[NETWORKINFO];
    auto page = FormatNetinfo(Member((*batch)[PEERINFO], "result"), Member((*batch)[NETWORKINFO], "result"),
                              m_options, m_clock.NowMicros() / 1'000'000);
    if (!page) return util::Error{page.error()};

    boost::json::object result_reply;
    result_reply["result"] = std::move(*page);
    result_reply["error"] = nullptr;
    result_reply["id"] = 1;
    return boost::json::value(std::move(result_reply));
}

std::string NetinfoHelp()
{
    return "-netinfo (level [outonly]) | help\n\n"
           "Prints a dashboard of the node's peer connections, made from the server's answers to getpeerinfo and\n"
           "getnetworkinfo. It is meant to be read by people and its layout may change; scripts should call those\n"
           "two RPCs instead.\n"
           "A level from 0 to 4 selects how much is shown; levels 5 to 255 show the same as 4.\n"
           "With a level, a second argument \"outonly\" limits the list of peers to outbound peers.\n"
           "\"help\" or \"h\" prints this text. Arguments after the second are ignored.\n"
           "Tip: run it under watch(1) for a dashboard that refreshes itself (see the examples).\n\n"
           "Arguments:\n"
           "1. level (integer 0-4, optional, default 0)  what the dashboard shows:\n"
           "     0  the peer counts per reachable network, with the block-relay-only and manual peers,\n"
           "        and the node's local addresses and ports\n"
           "     1  the same, preceded by a list of peers without the address and version columns\n"
           "     2  like 1, with the address column\n"
           "     3  like 1, with the version column\n"
           "     4  like 1, with both the address and version columns\n"
           "2. outonly (\"outonly\" or \"o\", optional)  list the outbound peers only, which saves room on a node\n"
           "     with many inbound peers; valid only after a level above 0\n\n"
           "help (\"help\" or \"h\")  print this help instead of the dashboard\n\n"
           "Result:\n\n"
           "* The list of peers (levels 1 to 4): inbound peers first, then outbound peers, each group in order\n"
           "  of increasing minimum ping time.\n\n"
           "  Column   Meaning\n"
           "  ------   -------\n"
           "  <->      direction: \"in\" when the peer opened the connection, \"out\" when we did\n"
           "  type     kind of connection:\n"
           "             \"full\"    outbound full relay, the usual kind\n"
           "             \"block\"   outbound block relay only: blocks, but no transactions or addresses\n"
           "             \"manual\"  a peer added with the addnode RPC or the -addnode/-connect options\n"
           "             \"feeler\"  a short connection that checks an address can be reached\n"
           "             \"addr\"    a short connection that fetches addresses\n"
           "  net      network of the connection: \"ipv4\", \"ipv6\", \"onion\", \"i2p\", \"cjdns\" or \"npr\"\n"
           "           (not publicly routable)\n"
           "  serv     services the peer offers, one letter each:\n"
           "             \"n\"  NETWORK: serves the whole block chain\n"
           "             \"b\"  BLOOM: serves bloom-filtered connections (BIP 111)\n"
           "             \"w\"  WITNESS: serves blocks and transactions with their witness data (SegWit)\n"
           "             \"c\"  COMPACT_FILTERS: serves basic block filters (BIPs 157 and 158)\n"
           "             \"l\"  NETWORK_LIMITED: serves only the last 288 blocks, about 2 days (BIP 159)\n"
           "             \"2\"  P2P_V2: speaks the version 2 transport protocol (BIP 324)\n"
           "             \"u\"  UNKNOWN: a service bit without a name\n"
           "  v        version of the transport protocol the connection uses\n"
           "  mping    lowest ping time seen, in milliseconds (ms)\n"
           "  ping     latest ping time, in milliseconds (ms)\n"
           "  send     time since we last sent the peer a message, in seconds\n"
           "  recv     time since the peer last sent us a message, in seconds\n"
           "  txn      time since the peer last sent us a new transaction that entered our mempool, in minutes\n"
           "             \"*\"  we do not relay transactions to the peer (getpeerinfo's \"relaytxes\" is false)\n"
           "  blk      time since the peer last sent us a new block that passed the first checks, in minutes\n"
           "  hb       high-bandwidth compact block relay (BIP 152):\n"
           "             \".\"  (to)   we chose the peer to send us new blocks at once\n"
           "             \"*\"  (from) the peer chose us to send it new blocks at once\n"
           "  addrp    addresses from the peer that we processed, leaving out those dropped by rate limiting\n"
           "             \".\"  we do not relay addresses to the peer (getpeerinfo's \"addr_relay_enabled\" is false)\n"
           "  addrl    addresses from the peer dropped by rate limiting\n"
           "  age      how long the connection has been open, in minutes\n"
           "  asmap    the AS (Autonomous System) number the peer's address maps to, used to spread peers\n"
           "           across networks (shown only when the server has an -asmap file)\n"
           "  id       peer number, counting up as peers connect from the node's start\n"
           "  address  IP address and port of the peer\n"
           "  version  the peer's protocol version followed by its user agent, e.g. \"70016/utxod:0.1.0/\"\n\n"
           "* The peer counts: per reachable network, and in total, the inbound, outbound and all peers, with the\n"
           "  outbound block-relay-only peers and, when there are any, the manual peers.\n\n"
           "* The local addresses: each address the node advertises, with its port and score.\n\n"
           "Examples:\n\n"
           "The peer counts and the local addresses\n"
           "> utxo-cli -netinfo\n\n"
           "The same, preceded by a list of peers without the address and version columns\n"
           "> utxo-cli -netinfo 1\n\n"
           "Everything\n"
           "> utxo-cli -netinfo 4\n\n"
           "Everything, listing outbound peers only\n"
           "> utxo-cli -netinfo 4 outonly\n\n"
           "Everything, refreshed every second (Linux)\n"
           "> watch --interval 1 --no-title utxo-cli -netinfo 4\n\n"
           "This help\n"
           "> utxo-cli -netinfo help\n";
}

} // namespace cli
