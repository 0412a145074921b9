// The address book's seeds, and peers.dat handling at start-up.
#include <node/address_book.h>

#include <net/addrman_file.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>

BOOST_AUTO_TEST_SUITE(address_book_tests)

BOOST_AUTO_TEST_CASE(seeds_per_network)
{
    const auto fixed = node::FixedSeeds(consensus::ChainType::MAIN);
    BOOST_CHECK_EQUAL(fixed.size(), 50u);
    std::set<util::Bytes> groups;
    for (const auto& seed : fixed) {
        BOOST_CHECK(seed.address.IsRoutable());
        BOOST_CHECK_EQUAL(seed.port, 8333);
        groups.insert(seed.address.GetGroup());
    }
    BOOST_CHECK_EQUAL(groups.size(), fixed.size()); // one per group
    BOOST_CHECK(node::FixedSeeds(consensus::ChainType::REGTEST).empty());
    BOOST_CHECK(node::FixedSeeds(consensus::ChainType::TESTNET).empty()); // Core's list is empty too
    for (auto [type, port] : {std::pair{consensus::ChainType::TESTNET4, 48333}, std::pair{consensus::ChainType::SIGNET, 38333}}) {
        const auto seeds = node::FixedSeeds(type);
        BOOST_CHECK_GE(seeds.size(), 20u);
        for (const auto& seed : seeds) BOOST_CHECK(seed.address.IsRoutable() && seed.port == port);
    }
    BOOST_CHECK(node::DnsSeeds(consensus::ChainType::REGTEST).empty());
    BOOST_CHECK(!node::DnsSeeds(consensus::ChainType::MAIN).empty());
    BOOST_CHECK(!node::DnsSeeds(consensus::ChainType::TESTNET4).empty());
}

BOOST_AUTO_TEST_CASE(peers_file_round_trip_and_corruption)
{
    test::TempDir dir;
    util::FixedClock clock(1'700'000'000'000'000);
    util::Logger logger(clock);
    node::AddressBookOptions options;
    options.network_dir = dir.path;
    options.magic = {0xfa, 0xbf, 0xb5, 0xda};
    options.default_port = 18444;
    {
        node::AddressBook book(options, logger, clock);
        net::AddressRecord record;
        record.time = 1'700'000'000;
        record.services = 9;
        record.service = {*net::NetAddress::Parse("8.8.4.4"), 8333};
        BOOST_CHECK_EQUAL(book.AddrMan().Add({record}, *net::NetAddress::Parse("1.1.1.1")), 1u);
    } // saved at destruction
    {
        node::AddressBook book(options, logger, clock);
        BOOST_CHECK_EQUAL(book.AddrMan().Size(), 1u);
    }
    // Another network's file is not ours: moved aside, the book starts empty.
    options.magic = {0xf9, 0xbe, 0xb4, 0xd9};
    {
        node::AddressBook book(options, logger, clock);
        BOOST_CHECK_EQUAL(book.AddrMan().Size(), 0u);
        BOOST_CHECK(std::filesystem::exists(dir.path / "peers.dat.bak"));
    }
}

BOOST_AUTO_TEST_CASE(outbound_candidates_by_network)
{
    util::FixedClock clock(1'700'000'000'000'000);
    util::Logger logger(clock);
    node::AddressBookOptions options;
    options.magic = {0xfa, 0xbf, 0xb5, 0xda};
    options.default_port = 8333;
    const auto record = [](const char* text) {
        net::AddressRecord r;
        r.time = 1'700'000'000;
        r.services = 9; // NODE_NETWORK | NODE_WITNESS
        r.service = {*net::NetAddress::Parse(text), 8333};
        return r;
    };
    const char* onion = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion";
    const char* i2p = "mrswmz3infvgw3dnnzxxa4lson2hk5txpb4xu634pv7h7aebqkbq.b32.i2p";
    const auto candidates = [&](std::set<net::Network> reachable, const std::vector<net::Service>& connected) {
        test::TempDir fresh; // no peers.dat from the previous round
        options.network_dir = fresh.path;
        options.reachable = std::move(reachable);
        node::AddressBook book(options, logger, clock);
        const auto source = *net::NetAddress::Parse("1.1.1.1");
        BOOST_REQUIRE_EQUAL(book.AddrMan().Add({record("8.8.4.4"), record(onion), record(i2p)}, source), 3u);
        std::set<std::string> seen;
        for (int i = 0; i < 200; ++i) {
            if (auto candidate = book.NextOutboundCandidate(connected)) seen.insert(candidate->ToString());
        }
        return seen;
    };
    using Seen = std::set<std::string>;
    // Without an onion proxy only the IPv4 address; I2P is never offered.
    BOOST_CHECK(candidates({net::Network::IPV4, net::Network::IPV6}, {}) == Seen{"8.8.4.4:8333"});
    // With one (-proxy or -onion), Tor too; -onlynet=onion leaves only Tor.
    BOOST_CHECK(candidates({net::Network::IPV4, net::Network::IPV6, net::Network::ONION}, {}) ==
                (Seen{"8.8.4.4:8333", std::string(onion) + ":8333"}));
    BOOST_CHECK(candidates({net::Network::ONION}, {}) == Seen{std::string(onion) + ":8333"});
    // Nothing from a group we are connected to already (Tor's groups are the address's first 4 bits).
    const net::Service same_group{*net::NetAddress::Parse("8.8.200.1"), 8333};
    BOOST_CHECK(candidates({net::Network::IPV4, net::Network::ONION}, {same_group}) == Seen{std::string(onion) + ":8333"});
}

BOOST_AUTO_TEST_SUITE_END()
