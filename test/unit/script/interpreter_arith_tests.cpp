// Numeric opcodes, comparisons, WITHIN, BOOLAND/BOOLOR, EQUAL and the script
// number rules behind them (Bitcoin Core's CScriptNum): operands of at most
// 4 bytes, results of up to 5 bytes that only non-numeric opcodes may read,
// negative zero, and MINIMALDATA for numbers and pushes (BIP62 rules 3 and 4).
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using script::SCRIPT_VERIFY_MINIMALDATA;
using namespace test;

BOOST_AUTO_TEST_SUITE(interpreter_arith_tests)

BOOST_AUTO_TEST_CASE(add1_sub1)
{
    BOOST_CHECK(EvalLeaves("2 1ADD", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("0 1ADD", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("-1 1ADD", StackOf({""})));
    BOOST_CHECK(EvalLeaves("127 1ADD", StackOf({"8000"})));
    BOOST_CHECK(EvalLeaves("2 1SUB", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0 1SUB", StackOf({"81"})));
    BOOST_CHECK(EvalLeaves("-127 1SUB", StackOf({"8080"})));
}

BOOST_AUTO_TEST_CASE(negate_abs)
{
    BOOST_CHECK(EvalLeaves("5 NEGATE", StackOf({"85"})));
    BOOST_CHECK(EvalLeaves("-5 NEGATE", StackOf({"05"})));
    BOOST_CHECK(EvalLeaves("0 NEGATE", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-2147483647 NEGATE", StackOf({"ffffff7f"})));
    BOOST_CHECK(EvalLeaves("-5 ABS", StackOf({"05"})));
    BOOST_CHECK(EvalLeaves("5 ABS", StackOf({"05"})));
    BOOST_CHECK(EvalLeaves("0 ABS", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-2147483647 ABS", StackOf({"ffffff7f"})));
}

BOOST_AUTO_TEST_CASE(not_and_0notequal)
{
    BOOST_CHECK(EvalLeaves("0 NOT", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("1 NOT", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-3 NOT", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0 0NOTEQUAL", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-7 0NOTEQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("1000 0NOTEQUAL", StackOf({"01"})));
}

BOOST_AUTO_TEST_CASE(unary_ops_need_one_item)
{
    for (const std::string op : {"1ADD", "1SUB", "NEGATE", "ABS", "NOT", "0NOTEQUAL"}) {
        BOOST_CHECK(EvalGives(op, ScriptError::INVALID_STACK_OPERATION));
    }
}

BOOST_AUTO_TEST_CASE(add_sub)
{
    BOOST_CHECK(EvalLeaves("2 3 ADD", StackOf({"05"})));
    BOOST_CHECK(EvalLeaves("-2 3 ADD", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("2147483647 -2147483647 ADD", StackOf({""})));
    // a - b with b the top item.
    BOOST_CHECK(EvalLeaves("2 3 SUB", StackOf({"81"})));
    BOOST_CHECK(EvalLeaves("3 2 SUB", StackOf({"01"})));
}

BOOST_AUTO_TEST_CASE(booland_boolor)
{
    BOOST_CHECK(EvalLeaves("1 0 BOOLAND", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0 1 BOOLAND", StackOf({""})));
    BOOST_CHECK(EvalLeaves("2 -1 BOOLAND", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0 0 BOOLAND", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0 0 BOOLOR", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0 3 BOOLOR", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("-1 0 BOOLOR", StackOf({"01"})));
    // Numeric truth: negative zero is zero.
    BOOST_CHECK(EvalLeaves("0x0180 1 BOOLAND", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0x0180 0 BOOLOR", StackOf({""})));
}

BOOST_AUTO_TEST_CASE(numeric_comparisons)
{
    BOOST_CHECK(EvalLeaves("3 3 NUMEQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("3 4 NUMEQUAL", StackOf({""})));
    BOOST_CHECK(EvalLeaves("3 4 NUMNOTEQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("3 3 NUMNOTEQUAL", StackOf({""})));
    // (a b -- a < b): b is the top item.
    BOOST_CHECK(EvalLeaves("2 3 LESSTHAN", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("3 2 LESSTHAN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("3 3 LESSTHAN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-3 2 LESSTHAN", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("3 2 GREATERTHAN", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("2 3 GREATERTHAN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("3 3 GREATERTHAN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("3 3 LESSTHANOREQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("4 3 LESSTHANOREQUAL", StackOf({""})));
    BOOST_CHECK(EvalLeaves("3 3 GREATERTHANOREQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("2 3 GREATERTHANOREQUAL", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-2 3 MIN", StackOf({"82"})));
    BOOST_CHECK(EvalLeaves("3 -2 MIN", StackOf({"82"})));
    BOOST_CHECK(EvalLeaves("-2 3 MAX", StackOf({"03"})));
    BOOST_CHECK(EvalLeaves("3 -2 MAX", StackOf({"03"})));
}

BOOST_AUTO_TEST_CASE(numequalverify)
{
    BOOST_CHECK(EvalLeaves("3 3 NUMEQUALVERIFY", StackOf({})));
    BOOST_CHECK(EvalLeaves("7 3 3 NUMEQUALVERIFY", StackOf({"07"})));
    BOOST_CHECK(EvalGives("3 4 NUMEQUALVERIFY", ScriptError::NUMEQUALVERIFY));
    // Numeric, not byte-wise: negative zero equals zero.
    BOOST_CHECK(EvalLeaves("0x0180 0 NUMEQUALVERIFY", StackOf({})));
    BOOST_CHECK(EvalGives("3 NUMEQUALVERIFY", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(binary_ops_need_two_items)
{
    for (const std::string op : {"ADD", "SUB", "BOOLAND", "BOOLOR", "NUMEQUAL", "NUMEQUALVERIFY", "NUMNOTEQUAL",
                                 "LESSTHAN", "GREATERTHAN", "LESSTHANOREQUAL", "GREATERTHANOREQUAL", "MIN", "MAX"}) {
        BOOST_CHECK(EvalGives("1 " + op, ScriptError::INVALID_STACK_OPERATION));
        BOOST_CHECK(EvalGives(op, ScriptError::INVALID_STACK_OPERATION));
    }
}

BOOST_AUTO_TEST_CASE(within_is_half_open)
{
    // (x min max -- min <= x < max)
    BOOST_CHECK(EvalLeaves("0 0 1 WITHIN", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("1 0 1 WITHIN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-1 0 1 WITHIN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("-5 -10 0 WITHIN", StackOf({"01"})));
    // An empty (or reversed) range contains nothing.
    BOOST_CHECK(EvalLeaves("5 10 0 WITHIN", StackOf({""})));
    BOOST_CHECK(EvalLeaves("5 5 5 WITHIN", StackOf({""})));
    BOOST_CHECK(EvalGives("1 2 WITHIN", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("1 2 0x050000000001 WITHIN", ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(EvalGives("0x050000000001 1 2 WITHIN", ScriptError::UNKNOWN_ERROR));
}

BOOST_AUTO_TEST_CASE(operands_are_at_most_four_bytes)
{
    // 2^31 - 1 and -(2^31 - 1) are the extremes of a 4-byte operand.
    BOOST_CHECK(EvalLeaves("2147483647 0 ADD", StackOf({"ffffff7f"})));
    BOOST_CHECK(EvalLeaves("-2147483647 0 ADD", StackOf({"ffffffff"})));
    // Five bytes are refused by every numeric opcode, as either operand.
    for (const std::string op : {"1ADD", "1SUB", "NEGATE", "ABS", "NOT", "0NOTEQUAL"}) {
        BOOST_CHECK(EvalGives("0x050000000001 " + op, ScriptError::UNKNOWN_ERROR));
    }
    for (const std::string op : {"ADD", "SUB", "BOOLAND", "BOOLOR", "NUMEQUAL", "NUMEQUALVERIFY", "NUMNOTEQUAL",
                                 "LESSTHAN", "GREATERTHAN", "LESSTHANOREQUAL", "GREATERTHANOREQUAL", "MIN", "MAX"}) {
        BOOST_CHECK(EvalGives("1 0x050000000001 " + op, ScriptError::UNKNOWN_ERROR));
        BOOST_CHECK(EvalGives("0x050000000001 1 " + op, ScriptError::UNKNOWN_ERROR));
    }
    // Even a five-byte zero: the length is checked before the value.
    BOOST_CHECK(EvalGives("0x050000000000 1ADD", ScriptError::UNKNOWN_ERROR));
    // A wide but 4-byte zero is fine without MINIMALDATA.
    BOOST_CHECK(EvalLeaves("0x0400000000 1ADD", StackOf({"01"})));
}

BOOST_AUTO_TEST_CASE(results_may_be_five_bytes)
{
    BOOST_CHECK(EvalLeaves("2147483647 1ADD", StackOf({"0000008000"})));
    BOOST_CHECK(EvalLeaves("-2147483647 1SUB", StackOf({"0000008080"})));
    BOOST_CHECK(EvalLeaves("2147483647 2147483647 ADD", StackOf({"feffffff00"})));
    BOOST_CHECK(EvalLeaves("-2147483647 -2147483647 ADD", StackOf({"feffffff80"})));
    BOOST_CHECK(EvalLeaves("-2147483647 2147483647 SUB", StackOf({"feffffff80"})));
}

BOOST_AUTO_TEST_CASE(five_byte_results_only_for_non_numeric_ops)
{
    // Numeric opcodes refuse them...
    BOOST_CHECK(EvalGives("2147483647 1ADD 1SUB", ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(EvalGives("2147483647 1ADD 0 ADD", ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(EvalGives("2147483647 2147483647 ADD 1 NUMEQUAL", ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(EvalGives("2147483647 1ADD 0 1 WITHIN", ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(EvalGives("1 2 3 2147483647 1ADD PICK", ScriptError::UNKNOWN_ERROR));
    // ...while byte-level ones take them as they are.
    BOOST_CHECK(EvalLeaves("2147483647 1ADD 0x050000008000 EQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("2147483647 1ADD SIZE NIP", StackOf({"05"})));
    BOOST_CHECK(EvalLeaves("2147483647 1ADD VERIFY", StackOf({})));
    BOOST_CHECK(EvalLeaves("2147483647 1ADD DUP EQUAL", StackOf({"01"})));
}

BOOST_AUTO_TEST_CASE(negative_zero_is_zero_numerically)
{
    BOOST_CHECK(EvalLeaves("0x0180 1ADD", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0x0180 NEGATE", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0x0180 NOT", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0x0180 0 NUMEQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0x0400000080 0 NUMEQUAL", StackOf({"01"})));
    // ...but not byte-wise, and false as a boolean.
    BOOST_CHECK(EvalLeaves("0x0180 0 EQUAL", StackOf({""})));
    BOOST_CHECK(EvalGives("0x0180 VERIFY", ScriptError::VERIFY));
    BOOST_CHECK(EvalGives("0x0400000080 VERIFY", ScriptError::VERIFY));
}

BOOST_AUTO_TEST_CASE(minimaldata_refuses_non_minimal_numbers)
{
    const uint32_t f = SCRIPT_VERIFY_MINIMALDATA;
    // Negative zero and zero with padding are never minimal.
    BOOST_CHECK(EvalGives("0x0180 1ADD", ScriptError::UNKNOWN_ERROR, f));
    BOOST_CHECK(EvalGives("0x0100 1ADD", ScriptError::UNKNOWN_ERROR, f));
    BOOST_CHECK(EvalGives("0x020100 1ADD", ScriptError::UNKNOWN_ERROR, f));
    BOOST_CHECK(EvalGives("0x020180 1ADD", ScriptError::UNKNOWN_ERROR, f));
    BOOST_CHECK(EvalGives("1 0x020100 ADD", ScriptError::UNKNOWN_ERROR, f));
    BOOST_CHECK(EvalGives("0x020100 1 NUMEQUAL", ScriptError::UNKNOWN_ERROR, f));
    BOOST_CHECK(EvalGives("0x020100 0 1 WITHIN", ScriptError::UNKNOWN_ERROR, f));
    // The same scripts without the flag read the plain value.
    BOOST_CHECK(EvalLeaves("0x020100 1ADD", StackOf({"02"})));
    BOOST_CHECK(EvalLeaves("0x020180 1ADD", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0x020100 1 NUMEQUAL", StackOf({"01"})));
    // A padding byte is minimal when the sign bit needs it.
    BOOST_CHECK(EvalLeaves("0x028000 1SUB", StackOf({"7f"}), f));
    BOOST_CHECK(EvalLeaves("0x028080 1ADD", StackOf({"ff"}), f));
    // Non-numeric opcodes do not care.
    BOOST_CHECK(EvalLeaves("0x020100 SIZE NIP", StackOf({"02"}), f));
}

BOOST_AUTO_TEST_CASE(minimaldata_requires_shortest_push_opcode)
{
    const uint32_t f = SCRIPT_VERIFY_MINIMALDATA;
    // 1..16 and -1 must use OP_1..OP_16 and OP_1NEGATE, the empty vector OP_0.
    BOOST_CHECK(EvalGives("0x0101", ScriptError::MINIMALDATA, f));
    BOOST_CHECK(EvalGives("0x0110", ScriptError::MINIMALDATA, f));
    BOOST_CHECK(EvalGives("0x0181", ScriptError::MINIMALDATA, f));
    BOOST_CHECK(EvalGives("0x4c00", ScriptError::MINIMALDATA, f));
    // Up to 75 bytes: a direct push; then PUSHDATA1, PUSHDATA2.
    BOOST_CHECK(EvalGives("0x4c01aa", ScriptError::MINIMALDATA, f));
    BOOST_CHECK(EvalGives("0x4d0100aa", ScriptError::MINIMALDATA, f));
    BOOST_CHECK(EvalGives("0x4e01000000aa", ScriptError::MINIMALDATA, f));
    // No opcode pushes the single byte 0x00 or 0x11: a direct push is minimal.
    BOOST_CHECK(EvalLeaves("0x0100", StackOf({"00"}), f));
    BOOST_CHECK(EvalLeaves("0x0111", StackOf({"11"}), f));
    BOOST_CHECK(EvalLeaves("0x0180", StackOf({"80"}), f));
    // Without the flag every form pushes.
    BOOST_CHECK(EvalLeaves("0x0101 0x4c01aa 0x4c00", StackOf({"01", "aa", ""})));

    util::Bytes direct75{75};
    direct75.insert(direct75.end(), 75, 0xaa);
    BOOST_CHECK(EvalBytesGives(direct75, ScriptError::OK, f));
    util::Bytes pushdata1_75{script::OP_PUSHDATA1, 75};
    pushdata1_75.insert(pushdata1_75.end(), 75, 0xaa);
    BOOST_CHECK(EvalBytesGives(pushdata1_75, ScriptError::MINIMALDATA, f));
    util::Bytes pushdata1_76{script::OP_PUSHDATA1, 76};
    pushdata1_76.insert(pushdata1_76.end(), 76, 0xaa);
    BOOST_CHECK(EvalBytesGives(pushdata1_76, ScriptError::OK, f));
    util::Bytes pushdata2_255{script::OP_PUSHDATA2, 0xff, 0x00};
    pushdata2_255.insert(pushdata2_255.end(), 255, 0xaa);
    BOOST_CHECK(EvalBytesGives(pushdata2_255, ScriptError::MINIMALDATA, f));
    util::Bytes pushdata2_256{script::OP_PUSHDATA2, 0x00, 0x01};
    pushdata2_256.insert(pushdata2_256.end(), 256, 0xaa);
    BOOST_CHECK(EvalBytesGives(pushdata2_256, ScriptError::OK, f));
    util::Bytes pushdata4_256{script::OP_PUSHDATA4, 0x00, 0x01, 0x00, 0x00};
    pushdata4_256.insert(pushdata4_256.end(), 256, 0xaa);
    BOOST_CHECK(EvalBytesGives(pushdata4_256, ScriptError::MINIMALDATA, f));
}

BOOST_AUTO_TEST_CASE(minimaldata_ignores_unexecuted_pushes)
{
    const uint32_t f = SCRIPT_VERIFY_MINIMALDATA;
    BOOST_CHECK(EvalLeaves("0 IF 0x0101 0x4c01aa ENDIF 1", StackOf({"01"}), f));
    BOOST_CHECK(EvalGives("1 IF 0x0101 ENDIF 1", ScriptError::MINIMALDATA, f));
}

BOOST_AUTO_TEST_CASE(equal_compares_bytes)
{
    BOOST_CHECK(EvalLeaves("1 1 EQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("1 2 EQUAL", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0x0101 1 EQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("0x020100 1 EQUAL", StackOf({""})));
    BOOST_CHECK(EvalLeaves("0 0 EQUAL", StackOf({"01"})));
    BOOST_CHECK(EvalLeaves("1 1 EQUALVERIFY", StackOf({})));
    BOOST_CHECK(EvalGives("1 2 EQUALVERIFY", ScriptError::EQUALVERIFY));
    BOOST_CHECK(EvalGives("1 EQUAL", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("1 EQUALVERIFY", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_SUITE_END()
