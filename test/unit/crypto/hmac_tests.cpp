#include <crypto/hmac.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

util::Bytes FromHex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    BOOST_REQUIRE(bytes);
    return *bytes;
}

struct Rfc4231Case {
    int number;
    util::Bytes key;
    util::Bytes data;
    std::string sha256;
    std::string sha512;
    size_t truncate_to{0}; // bytes compared; 0 means the whole output
};

// RFC 4231 section 4, test cases 1 to 7 (case 5 truncates the output to 128 bits).
const std::vector<Rfc4231Case>& Rfc4231Cases()
{
    static const std::vector<Rfc4231Case> cases{
        {1, util::Bytes(20, 0x0b), FromHex("4869205468657265"),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
         "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
         "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
        {2, FromHex("4a656665"), FromHex("7768617420646f2079612077616e7420666f72206e6f7468696e673f"),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
         "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
         "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
        {3, util::Bytes(20, 0xaa), util::Bytes(50, 0xdd),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
         "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
         "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"},
        {4, FromHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), util::Bytes(50, 0xcd),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
         "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
         "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"},
        {5, util::Bytes(20, 0x0c), FromHex("546573742057697468205472756e636174696f6e"),
         "a3b6167473100ee06e0c796c2955552b", "415fad6271580a531d4179bc891d87a6", 16},
        {6, util::Bytes(131, 0xaa),
         FromHex("54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579"
                 "204669727374"),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
         "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
         "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
        {7, util::Bytes(131, 0xaa),
         FromHex("5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b6579"
                 "20616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e65656473"
                 "20746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f72"
                 "6974686d2e"),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
         "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
         "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"},
    };
    return cases;
}

template <typename Mac>
std::string MacHex(const Rfc4231Case& c)
{
    const auto mac = Mac(c.key).Write(c.data).Finalize();
    const size_t size = c.truncate_to ? c.truncate_to : mac.size();
    return util::HexStr(util::ByteSpan(mac).first(size));
}

} // namespace

BOOST_AUTO_TEST_SUITE(hmac_tests)

BOOST_AUTO_TEST_CASE(rfc4231_hmac_sha256)
{
    for (const auto& c : Rfc4231Cases()) {
        BOOST_TEST_CONTEXT("RFC 4231 test case " << c.number)
        {
            BOOST_CHECK_EQUAL(MacHex<crypto::HmacSha256>(c), c.sha256);
        }
    }
}

BOOST_AUTO_TEST_CASE(rfc4231_hmac_sha512)
{
    for (const auto& c : Rfc4231Cases()) {
        BOOST_TEST_CONTEXT("RFC 4231 test case " << c.number)
        {
            BOOST_CHECK_EQUAL(MacHex<crypto::HmacSha512>(c), c.sha512);
        }
    }
}

BOOST_AUTO_TEST_CASE(streaming_matches_one_shot)
{
    const auto& c = Rfc4231Cases()[6];
    for (size_t split = 0; split <= c.data.size(); split += 13) {
        crypto::HmacSha512 mac(c.key);
        mac.Write(util::ByteSpan(c.data).first(split)).Write(util::ByteSpan(c.data).subspan(split));
        BOOST_CHECK_EQUAL(util::HexStr(mac.Finalize()), c.sha512);
    }
}

BOOST_AUTO_TEST_SUITE_END()
