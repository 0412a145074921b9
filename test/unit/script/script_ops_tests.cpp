#include <script/script_ops.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

using namespace script;
using test::Hex;

namespace {

// Reads every operation; returns false if one fails to parse.
bool ParsesFully(const util::Bytes& script)
{
    size_t pos = 0;
    Opcode op;
    util::ByteSpan data;
    while (pos < script.size()) {
        if (!GetScriptOp(script, pos, op, &data)) return false;
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(script_ops_tests)

BOOST_AUTO_TEST_CASE(get_op_pushes)
{
    const util::Bytes script = Hex("00" "03aabbcc" "4c02dddd" "4d0100ee" "4e01000000ff" "76");
    size_t pos = 0;
    Opcode op;
    util::ByteSpan data;

    BOOST_REQUIRE(GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, OP_0);
    BOOST_CHECK(data.empty());
    BOOST_CHECK_EQUAL(pos, 1u);

    BOOST_REQUIRE(GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, 3);
    BOOST_CHECK_EQUAL(util::HexStr(data), "aabbcc");

    BOOST_REQUIRE(GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, OP_PUSHDATA1);
    BOOST_CHECK_EQUAL(util::HexStr(data), "dddd");

    BOOST_REQUIRE(GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, OP_PUSHDATA2);
    BOOST_CHECK_EQUAL(util::HexStr(data), "ee");

    BOOST_REQUIRE(GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, OP_PUSHDATA4);
    BOOST_CHECK_EQUAL(util::HexStr(data), "ff");

    BOOST_REQUIRE(GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, OP_DUP);
    BOOST_CHECK(data.empty());
    BOOST_CHECK_EQUAL(pos, script.size());

    // At the end: fails and reports OP_INVALIDOPCODE.
    BOOST_CHECK(!GetScriptOp(script, pos, op, &data));
    BOOST_CHECK_EQUAL(op, OP_INVALIDOPCODE);

    // Data pointer is optional.
    pos = 1;
    BOOST_CHECK(GetScriptOp(script, pos, op, nullptr));
    BOOST_CHECK_EQUAL(pos, 5u);
}

BOOST_AUTO_TEST_CASE(get_op_truncated)
{
    for (const char* hex : {"01", "02aa", "4c", "4c01", "4d01", "4d0100", "4e010000", "4e01000000", "4bff"}) {
        const util::Bytes script = Hex(hex);
        size_t pos = 0;
        Opcode op = OP_NOP;
        util::ByteSpan data = script;
        BOOST_CHECK_MESSAGE(!GetScriptOp(script, pos, op, &data), hex);
        BOOST_CHECK_EQUAL(op, OP_INVALIDOPCODE);
        BOOST_CHECK(data.empty());
        BOOST_CHECK_EQUAL(pos, 0u);
    }
    // A huge PUSHDATA4 length does not overflow the bounds check.
    const util::Bytes huge = Hex("4effffffff00");
    size_t pos = 0;
    Opcode op;
    BOOST_CHECK(!GetScriptOp(huge, pos, op, nullptr));
}

BOOST_AUTO_TEST_CASE(push_only_and_valid_ops)
{
    BOOST_CHECK(IsPushOnly({}));
    BOOST_CHECK(IsPushOnly(Hex("00514f60" "02aabb")));
    BOOST_CHECK(IsPushOnly(Hex("50")));  // OP_RESERVED counts as a push
    BOOST_CHECK(!IsPushOnly(Hex("61"))); // OP_NOP
    BOOST_CHECK(!IsPushOnly(Hex("0276")));  // truncated
    BOOST_CHECK(IsPushOnly(Hex("6a01ff"), 1));
    BOOST_CHECK(!IsPushOnly(Hex("6a01ff"), 0));

    BOOST_CHECK(HasValidOps({}));
    BOOST_CHECK(HasValidOps(Hex("76a9b9")));
    BOOST_CHECK(!HasValidOps(Hex("ba")));  // OP_CHECKSIGADD is above MAX_OPCODE
    BOOST_CHECK(!HasValidOps(Hex("ff")));
    BOOST_CHECK(!HasValidOps(Hex("01")));
    util::Bytes push520 = Hex("4d0802");
    push520.resize(push520.size() + 520, 0x11);
    BOOST_CHECK(HasValidOps(push520));
    util::Bytes push521 = Hex("4d0902");
    push521.resize(push521.size() + 521, 0x11);
    BOOST_CHECK(ParsesFully(push521));
    BOOST_CHECK(!HasValidOps(push521));
}

BOOST_AUTO_TEST_CASE(templates)
{
    const util::Bytes p2sh = Hex("a914" "0000000000000000000000000000000000000000" "87");
    BOOST_CHECK(IsPayToScriptHash(p2sh));
    BOOST_CHECK(!IsPayToScriptHash(Hex("a9150000000000000000000000000000000000000000" "87")));
    BOOST_CHECK(!IsPayToScriptHash(Hex("a914" "0000000000000000000000000000000000000000" "88")));
    BOOST_CHECK(!IsPayToScriptHash(Hex("a94c14" "0000000000000000000000000000000000000000" "87")));

    const util::Bytes p2wsh = Hex("0020" "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262");
    BOOST_CHECK(IsPayToWitnessScriptHash(p2wsh));
    BOOST_CHECK(!IsPayToWitnessScriptHash(Hex("5120" "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")));

    BOOST_CHECK(IsPayToAnchor(Hex("51024e73")));
    BOOST_CHECK(!IsPayToAnchor(Hex("52024e73")));
    BOOST_CHECK(!IsPayToAnchor(Hex("00024e73")));
    BOOST_CHECK(IsPayToAnchor(1, Hex("4e73")));
    BOOST_CHECK(!IsPayToAnchor(0, Hex("4e73")));
    BOOST_CHECK(!IsPayToAnchor(1, Hex("4e7300")));

    BOOST_CHECK(IsUnspendable(Hex("6a")));
    BOOST_CHECK(IsUnspendable(Hex("6a04deadbeef")));
    BOOST_CHECK(!IsUnspendable(Hex("516a")));
    BOOST_CHECK(!IsUnspendable({}));
    BOOST_CHECK(!IsUnspendable(util::Bytes(MAX_SCRIPT_SIZE, OP_NOP)));
    BOOST_CHECK(IsUnspendable(util::Bytes(MAX_SCRIPT_SIZE + 1, OP_NOP)));
}

BOOST_AUTO_TEST_CASE(witness_programs)
{
    int version = -1;
    util::ByteSpan program;
    // `program` views the script, so keep the scripts alive.
    const util::Bytes v0 = Hex("0014751e76e8199196d454941c45d1b3a323f1433bd6");
    BOOST_CHECK(IsWitnessProgram(v0, version, program));
    BOOST_CHECK_EQUAL(version, 0);
    BOOST_CHECK_EQUAL(util::HexStr(program), "751e76e8199196d454941c45d1b3a323f1433bd6");

    const util::Bytes v16 = Hex("6002751e");
    BOOST_CHECK(IsWitnessProgram(v16, version, program));
    BOOST_CHECK_EQUAL(version, 16);
    BOOST_CHECK_EQUAL(util::HexStr(program), "751e");

    // 40-byte program is the longest; 41 is not a witness program.
    util::Bytes v1_40 = Hex("5128");
    v1_40.resize(42, 0xab);
    BOOST_CHECK(IsWitnessProgram(v1_40, version, program));
    BOOST_CHECK_EQUAL(program.size(), 40u);
    util::Bytes v1_41 = Hex("5129");
    v1_41.resize(43, 0xab);
    BOOST_CHECK(!IsWitnessProgram(v1_41, version, program));

    BOOST_CHECK(!IsWitnessProgram(Hex("5101aa"), version, program));        // 1-byte program
    BOOST_CHECK(!IsWitnessProgram(Hex("4f02aabb"), version, program));      // OP_1NEGATE is no version
    BOOST_CHECK(!IsWitnessProgram(Hex("5103aabb"), version, program));      // length mismatch
    BOOST_CHECK(!IsWitnessProgram(Hex("5102aabbcc"), version, program));    // trailing byte
    BOOST_CHECK(!IsWitnessProgram(Hex("514c02aabb"), version, program));    // PUSHDATA1 form
}

BOOST_AUTO_TEST_CASE(minimal_push)
{
    BOOST_CHECK(CheckMinimalPush({}, OP_0));
    BOOST_CHECK(!CheckMinimalPush({}, OP_PUSHDATA1));
    BOOST_CHECK(!CheckMinimalPush(Hex("05"), static_cast<Opcode>(1))); // should be OP_5
    BOOST_CHECK(CheckMinimalPush(Hex("05"), OP_5));
    BOOST_CHECK(CheckMinimalPush(Hex("10"), OP_16));
    BOOST_CHECK(CheckMinimalPush(Hex("11"), static_cast<Opcode>(1)));    // 17 has no OP_N
    BOOST_CHECK(!CheckMinimalPush(Hex("81"), static_cast<Opcode>(1)));   // should be OP_1NEGATE
    BOOST_CHECK(CheckMinimalPush(Hex("81"), OP_1NEGATE));
    BOOST_CHECK(CheckMinimalPush(Hex("00"), static_cast<Opcode>(1)));    // a zero byte is not OP_0's empty push
    const util::Bytes b75(75, 0xaa), b76(76, 0xaa), b255(255, 0xaa), b256(256, 0xaa), b65536(65536, 0xaa);
    BOOST_CHECK(CheckMinimalPush(b75, static_cast<Opcode>(75)));
    BOOST_CHECK(!CheckMinimalPush(b75, OP_PUSHDATA1));
    BOOST_CHECK(CheckMinimalPush(b76, OP_PUSHDATA1));
    BOOST_CHECK(CheckMinimalPush(b255, OP_PUSHDATA1));
    BOOST_CHECK(!CheckMinimalPush(b255, OP_PUSHDATA2));
    BOOST_CHECK(CheckMinimalPush(b256, OP_PUSHDATA2));
    BOOST_CHECK(CheckMinimalPush(b65536, OP_PUSHDATA4));
}

BOOST_AUTO_TEST_CASE(op_n)
{
    BOOST_CHECK_EQUAL(DecodeOpN(OP_0), 0);
    BOOST_CHECK_EQUAL(DecodeOpN(OP_1), 1);
    BOOST_CHECK_EQUAL(DecodeOpN(OP_16), 16);
    for (int n = 0; n <= 16; ++n) BOOST_CHECK_EQUAL(DecodeOpN(EncodeOpN(n)), n);
    BOOST_CHECK_EQUAL(EncodeOpN(0), OP_0);
    BOOST_CHECK_EQUAL(EncodeOpN(7), OP_7);
}

BOOST_AUTO_TEST_CASE(append_push)
{
    util::Bytes s;
    AppendPush(s, {});
    BOOST_CHECK_EQUAL(util::HexStr(s), "00");
    s.clear();
    AppendPush(s, Hex("05"));
    BOOST_CHECK_EQUAL(util::HexStr(s), "0105");
    s.clear();
    AppendPush(s, util::Bytes(75, 0x11));
    BOOST_CHECK_EQUAL(s.size(), 76u);
    BOOST_CHECK_EQUAL(s[0], 75);
    s.clear();
    AppendPush(s, util::Bytes(76, 0x11));
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(s).first(2)), "4c4c");
    s.clear();
    AppendPush(s, util::Bytes(256, 0x11));
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(s).first(3)), "4d0001");
    s.clear();
    AppendPush(s, util::Bytes(65536, 0x11));
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(s).first(5)), "4e00000100");
    BOOST_CHECK(ParsesFully(s));
}

BOOST_AUTO_TEST_SUITE_END()
