#include <util/base64.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

std::string AsString(const util::Bytes& bytes) { return {bytes.begin(), bytes.end()}; }

} // namespace

BOOST_AUTO_TEST_SUITE(base64_tests)

// RFC 4648 section 10.
BOOST_AUTO_TEST_CASE(rfc4648_vectors)
{
    const std::vector<std::pair<std::string, std::string>> vectors{
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        BOOST_CHECK_EQUAL(util::EncodeBase64(util::AsBytes(plain)), encoded);
        const auto decoded = util::DecodeBase64(encoded);
        BOOST_REQUIRE_MESSAGE(decoded, encoded);
        BOOST_CHECK_EQUAL(AsString(*decoded), plain);
    }
}

BOOST_AUTO_TEST_CASE(every_byte_round_trips)
{
    util::Bytes all(256);
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint8_t>(i);
    for (size_t length = 0; length <= all.size(); ++length) {
        const util::Bytes input(all.begin(), all.begin() + length);
        const auto decoded = util::DecodeBase64(util::EncodeBase64(input));
        BOOST_REQUIRE(decoded);
        BOOST_CHECK(*decoded == input);
    }
    // The whole alphabet, including '+' and '/'.
    BOOST_CHECK_EQUAL(util::EncodeBase64(util::Bytes{0xfb, 0xff, 0xbf}), "+/+/");
}

BOOST_AUTO_TEST_CASE(basic_auth_credentials)
{
    // What a client sends for user "__cookie__", password "abc".
    const auto decoded = util::DecodeBase64("X19jb29raWVfXzphYmM=");
    BOOST_REQUIRE(decoded);
    BOOST_CHECK_EQUAL(AsString(*decoded), "__cookie__:abc");
}

BOOST_AUTO_TEST_CASE(rejects_malformed)
{
    BOOST_CHECK(!util::DecodeBase64("Zg"));        // missing padding
    BOOST_CHECK(!util::DecodeBase64("Zg="));       // length not a multiple of 4
    BOOST_CHECK(!util::DecodeBase64("Zm9vY"));
    BOOST_CHECK(!util::DecodeBase64("Zm9v "));     // whitespace
    BOOST_CHECK(!util::DecodeBase64(" Zm9v"));
    BOOST_CHECK(!util::DecodeBase64("Zm\n9v"));
    BOOST_CHECK(!util::DecodeBase64("Zm9-"));      // URL-safe alphabet is not accepted
    BOOST_CHECK(!util::DecodeBase64("Zm9_"));
    BOOST_CHECK(!util::DecodeBase64("Z==="));      // three '='
    BOOST_CHECK(!util::DecodeBase64("===="));
    BOOST_CHECK(!util::DecodeBase64("Zg==Zm9v"));  // padding before the end
    BOOST_CHECK(!util::DecodeBase64("Z=g="));      // '=' inside a group
    BOOST_CHECK(!util::DecodeBase64("Zh=="));      // non-zero unused bits ("Zg==" is canonical)
    BOOST_CHECK(!util::DecodeBase64("Zm9="));      // ("Zm8=" is canonical)
    BOOST_CHECK(!util::DecodeBase64(std::string_view("Zm9v\0\0\0\0", 8)));
    BOOST_CHECK(!util::DecodeBase64("\xff\xff\xff\xff"));
}

BOOST_AUTO_TEST_SUITE_END()
