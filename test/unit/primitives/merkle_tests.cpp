#include <crypto/hash.h>
#include <primitives/merkle.h>

#include <boost/test/unit_test.hpp>

using namespace primitives;

namespace {

// The definition, written the slow way: hash pairs of concatenated 32-byte
// strings, duplicating an odd last entry.
Uint256 NaiveMerkleRoot(std::vector<Uint256> level)
{
    if (level.empty()) return Uint256();
    while (level.size() > 1) {
        std::vector<Uint256> next;
        for (size_t i = 0; i < level.size(); i += 2) {
            const Uint256& left = level[i];
            const Uint256& right = i + 1 < level.size() ? level[i + 1] : level[i];
            next.emplace_back(crypto::Hash256(left.span(), right.span()));
        }
        level = std::move(next);
    }
    return level[0];
}

std::vector<Uint256> Leaves(size_t n)
{
    std::vector<Uint256> leaves;
    for (size_t i = 0; i < n; ++i) {
        const uint8_t seed[2] = {static_cast<uint8_t>(i), static_cast<uint8_t>(i >> 8)};
        leaves.emplace_back(crypto::Sha256Once(seed));
    }
    return leaves;
}

} // namespace

BOOST_AUTO_TEST_SUITE(merkle_tests)

BOOST_AUTO_TEST_CASE(matches_definition)
{
    for (size_t n = 0; n <= 70; ++n) {
        const auto leaves = Leaves(n);
        bool mutated = true;
        BOOST_CHECK_MESSAGE(ComputeMerkleRoot(leaves, &mutated) == NaiveMerkleRoot(leaves), "n = " << n);
        BOOST_CHECK(!mutated);
    }
    const auto one = Leaves(1);
    BOOST_CHECK(ComputeMerkleRoot(one) == one[0]);
}

BOOST_AUTO_TEST_CASE(cve_2012_2459_duplicate_tail_detected)
{
    // [a b c] and [a b c c] have the same root: the second is the mutated form.
    auto leaves = Leaves(3);
    const Uint256 root = ComputeMerkleRoot(leaves);
    leaves.push_back(leaves.back());
    bool mutated = false;
    BOOST_CHECK(ComputeMerkleRoot(leaves, &mutated) == root);
    BOOST_CHECK(mutated);

    // Duplicated pairs higher up the tree are caught too: [a b c d e f] vs [a b c d e f e f].
    auto six = Leaves(6);
    const Uint256 six_root = ComputeMerkleRoot(six);
    six.push_back(six[4]);
    six.push_back(six[5]);
    mutated = false;
    BOOST_CHECK(ComputeMerkleRoot(six, &mutated) == six_root);
    BOOST_CHECK(mutated);

    // Equal neighbours that are not a tail duplication still count as mutation.
    auto dup = Leaves(4);
    dup[1] = dup[0];
    mutated = false;
    ComputeMerkleRoot(dup, &mutated);
    BOOST_CHECK(mutated);
}

BOOST_AUTO_TEST_SUITE_END()
