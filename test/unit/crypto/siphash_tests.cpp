#include <crypto/siphash.h>
#include <util/endian.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <array>
#include <string>

using crypto::SipHasher;

namespace {

// The reference key 00 01 .. 0f as two little-endian words.
constexpr uint64_t K0 = 0x0706050403020100;
constexpr uint64_t K1 = 0x0f0e0d0c0b0a0908;

// SipHash-2-4 outputs (as 8 little-endian bytes) for the reference key and the
// messages 00 01 .. len-1, len = 0..63: vectors_sip64 of the reference
// implementation accompanying the SipHash paper (github.com/veorq/SipHash,
// vectors.h), also printed in the paper's appendix for len = 15.
constexpr const char* REFERENCE_OUTPUTS[64] = {
    "310e0edd47db6f72", "fd67dc93c539f874", "5a4fa9d909806c0d", "2d7efbd796666785",
    "b7877127e09427cf", "8da699cd64557618", "cee3fe586e46c9cb", "37d1018bf50002ab",
    "6224939a79f5f593", "b0e4a90bdf82009e", "f3b9dd94c5bb5d7a", "a7ad6b22462fb3f4",
    "fbe50e86bc8f1e75", "903d84c02756ea14", "eef27a8e90ca23f7", "e545be4961ca29a1",
    "db9bc2577fcc2a3f", "9447be2cf5e99a69", "9cd38d96f0b3c14b", "bd6179a71dc96dbb",
    "98eea21af25cd6be", "c7673b2eb0cbf2d0", "883ea3e395675393", "c8ce5ccd8c030ca8",
    "94af49f6c650adb8", "eab8858ade92e1bc", "f315bb5bb835d817", "adcf6b0763612e2f",
    "a5c91da7acaa4dde", "716595876650a2a6", "28ef495c53a387ad", "42c341d8fa92d832",
    "ce7cf2722f512771", "e37859f94623f3a7", "381205bb1ab0e012", "ae97a10fd434e015",
    "b4a31508beff4d31", "81396229f0907902", "4d0cf49ee5d4dcca", "5c73336a76d8bf9a",
    "d0a704536ba93e0e", "925958fcd6420cad", "a915c29bc8067318", "952b79f3bc0aa6d4",
    "f21df2e41d4535f9", "87577519048f53a9", "10a56cf5dfcd9adb", "eb75095ccd986cd0",
    "51a9cb9ecba312e6", "96afadfc2ce666c7", "72fe52975a4364ee", "5a1645b276d592a1",
    "b274cb8ebf87870a", "6f9bb4203de7b381", "eaecb2a30b22a87f", "9924a43cc1315724",
    "bd838d3aafbf8db7", "0b1a2a3265d51aea", "135079a3231ce660", "932b2846e4d70666",
    "e1915f5cb1eca46c", "f325965ca16d629f", "575ff28e60381be5", "724506eb4c328a95",
};

std::array<uint8_t, 64> ReferenceMessage()
{
    std::array<uint8_t, 64> message;
    for (size_t i = 0; i < message.size(); ++i) message[i] = static_cast<uint8_t>(i);
    return message;
}

std::string LittleEndianHex(uint64_t value)
{
    uint8_t bytes[8];
    util::WriteLE64(bytes, value);
    return util::HexStr(util::ByteSpan(bytes, 8));
}

} // namespace

BOOST_AUTO_TEST_SUITE(siphash_tests)

BOOST_AUTO_TEST_CASE(reference_vectors)
{
    const auto message = ReferenceMessage();
    for (size_t len = 0; len < 64; ++len) {
        const uint64_t hash = SipHasher(K0, K1).Write(util::ByteSpan(message).first(len)).Finalize();
        BOOST_CHECK_EQUAL(LittleEndianHex(hash), REFERENCE_OUTPUTS[len]);
    }
}

BOOST_AUTO_TEST_CASE(byte_at_a_time_and_finalize_midway)
{
    // Finalize() does not end the hasher: every prefix hash is available on the way.
    const auto message = ReferenceMessage();
    SipHasher hasher(K0, K1);
    for (size_t len = 0; len < 64; ++len) {
        BOOST_CHECK_EQUAL(LittleEndianHex(hasher.Finalize()), REFERENCE_OUTPUTS[len]);
        hasher.Write(util::ByteSpan(message).subspan(len, 1));
    }
}

BOOST_AUTO_TEST_CASE(word_and_byte_writes_mix)
{
    // Any prefix of bytes, then a word, then bytes: same as the byte stream.
    const auto message = ReferenceMessage();
    for (size_t before = 0; before + 8 < 64; ++before) {
        for (size_t after = 0; before + 8 + after < 64; after += 3) {
            SipHasher hasher(K0, K1);
            hasher.Write(util::ByteSpan(message).first(before));
            hasher.Write(util::ReadLE64(message.data() + before));
            hasher.Write(util::ByteSpan(message).subspan(before + 8, after));
            BOOST_CHECK_EQUAL(LittleEndianHex(hasher.Finalize()), REFERENCE_OUTPUTS[before + 8 + after]);
        }
    }
    // Words only.
    SipHasher words(K0, K1);
    for (size_t i = 0; i < 7; ++i) words.Write(util::ReadLE64(message.data() + 8 * i));
    BOOST_CHECK_EQUAL(LittleEndianHex(words.Finalize()), REFERENCE_OUTPUTS[56]);
}

BOOST_AUTO_TEST_CASE(fast_paths_on_reference_vectors)
{
    const auto message = ReferenceMessage();
    const std::span<const uint8_t, 32> first32(message.data(), 32);
    BOOST_CHECK_EQUAL(LittleEndianHex(crypto::SipHash256(K0, K1, first32)), REFERENCE_OUTPUTS[32]);
    // Bytes 32..35 of the reference message are 20 21 22 23.
    BOOST_CHECK_EQUAL(LittleEndianHex(crypto::SipHash256Extra(K0, K1, first32, 0x23222120)), REFERENCE_OUTPUTS[36]);
}

BOOST_AUTO_TEST_CASE(fast_paths_match_generic_hasher)
{
    uint64_t seed = 0x123456789abcdef1;
    auto next = [&seed] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
    for (int round = 0; round < 200; ++round) {
        const uint64_t k0 = next(), k1 = next();
        std::array<uint8_t, 32> data;
        for (auto& byte : data) byte = static_cast<uint8_t>(next() >> 56);
        const uint32_t extra = static_cast<uint32_t>(next() >> 32);
        BOOST_CHECK_EQUAL(crypto::SipHash256(k0, k1, data), SipHasher(k0, k1).Write(data).Finalize());
        uint8_t extra_bytes[4];
        util::WriteLE32(extra_bytes, extra);
        BOOST_CHECK_EQUAL(crypto::SipHash256Extra(k0, k1, data, extra),
                          SipHasher(k0, k1).Write(data).Write(util::ByteSpan(extra_bytes, 4)).Finalize());
    }
}

BOOST_AUTO_TEST_SUITE_END()
