// Shared helpers for the interpreter tests (interpreter_*_tests.cpp,
// taproot_tests.cpp, tapscript_tests.cpp): building scripts and stacks,
// running EvalScript/VerifyScript with a readable verdict, building a
// crediting and a spending transaction as Bitcoin Core's script tests do,
// signing with libsecp256k1 (ECDSA and BIP340, test-only: utxod never signs)
// and building taproot outputs and control blocks.
//
// Expected values in the tests come from the BIPs and Bitcoin Core's
// behaviour. The helpers here that hash by a BIP's definition (tap leaf,
// branch, tweak, annex) do so independently of src/script; the signature
// hashes are taken from src/script/sighash.h, which has its own vector tests
// (sighash.json, the BIP341 wallet vectors).
#ifndef UTXO_TEST_UNIT_SCRIPT_SCRIPT_TEST_BUILDERS_H
#define UTXO_TEST_UNIT_SCRIPT_SCRIPT_TEST_BUILDERS_H

#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <crypto/sha256.h>
#include <primitives/transaction.h>
#include <script/interpreter.h>
#include <script/opcodes.h>
#include <script/script_error.h>
#include <script/sighash.h>
#include <script/signature_encoding.h>
#include <script/verify_flags.h>
#include <util/hex.h>

#include "script_notation.h"
#include <capi/capi_verify.h>

#include <boost/test/unit_test.hpp>

#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace test {

using primitives::Amount;
using primitives::MutableTransaction;
using primitives::TxOut;
using primitives::Uint256;
using script::ScriptError;
using script::SigVersion;
using script::Stack;

// ---- flag sets ---------------------------------------------------------------

// The consensus flags of a block today (Core's GetBlockScriptFlags after taproot).
inline constexpr uint32_t CONSENSUS_FLAGS =
    script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_DERSIG | script::SCRIPT_VERIFY_NULLDUMMY |
    script::SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY | script::SCRIPT_VERIFY_CHECKSEQUENCEVERIFY |
    script::SCRIPT_VERIFY_WITNESS | script::SCRIPT_VERIFY_TAPROOT;

// Core's STANDARD_SCRIPT_VERIFY_FLAGS (policy/policy.h, v29).
inline constexpr uint32_t STANDARD_FLAGS =
    CONSENSUS_FLAGS | script::SCRIPT_VERIFY_STRICTENC | script::SCRIPT_VERIFY_MINIMALDATA |
    script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS | script::SCRIPT_VERIFY_CLEANSTACK |
    script::SCRIPT_VERIFY_MINIMALIF | script::SCRIPT_VERIFY_NULLFAIL | script::SCRIPT_VERIFY_LOW_S |
    script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM | script::SCRIPT_VERIFY_WITNESS_PUBKEYTYPE |
    script::SCRIPT_VERIFY_CONST_SCRIPTCODE | script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION |
    script::SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS | script::SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE;

// P2SH and WITNESS: the least a witness spend needs to be checked at all.
inline constexpr uint32_t WITNESS_FLAGS = script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS;
inline constexpr uint32_t TAPROOT_FLAGS = WITNESS_FLAGS | script::SCRIPT_VERIFY_TAPROOT;

// ---- bytes, numbers, scripts ---------------------------------------------------

inline util::Bytes Repeat(uint8_t byte, size_t count) { return util::Bytes(count, byte); }

inline util::Bytes Concat(std::initializer_list<util::ByteSpan> parts)
{
    util::Bytes out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

// Script-number encoding written out here from its definition (little-endian
// sign-magnitude, shortest form, zero as the empty vector), so expected stacks
// do not depend on script::ScriptNum.
inline util::Bytes Num(int64_t value)
{
    util::Bytes out;
    if (value == 0) return out;
    const bool negative = value < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    while (magnitude) {
        out.push_back(static_cast<uint8_t>(magnitude & 0xff));
        magnitude >>= 8;
    }
    if (out.back() & 0x80) {
        out.push_back(negative ? 0x80 : 0x00);
    } else if (negative) {
        out.back() |= 0x80;
    }
    return out;
}

// Builds a script the way Bitcoin Core's CScript operator<< does.
class ScriptBuilder {
public:
    ScriptBuilder() = default;
    explicit ScriptBuilder(const std::string& notation) : m_script(ParseScriptNotation(notation)) {}

    ScriptBuilder& Op(uint8_t opcode)
    {
        m_script.push_back(opcode);
        return *this;
    }
    ScriptBuilder& Op(uint8_t opcode, size_t times)
    {
        m_script.insert(m_script.end(), times, opcode);
        return *this;
    }
    // The shortest push opcode for `data` (OP_0 when empty, never OP_1..OP_16).
    ScriptBuilder& Push(util::ByteSpan data)
    {
        script::AppendPush(m_script, data);
        return *this;
    }
    // A number: OP_0, OP_1NEGATE, OP_1..OP_16, or a push of its minimal encoding.
    ScriptBuilder& Number(int64_t n)
    {
        if (n == 0) return Op(script::OP_0);
        if (n == -1 || (n >= 1 && n <= 16)) return Op(static_cast<uint8_t>(script::OP_1 + n - 1));
        return Push(Num(n));
    }
    ScriptBuilder& Raw(util::ByteSpan bytes)
    {
        m_script.insert(m_script.end(), bytes.begin(), bytes.end());
        return *this;
    }
    // Appends tokens in Core's test notation ("DUP HASH160", "0x01ff", "'abc'").
    ScriptBuilder& Then(const std::string& notation) { return Raw(ParseScriptNotation(notation)); }

    const util::Bytes& Bytes() const { return m_script; }
    operator const util::Bytes&() const { return m_script; }
    operator util::ByteSpan() const { return m_script; }

private:
    util::Bytes m_script;
};

inline util::Bytes Script(const std::string& notation) { return ParseScriptNotation(notation); }

// A script of exactly `size` bytes that pushes and drops filler and ends with
// OP_1 (so it succeeds): for the 10,000-byte limit. Uses few opcodes.
inline util::Bytes FillerScriptOfSize(size_t size)
{
    BOOST_REQUIRE(size >= 1);
    ScriptBuilder b;
    size_t left = size - 1; // the final OP_1
    // OP_PUSHDATA2 <520 bytes> OP_DROP is 524 bytes; direct pushes cover the rest.
    while (left >= 524 + 3) {
        b.Push(Repeat(0xaa, 520)).Op(script::OP_DROP);
        left -= 524;
    }
    while (left > 0) {
        if (left == 1) {
            b.Op(script::OP_NOP);
            left = 0;
        } else if (left - 2 <= 75) {
            b.Push(Repeat(0xbb, left - 2)).Op(script::OP_DROP); // 1 + n + 1 bytes
            left = 0;
        } else {
            b.Push(Repeat(0xbb, 75)).Op(script::OP_DROP);
            left -= 77;
        }
    }
    b.Op(script::OP_1);
    BOOST_REQUIRE_EQUAL(b.Bytes().size(), size);
    return b.Bytes();
}

// ---- stacks and the verdict of one evaluation ------------------------------------

inline Stack StackOf(std::initializer_list<std::string_view> hex_items)
{
    Stack out;
    for (auto h : hex_items) {
        auto bytes = util::TryParseHex(h);
        if (!bytes) throw std::invalid_argument("bad hex in test stack: " + std::string(h));
        out.push_back(*bytes);
    }
    return out;
}

inline std::string FormatStack(const Stack& stack)
{
    std::string out = "[";
    for (size_t i = 0; i < stack.size(); ++i) {
        if (i) out += ' ';
        out += stack[i].empty() ? std::string("<>") : util::HexStr(stack[i]);
    }
    return out + "]";
}

inline std::string SigVersionName(SigVersion v)
{
    switch (v) {
    case SigVersion::BASE: return "BASE";
    case SigVersion::WITNESS_V0: return "WITNESS_V0";
    case SigVersion::TAPROOT: return "TAPROOT";
    case SigVersion::TAPSCRIPT: return "TAPSCRIPT";
    }
    return "?";
}

struct EvalOutcome {
    ScriptError error;
    Stack stack;
};

// Runs EvalScript with the base checker (every signature and lock-time check fails).
inline EvalOutcome Eval(util::ByteSpan script, uint32_t flags = 0, Stack stack = {},
                        SigVersion sigversion = SigVersion::BASE)
{
    const script::SignatureChecker checker;
    script::ScriptExecutionData execdata;
    execdata.validation_weight_left = 1'000'000; // tapscript: no budget concerns here
    const ScriptError e = script::EvalScript(stack, script, flags, checker, sigversion, execdata);
    return {e, std::move(stack)};
}

inline std::string Describe(const std::string& what, uint32_t flags, SigVersion sigversion)
{
    return "[" + what + "] flags=" + (flags ? script::FormatVerifyFlags(flags) : std::string("NONE")) +
           " sigversion=" + SigVersionName(sigversion);
}

// Expect EvalScript to succeed and leave exactly `expected`.
inline boost::test_tools::predicate_result EvalLeaves(const std::string& notation, const Stack& expected,
                                                      uint32_t flags = 0, Stack initial = {},
                                                      SigVersion sigversion = SigVersion::BASE)
{
    const EvalOutcome got = Eval(Script(notation), flags, std::move(initial), sigversion);
    if (got.error == ScriptError::OK && got.stack == expected) return true;
    boost::test_tools::predicate_result r(false);
    r.message() << Describe(notation, flags, sigversion) << ": got " << script::ScriptErrorName(got.error) << " "
                << FormatStack(got.stack) << ", expected OK " << FormatStack(expected);
    return r;
}

// Expect EvalScript (raw script bytes) to end with `expected` (OK or an error).
inline boost::test_tools::predicate_result EvalBytesGives(util::ByteSpan script, ScriptError expected,
                                                          uint32_t flags = 0, Stack initial = {},
                                                          SigVersion sigversion = SigVersion::BASE,
                                                          const std::string& what = "")
{
    const EvalOutcome got = Eval(script, flags, std::move(initial), sigversion);
    if (got.error == expected) return true;
    boost::test_tools::predicate_result r(false);
    const std::string shown = what.empty() ? (script.size() <= 64 ? util::HexStr(script)
                                                                  : std::to_string(script.size()) + " bytes")
                                           : what;
    r.message() << Describe(shown, flags, sigversion) << ": got " << script::ScriptErrorName(got.error) << " "
                << FormatStack(got.stack) << ", expected " << script::ScriptErrorName(expected);
    return r;
}

// Expect EvalScript (notation) to end with `expected`.
inline boost::test_tools::predicate_result EvalGives(const std::string& notation, ScriptError expected,
                                                     uint32_t flags = 0, Stack initial = {},
                                                     SigVersion sigversion = SigVersion::BASE)
{
    return EvalBytesGives(Script(notation), expected, flags, std::move(initial), sigversion, notation);
}

// ---- transactions ----------------------------------------------------------------

// A spending transaction and the outputs its inputs spend. The prevouts are
// fixed made-up outpoints (the interpreter only sees them through the
// signature hash), so a spent scriptPubKey may be set after signing when a
// test needs a signature inside it (FindAndDelete).
struct SpendFixture {
    MutableTransaction spend;
    std::vector<TxOut> spent; // the output spent by each input, in input order

    // Adds an input (final sequence, empty scriptSig and witness) spending an
    // output paying `amount` to `script_pubkey`.
    size_t AddInput(util::ByteSpan script_pubkey, Amount amount = Amount(primitives::COIN))
    {
        primitives::TxIn in;
        const std::string label = "utxod test prevout " + std::to_string(spend.vin.size());
        in.prevout.txid = primitives::Txid(crypto::Hash256(util::AsBytes(label)));
        in.prevout.index = static_cast<uint32_t>(spend.vin.size());
        in.sequence = primitives::TxIn::SEQUENCE_FINAL;
        spend.vin.push_back(in);
        spent.push_back({amount, util::Bytes(script_pubkey.begin(), script_pubkey.end())});
        return spend.vin.size() - 1;
    }

    primitives::TxIn& In(size_t i = 0) { return spend.vin.at(i); }
    const primitives::TxIn& In(size_t i = 0) const { return spend.vin.at(i); }
    const util::Bytes& ScriptPubKey(size_t i = 0) const { return spent.at(i).script_pubkey; }
};

// One input spending `script_pubkey`, one output of the same value with an
// empty script. Version 1 and lock time 0 by default, as in Core's
// BuildSpendingTransaction.
inline SpendFixture MakeSpend(util::ByteSpan script_pubkey, Amount amount = Amount(primitives::COIN),
                              uint32_t version = 1)
{
    SpendFixture f;
    f.spend.version = version;
    f.AddInput(script_pubkey, amount);
    f.spend.vout.push_back({amount, {}});
    return f;
}

// VerifyScript on input `index`, checked against the same call through the
// public C API (libutxoconsensus) so both paths stay in agreement.
inline ScriptError VerifyInput(const SpendFixture& f, uint32_t flags, size_t index = 0)
{
    const script::PrecomputedTxData precomputed(f.spend, f.spent);
    const script::TransactionSignatureChecker checker(f.spend, index, f.spent[index].value, precomputed);
    const auto& in = f.spend.vin[index];
    const ScriptError direct = script::VerifyScript(in.script_sig, f.spent[index].script_pubkey, &in.witness, flags, checker);
    // The C API refuses the flag combinations VerifyScript answers with UNKNOWN_ERROR.
    const bool witness_without_p2sh = (flags & script::SCRIPT_VERIFY_WITNESS) && !(flags & script::SCRIPT_VERIFY_P2SH);
    const bool cleanstack_alone = (flags & script::SCRIPT_VERIFY_CLEANSTACK) && (~flags & WITNESS_FLAGS);
    if (witness_without_p2sh || cleanstack_alone) return direct;
    const ScriptError via_capi = VerifyThroughCapi(f.spend, f.spent, index, flags);
    BOOST_CHECK_MESSAGE(direct == via_capi, "C API gives " << script::ScriptErrorName(via_capi) << ", C++ gives "
                                                           << script::ScriptErrorName(direct));
    return direct;
}

inline boost::test_tools::predicate_result VerifyGives(const SpendFixture& f, uint32_t flags, ScriptError expected,
                                                       size_t index = 0)
{
    const ScriptError got = VerifyInput(f, flags, index);
    if (got == expected) return true;
    boost::test_tools::predicate_result r(false);
    const auto& in = f.spend.vin[index];
    r.message() << "input " << index << " scriptSig=" << util::HexStr(in.script_sig)
                << " scriptPubKey=" << util::HexStr(f.spent[index].script_pubkey)
                << " witness=" << FormatStack(in.witness.stack) << " flags="
                << (flags ? script::FormatVerifyFlags(flags) : std::string("NONE")) << ": got "
                << script::ScriptErrorName(got) << ", expected " << script::ScriptErrorName(expected);
    return r;
}

// ---- keys and signing (libsecp256k1, test only) ------------------------------------

using Secret = std::array<uint8_t, 32>;
using XOnly = std::array<uint8_t, 32>;

// One signing context for all tests; RFC6979 nonces, so runs sign alike.
inline const secp256k1_context* SigningContext()
{
    struct Holder {
        secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        ~Holder() { secp256k1_context_destroy(ctx); }
    };
    static const Holder holder;
    return holder.ctx;
}

struct TestKey {
    Secret secret;
    util::Bytes pub;              // compressed, 33 bytes
    util::Bytes pub_uncompressed; // 65 bytes, 0x04
    util::Bytes pub_hybrid;       // 65 bytes, 0x06/0x07 (valid in consensus, not under STRICTENC)
    XOnly xonly;                  // BIP340 x-only key of the same secret
};

// Key number `n`: the secret is SHA256("utxod interpreter test key <n>").
inline TestKey MakeKey(int n)
{
    const auto* ctx = SigningContext();
    TestKey k;
    k.secret = crypto::Sha256Once(util::AsBytes("utxod interpreter test key " + std::to_string(n)));
    BOOST_REQUIRE(secp256k1_ec_seckey_verify(ctx, k.secret.data()));
    secp256k1_pubkey pk;
    BOOST_REQUIRE(secp256k1_ec_pubkey_create(ctx, &pk, k.secret.data()));
    k.pub.resize(33);
    size_t len = 33;
    BOOST_REQUIRE(secp256k1_ec_pubkey_serialize(ctx, k.pub.data(), &len, &pk, SECP256K1_EC_COMPRESSED));
    k.pub_uncompressed.resize(65);
    len = 65;
    BOOST_REQUIRE(secp256k1_ec_pubkey_serialize(ctx, k.pub_uncompressed.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED));
    k.pub_hybrid = k.pub_uncompressed;
    k.pub_hybrid[0] = static_cast<uint8_t>(0x06 | (k.pub_uncompressed[64] & 1));
    secp256k1_keypair kp;
    BOOST_REQUIRE(secp256k1_keypair_create(ctx, &kp, k.secret.data()));
    secp256k1_xonly_pubkey xpk;
    BOOST_REQUIRE(secp256k1_keypair_xonly_pub(ctx, &xpk, nullptr, &kp));
    BOOST_REQUIRE(secp256k1_xonly_pubkey_serialize(ctx, k.xonly.data(), &xpk));
    return k;
}

// Strict-DER ECDSA signature of `hash` (low S, as libsecp256k1 signs).
inline util::Bytes EcdsaDer(const Secret& secret, const Uint256& hash)
{
    const auto* ctx = SigningContext();
    secp256k1_ecdsa_signature sig;
    BOOST_REQUIRE(secp256k1_ecdsa_sign(ctx, &sig, hash.data(), secret.data(), nullptr, nullptr));
    util::Bytes der(72);
    size_t len = der.size();
    BOOST_REQUIRE(secp256k1_ecdsa_signature_serialize_der(ctx, der.data(), &len, &sig));
    der.resize(len);
    return der;
}

// The same signature with S replaced by n - S (still valid, but high S: BIP146).
inline util::Bytes NegateS(util::ByteSpan der)
{
    const auto* ctx = SigningContext();
    secp256k1_ecdsa_signature sig;
    BOOST_REQUIRE(secp256k1_ecdsa_signature_parse_der(ctx, &sig, der.data(), der.size()));
    std::array<uint8_t, 64> compact;
    BOOST_REQUIRE(secp256k1_ecdsa_signature_serialize_compact(ctx, compact.data(), &sig));
    BOOST_REQUIRE(secp256k1_ec_seckey_negate(ctx, compact.data() + 32)); // s -> n - s
    BOOST_REQUIRE(secp256k1_ecdsa_signature_parse_compact(ctx, &sig, compact.data()));
    util::Bytes out(72);
    size_t len = out.size();
    BOOST_REQUIRE(secp256k1_ecdsa_signature_serialize_der(ctx, out.data(), &len, &sig));
    out.resize(len);
    return out;
}

// DER signature plus the hash-type byte, as a script pushes it.
inline util::Bytes WithHashType(util::Bytes der, uint8_t hash_type)
{
    der.push_back(hash_type);
    return der;
}

// Legacy (pre-segwit) signature of input `index` over `script_code`.
inline util::Bytes SignLegacy(const TestKey& key, const SpendFixture& f, util::ByteSpan script_code,
                              uint8_t hash_type = script::SIGHASH_ALL, size_t index = 0)
{
    const Uint256 h = script::LegacySignatureHash(script_code, f.spend, index, hash_type);
    return WithHashType(EcdsaDer(key.secret, h), hash_type);
}

// BIP143 signature of input `index` over `script_code`, committing to the spent amount.
inline util::Bytes SignSegwitV0(const TestKey& key, const SpendFixture& f, util::ByteSpan script_code,
                                uint8_t hash_type = script::SIGHASH_ALL, size_t index = 0)
{
    const Uint256 h = script::SegwitV0SignatureHash(script_code, f.spend, index, hash_type, f.spent[index].value, nullptr);
    return WithHashType(EcdsaDer(key.secret, h), hash_type);
}

// BIP143's scriptCode for P2WPKH: OP_DUP OP_HASH160 <20-byte key hash> OP_EQUALVERIFY OP_CHECKSIG.
inline util::Bytes P2wpkhScriptCode(util::ByteSpan pubkey)
{
    const auto h = crypto::Hash160(pubkey);
    return ScriptBuilder().Op(script::OP_DUP).Op(script::OP_HASH160).Push(h).Op(script::OP_EQUALVERIFY).Op(script::OP_CHECKSIG);
}

inline util::Bytes P2pkhScript(util::ByteSpan pubkey) { return P2wpkhScriptCode(pubkey); }

inline util::Bytes P2shScript(util::ByteSpan redeem_script)
{
    return ScriptBuilder().Op(script::OP_HASH160).Push(crypto::Hash160(redeem_script)).Op(script::OP_EQUAL);
}

inline util::Bytes P2wpkhScript(util::ByteSpan pubkey)
{
    return ScriptBuilder().Op(script::OP_0).Push(crypto::Hash160(pubkey));
}

inline util::Bytes P2wshScript(util::ByteSpan witness_script)
{
    return ScriptBuilder().Op(script::OP_0).Push(crypto::Sha256Once(witness_script));
}

// ---- BIP340 / BIP341 --------------------------------------------------------------

inline Uint256 TaggedHashOf(std::string_view tag, util::ByteSpan data)
{
    return Uint256(crypto::TaggedHash(tag, data));
}

// BIP341: TapLeaf tagged hash of leaf_version || compact_size(len) || script.
inline Uint256 TapLeafHash(uint8_t leaf_version, util::ByteSpan leaf_script)
{
    util::Bytes data{leaf_version};
    util::ByteWriter(data).WriteCompactSize(leaf_script.size());
    data.insert(data.end(), leaf_script.begin(), leaf_script.end());
    return TaggedHashOf("TapLeaf", data);
}

// BIP341: TapBranch tagged hash of the two children in lexicographic order.
inline Uint256 TapBranchHash(const Uint256& a, const Uint256& b)
{
    const bool a_first = std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    return TaggedHashOf("TapBranch", a_first ? Concat({a.span(), b.span()}) : Concat({b.span(), a.span()}));
}

// A taproot output: Q = P + tG, t = TapTweak(P || merkle_root) (no root: key path only).
struct TaprootOutput {
    TestKey internal;
    std::optional<Uint256> merkle_root;
    std::array<uint8_t, 32> tweak;
    XOnly output_key;
    bool parity; // Q has odd Y
    util::Bytes script_pubkey; // OP_1 <32-byte output key>
};

inline TaprootOutput MakeTaprootOutput(const TestKey& internal, std::optional<Uint256> merkle_root)
{
    TaprootOutput out{internal, merkle_root, {}, {}, false, {}};
    util::Bytes data(internal.xonly.begin(), internal.xonly.end());
    if (merkle_root) data.insert(data.end(), merkle_root->begin(), merkle_root->end());
    out.tweak = TaggedHashOf("TapTweak", data).bytes();
    const auto tweaked = crypto::TweakXOnlyPubKey(internal.xonly, out.tweak);
    BOOST_REQUIRE(tweaked);
    out.output_key = tweaked->key;
    out.parity = tweaked->parity;
    out.script_pubkey = ScriptBuilder().Op(script::OP_1).Push(out.output_key);
    return out;
}

// Control block: (leaf version | output parity), internal key, then the path from the leaf up.
inline util::Bytes ControlBlock(const TaprootOutput& out, const std::vector<Uint256>& path,
                                uint8_t leaf_version = script::TAPROOT_LEAF_TAPSCRIPT)
{
    util::Bytes cb{static_cast<uint8_t>(leaf_version | (out.parity ? 1 : 0))};
    cb.insert(cb.end(), out.internal.xonly.begin(), out.internal.xonly.end());
    for (const auto& node : path) cb.insert(cb.end(), node.begin(), node.end());
    return cb;
}

// BIP341: sha_annex = SHA256(compact_size(len(annex)) || annex).
inline Uint256 AnnexHash(util::ByteSpan annex)
{
    util::Bytes data;
    util::ByteWriter(data).WriteVarBytes(annex);
    return Uint256(crypto::Sha256Once(data));
}

inline std::array<uint8_t, 64> SchnorrSign(const secp256k1_keypair& kp, const Uint256& msg)
{
    const std::array<uint8_t, 32> aux{};
    std::array<uint8_t, 64> sig;
    BOOST_REQUIRE(secp256k1_schnorrsig_sign32(SigningContext(), sig.data(), msg.data(), &kp, aux.data()));
    return sig;
}

// BIP340 signature by `key` (script path: the key itself).
inline std::array<uint8_t, 64> SchnorrSign(const TestKey& key, const Uint256& msg)
{
    secp256k1_keypair kp;
    BOOST_REQUIRE(secp256k1_keypair_create(SigningContext(), &kp, key.secret.data()));
    return SchnorrSign(kp, msg);
}

// BIP340 signature by the tweaked key of `out` (key path).
inline std::array<uint8_t, 64> SchnorrSignTweaked(const TaprootOutput& out, const Uint256& msg)
{
    secp256k1_keypair kp;
    BOOST_REQUIRE(secp256k1_keypair_create(SigningContext(), &kp, out.internal.secret.data()));
    BOOST_REQUIRE(secp256k1_keypair_xonly_tweak_add(SigningContext(), &kp, out.tweak.data()));
    return SchnorrSign(kp, msg);
}

// The BIP341/342 signature hash of input `index`; nullopt when the hash type is undefined.
inline std::optional<Uint256> TaprootSighash(const SpendFixture& f, uint8_t hash_type, SigVersion sigversion,
                                             const script::TaprootSpendContext& context, size_t index = 0)
{
    const script::PrecomputedTxData precomputed(f.spend, f.spent);
    return script::TaprootSignatureHash(f.spend, index, hash_type, sigversion, precomputed, context);
}

// 64 bytes for SIGHASH_DEFAULT, else 64 bytes plus the hash-type byte.
inline util::Bytes SchnorrWithHashType(const std::array<uint8_t, 64>& sig, uint8_t hash_type)
{
    util::Bytes out(sig.begin(), sig.end());
    if (hash_type != script::SIGHASH_DEFAULT) out.push_back(hash_type);
    return out;
}

// Key-path signature for input `index` of `f`.
inline util::Bytes SignKeyPath(const TaprootOutput& out, const SpendFixture& f, uint8_t hash_type = script::SIGHASH_DEFAULT,
                               std::optional<Uint256> annex_hash = std::nullopt, size_t index = 0)
{
    script::TaprootSpendContext ctx;
    ctx.annex_hash = annex_hash;
    const auto h = TaprootSighash(f, hash_type, SigVersion::TAPROOT, ctx, index);
    BOOST_REQUIRE(h);
    return SchnorrWithHashType(SchnorrSignTweaked(out, *h), hash_type);
}

// Script-path (tapscript) signature by `key` for the leaf `leaf_hash`, with
// the last executed OP_CODESEPARATOR at `codesep_pos` (0xffffffff: none).
inline util::Bytes SignTapscript(const TestKey& key, const SpendFixture& f, const Uint256& leaf_hash,
                                 uint8_t hash_type = script::SIGHASH_DEFAULT, uint32_t codesep_pos = 0xffffffff,
                                 std::optional<Uint256> annex_hash = std::nullopt, size_t index = 0)
{
    script::TaprootSpendContext ctx;
    ctx.annex_hash = annex_hash;
    ctx.tapleaf_hash = leaf_hash;
    ctx.codeseparator_pos = codesep_pos;
    const auto h = TaprootSighash(f, hash_type, SigVersion::TAPSCRIPT, ctx, index);
    BOOST_REQUIRE(h);
    return SchnorrWithHashType(SchnorrSign(key, *h), hash_type);
}

} // namespace test

#endif // UTXO_TEST_UNIT_SCRIPT_SCRIPT_TEST_BUILDERS_H
