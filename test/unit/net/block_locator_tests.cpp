// Locator heights: Bitcoin Core's spacing (twelve consecutive heights, then
// gaps doubling from 2), always ending at genesis.
#include <net/block_locator.h>
#include <net/protocol.h>

#include <boost/test/unit_test.hpp>

#include <climits>
#include <vector>

using net::LocatorHeights;
using Heights = std::vector<int>;

BOOST_AUTO_TEST_SUITE(block_locator_tests)

BOOST_AUTO_TEST_CASE(small_chains_list_every_height)
{
    BOOST_CHECK(LocatorHeights(-1).empty());
    BOOST_CHECK(LocatorHeights(0) == Heights{0});
    BOOST_CHECK(LocatorHeights(5) == (Heights{5, 4, 3, 2, 1, 0}));
    BOOST_CHECK(LocatorHeights(11) == (Heights{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
    // The thirteenth entry is the first after a gap of 2; here it is genesis anyway.
    BOOST_CHECK(LocatorHeights(12) == (Heights{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
}

BOOST_AUTO_TEST_CASE(gaps_double_after_twelve_entries)
{
    BOOST_CHECK(LocatorHeights(100) ==
                (Heights{100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 87, 83, 75, 59, 27, 0}));
    // Gaps 2, 4, ..., 262144 after 999989; the next (524288) passes genesis and stops there.
    BOOST_CHECK(LocatorHeights(1'000'000) ==
                (Heights{1000000, 999999, 999998, 999997, 999996, 999995, 999994, 999993, 999992, 999991, 999990,
                         999989, 999987, 999983, 999975, 999959, 999927, 999863, 999735, 999479, 998967, 997943,
                         995895, 991799, 983607, 967223, 934455, 868919, 737847, 475703, 0}));
}

BOOST_AUTO_TEST_CASE(every_locator_fits_the_limit_and_descends_to_genesis)
{
    for (int tip : {1, 13, 1000, 65535, 840'000, INT_MAX - 1, INT_MAX}) {
        const Heights heights = LocatorHeights(tip);
        BOOST_REQUIRE(!heights.empty());
        BOOST_CHECK_EQUAL(heights.front(), tip);
        BOOST_CHECK_EQUAL(heights.back(), 0);
        BOOST_CHECK_LE(heights.size(), net::MAX_LOCATOR_SZ);
        for (size_t i = 1; i < heights.size(); ++i) BOOST_CHECK_LT(heights[i], heights[i - 1]);
    }
    BOOST_CHECK_EQUAL(LocatorHeights(INT_MAX).size(), 42u);
}

BOOST_AUTO_TEST_SUITE_END()
