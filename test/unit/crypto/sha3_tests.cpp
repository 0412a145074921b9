// SHA3-256 against NIST's published examples, and across the rate boundary.
#include <crypto/sha3.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

std::string Sha3Hex(const util::Bytes& data)
{
    crypto::Sha3_256 hasher;
    hasher.Write(data);
    return util::HexStr(hasher.Finalize());
}

util::Bytes Repeat(uint8_t byte, size_t count) { return util::Bytes(count, byte); }

} // namespace

BOOST_AUTO_TEST_SUITE(sha3_tests)

BOOST_AUTO_TEST_CASE(nist_examples)
{
    // NIST Cryptographic Standards and Guidelines, "Examples with
    // Intermediate Values", SHA3-256: the empty message, "abc", and 1600 bits
    // of 0xa3.
    BOOST_CHECK_EQUAL(Sha3Hex({}), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    BOOST_CHECK_EQUAL(Sha3Hex({'a', 'b', 'c'}), "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
    BOOST_CHECK_EQUAL(Sha3Hex(Repeat(0xa3, 200)), "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787");
}

BOOST_AUTO_TEST_CASE(rate_boundary)
{
    // One byte short of a block (padding bytes share the last byte), a full
    // block (padding takes a block of its own) and one over; the digests are
    // those of Python's hashlib.sha3_256, an independent implementation.
    BOOST_CHECK_EQUAL(Sha3Hex(Repeat('a', 135)), "8094bb53c44cfb1e67b7c30447f9a1c33696d2463ecc1d9c92538913392843c9");
    BOOST_CHECK_EQUAL(Sha3Hex(Repeat('a', 136)), "3fc5559f14db8e453a0a3091edbd2bc25e11528d81c66fa570a4efdcc2695ee1");
    BOOST_CHECK_EQUAL(Sha3Hex(Repeat('a', 137)), "f8d6846cedd2ccfadf15c5879ef95af724d799eed7391fb1c91f95344e738614");
}

BOOST_AUTO_TEST_CASE(incremental_equals_one_shot)
{
    util::Bytes data(256);
    for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i);
    for (size_t split : {size_t{0}, size_t{1}, size_t{135}, size_t{136}, size_t{200}, size_t{256}}) {
        crypto::Sha3_256 hasher;
        hasher.Write(util::ByteSpan(data).first(split)).Write(util::ByteSpan(data).subspan(split));
        BOOST_CHECK_EQUAL(util::HexStr(hasher.Finalize()),
                          "9b04c091da96b997afb8f2585d608aebe9c4a904f7d52c8f28c7e4d2dd9fba5f");
    }
    crypto::Sha3_256 reused;
    reused.Write(data).Finalize();
    reused.Reset().Write({});
    BOOST_CHECK_EQUAL(util::HexStr(reused.Finalize()), Sha3Hex({}));
}

BOOST_AUTO_TEST_SUITE_END()
