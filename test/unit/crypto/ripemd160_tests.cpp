#include <crypto/ripemd160.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using crypto::Ripemd160;

namespace {

std::string DigestHex(std::string_view message)
{
    return util::HexStr(Ripemd160().Write(util::AsBytes(message)).Finalize());
}

struct Vector {
    std::string message;
    const char* digest;
};

// The test messages and hash results listed by the RIPEMD-160 authors
// (Bosselaers, https://homes.esat.kuleuven.be/~bosselae/ripemd160.html).
const std::vector<Vector>& AuthorsVectors()
{
    static const std::vector<Vector> vectors{
        {"", "9c1185a5c5e9fc54612808977ee8f548b2258d31"},
        {"a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"},
        {"abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
        {"message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"},
        {"abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b"},
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189"},
        {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "9b752e45573d4b39f4dbd3323cab82bf63326bfb"},
        {std::string(1000000, 'a'), "52783243c1697bdbe16d37f97f68f08325dc1528"},
    };
    return vectors;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ripemd160_tests)

BOOST_AUTO_TEST_CASE(authors_vectors)
{
    for (const auto& v : AuthorsVectors()) {
        BOOST_CHECK_EQUAL(DigestHex(v.message), v.digest);
    }
}

BOOST_AUTO_TEST_CASE(every_split_matches_one_shot)
{
    const std::string& message = AuthorsVectors()[7].message; // 80 bytes: crosses a block
    for (size_t split = 0; split <= message.size(); ++split) {
        Ripemd160 h;
        h.Write(util::AsBytes(std::string_view(message).substr(0, split)));
        h.Write(util::AsBytes(std::string_view(message).substr(split)));
        BOOST_CHECK_EQUAL(util::HexStr(h.Finalize()), AuthorsVectors()[7].digest);
    }
}

BOOST_AUTO_TEST_CASE(reset_and_span_finalize)
{
    Ripemd160 h;
    h.Write(util::AsBytes("discarded"));
    (void)h.Finalize();
    h.Reset().Write(util::AsBytes("abc"));
    std::array<uint8_t, 20> out;
    h.Finalize(out);
    BOOST_CHECK_EQUAL(util::HexStr(out), AuthorsVectors()[2].digest);
}

BOOST_AUTO_TEST_SUITE_END()
