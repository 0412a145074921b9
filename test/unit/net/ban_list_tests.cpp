// Bans (subnet matching, expiry at Core's boundaries, only-extend) and the
// bounded discouragement set.
#include <net/ban_list.h>

#include <boost/test/unit_test.hpp>

#include <string>

using net::BanEntry;
using net::BanList;
using net::NetAddress;

namespace {

constexpr int64_t NOW = 1'700'000'000;

util::Subnet Net(const std::string& text) { return util::Subnet::Parse(text).value(); }
util::IpAddress Ip(const std::string& text) { return util::IpAddress::Parse(text).value(); }
NetAddress Addr(const std::string& text) { return NetAddress::Parse(text).value(); }

} // namespace

BOOST_AUTO_TEST_SUITE(ban_list_tests)

BOOST_AUTO_TEST_CASE(subnet_matching)
{
    BanList bans;
    BOOST_CHECK(bans.Ban(Net("1.2.3.0/24"), NOW + 100, NOW));
    BOOST_CHECK(bans.Ban(Net("2001:db8::/32"), NOW + 100, NOW));
    BOOST_CHECK(bans.Ban(Net("9.9.9.9"), NOW + 100, NOW));

    BOOST_CHECK(bans.IsBanned(Ip("1.2.3.0"), NOW));
    BOOST_CHECK(bans.IsBanned(Ip("1.2.3.255"), NOW));
    BOOST_CHECK(!bans.IsBanned(Ip("1.2.4.0"), NOW));
    BOOST_CHECK(!bans.IsBanned(Ip("1.2.2.255"), NOW));
    BOOST_CHECK(bans.IsBanned(Ip("2001:db8:ffff::1"), NOW));
    BOOST_CHECK(!bans.IsBanned(Ip("2001:db9::1"), NOW));
    BOOST_CHECK(bans.IsBanned(Ip("9.9.9.9"), NOW));
    BOOST_CHECK(!bans.IsBanned(Ip("9.9.9.8"), NOW));
    // An IPv4 ban does not match IPv6 peers (IPv4-mapped ones are IPv4).
    BOOST_CHECK(!bans.IsBanned(Ip("::102:304"), NOW));
    BOOST_CHECK(bans.IsBanned(Ip("::ffff:1.2.3.4"), NOW));

    // Through NetAddress; overlay networks are never banned.
    BOOST_CHECK(bans.IsBanned(Addr("1.2.3.4"), NOW));
    BOOST_CHECK(!bans.IsBanned(Addr("5.6.7.8"), NOW));
    BOOST_CHECK(!bans.IsBanned(Addr("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion"), NOW));

    // The exact-subnet question.
    BOOST_CHECK(bans.IsBanned(Net("1.2.3.0/24"), NOW));
    BOOST_CHECK(bans.IsBanned(Net("1.2.3.7/24"), NOW)); // host bits cleared: the same subnet
    BOOST_CHECK(!bans.IsBanned(Net("1.2.3.4/32"), NOW));
    BOOST_CHECK(!bans.IsBanned(Net("1.2.0.0/16"), NOW));

    // A wider ban covers a narrower one's addresses.
    BOOST_CHECK(bans.Ban(Net("10.0.0.0/8"), NOW + 100, NOW));
    BOOST_CHECK(bans.IsBanned(Ip("10.200.3.4"), NOW));
    BOOST_CHECK(bans.Ban(Net("0.0.0.0/0"), NOW + 100, NOW));
    BOOST_CHECK(bans.IsBanned(Ip("200.1.1.1"), NOW));
    BOOST_CHECK(!bans.IsBanned(Ip("2002::1"), NOW)); // ::/0 is another subnet
}

BOOST_AUTO_TEST_CASE(expiry)
{
    BanList bans;
    bans.Ban(Net("1.2.3.0/24"), NOW + 100, NOW);
    // In force while now < banned_until.
    BOOST_CHECK(bans.IsBanned(Ip("1.2.3.4"), NOW + 99));
    BOOST_CHECK(!bans.IsBanned(Ip("1.2.3.4"), NOW + 100));
    BOOST_CHECK(!bans.IsBanned(Net("1.2.3.0/24"), NOW + 100));
    // Swept only once now > banned_until (Core's SweepBanned).
    BOOST_CHECK_EQUAL(bans.SweepExpired(NOW + 100), 0u);
    BOOST_CHECK_EQUAL(bans.List().size(), 1u);
    BOOST_CHECK_EQUAL(bans.SweepExpired(NOW + 101), 1u);
    BOOST_CHECK(bans.List().empty());

    // Only ever extended.
    BOOST_CHECK(bans.Ban(Net("5.5.5.5"), NOW + 100, NOW));
    BOOST_CHECK(!bans.Ban(Net("5.5.5.5"), NOW + 50, NOW + 1));
    BOOST_CHECK(!bans.Ban(Net("5.5.5.5"), NOW + 100, NOW + 1));
    BOOST_REQUIRE_EQUAL(bans.List().size(), 1u);
    BOOST_CHECK_EQUAL(bans.List()[0].banned_until, NOW + 100);
    BOOST_CHECK_EQUAL(bans.List()[0].ban_created, NOW);
    BOOST_CHECK(bans.Ban(Net("5.5.5.5"), NOW + 200, NOW + 2));
    BOOST_CHECK(bans.List()[0] == (BanEntry{Net("5.5.5.5"), NOW + 2, NOW + 200}));
}

BOOST_AUTO_TEST_CASE(unban_clear_and_dirty)
{
    BanList bans({BanEntry{Net("1.1.1.0/24"), NOW, NOW + 10}, BanEntry{Net("2.2.2.2"), NOW, NOW + 10},
                  BanEntry{Net("1.1.1.0/24"), NOW, NOW + 20}});
    BOOST_CHECK(!bans.TakeDirty()); // loaded, not changed
    const auto list = bans.List();
    BOOST_REQUIRE_EQUAL(list.size(), 2u);
    BOOST_CHECK_EQUAL(list[0].subnet.ToString(), "1.1.1.0/24");
    BOOST_CHECK_EQUAL(list[0].banned_until, NOW + 20); // the later of the two
    BOOST_CHECK_EQUAL(list[1].subnet.ToString(), "2.2.2.2/32");

    BOOST_CHECK(!bans.Unban(Net("1.1.1.1"))); // not that exact subnet
    BOOST_CHECK(!bans.TakeDirty());
    BOOST_CHECK(bans.Unban(Net("1.1.1.0/24")));
    BOOST_CHECK(!bans.Unban(Net("1.1.1.0/24")));
    BOOST_CHECK(bans.TakeDirty());
    BOOST_CHECK(!bans.TakeDirty());
    BOOST_CHECK(!bans.IsBanned(Ip("1.1.1.1"), NOW));

    BOOST_CHECK(bans.Ban(Net("3.3.3.3"), NOW + 10, NOW));
    BOOST_CHECK(bans.TakeDirty());
    bans.ClearBanned();
    BOOST_CHECK(bans.TakeDirty());
    BOOST_CHECK(bans.List().empty());
    BOOST_CHECK(!bans.IsBanned(Ip("3.3.3.3"), NOW));
}

BOOST_AUTO_TEST_CASE(discouragement)
{
    BanList bans;
    const NetAddress onion = Addr("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion");
    bans.Discourage(Addr("1.2.3.4"));
    bans.Discourage(onion);
    BOOST_CHECK(bans.IsDiscouraged(Addr("1.2.3.4")));
    BOOST_CHECK(bans.IsDiscouraged(onion));
    BOOST_CHECK(!bans.IsDiscouraged(Addr("1.2.3.5")));
    BOOST_CHECK(!bans.TakeDirty()); // not written to banlist.json
    // Discouragement is not a ban, and clearing bans leaves it.
    BOOST_CHECK(!bans.IsBanned(Addr("1.2.3.4"), NOW));
    bans.ClearBanned();
    BOOST_CHECK(bans.IsDiscouraged(Addr("1.2.3.4")));
    bans.ClearDiscouraged();
    BOOST_CHECK_EQUAL(bans.DiscouragedCount(), 0u);
}

BOOST_AUTO_TEST_CASE(discouragement_is_bounded)
{
    BanList bans;
    const auto nth = [](int i) {
        return NetAddress::FromBytes(net::Network::IPV4, std::vector<uint8_t>{20, static_cast<uint8_t>(i >> 16),
                                                                            static_cast<uint8_t>(i >> 8),
                                                                            static_cast<uint8_t>(i)})
            .value();
    };
    bans.Discourage(nth(0));
    for (int i = 1; i < static_cast<int>(net::MAX_DISCOURAGED); ++i) bans.Discourage(nth(i));
    BOOST_CHECK_EQUAL(bans.DiscouragedCount(), net::MAX_DISCOURAGED);
    // Discouraged again: now the newest, so the next one pushes out nth(1).
    bans.Discourage(nth(0));
    BOOST_CHECK_EQUAL(bans.DiscouragedCount(), net::MAX_DISCOURAGED);
    bans.Discourage(nth(1'000'000));
    BOOST_CHECK_EQUAL(bans.DiscouragedCount(), net::MAX_DISCOURAGED);
    BOOST_CHECK(bans.IsDiscouraged(nth(0)));
    BOOST_CHECK(!bans.IsDiscouraged(nth(1)));
    BOOST_CHECK(bans.IsDiscouraged(nth(2)));
    BOOST_CHECK(bans.IsDiscouraged(nth(1'000'000)));
}

BOOST_AUTO_TEST_SUITE_END()
