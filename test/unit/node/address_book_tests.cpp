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

BOOST_AUTO_TEST_SUITE_END()
