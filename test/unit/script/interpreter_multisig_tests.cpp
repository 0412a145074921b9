// OP_CHECKMULTISIG / OP_CHECKMULTISIGVERIFY with real ECDSA signatures:
// m-of-n success, order, NULLDUMMY (BIP147), NULLFAIL (BIP146), key and
// signature counts, the opcode budget the keys use, the order encodings are
// checked in, FindAndDelete, and P2SH / P2WSH multisig.
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using namespace test;

namespace {

constexpr uint32_t NONE = script::SCRIPT_VERIFY_NONE;

// 2-of-3 over keys 1, 2, 3 as a bare scriptPubKey.
struct TwoOfThree {
    TestKey keys[3] = {MakeKey(1), MakeKey(2), MakeKey(3)};
    util::Bytes script_pubkey = ScriptBuilder()
                                    .Op(script::OP_2)
                                    .Push(keys[0].pub)
                                    .Push(keys[1].pub)
                                    .Push(keys[2].pub)
                                    .Op(script::OP_3)
                                    .Op(script::OP_CHECKMULTISIG);
    SpendFixture f = MakeSpend(script_pubkey);

    util::Bytes Sig(int key_index) const { return SignLegacy(keys[key_index], f, script_pubkey); }
    util::Bytes SigBy(const TestKey& key) const { return SignLegacy(key, f, script_pubkey); }
    void SetScriptSig(util::ByteSpan dummy, util::ByteSpan sig1, util::ByteSpan sig2)
    {
        f.In().script_sig = ScriptBuilder().Push(dummy).Push(sig1).Push(sig2);
    }
};

const util::Bytes EMPTY;

} // namespace

BOOST_AUTO_TEST_SUITE(interpreter_multisig_tests)

BOOST_AUTO_TEST_CASE(two_of_three_any_pair_in_key_order)
{
    for (const auto& [i, j] : {std::pair{0, 1}, std::pair{0, 2}, std::pair{1, 2}}) {
        TwoOfThree t;
        t.SetScriptSig(EMPTY, t.Sig(i), t.Sig(j));
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK), "keys " << i << "," << j);
    }
}

BOOST_AUTO_TEST_CASE(signatures_out_of_key_order_fail)
{
    // Keys are walked once, from the last: signatures must follow key order.
    TwoOfThree t;
    t.SetScriptSig(EMPTY, t.Sig(1), t.Sig(0));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::EVAL_FALSE));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_NULLFAIL, ScriptError::SIG_NULLFAIL));
    // One key cannot serve twice.
    t.SetScriptSig(EMPTY, t.Sig(0), t.Sig(0));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::EVAL_FALSE));
}

BOOST_AUTO_TEST_CASE(wrong_key_fails_and_nullfail)
{
    TwoOfThree t;
    t.SetScriptSig(EMPTY, t.Sig(0), t.SigBy(MakeKey(4)));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::EVAL_FALSE));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_NULLFAIL, ScriptError::SIG_NULLFAIL));
    // Empty signatures fail without tripping NULLFAIL; NOT makes that a success.
    TwoOfThree n;
    n.script_pubkey.push_back(script::OP_NOT);
    n.f = MakeSpend(n.script_pubkey);
    n.SetScriptSig(EMPTY, EMPTY, EMPTY);
    BOOST_CHECK(VerifyGives(n.f, STANDARD_FLAGS, ScriptError::OK));
    // One non-empty signature in a failing check is enough for NULLFAIL, even a valid one.
    n.SetScriptSig(EMPTY, n.Sig(0), EMPTY);
    BOOST_CHECK(VerifyGives(n.f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(n.f, script::SCRIPT_VERIFY_NULLFAIL, ScriptError::SIG_NULLFAIL));
}

BOOST_AUTO_TEST_CASE(nullfail_ignores_failed_pairs_of_a_successful_check)
{
    // 1-of-2 <A> <B>: the signature by A is first tried against B and fails,
    // then matches A. The check succeeds, so NULLFAIL has nothing to say.
    const TestKey a = MakeKey(1), b = MakeKey(2);
    const util::Bytes spk =
        ScriptBuilder().Op(script::OP_1).Push(a.pub).Push(b.pub).Op(script::OP_2).Op(script::OP_CHECKMULTISIG);
    SpendFixture f = MakeSpend(spk);
    f.In().script_sig = ScriptBuilder().Op(script::OP_0).Push(SignLegacy(a, f, spk));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(nulldummy_requires_empty_dummy)
{
    TwoOfThree t;
    for (const util::Bytes& dummy : {util::Bytes{1}, util::Bytes{0}, util::Bytes{0x80}, util::Bytes{0, 0}}) {
        t.SetScriptSig(dummy, t.Sig(0), t.Sig(1));
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, NONE, ScriptError::OK), "dummy " << util::HexStr(dummy));
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, script::SCRIPT_VERIFY_NULLDUMMY, ScriptError::SIG_NULLDUMMY),
                            "dummy " << util::HexStr(dummy));
    }
    // The dummy is checked after the signatures, also when the check failed.
    t.SetScriptSig(util::Bytes{1}, EMPTY, EMPTY);
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_NULLDUMMY, ScriptError::SIG_NULLDUMMY));
    t.SetScriptSig(EMPTY, t.Sig(0), t.Sig(1));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_NULLDUMMY, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(checkmultisigverify)
{
    const TestKey a = MakeKey(1);
    const util::Bytes spk = ScriptBuilder()
                                .Op(script::OP_1)
                                .Push(a.pub)
                                .Op(script::OP_1)
                                .Op(script::OP_CHECKMULTISIGVERIFY)
                                .Op(script::OP_1);
    SpendFixture f = MakeSpend(spk);
    f.In().script_sig = ScriptBuilder().Op(script::OP_0).Push(SignLegacy(a, f, spk));
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    f.In().script_sig = Script("0 0");
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::CHECKMULTISIGVERIFY));
}

BOOST_AUTO_TEST_CASE(key_and_signature_counts)
{
    // 0-of-0 and 0-of-n succeed with just the dummy.
    BOOST_CHECK(EvalLeaves("0 0 0 CHECKMULTISIG", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0 0 'k1' 'k2' 2 CHECKMULTISIG", StackOf({"01"})));
    // At most 20 keys, not negative.
    BOOST_CHECK(EvalGives("21 CHECKMULTISIG", ScriptError::PUBKEY_COUNT));
    BOOST_CHECK(EvalGives("-1 CHECKMULTISIG", ScriptError::PUBKEY_COUNT));
    BOOST_CHECK(EvalGives("0 0 0x0100 CHECKMULTISIG", ScriptError::OK));
    BOOST_CHECK(EvalGives("0 0 0x0100 CHECKMULTISIG", ScriptError::UNKNOWN_ERROR, script::SCRIPT_VERIFY_MINIMALDATA));
    // No more signatures than keys, not negative.
    BOOST_CHECK(EvalGives("0 0 0 2 'k' 1 CHECKMULTISIG", ScriptError::SIG_COUNT));
    BOOST_CHECK(EvalGives("0 -1 'k' 1 CHECKMULTISIG", ScriptError::SIG_COUNT));
    // Too few items for the counts, or no dummy.
    BOOST_CHECK(EvalGives("CHECKMULTISIG", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("'k' 2 CHECKMULTISIG", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("0 'k' 1 CHECKMULTISIG", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("0 CHECKMULTISIG", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("'s' 1 'k' 1 CHECKMULTISIG", ScriptError::INVALID_STACK_OPERATION));
    // 20 keys, 0 signatures.
    ScriptBuilder twenty("0 0");
    for (int i = 0; i < 20; ++i) twenty.Push(MakeKey(1).pub);
    twenty.Number(20).Op(script::OP_CHECKMULTISIG);
    BOOST_CHECK(EvalBytesGives(twenty, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(keys_count_towards_op_limit)
{
    // CHECKMULTISIG costs 1 plus one per key (when executed): 180 NOPs + 1 + 20 = 201.
    auto script_with = [](size_t nops, bool executed) {
        ScriptBuilder b;
        b.Op(script::OP_NOP, nops);
        if (!executed) b.Op(script::OP_0).Op(script::OP_IF);
        b.Op(script::OP_0).Op(script::OP_0);
        for (int i = 0; i < 20; ++i) b.Push(Repeat(0x02, 33));
        b.Number(20).Op(script::OP_CHECKMULTISIG);
        if (!executed) b.Op(script::OP_ENDIF).Op(script::OP_1);
        return b.Bytes();
    };
    BOOST_CHECK(EvalBytesGives(script_with(180, true), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(script_with(181, true), ScriptError::OP_COUNT));
    // Unexecuted, it is one opcode like any other: 198 + IF + CHECKMULTISIG + ENDIF = 201.
    BOOST_CHECK(EvalBytesGives(script_with(198, false), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(script_with(199, false), ScriptError::OP_COUNT));
}

BOOST_AUTO_TEST_CASE(encodings_checked_as_pairs_are_reached)
{
    // Keys are tried from the last one pushed. With STRICTENC an invalid key
    // fails the script only if the walk reaches it.
    const TestKey a = MakeKey(1);
    util::Bytes bad = a.pub;
    bad[0] = 0x05;
    const util::Bytes bad_first =
        ScriptBuilder().Op(script::OP_1).Push(bad).Push(a.pub).Op(script::OP_2).Op(script::OP_CHECKMULTISIG);
    const util::Bytes bad_last =
        ScriptBuilder().Op(script::OP_1).Push(a.pub).Push(bad).Op(script::OP_2).Op(script::OP_CHECKMULTISIG);
    SpendFixture f1 = MakeSpend(bad_first);
    f1.In().script_sig = ScriptBuilder().Op(script::OP_0).Push(SignLegacy(a, f1, bad_first));
    BOOST_CHECK(VerifyGives(f1, script::SCRIPT_VERIFY_STRICTENC, ScriptError::OK));
    SpendFixture f2 = MakeSpend(bad_last);
    f2.In().script_sig = ScriptBuilder().Op(script::OP_0).Push(SignLegacy(a, f2, bad_last));
    BOOST_CHECK(VerifyGives(f2, script::SCRIPT_VERIFY_STRICTENC, ScriptError::PUBKEYTYPE));
    BOOST_CHECK(VerifyGives(f2, NONE, ScriptError::OK));
    // Without signatures no pair is reached at all.
    BOOST_CHECK(EvalGives("0 0 0x0105 1 CHECKMULTISIG", ScriptError::OK, script::SCRIPT_VERIFY_STRICTENC));
}

BOOST_AUTO_TEST_CASE(low_s_and_hash_type_in_multisig)
{
    TwoOfThree t;
    const util::Bytes sig0 = t.Sig(0);
    const util::Bytes high = WithHashType(NegateS(util::ByteSpan(sig0).first(sig0.size() - 1)), sig0.back());
    t.SetScriptSig(EMPTY, high, t.Sig(1));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_LOW_S, ScriptError::SIG_HIGH_S));
    t.SetScriptSig(EMPTY, t.Sig(0), SignLegacy(t.keys[1], t.f, t.script_pubkey, 0x04));
    BOOST_CHECK(VerifyGives(t.f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, script::SCRIPT_VERIFY_STRICTENC, ScriptError::SIG_HASHTYPE));
}

BOOST_AUTO_TEST_CASE(findanddelete_in_multisig)
{
    // <sig> DROP 1 <A> 1 CHECKMULTISIG: the signature signs the script without its push.
    const TestKey a = MakeKey(1);
    const util::Bytes signed_code =
        ScriptBuilder().Op(script::OP_DROP).Op(script::OP_1).Push(a.pub).Op(script::OP_1).Op(script::OP_CHECKMULTISIG);
    SpendFixture f = MakeSpend(signed_code);
    const util::Bytes sig = SignLegacy(a, f, signed_code);
    f.spent[0].script_pubkey = ScriptBuilder().Push(sig).Raw(signed_code);
    f.In().script_sig = ScriptBuilder().Op(script::OP_0).Push(sig);
    BOOST_CHECK(VerifyGives(f, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_CONST_SCRIPTCODE, ScriptError::SIG_FINDANDDELETE));
}

BOOST_AUTO_TEST_CASE(p2sh_and_p2wsh_multisig)
{
    const TestKey keys[3] = {MakeKey(1), MakeKey(2), MakeKey(3)};
    const util::Bytes redeem = ScriptBuilder()
                                   .Op(script::OP_2)
                                   .Push(keys[0].pub)
                                   .Push(keys[1].pub)
                                   .Push(keys[2].pub)
                                   .Op(script::OP_3)
                                   .Op(script::OP_CHECKMULTISIG);
    // P2SH: the redeem script is the scriptCode.
    SpendFixture p2sh = MakeSpend(P2shScript(redeem));
    p2sh.In().script_sig = ScriptBuilder()
                               .Op(script::OP_0)
                               .Push(SignLegacy(keys[0], p2sh, redeem))
                               .Push(SignLegacy(keys[2], p2sh, redeem))
                               .Push(redeem);
    BOOST_CHECK(VerifyGives(p2sh, STANDARD_FLAGS, ScriptError::OK));
    // Without P2SH only the hash is checked.
    p2sh.In().script_sig = ScriptBuilder("0 0 0").Push(redeem);
    BOOST_CHECK(VerifyGives(p2sh, NONE, ScriptError::OK));
    BOOST_CHECK(VerifyGives(p2sh, script::SCRIPT_VERIFY_P2SH, ScriptError::EVAL_FALSE));

    // P2WSH: BIP143 signatures, the witness script is the scriptCode.
    SpendFixture p2wsh = MakeSpend(P2wshScript(redeem));
    p2wsh.In().witness.stack = {{}, SignSegwitV0(keys[0], p2wsh, redeem), SignSegwitV0(keys[1], p2wsh, redeem), redeem};
    BOOST_CHECK(VerifyGives(p2wsh, STANDARD_FLAGS, ScriptError::OK));
    // Legacy signatures do not verify there.
    p2wsh.In().witness.stack = {{}, SignLegacy(keys[0], p2wsh, redeem), SignLegacy(keys[1], p2wsh, redeem), redeem};
    BOOST_CHECK(VerifyGives(p2wsh, WITNESS_FLAGS, ScriptError::EVAL_FALSE));
    // NULLDUMMY applies in witness scripts too.
    p2wsh.In().witness.stack = {{1}, SignSegwitV0(keys[0], p2wsh, redeem), SignSegwitV0(keys[1], p2wsh, redeem), redeem};
    BOOST_CHECK(VerifyGives(p2wsh, WITNESS_FLAGS | script::SCRIPT_VERIFY_NULLDUMMY, ScriptError::SIG_NULLDUMMY));
}

BOOST_AUTO_TEST_SUITE_END()
