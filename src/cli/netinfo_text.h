// The page -netinfo prints, laid out as bitcoin-cli v29 lays it out, made from
// the results of getpeerinfo and getnetworkinfo. A pure function of its
// arguments: the current time is passed in, so a test can fix it.
//
// The page, each part only where it applies:
//   - the header line: "utxod client <version>[ <chain>] - server
//     <protocolversion><subversion>", then an empty line;
//   - levels 1 to 4, when there are peers to list: one line of column names,
//     one line per peer, inbound peers first, then outbound, each group by
//     increasing minimum ping (peers without one first, ties in getpeerinfo's
//     order), a line of units and an empty line. The columns: direction, type,
//     net, serv, v, mping, ping, send, recv, txn, blk, hb, addrp, addrl, age,
//     [asmap], id, and the address at levels 2 and 4, "<version><subver>" at 3
//     and 4 (NetinfoHelp() describes them). Width-varying columns (serv, addrp,
//     addrl, age, id, address) are as wide as their widest entry, with
//     bitcoin-cli's minimum widths; the units line keeps bitcoin-cli's fixed
//     spacing. With outbound_only, inbound peers are left out of the list (not
//     out of the counts);
//   - the peer counts: a column per reachable network (getnetworkinfo's
//     "networks" order), then "npr" and "int" when they have peers, "total",
//     "block" (outbound block-relay-only) and "manual" when there are any;
//     rows in, out, total;
//   - "Local addresses: n/a" and a newline, or one line per local address
//     (address, port, score) with no newline after the last.
//
// Reads fields with UniValue's strictness, in bitcoin-cli's order, and fails
// with UniValue's message at the first that has the wrong type ("JSON value of
// type null is not of expected type number" for a missing "id", "JSON value is
// not an object or array as expected" when getpeerinfo's result is not a
// list). Optional fields, as in bitcoin-cli: relaytxes (true), minping and
// pingtime (no ping), addr_processed and addr_rate_limited (0),
// addr_relay_enabled (false), transport_protocol_type ("v1"), mapped_as (none),
// servicesnames (none). Peers on a network it does not know are skipped.
#ifndef UTXO_CLI_NETINFO_TEXT_H
#define UTXO_CLI_NETINFO_TEXT_H

#include <util/result.h>

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>

namespace cli {

struct NetinfoOptions {
    std::string client_version; // "v0.1.0", in the header line
    std::string chain;          // "main", "test", "testnet4", "signet", "regtest"
    int level{0};               // 0 to 4; above 4 reads as 4
    bool outbound_only{false};  // list outbound peers only (levels 1 to 4)
};

// `peers`: getpeerinfo's result; `network_info`: getnetworkinfo's result;
// `now`: seconds since the Unix epoch, against which the times since the last
// send, receive, transaction, block and the connection's age are measured.
util::Result<std::string> FormatNetinfo(const boost::json::value& peers, const boost::json::value& network_info,
                                        const NetinfoOptions& options, int64_t now);

} // namespace cli

#endif // UTXO_CLI_NETINFO_TEXT_H
