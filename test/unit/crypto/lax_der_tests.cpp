// ParseDerLax: each tolerated DER violation, each rejection, and that no input
// (truncated, random, or mutated) makes it read outside the signature.
#include <crypto/lax_der.h>
#include <crypto/secp256k1_context.h>
#include <test_data.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <secp256k1.h>

#include <random>
#include <string>

namespace {

// R||S as 128 hex digits with R and S right-aligned.
std::string CompactHex(std::string_view r_hex, std::string_view s_hex)
{
    return std::string(64 - r_hex.size(), '0') + std::string(r_hex) + std::string(64 - s_hex.size(), '0') +
           std::string(s_hex);
}

const std::string ZERO_COMPACT(128, '0');

struct Case {
    const char* what;
    std::string der_hex;
    bool parses;
    std::string compact_hex; // when it parses
};

// A signature from the first Bitcoin transaction between two people (block
// 170, txid f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16):
// strict DER, R and S 32 bytes each without padding.
constexpr std::string_view REAL_SIGNATURE =
    "304402204e45e16932b8af514961a1d3a1a25fdf3f4f7732e9d624c6c61548ab5fb8cd41"
    "0220181522ec8eca07de4860a4acdd12909d831cc56cbbac4622082221a8768d1d09";

std::optional<crypto::CompactSignature> Parse(util::ByteSpan sig)
{
    crypto::CompactSignature compact;
    compact.fill(0xaa);
    const bool parsed = crypto::ParseDerLax(sig, compact);
    if (!parsed) {
        BOOST_CHECK_MESSAGE(compact == crypto::CompactSignature{}, "left non-zero after a failed parse");
        return std::nullopt;
    }
    return compact;
}

// libsecp256k1's strict DER parse, as R||S (an R or S that overflows reads as zero).
std::optional<crypto::CompactSignature> ParseStrict(util::ByteSpan sig)
{
    if (sig.empty()) return std::nullopt;
    secp256k1_ecdsa_signature parsed;
    if (!secp256k1_ecdsa_signature_parse_der(crypto::Secp256k1Context(), &parsed, sig.data(), sig.size())) {
        return std::nullopt;
    }
    crypto::CompactSignature compact;
    BOOST_REQUIRE(secp256k1_ecdsa_signature_serialize_compact(crypto::Secp256k1Context(), compact.data(), &parsed));
    return compact;
}

bool HalfIsZero(const crypto::CompactSignature& compact, size_t half)
{
    for (size_t i = 0; i < 32; ++i) {
        if (compact[half * 32 + i] != 0) return false;
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(lax_der_tests)

BOOST_AUTO_TEST_CASE(documented_cases)
{
    const std::string r32(64, 'f'); // a 32-byte R with its high bit set
    const std::vector<Case> cases = {
        // Strict DER.
        {"minimal", "3007" "02020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"real signature", std::string(REAL_SIGNATURE), true, std::string(REAL_SIGNATURE.substr(8, 64)) +
                                                               std::string(REAL_SIGNATURE.substr(76, 64))},
        // The sequence length is never checked.
        {"sequence length too small", "3000" "02020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"sequence length too large", "307f" "02020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"long-form sequence length", "308107" "02020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"long-form sequence length, 4 bytes", "308400000007" "02020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"long-form sequence length bytes are skipped unread", "3082ffff" "02020a0b" "02010c", true,
         CompactHex("0a0b", "0c")},
        {"long-form sequence length of no bytes", "3080" "02020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"long-form sequence length past the end", "30ff" "02020a0b" "02010c", false, ""},
        {"long-form sequence length eats the integers", "3087" "02020a0b" "02010c", false, ""},
        // Integer lengths in long form.
        {"long-form R length", "3008" "0281020a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"long-form S length with zero length bytes", "300b" "02020a0b" "028400000001" "0c", true,
         CompactHex("0a0b", "0c")},
        {"long-form length of no bytes: empty R", "3005" "0280" "02010c", true, CompactHex("", "0c")},
        {"long-form length bytes past the end", "3005" "0285000000", false, ""},
        {"long-form length larger than the input", "3009" "028400000100" "0a0b", false, ""},
        // Integer contents.
        {"empty R", "3005" "0200" "02010c", true, CompactHex("", "0c")},
        {"empty S", "3006" "02020a0b" "0200", true, CompactHex("0a0b", "")},
        {"R padded with zeros", "300a" "0205000000" "0a0b" "02010c", true, CompactHex("0a0b", "0c")},
        {"S of zeros only", "3008" "02020a0b" "0203000000", true, CompactHex("0a0b", "")},
        {"negative R read as unsigned", "3006" "0201ff" "02010c", true, CompactHex("ff", "0c")},
        {"R of 32 bytes after a zero pad", "3026" "022100" + r32 + "02010c", true, CompactHex(r32, "0c")},
        {"R of 33 significant bytes: all zero", "3026" "022101" + r32 + "02010c", true, ZERO_COMPACT},
        {"S of 33 significant bytes: all zero", "3026" "02010c" "022101" + r32, true, ZERO_COMPACT},
        {"S of 40 bytes with 8 zeros", "302d" "02020a0b" "0228" "0000000000000000" + r32, true,
         CompactHex("0a0b", r32)},
        // Anything after S.
        {"trailing byte (a sighash type)", "3007" "02020a0b" "02010c" "01", true, CompactHex("0a0b", "0c")},
        {"trailing garbage inside the sequence", "300b" "02020a0b" "02010c" "deadbeef", true,
         CompactHex("0a0b", "0c")},
        {"a third integer", "300a" "02020a0b" "02010c" "02010d", true, CompactHex("0a0b", "0c")},
        // Garbage.
        {"empty", "", false, ""},
        {"sequence tag only", "30", false, ""},
        {"no integers", "3000", false, ""},
        {"integer without a sequence", "02020a0b02010c", false, ""},
        {"set instead of sequence", "3107" "02020a0b" "02010c", false, ""},
        {"R with the wrong tag", "3007" "03020a0b" "02010c", false, ""},
        {"S with the wrong tag", "3007" "02020a0b" "03010c", false, ""},
        {"S missing", "3004" "02020a0b", false, ""},
        {"S tag without a length", "3005" "02020a0b" "02", false, ""},
        {"S shorter than its length", "3007" "02020a0b" "02050c", false, ""},
        {"R longer than the input", "3007" "027f0a0b" "02010c", false, ""},
    };
    for (const Case& c : cases) {
        const util::Bytes der = test::ParseHex(c.der_hex);
        const auto compact = Parse(der);
        BOOST_CHECK_MESSAGE(compact.has_value() == c.parses, c.what);
        if (compact && c.parses) BOOST_CHECK_EQUAL(util::HexStr(*compact), c.compact_hex);
    }
}

BOOST_AUTO_TEST_CASE(long_length_limit)
{
    // Core reads at most 3 significant long-form length bytes, so an integer
    // of 16 MiB or more does not parse even when the input holds it all
    // (libsecp256k1's contrib parser would accept it on 64-bit hosts).
    const size_t big = size_t{1} << 24;
    util::Bytes too_long{0x30, 0x00, 0x02, 0x84, 0x01, 0x00, 0x00, 0x00};
    too_long.resize(too_long.size() + big, 0x00);
    too_long.back() = 0x05;
    too_long.insert(too_long.end(), {0x02, 0x01, 0x0c});
    BOOST_CHECK(!Parse(too_long));

    // Three significant bytes: a 65,536-byte R of zeros and a 5 is R = 5.
    const size_t fits = size_t{1} << 16;
    util::Bytes three{0x30, 0x00, 0x02, 0x84, 0x00, 0x01, 0x00, 0x00};
    three.resize(three.size() + fits, 0x00);
    three.back() = 0x05;
    three.insert(three.end(), {0x02, 0x01, 0x0c});
    const auto compact = Parse(three);
    BOOST_REQUIRE(compact);
    BOOST_CHECK_EQUAL(util::HexStr(*compact), CompactHex("05", "0c"));
}

BOOST_AUTO_TEST_CASE(every_truncation_fails)
{
    const util::Bytes der = test::ParseHex(REAL_SIGNATURE);
    BOOST_REQUIRE(ParseStrict(der));
    BOOST_REQUIRE(Parse(der));
    for (size_t size = 0; size < der.size(); ++size) {
        // A copy of exactly `size` bytes, so a sanitizer catches any read past it.
        const util::Bytes prefix(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(size));
        BOOST_CHECK_MESSAGE(!Parse(prefix), "prefix of " << size << " bytes");
    }
}

BOOST_AUTO_TEST_CASE(random_input_is_safe)
{
    std::mt19937 rng(340340);
    std::uniform_int_distribution<int> byte(0, 255);
    size_t parsed = 0;
    for (int i = 0; i < 100000; ++i) {
        util::Bytes input(static_cast<size_t>(i % 90));
        for (auto& b : input) b = static_cast<uint8_t>(byte(rng));
        if (i % 2 == 1 && !input.empty()) input[0] = 0x30;
        parsed += Parse(input).has_value();
    }
    BOOST_TEST_MESSAGE(parsed << " of 100000 random inputs parsed");
}

BOOST_AUTO_TEST_CASE(generated_lax_signatures)
{
    // Signature-shaped inputs built from the documented rules (every tolerated
    // length form, padding and trailing data) must parse to the R and S put in;
    // the same inputs with a byte changed or cut short must merely not crash.
    std::mt19937 rng(146);
    const auto below = [&rng](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const auto random_bytes = [&](size_t count) {
        util::Bytes out(count);
        for (auto& b : out) b = static_cast<uint8_t>(below(256));
        return out;
    };
    // An INTEGER: `zeros` leading zero bytes, then `digits` (its first byte non-zero).
    const auto append_integer = [&](util::Bytes& out, const util::Bytes& digits, size_t zeros) {
        const size_t length = zeros + digits.size();
        out.push_back(0x02);
        if (length < 0x80 && below(2) == 0) {
            out.push_back(static_cast<uint8_t>(length));
        } else {
            util::Bytes length_bytes;
            for (size_t l = length; l > 0; l >>= 8) length_bytes.insert(length_bytes.begin(), static_cast<uint8_t>(l));
            length_bytes.insert(length_bytes.begin(), static_cast<size_t>(below(4)), 0x00);
            out.push_back(static_cast<uint8_t>(0x80 | length_bytes.size()));
            out.insert(out.end(), length_bytes.begin(), length_bytes.end());
        }
        out.insert(out.end(), zeros, 0x00);
        out.insert(out.end(), digits.begin(), digits.end());
    };
    const auto random_digits = [&]() {
        util::Bytes digits = random_bytes(static_cast<size_t>(below(36)));
        if (!digits.empty() && digits[0] == 0) digits[0] = 1;
        return digits;
    };
    size_t overflowed = 0;
    for (int i = 0; i < 20000; ++i) {
        util::Bytes der{0x30};
        if (below(2) == 0) {
            der.push_back(static_cast<uint8_t>(below(0x80)));
        } else {
            const size_t skipped = static_cast<size_t>(below(5));
            der.push_back(static_cast<uint8_t>(0x80 | skipped));
            const util::Bytes filler = random_bytes(skipped);
            der.insert(der.end(), filler.begin(), filler.end());
        }
        const util::Bytes r = random_digits(), s = random_digits();
        append_integer(der, r, static_cast<size_t>(below(4)));
        append_integer(der, s, static_cast<size_t>(below(4)));
        const util::Bytes tail = random_bytes(static_cast<size_t>(below(6)));
        der.insert(der.end(), tail.begin(), tail.end());

        std::string expected = ZERO_COMPACT;
        if (r.size() <= 32 && s.size() <= 32) {
            expected = CompactHex(util::HexStr(r), util::HexStr(s));
        } else {
            ++overflowed;
        }
        const auto compact = Parse(der);
        BOOST_REQUIRE_MESSAGE(compact, util::HexStr(der));
        BOOST_CHECK_EQUAL(util::HexStr(*compact), expected);

        util::Bytes changed = der;
        changed[static_cast<size_t>(below(static_cast<int>(changed.size())))] = static_cast<uint8_t>(below(256));
        (void)Parse(changed);
        const util::Bytes cut(der.begin(), der.begin() + below(static_cast<int>(der.size())));
        (void)Parse(cut);
    }
    BOOST_CHECK(overflowed > 0);
}

BOOST_AUTO_TEST_CASE(agrees_with_strict_parser_on_strict_der)
{
    // Whatever libsecp256k1's strict DER parser accepts, the lax parse accepts
    // with the same R and S (compared where strict reports no overflow).
    const util::Bytes der = test::ParseHex(REAL_SIGNATURE);
    std::mt19937 rng(66);
    std::uniform_int_distribution<int> byte(0, 255);
    size_t strict_count = 0;
    for (int i = 0; i < 50000; ++i) {
        util::Bytes mutated = der;
        const int changes = 1 + i % 3;
        for (int c = 0; c < changes; ++c) {
            mutated[static_cast<size_t>(byte(rng)) % mutated.size()] = static_cast<uint8_t>(byte(rng));
        }
        if (i % 7 == 0) mutated.resize(static_cast<size_t>(byte(rng)) % (mutated.size() + 1));
        const auto strict = ParseStrict(mutated);
        const auto lax = Parse(mutated);
        if (!strict) continue;
        ++strict_count;
        BOOST_REQUIRE_MESSAGE(lax, util::HexStr(mutated));
        if (!HalfIsZero(*strict, 0) && !HalfIsZero(*strict, 1)) {
            BOOST_CHECK_MESSAGE(*strict == *lax, util::HexStr(mutated));
        }
    }
    BOOST_TEST_MESSAGE(strict_count << " strict DER mutations compared");
    BOOST_CHECK(strict_count > 1000);
}

BOOST_AUTO_TEST_SUITE_END()
