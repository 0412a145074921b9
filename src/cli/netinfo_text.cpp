#include <cli/netinfo_text.h>

#include <cli/json_access.h>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace cli {
namespace {

// getpeerinfo's network names, and the short forms used as column headers.
constexpr std::array<std::string_view, 7> NETWORKS{"not_publicly_routable", "ipv4", "ipv6", "onion", "i2p", "cjdns",
                                                  "internal"};
constexpr std::array<std::string_view, 7> SHORT_NAMES{"npr", "ipv4", "ipv6", "onion", "i2p", "cjdns", "int"};
// Count columns shown only when they have peers (they are never "reachable").
constexpr std::array<size_t, 2> UNREACHABLE{0, 6};
constexpr int MAX_LEVEL = 4;
// Minimum widths of the columns that grow with their entries.
constexpr size_t MIN_SERVICES_WIDTH = 6;
constexpr size_t MIN_ADDR_PROCESSED_WIDTH = 5;
constexpr size_t MIN_ADDR_RATE_LIMITED_WIDTH = 6;
constexpr size_t MIN_AGE_WIDTH = 5;
constexpr size_t MIN_ID_WIDTH = 2;
constexpr size_t ASMAP_WIDTH = 7;

int NetworkId(std::string_view name)
{
    for (size_t i = 0; i < NETWORKS.size(); ++i) {
        if (NETWORKS[i] == name) return static_cast<int>(i);
    }
    return -1;
}

// `text` right-aligned (printf's "%*s") or left-aligned ("%-*s") in `width`;
// never cut.
std::string AlignRight(std::string_view text, size_t width)
{
    return std::string(width > text.size() ? width - text.size() : 0, ' ') + std::string(text);
}

std::string AlignLeft(std::string_view text, size_t width)
{
    return std::string(text) + std::string(width > text.size() ? width - text.size() : 0, ' ');
}

std::string ChainSuffix(std::string_view chain)
{
    if (chain == "test") return " testnet";
    if (chain == "main" || chain.empty()) return "";
    return " " + std::string(chain);
}

// Reads an object's members with UniValue's strictness and keeps the first
// failure; once one read has failed, the others answer their fallbacks, so a
// caller reads a group of fields and checks Failed() once.
class FieldReader {
public:
    explicit FieldReader(const boost::json::value& object) : m_object(object) {}

    std::string String(std::string_view key) { return Take(GetString(Member(m_object, key)), std::string()); }
    bool Bool(std::string_view key) { return Take(GetBool(Member(m_object, key)), false); }
    int Int(std::string_view key) { return Take(GetInt(Member(m_object, key)), 0); }
    int64_t Int64(std::string_view key) { return Take(GetInt64(Member(m_object, key)), int64_t{0}); }

    // Optional members: `absent` when the member is null or missing.
    bool BoolOr(std::string_view key, bool absent) { return IsNull(key) ? absent : Bool(key); }
    int IntOr(std::string_view key, int absent) { return IsNull(key) ? absent : Int(key); }
    int64_t Int64Or(std::string_view key, int64_t absent) { return IsNull(key) ? absent : Int64(key); }
    double RealOr(std::string_view key, double absent)
    {
        return IsNull(key) ? absent : Take(GetReal(Member(m_object, key)), absent);
    }
    std::string StringOr(std::string_view key, std::string absent)
    {
        return IsNull(key) ? absent : String(key);
    }
    const boost::json::value& Raw(std::string_view key) const { return Member(m_object, key); }

    bool Failed() const { return m_error.has_value(); }
    util::Error Error() const { return util::Error{m_error.value_or("")}; }

private:
    bool IsNull(std::string_view key) const { return Member(m_object, key).is_null(); }

    template <typename T>
    T Take(util::Result<T> result, T fallback)
    {
        if (m_error) return fallback;
        if (!result) {
            m_error = result.error();
            return fallback;
        }
        return std::move(*result);
    }

    const boost::json::value& m_object;
    std::optional<std::string> m_error;
};

// One line of the peer list, as read from getpeerinfo.
struct Peer {
    std::string addr;
    std::string sub_version;
    std::string conn_type;
    std::string network; // short name
    std::string age;     // minutes, "" when the connection time is unknown
    std::string services;
    std::string transport;
    double min_ping{-1}; // seconds, negative when unknown
    double ping{-1};
    int64_t addr_processed{0};
    int64_t addr_rate_limited{0};
    int64_t last_block{0};
    int64_t last_recv{0};
    int64_t last_send{0};
    int64_t last_transaction{0};
    int id{0};
    int mapped_as{0};
    int version{0};
    bool addr_relay_enabled{false};
    bool hb_from{false};
    bool hb_to{false};
    bool outbound{false};
    bool tx_relay{true};
};

// servicesnames as one letter each: "l" for NETWORK_LIMITED, "2" for P2P_V2,
// else the name's first letter in lower case.
util::Result<std::string> ServiceLetters(const boost::json::value& names)
{
    if (!names.is_array() && !names.is_object()) return std::string(); // UniValue's size() is 0
    auto values = GetValues(names);
    if (!values) return util::Error{values.error()};
    std::string letters;
    for (const auto* value : *values) {
        auto name = GetString(*value);
        if (!name) return util::Error{name.error()};
        if (name->empty()) continue;
        if (*name == "NETWORK_LIMITED") {
            letters += 'l';
        } else if (*name == "P2P_V2") {
            letters += '2';
        } else {
            const char first = (*name)[0];
            letters += (first >= 'A' && first <= 'Z') ? static_cast<char>(first - 'A' + 'a') : first;
        }
    }
    return letters;
}

// The fields of the peer list, read in bitcoin-cli's order.
util::Result<Peer> ReadPeer(FieldReader& reader, bool outbound, bool tx_relay, std::string conn_type,
                            std::string_view network, int64_t now)
{
    Peer peer;
    peer.outbound = outbound;
    peer.tx_relay = tx_relay;
    peer.conn_type = std::move(conn_type);
    peer.network = std::string(network);
    peer.id = reader.Int("id");
    peer.mapped_as = reader.IntOr("mapped_as", 0);
    peer.version = reader.Int("version");
    peer.addr_processed = reader.Int64Or("addr_processed", 0);
    peer.addr_rate_limited = reader.Int64Or("addr_rate_limited", 0);
    const int64_t conn_time = reader.Int64("conntime");
    peer.last_block = reader.Int64("last_block");
    peer.last_recv = reader.Int64("lastrecv");
    peer.last_send = reader.Int64("lastsend");
    peer.last_transaction = reader.Int64("last_transaction");
    peer.min_ping = reader.RealOr("minping", -1);
    peer.ping = reader.RealOr("pingtime", -1);
    peer.addr = reader.String("addr");
    if (reader.Failed()) return reader.Error();
    peer.age = conn_time == 0 ? "" : std::to_string((now - conn_time) / 60);
    auto services = ServiceLetters(reader.Raw("servicesnames"));
    if (!services) return util::Error{services.error()};
    peer.services = std::move(*services);
    peer.sub_version = reader.String("subver");
    peer.transport = reader.StringOr("transport_protocol_type", "v1");
    peer.addr_relay_enabled = reader.BoolOr("addr_relay_enabled", false);
    peer.hb_from = reader.Bool("bip152_hb_from");
    peer.hb_to = reader.Bool("bip152_hb_to");
    if (reader.Failed()) return reader.Error();
    return peer;
}

// A ping time in seconds as whole milliseconds; "" when unknown, "-" when
// longer than 999999 ms.
std::string PingText(double seconds)
{
    if (seconds < 0) return "";
    const double milliseconds = std::round(1000 * seconds);
    if (milliseconds > 999999) return "-";
    return std::to_string(static_cast<int64_t>(milliseconds));
}

std::string TypeText(std::string_view conn_type)
{
    if (conn_type == "outbound-full-relay") return "full";
    if (conn_type == "block-relay-only") return "block";
    if (conn_type == "manual" || conn_type == "feeler") return std::string(conn_type);
    if (conn_type == "addr-fetch") return "addr";
    return "";
}

// "1" for "v1", "2" for "v2"; blank for anything else.
std::string TransportText(std::string_view transport)
{
    if (transport.size() == 2 && transport[0] == 'v') return std::string(1, transport[1]);
    return "";
}

// Minutes or seconds since `when`; "" when `when` is 0 (never).
std::string SinceText(int64_t when, int64_t now, int64_t unit)
{
    return when ? std::to_string((now - when) / unit) : "";
}

struct Widths {
    size_t services{MIN_SERVICES_WIDTH};
    size_t addr_processed{MIN_ADDR_PROCESSED_WIDTH};
    size_t addr_rate_limited{MIN_ADDR_RATE_LIMITED_WIDTH};
    size_t age{MIN_AGE_WIDTH};
    size_t id{MIN_ID_WIDTH};
    size_t addr{0}; // the longest address plus one
    bool asmap{false};
};

Widths MeasureColumns(const std::vector<Peer>& peers)
{
    Widths widths;
    for (const Peer& peer : peers) {
        widths.services = std::max(widths.services, peer.services.size());
        widths.addr_processed = std::max(widths.addr_processed, std::to_string(peer.addr_processed).size());
        widths.addr_rate_limited = std::max(widths.addr_rate_limited, std::to_string(peer.addr_rate_limited).size());
        widths.age = std::max(widths.age, peer.age.size());
        widths.id = std::max(widths.id, std::to_string(peer.id).size());
        widths.addr = std::max(widths.addr, peer.addr.size() + 1);
        widths.asmap |= peer.mapped_as != 0;
    }
    return widths;
}

std::string PeerLine(const Peer& peer, const Widths& widths, int64_t now, bool show_address, bool show_version)
{
    std::string line = AlignRight(peer.outbound ? "out" : "in", 3) + " " + AlignRight(TypeText(peer.conn_type), 6) +
                       " " + AlignRight(peer.network, 5) + " " + AlignRight(peer.services, widths.services) + " " +
                       AlignRight(TransportText(peer.transport), 2) + AlignRight(PingText(peer.min_ping), 7) +
                       AlignRight(PingText(peer.ping), 7) + AlignRight(SinceText(peer.last_send, now, 1), 5) +
                       AlignRight(SinceText(peer.last_recv, now, 1), 5);
    const std::string txn = peer.last_transaction ? SinceText(peer.last_transaction, now, 60)
                            : peer.tx_relay       ? ""
                                                  : "*";
    line += AlignRight(txn, 5) + AlignRight(SinceText(peer.last_block, now, 60), 5);
    line += "  " + std::string(peer.hb_to ? "." : " ") + (peer.hb_from ? "*" : " ") + " ";
    const std::string addrp = peer.addr_processed ? std::to_string(peer.addr_processed)
                              : peer.addr_relay_enabled ? ""
                                                        : ".";
    const std::string addrl = peer.addr_rate_limited ? std::to_string(peer.addr_rate_limited) : "";
    line += AlignRight(addrp, widths.addr_processed) + AlignRight(addrl, widths.addr_rate_limited) +
            AlignRight(peer.age, widths.age);
    line += AlignRight(widths.asmap && peer.mapped_as ? std::to_string(peer.mapped_as) : "",
                       widths.asmap ? ASMAP_WIDTH : 0);
    line += " " + AlignRight(std::to_string(peer.id), widths.id) + " ";
    line += AlignLeft(show_address ? peer.addr : "", show_address ? widths.addr : 0);
    const std::string version = std::to_string(peer.version) + peer.sub_version;
    if (show_version && version != "0") line += version;
    return line + "\n";
}

// The peer list: column names, one line per peer, units, an empty line.
std::string PeerList(std::vector<Peer> peers, int level, int64_t now)
{
    std::stable_sort(peers.begin(), peers.end(), [](const Peer& a, const Peer& b) {
        return std::tie(a.outbound, a.min_ping) < std::tie(b.outbound, b.min_ping);
    });
    const bool show_address = level == 2 || level == 4;
    const bool show_version = level == 3 || level == 4;
    const Widths widths = MeasureColumns(peers);
    std::string out = "<->   type   net " + AlignRight("serv", widths.services) +
                      "  v  mping   ping send recv  txn  blk  hb " + AlignRight("addrp", widths.addr_processed) +
                      AlignRight("addrl", widths.addr_rate_limited) + AlignRight("age", widths.age) + " ";
    if (widths.asmap) out += " asmap ";
    out += AlignRight("id", widths.id) + " " + AlignLeft(show_address ? "address" : "", show_address ? widths.addr : 0);
    out += std::string(show_version ? "version" : "") + "\n";
    for (const Peer& peer : peers) out += PeerLine(peer, widths, now, show_address, show_version);
    out += std::string(16 + widths.services + 9, ' ') + "ms     ms  sec  sec  min  min" + std::string(16, ' ') +
           AlignRight("min", widths.age) + "\n\n";
    return out;
}

// Peers per direction (in, out, total) and network (then all networks).
struct Counts {
    std::array<std::array<int, NETWORKS.size() + 1>, 3> peers{};
    int block_relay{0};
    int manual{0};
};

util::Result<std::string> CountsTable(const Counts& counts, const boost::json::value& network_info)
{
    std::string out = "     "; // under the rows' 5-character labels
    std::vector<size_t> columns;
    auto networks = GetValues(Member(network_info, "networks"));
    if (!networks) return util::Error{networks.error()};
    for (const auto* entry : *networks) {
        FieldReader reader(*entry);
        const bool reachable = reader.Bool("reachable");
        const std::string name = reachable ? reader.String("name") : "";
        if (reader.Failed()) return reader.Error();
        const int id = NetworkId(name);
        if (!reachable || id < 0) continue;
        out += AlignRight(name, 8);
        columns.push_back(static_cast<size_t>(id));
    }
    for (const size_t id : UNREACHABLE) {
        if (counts.peers[2][id] == 0) continue;
        out += AlignRight(SHORT_NAMES[id], 8);
        columns.push_back(id);
    }
    out += "   total   block";
    if (counts.manual) out += "  manual";
    constexpr std::array<const char*, 3> ROWS{"in", "out", "total"};
    for (size_t row = 0; row < ROWS.size(); ++row) {
        out += "\n" + AlignLeft(ROWS[row], 5);
        for (const size_t id : columns) out += AlignRight(std::to_string(counts.peers[row][id]), 8);
        out += "   " + AlignRight(std::to_string(counts.peers[row][NETWORKS.size()]), 5);
        if (row == 1) {
            out += "   " + AlignRight(std::to_string(counts.block_relay), 5);
            if (counts.manual) out += "   " + AlignRight(std::to_string(counts.manual), 5);
        }
    }
    return out;
}

util::Result<std::string> LocalAddresses(const boost::json::value& network_info)
{
    auto addresses = GetValues(Member(network_info, "localaddresses"));
    if (!addresses) return util::Error{addresses.error()};
    if (addresses->empty()) return std::string("Local addresses: n/a\n");
    std::vector<std::string> names;
    size_t width = 0;
    for (const auto* address : *addresses) {
        auto name = GetString(Member(*address, "address"));
        if (!name) return util::Error{name.error()};
        width = std::max(width, name->size() + 1);
        names.push_back(std::move(*name));
    }
    std::string out = "Local addresses";
    for (size_t i = 0; i < names.size(); ++i) {
        FieldReader reader(*(*addresses)[i]);
        const int port = reader.Int("port");
        const int score = reader.Int("score");
        if (reader.Failed()) return reader.Error();
        out += "\n" + AlignLeft(names[i], width) + "    port " + AlignRight(std::to_string(port), 6) + "    score " +
               AlignRight(std::to_string(score), 6);
    }
    return out;
}

} // namespace

util::Result<std::string> FormatNetinfo(const boost::json::value& peers, const boost::json::value& network_info,
                                        const NetinfoOptions& options, int64_t now)
{
    const int level = std::clamp(options.level, 0, MAX_LEVEL);
    auto peer_values = GetValues(peers);
    if (!peer_values) return util::Error{peer_values.error()};
    Counts counts;
    std::vector<Peer> listed;
    for (const auto* value : *peer_values) {
        FieldReader reader(*value);
        const std::string network = reader.String("network");
        if (reader.Failed()) return reader.Error();
        const int network_id = NetworkId(network);
        if (network_id < 0) continue;
        const bool outbound = !reader.Bool("inbound");
        const bool tx_relay = reader.BoolOr("relaytxes", true);
        std::string conn_type = reader.String("connection_type");
        if (reader.Failed()) return reader.Error();
        for (const size_t row : {outbound ? size_t{1} : size_t{0}, size_t{2}}) {
            ++counts.peers[row][network_id];
            ++counts.peers[row][NETWORKS.size()];
        }
        if (conn_type == "block-relay-only") ++counts.block_relay;
        if (conn_type == "manual") ++counts.manual;
        if (level == 0 || (options.outbound_only && !outbound)) continue;
        auto peer = ReadPeer(reader, outbound, tx_relay, std::move(conn_type), SHORT_NAMES[network_id], now);
        if (!peer) return util::Error{peer.error()};
        listed.push_back(std::move(*peer));
    }

    FieldReader server(network_info);
    const int protocol_version = server.Int("protocolversion");
    const std::string subversion = server.String("subversion");
    if (server.Failed()) return server.Error();
    std::string out = "utxod client " + options.client_version + ChainSuffix(options.chain) + " - server " +
                      std::to_string(protocol_version) + subversion + "\n\n";
    if (!listed.empty()) out += PeerList(std::move(listed), level, now);
    auto table = CountsTable(counts, network_info);
    if (!table) return util::Error{table.error()};
    auto local = LocalAddresses(network_info);
    if (!local) return util::Error{local.error()};
    return out + *table + "\n\n" + *local;
}

} // namespace cli
