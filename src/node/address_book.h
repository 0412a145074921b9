// The node's address book: the address manager with peers.dat, the ban list
// with banlist.json, the source of automatic outbound connections, and the
// maintenance thread that saves both files every 15 minutes and asks the
// DNS seeds for addresses when the book is empty.
//
// A peers.dat that cannot be read (corrupt, another network's, a newer
// format) is moved aside as peers.dat.bak and the node starts with an empty
// table; a bad banlist.json likewise: neither stops the node.
#ifndef UTXO_NODE_ADDRESS_BOOK_H
#define UTXO_NODE_ADDRESS_BOOK_H

#include <consensus/chain_params.h>
#include <net/addrman.h>
#include <net/ban_list.h>
#include <net/connman.h>
#include <node/seeds.h>
#include <util/clock.h>
#include <util/logging.h>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace node {

struct AddressBookOptions {
    std::filesystem::path network_dir;
    net::NetMagic magic{};
    uint16_t default_port{8333};
    std::vector<std::string> dns_seeds; // asked when the book is empty (-dnsseed)
    bool fixed_seeds{true};              // -fixedseeds
    consensus::ChainType chain_type{consensus::ChainType::MAIN};
    // Networks automatic connections may go to (-onlynet); IPv4 and IPv6 by default.
    std::set<net::Network> reachable{net::Network::IPV4, net::Network::IPV6};
};

class AddressBook final : public net::ConnectionSource {
public:
    AddressBook(AddressBookOptions options, util::Logger& logger, const util::Clock& clock);
    // Stops the thread and writes both files.
    ~AddressBook() override;

    net::AddrMan& AddrMan() { return *m_addrman; }
    net::BanList& Bans() { return m_bans; }
    const std::set<net::Network>& Reachable() const { return m_options.reachable; }
    // Starts the maintenance thread.
    void Start();
    // Writes peers.dat and banlist.json now; errors are logged.
    void Save();

    // net::ConnectionSource: an address from the book that we are not
    // connected to, from a group we have no outbound connection in, not
    // banned or discouraged; nullopt after 100 tries without one.
    std::optional<net::Service> NextOutboundCandidate(const std::vector<net::Service>& connected) override;
    void OutboundAttempt(const net::Service& service, bool success) override;

private:
    void LoadPeers();
    void LoadBans();
    void Maintain();
    void QueryDnsSeeds();
    int64_t Now() const { return m_clock.NowMicros() / 1'000'000; }

    AddressBookOptions m_options;
    util::Logger& m_logger;
    const util::Clock& m_clock;
    std::unique_ptr<net::AddrMan> m_addrman;
    net::BanList m_bans;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopping{false}; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace node

#endif // UTXO_NODE_ADDRESS_BOOK_H
