// VerifySchnorr against the BIP340 test vectors and signatures made here;
// CheckTapTweak and TweakXOnlyPubKey against the BIP341 wallet vectors.
#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <test_data.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include <array>
#include <sstream>
#include <string>
#include <vector>

namespace {

template <size_t N>
std::array<uint8_t, N> FixedFromHex(std::string_view hex)
{
    const util::Bytes bytes = test::ParseHex(hex);
    BOOST_REQUIRE_EQUAL(bytes.size(), N);
    std::array<uint8_t, N> out;
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

std::vector<std::string> SplitCsvLine(const std::string& line)
{
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

// libsecp256k1 signing for the test alone (utxod never signs).
class Signer {
public:
    Signer() : m_context(secp256k1_context_create(SECP256K1_CONTEXT_NONE)) { BOOST_REQUIRE(m_context); }
    ~Signer() { secp256k1_context_destroy(m_context); }
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;

    std::array<uint8_t, 32> XOnlyPubKey(const std::array<uint8_t, 32>& secret) const
    {
        secp256k1_keypair keypair;
        BOOST_REQUIRE(secp256k1_keypair_create(m_context, &keypair, secret.data()));
        secp256k1_xonly_pubkey key;
        BOOST_REQUIRE(secp256k1_keypair_xonly_pub(m_context, &key, nullptr, &keypair));
        std::array<uint8_t, 32> out;
        BOOST_REQUIRE(secp256k1_xonly_pubkey_serialize(m_context, out.data(), &key));
        return out;
    }

    // BIP340 signature with fixed auxiliary randomness, so runs sign alike.
    std::array<uint8_t, 64> Sign(const std::array<uint8_t, 32>& secret, const std::array<uint8_t, 32>& message) const
    {
        secp256k1_keypair keypair;
        BOOST_REQUIRE(secp256k1_keypair_create(m_context, &keypair, secret.data()));
        const std::array<uint8_t, 32> aux{};
        std::array<uint8_t, 64> sig;
        BOOST_REQUIRE(secp256k1_schnorrsig_sign32(m_context, sig.data(), message.data(), &keypair, aux.data()));
        return sig;
    }

private:
    secp256k1_context* m_context;
};

std::array<uint8_t, 32> Digest(const std::string& text) { return crypto::Sha256Once(util::AsBytes(text)); }

// BIP341 wallet test vectors (bips bip-0341/wallet-test-vectors.json, also
// Bitcoin Core src/test/data/bip341_wallet_vectors.json), "scriptPubKey"
// section: given.internalPubkey, intermediary.tweak, intermediary.tweakedPubkey,
// and the output key's parity: the low bit of the first byte of
// expected.scriptPathControlBlocks (-1: the vector has no script tree, so no
// control block states it).
struct TweakVector {
    const char* internal_key;
    const char* tweak;
    const char* tweaked_key;
    int parity;
};
constexpr TweakVector BIP341_TWEAKS[] = {
    {"d6889cb081036e0faefa3a35157ad71086b123b2b144b649798b494c300a961d",
     "b86e7be8f39bab32a6f2c0443abbc210f0edac0e2c53d501b36b64437d9c6c70",
     "53a1f6e454df1aa2776a2814a721372d6258050de330b3c6d10ee8f4e0dda343", -1},
    {"187791b6f712a8ea41c8ecdd0ee77fab3e85263b37e1ec18a3651926b3a6cf27",
     "cbd8679ba636c1110ea247542cfbd964131a6be84f873f7f3b62a777528ed001",
     "147c9c57132f6e7ecddba9800bb0c4449251c92a1e60371ee77557b6620f3ea3", 1},
    {"93478e9488f956df2396be2ce6c5cced75f900dfa18e7dabd2428aae78451820",
     "6af9e28dbf9d6aaf027696e2598a5b3d056f5fd2355a7fd5a37a0e5008132d30",
     "e4d810fd50586274face62b8a807eb9719cef49c04177cc6b76a9a4251d5450e", 0},
    {"ee4fe085983462a184015d1f782d6a5f8b9c2b60130aff050ce221ecf3786592",
     "9e0517edc8259bb3359255400b23ca9507f2a91cd1e4250ba068b4eafceba4a9",
     "712447206d7a5238acc7ff53fbe94a3b64539ad291c7cdbc490b7577e4b17df5", 0},
    {"f9f400803e683727b14f463836e1e78e1c64417638aa066919291a225f0e8dd8",
     "639f0281b7ac49e742cd25b7f188657626da1ad169209078e2761cefd91fd65e",
     "77e30a5522dd9f894c3f8b8bd4c4b2cf82ca7da8a3ea6a239655c39c050ab220", 1},
    {"e0dfe2300b0dd746a3f8674dfd4525623639042569d829c7f0eed9602d263e6f",
     "b57bfa183d28eeb6ad688ddaabb265b4a41fbf68e5fed2c72c74de70d5a786f4",
     "91b64d5324723a985170e4dc5a0f84c041804f2cd12660fa5dec09fc21783605", 0},
    {"55adf4e8967fbd2e29f20ac896e60c3b0f1d5b0efa9d34941b5958c7b0a0312d",
     "6579138e7976dc13b6a92f7bfd5a2fc7684f5ea42419d43368301470f3b74ed9",
     "75169f4001aa68f15bbed28b218df1d0a62cbbcf1188c6665110c293c907b831", 1},
};

// SEC 2 section 2.4.1: the generator's X (its Y is even) and the group order n.
constexpr std::string_view GENERATOR_X = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
constexpr std::string_view ORDER = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
constexpr std::string_view ORDER_MINUS_ONE = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

} // namespace

BOOST_AUTO_TEST_SUITE(schnorr_tests)

BOOST_AUTO_TEST_CASE(bip340_test_vectors)
{
    // test/data/bip340_test_vectors.csv: BIP340's test-vectors.csv. Rows 15-18
    // sign messages that are not 32 bytes long, which BIP340 allows but
    // taproot never does, and VerifySchnorr takes exactly 32.
    std::istringstream csv(test::ReadDataText("bip340_test_vectors.csv"));
    std::string line;
    std::getline(csv, line); // header
    int checked = 0, other_lengths = 0;
    while (std::getline(csv, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::vector<std::string> f = SplitCsvLine(line);
        BOOST_REQUIRE_MESSAGE(f.size() >= 7, line);
        const std::string& index = f[0];
        const util::Bytes message = test::ParseHex(f[4]);
        const bool expected = f[6] == "TRUE";
        BOOST_REQUIRE(expected || f[6] == "FALSE");
        if (message.size() != 32) {
            ++other_lengths;
            continue;
        }
        const auto key = FixedFromHex<32>(f[2]);
        const auto sig = FixedFromHex<64>(f[5]);
        const auto msg = FixedFromHex<32>(f[4]);
        BOOST_CHECK_MESSAGE(crypto::VerifySchnorr(key, sig, msg) == expected, "vector " << index << ": " << f[7]);
        ++checked;
    }
    BOOST_CHECK_EQUAL(checked, 15);
    BOOST_CHECK_EQUAL(other_lengths, 4);
}

BOOST_AUTO_TEST_CASE(signatures_made_here_verify_and_flipped_bits_fail)
{
    const Signer signer;
    for (int k = 0; k < 3; ++k) {
        const auto secret = Digest("utxod schnorr test key " + std::to_string(k));
        const auto key = signer.XOnlyPubKey(secret);
        const auto message = Digest("schnorr message " + std::to_string(k));
        const auto sig = signer.Sign(secret, message);
        BOOST_REQUIRE(crypto::VerifySchnorr(key, sig, message));
        for (size_t bit = 0; bit < 256; ++bit) {
            auto flipped_message = message;
            flipped_message[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
            BOOST_CHECK_MESSAGE(!crypto::VerifySchnorr(key, sig, flipped_message), "message bit " << bit);
            auto flipped_key = key;
            flipped_key[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
            BOOST_CHECK_MESSAGE(!crypto::VerifySchnorr(flipped_key, sig, message), "key bit " << bit);
        }
        for (size_t bit = 0; bit < 512; ++bit) {
            auto flipped_sig = sig;
            flipped_sig[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
            BOOST_CHECK_MESSAGE(!crypto::VerifySchnorr(key, flipped_sig, message), "signature bit " << bit);
        }
    }
}

BOOST_AUTO_TEST_CASE(unparsable_keys)
{
    const std::array<uint8_t, 64> sig{};
    const std::array<uint8_t, 32> message{};
    BOOST_CHECK(!crypto::VerifySchnorr(std::array<uint8_t, 32>{}, sig, message));
    BOOST_CHECK(!crypto::VerifySchnorr(FixedFromHex<32>(std::string(64, 'f')), sig, message));
}

BOOST_AUTO_TEST_CASE(bip341_wallet_vector_tweaks)
{
    for (const TweakVector& v : BIP341_TWEAKS) {
        const auto internal = FixedFromHex<32>(v.internal_key);
        const auto tweak = FixedFromHex<32>(v.tweak);
        const auto output = FixedFromHex<32>(v.tweaked_key);
        const auto tweaked = crypto::TweakXOnlyPubKey(internal, tweak);
        BOOST_REQUIRE(tweaked);
        BOOST_CHECK_EQUAL(util::HexStr(tweaked->key), v.tweaked_key);
        if (v.parity >= 0) BOOST_CHECK_EQUAL(tweaked->parity, v.parity == 1);
        BOOST_CHECK(crypto::CheckTapTweak(internal, tweak, output, tweaked->parity));
        BOOST_CHECK(!crypto::CheckTapTweak(internal, tweak, output, !tweaked->parity)); // parity mismatch
        auto other_output = output;
        other_output[31] ^= 1;
        BOOST_CHECK(!crypto::CheckTapTweak(internal, tweak, other_output, tweaked->parity));
        auto other_tweak = tweak;
        other_tweak[0] ^= 0x01;
        BOOST_CHECK(!crypto::CheckTapTweak(internal, other_tweak, output, tweaked->parity));
        // The output key as an internal key with the same tweak gives another point.
        BOOST_CHECK(!crypto::CheckTapTweak(output, tweak, output, tweaked->parity));
    }
}

BOOST_AUTO_TEST_CASE(tweak_edge_cases)
{
    const auto g = FixedFromHex<32>(GENERATOR_X);
    const std::array<uint8_t, 32> zero{};
    // A zero tweak leaves the (even) point as it is.
    const auto same = crypto::TweakXOnlyPubKey(g, zero);
    BOOST_REQUIRE(same);
    BOOST_CHECK(same->key == g);
    BOOST_CHECK(!same->parity);
    BOOST_CHECK(crypto::CheckTapTweak(g, zero, g, false));
    BOOST_CHECK(!crypto::CheckTapTweak(g, zero, g, true));
    // A tweak of 1: 2G.
    auto one = zero;
    one[31] = 1;
    const auto doubled = crypto::TweakXOnlyPubKey(g, one);
    BOOST_REQUIRE(doubled);
    BOOST_CHECK(crypto::CheckTapTweak(g, one, doubled->key, doubled->parity));
    // Tweak n - 1: G + (n-1)G is the point at infinity.
    const auto minus_one = FixedFromHex<32>(ORDER_MINUS_ONE);
    BOOST_CHECK(!crypto::TweakXOnlyPubKey(g, minus_one));
    BOOST_CHECK(!crypto::CheckTapTweak(g, minus_one, zero, false));
    BOOST_CHECK(!crypto::CheckTapTweak(g, minus_one, zero, true));
    // A tweak not below the order.
    for (const std::string_view bad : {ORDER, std::string_view("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")}) {
        const auto tweak = FixedFromHex<32>(bad);
        BOOST_CHECK(!crypto::TweakXOnlyPubKey(g, tweak));
        BOOST_CHECK(!crypto::CheckTapTweak(g, tweak, g, false));
        BOOST_CHECK(!crypto::CheckTapTweak(g, tweak, g, true));
    }
    // An internal key that is not on the curve.
    const auto not_a_key = FixedFromHex<32>(std::string(64, 'f'));
    BOOST_CHECK(!crypto::TweakXOnlyPubKey(not_a_key, one));
    BOOST_CHECK(!crypto::CheckTapTweak(not_a_key, one, doubled->key, doubled->parity));
    BOOST_CHECK(!crypto::TweakXOnlyPubKey(zero, one));
}

BOOST_AUTO_TEST_CASE(tweaked_keys_check_out)
{
    // TweakXOnlyPubKey and CheckTapTweak agree with each other, for both parities.
    int odd = 0;
    for (int i = 0; i < 32; ++i) {
        const auto internal_seed = Digest("internal " + std::to_string(i));
        const auto tweak = Digest("tweak " + std::to_string(i));
        // Not every hash is an X coordinate; about half are.
        const auto tweaked = crypto::TweakXOnlyPubKey(internal_seed, tweak);
        if (!tweaked) continue;
        odd += tweaked->parity;
        BOOST_CHECK(crypto::CheckTapTweak(internal_seed, tweak, tweaked->key, tweaked->parity));
        BOOST_CHECK(!crypto::CheckTapTweak(internal_seed, tweak, tweaked->key, !tweaked->parity));
    }
    BOOST_CHECK(odd > 0);
}

BOOST_AUTO_TEST_SUITE_END()
