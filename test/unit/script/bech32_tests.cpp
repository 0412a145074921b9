// Vectors: BIP173 and BIP350 test vectors, and the error messages and
// positions from Bitcoin Core's src/test/bech32_tests.cpp and
// test/functional/rpc_invalid_address_message.py (MIT, The Bitcoin Core
// developers).
#include <script/bech32.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace script;

namespace {

std::string Lower(std::string s)
{
    for (char& c : s) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

void CheckValid(const std::string& str, Bech32Encoding expected)
{
    const auto dec = Bech32Decode(str);
    BOOST_REQUIRE_MESSAGE(dec.ok(), str + ": " + (dec.ok() ? "" : dec.error()));
    BOOST_CHECK(dec->encoding == expected);
    BOOST_CHECK_EQUAL(Bech32Encode(dec->encoding, dec->hrp, dec->values), Lower(str));
    const auto errors = LocateBech32Errors(str);
    BOOST_CHECK_EQUAL(errors.message, "");
    BOOST_CHECK(errors.positions.empty());
}

struct InvalidCase {
    std::string str;
    std::string message;
    std::vector<int> positions;
};

void CheckInvalid(const InvalidCase& c)
{
    const auto dec = Bech32Decode(c.str);
    BOOST_CHECK_MESSAGE(!dec.ok(), c.str);
    if (!dec.ok()) BOOST_CHECK_EQUAL(dec.error(), c.message);
    const auto errors = LocateBech32Errors(c.str);
    BOOST_CHECK_EQUAL(errors.message, c.message);
    BOOST_CHECK_MESSAGE(errors.positions == c.positions, c.str);
}

} // namespace

BOOST_AUTO_TEST_SUITE(bech32_tests)

BOOST_AUTO_TEST_CASE(bip173_valid)
{
    for (const char* s : {"A12UEL5L", "a12uel5l",
                          "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                          "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                          "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
                          "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"}) {
        CheckValid(s, Bech32Encoding::BECH32);
    }
    const auto dec = Bech32Decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
    BOOST_REQUIRE(dec);
    BOOST_CHECK_EQUAL(dec->hrp, "abcdef");
    BOOST_REQUIRE_EQUAL(dec->values.size(), 32u);
    for (size_t i = 0; i < 32; ++i) BOOST_CHECK_EQUAL(dec->values[i], i);
}

BOOST_AUTO_TEST_CASE(bip350_valid)
{
    for (const char* s : {"A1LQFN3A", "a1lqfn3a",
                          "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
                          "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
                          "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
                          "split1checkupstagehandshakeupstreamerranterredcaperredlc445v", "?1v759aa"}) {
        CheckValid(s, Bech32Encoding::BECH32M);
    }
}

BOOST_AUTO_TEST_CASE(bip173_invalid)
{
    const InvalidCase cases[] = {
        {" 1nwldj5", "Invalid character or mixed case", {0}},
        {"\x7f" "1axkwrx", "Invalid character or mixed case", {0}},
        {"\x80" "1eym55h", "Invalid character or mixed case", {0}},
        {"an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
         "Bech32 string too long", {90}},
        {"pzry9x0s0muk", "Missing separator", {}},
        {"1pzry9x0s0muk", "Invalid separator position", {0}},
        {"x1b4n0q5v", "Invalid Base 32 character", {2}},
        {"li1dgmt3", "Invalid separator position", {2}},
        {"de1lg7wt\xff", "Invalid character or mixed case", {8}},
        // The checksum was made over the upper-case HRP, so nothing locates.
        {"A1G7SGD8", "Invalid checksum", {}},
        {"10a06t8", "Invalid separator position", {0}},
        {"1qzzfhee", "Invalid separator position", {0}},
        {"a12UEL5L", "Invalid character or mixed case", {3, 4, 5, 7}},
        {"A12uEL5L", "Invalid character or mixed case", {3}},
        {"abcdef1qpzrz9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "Invalid Bech32 checksum", {11}},
        {"test1zg69w7y6hn0aqy352euf40x77qddq3dc", "Invalid Bech32 checksum", {9, 16}},
    };
    for (const auto& c : cases) CheckInvalid(c);
}

BOOST_AUTO_TEST_CASE(bip350_invalid)
{
    const InvalidCase cases[] = {
        {" 1xj0phk", "Invalid character or mixed case", {0}},
        {"\x7f" "1g6xzxy", "Invalid character or mixed case", {0}},
        {"\x80" "1vctc34", "Invalid character or mixed case", {0}},
        {"an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
         "Bech32 string too long", {90}},
        {"qyrz8wqd2c9m", "Missing separator", {}},
        {"1qyrz8wqd2c9m", "Invalid separator position", {0}},
        {"y1b0jsk6g", "Invalid Base 32 character", {2}},
        {"lt1igcx5c0", "Invalid Base 32 character", {3}},
        {"in1muywd", "Invalid separator position", {2}},
        {"mm1crxm3i", "Invalid Base 32 character", {8}},
        {"au1s5cgom", "Invalid Base 32 character", {7}},
        {"M1VUXWEZ", "Invalid checksum", {}},
        {"16plkw9", "Invalid separator position", {0}},
        {"1p2gdwpf", "Invalid separator position", {0}},
        {"abcdef1l7aum6echk45nj2s0wdvt2fg8x9yrzpqzd3ryx", "Invalid Bech32m checksum", {21}},
        {"test1zg69v7y60n00qy352euf40x77qcusag6", "Invalid Bech32m checksum", {13, 32}},
    };
    for (const auto& c : cases) CheckInvalid(c);
}

BOOST_AUTO_TEST_CASE(error_locations_in_addresses)
{
    // From Core's functional tests (mainnet and regtest addresses).
    const InvalidCase cases[] = {
        {"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "Invalid Bech32 checksum", {41}},
        {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3t4", "Invalid character or mixed case", {40}},
        {"bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "Invalid Base 32 character", {59}},
        {"bcrt1q049edschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Invalid Bech32 checksum", {9}},
        {"bcrt1qax9suht3qv95sw33xavx8crpxduefdrsvgsklu", "Invalid Bech32 checksum", {22, 43}},
        {"bcrt1qdg3myrgvzw7ml8q0ejxhlkyxn7vl9r56yzkfgvzclrf4hkpx9yfqhpsuks", "Invalid Bech32 checksum", {19, 30}},
        {"bcrt1ptmp74ayg7p24uslctssvjm06q5phz4yrxucgnv", "Invalid Bech32 checksum", {5}},
        {"bcrtq049ldschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Missing separator", {}},
        {"bcrt1q04oldschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Invalid Base 32 character", {8}},
        {"asfah14i8fajz0123f", "Invalid separator position", {14}},
        {"1q049ldschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Invalid separator position", {0}},
    };
    for (const auto& c : cases) CheckInvalid(c);
    const std::string too_long =
        "bcrt1q049edschfnwystcqnsvyfpj23mpsg3jcedq9xv049edschfnwystcqnsvyfpj23mpsg3jcedq9xv049edschfnwystcqnsvyfpj23m";
    std::vector<int> positions;
    for (int i = 90; i < 108; ++i) positions.push_back(i);
    CheckInvalid({too_long, "Bech32 string too long", positions});
}

BOOST_AUTO_TEST_CASE(single_substitutions_are_located)
{
    // Every one-character substitution in the data part is found at its place.
    const util::Bytes values{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                             16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
    const std::string charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    for (const auto encoding : {Bech32Encoding::BECH32, Bech32Encoding::BECH32M}) {
        const std::string encoded = Bech32Encode(encoding, "bc", values);
        const size_t sep = encoded.rfind('1');
        for (size_t i = 0; i < encoded.size(); ++i) {
            std::string mutated = encoded;
            mutated[i] = mutated[i] == 'q' ? 'p' : 'q';
            BOOST_CHECK(!Bech32Decode(mutated).ok());
            const auto errors = LocateBech32Errors(mutated);
            BOOST_CHECK(!errors.message.empty());
            if (i > sep) {
                BOOST_CHECK_MESSAGE(errors.positions == std::vector<int>{static_cast<int>(i)}, mutated);
                BOOST_CHECK_EQUAL(errors.message, encoding == Bech32Encoding::BECH32 ? "Invalid Bech32 checksum"
                                                                                      : "Invalid Bech32m checksum");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(upper_case_decodes_to_lower)
{
    const util::Bytes values{0, 1, 2, 3, 4, 5, 30, 31};
    for (const auto encoding : {Bech32Encoding::BECH32, Bech32Encoding::BECH32M}) {
        const std::string lower = Bech32Encode(encoding, "bc", values);
        std::string upper = lower;
        for (char& c : upper) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const auto dec = Bech32Decode(upper);
        BOOST_REQUIRE(dec);
        BOOST_CHECK(dec->encoding == encoding);
        BOOST_CHECK_EQUAL(dec->hrp, "bc");
        BOOST_CHECK(dec->values == values);
    }
    // A longer limit admits longer strings (used by other encodings).
    const util::Bytes many(100, 3);
    const std::string long_str = Bech32Encode(Bech32Encoding::BECH32M, "lnbc", many);
    BOOST_CHECK(!Bech32Decode(long_str).ok());
    BOOST_CHECK(Bech32Decode(long_str, 200).ok());
}

BOOST_AUTO_TEST_CASE(convert_bits)
{
    const util::Bytes program = test::Hex("751e76e8199196d454941c45d1b3a323f1433bd6");
    const auto five = ConvertBits(program, 8, 5, true);
    BOOST_REQUIRE(five);
    BOOST_CHECK_EQUAL(five->size(), 32u);
    const auto back = ConvertBits(*five, 5, 8, false);
    BOOST_REQUIRE(back);
    BOOST_CHECK(*back == program);
    // Padding with bits set, or more than 4 bits of padding, fails 5-to-8.
    BOOST_CHECK(!ConvertBits(util::Bytes{0x1f}, 5, 8, false));
    BOOST_CHECK(!ConvertBits(util::Bytes{0x00, 0x01}, 5, 8, false));
    BOOST_CHECK(ConvertBits(util::Bytes{0x00, 0x00}, 5, 8, false).has_value());
    // 20 bits: two bytes and four zero bits of padding, which is allowed.
    const auto twenty = ConvertBits(util::Bytes{0x00, 0x00, 0x00, 0x00}, 5, 8, false);
    BOOST_REQUIRE(twenty);
    BOOST_CHECK_EQUAL(twenty->size(), 2u);
    BOOST_CHECK(!ConvertBits(util::Bytes{0x20}, 5, 8, true));  // value does not fit in 5 bits
    const auto padded = ConvertBits(util::Bytes{0xff}, 8, 5, true);
    BOOST_REQUIRE(padded);
    BOOST_CHECK(*padded == (util::Bytes{0x1f, 0x1c}));
}

BOOST_AUTO_TEST_SUITE_END()
