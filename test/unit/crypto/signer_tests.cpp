// crypto::Signer: keys and signatures that our verifiers accept, the BIP341
// tweak agreeing with TweakXOnlyPubKey, determinism, and invalid secrets.
#include <crypto/ecdsa.h>
#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <crypto/signer.h>
#include <test_data.h>

#include <boost/test/unit_test.hpp>

#include <array>

namespace {

std::array<uint8_t, 32> Scalar(uint8_t last)
{
    std::array<uint8_t, 32> s{};
    s[31] = last;
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(signer_tests)

BOOST_AUTO_TEST_CASE(keys_of_known_secrets)
{
    const crypto::Signer signer;
    // 1*G is the generator itself.
    const auto pubkey = signer.CompressedPubKey(Scalar(1));
    BOOST_REQUIRE(pubkey);
    BOOST_CHECK(util::Bytes(pubkey->begin(), pubkey->end()) ==
                test::ParseHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"));
    const auto xonly = signer.XOnlyPubKey(Scalar(1));
    BOOST_REQUIRE(xonly);
    BOOST_CHECK(std::equal(xonly->begin(), xonly->end(), pubkey->begin() + 1));
    // Zero and the curve order are not secrets.
    BOOST_CHECK(!signer.CompressedPubKey(Scalar(0)));
    BOOST_CHECK(!signer.XOnlyPubKey(Scalar(0)));
    BOOST_CHECK(!signer.SignEcdsa(Scalar(0), Scalar(7)));
    BOOST_CHECK(!signer.SignSchnorr(Scalar(0), Scalar(7)));
    const auto order = test::ParseHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    std::array<uint8_t, 32> n;
    std::copy(order.begin(), order.end(), n.begin());
    BOOST_CHECK(!signer.CompressedPubKey(n));
}

BOOST_AUTO_TEST_CASE(ecdsa_signatures_verify_and_repeat)
{
    const crypto::Signer signer;
    const auto secret = crypto::Sha256Once(test::ParseHex("01"));
    const auto message = crypto::Sha256Once(test::ParseHex("02"));
    const auto pubkey = signer.CompressedPubKey(secret);
    const auto sig = signer.SignEcdsa(secret, message);
    BOOST_REQUIRE(pubkey && sig);
    BOOST_CHECK(crypto::VerifyEcdsa(*pubkey, *sig, message));
    BOOST_CHECK(crypto::IsLowSSignature(*sig));
    BOOST_CHECK(*signer.SignEcdsa(secret, message) == *sig); // RFC6979: no randomness
    const auto other = crypto::Sha256Once(test::ParseHex("03"));
    BOOST_CHECK(!crypto::VerifyEcdsa(*pubkey, *sig, other));
}

BOOST_AUTO_TEST_CASE(schnorr_signatures_plain_and_tweaked)
{
    const crypto::Signer signer;
    // BIP340 test vector 0: secret 3, message and auxiliary randomness zero
    // (no auxiliary data counts as 32 zero bytes).
    const std::array<uint8_t, 32> zero{};
    const auto vector0 = signer.SignSchnorr(Scalar(3), zero);
    BOOST_REQUIRE(vector0);
    BOOST_CHECK(util::Bytes(vector0->begin(), vector0->end()) ==
                test::ParseHex("e907831f80848d1069a5371b402410364bdf1c5f8307b0084c55f1ce2dca8215"
                               "25f66a4a85ea8b71e482a74f382d2ce5ebeee8fdb2172f477df4900d310536c0"));

    const auto secret = crypto::Sha256Once(test::ParseHex("04"));
    const auto message = crypto::Sha256Once(test::ParseHex("05"));
    const auto internal = signer.XOnlyPubKey(secret);
    BOOST_REQUIRE(internal);
    const auto plain = signer.SignSchnorr(secret, message);
    BOOST_REQUIRE(plain);
    BOOST_CHECK(crypto::VerifySchnorr(*internal, *plain, message));
    // Key path: the signature is by the output key TweakXOnlyPubKey gives.
    const auto tweak = crypto::TaggedHash("TapTweak", *internal);
    const auto output = crypto::TweakXOnlyPubKey(*internal, tweak);
    BOOST_REQUIRE(output);
    const auto tweaked = signer.SignSchnorr(secret, message, &tweak);
    BOOST_REQUIRE(tweaked);
    BOOST_CHECK(crypto::VerifySchnorr(output->key, *tweaked, message));
    BOOST_CHECK(!crypto::VerifySchnorr(*internal, *tweaked, message));
    BOOST_CHECK(*signer.SignSchnorr(secret, message, &tweak) == *tweaked);
}

BOOST_AUTO_TEST_SUITE_END()
