#include <script/solver.h>

#include <script/opcodes.h>
#include <script/script_ops.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace script;
using test::Hex;

namespace {

const util::Bytes G = Hex(test::KEY_G);
const util::Bytes G2 = Hex(test::KEY_2G);
const util::Bytes GU = Hex(test::KEY_G_UNCOMPRESSED);

util::Bytes Hybrid(uint8_t header)
{
    util::Bytes key = GU;
    key[0] = header;
    return key;
}

// Builds a script from opcodes and pushes (each push written minimally, as
// Core's `CScript << vector` does).
struct ScriptBuilder {
    util::Bytes bytes;
    ScriptBuilder& Op(Opcode op) { bytes.push_back(op); return *this; }
    ScriptBuilder& Push(util::ByteSpan data) { AppendPush(bytes, data); return *this; }
    ScriptBuilder& Raw(std::string_view hex) { for (uint8_t b : Hex(hex)) bytes.push_back(b); return *this; }
};

// m <keys> n OP_CHECKMULTISIG with m and n given as raw hex (OP_N or a push).
util::Bytes Multisig(std::string_view m_hex, const std::vector<util::Bytes>& keys, std::string_view n_hex)
{
    ScriptBuilder b;
    b.Raw(m_hex);
    for (const auto& key : keys) b.Push(key);
    b.Raw(n_hex).Op(OP_CHECKMULTISIG);
    return b.bytes;
}

TxoutType Type(const util::Bytes& script)
{
    std::vector<util::Bytes> solutions{util::Bytes{0xee}}; // must be replaced
    const TxoutType type = Solver(script, solutions);
    if (type == TxoutType::NONSTANDARD || type == TxoutType::NULL_DATA || type == TxoutType::ANCHOR) {
        BOOST_CHECK(solutions.empty());
    }
    return type;
}

std::string Name(const util::Bytes& script) { return std::string(TxoutTypeName(Type(script))); }

} // namespace

BOOST_AUTO_TEST_SUITE(solver_tests)

BOOST_AUTO_TEST_CASE(type_names)
{
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::NONSTANDARD), "nonstandard");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::PUBKEY), "pubkey");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::PUBKEYHASH), "pubkeyhash");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::SCRIPTHASH), "scripthash");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::MULTISIG), "multisig");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::NULL_DATA), "nulldata");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::ANCHOR), "anchor");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::WITNESS_V0_SCRIPTHASH), "witness_v0_scripthash");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::WITNESS_V0_KEYHASH), "witness_v0_keyhash");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::WITNESS_V1_TAPROOT), "witness_v1_taproot");
    BOOST_CHECK_EQUAL(TxoutTypeName(TxoutType::WITNESS_UNKNOWN), "witness_unknown");
}

BOOST_AUTO_TEST_CASE(pubkey_sizes)
{
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x02), 33u);
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x03), 33u);
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x04), 65u);
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x06), 65u);
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x07), 65u);
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x05), 0u);
    BOOST_CHECK_EQUAL(PubKeyLengthForHeader(0x00), 0u);
    BOOST_CHECK(IsValidPubKeySize(G));
    BOOST_CHECK(IsValidPubKeySize(GU));
    BOOST_CHECK(!IsValidPubKeySize({}));
    BOOST_CHECK(!IsValidPubKeySize(util::ByteSpan(GU).first(33)));
}

BOOST_AUTO_TEST_CASE(pay_to_pubkey)
{
    std::vector<util::Bytes> sol;
    BOOST_CHECK(Solver(ScriptBuilder{}.Push(G).Op(OP_CHECKSIG).bytes, sol) == TxoutType::PUBKEY);
    BOOST_REQUIRE_EQUAL(sol.size(), 1u);
    BOOST_CHECK(sol[0] == G);
    BOOST_CHECK(Solver(ScriptBuilder{}.Push(GU).Op(OP_CHECKSIG).bytes, sol) == TxoutType::PUBKEY);
    BOOST_CHECK(sol[0] == GU);
    // Hybrid keys still count as P2PK; the point is never checked.
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(Hybrid(0x06)).Op(OP_CHECKSIG).bytes), "pubkey");
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(Hybrid(0x07)).Op(OP_CHECKSIG).bytes), "pubkey");
    util::Bytes off_curve(33, 0xff);
    off_curve[0] = 0x03;
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(off_curve).Op(OP_CHECKSIG).bytes), "pubkey");
    // Header byte that does not match the size.
    util::Bytes bad = G;
    bad[0] = 0x04;
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(bad).Op(OP_CHECKSIG).bytes), "nonstandard");
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(Hybrid(0x05)).Op(OP_CHECKSIG).bytes), "nonstandard");
    bad = GU;
    bad[0] = 0x02;
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(bad).Op(OP_CHECKSIG).bytes), "nonstandard");
    // Same key through OP_PUSHDATA1, or followed by OP_CHECKSIGVERIFY.
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Raw("4c21").Raw(test::KEY_G).Op(OP_CHECKSIG).bytes), "nonstandard");
    BOOST_CHECK_EQUAL(Name(ScriptBuilder{}.Push(G).Op(OP_CHECKSIGVERIFY).bytes), "nonstandard");
}

BOOST_AUTO_TEST_CASE(pay_to_pubkey_hash_and_script_hash)
{
    std::vector<util::Bytes> sol;
    const util::Bytes p2pkh = Hex("76a914ab68025513c3dbd2f7b92a94e0581f5d50f654e788ac");
    BOOST_CHECK(Solver(p2pkh, sol) == TxoutType::PUBKEYHASH);
    BOOST_REQUIRE_EQUAL(sol.size(), 1u);
    BOOST_CHECK_EQUAL(util::HexStr(sol[0]), "ab68025513c3dbd2f7b92a94e0581f5d50f654e7");
    BOOST_CHECK_EQUAL(Name(Hex("76a914ab68025513c3dbd2f7b92a94e0581f5d50f654e788ad")), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Hex("76a913ab68025513c3dbd2f7b92a94e0581f5d50f654e788ac")), "nonstandard");

    const util::Bytes p2sh = Hex("a914748284390f9e263a4b766a75d0633c50426eb87587");
    BOOST_CHECK(Solver(p2sh, sol) == TxoutType::SCRIPTHASH);
    BOOST_REQUIRE_EQUAL(sol.size(), 1u);
    BOOST_CHECK_EQUAL(util::HexStr(sol[0]), "748284390f9e263a4b766a75d0633c50426eb875");
    BOOST_CHECK_EQUAL(Name(Hex("a914748284390f9e263a4b766a75d0633c50426eb87588")), "nonstandard");
}

BOOST_AUTO_TEST_CASE(multisig)
{
    std::vector<util::Bytes> sol;
    BOOST_CHECK(Solver(Multisig("51", {G, G2}, "52"), sol) == TxoutType::MULTISIG);
    BOOST_REQUIRE_EQUAL(sol.size(), 4u);
    BOOST_CHECK(sol[0] == util::Bytes{1});
    BOOST_CHECK(sol[1] == G);
    BOOST_CHECK(sol[2] == G2);
    BOOST_CHECK(sol[3] == util::Bytes{2});

    BOOST_CHECK_EQUAL(Name(Multisig("52", {G, GU}, "52")), "multisig");
    BOOST_CHECK_EQUAL(Name(Multisig("51", {Hybrid(0x06)}, "51")), "multisig"); // hybrid allowed
    BOOST_CHECK_EQUAL(Name(Multisig("53", {G, G2}, "52")), "nonstandard");    // m > n
    BOOST_CHECK_EQUAL(Name(Multisig("00", {G}, "51")), "nonstandard");        // m = 0
    BOOST_CHECK_EQUAL(Name(Multisig("0101", {G}, "51")), "nonstandard");      // m as a push, not OP_1
    BOOST_CHECK_EQUAL(Name(Multisig("51", {G}, "0101")), "nonstandard");      // n as a push, not OP_1
    BOOST_CHECK_EQUAL(Name(Multisig("51", {G, G2}, "51")), "nonstandard");    // n != number of keys
    BOOST_CHECK_EQUAL(Name(Multisig("51", {G}, "52")), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Multisig("51", {}, "00")), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Multisig("4f", {G}, "51")), "nonstandard");        // OP_1NEGATE
    // Something between n and OP_CHECKMULTISIG.
    BOOST_CHECK_EQUAL(Name(Multisig("51", {G}, "5175")), "nonstandard");
    // A push that is not a plausible key ends the key list and is not a number.
    util::Bytes odd_key(32, 0x02);
    BOOST_CHECK_EQUAL(Name(Multisig("51", {G, odd_key}, "52")), "nonstandard");
    // Truncated in the middle.
    util::Bytes truncated = Multisig("51", {G}, "51");
    truncated.erase(truncated.begin() + 5, truncated.begin() + 10);
    BOOST_CHECK_EQUAL(Name(truncated), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Hex("ae")), "nonstandard");
}

BOOST_AUTO_TEST_CASE(multisig_large)
{
    std::vector<util::Bytes> sol;
    const std::vector<util::Bytes> keys16(16, G), keys17(17, G), keys19(19, G), keys20(20, G), keys21(21, G);
    BOOST_CHECK_EQUAL(Name(Multisig("60", keys16, "60")), "multisig");
    // 17..20 have no OP_N: they are written as minimal one-byte pushes.
    BOOST_CHECK(Solver(Multisig("0111", keys17, "0111"), sol) == TxoutType::MULTISIG);
    BOOST_CHECK(sol.front() == util::Bytes{17});
    BOOST_CHECK(sol.back() == util::Bytes{17});
    BOOST_CHECK_EQUAL(sol.size(), 19u);
    BOOST_CHECK_EQUAL(Name(Multisig("51", keys20, "0114")), "multisig");
    BOOST_CHECK_EQUAL(Name(Multisig("0114", keys20, "0114")), "multisig");
    BOOST_CHECK_EQUAL(Name(Multisig("51", keys19, "0114")), "nonstandard");   // 19 keys, n = 20
    BOOST_CHECK_EQUAL(Name(Multisig("51", keys21, "0115")), "nonstandard");   // n = 21 is too many
    BOOST_CHECK_EQUAL(Name(Multisig("0115", keys21, "0115")), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Multisig("021100", keys17, "0111")), "nonstandard"); // non-minimal number
    BOOST_CHECK_EQUAL(Name(Multisig("4c0111", keys17, "0111")), "nonstandard"); // non-minimal push
    BOOST_CHECK_EQUAL(Name(Multisig("0112", keys17, "0111")), "nonstandard");  // m = 18 > n = 17
}

BOOST_AUTO_TEST_CASE(null_data)
{
    BOOST_CHECK_EQUAL(Name(Hex("6a")), "nulldata");
    BOOST_CHECK_EQUAL(Name(Hex("6a04deadbeef")), "nulldata");
    BOOST_CHECK_EQUAL(Name(Hex("6a00514f60")), "nulldata");
    BOOST_CHECK_EQUAL(Name(Hex("6a50")), "nulldata");          // OP_RESERVED counts as a push
    util::Bytes big = Hex("6a4d1027");
    big.resize(big.size() + 10000, 0x42);
    BOOST_CHECK_EQUAL(Name(big), "nulldata");                  // size is policy's business
    BOOST_CHECK_EQUAL(Name(Hex("6a76")), "nonstandard");       // followed by a non-push
    BOOST_CHECK_EQUAL(Name(Hex("6a0401")), "nonstandard");     // truncated push
    BOOST_CHECK_EQUAL(Name(Hex("006a")), "nonstandard");
}

BOOST_AUTO_TEST_CASE(witness_programs)
{
    std::vector<util::Bytes> sol;
    BOOST_CHECK(Solver(Hex("0014751e76e8199196d454941c45d1b3a323f1433bd6"), sol) == TxoutType::WITNESS_V0_KEYHASH);
    BOOST_REQUIRE_EQUAL(sol.size(), 1u);
    BOOST_CHECK_EQUAL(util::HexStr(sol[0]), "751e76e8199196d454941c45d1b3a323f1433bd6");

    const std::string h32 = "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262";
    BOOST_CHECK(Solver(Hex("0020" + h32), sol) == TxoutType::WITNESS_V0_SCRIPTHASH);
    BOOST_CHECK_EQUAL(util::HexStr(sol.at(0)), h32);
    BOOST_CHECK(Solver(Hex("5120" + h32), sol) == TxoutType::WITNESS_V1_TAPROOT);
    BOOST_CHECK_EQUAL(util::HexStr(sol.at(0)), h32);

    BOOST_CHECK_EQUAL(Name(Hex("51024e73")), "anchor");
    BOOST_CHECK_EQUAL(Name(Hex("00024e73")), "nonstandard");        // v0 of another length
    BOOST_CHECK_EQUAL(Name(Hex("0015751e76e8199196d454941c45d1b3a323f1433bd6aa")), "nonstandard");

    BOOST_CHECK(Solver(Hex("51024e74"), sol) == TxoutType::WITNESS_UNKNOWN);
    BOOST_REQUIRE_EQUAL(sol.size(), 2u);
    BOOST_CHECK(sol[0] == util::Bytes{1});
    BOOST_CHECK_EQUAL(util::HexStr(sol[1]), "4e74");
    BOOST_CHECK(Solver(Hex("6002751e"), sol) == TxoutType::WITNESS_UNKNOWN);
    BOOST_CHECK(sol[0] == util::Bytes{16});
    BOOST_CHECK_EQUAL(Name(Hex("5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6")),
                      "witness_unknown");
    BOOST_CHECK_EQUAL(Name(Hex("5221" + h32 + "aa")), "witness_unknown");
    // v1 with 31 or 33 bytes is just an unknown program.
    BOOST_CHECK_EQUAL(Name(Hex("511f" + h32.substr(2))), "witness_unknown");
    // A 41-byte program is no witness program at all.
    util::Bytes p41 = Hex("5129");
    p41.resize(43, 0xab);
    BOOST_CHECK_EQUAL(Name(p41), "nonstandard");
}

BOOST_AUTO_TEST_CASE(other_nonstandard)
{
    BOOST_CHECK_EQUAL(Name({}), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Hex("51")), "nonstandard");
    BOOST_CHECK_EQUAL(Name(Hex("deadbeef")), "nonstandard");
}

BOOST_AUTO_TEST_SUITE_END()
