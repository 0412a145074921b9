// Taproot script-path spends and tapscript (BIP341/342) with BIP340
// signatures made here: control blocks (one leaf, a two-level tree, the
// 128-node maximum, sizes, parity), the annex in the signature hash,
// OP_CHECKSIGADD, empty signatures and public keys, unknown key types, the
// validation-weight budget, OP_SUCCESSx, OP_CHECKMULTISIG, MINIMALIF as
// consensus, OP_CODESEPARATOR positions, unknown leaf versions, and the
// limits tapscript drops or keeps.
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

#include <set>

using script::ScriptError;
using script::SigVersion;
using namespace test;

namespace {

constexpr uint8_t TAPSCRIPT_LEAF = script::TAPROOT_LEAF_TAPSCRIPT;
constexpr uint32_t NO_CODESEP = 0xffffffff;

// A taproot output (internal key 20) whose script tree is a single leaf.
struct SingleLeaf {
    util::Bytes leaf_script;
    uint8_t leaf_version;
    Uint256 leaf_hash;
    TaprootOutput out;
    SpendFixture f;

    explicit SingleLeaf(util::Bytes script, uint8_t version = TAPSCRIPT_LEAF)
        : leaf_script(std::move(script)),
          leaf_version(version),
          leaf_hash(TapLeafHash(version, leaf_script)),
          out(MakeTaprootOutput(MakeKey(20), leaf_hash)), // one leaf: the root is its hash
          f(MakeSpend(out.script_pubkey, Amount(primitives::COIN), 2))
    {
    }

    util::Bytes Control() const { return ControlBlock(out, {}, leaf_version); }

    // Witness: `items` (bottom first), the leaf script, the control block, and the annex if any.
    void SetWitness(Stack items, std::optional<util::Bytes> annex = std::nullopt)
    {
        items.push_back(leaf_script);
        items.push_back(Control());
        if (annex) items.push_back(*annex);
        f.In().witness.stack = std::move(items);
    }

    util::Bytes Sign(const TestKey& key, uint8_t hash_type = script::SIGHASH_DEFAULT, uint32_t codesep = NO_CODESEP,
                     std::optional<Uint256> annex_hash = std::nullopt) const
    {
        return SignTapscript(key, f, leaf_hash, hash_type, codesep, annex_hash);
    }
};

util::Bytes CheckSigLeaf(const TestKey& key)
{
    return ScriptBuilder().Push(key.xonly).Op(script::OP_CHECKSIG);
}

// BIP342's OP_SUCCESSx list: 80, 98, 126-129, 131-134, 137-138, 141-142, 149-153, 187-254.
std::set<int> OpSuccessList()
{
    std::set<int> s{80, 98};
    for (int r : {126, 127, 128, 129, 131, 132, 133, 134, 137, 138, 141, 142, 149, 150, 151, 152, 153}) s.insert(r);
    for (int r = 187; r <= 254; ++r) s.insert(r);
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(tapscript_tests)

BOOST_AUTO_TEST_CASE(single_leaf_checksig)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    BOOST_REQUIRE_EQUAL(t.Control().size(), 33U);
    t.SetWitness({t.Sign(key)});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    t.SetWitness({t.Sign(key, script::SIGHASH_ALL)});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    t.SetWitness({t.Sign(key, 0x83)});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    // Another key's signature.
    t.SetWitness({t.Sign(MakeKey(2))});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(script_path_signature_commits_to_leaf_and_path_type)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    // Signed for another leaf hash.
    t.SetWitness({SignTapscript(key, t.f, TapLeafHash(TAPSCRIPT_LEAF, Script("1")))});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    // A key-path message (ext_flag 0, no leaf) by the same key.
    const auto h = TaprootSighash(t.f, script::SIGHASH_DEFAULT, SigVersion::TAPROOT, {});
    BOOST_REQUIRE(h);
    t.SetWitness({SchnorrWithHashType(SchnorrSign(key, *h), script::SIGHASH_DEFAULT)});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(script_path_signature_hash_types_and_sizes)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    util::Bytes sig = t.Sign(key);
    sig.push_back(0x00);
    t.SetWitness({sig});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_HASHTYPE));
    sig.back() = 0x84;
    t.SetWitness({sig});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_HASHTYPE));
    sig.resize(63);
    t.SetWitness({sig});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_SIZE));
}

BOOST_AUTO_TEST_CASE(two_level_tree_control_block_paths)
{
    // Tree ((A, B), C): A and B at depth 2, C at depth 1.
    const TestKey ka = MakeKey(1), kb = MakeKey(2), kc = MakeKey(3);
    const util::Bytes a = CheckSigLeaf(ka), b = CheckSigLeaf(kb), c = CheckSigLeaf(kc);
    const Uint256 ha = TapLeafHash(TAPSCRIPT_LEAF, a), hb = TapLeafHash(TAPSCRIPT_LEAF, b),
                  hc = TapLeafHash(TAPSCRIPT_LEAF, c);
    const Uint256 hab = TapBranchHash(ha, hb);
    const TaprootOutput out = MakeTaprootOutput(MakeKey(20), TapBranchHash(hab, hc));
    SpendFixture f = MakeSpend(out.script_pubkey, Amount(primitives::COIN), 2);

    struct Case {
        const util::Bytes& leaf;
        const TestKey& key;
        Uint256 leaf_hash;
        std::vector<Uint256> path;
    };
    const Case cases[] = {{a, ka, ha, {hb, hc}}, {b, kb, hb, {ha, hc}}, {c, kc, hc, {hab}}};
    for (const Case& cs : cases) {
        f.In().witness.stack = {SignTapscript(cs.key, f, cs.leaf_hash), cs.leaf, ControlBlock(out, cs.path)};
        BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    }
    // Wrong paths: nodes swapped, one missing, one too many, another leaf's.
    for (const std::vector<Uint256>& path : {std::vector<Uint256>{hc, hb}, std::vector<Uint256>{hb},
                                             std::vector<Uint256>{hb, hc, hc}, std::vector<Uint256>{ha, hc}}) {
        f.In().witness.stack = {SignTapscript(ka, f, ha), a, ControlBlock(out, path)};
        BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    }
    // A leaf that is not in the tree, with a valid-looking path.
    const util::Bytes d = CheckSigLeaf(MakeKey(4));
    f.In().witness.stack = {SignTapscript(MakeKey(4), f, TapLeafHash(TAPSCRIPT_LEAF, d)), d, ControlBlock(out, {hb, hc})};
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    // The key path of the same output, with the tweak over the tree's root.
    f.In().witness.stack = {SignKeyPath(out, f)};
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(control_block_of_128_nodes_is_the_maximum)
{
    // A leaf at depth 128 under made-up sibling hashes.
    const TestKey key = MakeKey(1);
    const util::Bytes leaf = CheckSigLeaf(key);
    const Uint256 leaf_hash = TapLeafHash(TAPSCRIPT_LEAF, leaf);
    std::vector<Uint256> path;
    Uint256 node = leaf_hash;
    for (int i = 0; i < 128; ++i) {
        path.push_back(Uint256(crypto::Sha256Once(util::AsBytes("sibling " + std::to_string(i)))));
        node = TapBranchHash(node, path.back());
    }
    const TaprootOutput out = MakeTaprootOutput(MakeKey(20), node);
    SpendFixture f = MakeSpend(out.script_pubkey, Amount(primitives::COIN), 2);
    const util::Bytes control = ControlBlock(out, path);
    BOOST_REQUIRE_EQUAL(control.size(), 33U + 32U * 128U);
    f.In().witness.stack = {SignTapscript(key, f, leaf_hash), leaf, control};
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS, ScriptError::OK));
    // One more node is over the limit, whatever it proves.
    path.push_back(Uint256(crypto::Sha256Once(util::AsBytes("sibling 128"))));
    f.In().witness.stack = {SignTapscript(key, f, leaf_hash), leaf, ControlBlock(out, path)};
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS, ScriptError::TAPROOT_WRONG_CONTROL_SIZE));
}

BOOST_AUTO_TEST_CASE(wrong_control_block_size)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    const util::Bytes good = t.Control();
    for (const size_t size : {0, 1, 32, 34, 33 + 31, 33 + 33, 33 + 32 * 2 + 1}) {
        util::Bytes control = good;
        control.resize(size, 0x00);
        t.f.In().witness.stack = {t.Sign(key), t.leaf_script, control};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPROOT_WRONG_CONTROL_SIZE), "size " << size);
    }
    // A well-sized control block proving something else: a mismatch, not a size error.
    util::Bytes longer = good;
    longer.resize(33 + 32, 0x00);
    t.f.In().witness.stack = {t.Sign(key), t.leaf_script, longer};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
}

BOOST_AUTO_TEST_CASE(control_block_parity_and_internal_key)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    util::Bytes control = t.Control();
    BOOST_CHECK_EQUAL(control[0] & 1, t.out.parity ? 1 : 0);
    control[0] ^= 1;
    t.f.In().witness.stack = {t.Sign(key), t.leaf_script, control};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    control = t.Control();
    const TestKey other = MakeKey(21);
    std::copy(other.xonly.begin(), other.xonly.end(), control.begin() + 1);
    t.f.In().witness.stack = {t.Sign(key), t.leaf_script, control};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    // The output key itself is not the internal key.
    control = t.Control();
    std::copy(t.out.output_key.begin(), t.out.output_key.end(), control.begin() + 1);
    t.f.In().witness.stack = {t.Sign(key), t.leaf_script, control};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
    // A changed script no longer matches its commitment.
    t.f.In().witness.stack = {t.Sign(key), CheckSigLeaf(MakeKey(2)), t.Control()};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
}

BOOST_AUTO_TEST_CASE(annex_changes_the_script_path_sighash)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    const util::Bytes annex = Concat({util::Bytes{script::ANNEX_TAG}, Repeat(0xa5, 40)});
    t.SetWitness({t.Sign(key)}, annex);
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    t.SetWitness({t.Sign(key, script::SIGHASH_DEFAULT, NO_CODESEP, AnnexHash(annex))}, annex);
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    t.SetWitness({t.Sign(key, script::SIGHASH_DEFAULT, NO_CODESEP, AnnexHash(annex))});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    // The annex is not on the script's stack.
    SingleLeaf depth(Script("DEPTH 0 EQUAL"));
    depth.SetWitness({}, annex);
    BOOST_CHECK(VerifyGives(depth.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(checksigadd_k_of_n)
{
    // <K1> CHECKSIG <K2> CHECKSIGADD <K3> CHECKSIGADD 2 NUMEQUAL; the witness
    // lists signatures for K3, K2, K1 (K1's on top).
    const TestKey k1 = MakeKey(1), k2 = MakeKey(2), k3 = MakeKey(3);
    const util::Bytes leaf = ScriptBuilder()
                                 .Push(k1.xonly)
                                 .Op(script::OP_CHECKSIG)
                                 .Push(k2.xonly)
                                 .Op(script::OP_CHECKSIGADD)
                                 .Push(k3.xonly)
                                 .Op(script::OP_CHECKSIGADD)
                                 .Op(script::OP_2)
                                 .Op(script::OP_NUMEQUAL);
    SingleLeaf t(leaf);
    const util::Bytes none;
    t.SetWitness({t.Sign(k3), none, t.Sign(k1)});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    t.SetWitness({none, t.Sign(k2), t.Sign(k1)});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    t.SetWitness({t.Sign(k3), t.Sign(k2), none});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    // Three signatures count 3, one counts 1: not 2.
    t.SetWitness({t.Sign(k3), t.Sign(k2), t.Sign(k1)});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::EVAL_FALSE));
    t.SetWitness({none, none, t.Sign(k1)});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::EVAL_FALSE));
    // A non-empty invalid signature fails the script at once.
    t.SetWitness({t.Sign(k3), t.Sign(k1), t.Sign(k1)});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(checksigadd_operands)
{
    const util::Bytes key32 = Repeat(0x11, 32);
    auto with_key = [&](const std::string& before, const util::Bytes& key) {
        return ScriptBuilder(before).Push(key).Op(script::OP_CHECKSIGADD).Bytes();
    };
    // Empty signature: n + 0, no checker involved.
    BOOST_CHECK(EvalBytesGives(with_key("0 5", key32), ScriptError::OK, 0, {}, SigVersion::TAPSCRIPT));
    BOOST_CHECK(Eval(with_key("0 5", key32), 0, {}, SigVersion::TAPSCRIPT).stack == StackOf({"05"}));
    // An unknown key type with a signature succeeds: n + 1, up to a 5-byte result.
    BOOST_CHECK(Eval(with_key("0x01aa 2147483647", {0x77}), 0, {}, SigVersion::TAPSCRIPT).stack ==
                StackOf({"0000008000"}));
    // n is a 4-byte number, minimal under MINIMALDATA.
    BOOST_CHECK(EvalBytesGives(with_key("0 0x050000000001", key32), ScriptError::UNKNOWN_ERROR, 0, {},
                               SigVersion::TAPSCRIPT));
    BOOST_CHECK(EvalBytesGives(with_key("0 0x020100", key32), ScriptError::OK, 0, {}, SigVersion::TAPSCRIPT));
    BOOST_CHECK(EvalBytesGives(with_key("0 0x020100", key32), ScriptError::UNKNOWN_ERROR,
                               script::SCRIPT_VERIFY_MINIMALDATA, {}, SigVersion::TAPSCRIPT));
    BOOST_CHECK(EvalBytesGives(with_key("0", key32), ScriptError::INVALID_STACK_OPERATION, 0, {}, SigVersion::TAPSCRIPT));
    // Empty key: the script fails, signature or not.
    BOOST_CHECK(EvalBytesGives(with_key("0 0", {}), ScriptError::TAPSCRIPT_EMPTY_PUBKEY, 0, {}, SigVersion::TAPSCRIPT));
    // Not an opcode before tapscript, even with operands in place.
    BOOST_CHECK(EvalBytesGives(with_key("0 0", key32), ScriptError::BAD_OPCODE, 0, {}, SigVersion::BASE));
    BOOST_CHECK(EvalBytesGives(with_key("0 0", key32), ScriptError::BAD_OPCODE, 0, {}, SigVersion::WITNESS_V0));
}

BOOST_AUTO_TEST_CASE(empty_signature_pushes_false)
{
    const TestKey key = MakeKey(1);
    SingleLeaf t(ScriptBuilder().Push(key.xonly).Op(script::OP_CHECKSIG).Op(script::OP_NOT));
    t.SetWitness({{}});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    // No NULLFAIL-like rule: a non-empty wrong signature is an error, not false.
    t.SetWitness({t.Sign(MakeKey(2))});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    SingleLeaf v(ScriptBuilder().Push(key.xonly).Op(script::OP_CHECKSIGVERIFY).Op(script::OP_1));
    v.SetWitness({{}});
    BOOST_CHECK(VerifyGives(v.f, TAPROOT_FLAGS, ScriptError::CHECKSIGVERIFY));
    v.SetWitness({v.Sign(key)});
    BOOST_CHECK(VerifyGives(v.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(invalid_32_byte_key)
{
    // 32 bytes that are no X coordinate (at or above the field size): a
    // signature cannot verify, an empty one just pushes false.
    SingleLeaf t(ScriptBuilder().Push(Repeat(0xff, 32)).Op(script::OP_CHECKSIG).Op(script::OP_NOT));
    t.SetWitness({{}});
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
    t.SetWitness({t.Sign(MakeKey(1))});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(empty_pubkey_fails)
{
    for (const std::string& notation : {std::string("0 CHECKSIG"), std::string("0 CHECKSIGVERIFY 1")}) {
        SingleLeaf t(Script(notation));
        t.SetWitness({{}});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_EMPTY_PUBKEY), notation);
        t.SetWitness({t.Sign(MakeKey(1))});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_EMPTY_PUBKEY), notation);
    }
}

BOOST_AUTO_TEST_CASE(unknown_pubkey_type_succeeds_unless_discouraged)
{
    const uint32_t discourage = script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE;
    for (const util::Bytes& key : {MakeKey(1).pub, util::Bytes{0x01}, Repeat(0x02, 31), Repeat(0x02, 65)}) {
        SingleLeaf t(ScriptBuilder().Push(key).Op(script::OP_CHECKSIG));
        // Any non-empty signature "verifies", even one of a size BIP340 would refuse.
        for (const util::Bytes& sig : {Repeat(0x5a, 64), util::Bytes{0x01}, Repeat(0x5a, 63)}) {
            t.SetWitness({sig});
            BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK), "key size " << key.size());
            BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS | discourage, ScriptError::DISCOURAGE_UPGRADABLE_PUBKEYTYPE),
                                "key size " << key.size());
        }
        // An empty signature is a plain failure, but the key type is still discouraged.
        t.SetWitness({{}});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::EVAL_FALSE), "key size " << key.size());
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS | discourage, ScriptError::DISCOURAGE_UPGRADABLE_PUBKEYTYPE),
                            "key size " << key.size());
    }
}

BOOST_AUTO_TEST_CASE(validation_weight_budget)
{
    // BIP342: the budget is 50 + the serialized witness size; every executed
    // check with a non-empty signature costs 50. Ten checks of an unknown
    // 1-byte key type (no signature verification needed), one signature byte
    // DUPed: 9 x [DUP <aa> CHECKSIGVERIFY] + [<aa> CHECKSIG] = 39 bytes.
    const util::Bytes key{0xaa};
    ScriptBuilder b;
    for (int i = 0; i < 9; ++i) b.Op(script::OP_DUP).Push(key).Op(script::OP_CHECKSIGVERIFY);
    b.Push(key).Op(script::OP_CHECKSIG);
    SingleLeaf t(b.Bytes());
    BOOST_REQUIRE_EQUAL(t.leaf_script.size(), 39U);
    // Witness without annex: 1 (count) + 2 (sig) + 40 (script) + 34 (control) = 77,
    // a budget of 127: the third check overdraws it.
    t.SetWitness({{0x01}});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_VALIDATION_WEIGHT));
    // An annex of 370 bytes adds 3 + 370: budget 500, exactly ten checks.
    const util::Bytes annex370 = Concat({util::Bytes{script::ANNEX_TAG}, Repeat(0, 369)});
    t.SetWitness({{0x01}}, annex370);
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    // One byte less: 499, and the tenth check overdraws it.
    const util::Bytes annex369 = Concat({util::Bytes{script::ANNEX_TAG}, Repeat(0, 368)});
    t.SetWitness({{0x01}}, annex369);
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_VALIDATION_WEIGHT));
}

BOOST_AUTO_TEST_CASE(empty_signatures_cost_no_budget)
{
    // 40 checks with empty signatures: 40 x 36 + 1 = 1,441 script bytes, a
    // witness of 1 + 3 + 1,441 + 34 = 1,479 bytes and a budget of 1,529, less
    // than the 2,000 that 40 charged checks would need.
    ScriptBuilder b;
    for (int i = 0; i < 40; ++i) b.Op(script::OP_0).Push(MakeKey(1).xonly).Op(script::OP_CHECKSIG).Op(script::OP_DROP);
    b.Op(script::OP_1);
    SingleLeaf t(b.Bytes());
    BOOST_REQUIRE_EQUAL(t.leaf_script.size(), 1441U);
    t.SetWitness({});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(op_success_list_matches_bip342)
{
    const std::set<int> expected = OpSuccessList();
    for (int op = 0; op <= 255; ++op) {
        BOOST_CHECK_MESSAGE(script::IsOpSuccess(static_cast<uint8_t>(op)) == (expected.count(op) == 1), "opcode " << op);
    }
}

BOOST_AUTO_TEST_CASE(op_success_makes_the_script_succeed)
{
    const uint32_t discourage = script::SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS;
    for (const int op : OpSuccessList()) {
        // Alone, with nothing on the stack (which would otherwise be CLEANSTACK / EVAL_FALSE).
        SingleLeaf t(util::Bytes{static_cast<uint8_t>(op)});
        t.SetWitness({});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK), "opcode " << op);
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS | discourage, ScriptError::DISCOURAGE_OP_SUCCESS),
                            "opcode " << op);
    }
}

BOOST_AUTO_TEST_CASE(op_success_short_circuits_later_failures)
{
    // The whole script is scanned first: an OP_SUCCESSx anywhere wins over
    // OP_RETURN, bad opcodes, failing checks and unbalanced IFs.
    const util::Bytes scripts[] = {
        {script::OP_RETURN, 0x50},
        {0xbb, script::OP_RETURN},
        {script::OP_0, script::OP_VERIFY, 0xfe},
        {0xff, 0xbb},
        {script::OP_1, script::OP_IF, 0x62},
        {script::OP_0, script::OP_IF, 0x89, script::OP_ENDIF},   // unexecuted
        {0x7e},                                                   // OP_CAT: disabled in legacy, OP_SUCCESS here
        {0x50, script::OP_PUSHDATA1},                             // a truncated push after it
        {script::OP_CHECKMULTISIG, 0xc0},
    };
    for (const util::Bytes& s : scripts) {
        SingleLeaf t(s);
        t.SetWitness({});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK), util::HexStr(s));
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS | script::SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS,
                                        ScriptError::DISCOURAGE_OP_SUCCESS),
                            util::HexStr(s));
    }
}

BOOST_AUTO_TEST_CASE(op_success_only_as_an_opcode)
{
    // Inside push data it is data. A parse error before it ends the scan.
    SingleLeaf in_push({0x01, 0x50, script::OP_RETURN});
    in_push.SetWitness({});
    BOOST_CHECK(VerifyGives(in_push.f, TAPROOT_FLAGS, ScriptError::OP_RETURN));
    SingleLeaf truncated({script::OP_PUSHDATA1, 0x05, 0x50});
    truncated.SetWitness({});
    BOOST_CHECK(VerifyGives(truncated.f, TAPROOT_FLAGS, ScriptError::BAD_OPCODE));
    SingleLeaf after_push({0x02, 0x01, 0x50, 0x50}); // push 0x01 0x50, then OP_SUCCESS80
    after_push.SetWitness({});
    BOOST_CHECK(VerifyGives(after_push.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(op_success_overrides_witness_stack_limits)
{
    // OP_SUCCESSx comes before the 520-byte item and 1,000-item checks.
    SingleLeaf success({0xbb});
    SingleLeaf plain(Script("DROP 1"));
    success.SetWitness({Repeat(0x01, 521)});
    plain.SetWitness({Repeat(0x01, 521)});
    BOOST_CHECK(VerifyGives(success.f, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(plain.f, TAPROOT_FLAGS, ScriptError::PUSH_SIZE));
    success.SetWitness(Stack(1001, util::Bytes{}));
    plain.SetWitness(Stack(1001, util::Bytes{}));
    BOOST_CHECK(VerifyGives(success.f, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(plain.f, TAPROOT_FLAGS, ScriptError::STACK_SIZE));
}

BOOST_AUTO_TEST_CASE(op_success_overrides_push_limit_in_the_script)
{
    // The scan only parses: a 600-byte push before OP_SUCCESSx does not stop it.
    SingleLeaf success(ScriptBuilder().Push(Repeat(0x01, 600)).Op(0x50));
    success.SetWitness({});
    BOOST_CHECK(VerifyGives(success.f, TAPROOT_FLAGS, ScriptError::OK));
    SingleLeaf plain(ScriptBuilder().Push(Repeat(0x01, 600)).Op(script::OP_DROP).Op(script::OP_1));
    plain.SetWitness({});
    BOOST_CHECK(VerifyGives(plain.f, TAPROOT_FLAGS, ScriptError::PUSH_SIZE));
}

BOOST_AUTO_TEST_CASE(initial_stack_checks_in_order)
{
    // BIP342 / Core order: OP_SUCCESSx, then the 1,000-item limit, then 520-byte items.
    Stack items(1001, util::Bytes{});
    items[0] = Repeat(0x01, 521);
    SingleLeaf plain(Script("DROP 1"));
    plain.SetWitness(items);
    BOOST_CHECK(VerifyGives(plain.f, TAPROOT_FLAGS, ScriptError::STACK_SIZE));
    items.resize(1000);
    plain.SetWitness(items);
    BOOST_CHECK(VerifyGives(plain.f, TAPROOT_FLAGS, ScriptError::PUSH_SIZE));
}

BOOST_AUTO_TEST_CASE(non_success_opcodes_still_fail_in_tapscript)
{
    // 0xff is not OP_SUCCESSx; VERIF (101) fails even unexecuted; OP_RETURN fails.
    for (const util::Bytes& s : {util::Bytes{0xff}, util::Bytes{script::OP_0, script::OP_IF, script::OP_VERIF, script::OP_ENDIF, script::OP_1},
                                 util::Bytes{script::OP_VERNOTIF}}) {
        SingleLeaf t(s);
        t.SetWitness({});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::BAD_OPCODE), util::HexStr(s));
    }
    SingleLeaf r(Script("1 RETURN"));
    r.SetWitness({});
    BOOST_CHECK(VerifyGives(r.f, TAPROOT_FLAGS, ScriptError::OP_RETURN));
}

BOOST_AUTO_TEST_CASE(checkmultisig_disabled_in_tapscript)
{
    for (const std::string& notation : {std::string("0 0 0 CHECKMULTISIG"), std::string("0 0 0 CHECKMULTISIGVERIFY 1")}) {
        SingleLeaf t(Script(notation));
        t.SetWitness({});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_CHECKMULTISIG), notation);
        // The same script in P2WSH is fine.
        SpendFixture w = MakeSpend(P2wshScript(Script(notation)));
        w.In().witness.stack = {Script(notation)};
        BOOST_CHECK_MESSAGE(VerifyGives(w, TAPROOT_FLAGS, ScriptError::OK), notation);
    }
    // Only when executed.
    SingleLeaf u(Script("0 IF CHECKMULTISIG ENDIF 1"));
    u.SetWitness({});
    BOOST_CHECK(VerifyGives(u.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(minimalif_is_consensus_in_tapscript)
{
    SingleLeaf t(Script("IF 1 ELSE 1 ENDIF"));
    for (const util::Bytes& bad : {util::Bytes{2}, util::Bytes{0}, util::Bytes{1, 0}, util::Bytes{0x80}}) {
        t.SetWitness({bad});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_MINIMALIF), util::HexStr(bad));
        // MINIMALIF the policy flag changes nothing here: it is TAPSCRIPT_MINIMALIF either way.
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::TAPSCRIPT_MINIMALIF), util::HexStr(bad));
    }
    t.SetWitness({{1}});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    t.SetWitness({{}});
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    SingleLeaf n(Script("NOTIF 1 ELSE 1 ENDIF"));
    n.SetWitness({{2}});
    BOOST_CHECK(VerifyGives(n.f, TAPROOT_FLAGS, ScriptError::TAPSCRIPT_MINIMALIF));
}

BOOST_AUTO_TEST_CASE(codeseparator_position_is_signed)
{
    const TestKey k1 = MakeKey(1), k2 = MakeKey(2);
    const util::Bytes p1 = ScriptBuilder().Push(k1.xonly).Op(script::OP_CHECKSIG);
    struct Case {
        util::Bytes leaf;
        uint32_t position; // opcode index of the last executed OP_CODESEPARATOR, pushes included
    };
    const Case cases[] = {
        {ScriptBuilder("CODESEPARATOR").Raw(p1), 0},
        {ScriptBuilder("CODESEPARATOR CODESEPARATOR").Raw(p1), 1},
        {ScriptBuilder("1 DROP CODESEPARATOR").Raw(p1), 2},
        {ScriptBuilder().Push(Repeat(0x33, 100)).Op(script::OP_DROP).Op(script::OP_CODESEPARATOR).Raw(p1), 2},
        {ScriptBuilder("0 IF CODESEPARATOR ENDIF").Raw(p1), NO_CODESEP},
        {ScriptBuilder("1 IF CODESEPARATOR ENDIF").Raw(p1), 2},
        {p1, NO_CODESEP},
    };
    for (const Case& c : cases) {
        SingleLeaf t(c.leaf);
        t.SetWitness({t.Sign(k1, script::SIGHASH_DEFAULT, c.position)});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK), util::HexStr(c.leaf));
        const uint32_t wrong = c.position == NO_CODESEP ? 0 : (c.position == 0 ? NO_CODESEP : c.position - 1);
        t.SetWitness({t.Sign(k1, script::SIGHASH_DEFAULT, wrong)});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG), util::HexStr(c.leaf));
    }
    // Two checks either side of a separator: the first signs "none", the second position 2.
    SingleLeaf two(ScriptBuilder()
                       .Push(k1.xonly)
                       .Op(script::OP_CHECKSIGVERIFY)
                       .Op(script::OP_CODESEPARATOR)
                       .Push(k2.xonly)
                       .Op(script::OP_CHECKSIG));
    two.SetWitness({two.Sign(k2, script::SIGHASH_DEFAULT, 2), two.Sign(k1, script::SIGHASH_DEFAULT, NO_CODESEP)});
    BOOST_CHECK(VerifyGives(two.f, STANDARD_FLAGS, ScriptError::OK));
    two.SetWitness({two.Sign(k2, script::SIGHASH_DEFAULT, NO_CODESEP), two.Sign(k1, script::SIGHASH_DEFAULT, NO_CODESEP)});
    BOOST_CHECK(VerifyGives(two.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(unknown_leaf_version_succeeds_unless_discouraged)
{
    const uint32_t discourage = script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION;
    // Any script under another (even) leaf version: not executed at all.
    for (const uint8_t version : {0xc2, 0x00, 0x66, 0xfe}) {
        SingleLeaf t(Script("RETURN"), version);
        t.SetWitness({{0x01}});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK), "leaf version " << int{version});
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS | discourage, ScriptError::DISCOURAGE_UPGRADABLE_TAPROOT_VERSION),
                            "leaf version " << int{version});
        // The commitment is still checked first.
        util::Bytes control = t.Control();
        control[0] ^= 1;
        t.f.In().witness.stack = {{0x01}, t.leaf_script, control};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH),
                            "leaf version " << int{version});
    }
    // The leaf version is part of the leaf hash: 0xc0's script proven as 0xc2 fails.
    const TestKey key = MakeKey(1);
    SingleLeaf t(CheckSigLeaf(key));
    util::Bytes control = t.Control();
    control[0] = static_cast<uint8_t>(0xc2 | (control[0] & 1));
    t.f.In().witness.stack = {t.Sign(key), t.leaf_script, control};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_MISMATCH));
}

BOOST_AUTO_TEST_CASE(no_op_count_or_script_size_limit_in_tapscript)
{
    SingleLeaf nops(ScriptBuilder().Op(script::OP_NOP, 1000).Op(script::OP_1));
    nops.SetWitness({});
    BOOST_CHECK(VerifyGives(nops.f, TAPROOT_FLAGS, ScriptError::OK));
    SingleLeaf big(FillerScriptOfSize(10001));
    big.SetWitness({});
    BOOST_CHECK(VerifyGives(big.f, TAPROOT_FLAGS, ScriptError::OK));
    SingleLeaf bigger(FillerScriptOfSize(20000));
    bigger.SetWitness({});
    BOOST_CHECK(VerifyGives(bigger.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(stack_and_push_limits_kept_in_tapscript)
{
    // 1,000 items during execution, counted with the altstack.
    SingleLeaf at(ScriptBuilder().Op(script::OP_1, 999).Op(script::OP_TOALTSTACK).Op(script::OP_DEPTH)
                      .Op(script::OP_DROP, 998).Op(script::OP_FROMALTSTACK).Op(script::OP_NIP));
    at.SetWitness({});
    BOOST_CHECK(VerifyGives(at.f, TAPROOT_FLAGS, ScriptError::OK));
    SingleLeaf over(ScriptBuilder().Op(script::OP_1, 1001));
    over.SetWitness({});
    BOOST_CHECK(VerifyGives(over.f, TAPROOT_FLAGS, ScriptError::STACK_SIZE));
    // The initial stack is checked too: 1,001 witness items fail before any opcode runs.
    SingleLeaf drop(ScriptBuilder().Op(script::OP_2DROP, 500).Op(script::OP_1));
    drop.SetWitness(Stack(1000, util::Bytes{}));
    BOOST_CHECK(VerifyGives(drop.f, TAPROOT_FLAGS, ScriptError::OK));
    drop.SetWitness(Stack(1001, util::Bytes{}));
    BOOST_CHECK(VerifyGives(drop.f, TAPROOT_FLAGS, ScriptError::STACK_SIZE));
    // Pushes of more than 520 bytes stay invalid.
    SingleLeaf push(ScriptBuilder().Push(Repeat(0x01, 521)).Op(script::OP_DROP).Op(script::OP_1));
    push.SetWitness({});
    BOOST_CHECK(VerifyGives(push.f, TAPROOT_FLAGS, ScriptError::PUSH_SIZE));
}

BOOST_AUTO_TEST_CASE(tapscript_clean_stack_and_result)
{
    SingleLeaf two(Script("1 1"));
    two.SetWitness({});
    BOOST_CHECK(VerifyGives(two.f, TAPROOT_FLAGS, ScriptError::CLEANSTACK));
    SingleLeaf zero(Script("0"));
    zero.SetWitness({});
    BOOST_CHECK(VerifyGives(zero.f, TAPROOT_FLAGS, ScriptError::EVAL_FALSE));
    // Witness items are the initial stack, bottom first.
    SingleLeaf order(Script("2 EQUALVERIFY 1 EQUAL"));
    order.SetWitness({{1}, {2}});
    BOOST_CHECK(VerifyGives(order.f, TAPROOT_FLAGS, ScriptError::OK));
    order.SetWitness({{2}, {1}});
    BOOST_CHECK(VerifyGives(order.f, TAPROOT_FLAGS, ScriptError::EQUALVERIFY));
}

BOOST_AUTO_TEST_SUITE_END()
