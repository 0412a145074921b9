#include <script/signature_encoding.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

using namespace script;
using test::Hex;

namespace {

// A real mainnet scriptSig signature (transaction 0627052b...c2f2, input 0),
// hash type SIGHASH_ALL.
constexpr std::string_view REAL_SIG =
    "3045022100884d142d86652a3f47ba4746ec719bbfbd040a570b1deccbb6498c75c4ae24cb02204b9f039ff08df0"
    "9cbe9f6addac960298cad530a863ea8f53982c09db8f6e381301";

// 0x30 len 0x02 r_len 00 80.. 0x02 s_len 00 80.. 0x01: integers with a
// needed leading zero, of the given lengths.
util::Bytes LongSig(size_t r_len, size_t s_len)
{
    util::Bytes sig{0x30, static_cast<uint8_t>(r_len + s_len + 4), 0x02, static_cast<uint8_t>(r_len), 0x00};
    sig.resize(sig.size() + r_len - 1, 0x80);
    sig.push_back(0x02);
    sig.push_back(static_cast<uint8_t>(s_len));
    sig.push_back(0x00);
    sig.resize(sig.size() + s_len - 1, 0x80);
    sig.push_back(0x01);
    return sig;
}

} // namespace

BOOST_AUTO_TEST_SUITE(signature_encoding_tests)

BOOST_AUTO_TEST_CASE(constants)
{
    BOOST_CHECK_EQUAL(SIGHASH_DEFAULT, 0);
    BOOST_CHECK_EQUAL(SIGHASH_ALL, 1);
    BOOST_CHECK_EQUAL(SIGHASH_NONE, 2);
    BOOST_CHECK_EQUAL(SIGHASH_SINGLE, 3);
    BOOST_CHECK_EQUAL(SIGHASH_ANYONECANPAY, 0x80);
}

BOOST_AUTO_TEST_CASE(strict_der_accepts)
{
    BOOST_CHECK(IsValidSignatureEncoding(Hex(REAL_SIG)));
    // Shortest possible: one-byte R and S.
    BOOST_CHECK(IsValidSignatureEncoding(Hex("300602010102010101")));
    // A leading zero is allowed when the next byte has its top bit set.
    BOOST_CHECK(IsValidSignatureEncoding(Hex("30070202008002010101")));
    BOOST_CHECK(IsValidSignatureEncoding(Hex("30070201010202008001")));
    // Longest: 33-byte R and S, 73 bytes with the hash type.
    BOOST_CHECK(IsValidSignatureEncoding(LongSig(33, 33)));
    BOOST_CHECK_EQUAL(LongSig(33, 33).size(), 73u);
    // The hash type byte is not examined.
    BOOST_CHECK(IsValidSignatureEncoding(Hex("300602010102010100")));
    BOOST_CHECK(IsValidSignatureEncoding(Hex("3006020101020101ff")));
}

BOOST_AUTO_TEST_CASE(strict_der_rejects)
{
    BOOST_CHECK(!IsValidSignatureEncoding({}));
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("3006020101020101")));     // 8 bytes: too short
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("310602010102010101")));   // not 0x30
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300702010102010101")));   // total length too long
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300502010102010101")));   // total length too short
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300603010102010101")));   // R not tagged as integer
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300602010103010101")));   // S not tagged as integer
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300602000202010101")));   // zero-length R
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300602020101020001")));   // zero-length S
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300602018002010101")));   // negative R
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300602010102018001")));   // negative S
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("30070202000102010101"))); // needless zero in R
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("30070201010202000101"))); // needless zero in S
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("300602050102010101")));   // R runs past the end
    BOOST_CHECK(!IsValidSignatureEncoding(Hex("30070201010201010101"))); // R and S leave a byte over
    // 74 bytes is too long even though the framing is consistent.
    BOOST_CHECK_EQUAL(LongSig(34, 33).size(), 74u);
    BOOST_CHECK(!IsValidSignatureEncoding(LongSig(34, 33)));
    // A real signature with an extra byte.
    util::Bytes extra = Hex(REAL_SIG);
    extra.push_back(0x01);
    BOOST_CHECK(!IsValidSignatureEncoding(extra));
}

BOOST_AUTO_TEST_CASE(defined_hashtypes)
{
    for (const uint8_t type : {0x01, 0x02, 0x03, 0x81, 0x82, 0x83}) {
        BOOST_CHECK(IsDefinedHashtypeSignature(util::Bytes{0x30, type}));
    }
    for (const uint8_t type : {0x00, 0x04, 0x80, 0x84, 0x41, 0x21, 0xff}) {
        BOOST_CHECK(!IsDefinedHashtypeSignature(util::Bytes{0x30, type}));
    }
    BOOST_CHECK(!IsDefinedHashtypeSignature({}));
}

BOOST_AUTO_TEST_SUITE_END()
