// Taproot key-path spends (BIP341) with BIP340 signatures made here by the
// tweaked key, and the witness versions around them: hash types (default,
// explicit, undefined), SIGHASH_SINGLE without a matching output, signature
// sizes, the annex, what the signature commits to, the TAPROOT flag, P2SH
// wrapping, pay-to-anchor and witness v2+ programs.
#include "script_test_builders.h"

#include <boost/test/unit_test.hpp>

using script::ScriptError;
using namespace test;

namespace {

constexpr uint32_t DISCOURAGE_PROGRAM = script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM;

struct KeyPath {
    TaprootOutput out = MakeTaprootOutput(MakeKey(10), std::nullopt);
    SpendFixture f = MakeSpend(out.script_pubkey, Amount(primitives::COIN), 2);

    util::Bytes Sign(uint8_t hash_type = script::SIGHASH_DEFAULT, std::optional<Uint256> annex_hash = std::nullopt) const
    {
        return SignKeyPath(out, f, hash_type, annex_hash);
    }
};

// Two taproot inputs (keys 10 and 11) and a single output.
struct TwoInputs {
    TaprootOutput out0 = MakeTaprootOutput(MakeKey(10), std::nullopt);
    TaprootOutput out1 = MakeTaprootOutput(MakeKey(11), std::nullopt);
    SpendFixture f;
    TwoInputs()
    {
        f = MakeSpend(out0.script_pubkey, Amount(primitives::COIN), 2);
        f.AddInput(out1.script_pubkey, Amount(2 * primitives::COIN));
    }
};

const util::Bytes ANCHOR = {0x51, 0x02, 0x4e, 0x73}; // OP_1 <0x4e73>

} // namespace

BOOST_AUTO_TEST_SUITE(taproot_tests)

BOOST_AUTO_TEST_CASE(tweaked_output_key_matches_bip341)
{
    // Q = P + H_TapTweak(P)G has the parity the tweak reports, and the internal
    // key itself is not the output key.
    const KeyPath t;
    BOOST_CHECK(crypto::CheckTapTweak(t.out.internal.xonly, t.out.tweak, t.out.output_key, t.out.parity));
    BOOST_CHECK(!crypto::CheckTapTweak(t.out.internal.xonly, t.out.tweak, t.out.output_key, !t.out.parity));
    BOOST_CHECK(t.out.output_key != t.out.internal.xonly);
    BOOST_CHECK_EQUAL(t.out.script_pubkey.size(), 34U);
}

BOOST_AUTO_TEST_CASE(key_path_sighash_default_64_byte_signature)
{
    KeyPath t;
    const util::Bytes sig = t.Sign();
    BOOST_REQUIRE_EQUAL(sig.size(), 64U);
    t.f.In().witness.stack = {sig};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(key_path_explicit_hash_types_65_bytes)
{
    for (const uint8_t ht : {0x01, 0x02, 0x03, 0x81, 0x82, 0x83}) {
        KeyPath t;
        const util::Bytes sig = t.Sign(ht);
        BOOST_REQUIRE_EQUAL(sig.size(), 65U);
        t.f.In().witness.stack = {sig};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK), "hash type " << int{ht});
    }
}

BOOST_AUTO_TEST_CASE(default_and_explicit_all_are_different_messages)
{
    // The hash type byte is part of the message: a SIGHASH_ALL signature
    // without its byte, or a default one with 0x01 appended, fails.
    KeyPath t;
    util::Bytes all = t.Sign(script::SIGHASH_ALL);
    all.pop_back();
    t.f.In().witness.stack = {all};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    util::Bytes def = t.Sign();
    def.push_back(script::SIGHASH_ALL);
    t.f.In().witness.stack = {def};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(key_path_invalid_hash_types)
{
    KeyPath t;
    const util::Bytes sig64 = t.Sign();
    // 0x00 written out is refused: SIGHASH_DEFAULT is only ever implicit.
    for (const uint8_t ht : {0x00, 0x04, 0x20, 0x41, 0x7f, 0x80, 0x84, 0xc1, 0xff}) {
        util::Bytes sig = sig64;
        sig.push_back(ht);
        t.f.In().witness.stack = {sig};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_HASHTYPE), "hash type " << int{ht});
    }
}

BOOST_AUTO_TEST_CASE(sighash_single_without_matching_output)
{
    TwoInputs t;
    // Input 0 has output 0: SINGLE works.
    t.f.In(0).witness.stack = {SignKeyPath(t.out0, t.f, script::SIGHASH_SINGLE, std::nullopt, 0)};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK, 0));
    // Input 1 has none: no signature hash exists, the hash type is refused.
    BOOST_CHECK(!TaprootSighash(t.f, script::SIGHASH_SINGLE, script::SigVersion::TAPROOT, {}, 1));
    for (const uint8_t ht : {script::SIGHASH_SINGLE, static_cast<uint8_t>(0x83)}) {
        util::Bytes sig = SignKeyPath(t.out1, t.f, script::SIGHASH_DEFAULT, std::nullopt, 1);
        sig.push_back(ht);
        t.f.In(1).witness.stack = {sig};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_HASHTYPE, 1), "hash type " << int{ht});
    }
    // Other hash types still work for input 1.
    t.f.In(1).witness.stack = {SignKeyPath(t.out1, t.f, script::SIGHASH_NONE, std::nullopt, 1)};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK, 1));
}

BOOST_AUTO_TEST_CASE(signature_commits_to_all_spent_outputs)
{
    // BIP341 signs every input's amount and scriptPubKey (not only its own),
    // unless ANYONECANPAY limits it to this input.
    TwoInputs t;
    t.f.In(0).witness.stack = {SignKeyPath(t.out0, t.f, script::SIGHASH_DEFAULT, std::nullopt, 0)};
    SpendFixture other_amount = t.f;
    other_amount.spent[1].value = Amount(3 * primitives::COIN);
    BOOST_CHECK(VerifyGives(other_amount, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG, 0));
    SpendFixture other_script = t.f;
    other_script.spent[1].script_pubkey = MakeTaprootOutput(MakeKey(12), std::nullopt).script_pubkey;
    BOOST_CHECK(VerifyGives(other_script, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG, 0));

    t.f.In(0).witness.stack = {SignKeyPath(t.out0, t.f, 0x81, std::nullopt, 0)};
    other_amount.In(0).witness = t.f.In(0).witness;
    BOOST_CHECK(VerifyGives(other_amount, TAPROOT_FLAGS, ScriptError::OK, 0));
    SpendFixture own_amount = t.f;
    own_amount.spent[0].value = Amount(5);
    BOOST_CHECK(VerifyGives(own_amount, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG, 0));
}

BOOST_AUTO_TEST_CASE(key_path_bad_signatures)
{
    KeyPath t;
    const util::Bytes sig = t.Sign();
    for (const size_t bit : {0, 7, 255, 256, 511}) {
        util::Bytes flipped = sig;
        flipped[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
        t.f.In().witness.stack = {flipped};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG), "bit " << bit);
    }
    // Signed by the internal key instead of the tweaked one.
    const auto h = TaprootSighash(t.f, script::SIGHASH_DEFAULT, script::SigVersion::TAPROOT, {});
    BOOST_REQUIRE(h);
    t.f.In().witness.stack = {SchnorrWithHashType(SchnorrSign(t.out.internal, *h), script::SIGHASH_DEFAULT)};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(key_path_signature_sizes)
{
    KeyPath t;
    const util::Bytes sig = t.Sign();
    for (const size_t size : {0, 1, 32, 63, 66, 72}) {
        util::Bytes s = sig;
        s.resize(size, 0x01);
        t.f.In().witness.stack = {s};
        BOOST_CHECK_MESSAGE(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_SIZE), "size " << size);
    }
}

BOOST_AUTO_TEST_CASE(key_path_empty_witness)
{
    KeyPath t;
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY));
}

BOOST_AUTO_TEST_CASE(key_path_annex_is_signed)
{
    KeyPath t;
    const util::Bytes annex = Concat({util::Bytes{script::ANNEX_TAG}, util::AsBytes("annex payload")});
    // A signature made without the annex fails once the annex is there...
    t.f.In().witness.stack = {t.Sign(), annex};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    // ...one over SHA256(compact_size(len) || annex) passes...
    t.f.In().witness.stack = {t.Sign(script::SIGHASH_DEFAULT, AnnexHash(annex)), annex};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, STANDARD_FLAGS, ScriptError::OK)); // the annex is policy's business, not the interpreter's
    // ...and fails without the annex, or with another one.
    t.f.In().witness.stack = {t.Sign(script::SIGHASH_DEFAULT, AnnexHash(annex))};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    const util::Bytes other = {script::ANNEX_TAG};
    t.f.In().witness.stack = {t.Sign(script::SIGHASH_DEFAULT, AnnexHash(annex)), other};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
    t.f.In().witness.stack = {t.Sign(script::SIGHASH_DEFAULT, AnnexHash(other)), other};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::OK));
}

BOOST_AUTO_TEST_CASE(lone_item_starting_with_0x50_is_not_an_annex)
{
    // The annex needs at least two witness items; a single one is the signature.
    KeyPath t;
    t.f.In().witness.stack = {{script::ANNEX_TAG, 0x01}};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG_SIZE));
    util::Bytes sig = t.Sign();
    sig[0] = script::ANNEX_TAG;
    t.f.In().witness.stack = {sig};
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::SCHNORR_SIG));
}

BOOST_AUTO_TEST_CASE(taproot_unchecked_without_its_flag)
{
    // Before activation a v1 32-byte program is anyone-can-spend, and it is
    // not "upgradable" either: DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM does not apply.
    KeyPath t;
    t.f.In().witness.stack = {{0xde, 0xad}};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS | DISCOURAGE_PROGRAM, ScriptError::OK));
    t.f.In().witness.stack = {};
    BOOST_CHECK(VerifyGives(t.f, WITNESS_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY));
}

BOOST_AUTO_TEST_CASE(taproot_needs_empty_script_sig)
{
    KeyPath t;
    t.f.In().witness.stack = {t.Sign()};
    t.f.In().script_sig = Script("0");
    BOOST_CHECK(VerifyGives(t.f, TAPROOT_FLAGS, ScriptError::WITNESS_MALLEATED));
}

BOOST_AUTO_TEST_CASE(p2sh_wrapped_v1_program_is_not_taproot)
{
    // Taproot is native only: inside P2SH a v1 32-byte program is an unknown
    // program, anyone-can-spend unless discouraged.
    const TaprootOutput out = MakeTaprootOutput(MakeKey(10), std::nullopt);
    SpendFixture f = MakeSpend(P2shScript(out.script_pubkey), Amount(primitives::COIN), 2);
    f.In().script_sig = ScriptBuilder().Push(out.script_pubkey);
    f.In().witness.stack = {{0x01}};
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM, ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM));
}

BOOST_AUTO_TEST_CASE(pay_to_anchor_spendable_with_empty_witness)
{
    SpendFixture f = MakeSpend(ANCHOR, Amount(240), 3);
    BOOST_CHECK(VerifyGives(f, STANDARD_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM, ScriptError::OK));
    // Consensus does not look at a witness there either.
    f.In().witness.stack = {{0x01}, {}};
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM, ScriptError::OK));
    f.In().witness.stack = {};
    f.In().script_sig = Script("0");
    BOOST_CHECK(VerifyGives(f, TAPROOT_FLAGS, ScriptError::WITNESS_MALLEATED));
}

BOOST_AUTO_TEST_CASE(pay_to_anchor_is_exactly_op1_4e73_native)
{
    // Wrapped in P2SH, or any other 2-byte program, is an ordinary upgradable program.
    SpendFixture wrapped = MakeSpend(P2shScript(ANCHOR));
    wrapped.In().script_sig = ScriptBuilder().Push(ANCHOR);
    BOOST_CHECK(VerifyGives(wrapped, TAPROOT_FLAGS, ScriptError::OK));
    BOOST_CHECK(VerifyGives(wrapped, TAPROOT_FLAGS | DISCOURAGE_PROGRAM, ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM));
    for (const util::Bytes& spk : {util::Bytes{0x51, 0x02, 0x4e, 0x74}, util::Bytes{0x52, 0x02, 0x4e, 0x73},
                                   util::Bytes{0x51, 0x03, 0x4e, 0x73, 0x00}}) {
        SpendFixture f = MakeSpend(spk);
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS, ScriptError::OK), util::HexStr(spk));
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM,
                                        ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM),
                            util::HexStr(spk));
    }
}

BOOST_AUTO_TEST_CASE(witness_v2_and_later_programs_are_upgradable)
{
    struct Program {
        uint8_t version_opcode;
        size_t size;
    };
    // v1 with a size other than 32 is unknown too.
    for (const Program p : {Program{script::OP_2, 32}, Program{script::OP_3, 2}, Program{script::OP_16, 40},
                            Program{script::OP_1, 20}, Program{script::OP_1, 33}}) {
        SpendFixture f = MakeSpend(ScriptBuilder().Op(p.version_opcode).Push(Repeat(0x22, p.size)));
        f.In().witness.stack = {{0x01}, {0x02}};
        const std::string what = "version opcode " + std::to_string(p.version_opcode) + " size " + std::to_string(p.size);
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS, ScriptError::OK), what);
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM,
                                        ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM),
                            what);
        f.In().witness.stack = {};
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM,
                                        ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM),
                            what);
        f.In().script_sig = Script("1");
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS, ScriptError::WITNESS_MALLEATED), what);
    }
}

BOOST_AUTO_TEST_CASE(not_a_witness_program_witness_unexpected)
{
    // 41-byte programs and 1-byte programs are not witness programs (BIP141: 2 to 40 bytes).
    for (const size_t size : {1, 41}) {
        SpendFixture f = MakeSpend(ScriptBuilder().Op(script::OP_2).Push(Repeat(0x22, size)));
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS | DISCOURAGE_PROGRAM, ScriptError::OK), "size " << size);
        f.In().witness.stack = {{0x01}};
        BOOST_CHECK_MESSAGE(VerifyGives(f, TAPROOT_FLAGS, ScriptError::WITNESS_UNEXPECTED), "size " << size);
    }
    // A version push other than OP_0..OP_16 (here OP_1NEGATE) neither.
    SpendFixture g = MakeSpend(ScriptBuilder().Op(script::OP_1NEGATE).Push(Repeat(0x22, 32)));
    g.In().witness.stack = {{0x01}};
    BOOST_CHECK(VerifyGives(g, TAPROOT_FLAGS, ScriptError::WITNESS_UNEXPECTED));
}

BOOST_AUTO_TEST_SUITE_END()
