#include <script/opcodes.h>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace script;

BOOST_AUTO_TEST_SUITE(opcodes_tests)

BOOST_AUTO_TEST_CASE(values_match_core)
{
    BOOST_CHECK_EQUAL(OP_0, 0x00);
    BOOST_CHECK_EQUAL(OP_PUSHDATA1, 0x4c);
    BOOST_CHECK_EQUAL(OP_PUSHDATA4, 0x4e);
    BOOST_CHECK_EQUAL(OP_1NEGATE, 0x4f);
    BOOST_CHECK_EQUAL(OP_1, 0x51);
    BOOST_CHECK_EQUAL(OP_16, 0x60);
    BOOST_CHECK_EQUAL(OP_RETURN, 0x6a);
    BOOST_CHECK_EQUAL(OP_DUP, 0x76);
    BOOST_CHECK_EQUAL(OP_EQUAL, 0x87);
    BOOST_CHECK_EQUAL(OP_HASH160, 0xa9);
    BOOST_CHECK_EQUAL(OP_CHECKSIG, 0xac);
    BOOST_CHECK_EQUAL(OP_CHECKMULTISIG, 0xae);
    BOOST_CHECK_EQUAL(OP_CHECKLOCKTIMEVERIFY, 0xb1);
    BOOST_CHECK_EQUAL(OP_NOP2, OP_CHECKLOCKTIMEVERIFY);
    BOOST_CHECK_EQUAL(OP_CHECKSEQUENCEVERIFY, 0xb2);
    BOOST_CHECK_EQUAL(OP_NOP3, OP_CHECKSEQUENCEVERIFY);
    BOOST_CHECK_EQUAL(OP_NOP10, 0xb9);
    BOOST_CHECK_EQUAL(OP_CHECKSIGADD, 0xba);
    BOOST_CHECK_EQUAL(OP_INVALIDOPCODE, 0xff);
    BOOST_CHECK_EQUAL(MAX_OPCODE, OP_NOP10);
}

BOOST_AUTO_TEST_CASE(names_match_core_getopname)
{
    BOOST_CHECK_EQUAL(OpcodeName(OP_0), "0");
    BOOST_CHECK_EQUAL(OpcodeName(OP_1NEGATE), "-1");
    for (int n = 1; n <= 16; ++n) {
        BOOST_CHECK_EQUAL(OpcodeName(static_cast<Opcode>(OP_1 + n - 1)), std::to_string(n));
    }
    BOOST_CHECK_EQUAL(OpcodeName(OP_PUSHDATA1), "OP_PUSHDATA1");
    BOOST_CHECK_EQUAL(OpcodeName(OP_PUSHDATA2), "OP_PUSHDATA2");
    BOOST_CHECK_EQUAL(OpcodeName(OP_PUSHDATA4), "OP_PUSHDATA4");
    BOOST_CHECK_EQUAL(OpcodeName(OP_RESERVED), "OP_RESERVED");
    BOOST_CHECK_EQUAL(OpcodeName(OP_NOP), "OP_NOP");
    BOOST_CHECK_EQUAL(OpcodeName(OP_VERNOTIF), "OP_VERNOTIF");
    BOOST_CHECK_EQUAL(OpcodeName(OP_2SWAP), "OP_2SWAP");
    BOOST_CHECK_EQUAL(OpcodeName(OP_0NOTEQUAL), "OP_0NOTEQUAL");
    BOOST_CHECK_EQUAL(OpcodeName(OP_GREATERTHANOREQUAL), "OP_GREATERTHANOREQUAL");
    BOOST_CHECK_EQUAL(OpcodeName(OP_CHECKMULTISIGVERIFY), "OP_CHECKMULTISIGVERIFY");
    BOOST_CHECK_EQUAL(OpcodeName(OP_NOP1), "OP_NOP1");
    BOOST_CHECK_EQUAL(OpcodeName(OP_NOP2), "OP_CHECKLOCKTIMEVERIFY");
    BOOST_CHECK_EQUAL(OpcodeName(OP_NOP3), "OP_CHECKSEQUENCEVERIFY");
    BOOST_CHECK_EQUAL(OpcodeName(OP_NOP4), "OP_NOP4");
    BOOST_CHECK_EQUAL(OpcodeName(OP_NOP10), "OP_NOP10");
    BOOST_CHECK_EQUAL(OpcodeName(OP_CHECKSIGADD), "OP_CHECKSIGADD");
    BOOST_CHECK_EQUAL(OpcodeName(OP_INVALIDOPCODE), "OP_INVALIDOPCODE");
}

BOOST_AUTO_TEST_CASE(unnamed_bytes_are_unknown)
{
    // Direct push opcodes have no name of their own.
    for (int b = 0x01; b <= 0x4b; ++b) BOOST_CHECK_EQUAL(OpcodeName(static_cast<Opcode>(b)), "OP_UNKNOWN");
    // Everything between OP_CHECKSIGADD and OP_INVALIDOPCODE.
    for (int b = 0xbb; b <= 0xfe; ++b) BOOST_CHECK_EQUAL(OpcodeName(static_cast<Opcode>(b)), "OP_UNKNOWN");
    // Every byte from OP_NOP to OP_CHECKSIGADD has an OP_ name.
    for (int b = OP_NOP; b <= OP_CHECKSIGADD; ++b) {
        const auto name = OpcodeName(static_cast<Opcode>(b));
        BOOST_CHECK(name.starts_with("OP_"));
        BOOST_CHECK(name != "OP_UNKNOWN");
    }
}

BOOST_AUTO_TEST_SUITE_END()
