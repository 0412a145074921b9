#include <capi/utxoconsensus.h>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(utxoconsensus_tests)

BOOST_AUTO_TEST_CASE(version_matches_header)
{
    BOOST_CHECK_EQUAL(utxoconsensus_version(), static_cast<unsigned>(UTXOCONSENSUS_API_VER));
    // The error codes keep their published values.
    BOOST_CHECK_EQUAL(static_cast<int>(utxoconsensus_ERR_OK), 0);
    BOOST_CHECK_EQUAL(static_cast<int>(utxoconsensus_ERR_SPENT_OUTPUTS_MISMATCH), 7);
}

BOOST_AUTO_TEST_SUITE_END()
