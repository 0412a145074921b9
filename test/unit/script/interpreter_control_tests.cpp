// Flow control and the limits every legacy/segwit v0 script lives under:
// IF/NOTIF/ELSE/ENDIF (nesting, several ELSEs, balance), opcodes that fail
// even in unexecuted branches (VERIF, VERNOTIF, the disabled ones), NOPs,
// OP_RETURN, the 201-opcode limit, the 520-byte push limit, the 10,000-byte
// script limit and MINIMALIF (policy in witness v0, nothing in legacy).
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using script::SigVersion;
using namespace test;

namespace {

// Bitcoin Core's disabled opcodes (CVE-2010-5137).
constexpr uint8_t DISABLED_OPCODES[] = {0x7e, 0x7f, 0x80, 0x81, 0x83, 0x84, 0x85, 0x86,
                                        0x8d, 0x8e, 0x95, 0x96, 0x97, 0x98, 0x99};

util::Bytes InFalseBranch(util::ByteSpan body)
{
    return ScriptBuilder().Op(script::OP_0).Op(script::OP_IF).Raw(body).Op(script::OP_ENDIF).Op(script::OP_1);
}

} // namespace

BOOST_AUTO_TEST_SUITE(interpreter_control_tests)

BOOST_AUTO_TEST_CASE(if_else_endif_choose_a_branch)
{
    BOOST_CHECK(EvalLeaves("1 IF 2 ELSE 3 ENDIF", StackOf({"02"})));
    BOOST_CHECK(EvalLeaves("0 IF 2 ELSE 3 ENDIF", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("0 NOTIF 2 ELSE 3 ENDIF", StackOf({"02"})));
    BOOST_CHECK(EvalLeaves("1 NOTIF 2 ELSE 3 ENDIF", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("1 IF ENDIF", StackOf({})));
    BOOST_CHECK(EvalLeaves("0 IF 2 ENDIF", StackOf({})));
    // The condition is a boolean: negative zero and 0x00 are false, 0x0080 is true.
    BOOST_CHECK(EvalLeaves("0x0180 IF 2 ELSE 3 ENDIF", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("0x0100 IF 2 ELSE 3 ENDIF", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("0x028000 IF 2 ELSE 3 ENDIF", StackOf({"02"})));
    BOOST_CHECK(EvalLeaves("0x0180 NOTIF 2 ELSE 3 ENDIF", StackOf({"02"})));
}

BOOST_AUTO_TEST_CASE(nested_conditionals)
{
    BOOST_CHECK(EvalLeaves("1 IF 0 IF 2 ELSE 3 ENDIF ELSE 4 ENDIF", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("1 IF 1 IF 2 ELSE 3 ENDIF ELSE 4 ENDIF", StackOf({"02"})));
    // The inner IF sits in a false branch: it neither pops nor runs.
    BOOST_CHECK(EvalLeaves("0 IF 1 IF 2 ELSE 3 ENDIF ELSE 4 ENDIF", StackOf({"04"})));
    BOOST_CHECK(EvalLeaves("1 IF 0 IF 1 IF 2 ELSE 3 ENDIF ELSE 1 IF 4 ELSE 5 ENDIF ENDIF ENDIF", StackOf({"04"})));
    // An inner ELSE cannot switch on a branch whose outer level is off.
    BOOST_CHECK(EvalLeaves("0 IF 0 IF ELSE 2 ENDIF ENDIF", StackOf({})));
    BOOST_CHECK(EvalLeaves("1 IF 0 IF ELSE 2 ENDIF ENDIF", StackOf({"02"})));
    BOOST_CHECK(EvalLeaves("0 IF 1 ELSE 0 IF 2 ELSE 3 ENDIF ENDIF", StackOf({"03"})));
}

BOOST_AUTO_TEST_CASE(deep_nesting)
{
    // 100 levels of true IFs and a false one at depth 50 that hides everything below.
    ScriptBuilder all_true, one_false;
    for (int i = 0; i < 100; ++i) {
        all_true.Op(script::OP_1).Op(script::OP_IF);
        one_false.Op(i == 50 ? script::OP_0 : script::OP_1).Op(script::OP_IF);
    }
    all_true.Op(script::OP_2);
    one_false.Op(script::OP_2);
    for (int i = 0; i < 100; ++i) {
        all_true.Op(script::OP_ENDIF);
        one_false.Op(script::OP_ENDIF);
    }
    BOOST_CHECK(EvalBytesGives(all_true, ScriptError::OK));
    BOOST_CHECK(Eval(all_true).stack == StackOf({"02"}));
    BOOST_CHECK(EvalBytesGives(one_false, ScriptError::OK));
    BOOST_CHECK(Eval(one_false).stack.empty());
}

BOOST_AUTO_TEST_CASE(multiple_else_toggle_execution)
{
    // Each ELSE flips the branch: true, false, true.
    BOOST_CHECK(EvalLeaves("1 IF 2 ELSE 3 ELSE 4 ENDIF", StackOf({"02", "04"})));
    BOOST_CHECK(EvalLeaves("0 IF 2 ELSE 3 ELSE 4 ENDIF", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("0 IF 2 ELSE 3 ELSE 4 ELSE 5 ENDIF", StackOf({"03", "05"})));
    BOOST_CHECK(EvalLeaves("1 NOTIF 2 ELSE 3 ELSE 4 ENDIF", StackOf({"03"})));
    // Inside a false outer branch nothing runs, however often the inner level flips.
    BOOST_CHECK(EvalLeaves("0 IF 1 IF 2 ELSE 3 ELSE 4 ENDIF ENDIF 5", StackOf({"05"})));
    BOOST_CHECK(EvalLeaves("1 IF ELSE ELSE ENDIF", StackOf({})));
}

BOOST_AUTO_TEST_CASE(unbalanced_conditionals)
{
    BOOST_CHECK(EvalGives("1 IF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("0 NOTIF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("1 IF 1 IF ENDIF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("ENDIF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("ELSE", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("1 ELSE ENDIF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("1 IF ENDIF ENDIF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("1 IF ENDIF ELSE", ScriptError::UNBALANCED_CONDITIONAL));
    // IF with nothing to test is also reported as unbalanced (Core's choice).
    BOOST_CHECK(EvalGives("IF 1 ENDIF", ScriptError::UNBALANCED_CONDITIONAL));
    BOOST_CHECK(EvalGives("NOTIF 1 ENDIF", ScriptError::UNBALANCED_CONDITIONAL));
    // An IF in a false branch needs no condition.
    BOOST_CHECK(EvalLeaves("0 IF IF ENDIF ENDIF", StackOf({})));
}

BOOST_AUTO_TEST_CASE(conditionals_do_not_span_scriptsig_and_scriptpubkey)
{
    const script::SignatureChecker checker;
    BOOST_CHECK(script::VerifyScript(Script("1 IF"), Script("1 ENDIF"), nullptr, 0, checker) ==
                ScriptError::UNBALANCED_CONDITIONAL);
    BOOST_CHECK(script::VerifyScript(Script("1"), Script("IF 1 ENDIF"), nullptr, 0, checker) == ScriptError::OK);
}

BOOST_AUTO_TEST_CASE(verif_vernotif_fail_even_unexecuted)
{
    // Their opcodes lie between OP_IF and OP_ENDIF, which run in every branch.
    BOOST_CHECK(EvalGives("0 IF VERIF ENDIF 1", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("0 IF VERNOTIF ENDIF 1", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("1 IF 1 ELSE VERIF ENDIF", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("VERIF", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("VERNOTIF", ScriptError::BAD_OPCODE));
}

BOOST_AUTO_TEST_CASE(reserved_and_unknown_opcodes_fail_only_when_executed)
{
    // OP_CHECKSIGADD exists only in tapscript; 0xbb..0xff are undefined outside it.
    const uint8_t opcodes[] = {script::OP_VER, script::OP_RESERVED, script::OP_RESERVED1, script::OP_RESERVED2,
                               script::OP_CHECKSIGADD, 0xbb, 0xc0, 0xfe, 0xff};
    for (const uint8_t op : opcodes) {
        const util::Bytes alone{op};
        BOOST_CHECK_MESSAGE(EvalBytesGives(alone, ScriptError::BAD_OPCODE), "opcode " << int{op});
        BOOST_CHECK_MESSAGE(EvalBytesGives(InFalseBranch(alone), ScriptError::OK), "opcode " << int{op});
    }
}

BOOST_AUTO_TEST_CASE(disabled_opcodes_fail_even_unexecuted)
{
    for (const uint8_t op : DISABLED_OPCODES) {
        const util::Bytes alone{op};
        BOOST_CHECK_MESSAGE(EvalBytesGives(InFalseBranch(alone), ScriptError::DISABLED_OPCODE), "opcode " << int{op});
        BOOST_CHECK_MESSAGE(EvalBytesGives(InFalseBranch(alone), ScriptError::DISABLED_OPCODE, 0, {},
                                           SigVersion::WITNESS_V0),
                            "opcode " << int{op});
        // Executed, with operands at hand: still disabled, not a stack error.
        BOOST_CHECK_MESSAGE(EvalBytesGives(ScriptBuilder("1 2 3").Op(op), ScriptError::DISABLED_OPCODE), "opcode " << int{op});
        // An executed OP_RETURN ends the script before the disabled opcode is read.
        BOOST_CHECK_MESSAGE(EvalBytesGives(ScriptBuilder().Op(script::OP_RETURN).Op(op), ScriptError::OP_RETURN),
                            "opcode " << int{op});
    }
}

BOOST_AUTO_TEST_CASE(op_return_fails_only_when_executed)
{
    BOOST_CHECK(EvalGives("RETURN", ScriptError::OP_RETURN));
    BOOST_CHECK(EvalGives("1 RETURN", ScriptError::OP_RETURN));
    BOOST_CHECK(EvalGives("RETURN 'data'", ScriptError::OP_RETURN));
    BOOST_CHECK(EvalLeaves("0 IF RETURN ENDIF 1", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("1 IF 1 ELSE RETURN ENDIF", StackOf({"01"})));
}

BOOST_AUTO_TEST_CASE(verify_and_nop)
{
    BOOST_CHECK(EvalLeaves("1 VERIFY", StackOf({})));
    BOOST_CHECK(EvalLeaves("2 VERIFY", StackOf({})));
    BOOST_CHECK(EvalGives("0 VERIFY", ScriptError::VERIFY));
    BOOST_CHECK(EvalGives("VERIFY", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalLeaves("NOP", StackOf({})));
    BOOST_CHECK(EvalLeaves("1 NOP", StackOf({"01"})));
}

BOOST_AUTO_TEST_CASE(upgradable_nops_discouraged_only_when_executed)
{
    const uint32_t f = script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS;
    for (const std::string op : {"NOP1", "NOP4", "NOP5", "NOP6", "NOP7", "NOP8", "NOP9", "NOP10"}) {
        BOOST_CHECK(EvalLeaves("1 " + op, StackOf({"01"})));
        BOOST_CHECK(EvalGives("1 " + op, ScriptError::DISCOURAGE_UPGRADABLE_NOPS, f));
        BOOST_CHECK(EvalLeaves("0 IF " + op + " ENDIF 1", StackOf({"01"}), f));
    }
    // OP_NOP itself is not upgradable.
    BOOST_CHECK(EvalLeaves("NOP", StackOf({}), f));
}

BOOST_AUTO_TEST_CASE(op_count_limit_is_201)
{
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_NOP, 201), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_NOP, 202), ScriptError::OP_COUNT));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_NOP, 201), ScriptError::OK, 0, {}, SigVersion::WITNESS_V0));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_NOP, 202), ScriptError::OP_COUNT, 0, {},
                               SigVersion::WITNESS_V0));
    // The 202nd opcode fails even when it would fail for another reason too.
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_NOP, 201).Op(script::OP_RETURN), ScriptError::OP_COUNT));
}

BOOST_AUTO_TEST_CASE(op_count_ignores_pushes_and_counts_unexecuted_opcodes)
{
    // Pushes, OP_0, OP_1NEGATE, OP_1..OP_16 and OP_RESERVED do not count.
    ScriptBuilder pushes;
    pushes.Op(script::OP_1, 300).Op(script::OP_1NEGATE, 100).Op(script::OP_0, 100).Push(Repeat(7, 3));
    pushes.Op(script::OP_16, 100).Op(script::OP_NOP, 201);
    BOOST_CHECK(EvalBytesGives(pushes, ScriptError::OK));
    ScriptBuilder reserved;
    reserved.Op(script::OP_0).Op(script::OP_IF).Op(script::OP_RESERVED, 500).Op(script::OP_NOP, 199).Op(script::OP_ENDIF);
    BOOST_CHECK(EvalBytesGives(reserved, ScriptError::OK)); // IF + 199 + ENDIF = 201
    // Opcodes in an unexecuted branch count.
    ScriptBuilder unexecuted;
    unexecuted.Op(script::OP_0).Op(script::OP_IF).Op(script::OP_NOP, 200).Op(script::OP_ENDIF);
    BOOST_CHECK(EvalBytesGives(unexecuted, ScriptError::OP_COUNT)); // 202
}

BOOST_AUTO_TEST_CASE(op_count_is_per_script)
{
    const script::SignatureChecker checker;
    const util::Bytes sig201 = ScriptBuilder().Op(script::OP_NOP, 201).Op(script::OP_1);
    const util::Bytes pub201 = ScriptBuilder().Op(script::OP_NOP, 201);
    const util::Bytes pub202 = ScriptBuilder().Op(script::OP_NOP, 202);
    BOOST_CHECK(script::VerifyScript(sig201, pub201, nullptr, 0, checker) == ScriptError::OK);
    BOOST_CHECK(script::VerifyScript(sig201, pub202, nullptr, 0, checker) == ScriptError::OP_COUNT);
}

BOOST_AUTO_TEST_CASE(push_limit_is_520_bytes)
{
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Push(Repeat(1, 520)), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Push(Repeat(1, 521)), ScriptError::PUSH_SIZE));
    // Checked when the push is read, executed or not.
    BOOST_CHECK(EvalBytesGives(InFalseBranch(ScriptBuilder().Push(Repeat(1, 521))), ScriptError::PUSH_SIZE));
    BOOST_CHECK(EvalBytesGives(InFalseBranch(ScriptBuilder().Push(Repeat(1, 520))), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Push(Repeat(1, 521)), ScriptError::PUSH_SIZE, 0, {},
                               SigVersion::WITNESS_V0));
}

BOOST_AUTO_TEST_CASE(truncated_push_is_bad_opcode)
{
    BOOST_CHECK(EvalGives("0x02aa", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("0x4c", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("0x4c02aa", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("0x4d01", ScriptError::BAD_OPCODE));
    BOOST_CHECK(EvalGives("0x4e010000", ScriptError::BAD_OPCODE));
    // Also where it would not be executed.
    BOOST_CHECK(EvalGives("0 IF 0x02aa", ScriptError::BAD_OPCODE));
}

BOOST_AUTO_TEST_CASE(script_size_limit_is_10000_bytes)
{
    const util::Bytes at_limit = FillerScriptOfSize(10000);
    const util::Bytes over_limit = FillerScriptOfSize(10001);
    BOOST_CHECK(EvalBytesGives(at_limit, ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(over_limit, ScriptError::SCRIPT_SIZE));
    BOOST_CHECK(EvalBytesGives(at_limit, ScriptError::OK, 0, {}, SigVersion::WITNESS_V0));
    BOOST_CHECK(EvalBytesGives(over_limit, ScriptError::SCRIPT_SIZE, 0, {}, SigVersion::WITNESS_V0));
    // Checked before anything runs: an OP_RETURN at the start does not get to fail first.
    util::Bytes starts_with_return = over_limit;
    starts_with_return[0] = script::OP_RETURN;
    BOOST_CHECK(EvalBytesGives(starts_with_return, ScriptError::SCRIPT_SIZE));
    // The same through VerifyScript, as a scriptPubKey.
    const script::SignatureChecker checker;
    BOOST_CHECK(script::VerifyScript({}, at_limit, nullptr, 0, checker) == ScriptError::OK);
    BOOST_CHECK(script::VerifyScript({}, over_limit, nullptr, 0, checker) == ScriptError::SCRIPT_SIZE);
}

BOOST_AUTO_TEST_CASE(minimalif_is_policy_in_witness_v0)
{
    const uint32_t f = script::SCRIPT_VERIFY_MINIMALIF;
    const std::string script = "IF 1 ELSE 1 ENDIF";
    for (const std::string_view bad : {"02", "00", "0001", "0100", "80"}) {
        BOOST_CHECK(EvalGives(script, ScriptError::MINIMALIF, f, StackOf({bad}), SigVersion::WITNESS_V0));
        BOOST_CHECK(EvalGives("NOTIF 1 ELSE 1 ENDIF", ScriptError::MINIMALIF, f, StackOf({bad}), SigVersion::WITNESS_V0));
        // Without the flag, and in legacy scripts even with it, any value goes.
        BOOST_CHECK(EvalGives(script, ScriptError::OK, 0, StackOf({bad}), SigVersion::WITNESS_V0));
        BOOST_CHECK(EvalGives(script, ScriptError::OK, f, StackOf({bad}), SigVersion::BASE));
    }
    BOOST_CHECK(EvalGives(script, ScriptError::OK, f, StackOf({"01"}), SigVersion::WITNESS_V0));
    BOOST_CHECK(EvalGives(script, ScriptError::OK, f, StackOf({""}), SigVersion::WITNESS_V0));
    // An IF that does not run does not look at the stack.
    BOOST_CHECK(EvalGives("0 IF IF 1 ENDIF ENDIF", ScriptError::OK, f, StackOf({"02"}), SigVersion::WITNESS_V0));
}

BOOST_AUTO_TEST_SUITE_END()
