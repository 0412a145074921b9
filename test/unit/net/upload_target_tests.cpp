// -maxuploadtarget accounting: the cycle, the historical-block reserve.
#include <net/upload_target.h>

#include <boost/test/unit_test.hpp>

using net::UploadTarget;

BOOST_AUTO_TEST_SUITE(upload_target_tests)

BOOST_AUTO_TEST_CASE(no_target_never_reached)
{
    UploadTarget none;
    none.Record(1'000'000'000'000, 100);
    BOOST_CHECK(!none.Reached(false, 100));
    BOOST_CHECK(!none.Reached(true, 100));
    const auto status = none.Get(100);
    BOOST_CHECK_EQUAL(status.target, 0u);
    BOOST_CHECK(status.serve_historical_blocks);
    BOOST_CHECK_EQUAL(status.time_left_in_cycle, 0);
}

BOOST_AUTO_TEST_CASE(reserve_for_new_blocks_and_cycle_reset)
{
    // 1,000 MB a day; a day of new blocks (144 x 4 MB = 576 MB) is held back.
    UploadTarget target(1'000'000'000);
    const int64_t start = 1'700'000'000;
    target.Record(400'000'000, start);
    BOOST_CHECK(!target.Reached(true, start));
    target.Record(30'000'000, start + 10);
    BOOST_CHECK(target.Reached(true, start + 10)); // 430 MB >= 1,000 - 576 MB
    BOOST_CHECK(!target.Reached(false, start + 10));
    auto status = target.Get(start + 100);
    BOOST_CHECK(!status.serve_historical_blocks);
    BOOST_CHECK(!status.target_reached);
    BOOST_CHECK_EQUAL(status.bytes_left_in_cycle, 570'000'000u);
    BOOST_CHECK_EQUAL(status.time_left_in_cycle, UploadTarget::TIMEFRAME_SECONDS - 100);
    target.Record(600'000'000, start + 200);
    BOOST_CHECK(target.Reached(false, start + 200));
    BOOST_CHECK_EQUAL(target.Get(start + 200).bytes_left_in_cycle, 0u);
    // A day later the cycle starts over.
    BOOST_CHECK(!target.Reached(true, start + UploadTarget::TIMEFRAME_SECONDS));
    // A target below the reserve never serves historical blocks.
    UploadTarget tiny(100'000'000);
    BOOST_CHECK(tiny.Reached(true, start));
    BOOST_CHECK(!tiny.Reached(false, start));
}

BOOST_AUTO_TEST_SUITE_END()
