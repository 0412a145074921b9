#include <node/address_book.h>

#include <net/addrman_file.h>
#include <node/banlist_json.h>
#include <node/seeds.h>

#include <set>

#include <netdb.h>
#include <sys/socket.h>

namespace node {
namespace {

// How often peers.dat and banlist.json are written (Core's DUMP_PEERS_INTERVAL).
constexpr auto DUMP_INTERVAL = std::chrono::minutes(15);
// Selections tried per outbound candidate before giving up for this round.
constexpr int MAX_SELECT_TRIES = 100;

} // namespace

AddressBook::AddressBook(AddressBookOptions options, util::Logger& logger, const util::Clock& clock)
    : m_options(std::move(options)), m_logger(logger), m_clock(clock)
{
    net::AddrManOptions addrman_options;
    addrman_options.clock = &clock;
    m_addrman = std::make_unique<net::AddrMan>(std::move(addrman_options));
    LoadPeers();
    LoadBans();
}

AddressBook::~AddressBook()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
    Save();
}

void AddressBook::LoadPeers()
{
    const auto path = m_options.network_dir / "peers.dat";
    const auto load = net::ReadPeersFile(path, m_options.magic);
    if (load.error == net::PeersFileError::NOT_FOUND) {
        m_logger.Log(util::LogLevel::Info, "Missing or invalid file " + path.string());
        return;
    }
    if (load.error != net::PeersFileError::NONE) {
        auto moved = net::MoveCorruptFileAside(path);
        m_logger.Log(util::LogLevel::Warning, "Invalid or corrupt peers.dat (" + load.reason + "); " +
                                                  (moved ? "moved to " + moved->string() : "could not move it aside: " + moved.error()) +
                                                  ", starting with an empty address table");
        return;
    }
    const size_t dropped = m_addrman->Restore(load.snapshot);
    m_logger.Log(util::LogLevel::Info, "Loaded " + std::to_string(m_addrman->Size()) + " addresses from peers.dat" +
                                           (dropped ? " (" + std::to_string(dropped) + " invalid entries dropped)" : ""));
}

void AddressBook::LoadBans()
{
    const auto path = m_options.network_dir / "banlist.json";
    auto file = ReadBanListFile(path);
    if (!file) {
        m_logger.Log(util::LogLevel::Warning, "Invalid or corrupt banlist.json (" + file.error() + "); starting with no bans");
        return;
    }
    for (const auto& dropped : file->dropped) m_logger.Log(util::LogLevel::Warning, "banlist.json: " + dropped);
    for (const auto& entry : file->entries) m_bans.Ban(entry.subnet, entry.banned_until, entry.ban_created);
    m_bans.SweepExpired(Now());
    m_bans.TakeDirty();
    if (file->found) m_logger.Log(util::LogLevel::Info, "Loaded " + std::to_string(m_bans.List().size()) + " banned node addresses/subnets");
}

void AddressBook::Save()
{
    if (auto r = net::WritePeersFile(m_options.network_dir / "peers.dat", m_options.magic, *m_addrman); !r) {
        m_logger.Log(util::LogLevel::Warning, "Failed to write peers.dat: " + r.error());
    }
    m_bans.SweepExpired(Now());
    if (auto r = WriteBanListFile(m_options.network_dir / "banlist.json", m_bans.List()); !r) {
        m_logger.Log(util::LogLevel::Warning, "Failed to write banlist.json: " + r.error());
    }
}

void AddressBook::Start()
{
    m_thread = std::thread([this] {
        util::Logger::SetThreadName("addrbook");
        Maintain();
    });
}

void AddressBook::Maintain()
{
    if (m_addrman->Size() == 0 && !m_options.dns_seeds.empty()) QueryDnsSeeds();
    if (m_addrman->Size() == 0 && m_options.fixed_seeds) {
        std::vector<net::AddressRecord> records;
        for (const auto& service : FixedSeeds(m_options.chain_type)) {
            records.push_back({static_cast<uint32_t>(Now() - 7 * 24 * 60 * 60), 1 | 8, service});
        }
        if (!records.empty()) {
            const auto source = net::NetAddress::MakeInternal("fixedseeds");
            m_addrman->Add(records, source ? *source : net::NetAddress{});
            m_logger.Log(util::LogLevel::Info, "Adding fixed seeds as DNS doesn't seem to be available.");
        }
    }
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            if (m_cv.wait_for(lock, DUMP_INTERVAL, [this] { return m_stopping; })) return;
        }
        Save();
    }
}

void AddressBook::QueryDnsSeeds()
{
    for (const std::string& seed : m_options.dns_seeds) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) return;
        }
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        if (getaddrinfo(seed.c_str(), nullptr, &hints, &found) != 0) {
            m_logger.Log(util::LogLevel::Info, "DNS seed " + seed + ": no answer");
            continue;
        }
        std::vector<net::AddressRecord> records;
        for (addrinfo* at = found; at; at = at->ai_next) {
            if (auto ip = util::IpAddress::FromSockaddr(at->ai_addr)) {
                net::AddressRecord record;
                // Seeds list live nodes; give them an age of 3 to 7 days as Core does (here: 5).
                record.time = static_cast<uint32_t>(Now() - 5 * 24 * 60 * 60);
                record.services = 1 | 8; // NODE_NETWORK | NODE_WITNESS
                record.service = {net::NetAddress::FromIp(*ip), m_options.default_port};
                records.push_back(record);
            }
        }
        freeaddrinfo(found);
        const auto source = net::NetAddress::MakeInternal(seed);
        const size_t added = m_addrman->Add(records, source ? *source : net::NetAddress{});
        m_logger.Log(util::LogLevel::Info, "DNS seed " + seed + ": " + std::to_string(added) + " addresses");
    }
}

std::optional<net::Service> AddressBook::NextOutboundCandidate(const std::vector<net::Service>& connected)
{
    std::set<util::Bytes> groups;
    for (const auto& service : connected) groups.insert(service.address.GetGroup());
    const int64_t now = Now();
    for (int tries = 0; tries < MAX_SELECT_TRIES; ++tries) {
        const auto selected = m_addrman->Select();
        if (!selected) return std::nullopt;
        const auto& [record, last_try] = *selected;
        const auto& address = record.service.address;
        // IPv4, IPv6 and Tor (reachable only with an onion proxy); no I2P or CJDNS yet.
        if (!address.IsRoutable() || !(address.ToIp() || address.IsTor())) continue;
        if (!m_options.reachable.count(address.GetNetwork())) continue; // -onlynet, -proxy/-onion
        if (groups.count(record.service.address.GetGroup())) continue;
        if (m_bans.IsBanned(record.service.address, now) || m_bans.IsDiscouraged(record.service.address)) continue;
        // Tried in the last ten minutes: only after many rounds without a better one (as Core).
        if (now - last_try < 600 && tries < 30) continue;
        // Only nodes that serve the whole chain with witnesses, and the usual port unless desperate.
        if ((record.services & (1 | 8)) != (1 | 8) && tries < 40) continue;
        if (record.service.port != m_options.default_port && tries < 50) continue;
        return record.service;
    }
    return std::nullopt;
}

void AddressBook::OutboundAttempt(const net::Service& service, bool success)
{
    if (success) {
        m_addrman->Connected(service, Now());
    } else {
        m_addrman->Attempt(service, true, Now());
    }
}

} // namespace node
