// The address manager: Core's bucket numbers for Core's own test inputs (so a
// peers.dat keeps its placement across implementations), add/select/good,
// test-before-evict collisions with the same victims Core's tests find,
// eclipse resistance, terrible entries, getaddr limits and determinism.
#include <net/addrman.h>

#include <crypto/hash.h>

#include <boost/test/unit_test.hpp>

#include "addrman_test_util.h"

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

using net::AddrMan;
using net::AddressRecord;
using net::NetAddress;
using net::Network;
using net::Service;
using test::ManualClock;
using test::TestAddress;
using test::TestOptions;
using test::TestRecord;
using test::TestService;

namespace {

constexpr int64_t NOW = 1'700'000'000;
// Core's CAddress default time (TIME_INIT), which Core's tests leave in place.
constexpr uint32_t TIME_INIT = 100'000'000;

// Core's tests' nKey1 and nKey2: HashWriter{} << 1 (and 2), the double
// SHA-256 of the 4-byte little-endian integer.
net::AddrManKey CoreTestKey(uint8_t n)
{
    const uint8_t bytes[4]{n, 0, 0, 0};
    return crypto::Hash256(bytes);
}

std::string Text(const std::optional<std::pair<AddressRecord, int64_t>>& selected)
{
    return selected ? selected->first.service.ToString() : "none";
}

} // namespace

BOOST_AUTO_TEST_SUITE(addrman_tests)

BOOST_AUTO_TEST_CASE(core_bucket_numbers)
{
    // Bitcoin Core's addrman_tests (caddrinfo_get_tried_bucket_legacy,
    // caddrinfo_get_new_bucket_legacy) expect these exact buckets for these
    // inputs; matching them shows the hashing is byte for byte Core's.
    const net::AddrManKey key1 = CoreTestKey(1);
    const net::AddrManKey key2 = CoreTestKey(2);
    const Service tried{TestAddress("250.1.1.1"), 8333};
    BOOST_CHECK_EQUAL(net::TriedBucket(key1, tried), 40);
    BOOST_CHECK(net::TriedBucket(key1, tried) != net::TriedBucket(key2, tried));
    // The port is part of the tried key.
    BOOST_CHECK(net::TriedBucket(key1, tried) != net::TriedBucket(key1, Service{tried.address, 9999}));

    const NetAddress fresh = TestAddress("250.1.2.1");
    BOOST_CHECK_EQUAL(net::NewBucket(key1, fresh, fresh), 786);
    BOOST_CHECK(net::NewBucket(key1, fresh, fresh) != net::NewBucket(key2, fresh, fresh));

    // One /16: exactly 8 tried buckets; 255 different /16s: 160 of them.
    std::set<int> buckets;
    for (int i = 0; i < 255; ++i) {
        buckets.insert(net::TriedBucket(key1, TestService("250.1.1." + std::to_string(i))));
    }
    BOOST_CHECK_EQUAL(buckets.size(), 8u);
    buckets.clear();
    for (int j = 0; j < 255; ++j) {
        buckets.insert(net::TriedBucket(key1, TestService("250." + std::to_string(j) + ".1.1")));
    }
    BOOST_CHECK_EQUAL(buckets.size(), 160u);

    // New table: one group from one source, one bucket; any groups from one
    // source group, at most 64; one address from 255 source groups, more.
    buckets.clear();
    for (int i = 0; i < 255; ++i) {
        const NetAddress address = TestAddress("250.1.1." + std::to_string(i));
        buckets.insert(net::NewBucket(key1, address, address));
    }
    BOOST_CHECK_EQUAL(buckets.size(), 1u);
    buckets.clear();
    for (int j = 0; j < 4 * 255; ++j) {
        const NetAddress address = TestAddress(std::to_string(250 + j / 255) + "." + std::to_string(j % 256) + ".1.1");
        buckets.insert(net::NewBucket(key1, address, TestAddress("251.4.1.1")));
    }
    BOOST_CHECK_LE(buckets.size(), 64u);
    buckets.clear();
    for (int p = 0; p < 255; ++p) {
        const NetAddress source = TestAddress("250." + std::to_string(p) + ".1.1");
        buckets.insert(net::NewBucket(key1, TestAddress("250.1.1.1"), source));
    }
    BOOST_CHECK_GT(buckets.size(), 64u);

    // The position depends on the table, the bucket and the whole key.
    const Service a = TestService("250.1.1.1:8333");
    BOOST_CHECK(net::BucketPosition(key1, true, 1, a) >= 0 && net::BucketPosition(key1, true, 1, a) < 64);
    std::set<int> positions;
    for (int bucket = 0; bucket < 16; ++bucket) positions.insert(net::BucketPosition(key1, true, bucket, a));
    BOOST_CHECK_GT(positions.size(), 1u);
}

BOOST_AUTO_TEST_CASE(add_select_good)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    BOOST_CHECK_EQUAL(addrman.Size(), 0u);
    BOOST_CHECK(!addrman.Select());
    BOOST_CHECK(!addrman.SelectTriedCollision());

    const NetAddress source = TestAddress("252.2.2.2");
    // Unroutable addresses are not taken.
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("10.0.0.1:8333", NOW), TestRecord("127.0.0.1:8333", NOW)}, source), 0u);
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.1:8333", NOW - 100, 9)}, source), 1u);
    BOOST_CHECK_EQUAL(addrman.Size(), 1u);
    BOOST_CHECK_EQUAL(addrman.Size(Network::IPV4, true), 1u);
    BOOST_CHECK_EQUAL(addrman.Size(Network::IPV6), 0u);
    // The same again adds nothing.
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.1:8333", NOW - 100, 9)}, source), 0u);

    const auto selected = addrman.Select();
    BOOST_REQUIRE(selected);
    BOOST_CHECK_EQUAL(selected->first.service.ToString(), "250.1.1.1:8333");
    BOOST_CHECK_EQUAL(selected->first.services, 9u);
    BOOST_CHECK_EQUAL(selected->second, 0); // never tried
    BOOST_CHECK_EQUAL(Text(addrman.Select(/*new_only=*/true)), "250.1.1.1:8333");
    BOOST_CHECK_EQUAL(Text(addrman.Select(false, Network::IPV6)), "none");

    const Service service = TestService("250.1.1.1:8333");
    auto position = addrman.FindAddressEntry(service);
    BOOST_REQUIRE(position);
    BOOST_CHECK(!position->tried);
    BOOST_CHECK_EQUAL(position->multiplicity, 1);
    BOOST_CHECK_EQUAL(position->bucket, net::NewBucket(test::KeyOne(), service.address, source));

    // A successful connection moves it to tried.
    BOOST_CHECK(!addrman.Good(TestService("250.1.1.2:8333"), NOW)); // unknown
    BOOST_CHECK(addrman.Good(service, NOW));
    BOOST_CHECK(!addrman.Good(service, NOW)); // already there
    BOOST_CHECK_EQUAL(addrman.Size(std::nullopt, false), 1u);
    BOOST_CHECK_EQUAL(addrman.Size(std::nullopt, true), 0u);
    BOOST_CHECK_EQUAL(addrman.Size(Network::IPV4, false), 1u);
    position = addrman.FindAddressEntry(service);
    BOOST_REQUIRE(position);
    BOOST_CHECK(position->tried);
    BOOST_CHECK_EQUAL(position->bucket, net::TriedBucket(test::KeyOne(), service));
    BOOST_CHECK(!addrman.Select(/*new_only=*/true));
    const auto tried = addrman.Select();
    BOOST_REQUIRE(tried);
    BOOST_CHECK_EQUAL(tried->second, NOW); // Good counts as a try
    // Adding a tried address again changes nothing.
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.1:8333", NOW, 1)}, source), 0u);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);

    // Services: added by announcements, replaced by SetServices.
    addrman.SetServices(service, 0x400);
    BOOST_CHECK_EQUAL(addrman.Select()->first.services, 0x400u);

    // Same address, another port: another entry.
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.1:8334", NOW)}, source), 1u);
    BOOST_CHECK_EQUAL(addrman.Size(), 2u);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(time_penalty_and_refresh)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    const NetAddress source = TestAddress("252.2.2.2");
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.1:8333", NOW)}, source, 2 * 60 * 60), 1u);
    BOOST_CHECK_EQUAL(int64_t{addrman.Select()->first.time}, NOW - 2 * 60 * 60);
    // A peer announcing itself is not penalised.
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.9.9.9:8333", NOW)}, TestAddress("250.9.9.9"), 2 * 60 * 60), 1u);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 0, std::nullopt, false).size(), 2u);
    for (const AddressRecord& record : addrman.GetAddr(0, 0)) {
        if (record.service.ToString() == "250.9.9.9:8333") BOOST_CHECK_EQUAL(int64_t{record.time}, NOW);
    }
    // A later announcement refreshes the time once it is an hour newer.
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.1:8333", NOW + 30 * 60)}, source), 0u);
    for (const AddressRecord& record : addrman.GetAddr(0, 0)) {
        if (record.service.ToString() == "250.1.1.1:8333") BOOST_CHECK_EQUAL(int64_t{record.time}, NOW + 30 * 60);
    }
    // Connected refreshes it too, at most every 20 minutes.
    addrman.Connected(TestService("250.9.9.9:8333"), NOW + 10 * 60);
    addrman.Connected(TestService("250.1.1.1:8333"), NOW + 60 * 60);
    for (const AddressRecord& record : addrman.GetAddr(0, 0)) {
        const int64_t expected = record.service.ToString() == "250.9.9.9:8333" ? NOW : NOW + 60 * 60;
        BOOST_CHECK_EQUAL(int64_t{record.time}, expected);
    }
}

BOOST_AUTO_TEST_CASE(tried_collisions_match_core)
{
    // Core's addrman_noevict: with key uint256{1}, 250.1.1.36 collides with
    // 250.1.1.19 in the tried table, and 250.1.1.59 with 250.1.1.10.
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    const NetAddress source = TestAddress("252.2.2.2");
    for (int i = 1; i < 36; ++i) {
        const std::string address = "250.1.1." + std::to_string(i);
        BOOST_CHECK_EQUAL(addrman.Add({TestRecord(address, TIME_INIT)}, source), 1u);
        BOOST_CHECK_MESSAGE(addrman.Good(TestService(address), NOW), address);
        BOOST_CHECK(!addrman.SelectTriedCollision());
    }
    const Service addr36 = TestService("250.1.1.36");
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.36", TIME_INIT)}, source), 1u);
    BOOST_CHECK(!addrman.Good(addr36, NOW));
    BOOST_CHECK_EQUAL(Text(addrman.SelectTriedCollision()), "250.1.1.19:0");
    BOOST_CHECK(!addrman.FindAddressEntry(addr36)->tried);

    // 19 connected just now: it stays, and 36 is dropped from the list.
    addrman.ResolveCollisions();
    BOOST_CHECK(!addrman.SelectTriedCollision());
    BOOST_CHECK(addrman.FindAddressEntry(TestService("250.1.1.19"))->tried);

    for (int i = 37; i < 59; ++i) {
        const std::string address = "250.1.1." + std::to_string(i);
        BOOST_CHECK_EQUAL(addrman.Add({TestRecord(address, TIME_INIT)}, source), 1u);
        BOOST_CHECK_MESSAGE(addrman.Good(TestService(address), NOW), address);
    }
    BOOST_CHECK_EQUAL(addrman.Add({TestRecord("250.1.1.59", TIME_INIT)}, source), 1u);
    BOOST_CHECK(!addrman.Good(TestService("250.1.1.59"), NOW));
    BOOST_CHECK_EQUAL(Text(addrman.SelectTriedCollision()), "250.1.1.10:0");
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
    addrman.ResolveCollisions();
    BOOST_CHECK(!addrman.SelectTriedCollision());
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(test_before_evict)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    const NetAddress source = TestAddress("252.2.2.2");
    for (int i = 1; i < 36; ++i) {
        const std::string address = "250.1.1." + std::to_string(i);
        BOOST_REQUIRE_EQUAL(addrman.Add({TestRecord(address, TIME_INIT)}, source), 1u);
        BOOST_REQUIRE(addrman.Good(TestService(address), 1)); // connected long ago
    }
    const Service addr19 = TestService("250.1.1.19");
    const Service addr36 = TestService("250.1.1.36");
    BOOST_REQUIRE_EQUAL(addrman.Add({TestRecord("250.1.1.36", TIME_INIT)}, source), 1u);
    BOOST_CHECK(!addrman.Good(addr36, NOW));

    // 19 was not tested yet: nothing happens while 36 waits its 40 minutes.
    addrman.ResolveCollisions();
    BOOST_CHECK_EQUAL(Text(addrman.SelectTriedCollision()), "250.1.1.19:0");

    // 19 is tried and fails: after a minute, 36 takes its slot, and 19 goes
    // back to the new table.
    addrman.Attempt(addr19, /*count_failure=*/false, NOW - 61);
    addrman.ResolveCollisions();
    BOOST_CHECK(!addrman.SelectTriedCollision());
    BOOST_CHECK(addrman.FindAddressEntry(addr36)->tried);
    BOOST_CHECK(!addrman.FindAddressEntry(addr19)->tried);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
    // Now 19 is the one that collides.
    BOOST_CHECK(!addrman.Good(addr19, NOW));
    BOOST_CHECK_EQUAL(Text(addrman.SelectTriedCollision()), "250.1.1.36:0");
    // 36 just connected (Good above counted as success): 19 is dropped.
    addrman.ResolveCollisions();
    BOOST_CHECK(!addrman.SelectTriedCollision());

    // A newcomer whose occupant is never tested evicts it after 40 minutes.
    addrman.Good(addr36, 1); // make 36's success old again
    BOOST_CHECK(!addrman.Good(addr19, NOW));
    clock.Set(NOW + 41 * 60);
    addrman.ResolveCollisions();
    BOOST_CHECK(addrman.FindAddressEntry(addr19)->tried);
    BOOST_CHECK(!addrman.FindAddressEntry(addr36)->tried);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(collision_list_is_bounded)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    const NetAddress source = TestAddress("252.2.2.2");
    // Fill tried from one /16 (8 buckets of 64 slots at most), then keep
    // adding: Good fails for collisions, and the list holds at most 10.
    size_t collisions = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string address = "250.1." + std::to_string(i / 256) + "." + std::to_string(i % 256);
        if (addrman.Add({TestRecord(address, NOW)}, source) == 0) continue;
        if (!addrman.Good(TestService(address), NOW)) ++collisions;
    }
    BOOST_CHECK_GT(collisions, 10u);
    BOOST_CHECK_LE(addrman.Size(std::nullopt, false), 8u * 64u);
    std::set<std::string> victims;
    for (int i = 0; i < 200; ++i) {
        if (auto victim = addrman.SelectTriedCollision()) victims.insert(victim->first.service.ToString());
    }
    BOOST_CHECK_GE(victims.size(), 1u);
    BOOST_CHECK_LE(victims.size(), 10u);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(one_source_group_is_contained)
{
    // Eclipse resistance: 10,000 addresses from every /16, all told by peers
    // in one /16, land in at most 64 new buckets; the same addresses told by
    // peers all over spread much wider.
    ManualClock clock(NOW);
    AddrMan flooded(TestOptions(clock));
    AddrMan spread(TestOptions(clock));
    std::set<int> flooded_buckets;
    std::set<int> spread_buckets;
    for (int i = 0; i < 10'000; ++i) {
        const std::string address = std::to_string(1 + i / 256 % 200) + "." + std::to_string(i % 256) + ".7." +
                                    std::to_string(1 + i / 51200);
        const std::vector<AddressRecord> records{TestRecord(address + ":8333", NOW)};
        flooded.Add(records, TestAddress("99.99." + std::to_string(i % 256) + ".1"));
        spread.Add(records, TestAddress(std::to_string(1 + i % 200) + "." + std::to_string(i / 200 % 256) + ".9.9"));
    }
    for (const AddressRecord& record : flooded.GetAddr(0, 0, std::nullopt, false)) {
        flooded_buckets.insert(flooded.FindAddressEntry(record.service)->bucket);
    }
    for (const AddressRecord& record : spread.GetAddr(0, 0, std::nullopt, false)) {
        spread_buckets.insert(spread.FindAddressEntry(record.service)->bucket);
    }
    BOOST_CHECK_LE(flooded_buckets.size(), 64u);
    BOOST_CHECK_LE(flooded.Size(), 64u * 64u);
    BOOST_CHECK_GT(spread_buckets.size(), 500u);
    BOOST_CHECK_GT(spread.Size(), 2 * flooded.Size());
    BOOST_CHECK_EQUAL(flooded.CheckConsistency(), 0);
    BOOST_CHECK_EQUAL(spread.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(several_new_buckets_per_address)
{
    // One address told by many source groups gains buckets, each one less
    // likely than the last, never more than 8.
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    const Service service = TestService("250.1.1.1:8333");
    for (int i = 0; i < 400; ++i) {
        // A newer time each round, so the announcement carries news.
        const NetAddress source = TestAddress(std::to_string(1 + i % 200) + ".1.1.1");
        addrman.Add({TestRecord("250.1.1.1:8333", NOW - 100'000 + i)}, source);
    }
    const auto position = addrman.FindAddressEntry(service);
    BOOST_REQUIRE(position);
    BOOST_CHECK_GT(position->multiplicity, 1);
    BOOST_CHECK_LE(position->multiplicity, net::ADDRMAN_NEW_BUCKETS_PER_ADDRESS);
    BOOST_CHECK_EQUAL(addrman.Size(), 1u);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
    // Moving it to tried takes it out of every new bucket.
    BOOST_CHECK(addrman.Good(service, NOW));
    BOOST_CHECK_EQUAL(addrman.Size(std::nullopt, true), 0u);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(terrible_entries)
{
    ManualClock clock(NOW);
    const NetAddress source = TestAddress("252.2.2.2");

    // Two addresses from one source and one /16 share a new bucket; find
    // two that also share the slot.
    const net::AddrManKey key = test::KeyOne();
    std::string first, second;
    for (int i = 1; i < 255 && second.empty(); ++i) {
        for (int j = 1; j < i; ++j) {
            const std::string a = "250.1.1." + std::to_string(j);
            const std::string b = "250.1.1." + std::to_string(i);
            const int bucket = net::NewBucket(key, TestAddress(a), source);
            if (net::BucketPosition(key, true, bucket, TestService(a)) ==
                net::BucketPosition(key, true, bucket, TestService(b))) {
                first = a;
                second = b;
                break;
            }
        }
    }
    BOOST_REQUIRE(!second.empty());

    {
        // A healthy occupant keeps its slot.
        AddrMan addrman(TestOptions(clock));
        BOOST_CHECK_EQUAL(addrman.Add({TestRecord(first, NOW - 60)}, source), 1u);
        BOOST_CHECK_EQUAL(addrman.Add({TestRecord(second, NOW - 60)}, source), 0u);
        BOOST_CHECK_EQUAL(addrman.Size(), 1u);
        BOOST_CHECK(!addrman.FindAddressEntry(TestService(second)));
    }
    // Terrible occupants give way: not seen for over 30 days, from more than
    // 10 minutes in the future, or 3 failures and never a success.
    for (const int kind : {0, 1, 2}) {
        AddrMan addrman(TestOptions(clock));
        const uint32_t time = kind == 0 ? NOW - 31 * 24 * 60 * 60 : kind == 1 ? NOW + 11 * 60 : NOW - 60;
        BOOST_REQUIRE_EQUAL(addrman.Add({TestRecord(first, time)}, source), 1u);
        if (kind == 2) {
            addrman.Good(TestService("250.99.99.99"), NOW); // unknown, but starts a new round of failures
            for (int n = 0; n < 3; ++n) addrman.Attempt(TestService(first), true, NOW - 61);
        }
        BOOST_CHECK_MESSAGE(addrman.Add({TestRecord(second, NOW - 60)}, source) == 1u, "kind " << kind);
        BOOST_CHECK_EQUAL(addrman.Size(), 1u);
        BOOST_CHECK(!addrman.FindAddressEntry(TestService(first)));
        BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
    }
}

BOOST_AUTO_TEST_CASE(failures_count_once_per_good)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    const NetAddress source = TestAddress("252.2.2.2");
    addrman.Add({TestRecord("250.1.1.1", NOW - 60), TestRecord("250.2.2.2", NOW - 60)}, source);
    const Service service = TestService("250.1.1.1");
    // Without a Good in between, only the first failure counts.
    for (int n = 0; n < 5; ++n) addrman.Attempt(service, true, NOW - 400 + n);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 0).size(), 2u);
    // Two more rounds, each after a Good (here of an unknown address):
    // three failures and never a success make it terrible.
    for (int n = 0; n < 2; ++n) {
        addrman.Good(TestService("250.7.7.7"), NOW - 300 + 10 * n);
        addrman.Attempt(service, true, NOW - 295 + 10 * n);
    }
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 0).size(), 1u);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 0, std::nullopt, /*filtered=*/false).size(), 2u);
    // Failures without counting still make it less likely to be chosen, but it stays.
    addrman.Attempt(TestService("250.2.2.2"), false, NOW);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 0).size(), 1u);
}

BOOST_AUTO_TEST_CASE(getaddr_limits)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    // Many addresses, each from its own source group so that few collide.
    for (int i = 0; i < 6000; ++i) {
        const std::string address = std::to_string(1 + i % 200) + "." + std::to_string(i / 200) + ".3.4:8333";
        const NetAddress source = TestAddress(std::to_string(1 + i / 200) + "." + std::to_string(i % 200) + ".5.5");
        addrman.Add({TestRecord(address, NOW - 60)}, source);
    }
    const size_t size = addrman.Size();
    BOOST_REQUIRE_GT(size, 4500u);
    // getaddr: at most 23%, at most 1,000.
    BOOST_CHECK_EQUAL(addrman.GetAddr(net::MAX_ADDR_TO_SEND, net::MAX_PCT_ADDR_TO_SEND).size(), 1000u);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, net::MAX_PCT_ADDR_TO_SEND).size(), size * 23 / 100);
    BOOST_CHECK_EQUAL(addrman.GetAddr(10, 0).size(), 10u);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 0).size(), size);
    BOOST_CHECK_EQUAL(addrman.GetAddr(0, 250).size(), size); // percentages above 100 mean all

    // No duplicates, and a different order each time.
    const auto one = addrman.GetAddr(1000, 23);
    std::set<Service> unique;
    for (const AddressRecord& record : one) unique.insert(record.service);
    BOOST_CHECK_EQUAL(unique.size(), one.size());
    BOOST_CHECK(!(addrman.GetAddr(1000, 23) == one));

    // A small table: 23% of it.
    AddrMan small(TestOptions(clock));
    for (int i = 0; i < 100; ++i) {
        const std::string first_byte = std::to_string(150 + i); // no special ranges from 150 to 249
        small.Add({TestRecord(first_byte + ".1.1.1:8333", NOW - 60)}, TestAddress(first_byte + ".2.2.2"));
    }
    BOOST_CHECK_EQUAL(small.Size(), 100u);
    BOOST_CHECK_EQUAL(small.GetAddr(net::MAX_ADDR_TO_SEND, net::MAX_PCT_ADDR_TO_SEND).size(), 23u);

    // The network filter (by class: a 6to4 address counts as IPv4).
    AddrMan mixed(TestOptions(clock));
    const NetAddress source = TestAddress("252.2.2.2");
    const std::string onion = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion:8333";
    mixed.Add({TestRecord("250.1.1.1:8333", NOW), TestRecord("[2001:4860::1]:8333", NOW),
               TestRecord("[2002:102:304::1]:8333", NOW), TestRecord(onion, NOW)},
              source);
    BOOST_CHECK_EQUAL(mixed.Size(), 4u);
    BOOST_CHECK_EQUAL(mixed.GetAddr(0, 0, Network::IPV4).size(), 2u);
    BOOST_CHECK_EQUAL(mixed.GetAddr(0, 0, Network::IPV6).size(), 1u);
    BOOST_CHECK_EQUAL(mixed.GetAddr(0, 0, Network::ONION).size(), 1u);
    BOOST_CHECK_EQUAL(mixed.GetAddr(0, 0, Network::I2P).size(), 0u);
    BOOST_CHECK_EQUAL(mixed.Size(Network::ONION), 1u);
    BOOST_CHECK_EQUAL(mixed.Size(Network::IPV6), 2u); // by raw network, as Core counts
    BOOST_CHECK_EQUAL(Text(mixed.Select(false, Network::ONION)), onion);
}

BOOST_AUTO_TEST_CASE(selection_is_deterministic_and_weighted)
{
    ManualClock clock(NOW);
    const auto fill = [&](AddrMan& addrman) {
        for (int i = 0; i < 200; ++i) {
            const std::string address = std::to_string(1 + i) + ".1.1.1:8333";
            addrman.Add({TestRecord(address, NOW - 60)}, TestAddress(std::to_string(1 + i) + ".2.2.2"));
            if (i % 4 == 0) addrman.Good(TestService(address), NOW - 3600);
        }
    };
    AddrMan a(TestOptions(clock, 7));
    AddrMan b(TestOptions(clock, 7));
    AddrMan c(TestOptions(clock, 8));
    fill(a);
    fill(b);
    fill(c);
    std::vector<std::string> from_a, from_b, from_c;
    size_t tried = 0;
    for (int i = 0; i < 200; ++i) {
        const auto selected = a.Select();
        from_a.push_back(Text(selected));
        from_b.push_back(Text(b.Select()));
        from_c.push_back(Text(c.Select()));
        if (a.FindAddressEntry(selected->first.service)->tried) ++tried;
    }
    BOOST_CHECK(from_a == from_b);
    BOOST_CHECK(from_a != from_c);
    // About half from each table, although tried holds a quarter.
    BOOST_CHECK_GT(tried, 60u);
    BOOST_CHECK_LT(tried, 140u);

    // A just-tried address is picked far less often than an untried one.
    AddrMan two(TestOptions(clock, 9));
    two.Add({TestRecord("1.1.1.1:8333", NOW - 60)}, TestAddress("9.9.9.9"));
    two.Add({TestRecord("2.2.2.2:8333", NOW - 60)}, TestAddress("8.8.8.8"));
    two.Attempt(TestService("1.1.1.1:8333"), false, NOW);
    size_t picked_recent = 0;
    for (int i = 0; i < 300; ++i) {
        if (Text(two.Select()) == "1.1.1.1:8333") ++picked_recent;
    }
    BOOST_CHECK_LT(picked_recent, 30u);
}

BOOST_AUTO_TEST_CASE(snapshot_restore)
{
    ManualClock clock(NOW);
    AddrMan original(TestOptions(clock, 5, CoreTestKey(3)));
    for (int i = 0; i < 500; ++i) {
        const std::string address = std::to_string(1 + i % 100) + "." + std::to_string(i / 100) + ".1.1:8333";
        original.Add({TestRecord(address, NOW - i)}, TestAddress(std::to_string(1 + i % 50) + ".9.9.9"));
        if (i % 3 == 0) original.Good(TestService(address), NOW - 10);
        if (i % 7 == 0) original.Attempt(TestService(address), true, NOW - 5);
    }
    const net::AddrManSnapshot snapshot = original.Snapshot();
    BOOST_CHECK_EQUAL(snapshot.new_entries.size() + snapshot.tried_entries.size(), original.Size());
    BOOST_CHECK_EQUAL(snapshot.new_buckets.size(), static_cast<size_t>(net::ADDRMAN_NEW_BUCKET_COUNT));

    // Another key in the options: the snapshot's wins.
    AddrMan restored(TestOptions(clock, 5, test::KeyOne()));
    BOOST_CHECK_EQUAL(restored.Restore(snapshot), 0u);
    BOOST_CHECK(restored.Key() == original.Key());
    BOOST_CHECK_EQUAL(restored.Size(), original.Size());
    BOOST_CHECK_EQUAL(restored.Size(std::nullopt, false), original.Size(std::nullopt, false));
    BOOST_CHECK_EQUAL(restored.CheckConsistency(), 0);
    for (const AddressRecord& record : original.GetAddr(0, 0, std::nullopt, false)) {
        BOOST_CHECK(restored.FindAddressEntry(record.service) == original.FindAddressEntry(record.service));
    }
    // Restoring what we snapshot gives the same snapshot back.
    const net::AddrManSnapshot again = restored.Snapshot();
    BOOST_CHECK(again.new_buckets == snapshot.new_buckets);
    BOOST_CHECK(again.new_entries == snapshot.new_entries);
    BOOST_CHECK(again.tried_entries == snapshot.tried_entries);

    // Another bucketing: entries are placed again from their sources.
    net::AddrManSnapshot rebucket = snapshot;
    rebucket.same_bucketing = false;
    AddrMan replaced(TestOptions(clock));
    replaced.Restore(rebucket);
    BOOST_CHECK_EQUAL(replaced.CheckConsistency(), 0);
    BOOST_CHECK_LE(replaced.Size(), original.Size());
    BOOST_CHECK_EQUAL(replaced.Size(std::nullopt, false), original.Size(std::nullopt, false));

    // Invalid addresses, duplicates and out-of-range indexes are dropped.
    net::AddrManSnapshot broken = snapshot;
    broken.new_entries.push_back(broken.new_entries.front()); // duplicate
    broken.new_entries.push_back({TestRecord("0.0.0.0:8333", NOW), TestAddress("9.9.9.9"), 0, 0}); // invalid
    broken.new_buckets[0].push_back(static_cast<int32_t>(broken.new_entries.size() - 1));
    broken.new_buckets[1].push_back(static_cast<int32_t>(broken.new_entries.size() - 2));
    broken.new_buckets[2].push_back(1'000'000);
    broken.new_buckets[3].push_back(-5);
    broken.tried_entries.push_back(broken.tried_entries.front()); // duplicate
    AddrMan cleaned(TestOptions(clock));
    BOOST_CHECK_EQUAL(cleaned.Restore(broken), 3u);
    BOOST_CHECK_EQUAL(cleaned.Size(), original.Size());
    BOOST_CHECK_EQUAL(cleaned.CheckConsistency(), 0);
}

BOOST_AUTO_TEST_CASE(concurrent_use)
{
    // One writer, one reader, at the same time; the tables stay consistent.
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (int i = 0; i < 2000; ++i) {
            const std::string address = std::to_string(1 + i % 200) + "." + std::to_string(i / 200) + ".1.1:8333";
            addrman.Add({TestRecord(address, NOW)}, TestAddress(std::to_string(1 + i % 100) + ".9.9.9"));
            if (i % 5 == 0) addrman.Good(TestService(address), NOW);
        }
        done = true;
    });
    size_t reads = 0;
    while (!done) {
        (void)addrman.Select();
        (void)addrman.GetAddr(10, 23);
        (void)addrman.Size();
        ++reads;
    }
    writer.join();
    BOOST_CHECK_GT(reads, 0u);
    BOOST_CHECK_EQUAL(addrman.CheckConsistency(), 0);
    BOOST_CHECK_GT(addrman.Size(), 1000u);
    BOOST_CHECK(addrman.Select());
}

BOOST_AUTO_TEST_SUITE_END()
