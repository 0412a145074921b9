// Segwit v0 spends (BIP141/143) through VerifyScript with real signatures:
// P2WPKH and P2WSH, native and nested in P2SH, and the ways they fail
// (wrong program, empty witness, extra items, unexpected witness, malleated
// scriptSig, WITNESS_PUBKEYTYPE, the witness-stack element limit).
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using namespace test;

namespace {

struct P2wpkh {
    TestKey key = MakeKey(1);
    util::Bytes pub = key.pub;
    SpendFixture f;

    explicit P2wpkh(bool uncompressed = false)
    {
        if (uncompressed) pub = key.pub_uncompressed;
        f = MakeSpend(P2wpkhScript(pub));
    }
    // BIP143 signature with the P2WPKH scriptCode (the implied P2PKH script).
    util::Bytes Sig() const { return SignSegwitV0(key, f, P2wpkhScriptCode(pub)); }
    void SetWitness() { f.In().witness.stack = {Sig(), pub}; }
};

struct P2wsh {
    TestKey key = MakeKey(1);
    util::Bytes witness_script = ScriptBuilder().Push(key.pub).Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(P2wshScript(witness_script));

    util::Bytes Sig() const { return SignSegwitV0(key, f, witness_script); }
    void SetWitness() { f.In().witness.stack = {Sig(), witness_script}; }
};

} // namespace

BOOST_AUTO_TEST_SUITE(interpreter_segwit_tests)

BOOST_AUTO_TEST_CASE(p2wpkh_valid)
{
    P2wpkh t;
    t.SetWitness();
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(p2wpkh_signature_commits_to_amount)
{
    // BIP143 signs the spent amount; the legacy hash did not.
    P2wpkh t;
    t.SetWitness();
    t.f.spent[0].value = Amount(primitives::COIN + 1);
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::EVAL_FALSE));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::SIG_NULLFAIL));
}

BOOST_AUTO_TEST_CASE(p2wpkh_needs_bip143_signature)
{
    P2wpkh t;
    t.f.In().witness.stack = {SignLegacy(t.key, t.f, P2wpkhScriptCode(t.pub)), t.pub};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::EVAL_FALSE));
}

BOOST_AUTO_TEST_CASE(p2wpkh_wrong_program)
{
    // The program is the hash of another key: the implied script's EQUALVERIFY fails.
    P2wpkh t;
    t.f.spent[0].script_pubkey = P2wpkhScript(MakeKey(2).pub);
    t.SetWitness();
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::EQUALVERIFY));
}

BOOST_AUTO_TEST_CASE(p2wpkh_witness_must_have_two_items)
{
    P2wpkh t;
    t.f.In().witness.stack = {};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    t.f.In().witness.stack = {t.Sig()};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    t.f.In().witness.stack = {{}, t.Sig(), t.pub};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
}

BOOST_AUTO_TEST_CASE(p2wpkh_uncompressed_key_and_witness_pubkeytype)
{
    // Consensus allows an uncompressed key; policy (WITNESS_PUBKEYTYPE) does not.
    P2wpkh t(/*uncompressed=*/true);
    t.SetWitness();
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS | script::SCRIPT_VERIFY_WITNESS_PUBKEYTYPE, ScriptError::WITNESS_PUBKEYTYPE));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::WITNESS_PUBKEYTYPE));
}

BOOST_AUTO_TEST_CASE(witness_pubkeytype_in_p2wsh_only)
{
    const TestKey key = MakeKey(1);
    const util::Bytes ws = ScriptBuilder().Push(key.pub_uncompressed).Op(script::OP_CHECKSIG);
    SpendFixture f = MakeSpend(P2wshScript(ws));
    f.In().witness.stack = {SignSegwitV0(key, f, ws), ws};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS | script::SCRIPT_VERIFY_WITNESS_PUBKEYTYPE, ScriptError::WITNESS_PUBKEYTYPE));
    // Checked even for an empty signature.
    const util::Bytes ws_not = ScriptBuilder().Push(key.pub_uncompressed).Op(script::OP_CHECKSIG).Op(script::OP_NOT);
    SpendFixture g = MakeSpend(P2wshScript(ws_not));
    g.In().witness.stack = {{}, ws_not};
    BOOST_CHECK(VerifyGives(g, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(g, WITNESS_FLAGS | script::SCRIPT_VERIFY_WITNESS_PUBKEYTYPE, ScriptError::WITNESS_PUBKEYTYPE));
    // Legacy scripts are not affected by it.
    const util::Bytes spk = P2pkhScript(key.pub_uncompressed);
    SpendFixture legacy = MakeSpend(spk);
    legacy.In().script_sig = ScriptBuilder().Push(SignLegacy(key, legacy, spk)).Push(key.pub_uncompressed);
    BOOST_CHECK(VerifyGives(legacy, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(p2wsh_valid)
{
    P2wsh t;
    t.SetWitness();
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(p2wsh_wrong_program)
{
    // The last witness item must hash (single SHA-256) to the program.
    P2wsh t;
    t.SetWitness();
    t.f.spent[0].script_pubkey = P2wshScript(ScriptBuilder().Push(MakeKey(2).pub).Op(script::OP_CHECKSIG));
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    // HASH256 (double SHA-256) of the script is not the program either.
    t.f.spent[0].script_pubkey = ScriptBuilder().Op(script::OP_0).Push(crypto::Hash256(t.witness_script));
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
}

BOOST_AUTO_TEST_CASE(p2wsh_empty_witness)
{
    P2wsh t;
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY));
}

BOOST_AUTO_TEST_CASE(p2wsh_clean_stack_is_implicit)
{
    // An extra item left under the result: CLEANSTACK, with or without the flag.
    P2wsh t;
    t.f.In().witness.stack = {{1}, t.Sig(), t.witness_script};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::CLEANSTACK));
    // A single false result is EVAL_FALSE.
    t.f.In().witness.stack = {{}, t.witness_script};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::EVAL_FALSE));
    // A script that leaves nothing.
    const util::Bytes drop = Script("DROP");
    SpendFixture g = MakeSpend(P2wshScript(drop));
    g.In().witness.stack = {{1}, drop};
    BOOST_CHECK(VerifyGives(g, WITNESS_FLAGS, ScriptError::CLEANSTACK));
}

BOOST_AUTO_TEST_CASE(witness_program_needs_empty_script_sig)
{
    P2wpkh t;
    t.SetWitness();
    t.f.In().script_sig = Script("0");
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_MALLEATED));
    P2wsh w;
    w.SetWitness();
    w.f.In().script_sig = Script("1");
    BOOST_CHECK(VerifyGives(w.f, WITNESS_FLAGS, ScriptError::WITNESS_MALLEATED));
}

BOOST_AUTO_TEST_CASE(v0_program_of_wrong_length)
{
    // Version 0 programs are 20 or 32 bytes; anything else between 2 and 40 fails.
    for (const size_t size : {2, 19, 21, 31, 33, 40}) {
        SpendFixture f = MakeSpend(ScriptBuilder().Op(script::OP_0).Push(Repeat(0x11, size)));
        f.In().witness.stack = {{1}};
        BOOST_CHECK_MESSAGE(VerifyGives(f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_WRONG_LENGTH), "size " << size);
    }
}

BOOST_AUTO_TEST_CASE(witness_on_non_witness_script_is_unexpected)
{
    const TestKey key = MakeKey(1);
    const util::Bytes spk = P2pkhScript(key.pub);
    SpendFixture f = MakeSpend(spk);
    f.In().script_sig = ScriptBuilder().Push(SignLegacy(key, f, spk)).Push(key.pub);
    f.In().witness.stack = {{1}};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::WITNESS_UNEXPECTED));
    // Even a witness made of one empty item is a witness.
    f.In().witness.stack = {{}};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::WITNESS_UNEXPECTED));
    // Before segwit (no WITNESS flag) the witness is not looked at.
    f.In().witness.stack = {{1}};
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_P2SH, ScriptError::OK));
    // P2SH with a non-witness redeem script.
    const util::Bytes redeem = Script("1");
    SpendFixture p = MakeSpend(P2shScript(redeem));
    p.In().script_sig = ScriptBuilder().Push(redeem);
    BOOST_CHECK(VerifyGives(p, WITNESS_FLAGS, ScriptError::OK));
    p.In().witness.stack = {{1}};
    BOOST_CHECK(VerifyGives(p, WITNESS_FLAGS, ScriptError::WITNESS_UNEXPECTED));
}

BOOST_AUTO_TEST_CASE(witness_program_without_witness_flag_is_anyone_can_spend)
{
    P2wpkh t;
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_P2SH, ScriptError::OK));
    t.f.In().witness.stack = {{1}, {2}, {3}};
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_P2SH, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(p2sh_p2wpkh_valid)
{
    const TestKey key = MakeKey(1);
    const util::Bytes redeem = P2wpkhScript(key.pub);
    SpendFixture f = MakeSpend(P2shScript(redeem));
    f.In().script_sig = ScriptBuilder().Push(redeem);
    f.In().witness.stack = {SignSegwitV0(key, f, P2wpkhScriptCode(key.pub)), key.pub};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    // Without WITNESS it is a P2SH whose redeem script leaves a true value.
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_P2SH, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(p2sh_p2wpkh_malleated_script_sig)
{
    // The scriptSig must be exactly one minimal push of the redeem script.
    const TestKey key = MakeKey(1);
    const util::Bytes redeem = P2wpkhScript(key.pub);
    SpendFixture f = MakeSpend(P2shScript(redeem));
    f.In().witness.stack = {SignSegwitV0(key, f, P2wpkhScriptCode(key.pub)), key.pub};
    // Same push through OP_PUSHDATA1.
    util::Bytes pushdata1{script::OP_PUSHDATA1, static_cast<uint8_t>(redeem.size())};
    pushdata1.insert(pushdata1.end(), redeem.begin(), redeem.end());
    f.In().script_sig = pushdata1;
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::WITNESS_MALLEATED_P2SH));
    // An extra push before it.
    f.In().script_sig = ScriptBuilder().Op(script::OP_0).Push(redeem);
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::WITNESS_MALLEATED_P2SH));
    // Not push-only at all: P2SH itself refuses that first.
    f.In().script_sig = ScriptBuilder().Op(script::OP_NOP).Push(redeem);
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::SIG_PUSHONLY));
}

BOOST_AUTO_TEST_CASE(p2sh_p2wsh_valid_and_mismatch)
{
    P2wsh t;
    const util::Bytes redeem = P2wshScript(t.witness_script);
    t.f.spent[0].script_pubkey = P2shScript(redeem);
    t.f.In().script_sig = ScriptBuilder().Push(redeem);
    t.SetWitness();
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    t.f.In().witness.stack = {t.Sig(), Script("1")};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    t.f.In().witness.stack = {};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY));
}

BOOST_AUTO_TEST_CASE(witness_stack_items_limited_to_520_bytes)
{
    // The witness script itself may be longer than 520 bytes; the other items may not.
    const util::Bytes ws = ScriptBuilder().Push(Repeat(0x61, 520)).Op(script::OP_DROP).Op(script::OP_SIZE)
                               .Push(Num(520)).Op(script::OP_EQUALVERIFY).Op(script::OP_DROP)
                               .Push(Repeat(0x62, 100)).Op(script::OP_DROP).Op(script::OP_1).Bytes();
    BOOST_REQUIRE_GT(ws.size(), 520U);
    SpendFixture f = MakeSpend(P2wshScript(ws));
    f.In().witness.stack = {Repeat(0x63, 520), ws};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::OK));
    f.In().witness.stack = {Repeat(0x63, 521), ws};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::PUSH_SIZE));
}

BOOST_AUTO_TEST_CASE(witness_script_size_limit)
{
    const util::Bytes at_limit = FillerScriptOfSize(10000);
    const util::Bytes over_limit = FillerScriptOfSize(10001);
    SpendFixture f = MakeSpend(P2wshScript(at_limit));
    f.In().witness.stack = {at_limit};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::OK));
    SpendFixture g = MakeSpend(P2wshScript(over_limit));
    g.In().witness.stack = {over_limit};
    BOOST_CHECK(VerifyGives(g, WITNESS_FLAGS, ScriptError::SCRIPT_SIZE));
}

BOOST_AUTO_TEST_CASE(minimalif_policy_in_p2wsh_not_in_p2sh)
{
    const util::Bytes script = Script("IF 1 ELSE 1 ENDIF");
    SpendFixture w = MakeSpend(P2wshScript(script));
    w.In().witness.stack = {{2}, script};
    BOOST_CHECK(VerifyGives(w, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(w, WITNESS_FLAGS | script::SCRIPT_VERIFY_MINIMALIF, ScriptError::MINIMALIF));
    w.In().witness.stack = {{1}, script};
    BOOST_CHECK(VerifyGives(w, WITNESS_FLAGS | script::SCRIPT_VERIFY_MINIMALIF, ScriptError::OK));
    // The same redeem script under P2SH: no MINIMALIF in legacy scripts.
    SpendFixture p = MakeSpend(P2shScript(script));
    p.In().script_sig = ScriptBuilder().Push(util::Bytes{2}).Push(script);
    BOOST_CHECK(VerifyGives(p, WITNESS_FLAGS | script::SCRIPT_VERIFY_MINIMALIF, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(witness_v0_op_count_and_stack_limits)
{
    // Witness v0 scripts keep the 201-opcode limit.
    const util::Bytes nops201 = ScriptBuilder().Op(script::OP_NOP, 201).Op(script::OP_1);
    const util::Bytes nops202 = ScriptBuilder().Op(script::OP_NOP, 202).Op(script::OP_1);
    SpendFixture f = MakeSpend(P2wshScript(nops201));
    f.In().witness.stack = {nops201};
    BOOST_CHECK(VerifyGives(f, WITNESS_FLAGS, ScriptError::OK));
    SpendFixture g = MakeSpend(P2wshScript(nops202));
    g.In().witness.stack = {nops202};
    BOOST_CHECK(VerifyGives(g, WITNESS_FLAGS, ScriptError::OP_COUNT));
    // Witness v0 does not check the size of the initial stack (tapscript
    // does): 1,001 witness items reduced by the first opcode are fine, and
    // this script just ends with too many items (CLEANSTACK)...
    const util::Bytes drop2 = Script("2DROP");
    SpendFixture h = MakeSpend(P2wshScript(drop2));
    h.In().witness.stack.assign(1001, util::Bytes{});
    h.In().witness.stack.push_back(drop2);
    BOOST_CHECK(VerifyGives(h, WITNESS_FLAGS, ScriptError::CLEANSTACK));
    // ...while a push onto 1,000 items makes 1,001.
    const util::Bytes push = Script("1");
    SpendFixture k = MakeSpend(P2wshScript(push));
    k.In().witness.stack.assign(1000, util::Bytes{});
    k.In().witness.stack.push_back(push);
    BOOST_CHECK(VerifyGives(k, WITNESS_FLAGS, ScriptError::STACK_SIZE));
}

BOOST_AUTO_TEST_SUITE_END()
