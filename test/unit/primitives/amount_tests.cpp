#include <primitives/amount.h>

#include <boost/test/unit_test.hpp>

#include <limits>

using primitives::Amount;
using primitives::FormatAmount;

BOOST_AUTO_TEST_SUITE(amount_tests)

BOOST_AUTO_TEST_CASE(format_exact_decimal)
{
    BOOST_CHECK_EQUAL(FormatAmount(Amount(0)), "0.00000000");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(1)), "0.00000001");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(100000)), "0.00100000");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(5000000000)), "50.00000000");
    BOOST_CHECK_EQUAL(FormatAmount(primitives::MAX_MONEY), "21000000.00000000");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(2099999997690000)), "20999999.97690000");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(-1)), "-0.00000001");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(-123456789)), "-1.23456789");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(std::numeric_limits<int64_t>::max())), "92233720368.54775807");
    BOOST_CHECK_EQUAL(FormatAmount(Amount(std::numeric_limits<int64_t>::min())), "-92233720368.54775808");
}

BOOST_AUTO_TEST_CASE(money_range)
{
    BOOST_CHECK(primitives::MoneyRange(Amount(0)));
    BOOST_CHECK(primitives::MoneyRange(primitives::MAX_MONEY));
    BOOST_CHECK(!primitives::MoneyRange(Amount(primitives::MAX_MONEY.sats() + 1)));
    BOOST_CHECK(!primitives::MoneyRange(Amount(-1)));
}

BOOST_AUTO_TEST_SUITE_END()
