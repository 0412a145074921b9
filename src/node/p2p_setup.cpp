#include <node/p2p_setup.h>

#include <net/protocol.h>
#include <node/version.h>
#include <util/host_port.h>

#include <cctype>

namespace node {
namespace {

util::Result<int64_t> IntArg(const util::Args& args, const std::string& name, int64_t fallback, int64_t min, int64_t max)
{
    auto value = args.GetInt(name, fallback);
    if (!value) return util::Error{value.error()};
    if (*value < min || *value > max) {
        return util::Error{"Invalid value for -" + name + ": " + std::to_string(*value) + " (allowed: " +
                           std::to_string(min) + " to " + std::to_string(max) + ")"};
    }
    return *value;
}

util::Result<net::Endpoint> BindEndpoint(const std::string& text, uint16_t port)
{
    const auto split = util::SplitHostPort(text);
    if (!split) return util::Error{"Invalid port specified in -bind: '" + text + "'"};
    const auto address = util::IpAddress::Parse(split->host);
    if (!address) return util::Error{"Cannot resolve -bind address: '" + text + "'"};
    return net::Endpoint{*address, split->port ? split->port : port};
}

// Bitcoin Core's defaults for -minimumchainwork (chainparams: mainnet at block
// 938,343, testnet3 at 2,873,500, testnet4 at 123,613, signet at 293,175):
// the work of a chain known to exist, below which headers are measured
// before being stored.
std::string_view DefaultMinimumChainWork(consensus::ChainType type)
{
    switch (type) {
    case consensus::ChainType::MAIN: return "0000000000000000000000000000000000000001128750f82f4c366153a3a030";
    case consensus::ChainType::TESTNET: return "000000000000000000000000000000000000000000000f209695166be8b61fa9";
    case consensus::ChainType::TESTNET4: return "0000000000000000000000000000000000000000000009a0fe15d0177d086304";
    case consensus::ChainType::SIGNET: return "00000000000000000000000000000000000000000000000000000b463ea0a4b8";
    case consensus::ChainType::REGTEST: break;
    }
    return "00";
}

util::Result<primitives::ArithUint256> MinimumChainWork(const util::Args& args, const consensus::ChainParams& chain)
{
    std::string hex(args.Get("minimumchainwork", std::string(DefaultMinimumChainWork(chain.type))));
    if (hex.starts_with("0x")) hex.erase(0, 2);
    const bool is_hex = !hex.empty() && hex.size() <= 64 &&
                        hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
    if (!is_hex) return util::Error{"Invalid minimumchainwork: '" + args.Get("minimumchainwork", "") + "'"};
    const auto value = primitives::Uint256::FromHex(std::string(64 - hex.size(), '0') + hex);
    if (!value) return util::Error{"Invalid minimumchainwork: '" + hex + "'"};
    return primitives::ArithUint256::FromUint256(*value);
}

// -maxuploadtarget: a number of MiB, or with a unit (k, m, g, t: powers of
// 1000; K, M, G, T: of 1024), as Core's ParseByteUnits reads it.
util::Result<uint64_t> UploadTargetBytes(const util::Args& args)
{
    std::string text = args.Get("maxuploadtarget", "0");
    uint64_t unit = 1024 * 1024;
    if (!text.empty() && std::string_view("kmgtKMGT").find(text.back()) != std::string_view::npos) {
        const char suffix = text.back();
        const bool binary = suffix >= 'A' && suffix <= 'Z';
        const int power = static_cast<int>(std::string_view("kmgt").find(static_cast<char>(std::tolower(suffix)))) + 1;
        unit = 1;
        for (int i = 0; i < power; ++i) unit *= binary ? 1024 : 1000;
        text.pop_back();
    }
    const bool digits = !text.empty() && text.size() <= 12 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) return util::Error{"Unable to parse -maxuploadtarget: '" + args.Get("maxuploadtarget", "") + "'"};
    return std::stoull(text) * unit;
}

// "<ip>[:<port>]" for -proxy and -onion; "" and "0" mean none.
util::Result<std::optional<net::Endpoint>> ParseProxy(const std::string& option, const std::string& text)
{
    if (text.empty() || text == "0") return std::optional<net::Endpoint>{};
    const auto split = util::SplitHostPort(text);
    const auto ip = split ? util::IpAddress::Parse(split->host) : std::nullopt;
    if (!ip) return util::Error{"Invalid -" + option + " address or hostname: '" + text + "'"};
    return std::optional<net::Endpoint>{net::Endpoint{*ip, split->port ? split->port : DEFAULT_PROXY_PORT}};
}

} // namespace

util::Result<std::optional<net::Endpoint>> ProxyFromArgs(const util::Args& args)
{
    return ParseProxy("proxy", args.IsNegated("proxy") ? "" : args.Get("proxy", ""));
}

util::Result<std::optional<net::Endpoint>> OnionProxyFromArgs(const util::Args& args)
{
    if (args.IsNegated("onion")) return std::optional<net::Endpoint>{};
    const std::string text = args.Get("onion", "");
    return text.empty() ? ProxyFromArgs(args) : ParseProxy("onion", text);
}

util::Result<std::set<net::Network>> ReachableNetworks(const util::Args& args)
{
    auto onion_proxy = OnionProxyFromArgs(args);
    if (!onion_proxy) return util::Error{onion_proxy.error()};
    std::set<net::Network> reachable;
    for (const std::string& name : args.GetAll("onlynet")) {
        const auto network = net::ParseNetwork(name);
        if (!network) return util::Error{"Unknown network specified in -onlynet: '" + name + "'"};
        if (*network == net::Network::ONION && !*onion_proxy) {
            return util::Error{"Outbound connections restricted to Tor (-onlynet=onion) but the proxy for reaching the "
                               "Tor network is not provided: none of -proxy, -onion or -listenonion is given"};
        }
        if (*network == net::Network::I2P) {
            return util::Error{"Outbound connections restricted to i2p (-onlynet=i2p) but -i2psam is not provided"};
        }
        if (*network == net::Network::CJDNS) {
            return util::Error{"Outbound connections restricted to CJDNS (-onlynet=cjdns) but -cjdnsreachable is not provided"};
        }
        reachable.insert(*network);
    }
    if (reachable.empty()) {
        reachable = {net::Network::IPV4, net::Network::IPV6};
        // Tor is reachable through its proxy (as Core makes it with -proxy or -onion).
        if (*onion_proxy) reachable.insert(net::Network::ONION);
    }
    return reachable;
}

util::Result<net::ConnmanOptions> ConnmanOptionsFromArgs(const util::Args& args, const consensus::ChainParams& chain)
{
    net::ConnmanOptions options;
    options.magic = chain.message_start;
    auto port = IntArg(args, "port", chain.default_port, 1, 65535);
    if (!port) return util::Error{port.error()};
    options.default_port = chain.default_port;
    if (!args.IsNegated("connect")) {
        for (const auto& target : args.GetAll("connect")) {
            if (target != "0") options.connect.push_back(target);
        }
    }
    const bool connect_given = args.IsSet("connect");
    auto proxy = ProxyFromArgs(args);
    if (!proxy) return util::Error{proxy.error()};
    options.proxy = *proxy;
    auto onion_proxy = OnionProxyFromArgs(args);
    if (!onion_proxy) return util::Error{onion_proxy.error()};
    options.onion_proxy = *onion_proxy;
    options.proxy_randomize = args.GetBool("proxyrandomize", true);
    // -connect means "only these": no listening unless asked for (as bitcoind);
    // nor behind a -proxy, whose point is not to show our address.
    if (args.GetBool("listen", !connect_given && !options.proxy)) {
        for (const auto& text : args.GetAll("bind")) {
            auto endpoint = BindEndpoint(text, static_cast<uint16_t>(*port));
            if (!endpoint) return util::Error{endpoint.error()};
            options.listen.push_back(*endpoint);
        }
        // One dual-stack socket takes IPv4 and IPv6.
        if (options.listen.empty()) options.listen.push_back({*util::IpAddress::Parse("::"), static_cast<uint16_t>(*port)});
    }
    options.add_nodes = args.GetAll("addnode");
    options.seed_nodes = args.GetAll("seednode");
    auto max_connections = IntArg(args, "maxconnections", 125, 0, 100000);
    if (!max_connections) return util::Error{max_connections.error()};
    options.max_connections = static_cast<int>(*max_connections);
    auto receive = IntArg(args, "maxreceivebuffer", 5000, 1, 1'000'000);
    if (!receive) return util::Error{receive.error()};
    options.max_receive_buffer = static_cast<size_t>(*receive) * 1000;
    auto send = IntArg(args, "maxsendbuffer", 1000, 1, 1'000'000);
    if (!send) return util::Error{send.error()};
    options.max_send_buffer = static_cast<size_t>(*send) * 1000;
    auto timeout = IntArg(args, "timeout", 60000, 1, 24 * 3600 * 1000);
    if (!timeout) return util::Error{timeout.error()};
    options.handshake_timeout_seconds = std::max<int64_t>(1, *timeout / 1000);
    auto peer_timeout = IntArg(args, "peertimeout", 20 * 60, 1, 365 * 24 * 3600);
    if (!peer_timeout) return util::Error{peer_timeout.error()};
    options.inactivity_timeout_seconds = *peer_timeout;
    options.network_active = args.GetBool("networkactive", true);
    auto upload = UploadTargetBytes(args);
    if (!upload) return util::Error{upload.error()};
    options.max_upload_target = *upload;
    return options;
}

util::Result<std::unique_ptr<P2pService>> P2pService::Start(const util::Args& args, const consensus::ChainParams& chain,
                                                             chain::Chainstate& chainstate,
                                                             const std::filesystem::path& network_dir,
                                                             util::Logger& logger, const util::Clock& clock)
{
    auto connman_options = ConnmanOptionsFromArgs(args, chain);
    if (!connman_options) return util::Error{connman_options.error()};
    auto minimum_work = MinimumChainWork(args, chain);
    if (!minimum_work) return util::Error{minimum_work.error()};
    p2p::PeerManagerOptions peer_options;
    peer_options.chainstate = &chainstate;
    peer_options.minimum_chain_work = *minimum_work;
    peer_options.user_agent = UserAgent(args.GetAll("uacomment"));
    // As Core: the last 288 blocks always (BIP159), the whole chain unless pruned.
    peer_options.local_services = net::NODE_NETWORK_LIMITED | net::NODE_WITNESS;
    if (!chainstate.PruneMode()) peer_options.local_services |= net::NODE_NETWORK;

    std::unique_ptr<P2pService> service(new P2pService());
    AddressBookOptions book_options;
    book_options.network_dir = network_dir;
    book_options.magic = chain.message_start;
    book_options.default_port = chain.default_port;
    if (args.GetBool("dnsseed", connman_options->connect.empty() && !args.IsSet("connect"))) {
        // Behind a proxy a lookup would leak; the seeds are peers reached through it instead (as Core).
        auto& seeds = connman_options->proxy ? connman_options->seed_nodes : book_options.dns_seeds;
        for (const auto& seed : DnsSeeds(chain.type)) seeds.push_back(seed);
    }
    book_options.fixed_seeds = args.GetBool("fixedseeds", !args.IsSet("connect"));
    book_options.chain_type = chain.type;
    auto reachable = ReachableNetworks(args);
    if (!reachable) return util::Error{reachable.error()};
    book_options.reachable = *reachable;
    peer_options.reachable = *reachable;
    service->m_addresses = std::make_unique<AddressBook>(std::move(book_options), logger, clock);
    net::BanList& bans = service->m_addresses->Bans();
    peer_options.addrman = &service->m_addresses->AddrMan();
    peer_options.banlist = &bans;
    peer_options.on_misbehaving = [&bans](const net::NetAddress& peer, const std::string&) { bans.Discourage(peer); };
    connman_options->refuse_inbound = [&bans, &clock](const util::IpAddress& address) {
        return bans.IsBanned(address, clock.NowMicros() / 1'000'000);
    };
    connman_options->prefer_evict = [&bans](const util::IpAddress& address) {
        return bans.IsDiscouraged(net::NetAddress::FromIp(address));
    };
    connman_options->on_framing_error = [&bans](const util::IpAddress& address) {
        bans.Discourage(net::NetAddress::FromIp(address));
    };
    // -connect: only those peers, nothing from the address book.
    net::ConnectionSource* source = args.IsSet("connect") ? nullptr : service->m_addresses.get();
    service->m_peers = std::make_unique<p2p::PeerManager>(std::move(peer_options), logger, clock);
    auto connman = net::Connman::Start(std::move(*connman_options), *service->m_peers, source, logger, clock);
    if (!connman) return util::Error{connman.error()};
    service->m_connman = std::move(*connman);
    service->m_peers->SetConnman(service->m_connman.get());
    service->m_addresses->Start();
    return service;
}

P2pService::~P2pService()
{
    m_connman.reset();
    m_peers.reset();
    m_addresses.reset(); // writes peers.dat and banlist.json
}

} // namespace node
