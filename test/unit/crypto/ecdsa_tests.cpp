// VerifyEcdsa and IsLowSSignature on signatures made here with libsecp256k1's
// signing (utxod itself never signs, so the signing context lives in the test).
#include <crypto/ecdsa.h>
#include <crypto/hash.h>
#include <test_data.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <secp256k1.h>

#include <array>
#include <random>
#include <string>

namespace {

using Scalar = std::array<uint8_t, 32>;
using Message = std::array<uint8_t, 32>;

Scalar ScalarFromHex(std::string_view hex)
{
    const util::Bytes bytes = test::ParseHex(hex);
    BOOST_REQUIRE_EQUAL(bytes.size(), 32U);
    Scalar out;
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

// SEC 2 section 2.4.1: the order n of the secp256k1 group, and n / 2 rounded down
// (the largest S that BIP146 calls low).
const Scalar ORDER = ScalarFromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
const Scalar HALF_ORDER = ScalarFromHex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

// a - b for a >= b, 256-bit big-endian.
Scalar Subtract(const Scalar& a, const Scalar& b)
{
    Scalar out;
    int borrow = 0;
    for (size_t i = out.size(); i-- > 0;) {
        const int diff = int{a[i]} - int{b[i]} - borrow;
        borrow = diff < 0 ? 1 : 0;
        out[i] = static_cast<uint8_t>(diff + 256 * borrow);
    }
    BOOST_REQUIRE_EQUAL(borrow, 0);
    return out;
}

Scalar AddOne(Scalar value)
{
    for (size_t i = value.size(); i-- > 0;) {
        if (++value[i] != 0) break;
    }
    return value;
}

// One DER INTEGER for a nonnegative big-endian number, minimally encoded (BIP66).
void AppendDerInteger(util::Bytes& out, const Scalar& value)
{
    size_t start = 0;
    while (start + 1 < value.size() && value[start] == 0) ++start;
    const bool pad = (value[start] & 0x80) != 0;
    out.push_back(0x02);
    out.push_back(static_cast<uint8_t>(value.size() - start + (pad ? 1 : 0)));
    if (pad) out.push_back(0x00);
    out.insert(out.end(), value.begin() + start, value.end());
}

util::Bytes EncodeDer(const Scalar& r, const Scalar& s)
{
    util::Bytes body;
    AppendDerInteger(body, r);
    AppendDerInteger(body, s);
    util::Bytes out{0x30, static_cast<uint8_t>(body.size())};
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

Message MessageFor(const std::string& text) { return crypto::Sha256Once(util::AsBytes(text)); }

enum class KeyEncoding { COMPRESSED, UNCOMPRESSED, HYBRID };

// libsecp256k1 signing for the test alone: RFC6979 nonces, so every run signs alike.
class Signer {
public:
    Signer() : m_context(secp256k1_context_create(SECP256K1_CONTEXT_NONE)) { BOOST_REQUIRE(m_context); }
    ~Signer() { secp256k1_context_destroy(m_context); }
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;

    util::Bytes PubKey(const Scalar& secret, KeyEncoding encoding) const
    {
        secp256k1_pubkey key;
        BOOST_REQUIRE(secp256k1_ec_pubkey_create(m_context, &key, secret.data()));
        util::Bytes out(encoding == KeyEncoding::COMPRESSED ? 33 : 65);
        size_t size = out.size();
        const unsigned flags = encoding == KeyEncoding::COMPRESSED ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED;
        BOOST_REQUIRE(secp256k1_ec_pubkey_serialize(m_context, out.data(), &size, &key, flags));
        BOOST_REQUIRE_EQUAL(size, out.size());
        // Hybrid (X9.62): prefix 0x06 | parity of Y, then X and Y as uncompressed.
        if (encoding == KeyEncoding::HYBRID) out[0] = static_cast<uint8_t>(0x06 | (out[64] & 1));
        return out;
    }

    // R and S (low S, as libsecp256k1 always signs).
    std::pair<Scalar, Scalar> Sign(const Scalar& secret, const Message& message) const
    {
        secp256k1_ecdsa_signature signature;
        BOOST_REQUIRE(secp256k1_ecdsa_sign(m_context, &signature, message.data(), secret.data(), nullptr, nullptr));
        std::array<uint8_t, 64> compact;
        BOOST_REQUIRE(secp256k1_ecdsa_signature_serialize_compact(m_context, compact.data(), &signature));
        Scalar r, s;
        std::copy(compact.begin(), compact.begin() + 32, r.begin());
        std::copy(compact.begin() + 32, compact.end(), s.begin());
        return {r, s};
    }

    util::Bytes SignDer(const Scalar& secret, const Message& message) const
    {
        secp256k1_ecdsa_signature signature;
        BOOST_REQUIRE(secp256k1_ecdsa_sign(m_context, &signature, message.data(), secret.data(), nullptr, nullptr));
        util::Bytes out(72);
        size_t size = out.size();
        BOOST_REQUIRE(secp256k1_ecdsa_signature_serialize_der(m_context, out.data(), &size, &signature));
        out.resize(size);
        return out;
    }

private:
    secp256k1_context* m_context;
};

// Fixed secret keys: hashes of fixed text, all below the order.
Scalar SecretKey(int index) { return crypto::Sha256Once(util::AsBytes("utxod ecdsa test key " + std::to_string(index))); }

constexpr KeyEncoding ALL_ENCODINGS[] = {KeyEncoding::COMPRESSED, KeyEncoding::UNCOMPRESSED, KeyEncoding::HYBRID};

} // namespace

BOOST_AUTO_TEST_SUITE(ecdsa_tests)

BOOST_AUTO_TEST_CASE(signatures_verify_under_every_key_encoding)
{
    const Signer signer;
    for (int k = 0; k < 3; ++k) {
        for (int m = 0; m < 3; ++m) {
            const Message message = MessageFor("message " + std::to_string(m));
            const auto [r, s] = signer.Sign(SecretKey(k), message);
            const util::Bytes der = signer.SignDer(SecretKey(k), message);
            BOOST_CHECK(EncodeDer(r, s) == der); // the test's encoder agrees with libsecp256k1's
            BOOST_CHECK(crypto::IsLowSSignature(der));
            for (const KeyEncoding encoding : ALL_ENCODINGS) {
                BOOST_CHECK(crypto::VerifyEcdsa(signer.PubKey(SecretKey(k), encoding), der, message));
                // Another key or another message does not verify.
                BOOST_CHECK(!crypto::VerifyEcdsa(signer.PubKey(SecretKey(k + 1), encoding), der, message));
                BOOST_CHECK(!crypto::VerifyEcdsa(signer.PubKey(SecretKey(k), encoding), der,
                                                 MessageFor("message " + std::to_string(m + 1))));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(flipped_message_bits_fail)
{
    const Signer signer;
    const Message message = MessageFor("flip the message");
    const util::Bytes der = signer.SignDer(SecretKey(1), message);
    const util::Bytes key = signer.PubKey(SecretKey(1), KeyEncoding::COMPRESSED);
    BOOST_REQUIRE(crypto::VerifyEcdsa(key, der, message));
    for (size_t bit = 0; bit < message.size() * 8; ++bit) {
        Message flipped = message;
        flipped[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
        BOOST_CHECK_MESSAGE(!crypto::VerifyEcdsa(key, der, flipped), "message bit " << bit);
    }
}

BOOST_AUTO_TEST_CASE(flipped_signature_bits_fail)
{
    const Signer signer;
    const util::Bytes key = signer.PubKey(SecretKey(2), KeyEncoding::COMPRESSED);
    // Two signatures: R without and R with the 0x00 pad (the high bit of R set).
    for (int attempt = 0, found_padded = 0, found_plain = 0; found_padded == 0 || found_plain == 0; ++attempt) {
        BOOST_REQUIRE(attempt < 64);
        const Message m = MessageFor("flip the signature " + std::to_string(attempt));
        const util::Bytes der = signer.SignDer(SecretKey(2), m);
        const bool padded = der[4] == 0x00;
        if ((padded && found_padded) || (!padded && found_plain)) continue;
        (padded ? found_padded : found_plain) = 1;
        BOOST_REQUIRE(crypto::VerifyEcdsa(key, der, m));
        for (size_t bit = 0; bit < der.size() * 8; ++bit) {
            util::Bytes flipped = der;
            flipped[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
            // The lax parse never reads a short-form sequence length, so only
            // the long-form bit of byte 1 matters there.
            const bool sequence_length_ignored = bit / 8 == 1 && bit % 8 != 7;
            BOOST_CHECK_MESSAGE(crypto::VerifyEcdsa(key, flipped, m) == sequence_length_ignored,
                                "signature bit " << bit << " of " << util::HexStr(der));
        }
    }
}

BOOST_AUTO_TEST_CASE(flipped_key_bits_fail)
{
    const Signer signer;
    const Message message = MessageFor("flip the key");
    const util::Bytes der = signer.SignDer(SecretKey(3), message);
    for (const KeyEncoding encoding : ALL_ENCODINGS) {
        const util::Bytes key = signer.PubKey(SecretKey(3), encoding);
        BOOST_REQUIRE(crypto::VerifyEcdsa(key, der, message));
        for (size_t bit = 0; bit < key.size() * 8; ++bit) {
            util::Bytes flipped = key;
            flipped[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
            // Prefix flips among 0x04/0x06/0x07 can name the same point (checked below).
            if (bit / 8 == 0 && encoding != KeyEncoding::COMPRESSED) continue;
            BOOST_CHECK_MESSAGE(!crypto::VerifyEcdsa(flipped, der, message), "key bit " << bit);
        }
    }
}

BOOST_AUTO_TEST_CASE(key_prefixes_and_sizes)
{
    const Signer signer;
    const Message message = MessageFor("key prefixes");
    const util::Bytes der = signer.SignDer(SecretKey(4), message);
    const util::Bytes full = signer.PubKey(SecretKey(4), KeyEncoding::UNCOMPRESSED);
    const util::Bytes compressed = signer.PubKey(SecretKey(4), KeyEncoding::COMPRESSED);
    const uint8_t y_odd = full[64] & 1;
    for (int prefix = 0; prefix < 256; ++prefix) {
        util::Bytes key = full;
        key[0] = static_cast<uint8_t>(prefix);
        const bool valid = prefix == 0x04 || prefix == (0x06 | y_odd);
        BOOST_CHECK_MESSAGE(crypto::VerifyEcdsa(key, der, message) == valid, "65-byte prefix " << prefix);
        key = compressed;
        key[0] = static_cast<uint8_t>(prefix);
        BOOST_CHECK_MESSAGE(crypto::VerifyEcdsa(key, der, message) == (prefix == compressed[0]),
                            "33-byte prefix " << prefix);
    }
    // Right prefix, wrong size.
    BOOST_CHECK(!crypto::VerifyEcdsa(util::ByteSpan(full).first(33), der, message));
    util::Bytes long_compressed = compressed;
    long_compressed.resize(65);
    BOOST_CHECK(!crypto::VerifyEcdsa(long_compressed, der, message));
    util::Bytes extra_byte = full;
    extra_byte.push_back(0);
    BOOST_CHECK(!crypto::VerifyEcdsa(extra_byte, der, message));
    BOOST_CHECK(!crypto::VerifyEcdsa(util::ByteSpan(full).first(64), der, message));
    BOOST_CHECK(!crypto::VerifyEcdsa({}, der, message));
}

BOOST_AUTO_TEST_CASE(high_s_verifies_but_is_not_low_s)
{
    const Signer signer;
    for (int k = 0; k < 4; ++k) {
        const Message message = MessageFor("high s " + std::to_string(k));
        const auto [r, s] = signer.Sign(SecretKey(k), message);
        const util::Bytes low = EncodeDer(r, s);
        const util::Bytes high = EncodeDer(r, Subtract(ORDER, s));
        BOOST_CHECK(crypto::IsLowSSignature(low));
        BOOST_CHECK(!crypto::IsLowSSignature(high));
        for (const KeyEncoding encoding : ALL_ENCODINGS) {
            const util::Bytes key = signer.PubKey(SecretKey(k), encoding);
            BOOST_CHECK(crypto::VerifyEcdsa(key, low, message));
            BOOST_CHECK(crypto::VerifyEcdsa(key, high, message)); // normalised before verifying
        }
    }
}

BOOST_AUTO_TEST_CASE(low_s_boundary)
{
    const Scalar r = ScalarFromHex("00000000000000000000000000000000000000000000000000000000000000ab");
    const Scalar one = ScalarFromHex("0000000000000000000000000000000000000000000000000000000000000001");
    BOOST_CHECK(crypto::IsLowSSignature(EncodeDer(r, one)));
    BOOST_CHECK(crypto::IsLowSSignature(EncodeDer(r, HALF_ORDER)));
    BOOST_CHECK(!crypto::IsLowSSignature(EncodeDer(r, AddOne(HALF_ORDER))));
    BOOST_CHECK(!crypto::IsLowSSignature(EncodeDer(r, Subtract(ORDER, one))));
}

BOOST_AUTO_TEST_CASE(overflowing_values_count_as_zero)
{
    // Core turns an R or S at or above the order, or longer than 32 bytes,
    // into the all-zero signature: it parses (so it is low S) and verifies nothing.
    const Signer signer;
    const Message message = MessageFor("overflow");
    const auto [r, s] = signer.Sign(SecretKey(5), message);
    const util::Bytes key = signer.PubKey(SecretKey(5), KeyEncoding::COMPRESSED);
    const Scalar high_s = Subtract(ORDER, s);
    for (const Scalar& bad : {ORDER, AddOne(ORDER), ScalarFromHex(std::string(64, 'f'))}) {
        BOOST_CHECK(!crypto::VerifyEcdsa(key, EncodeDer(bad, s), message));
        BOOST_CHECK(!crypto::VerifyEcdsa(key, EncodeDer(r, bad), message));
        BOOST_CHECK(crypto::IsLowSSignature(EncodeDer(bad, high_s))); // the high S is zeroed too
        BOOST_CHECK(crypto::IsLowSSignature(EncodeDer(r, bad)));
    }
    // R of 33 significant bytes: 0x02 0x21 0x01 R.
    util::Bytes long_r{0x30, 0x45, 0x02, 0x21, 0x01};
    long_r.insert(long_r.end(), r.begin(), r.end());
    AppendDerInteger(long_r, high_s);
    BOOST_CHECK(!crypto::VerifyEcdsa(key, long_r, message));
    BOOST_CHECK(crypto::IsLowSSignature(long_r));
    // Zero R or S is in range but never valid.
    const Scalar zero{};
    BOOST_CHECK(!crypto::VerifyEcdsa(key, EncodeDer(zero, s), message));
    BOOST_CHECK(!crypto::VerifyEcdsa(key, EncodeDer(r, zero), message));
    BOOST_CHECK(crypto::IsLowSSignature(EncodeDer(zero, zero)));
}

BOOST_AUTO_TEST_CASE(lax_encodings_verify)
{
    const Signer signer;
    const Message message = MessageFor("lax");
    const auto [r, s] = signer.Sign(SecretKey(6), message);
    const util::Bytes key = signer.PubKey(SecretKey(6), KeyEncoding::UNCOMPRESSED);
    const auto integer = [](const Scalar& v, util::Bytes length_bytes, size_t zero_pad) {
        util::Bytes out{0x02};
        out.insert(out.end(), length_bytes.begin(), length_bytes.end());
        out.insert(out.end(), zero_pad, 0x00);
        out.insert(out.end(), v.begin(), v.end());
        return out;
    };
    const auto sequence = [](util::Bytes header, const util::Bytes& a, const util::Bytes& b, util::Bytes tail) {
        header.insert(header.end(), a.begin(), a.end());
        header.insert(header.end(), b.begin(), b.end());
        header.insert(header.end(), tail.begin(), tail.end());
        return header;
    };
    const util::Bytes plain_r = integer(r, {0x20}, 0), plain_s = integer(s, {0x20}, 0);
    const std::vector<util::Bytes> lax = {
        sequence({0x30, 0x44}, plain_r, plain_s, {}),                                  // R, S without the sign pad
        sequence({0x30, 0x44}, plain_r, plain_s, {0x01}),                              // a sighash byte after it
        sequence({0x30, 0x00}, plain_r, plain_s, {}),                                  // wrong sequence length
        sequence({0x30, 0x82, 0x00, 0x44}, plain_r, plain_s, {}),                      // long-form sequence length
        sequence({0x30, 0x7f}, integer(r, {0x25}, 5), integer(s, {0x22}, 2), {}),      // zero padding
        sequence({0x30, 0x44}, integer(r, {0x81, 0x20}, 0), integer(s, {0x83, 0x00, 0x00, 0x21}, 1), {}),
        sequence({0x30, 0x44}, plain_r, plain_s, {0xde, 0xad, 0xbe, 0xef}),            // trailing garbage
    };
    for (const util::Bytes& sig : lax) {
        BOOST_CHECK_MESSAGE(crypto::VerifyEcdsa(key, sig, message), util::HexStr(sig));
        BOOST_CHECK(crypto::IsLowSSignature(sig));
    }
}

BOOST_AUTO_TEST_CASE(unparsable_signatures)
{
    const Signer signer;
    const Message message = MessageFor("unparsable");
    const util::Bytes key = signer.PubKey(SecretKey(7), KeyEncoding::COMPRESSED);
    const util::Bytes der = signer.SignDer(SecretKey(7), message);
    for (const util::Bytes& sig : {util::Bytes{}, util::Bytes{0x30}, util::Bytes{0x30, 0x00}, util::Bytes{0x02, 0x00},
                                   util::Bytes(der.begin(), der.end() - 1), util::Bytes(der.begin() + 1, der.end())}) {
        BOOST_CHECK(!crypto::VerifyEcdsa(key, sig, message));
        BOOST_CHECK(!crypto::IsLowSSignature(sig));
    }
}

BOOST_AUTO_TEST_CASE(arbitrary_input_is_safe)
{
    // Random keys and signatures of every small size, plus mutations of real
    // ones: each call must return (never abort through libsecp256k1's
    // illegal-argument callback, never read out of bounds).
    const Signer signer;
    const Message message = MessageFor("arbitrary");
    const util::Bytes der = signer.SignDer(SecretKey(8), message);
    const util::Bytes key = signer.PubKey(SecretKey(8), KeyEncoding::COMPRESSED);
    std::mt19937 rng(20250101);
    std::uniform_int_distribution<int> byte(0, 255);
    int verified = 0;
    for (int i = 0; i < 3000; ++i) {
        util::Bytes random_key(static_cast<size_t>(i % 70));
        for (auto& b : random_key) b = static_cast<uint8_t>(byte(rng));
        util::Bytes random_sig(static_cast<size_t>(i % 80));
        for (auto& b : random_sig) b = static_cast<uint8_t>(byte(rng));
        util::Bytes mutated = der;
        mutated[static_cast<size_t>(byte(rng)) % mutated.size()] = static_cast<uint8_t>(byte(rng));
        verified += crypto::VerifyEcdsa(random_key, random_sig, message);
        verified += crypto::VerifyEcdsa(key, random_sig, message);
        verified += crypto::VerifyEcdsa(random_key, der, message);
        (void)crypto::VerifyEcdsa(key, mutated, message);
        (void)crypto::IsLowSSignature(random_sig);
        (void)crypto::IsLowSSignature(mutated);
    }
    BOOST_CHECK_EQUAL(verified, 0);
}

BOOST_AUTO_TEST_SUITE_END()
