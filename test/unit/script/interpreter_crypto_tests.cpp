// Hashing opcodes on the standard known-answer inputs, and OP_CHECKSIG /
// OP_CHECKSIGVERIFY with real ECDSA signatures made here over the legacy and
// BIP143 signature hashes: success, wrong key, NULLFAIL, LOW_S, DERSIG,
// STRICTENC hash types and key encodings, FindAndDelete of the signature in
// legacy scriptCode, OP_CODESEPARATOR moving the scriptCode, and
// CONST_SCRIPTCODE.
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using namespace test;

namespace {

// Standard digests of "" and "abc": FIPS 180 (SHA-1, SHA-256), the RIPEMD-160
// reference vectors, and their compositions HASH160 = RIPEMD160(SHA256(x)) and
// HASH256 = SHA256(SHA256(x)) (checked against an independent implementation).
struct HashVector {
    const char* opcode;
    const char* of_empty;
    const char* of_abc;
};
constexpr HashVector HASH_VECTORS[] = {
    {"RIPEMD160", "9c1185a5c5e9fc54612808977ee8f548b2258d31", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
    {"SHA1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "a9993e364706816aba3e25717850c26c9cd0d89d"},
    {"SHA256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"HASH160", "b472a266d0bd89c13706a4132ccfb16f7c3b9fcb", "bb1be98c142444d7a56aa3981c3942a978e4dc33"},
    {"HASH256", "5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456",
     "4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358"},
};

// No flags at all: the bare legacy rules.
constexpr uint32_t NONE = script::SCRIPT_VERIFY_NONE;
constexpr uint32_t NULLFAIL = script::SCRIPT_VERIFY_NULLFAIL;

// The same signature with R given one needless leading zero byte: still
// parseable by the lax DER parser (consensus before BIP66), not strict DER.
util::Bytes PadR(util::ByteSpan sig_with_hashtype)
{
    util::Bytes s(sig_with_hashtype.begin(), sig_with_hashtype.end());
    BOOST_REQUIRE(s.size() > 8 && s[0] == 0x30 && s[2] == 0x02);
    s.insert(s.begin() + 4, 0x00);
    s[3] += 1; // R length
    s[1] += 1; // sequence length
    return s;
}

struct P2pk {
    TestKey key = MakeKey(1);
    util::Bytes script_pubkey = ScriptBuilder().Push(key.pub).Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(script_pubkey);

    void SetSig(util::ByteSpan sig) { f.In().script_sig = ScriptBuilder().Push(sig); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(interpreter_crypto_tests)

BOOST_AUTO_TEST_CASE(hash_opcodes_known_answers)
{
    for (const auto& v : HASH_VECTORS) {
        BOOST_CHECK(EvalLeaves(std::string("0 ") + v.opcode, StackOf({v.of_empty})));
        BOOST_CHECK(EvalLeaves(std::string("'abc' ") + v.opcode, StackOf({v.of_abc})));
        // Only the top item is consumed.
        BOOST_CHECK(EvalLeaves(std::string("7 'abc' ") + v.opcode, StackOf({"07", v.of_abc})));
        BOOST_CHECK(EvalGives(v.opcode, ScriptError::INVALID_STACK_OPERATION));
    }
}

BOOST_AUTO_TEST_CASE(hash_opcodes_compose)
{
    // HASH160 is RIPEMD160 of SHA256 and HASH256 is SHA256 twice, on the stack too.
    BOOST_CHECK(EvalLeaves("'abc' DUP SHA256 RIPEMD160 SWAP HASH160 EQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("'abc' DUP SHA256 SHA256 SWAP HASH256 EQUAL", StackOf({"01"})));
    // A 520-byte input hashes like any other.
    const util::Bytes big = ScriptBuilder().Push(Repeat(0x61, 520)).Op(script::OP_SHA256).Op(script::OP_SIZE);
    const EvalOutcome got = Eval(big);
    BOOST_REQUIRE(got.error == ScriptError::OK);
    BOOST_CHECK_EQUAL(util::HexStr(got.stack.back()), "20");
}

BOOST_AUTO_TEST_CASE(checksig_p2pk_valid)
{
    P2pk t;
    t.SetSig(SignLegacy(t.key, t.f, t.script_pubkey));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(checksig_p2pkh_valid)
{
    const TestKey key = MakeKey(1);
    const util::Bytes spk = P2pkhScript(key.pub);
    SpendFixture f = MakeSpend(spk);
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, spk)).Push(key.pub);
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    // The key must hash to the script's hash.
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, spk)).Push(key.pub_uncompressed);
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::EQUALVERIFY));
}

BOOST_AUTO_TEST_CASE(checksig_wrong_key_fails)
{
    P2pk t;
    t.SetSig(SignLegacy(MakeKey(2), t.f, t.script_pubkey));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::EVAL_FALSE));
    BOOST_CHECK(VerifyGives(t.f, NULLFAIL, ScriptError::SIG_NULLFAIL));
}

BOOST_AUTO_TEST_CASE(checksig_signature_commits_to_transaction_and_hash_type)
{
    P2pk t;
    const util::Bytes sig = SignLegacy(t.key, t.f, t.script_pubkey);
    t.SetSig(sig);
    BOOST_REQUIRE(VerifyGives(t.f, NONE, ScriptError::OK));
    SpendFixture changed = t.f;
    changed.spend.vout[0].value = Amount(12345);
    BOOST_CHECK(VerifyGives(changed, NONE, ScriptError::EVAL_FALSE));
    changed = t.f;
    changed.spend.lock_time = 1;
    BOOST_CHECK(VerifyGives(changed, NONE, ScriptError::EVAL_FALSE));
    // Relabelled as SIGHASH_NONE, it no longer matches its hash.
    util::Bytes relabelled = sig;
    relabelled.back() = script::SIGHASH_NONE;
    t.SetSig(relabelled);
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::EVAL_FALSE));
    BOOST_CHECK(VerifyGives(t.f, NULLFAIL, ScriptError::SIG_NULLFAIL));
}

BOOST_AUTO_TEST_CASE(checksig_failure_result_and_nullfail)
{
    const TestKey key = MakeKey(1);
    const util::Bytes spk = ScriptBuilder().Push(key.pub).Op(script::OP_CHECKSIG).Op(script::OP_NOT);
    SpendFixture f = MakeSpend(spk);
    // A wrong signature makes CHECKSIG push false, which NOT turns into success...
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(MakeKey(2), f, spk));
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
    // ...unless NULLFAIL requires failing signatures to be empty (BIP146).
    BOOST_CHECK(VerifyGives(f, NULLFAIL, ScriptError::SIG_NULLFAIL));
    f.In().script_sig = Script("0");
    BOOST_CHECK(VerifyGives(f, NULLFAIL, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(checksigverify)
{
    const TestKey key = MakeKey(1);
    const util::Bytes spk = ScriptBuilder().Push(key.pub).Op(script::OP_CHECKSIGVERIFY).Op(script::OP_1);
    SpendFixture f = MakeSpend(spk);
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, spk));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    f.In().script_sig = Script("0");
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::CHECKSIGVERIFY));
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(MakeKey(2), f, spk));
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::CHECKSIGVERIFY));
    BOOST_CHECK(VerifyGives(f, NULLFAIL, ScriptError::SIG_NULLFAIL));
    BOOST_CHECK(EvalGives("1 CHECKSIG", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("1 CHECKSIGVERIFY", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(low_s_rejects_negated_s)
{
    P2pk t;
    const util::Bytes sig = SignLegacy(t.key, t.f, t.script_pubkey);
    const util::Bytes high = WithHashType(NegateS(util::ByteSpan(sig).first(sig.size() - 1)), sig.back());
    BOOST_REQUIRE(high != sig);
    t.SetSig(high);
    // n - S verifies just the same: high S is malleability, not invalidity.
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_DERSIG | script::SCRIPT_VERIFY_STRICTENC, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_LOW_S, ScriptError::SIG_HIGH_S));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::SIG_HIGH_S));
}

BOOST_AUTO_TEST_CASE(dersig_rejects_lax_der)
{
    P2pk t;
    t.SetSig(PadR(SignLegacy(t.key, t.f, t.script_pubkey)));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_DERSIG, ScriptError::SIG_DER));
    // LOW_S and STRICTENC imply the strict DER check too.
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_LOW_S, ScriptError::SIG_DER));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_STRICTENC, ScriptError::SIG_DER));
}

BOOST_AUTO_TEST_CASE(strictenc_hash_types)
{
    // Defined: ALL, NONE, SINGLE, each with or without ANYONECANPAY.
    for (const uint8_t ht : {0x01, 0x02, 0x03, 0x81, 0x82, 0x83}) {
        P2pk t;
        t.SetSig(SignLegacy(t.key, t.f, t.script_pubkey, ht));
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, script::SCRIPT_VERIFY_STRICTENC, ScriptError::OK), "hash type " << int{ht});
    }
    // Undefined types sign like ALL and verify in consensus, but not under STRICTENC.
    for (const uint8_t ht : {0x00, 0x04, 0x21, 0x41, 0x80, 0x84, 0xff}) {
        P2pk t;
        t.SetSig(SignLegacy(t.key, t.f, t.script_pubkey, ht));
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, NONE, ScriptError::OK), "hash type " << int{ht});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, script::SCRIPT_VERIFY_STRICTENC, ScriptError::SIG_HASHTYPE),
                            "hash type " << int{ht});
    }
}

BOOST_AUTO_TEST_CASE(strictenc_pubkey_encodings)
{
    const TestKey key = MakeKey(1);
    // Uncompressed and hybrid keys verify in consensus; STRICTENC allows only
    // compressed (0x02/0x03, 33 bytes) and uncompressed (0x04, 65 bytes).
    for (const auto* pub : {&key.pub_uncompressed, &key.pub_hybrid}) {
        const util::Bytes spk = ScriptBuilder().Push(*pub).Op(script::OP_CHECKSIG);
        SpendFixture f = MakeSpend(spk);
        f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, spk));
        BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
        BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_STRICTENC,
                                pub == &key.pub_hybrid ? ScriptError::PUBKEYTYPE : ScriptError::OK));
    }
    // A 33-byte key with an unknown prefix: CHECKSIG just fails, or PUBKEYTYPE.
    util::Bytes bad = key.pub;
    bad[0] = 0x05;
    const util::Bytes spk = ScriptBuilder().Push(bad).Op(script::OP_CHECKSIG).Op(script::OP_NOT);
    SpendFixture f = MakeSpend(spk);
    f.In().script_sig = Script("0");
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
    // The key is checked even with an empty signature.
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_STRICTENC, ScriptError::PUBKEYTYPE));
    // The signature encoding is checked before the key.
    f.In().script_sig = Script("0x023001");
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_STRICTENC, ScriptError::SIG_DER));
}

BOOST_AUTO_TEST_CASE(legacy_sighash_single_bug)
{
    // Legacy SIGHASH_SINGLE for an input without a matching output signs the
    // number 1 (uint256 with its first byte 1) instead of a transaction hash.
    const TestKey key = MakeKey(1);
    const util::Bytes spk = ScriptBuilder().Push(key.pub).Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(spk);
    f.AddInput(spk);
    BOOST_REQUIRE_EQUAL(f.spend.vout.size(), 1U);
    Uint256 one;
    one.data()[0] = 1;
    f.In(1).script_sig = ScriptBuilder().Push(WithHashType(EcdsaDer(key.secret, one), script::SIGHASH_SINGLE));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK, 1));
    // Input 0 has an output: there the same signature means nothing.
    f.In(0).script_sig = f.In(1).script_sig;
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_NONE, ScriptError::EVAL_FALSE, 0));
    // BIP143 has no such quirk: the v0 hash of SINGLE without an output is an ordinary hash.
    const util::Bytes ws = spk;
    SpendFixture w = MakeSpend(P2wshScript(ws));
    w.AddInput(P2wshScript(ws));
    w.In(1).witness.stack = {WithHashType(EcdsaDer(key.secret, one), script::SIGHASH_SINGLE), ws};
    BOOST_CHECK(VerifyGives(w, WITNESS_FLAGS, ScriptError::EVAL_FALSE, 1));
    w.In(1).witness.stack = {SignSegwitV0(key, w, ws, script::SIGHASH_SINGLE, 1), ws};
    BOOST_CHECK(VerifyGives(w, WITNESS_FLAGS, ScriptError::OK, 1));
}

BOOST_AUTO_TEST_CASE(findanddelete_removes_signature_from_legacy_script_code)
{
    // scriptPubKey <sig> DROP <pub> CHECKSIG: the signature cannot sign itself,
    // so Core deletes its push from the scriptCode before hashing; the
    // signature signs DROP <pub> CHECKSIG.
    const TestKey key = MakeKey(1);
    const util::Bytes signed_code = ScriptBuilder().Op(script::OP_DROP).Push(key.pub).Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(signed_code);
    const util::Bytes sig = SignLegacy(key, f, signed_code);
    f.spent[0].script_pubkey = ScriptBuilder().Push(sig).Raw(signed_code);
    f.In().script_sig = ScriptBuilder().Push(sig);
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS & ~script::SCRIPT_VERIFY_CONST_SCRIPTCODE, ScriptError::OK));
    // CONST_SCRIPTCODE refuses a scriptCode that FindAndDelete would change.
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_CONST_SCRIPTCODE, ScriptError::SIG_FINDANDDELETE));

    // Every copy goes: <sig> <sig> 2DROP <pub> CHECKSIG signs 2DROP <pub> CHECKSIG.
    const util::Bytes signed_code2 = ScriptBuilder().Op(script::OP_2DROP).Push(key.pub).Op(script::OP_CHECKSIG);
    const util::Bytes sig2 = SignLegacy(key, f, signed_code2);
    f.spent[0].script_pubkey = ScriptBuilder().Push(sig2).Push(sig2).Raw(signed_code2);
    f.In().script_sig = ScriptBuilder().Push(sig2);
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));

    // Only the signature being checked is deleted: with another signature
    // (here ALL|ANYONECANPAY) in the scriptSig, the scriptPubKey's push stays
    // in the scriptCode, and CONST_SCRIPTCODE has nothing to object to.
    const uint8_t acp = script::SIGHASH_ALL | script::SIGHASH_ANYONECANPAY;
    const util::Bytes spk = ScriptBuilder().Push(sig).Raw(signed_code);
    f.spent[0].script_pubkey = spk;
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, spk, acp));
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_CONST_SCRIPTCODE, ScriptError::OK));
    // So that signature made over the deleted script fails.
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, signed_code, acp));
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::EVAL_FALSE));
}

BOOST_AUTO_TEST_CASE(no_findanddelete_in_witness_v0)
{
    // The same construction as a P2WSH witness script: BIP143 hashes the script
    // as it is, so a signature over the "deleted" script fails.
    const TestKey key = MakeKey(1);
    const util::Bytes signed_code = ScriptBuilder().Op(script::OP_DROP).Push(key.pub).Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(signed_code);
    const util::Bytes sig = SignSegwitV0(key, f, signed_code);
    const util::Bytes witness_script = ScriptBuilder().Push(sig).Raw(signed_code);
    f.spent[0].script_pubkey = P2wshScript(witness_script);
    f.In().witness.stack = {sig, witness_script};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::EVAL_FALSE));
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS | NULLFAIL, ScriptError::SIG_NULLFAIL));
    // CONST_SCRIPTCODE has nothing to object to in witness scripts.
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS | script::SCRIPT_VERIFY_CONST_SCRIPTCODE, ScriptError::EVAL_FALSE));
}

BOOST_AUTO_TEST_CASE(codeseparator_moves_legacy_script_code)
{
    const TestKey key = MakeKey(1);
    struct Case {
        util::Bytes script_pubkey;
        util::Bytes signed_code;         // what Core hashes: from the last executed separator, separators removed
        util::Bytes from_start_stripped; // the whole script without its separators
    };
    const util::Bytes pub_checksig = ScriptBuilder().Push(key.pub).Op(script::OP_CHECKSIG);
    const Case cases[] = {
        // <pub> CODESEPARATOR CHECKSIG signs CHECKSIG alone.
        {ScriptBuilder().Push(key.pub).Op(script::OP_CODESEPARATOR).Op(script::OP_CHECKSIG),
         ScriptBuilder().Op(script::OP_CHECKSIG), pub_checksig},
        {ScriptBuilder().Op(script::OP_CODESEPARATOR).Raw(pub_checksig), pub_checksig, pub_checksig},
        // An executed separator inside IF counts...
        {ScriptBuilder("1 IF CODESEPARATOR ENDIF").Raw(pub_checksig), ScriptBuilder("ENDIF").Raw(pub_checksig),
         ScriptBuilder("1 IF ENDIF").Raw(pub_checksig)},
        // ...an unexecuted one does not, and is removed from the hashed script.
        {ScriptBuilder("0 IF CODESEPARATOR ENDIF").Raw(pub_checksig), ScriptBuilder("0 IF ENDIF").Raw(pub_checksig),
         ScriptBuilder("0 IF ENDIF").Raw(pub_checksig)},
        // The last executed one wins.
        {ScriptBuilder("CODESEPARATOR 1 CODESEPARATOR DROP").Raw(pub_checksig), ScriptBuilder("DROP").Raw(pub_checksig),
         ScriptBuilder("1 DROP").Raw(pub_checksig)},
    };
    for (size_t i = 0; i < std::size(cases); ++i) {
        const Case& c = cases[i];
        SpendFixture f = MakeSpend(c.script_pubkey);
        f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, c.signed_code));
        BOOST_CHECK_MESSAGE(VerifyGives(f, NONE, ScriptError::OK), "case " << i);
        // CONST_SCRIPTCODE forbids OP_CODESEPARATOR in legacy scripts, executed or not.
        BOOST_CHECK_MESSAGE(VerifyGives(f, script::SCRIPT_VERIFY_CONST_SCRIPTCODE, ScriptError::OP_CODESEPARATOR),
                            "case " << i);
        // A signature over the script from its start (separators removed) is
        // a different signature unless that is the same script.
        f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, c.from_start_stripped));
        const bool same_code = c.from_start_stripped == c.signed_code;
        BOOST_CHECK_MESSAGE(VerifyGives(f, NONE, same_code ? ScriptError::OK : ScriptError::EVAL_FALSE), "case " << i);
    }
}

BOOST_AUTO_TEST_CASE(codeseparator_between_two_legacy_checksigs)
{
    // <A> CHECKSIGVERIFY CODESEPARATOR <B> CHECKSIG: A signs the whole script
    // (separator removed), B signs <B> CHECKSIG.
    const TestKey a = MakeKey(1), b = MakeKey(2);
    const util::Bytes spk = ScriptBuilder()
                                .Push(a.pub)
                                .Op(script::OP_CHECKSIGVERIFY)
                                .Op(script::OP_CODESEPARATOR)
                                .Push(b.pub)
                                .Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(spk);
    const util::Bytes code_a =
        ScriptBuilder().Push(a.pub).Op(script::OP_CHECKSIGVERIFY).Push(b.pub).Op(script::OP_CHECKSIG);
    const util::Bytes code_b = ScriptBuilder().Push(b.pub).Op(script::OP_CHECKSIG);
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(b, f, code_b)).Push(SignLegacy(a, f, code_a));
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(b, f, code_a)).Push(SignLegacy(a, f, code_a));
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::EVAL_FALSE));
}

BOOST_AUTO_TEST_CASE(codeseparator_in_witness_v0_script_code)
{
    // BIP143: the scriptCode is the witness script from the last executed
    // OP_CODESEPARATOR on, and later separators stay in it.
    const TestKey a = MakeKey(1), b = MakeKey(2);
    const util::Bytes ws = ScriptBuilder()
                               .Push(a.pub)
                               .Op(script::OP_CHECKSIGVERIFY)
                               .Op(script::OP_CODESEPARATOR)
                               .Push(b.pub)
                               .Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(P2wshScript(ws));
    const util::Bytes code_b = ScriptBuilder().Push(b.pub).Op(script::OP_CHECKSIG);
    f.In().witness.stack = {SignSegwitV0(b, f, code_b), SignSegwitV0(a, f, ws), ws};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::OK));
    // Allowed with CONST_SCRIPTCODE: that flag is about legacy scripts only.
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    // A's signature over the script without its separator fails.
    const util::Bytes ws_stripped =
        ScriptBuilder().Push(a.pub).Op(script::OP_CHECKSIGVERIFY).Push(b.pub).Op(script::OP_CHECKSIG);
    f.In().witness.stack = {SignSegwitV0(b, f, code_b), SignSegwitV0(a, f, ws_stripped), ws};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::CHECKSIGVERIFY));
}

BOOST_AUTO_TEST_SUITE_END()
