#include <script/asm.h>

#include <script/opcodes.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace script;
using test::Hex;

namespace {

// Mainnet transaction 0627052b6f28912f2703066a912ea577f2ce4da4caa5a5fbd8a57286c345c2f2:
// its input script and first output script, with the asm Bitcoin Core's
// getrawtransaction prints for them (as published in notes on "Mastering
// Bitcoin").
constexpr std::string_view SIG_HEX =
    "3045022100884d142d86652a3f47ba4746ec719bbfbd040a570b1deccbb6498c75c4ae24cb02204b9f039ff08df0"
    "9cbe9f6addac960298cad530a863ea8f53982c09db8f6e3813";
constexpr std::string_view PUBKEY_HEX =
    "0484ecc0d46f1918b30928fa0e4ed99f16a0fb4fde0735e7ade8416ab9fe423cc5412336376789d172787ec3457eee41c0"
    "4f4938de5cc17b4a10fa336a8d752adf";

std::string Asm(std::string_view hex, bool decode = true) { return ScriptToAsm(Hex(hex), decode); }

// <sig with hashtype> <pubkey>
util::Bytes SigScript(uint8_t hashtype)
{
    util::Bytes script;
    const util::Bytes sig = Hex(SIG_HEX);
    script.push_back(static_cast<uint8_t>(sig.size() + 1));
    script.insert(script.end(), sig.begin(), sig.end());
    script.push_back(hashtype);
    const util::Bytes key = Hex(PUBKEY_HEX);
    script.push_back(static_cast<uint8_t>(key.size()));
    script.insert(script.end(), key.begin(), key.end());
    return script;
}

} // namespace

BOOST_AUTO_TEST_SUITE(asm_tests)

BOOST_AUTO_TEST_CASE(core_published_outputs)
{
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x01), true),
                      std::string(SIG_HEX) + "[ALL] " + std::string(PUBKEY_HEX));
    BOOST_CHECK_EQUAL(Asm("76a914ab68025513c3dbd2f7b92a94e0581f5d50f654e788ac"),
                      "OP_DUP OP_HASH160 ab68025513c3dbd2f7b92a94e0581f5d50f654e7 OP_EQUALVERIFY OP_CHECKSIG");
    BOOST_CHECK_EQUAL(Asm("51203b41daba4c9ace578369740f15e5ec880c28279ee7f51b07dca69c7061e07068"),
                      "1 3b41daba4c9ace578369740f15e5ec880c28279ee7f51b07dca69c7061e07068");
}

BOOST_AUTO_TEST_CASE(sighash_decoding)
{
    const std::string sig(SIG_HEX), key(PUBKEY_HEX);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x01), false), sig + "01 " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x02), true), sig + "[NONE] " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x03), true), sig + "[SINGLE] " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x81), true), sig + "[ALL|ANYONECANPAY] " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x82), true), sig + "[NONE|ANYONECANPAY] " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x83), true), sig + "[SINGLE|ANYONECANPAY] " + key);
    // Undefined hash types are not decoded.
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x00), true), sig + "00 " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x80), true), sig + "80 " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x04), true), sig + "04 " + key);
    BOOST_CHECK_EQUAL(ScriptToAsm(SigScript(0x41), true), sig + "41 " + key);
    // Not strict DER (R and S leave a byte over): printed as plain hex.
    BOOST_CHECK_EQUAL(Asm("0a30070201010201010101"), "30070201010201010101");
}

BOOST_AUTO_TEST_CASE(unspendable_scripts_are_not_decoded)
{
    // OP_RETURN data that happens to look like a signature stays hex.
    util::Bytes script{OP_RETURN};
    const util::Bytes sig_script = SigScript(0x01);
    script.insert(script.end(), sig_script.begin(), sig_script.end());
    BOOST_CHECK_EQUAL(ScriptToAsm(script, true),
                      "OP_RETURN " + std::string(SIG_HEX) + "01 " + std::string(PUBKEY_HEX));
    // So do signatures in a script longer than 10,000 bytes.
    util::Bytes long_script = SigScript(0x01);
    long_script.resize(10001, OP_NOP);
    const std::string out = ScriptToAsm(long_script, true);
    BOOST_CHECK(out.starts_with(std::string(SIG_HEX) + "01 " + std::string(PUBKEY_HEX) + " OP_NOP"));
}

BOOST_AUTO_TEST_CASE(small_pushes_print_as_numbers)
{
    BOOST_CHECK_EQUAL(Asm("00"), "0");
    BOOST_CHECK_EQUAL(Asm("0105"), "5");
    BOOST_CHECK_EQUAL(Asm("0181"), "-1");
    BOOST_CHECK_EQUAL(Asm("0180"), "0");             // negative zero
    BOOST_CHECK_EQUAL(Asm("020100"), "1");           // non-minimal allowed
    BOOST_CHECK_EQUAL(Asm("4c0111"), "17");          // PUSHDATA1 of one byte
    BOOST_CHECK_EQUAL(Asm("04ffffff7f"), "2147483647");
    BOOST_CHECK_EQUAL(Asm("04ffffffff"), "-2147483647");
    BOOST_CHECK_EQUAL(Asm("0400000080"), "0");       // four-byte negative zero
    BOOST_CHECK_EQUAL(Asm("05ffffffff00"), "ffffffff00");  // five bytes: hex
    BOOST_CHECK_EQUAL(Asm("4f"), "-1");
    BOOST_CHECK_EQUAL(Asm("51"), "1");
    BOOST_CHECK_EQUAL(Asm("60"), "16");
    BOOST_CHECK_EQUAL(Asm("4c00"), "0");
}

BOOST_AUTO_TEST_CASE(opcodes_and_errors)
{
    BOOST_CHECK_EQUAL(Asm(""), "");
    BOOST_CHECK_EQUAL(Asm("b1b2"), "OP_CHECKLOCKTIMEVERIFY OP_CHECKSEQUENCEVERIFY");
    BOOST_CHECK_EQUAL(Asm("ba"), "OP_CHECKSIGADD");
    BOOST_CHECK_EQUAL(Asm("bb"), "OP_UNKNOWN");
    BOOST_CHECK_EQUAL(Asm("ff"), "OP_INVALIDOPCODE");
    BOOST_CHECK_EQUAL(Asm("50"), "OP_RESERVED");
    BOOST_CHECK_EQUAL(Asm("6a"), "OP_RETURN");
    BOOST_CHECK_EQUAL(Asm("6a04deadbeef"), "OP_RETURN -1874767326");
    BOOST_CHECK_EQUAL(Asm("6a0548656c6c6f"), "OP_RETURN 48656c6c6f");
    // Truncated pushes end the output with "[error]".
    BOOST_CHECK_EQUAL(Asm("01"), "[error]");
    BOOST_CHECK_EQUAL(Asm("4c"), "[error]");
    BOOST_CHECK_EQUAL(Asm("4d01"), "[error]");
    BOOST_CHECK_EQUAL(Asm("76a9" "14ab68"), "OP_DUP OP_HASH160 [error]");
    BOOST_CHECK_EQUAL(Asm("6a4c05aabb"), "OP_RETURN [error]");
}

BOOST_AUTO_TEST_SUITE_END()
