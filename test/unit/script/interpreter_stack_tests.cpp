// Stack opcodes (Bitcoin Core interpreter.cpp "Stack ops"), each with the
// stack it must leave, the error for too few items, and the 1,000-element
// limit on stack plus altstack.
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using namespace test;

BOOST_AUTO_TEST_SUITE(interpreter_stack_tests)

BOOST_AUTO_TEST_CASE(dup_family_copies_top_items)
{
    BOOST_CHECK(EvalLeaves("1 DUP", StackOf({"01", "01"})));
    BOOST_CHECK(EvalLeaves("1 2 2DUP", StackOf({"01", "02", "01", "02"})));
    BOOST_CHECK(EvalLeaves("1 2 3 3DUP", StackOf({"01", "02", "03", "01", "02", "03"})));
    // Copies are independent values, including empty ones.
    BOOST_CHECK(EvalLeaves("0 DUP", StackOf({"", ""})));
}

BOOST_AUTO_TEST_CASE(dup_family_needs_enough_items)
{
    BOOST_CHECK(EvalGives("DUP", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("1 2DUP", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalGives("1 2 3DUP", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(two_item_ops_over_rot_swap_drop)
{
    // (x1 x2 x3 x4 -- x1 x2 x3 x4 x1 x2)
    BOOST_CHECK(EvalLeaves("1 2 3 4 2OVER", StackOf({"01", "02", "03", "04", "01", "02"})));
    BOOST_CHECK(EvalGives("1 2 3 2OVER", ScriptError::INVALID_STACK_OPERATION));
    // (x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2)
    BOOST_CHECK(EvalLeaves("1 2 3 4 5 6 2ROT", StackOf({"03", "04", "05", "06", "01", "02"})));
    BOOST_CHECK(EvalLeaves("7 1 2 3 4 5 6 2ROT", StackOf({"07", "03", "04", "05", "06", "01", "02"})));
    BOOST_CHECK(EvalGives("1 2 3 4 5 2ROT", ScriptError::INVALID_STACK_OPERATION));
    // (x1 x2 x3 x4 -- x3 x4 x1 x2)
    BOOST_CHECK(EvalLeaves("1 2 3 4 2SWAP", StackOf({"03", "04", "01", "02"})));
    BOOST_CHECK(EvalGives("1 2 3 2SWAP", ScriptError::INVALID_STACK_OPERATION));
    // (x1 x2 --)
    BOOST_CHECK(EvalLeaves("1 2 3 2DROP", StackOf({"01"})));
    BOOST_CHECK(EvalGives("1 2DROP", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(ifdup_duplicates_only_true_values)
{
    BOOST_CHECK(EvalLeaves("1 IFDUP", StackOf({"01", "01"})));
    BOOST_CHECK(EvalLeaves("-1 IFDUP", StackOf({"81", "81"})));
    BOOST_CHECK(EvalLeaves("0 IFDUP", StackOf({""})));
    // False by CastToBool: zero bytes and negative zero, in any length.
    BOOST_CHECK(EvalLeaves("0x0100 IFDUP", StackOf({"00"})));
    BOOST_CHECK(EvalLeaves("0x0180 IFDUP", StackOf({"80"})));
    BOOST_CHECK(EvalLeaves("0x03000080 IFDUP", StackOf({"000080"})));
    // A sign bit that is not in the last byte makes a true value.
    BOOST_CHECK(EvalLeaves("0x028000 IFDUP", StackOf({"8000", "8000"})));
    BOOST_CHECK(EvalGives("IFDUP", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(depth_pushes_item_count)
{
    BOOST_CHECK(EvalLeaves("DEPTH", StackOf({""})));
    BOOST_CHECK(EvalLeaves("1 1 DEPTH", StackOf({"01", "01", "02"})));
    // The altstack does not count.
    BOOST_CHECK(EvalLeaves("1 1 TOALTSTACK DEPTH", StackOf({"01", "01"})));
    // 200 items: DEPTH pushes 0xc800 (200 needs a sign byte).
    const Stack initial(200, util::Bytes{});
    const EvalOutcome got = Eval(Script("DEPTH"), 0, initial);
    BOOST_CHECK(got.error == ScriptError::OK);
    BOOST_CHECK_EQUAL(util::HexStr(got.stack.back()), "c800");
}

BOOST_AUTO_TEST_CASE(drop_nip_over)
{
    BOOST_CHECK(EvalLeaves("1 2 DROP", StackOf({"01"})));
    BOOST_CHECK(EvalGives("DROP", ScriptError::INVALID_STACK_OPERATION));
    // (x1 x2 -- x2)
    BOOST_CHECK(EvalLeaves("1 2 NIP", StackOf({"02"})));
    BOOST_CHECK(EvalGives("1 NIP", ScriptError::INVALID_STACK_OPERATION));
    // (x1 x2 -- x1 x2 x1)
    BOOST_CHECK(EvalLeaves("1 2 OVER", StackOf({"01", "02", "01"})));
    BOOST_CHECK(EvalGives("1 OVER", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(pick_copies_nth_item)
{
    BOOST_CHECK(EvalLeaves("1 2 3 0 PICK", StackOf({"01", "02", "03", "03"})));
    BOOST_CHECK(EvalLeaves("1 2 3 2 PICK", StackOf({"01", "02", "03", "01"})));
}

BOOST_AUTO_TEST_CASE(roll_moves_nth_item)
{
    BOOST_CHECK(EvalLeaves("1 2 3 0 ROLL", StackOf({"01", "02", "03"})));
    BOOST_CHECK(EvalLeaves("1 2 3 1 ROLL", StackOf({"01", "03", "02"})));
    BOOST_CHECK(EvalLeaves("1 2 3 2 ROLL", StackOf({"02", "03", "01"})));
}

BOOST_AUTO_TEST_CASE(pick_roll_index_out_of_range_or_negative)
{
    for (const std::string op : {"PICK", "ROLL"}) {
        // n counts the items left after n itself is popped: n == size is out of range.
        BOOST_CHECK(EvalGives("1 2 3 3 " + op, ScriptError::INVALID_STACK_OPERATION));
        BOOST_CHECK(EvalGives("1 2 3 2147483647 " + op, ScriptError::INVALID_STACK_OPERATION));
        BOOST_CHECK(EvalGives("1 2 3 -1 " + op, ScriptError::INVALID_STACK_OPERATION));
        BOOST_CHECK(EvalGives("1 2 3 -2147483647 " + op, ScriptError::INVALID_STACK_OPERATION));
        // Only n itself on the stack: nothing left to pick.
        BOOST_CHECK(EvalGives("0 " + op, ScriptError::INVALID_STACK_OPERATION));
        BOOST_CHECK(EvalGives(op, ScriptError::INVALID_STACK_OPERATION));
    }
}

BOOST_AUTO_TEST_CASE(pick_roll_index_encoding)
{
    for (const std::string op : {"PICK", "ROLL"}) {
        // 0x0100 is a non-minimal 1: read as 1 without MINIMALDATA, an error with it
        // (Core's CScriptNum throws, which ends the script with UNKNOWN_ERROR).
        BOOST_CHECK(EvalGives("1 2 3 0x020100 " + op, ScriptError::OK));
        BOOST_CHECK(EvalGives("1 2 3 0x020100 " + op, ScriptError::UNKNOWN_ERROR, script::SCRIPT_VERIFY_MINIMALDATA));
        // Negative zero is zero without MINIMALDATA.
        BOOST_CHECK(EvalGives("1 2 3 0x0180 " + op, ScriptError::OK));
        BOOST_CHECK(EvalGives("1 2 3 0x0180 " + op, ScriptError::UNKNOWN_ERROR, script::SCRIPT_VERIFY_MINIMALDATA));
        // Five-byte indexes are out of the 4-byte operand range, with or without flags.
        BOOST_CHECK(EvalGives("1 2 3 0x050100000000 " + op, ScriptError::UNKNOWN_ERROR));
    }
    BOOST_CHECK(EvalLeaves("1 2 3 0x020100 PICK", StackOf({"01", "02", "03", "02"})));
    BOOST_CHECK(EvalLeaves("1 2 3 0x020100 ROLL", StackOf({"01", "03", "02"})));
}

BOOST_AUTO_TEST_CASE(rot_swap_tuck)
{
    // (x1 x2 x3 -- x2 x3 x1)
    BOOST_CHECK(EvalLeaves("1 2 3 ROT", StackOf({"02", "03", "01"})));
    BOOST_CHECK(EvalGives("1 2 ROT", ScriptError::INVALID_STACK_OPERATION));
    BOOST_CHECK(EvalLeaves("1 2 SWAP", StackOf({"02", "01"})));
    BOOST_CHECK(EvalGives("1 SWAP", ScriptError::INVALID_STACK_OPERATION));
    // (x1 x2 -- x2 x1 x2)
    BOOST_CHECK(EvalLeaves("1 2 TUCK", StackOf({"02", "01", "02"})));
    BOOST_CHECK(EvalLeaves("7 1 2 TUCK", StackOf({"07", "02", "01", "02"})));
    BOOST_CHECK(EvalGives("1 TUCK", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(size_pushes_length_without_popping)
{
    BOOST_CHECK(EvalLeaves("0 SIZE", StackOf({"", ""})));
    BOOST_CHECK(EvalLeaves("0x03aabbcc SIZE", StackOf({"aabbcc", "03"})));
    // Negative zero is one byte long.
    BOOST_CHECK(EvalLeaves("0x0180 SIZE", StackOf({"80", "01"})));
    // 128 needs a sign byte: 0x8000; 520 is 0x0802.
    const EvalOutcome s128 = Eval(ScriptBuilder().Push(Repeat(1, 128)).Op(script::OP_SIZE));
    BOOST_REQUIRE(s128.error == ScriptError::OK);
    BOOST_CHECK_EQUAL(util::HexStr(s128.stack.back()), "8000");
    const EvalOutcome s520 = Eval(ScriptBuilder().Push(Repeat(1, 520)).Op(script::OP_SIZE));
    BOOST_REQUIRE(s520.error == ScriptError::OK);
    BOOST_CHECK_EQUAL(s520.stack.size(), 2U);
    BOOST_CHECK_EQUAL(util::HexStr(s520.stack.back()), "0802");
    BOOST_CHECK(EvalGives("SIZE", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(altstack_round_trip)
{
    BOOST_CHECK(EvalLeaves("1 2 TOALTSTACK 3 FROMALTSTACK", StackOf({"01", "03", "02"})));
    // Last in, first out.
    BOOST_CHECK(EvalLeaves("1 2 TOALTSTACK TOALTSTACK FROMALTSTACK FROMALTSTACK", StackOf({"01", "02"})));
    BOOST_CHECK(EvalGives("FROMALTSTACK", ScriptError::INVALID_ALTSTACK_OPERATION));
    BOOST_CHECK(EvalGives("1 TOALTSTACK FROMALTSTACK FROMALTSTACK", ScriptError::INVALID_ALTSTACK_OPERATION));
    BOOST_CHECK(EvalGives("TOALTSTACK", ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(altstack_does_not_survive_between_scriptsig_and_scriptpubkey)
{
    // scriptSig and scriptPubKey are separate evaluations: only the main stack carries over.
    const util::Bytes script_sig = Script("1 TOALTSTACK");
    const util::Bytes script_pubkey = Script("FROMALTSTACK");
    const script::SignatureChecker checker;
    BOOST_CHECK(script::VerifyScript(script_sig, script_pubkey, nullptr, 0, checker) ==
                ScriptError::INVALID_ALTSTACK_OPERATION);
    BOOST_CHECK(script::VerifyScript(Script("1"), Script("DUP DROP"), nullptr, 0, checker) == ScriptError::OK);
}

BOOST_AUTO_TEST_CASE(stack_limit_exactly_1000_items)
{
    // Pushes are not opcodes for the 201 limit, so 1000 OP_1 fit.
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 1000), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 1001), ScriptError::STACK_SIZE));
    // An opcode that grows the stack past the limit.
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 999).Op(script::OP_DUP), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 999).Op(script::OP_2DUP), ScriptError::STACK_SIZE));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 998).Op(script::OP_2DUP), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 998).Op(script::OP_3DUP), ScriptError::STACK_SIZE));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 1000).Op(script::OP_DEPTH), ScriptError::STACK_SIZE));
    // Items already on the stack count too.
    BOOST_CHECK(EvalBytesGives(Script("1"), ScriptError::OK, 0, Stack(999, util::Bytes{})));
    BOOST_CHECK(EvalBytesGives(Script("1"), ScriptError::STACK_SIZE, 0, Stack(1000, util::Bytes{})));
}

BOOST_AUTO_TEST_CASE(stack_limit_counts_altstack)
{
    // Moving items to the altstack does not free room: the limit is on the sum.
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 1000).Op(script::OP_TOALTSTACK, 10), ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 1000).Op(script::OP_TOALTSTACK).Op(script::OP_1),
                               ScriptError::STACK_SIZE));
    BOOST_CHECK(EvalBytesGives(ScriptBuilder().Op(script::OP_1, 999).Op(script::OP_TOALTSTACK).Op(script::OP_1),
                               ScriptError::OK));
    BOOST_CHECK(EvalBytesGives(
        ScriptBuilder().Op(script::OP_1, 999).Op(script::OP_TOALTSTACK).Op(script::OP_1).Op(script::OP_1),
        ScriptError::STACK_SIZE));
    // Dropping makes room again.
    BOOST_CHECK(EvalBytesGives(
        ScriptBuilder().Op(script::OP_1, 1000).Op(script::OP_TOALTSTACK).Op(script::OP_DROP).Op(script::OP_1),
        ScriptError::OK));
}

BOOST_AUTO_TEST_SUITE_END()
