#include <crypto/random.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <vector>

BOOST_AUTO_TEST_SUITE(random_tests)

// Randomness cannot be checked for quality here; these checks catch a
// function that leaves the buffer alone, fills only part of it, or repeats.
BOOST_AUTO_TEST_CASE(fills_the_whole_buffer)
{
    std::array<uint8_t, 32> a{};
    std::array<uint8_t, 32> b{};
    crypto::GetStrongRandomBytes(a);
    crypto::GetStrongRandomBytes(b);
    BOOST_CHECK(a != b); // 2^-256 chance of a false failure

    // More than getrandom's 256-byte single-read guarantee: the tail is written too.
    std::vector<uint8_t> big(4096, 0);
    crypto::GetStrongRandomBytes(big);
    BOOST_CHECK(std::any_of(big.end() - 32, big.end(), [](uint8_t byte) { return byte != 0; }));

    crypto::GetStrongRandomBytes({}); // empty span: nothing to do
}

BOOST_AUTO_TEST_SUITE_END()
