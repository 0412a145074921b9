#include <crypto/sha512.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using crypto::Sha512;

namespace {

std::string DigestHex(std::string_view message)
{
    return util::HexStr(Sha512().Write(util::AsBytes(message)).Finalize());
}

struct Vector {
    std::string message;
    const char* digest;
};

// FIPS 180-2 Appendix C ("abc", the 896-bit two-block message, one million
// 'a') and the NIST example values for "" and the 448-bit message, as
// collected at https://www.di-mgt.com.au/sha_testvectors.html.
const std::vector<Vector>& NistVectors()
{
    static const std::vector<Vector> vectors{
        {"", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
             "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
        {"abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
         "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
         "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"},
        {std::string(1000000, 'a'),
         "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
         "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"},
    };
    return vectors;
}

} // namespace

BOOST_AUTO_TEST_SUITE(sha512_tests)

BOOST_AUTO_TEST_CASE(nist_vectors)
{
    for (const auto& v : NistVectors()) {
        BOOST_CHECK_EQUAL(DigestHex(v.message), v.digest);
    }
}

BOOST_AUTO_TEST_CASE(every_split_matches_one_shot)
{
    const auto& v = NistVectors()[3]; // 112 bytes: the padding spills into a second block
    for (size_t split = 0; split <= v.message.size(); ++split) {
        Sha512 h;
        h.Write(util::AsBytes(std::string_view(v.message).substr(0, split)));
        h.Write(util::AsBytes(std::string_view(v.message).substr(split)));
        BOOST_CHECK_EQUAL(util::HexStr(h.Finalize()), v.digest);
    }
    Sha512 bytewise;
    for (const char c : v.message) bytewise.Write(util::AsBytes(std::string_view(&c, 1)));
    BOOST_CHECK_EQUAL(util::HexStr(bytewise.Finalize()), v.digest);
}

BOOST_AUTO_TEST_CASE(reset_and_span_finalize)
{
    Sha512 h;
    h.Write(util::AsBytes("discarded"));
    (void)h.Finalize();
    h.Reset().Write(util::AsBytes("abc"));
    std::array<uint8_t, 64> out;
    h.Finalize(out);
    BOOST_CHECK_EQUAL(util::HexStr(out), NistVectors()[1].digest);
}

BOOST_AUTO_TEST_SUITE_END()
