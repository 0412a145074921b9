// Inbound eviction: who is protected, who goes, and that the choice depends
// only on the candidates.
#include <net/eviction.h>

#include <boost/test/unit_test.hpp>

using net::EvictionCandidate;
using net::SelectNodeToEvict;

namespace {

// `count` peers from distinct groups, connected one second apart, no ping, no blocks.
std::vector<EvictionCandidate> Peers(int count)
{
    std::vector<EvictionCandidate> out;
    for (int i = 0; i < count; ++i) {
        EvictionCandidate c;
        c.id = i;
        c.connected_time = 1000 + i;
        c.net_group = 100 + static_cast<uint64_t>(i);
        out.push_back(c);
    }
    return out;
}

// Whether `id` is still a candidate once the protections ran: it is made the
// newest member of the biggest group, which loses its newest member.
bool Evictable(std::vector<EvictionCandidate> peers, net::NodeId id)
{
    for (auto& p : peers) {
        if (p.id == id) {
            p.net_group = 1;
            p.connected_time = 99'999;
        }
    }
    peers.push_back(EvictionCandidate{.id = 1000, .connected_time = 90'000, .net_group = 1});
    peers.push_back(EvictionCandidate{.id = 1001, .connected_time = 90'001, .net_group = 1});
    const auto chosen = SelectNodeToEvict(peers);
    return chosen && *chosen == id;
}

} // namespace

BOOST_AUTO_TEST_SUITE(eviction_tests)

BOOST_AUTO_TEST_CASE(nothing_to_evict)
{
    BOOST_CHECK(!SelectNodeToEvict({}));
    // Four peers are all protected by ping alone.
    BOOST_CHECK(!SelectNodeToEvict(Peers(4)));
}

BOOST_AUTO_TEST_CASE(biggest_group_loses_its_newest)
{
    auto peers = Peers(30);
    // Five peers share group 7: the newest of them (id 29) goes.
    for (int id : {20, 22, 25, 27, 29}) peers[static_cast<size_t>(id)].net_group = 7;
    BOOST_CHECK_EQUAL(*SelectNodeToEvict(peers), 29);
    // Same result whatever the order of the input.
    std::reverse(peers.begin(), peers.end());
    BOOST_CHECK_EQUAL(*SelectNodeToEvict(peers), 29);
}

BOOST_AUTO_TEST_CASE(useful_peers_are_protected)
{
    auto peers = Peers(40);
    // The fastest ping, a recent block, a block-relay-only block source and the oldest connection.
    peers[35].min_ping_micros = 10;
    peers[36].last_block_time = 5000;
    peers[37].last_block_time = 4000;
    peers[37].relays_txs = false;
    peers[38].last_tx_time = 6000;
    for (net::NodeId id : {35, 36, 37, 38}) BOOST_CHECK_MESSAGE(!Evictable(peers, id), "peer " << id);
    BOOST_CHECK_MESSAGE(Evictable(peers, 39), "an ordinary new peer");
}

BOOST_AUTO_TEST_CASE(discouraged_go_first)
{
    auto peers = Peers(30);
    for (int id : {20, 22, 25, 27, 29}) peers[static_cast<size_t>(id)].net_group = 7;
    peers[21].prefer_evict = true;
    BOOST_CHECK_EQUAL(*SelectNodeToEvict(peers), 21);
}

BOOST_AUTO_TEST_CASE(net_groups)
{
    const auto a = *util::IpAddress::Parse("8.1.2.3");
    const auto b = *util::IpAddress::Parse("8.1.200.9");
    const auto c = *util::IpAddress::Parse("8.2.2.3");
    const auto v6 = *util::IpAddress::Parse("2a01:4f8::1");
    const auto v6b = *util::IpAddress::Parse("2a01:4f8:ffff::1");
    BOOST_CHECK_EQUAL(net::NetGroupOf(a), net::NetGroupOf(b));
    BOOST_CHECK(net::NetGroupOf(a) != net::NetGroupOf(c));
    BOOST_CHECK_EQUAL(net::NetGroupOf(v6), net::NetGroupOf(v6b));
    BOOST_CHECK(net::NetGroupOf(v6) != net::NetGroupOf(a));
    // Unroutable addresses (loopback, private ranges) share one group, as in Core.
    BOOST_CHECK_EQUAL(net::NetGroupOf(*util::IpAddress::Parse("10.1.2.3")),
                      net::NetGroupOf(*util::IpAddress::Parse("192.168.7.7")));
}

BOOST_AUTO_TEST_SUITE_END()
