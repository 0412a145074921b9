#include <cli/json_read.h>
#include <cli/netinfo.h>
#include <cli/netinfo_text.h>
#include <json/write.h>
#include <util/clock.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace {

boost::json::value Json(const std::string& text)
{
    auto value = cli::ReadJson(text);
    BOOST_REQUIRE_MESSAGE(value, text);
    return *value;
}

constexpr int64_t NOW = 1700000000;

// Five peers, in getpeerinfo's order (by id):
//   0  outbound manual, IPv6, high-bandwidth "to", a block 10 minutes ago, no transaction yet
//   3  inbound, IPv4, v2 transport, high-bandwidth "from", 1234 addresses processed
//   7  outbound full relay, IPv4, a ping of 2000 s ("-"), 17 addresses rate-limited, 10000 minutes old
//   12 outbound block-relay-only, IPv4: no transaction relay ("*"), no address relay ("."), no ping yet
//   15 inbound, not publicly routable, transport still "detecting", version 0, no services, no ping
const char* const PEERS = R"([
  {"id":0,"addr":"[2001:db8::1]:8333","network":"ipv6","servicesnames":["NETWORK","WITNESS","NETWORK_LIMITED"],
   "relaytxes":true,"lastsend":1699999999,"lastrecv":1699999998,"last_transaction":0,"last_block":1699999400,
   "conntime":1699992800,"pingtime":0.1204,"minping":0.0996,"version":70016,"subver":"/Satoshi:29.0.0/",
   "inbound":false,"bip152_hb_to":true,"bip152_hb_from":false,"addr_relay_enabled":true,"addr_processed":0,
   "addr_rate_limited":0,"connection_type":"manual","transport_protocol_type":"v1"},
  {"id":3,"addr":"192.168.1.5:51234","network":"ipv4","servicesnames":["NETWORK","WITNESS","NETWORK_LIMITED","P2P_V2"],
   "relaytxes":true,"lastsend":1699999995,"lastrecv":1699999997,"last_transaction":1699999875,"last_block":0,
   "conntime":1699996400,"pingtime":0.0456,"minping":0.0123,"version":70016,"subver":"/Satoshi:28.1.0/",
   "inbound":true,"bip152_hb_to":false,"bip152_hb_from":true,"addr_relay_enabled":true,"addr_processed":1234,
   "addr_rate_limited":0,"connection_type":"inbound","transport_protocol_type":"v2"},
  {"id":7,"addr":"203.0.113.9:8333","network":"ipv4","servicesnames":["NETWORK","BLOOM","WITNESS","COMPACT_FILTERS"],
   "relaytxes":true,"lastsend":1699999970,"lastrecv":1699999969,"last_transaction":1699999941,"last_block":1699997000,
   "conntime":1699400000,"pingtime":2000.5,"minping":0.05,"version":70015,"subver":"/Satoshi:0.20.1/",
   "inbound":false,"bip152_hb_to":false,"bip152_hb_from":false,"addr_relay_enabled":true,"addr_processed":4321,
   "addr_rate_limited":17,"connection_type":"outbound-full-relay","transport_protocol_type":"v1"},
  {"id":12,"addr":"198.51.100.77:18444","network":"ipv4","servicesnames":["NETWORK","WITNESS","P2P_V2"],
   "relaytxes":false,"lastsend":1699999960,"lastrecv":0,"last_transaction":0,"last_block":0,
   "conntime":1699999941,"pingwait":3.2,"version":70016,"subver":"/utxod:0.1.0/",
   "inbound":false,"bip152_hb_to":false,"bip152_hb_from":false,"addr_relay_enabled":false,"addr_processed":0,
   "addr_rate_limited":0,"connection_type":"block-relay-only","transport_protocol_type":"v1"},
  {"id":15,"addr":"127.0.0.1:40000","network":"not_publicly_routable","servicesnames":[],
   "relaytxes":true,"lastsend":1699999998,"lastrecv":1699999998,"last_transaction":0,"last_block":0,
   "conntime":1699999870,"version":0,"subver":"",
   "inbound":true,"bip152_hb_to":false,"bip152_hb_from":false,"addr_relay_enabled":true,"addr_processed":0,
   "addr_rate_limited":0,"connection_type":"inbound","transport_protocol_type":"detecting"}])";

const char* const NETWORK_INFO = R"({"version":100,"subversion":"/utxod:0.1.0/","protocolversion":70016,
  "networks":[{"name":"ipv4","reachable":true},{"name":"ipv6","reachable":true},{"name":"onion","reachable":false},
              {"name":"i2p","reachable":false},{"name":"cjdns","reachable":false}],
  "localaddresses":[]})";

const std::string HEADER = "utxod client v0.1.0 regtest - server 70016/utxod:0.1.0/\n\n";
const std::string COUNTS = "         ipv4    ipv6     npr   total   block  manual\n"
                           "in          1       0       1       2\n"
                           "out         2       1       0       3       1       1\n"
                           "total       3       1       1       5\n\n"
                           "Local addresses: n/a\n";
const std::string UNITS = "                               ms     ms  sec  sec  min  min                  min\n\n";

cli::NetinfoOptions Options(int level, bool outbound_only = false)
{
    return cli::NetinfoOptions{"v0.1.0", "regtest", level, outbound_only};
}

std::string Page(const boost::json::value& peers, const boost::json::value& network_info,
                 const cli::NetinfoOptions& options)
{
    auto page = cli::FormatNetinfo(peers, network_info, options, NOW);
    BOOST_REQUIRE_MESSAGE(page.ok(), (page.ok() ? std::string() : page.error()));
    return *page;
}

std::string FormatError(const boost::json::value& peers, const boost::json::value& network_info, int level)
{
    auto page = cli::FormatNetinfo(peers, network_info, Options(level), NOW);
    BOOST_REQUIRE_MESSAGE(!page.ok(), "expected an error");
    return page.error();
}

// Replaces member `key` of peer `index` (removes it for a null `value`).
boost::json::value WithPeerField(size_t index, const std::string& key, const char* value)
{
    auto peers = Json(PEERS);
    auto& peer = peers.as_array().at(index).as_object();
    if (value) {
        peer[key] = Json(value);
    } else {
        peer.erase(key);
    }
    return peers;
}

} // namespace

BOOST_AUTO_TEST_SUITE(netinfo_tests)

BOOST_AUTO_TEST_CASE(level_0_counts_peers_and_lists_local_addresses)
{
    BOOST_CHECK_EQUAL(Page(Json(PEERS), Json(NETWORK_INFO), Options(0)), HEADER + COUNTS);

    // Main chain: no chain name. Local addresses, aligned on the longest.
    auto network_info = Json(NETWORK_INFO);
    network_info.as_object()["localaddresses"] = Json(R"([{"address":"2001:db8::5","port":8333,"score":4},
        {"address":"203.0.113.1","port":18444,"score":1}])");
    BOOST_CHECK_EQUAL(Page(Json(PEERS), network_info, cli::NetinfoOptions{"v0.1.0", "main", 0, false}),
                      "utxod client v0.1.0 - server 70016/utxod:0.1.0/\n\n"
                      "         ipv4    ipv6     npr   total   block  manual\n"
                      "in          1       0       1       2\n"
                      "out         2       1       0       3       1       1\n"
                      "total       3       1       1       5\n\n"
                      "Local addresses\n"
                      "2001:db8::5     port   8333    score      4\n"
                      "203.0.113.1     port  18444    score      1");

    // No peers: only the reachable networks, no "npr" or "manual" column; at
    // level 1 no peer list either.
    const std::string empty = "utxod client v0.1.0 testnet - server 70016/utxod:0.1.0/\n\n"
                              "         ipv4    ipv6   total   block\n"
                              "in          0       0       0\n"
                              "out         0       0       0       0\n"
                              "total       0       0       0\n\n"
                              "Local addresses: n/a\n";
    BOOST_CHECK_EQUAL(Page(Json("[]"), Json(NETWORK_INFO), cli::NetinfoOptions{"v0.1.0", "test", 0, false}), empty);
    BOOST_CHECK_EQUAL(Page(Json("[]"), Json(NETWORK_INFO), cli::NetinfoOptions{"v0.1.0", "test", 1, false}), empty);

    // A peer on a network -netinfo does not know is left out of everything.
    auto peers = Json(PEERS);
    peers.as_array().push_back(Json(R"({"network":"carrier_pigeon"})"));
    BOOST_CHECK_EQUAL(Page(peers, Json(NETWORK_INFO), Options(0)), HEADER + COUNTS);
}

BOOST_AUTO_TEST_CASE(level_1_lists_peers_by_direction_then_minimum_ping)
{
    BOOST_CHECK_EQUAL(
        Page(Json(PEERS), Json(NETWORK_INFO), Options(1)),
        HEADER +
            "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id \n"
            " in          npr                            2    2                              2 15 \n"
            " in         ipv4   nwl2  2     12     46    5    3    2        *  1234         60  3 \n"
            "out  block  ipv4    nw2  1                 40         *              .          0 12 \n"
            "out   full  ipv4   nbwc  1     50      -   30   31    0   50      4321    1710000  7 \n"
            "out manual  ipv6    nwl  1    100    120    1    2        10  .               120  0 \n" +
            UNITS + COUNTS);
}

BOOST_AUTO_TEST_CASE(levels_2_to_4_add_address_and_version_columns)
{
    BOOST_CHECK_EQUAL(
        Page(Json(PEERS), Json(NETWORK_INFO), Options(2)),
        HEADER +
            "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id address             \n"
            " in          npr                            2    2                              2 15 127.0.0.1:40000     \n"
            " in         ipv4   nwl2  2     12     46    5    3    2        *  1234         60  3 192.168.1.5:51234   \n"
            "out  block  ipv4    nw2  1                 40         *              .          0 12 198.51.100.77:18444 \n"
            "out   full  ipv4   nbwc  1     50      -   30   31    0   50      4321    1710000  7 203.0.113.9:8333    \n"
            "out manual  ipv6    nwl  1    100    120    1    2        10  .               120  0 [2001:db8::1]:8333  \n" +
            UNITS + COUNTS);
    // Version 0 with no user agent shows nothing.
    BOOST_CHECK_EQUAL(
        Page(Json(PEERS), Json(NETWORK_INFO), Options(3)),
        HEADER +
            "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id version\n"
            " in          npr                            2    2                              2 15 \n"
            " in         ipv4   nwl2  2     12     46    5    3    2        *  1234         60  3 70016/Satoshi:28.1.0/\n"
            "out  block  ipv4    nw2  1                 40         *              .          0 12 70016/utxod:0.1.0/\n"
            "out   full  ipv4   nbwc  1     50      -   30   31    0   50      4321    1710000  7 70015/Satoshi:0.20.1/\n"
            "out manual  ipv6    nwl  1    100    120    1    2        10  .               120  0 70016/Satoshi:29.0.0/\n" +
            UNITS + COUNTS);
    const std::string level_4 =
        HEADER +
        "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id address             version\n"
        " in          npr                            2    2                              2 15 127.0.0.1:40000     \n"
        " in         ipv4   nwl2  2     12     46    5    3    2        *  1234         60  3 192.168.1.5:51234   70016/Satoshi:28.1.0/\n"
        "out  block  ipv4    nw2  1                 40         *              .          0 12 198.51.100.77:18444 70016/utxod:0.1.0/\n"
        "out   full  ipv4   nbwc  1     50      -   30   31    0   50      4321    1710000  7 203.0.113.9:8333    70015/Satoshi:0.20.1/\n"
        "out manual  ipv6    nwl  1    100    120    1    2        10  .               120  0 [2001:db8::1]:8333  70016/Satoshi:29.0.0/\n" +
        UNITS + COUNTS;
    BOOST_CHECK_EQUAL(Page(Json(PEERS), Json(NETWORK_INFO), Options(4)), level_4);
    // Levels above 4 read as 4.
    BOOST_CHECK_EQUAL(Page(Json(PEERS), Json(NETWORK_INFO), Options(255)), level_4);
}

BOOST_AUTO_TEST_CASE(outonly_leaves_inbound_peers_out_of_the_list_not_the_counts)
{
    BOOST_CHECK_EQUAL(
        Page(Json(PEERS), Json(NETWORK_INFO), Options(1, true)),
        HEADER +
            "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id \n"
            "out  block  ipv4    nw2  1                 40         *              .          0 12 \n"
            "out   full  ipv4   nbwc  1     50      -   30   31    0   50      4321    1710000  7 \n"
            "out manual  ipv6    nwl  1    100    120    1    2        10  .               120  0 \n" +
            UNITS + COUNTS);
    BOOST_CHECK_EQUAL(
        Page(Json(PEERS), Json(NETWORK_INFO), Options(4, true)),
        HEADER +
            "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id address             version\n"
            "out  block  ipv4    nw2  1                 40         *              .          0 12 198.51.100.77:18444 70016/utxod:0.1.0/\n"
            "out   full  ipv4   nbwc  1     50      -   30   31    0   50      4321    1710000  7 203.0.113.9:8333    70015/Satoshi:0.20.1/\n"
            "out manual  ipv6    nwl  1    100    120    1    2        10  .               120  0 [2001:db8::1]:8333  70016/Satoshi:29.0.0/\n" +
            UNITS + COUNTS);
    // With only inbound peers there is nothing to list.
    auto inbound_only = Json(PEERS);
    auto& list = inbound_only.as_array();
    list.erase(list.begin() + 2, list.begin() + 4);
    list.erase(list.begin());
    BOOST_CHECK_EQUAL(Page(inbound_only, Json(NETWORK_INFO), Options(2, true)),
                      HEADER + "         ipv4    ipv6     npr   total   block\n"
                               "in          1       0       1       2\n"
                               "out         0       0       0       0       0\n"
                               "total       1       0       1       2\n\n"
                               "Local addresses: n/a\n");
}

BOOST_AUTO_TEST_CASE(columns_widen_and_optional_fields_take_defaults)
{
    // A feeler with the optional fields missing (transport "v1", transaction
    // relay, no address relay, no ping), a long id, age and addrp, every
    // service letter and a mapped AS (the asmap column appears); and an
    // addr-fetch peer with "servicesnames" not a list (no letters), a
    // transaction from the future (0 minutes, as C++ division truncates), a
    // ping that rounds to 0 ms and a minimum ping just under the "-" limit.
    // The units line keeps bitcoin-cli's fixed spacing.
    const auto peers = Json(R"([
      {"id":1234567,"addr":"10.0.0.1:8333","network":"ipv4","servicesnames":["NETWORK","BLOOM","WITNESS",
       "COMPACT_FILTERS","NETWORK_LIMITED","P2P_V2","UNKNOWN[1 << 12]"],"lastsend":0,"lastrecv":0,
       "last_transaction":0,"last_block":0,"conntime":1000000000,"version":70016,"subver":"/x/","inbound":false,
       "bip152_hb_to":true,"bip152_hb_from":true,"connection_type":"feeler","mapped_as":64496,
       "addr_processed":123456789},
      {"id":2,"addr":"10.0.0.2:8333","network":"ipv4","servicesnames":"NETWORK","lastsend":1699999990,
       "lastrecv":1699999990,"last_transaction":1700000030,"last_block":0,"conntime":0,"pingtime":0.0004,
       "minping":999.9994,"version":70016,"subver":"/y/","inbound":false,"bip152_hb_to":false,"bip152_hb_from":false,
       "connection_type":"addr-fetch","transport_protocol_type":"v2","addr_relay_enabled":true}])");
    const std::string page = Page(peers, Json(NETWORK_INFO), Options(1));
    BOOST_CHECK_EQUAL(page.substr(0, page.find("         ipv4")),
                      HEADER +
                          "<->   type   net    serv  v  mping   ping send recv  txn  blk  hb     addrp addrl     age  asmap "
                          "     id \n"
                          "out feeler  ipv4 nbwcl2u  1                                    .* 123456789      11666666  64496 "
                          "1234567 \n"
                          "out   addr  ipv4          2 999999      0   10   10    0                                          "
                          "     2 \n"
                          "                                ms     ms  sec  sec  min  min                     min\n\n");
}

BOOST_AUTO_TEST_CASE(malformed_replies_are_errors_not_crashes)
{
    const auto network_info = Json(NETWORK_INFO);
    // getpeerinfo's result is not a list.
    BOOST_CHECK_EQUAL(FormatError(Json("null"), network_info, 0), "JSON value is not an object or array as expected");
    BOOST_CHECK_EQUAL(FormatError(Json("\"peers\""), network_info, 1),
                      "JSON value is not an object or array as expected");
    // Fields every level reads.
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "network", nullptr), network_info, 0),
                      "JSON value of type null is not of expected type string");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "inbound", "\"yes\""), network_info, 0),
                      "JSON value of type string is not of expected type bool");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "relaytxes", "1"), network_info, 0),
                      "JSON value of type number is not of expected type bool");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "connection_type", "[]"), network_info, 0),
                      "JSON value of type array is not of expected type string");
    BOOST_CHECK_EQUAL(FormatError(Json("[1]"), network_info, 0),
                      "JSON value of type null is not of expected type string");
    // Fields of the peer list: read only at levels 1 to 4.
    const auto no_id = WithPeerField(1, "id", nullptr);
    BOOST_CHECK(cli::FormatNetinfo(no_id, network_info, Options(0), NOW).ok());
    BOOST_CHECK_EQUAL(FormatError(no_id, network_info, 1), "JSON value of type null is not of expected type number");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "conntime", "\"1699996400\""), network_info, 1),
                      "JSON value of type string is not of expected type number");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "lastsend", "1.5"), network_info, 1), "JSON integer out of range");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "id", "4294967296"), network_info, 1), "JSON integer out of range");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "minping", "\"fast\""), network_info, 1),
                      "JSON value of type string is not of expected type number");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "addr", "false"), network_info, 1),
                      "JSON value of type bool is not of expected type string");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "servicesnames", "[\"NETWORK\",7]"), network_info, 1),
                      "JSON value of type number is not of expected type string");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "bip152_hb_from", nullptr), network_info, 1),
                      "JSON value of type null is not of expected type bool");
    BOOST_CHECK_EQUAL(FormatError(WithPeerField(1, "transport_protocol_type", "2"), network_info, 1),
                      "JSON value of type number is not of expected type string");
    // The outonly filter skips an inbound peer's list fields.
    BOOST_CHECK(cli::FormatNetinfo(no_id, network_info, Options(1, true), NOW).ok());
    // The first bad field in bitcoin-cli's order is the one reported.
    auto two_bad = WithPeerField(1, "addr", nullptr);
    two_bad.as_array().at(1).as_object()["version"] = "new";
    BOOST_CHECK_EQUAL(FormatError(two_bad, network_info, 1),
                      "JSON value of type string is not of expected type number");

    // getnetworkinfo's fields.
    const auto peers = Json(PEERS);
    auto info = network_info;
    info.as_object().erase("protocolversion");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value of type null is not of expected type number");
    BOOST_CHECK_EQUAL(FormatError(peers, Json("[]"), 0), "JSON value of type null is not of expected type number");
    info = network_info;
    info.as_object()["subversion"] = Json("70016");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value of type number is not of expected type string");
    info = network_info;
    info.as_object().erase("networks");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value is not an object or array as expected");
    info = network_info;
    info.as_object()["networks"] = Json(R"([{"name":"ipv4"}])");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value of type null is not of expected type bool");
    info = network_info;
    info.as_object()["localaddresses"] = Json(R"([{"address":"1.2.3.4","port":"8333","score":1}])");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value of type string is not of expected type number");
    info.as_object()["localaddresses"] = Json(R"({"a":{"address":null}})");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value of type null is not of expected type string");
    info.as_object().erase("localaddresses");
    BOOST_CHECK_EQUAL(FormatError(peers, info, 0), "JSON value is not an object or array as expected");
}

BOOST_AUTO_TEST_CASE(handler_checks_arguments_and_formats_the_batch)
{
    const util::FixedClock clock(NOW * 1'000'000 + 999'999);
    cli::NetinfoHandler handler("v0.1.0", "regtest", clock);
    BOOST_CHECK_EQUAL(json::WriteJson(*handler.PrepareRequest("", {})),
                      R"([{"method":"getpeerinfo","params":null,"id":0},{"method":"getnetworkinfo","params":null,"id":1}])");
    for (const char* bad : {"x", "", "-1", "256", "+1", "1.0", " 1"}) {
        BOOST_CHECK_EQUAL(cli::NetinfoHandler("v", "main", clock).PrepareRequest("", {bad}).error(),
                          "invalid -netinfo level argument: " + std::string(bad) +
                              "\nFor more information, run: utxo-cli -netinfo help");
    }
    BOOST_CHECK_EQUAL(cli::NetinfoHandler("v", "main", clock).PrepareRequest("", {"0", "outonly"}).error(),
                      "invalid -netinfo outonly argument: outonly\nThe outonly argument is only valid for a level "
                      "greater than 0 (the first argument). For more information, run: utxo-cli -netinfo help");
    BOOST_CHECK_EQUAL(cli::NetinfoHandler("v", "main", clock).PrepareRequest("", {"2", "out"}).error(),
                      "invalid -netinfo outonly argument: out\nFor more information, run: utxo-cli -netinfo help");

    // The level and outonly chosen at PrepareRequest shape the page; the
    // clock gives "now" in whole seconds.
    const std::string batch = std::string(R"([{"result":)") + NETWORK_INFO + R"(,"error":null,"id":1},{"result":)" +
                              PEERS + R"(,"error":null,"id":0}])";
    for (const auto& args : std::vector<std::vector<std::string>>{{"0004", "o", "ignored"}, {"255", "outonly"}}) {
        cli::NetinfoHandler level_4("v0.1.0", "regtest", clock);
        BOOST_REQUIRE(level_4.PrepareRequest("", args));
        auto reply = level_4.ProcessReply(Json(batch));
        BOOST_REQUIRE(reply);
        BOOST_CHECK_EQUAL(std::string(reply->at("result").as_string()),
                          Page(Json(PEERS), Json(NETWORK_INFO), Options(4, true)));
        BOOST_CHECK(reply->at("error").is_null());
    }

    // Errors of the server are passed on, getpeerinfo's first.
    auto reply = handler.ProcessReply(Json(R"([{"result":null,"error":{"code":-1,"message":"no peers"},"id":0},
        {"result":null,"error":{"code":-2,"message":"no network"},"id":1}])"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(*reply), R"({"result":null,"error":{"code":-1,"message":"no peers"},"id":0})");
    reply = handler.ProcessReply(Json(R"([{"result":[],"error":null,"id":0},
        {"result":null,"error":{"code":-2,"message":"no network"},"id":1}])"));
    BOOST_REQUIRE(reply);
    BOOST_CHECK_EQUAL(json::WriteJson(*reply), R"({"result":null,"error":{"code":-2,"message":"no network"},"id":1})");

    // Malformed batches are errors.
    BOOST_CHECK_EQUAL(handler.ProcessReply(Json("{}")).error(), "Batch must be an array");
    BOOST_CHECK_EQUAL(handler.ProcessReply(Json(R"([{"result":[],"error":null,"id":0}])")).error(),
                      "JSON value of type null is not of expected type number");
    BOOST_CHECK_EQUAL(handler.ProcessReply(Json("[]")).error(), "JSON value is not an object or array as expected");
}

BOOST_AUTO_TEST_CASE(help_describes_every_level_and_column)
{
    const std::string help = cli::NetinfoHelp();
    BOOST_CHECK(help.starts_with("-netinfo (level [outonly]) | help\n"));
    BOOST_CHECK(help.find("not implemented") == std::string::npos);
    for (const char* column : {"<->", "type", "net", "serv", "v", "mping", "ping", "send", "recv", "txn", "blk", "hb",
                               "addrp", "addrl", "age", "asmap", "id", "address", "version"}) {
        BOOST_CHECK_MESSAGE(help.find("\n  " + std::string(column) + " ") != std::string::npos, column);
    }
    for (const char* example :
         {"> utxo-cli -netinfo\n", "> utxo-cli -netinfo 4 outonly\n", "> utxo-cli -netinfo help\n"}) {
        BOOST_CHECK_MESSAGE(help.find(example) != std::string::npos, example);
    }
}

BOOST_AUTO_TEST_SUITE_END()
