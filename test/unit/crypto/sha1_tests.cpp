#include <crypto/sha1.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using crypto::Sha1;

namespace {

std::string DigestHex(std::string_view message)
{
    return util::HexStr(Sha1().Write(util::AsBytes(message)).Finalize());
}

struct Vector {
    std::string message;
    const char* digest;
};

// FIPS 180-2 Appendix A ("abc", the 448-bit two-block message, one million
// 'a') and the NIST example values for "" and the 896-bit message, as
// collected at https://www.di-mgt.com.au/sha_testvectors.html.
const std::vector<Vector>& NistVectors()
{
    static const std::vector<Vector> vectors{
        {"", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
        {"abc", "a9993e364706816aba3e25717850c26c9cd0d89d"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "a49b2446a02c645bf419f995b67091253a04a259"},
        {std::string(1000000, 'a'), "34aa973cd4c4daa4f61eeb2bdbad27316534016f"},
    };
    return vectors;
}

} // namespace

BOOST_AUTO_TEST_SUITE(sha1_tests)

BOOST_AUTO_TEST_CASE(nist_vectors)
{
    for (const auto& v : NistVectors()) {
        BOOST_CHECK_EQUAL(DigestHex(v.message), v.digest);
    }
}

BOOST_AUTO_TEST_CASE(every_split_matches_one_shot)
{
    const auto& v = NistVectors()[2]; // 56 bytes: the length needs a second block
    for (size_t split = 0; split <= v.message.size(); ++split) {
        Sha1 h;
        h.Write(util::AsBytes(std::string_view(v.message).substr(0, split)));
        h.Write(util::AsBytes(std::string_view(v.message).substr(split)));
        BOOST_CHECK_EQUAL(util::HexStr(h.Finalize()), v.digest);
    }
}

BOOST_AUTO_TEST_CASE(reset_and_span_finalize)
{
    Sha1 h;
    h.Write(util::AsBytes("discarded"));
    (void)h.Finalize();
    h.Reset().Write(util::AsBytes("abc"));
    std::array<uint8_t, 20> out;
    h.Finalize(out);
    BOOST_CHECK_EQUAL(util::HexStr(out), NistVectors()[1].digest);
}

BOOST_AUTO_TEST_SUITE_END()
