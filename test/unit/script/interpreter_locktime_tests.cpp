// OP_CHECKLOCKTIMEVERIFY (BIP65) and OP_CHECKSEQUENCEVERIFY (BIP112) against
// a real transaction: heights against times, the final sequence, the disable
// flags, the transaction version, 5-byte operands and negative operands.
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using namespace test;

namespace {

constexpr uint32_t CLTV = script::SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY;
constexpr uint32_t CSV = script::SCRIPT_VERIFY_CHECKSEQUENCEVERIFY;

struct TxParams {
    uint32_t lock_time{0};
    uint32_t sequence{0};
    uint32_t version{2};
};

std::string Show(const TxParams& p)
{
    std::ostringstream s;
    s << "tx(version=" << p.version << " lock_time=" << p.lock_time << " sequence=0x" << std::hex << p.sequence << ")";
    return s.str();
}

// Runs `notation` (BASE rules) with a checker for input 0 of a transaction
// shaped by `p`.
EvalOutcome RunAgainstTx(const std::string& notation, const TxParams& p, uint32_t flags)
{
    SpendFixture f = MakeSpend(Script("1"), Amount(primitives::COIN), p.version);
    f.spend.lock_time = p.lock_time;
    f.In().sequence = p.sequence;
    const script::PrecomputedTxData precomputed(f.spend, f.spent);
    const script::TransactionSignatureChecker checker(f.spend, 0, f.spent[0].value, precomputed);
    Stack stack;
    const ScriptError e = script::EvalScript(stack, Script(notation), flags, checker, script::SigVersion::BASE);
    return {e, std::move(stack)};
}

boost::test_tools::predicate_result Gives(const std::string& notation, const TxParams& p, uint32_t flags,
                                          ScriptError expected)
{
    const EvalOutcome got = RunAgainstTx(notation, p, flags);
    if (got.error == expected) return true;
    boost::test_tools::predicate_result r(false);
    r.message() << Describe(notation, flags, script::SigVersion::BASE) << " " << Show(p) << ": got "
                << script::ScriptErrorName(got.error) << ", expected " << script::ScriptErrorName(expected);
    return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(interpreter_locktime_tests)

BOOST_AUTO_TEST_CASE(cltv_height_lock)
{
    const TxParams tx{.lock_time = 100, .sequence = 0};
    BOOST_CHECK(Gives("100 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("99 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("0 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("101 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("499999999 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    // The operand stays on the stack (it is a NOP upgrade).
    BOOST_CHECK(RunAgainstTx("100 CHECKLOCKTIMEVERIFY", tx, CLTV).stack == StackOf({"64"}));
}

BOOST_AUTO_TEST_CASE(cltv_time_lock_and_threshold)
{
    // 500,000,000 separates heights (below) from times (at or above).
    const TxParams time_tx{.lock_time = 500000000, .sequence = 0};
    BOOST_CHECK(Gives("500000000 CHECKLOCKTIMEVERIFY", time_tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("500000001 CHECKLOCKTIMEVERIFY", time_tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    // A height never satisfies a time-locked transaction, however small.
    BOOST_CHECK(Gives("499999999 CHECKLOCKTIMEVERIFY", time_tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("0 CHECKLOCKTIMEVERIFY", time_tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    const TxParams height_tx{.lock_time = 499999999, .sequence = 0};
    BOOST_CHECK(Gives("500000000 CHECKLOCKTIMEVERIFY", height_tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("499999999 CHECKLOCKTIMEVERIFY", height_tx, CLTV, ScriptError::OK));
    const TxParams late{.lock_time = 1700000000, .sequence = 0};
    BOOST_CHECK(Gives("1600000000 CHECKLOCKTIMEVERIFY", late, CLTV, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(cltv_fails_on_final_sequence)
{
    // A final input would make the lock time ineffective (IsFinalTx).
    BOOST_CHECK(Gives("0 CHECKLOCKTIMEVERIFY", {.lock_time = 100, .sequence = 0xffffffff}, CLTV,
                      ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("0 CHECKLOCKTIMEVERIFY", {.lock_time = 100, .sequence = 0xfffffffe}, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("0 CHECKLOCKTIMEVERIFY", {.lock_time = 0, .sequence = 0xffffffff}, CLTV,
                      ScriptError::UNSATISFIED_LOCKTIME));
}

BOOST_AUTO_TEST_CASE(cltv_negative_and_encoding)
{
    const TxParams tx{.lock_time = 100, .sequence = 0};
    BOOST_CHECK(Gives("-1 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::NEGATIVE_LOCKTIME));
    BOOST_CHECK(Gives("-100 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::NEGATIVE_LOCKTIME));
    BOOST_CHECK(Gives("0x05ffffffff80 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::NEGATIVE_LOCKTIME));
    // "0 MAX" clamps a possibly negative computed value, as BIP65 suggests.
    BOOST_CHECK(Gives("-5 0 MAX CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::OK));
    // Negative zero is zero, unless MINIMALDATA rejects its encoding.
    BOOST_CHECK(Gives("0x0180 CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("0x0180 CHECKLOCKTIMEVERIFY", tx, CLTV | script::SCRIPT_VERIFY_MINIMALDATA,
                      ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(Gives("CHECKLOCKTIMEVERIFY", tx, CLTV, ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(cltv_accepts_five_byte_operands)
{
    // nLockTime is a uint32: up to 2^32 - 1, which needs 5 script-number bytes.
    const TxParams max_tx{.lock_time = 0xffffffff, .sequence = 0};
    BOOST_CHECK(Gives("0x05ffffffff00 CHECKLOCKTIMEVERIFY", max_tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("4294967295 CHECKLOCKTIMEVERIFY", max_tx, CLTV, ScriptError::OK));
    BOOST_CHECK(Gives("0x050000000001 CHECKLOCKTIMEVERIFY", max_tx, CLTV, ScriptError::UNSATISFIED_LOCKTIME));
    // A 5-byte arithmetic result is a valid operand here.
    BOOST_CHECK(Gives("2147483647 2147483647 ADD CHECKLOCKTIMEVERIFY", max_tx, CLTV, ScriptError::OK));
    // Six bytes are too many.
    BOOST_CHECK(Gives("0x06000000000000 CHECKLOCKTIMEVERIFY", max_tx, CLTV, ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(Gives("0x06ffffffff0000 CHECKLOCKTIMEVERIFY", max_tx, CLTV, ScriptError::UNKNOWN_ERROR));
}

BOOST_AUTO_TEST_CASE(cltv_is_nop2_without_its_flag)
{
    const TxParams tx{.lock_time = 100, .sequence = 0xffffffff};
    BOOST_CHECK(Gives("101 CHECKLOCKTIMEVERIFY", tx, 0, ScriptError::OK));
    BOOST_CHECK(Gives("-1 CHECKLOCKTIMEVERIFY", tx, 0, ScriptError::OK));
    BOOST_CHECK(Gives("CHECKLOCKTIMEVERIFY", tx, 0, ScriptError::OK));
    // Not "discouraged" either: adding a flag must only ever restrict (Core PR #10699).
    BOOST_CHECK(Gives("101 CHECKLOCKTIMEVERIFY", tx, script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(csv_height_lock)
{
    const TxParams tx{.sequence = 10};
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("9 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("0 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("11 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("65535 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(RunAgainstTx("10 CHECKSEQUENCEVERIFY", tx, CSV).stack == StackOf({"0a"}));
}

BOOST_AUTO_TEST_CASE(csv_time_lock_type_flag)
{
    // Bit 22 marks a time lock (units of 512 s); heights and times do not compare.
    const uint32_t TYPE = 1U << 22;
    const TxParams time_tx{.sequence = TYPE | 10};
    BOOST_CHECK(Gives("4194314 CHECKSEQUENCEVERIFY", time_tx, CSV, ScriptError::OK)); // TYPE | 10
    BOOST_CHECK(Gives("4194313 CHECKSEQUENCEVERIFY", time_tx, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("4194315 CHECKSEQUENCEVERIFY", time_tx, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", time_tx, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("0 CHECKSEQUENCEVERIFY", time_tx, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    const TxParams height_tx{.sequence = 10};
    BOOST_CHECK(Gives("4194304 CHECKSEQUENCEVERIFY", height_tx, CSV, ScriptError::UNSATISFIED_LOCKTIME));
}

BOOST_AUTO_TEST_CASE(csv_ignores_bits_outside_the_mask)
{
    // Only bit 22 and the low 16 bits mean anything (BIP68).
    BOOST_CHECK(Gives("65546 CHECKSEQUENCEVERIFY", {.sequence = 10}, CSV, ScriptError::OK)); // 0x1000a
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", {.sequence = 0x0001000a}, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("11 CHECKSEQUENCEVERIFY", {.sequence = 0x0001000a}, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", {.sequence = 0x7fbf000a}, CSV, ScriptError::OK));
    // Above bit 31 too: 2^32 + 10 is 10 after masking, and bit 31 is clear.
    BOOST_CHECK(Gives("0x050a00000001 CHECKSEQUENCEVERIFY", {.sequence = 10}, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("0x050b00000001 CHECKSEQUENCEVERIFY", {.sequence = 10}, CSV, ScriptError::UNSATISFIED_LOCKTIME));
}

BOOST_AUTO_TEST_CASE(csv_needs_version_2)
{
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", {.sequence = 10, .version = 1}, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("0 CHECKSEQUENCEVERIFY", {.sequence = 10, .version = 0}, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", {.sequence = 10, .version = 3}, CSV, ScriptError::OK));
    // The version is unsigned (Core 28+): 0xffffffff is at least 2.
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", {.sequence = 10, .version = 0xffffffff}, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("10 CHECKSEQUENCEVERIFY", {.sequence = 10, .version = 0x80000000}, CSV, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(csv_input_with_disable_flag_fails)
{
    // An input whose sequence has bit 31 set has no relative lock to compare with.
    BOOST_CHECK(Gives("0 CHECKSEQUENCEVERIFY", {.sequence = 0x8000000a}, CSV, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(Gives("0 CHECKSEQUENCEVERIFY", {.sequence = 0xffffffff}, CSV, ScriptError::UNSATISFIED_LOCKTIME));
}

BOOST_AUTO_TEST_CASE(csv_operand_with_disable_flag_is_nop)
{
    // 2^31 needs 5 bytes; with bit 31 set CSV does nothing, whatever the transaction.
    const TxParams anything{.sequence = 0xffffffff, .version = 1};
    BOOST_CHECK(Gives("0x050000008000 CHECKSEQUENCEVERIFY", anything, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("0x05ffffffff00 CHECKSEQUENCEVERIFY", anything, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("0x050a00008000 CHECKSEQUENCEVERIFY", anything, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("0x05ffffffff7f CHECKSEQUENCEVERIFY", anything, CSV, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(csv_negative_and_encoding)
{
    const TxParams tx{.sequence = 10};
    // Negative is checked first, before the disable flag could make it a NOP.
    BOOST_CHECK(Gives("-1 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::NEGATIVE_LOCKTIME));
    BOOST_CHECK(Gives("0x050000008080 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::NEGATIVE_LOCKTIME));
    BOOST_CHECK(Gives("0x06000000000000 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(Gives("0x020a00 CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::OK));
    BOOST_CHECK(Gives("0x020a00 CHECKSEQUENCEVERIFY", tx, CSV | script::SCRIPT_VERIFY_MINIMALDATA,
                      ScriptError::UNKNOWN_ERROR));
    BOOST_CHECK(Gives("CHECKSEQUENCEVERIFY", tx, CSV, ScriptError::INVALID_STACK_OPERATION));
}

BOOST_AUTO_TEST_CASE(csv_is_nop3_without_its_flag)
{
    const TxParams tx{.sequence = 0xffffffff, .version = 1};
    BOOST_CHECK(Gives("11 CHECKSEQUENCEVERIFY", tx, 0, ScriptError::OK));
    BOOST_CHECK(Gives("-1 CHECKSEQUENCEVERIFY", tx, 0, ScriptError::OK));
    BOOST_CHECK(Gives("CHECKSEQUENCEVERIFY", tx, 0, ScriptError::OK));
    BOOST_CHECK(Gives("11 CHECKSEQUENCEVERIFY", tx, script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(locktime_through_verify_script)
{
    // The usual shape: <locktime> CLTV DROP <pubkey-free tail>, with the right flags.
    SpendFixture f = MakeSpend(Script("100 CHECKLOCKTIMEVERIFY DROP 10 CHECKSEQUENCEVERIFY DROP 1"),
                               Amount(primitives::COIN), 2);
    f.spend.lock_time = 100;
    f.In().sequence = 10;
    BOOST_CHECK(VerifyGives(f, CONSENSUS_FLAGS, ScriptError::OK));
    f.spend.lock_time = 99;
    BOOST_CHECK(VerifyGives(f, CONSENSUS_FLAGS, ScriptError::UNSATISFIED_LOCKTIME));
    f.spend.lock_time = 100;
    f.In().sequence = 9;
    BOOST_CHECK(VerifyGives(f, CONSENSUS_FLAGS, ScriptError::UNSATISFIED_LOCKTIME));
    BOOST_CHECK(VerifyGives(f, script::SCRIPT_VERIFY_P2SH, ScriptError::OK));
}

BOOST_AUTO_TEST_SUITE_END()
