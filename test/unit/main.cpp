// Entry point of utxo-tests, the Boost.Test unit test binary (`make check`).
#define BOOST_TEST_MODULE utxod unit tests
#include <boost/test/unit_test.hpp>
