// VerifyScript: scriptSig + scriptPubKey, P2SH (BIP16), witness programs
// (BIP141), taproot key and script paths (BIP341/342).
#include <script/interpreter.h>

#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <crypto/sha256.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/verify_flags.h>

#include <algorithm>

namespace script {
namespace {

using primitives::Uint256;

constexpr size_t WITNESS_V0_KEYHASH_SIZE = 20;
constexpr size_t WITNESS_V0_SCRIPTHASH_SIZE = 32;
constexpr size_t WITNESS_V1_TAPROOT_SIZE = 32;

// Serialized size of a witness stack: count, then each item with its length.
int64_t WitnessSerializedSize(const std::vector<util::Bytes>& stack)
{
    int64_t size = static_cast<int64_t>(util::CompactSizeLength(stack.size()));
    for (const auto& item : stack) size += static_cast<int64_t>(util::CompactSizeLength(item.size()) + item.size());
    return size;
}

// Runs a witness script on its stack, with the implicit clean-stack rule.
ScriptError ExecuteWitnessScript(Stack stack, util::ByteSpan script, uint32_t flags, SigVersion sigversion,
                                 const SignatureChecker& checker, ScriptExecutionData& execdata)
{
    if (sigversion == SigVersion::TAPSCRIPT) {
        // An OP_SUCCESSx anywhere makes the script succeed, before any other rule (BIP342).
        size_t pc = 0;
        Opcode op;
        while (pc < script.size()) {
            if (!GetScriptOp(script, pc, op, nullptr)) return ScriptError::BAD_OPCODE;
            if (IsOpSuccess(op)) {
                if (flags & SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS) return ScriptError::DISCOURAGE_OP_SUCCESS;
                return ScriptError::OK;
            }
        }
        if (stack.size() > MAX_STACK_SIZE) return ScriptError::STACK_SIZE;
    }
    for (const auto& item : stack) {
        if (item.size() > MAX_SCRIPT_ELEMENT_SIZE) return ScriptError::PUSH_SIZE;
    }
    if (auto e = EvalScript(stack, script, flags, checker, sigversion, execdata); e != ScriptError::OK) return e;
    if (stack.size() != 1) return ScriptError::CLEANSTACK;
    if (!CastToBool(stack.back())) return ScriptError::EVAL_FALSE;
    return ScriptError::OK;
}

bool VerifyTaprootCommitment(util::ByteSpan control, util::ByteSpan program, const Uint256& tapleaf_hash)
{
    const Uint256 merkle_root = ComputeTaprootMerkleRoot(control, tapleaf_hash);
    const util::ByteSpan internal_key = control.subspan(1, 32);
    // Tweak = tagged hash of the internal key and the merkle root.
    crypto::Sha256 tweak_hasher = crypto::TaggedSha256("TapTweak");
    tweak_hasher.Write(internal_key).Write(merkle_root.span());
    const auto tweak = tweak_hasher.Finalize();
    return crypto::CheckTapTweak(internal_key.first<32>(), tweak, program.first<32>(), (control[0] & 1) != 0);
}

ScriptError VerifyTaproot(const primitives::ScriptWitness& witness, util::ByteSpan program, uint32_t flags,
                          const SignatureChecker& checker)
{
    if (!(flags & SCRIPT_VERIFY_TAPROOT)) return ScriptError::OK;
    std::vector<util::Bytes> stack = witness.stack;
    if (stack.empty()) return ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY;
    ScriptExecutionData execdata;
    // A last item starting with 0x50, with at least two items, is the annex.
    if (stack.size() >= 2 && !stack.back().empty() && stack.back()[0] == ANNEX_TAG) {
        crypto::Sha256 annex_hasher;
        util::Bytes prefixed;
        util::ByteWriter(prefixed).WriteVarBytes(stack.back());
        execdata.taproot.annex_hash = Uint256(annex_hasher.Write(prefixed).Finalize());
        stack.pop_back();
    }
    if (stack.size() == 1) {
        // Key path.
        return checker.CheckSchnorrSignature(stack.front(), program, SigVersion::TAPROOT, execdata);
    }
    // Script path: [stack..., script, control block].
    const util::Bytes control = std::move(stack.back());
    stack.pop_back();
    const util::Bytes script = std::move(stack.back());
    stack.pop_back();
    if (control.size() < TAPROOT_CONTROL_BASE_SIZE || control.size() > TAPROOT_CONTROL_MAX_SIZE ||
        (control.size() - TAPROOT_CONTROL_BASE_SIZE) % TAPROOT_CONTROL_NODE_SIZE != 0) {
        return ScriptError::TAPROOT_WRONG_CONTROL_SIZE;
    }
    const uint8_t leaf_version = control[0] & TAPROOT_LEAF_MASK;
    execdata.taproot.tapleaf_hash = ComputeTapleafHash(leaf_version, script);
    if (!VerifyTaprootCommitment(control, program, execdata.taproot.tapleaf_hash)) {
        return ScriptError::WITNESS_PROGRAM_MISMATCH;
    }
    if (leaf_version == TAPROOT_LEAF_TAPSCRIPT) {
        execdata.validation_weight_left = WitnessSerializedSize(witness.stack) + VALIDATION_WEIGHT_OFFSET;
        return ExecuteWitnessScript(std::move(stack), script, flags, SigVersion::TAPSCRIPT, checker, execdata);
    }
    // Unknown leaf versions succeed: reserved for future soft forks.
    if (flags & SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION) {
        return ScriptError::DISCOURAGE_UPGRADABLE_TAPROOT_VERSION;
    }
    return ScriptError::OK;
}

ScriptError VerifyWitnessProgram(const primitives::ScriptWitness& witness, int version, util::ByteSpan program,
                                 uint32_t flags, const SignatureChecker& checker, bool is_p2sh)
{
    if (version == 0) {
        ScriptExecutionData execdata;
        if (program.size() == WITNESS_V0_SCRIPTHASH_SIZE) {
            // P2WSH: the last item is the script, committed to by its SHA-256.
            if (witness.stack.empty()) return ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY;
            const util::Bytes& script = witness.stack.back();
            const auto hash = crypto::Sha256Once(script);
            if (!std::equal(hash.begin(), hash.end(), program.begin())) return ScriptError::WITNESS_PROGRAM_MISMATCH;
            Stack stack(witness.stack.begin(), witness.stack.end() - 1);
            return ExecuteWitnessScript(std::move(stack), script, flags, SigVersion::WITNESS_V0, checker, execdata);
        }
        if (program.size() == WITNESS_V0_KEYHASH_SIZE) {
            // P2WPKH: exactly signature and key, run through the implied P2PKH script.
            if (witness.stack.size() != 2) return ScriptError::WITNESS_PROGRAM_MISMATCH;
            const util::Bytes script = PayToPubKeyHashScript(program);
            return ExecuteWitnessScript(witness.stack, script, flags, SigVersion::WITNESS_V0, checker, execdata);
        }
        return ScriptError::WITNESS_PROGRAM_WRONG_LENGTH;
    }
    if (version == 1 && program.size() == WITNESS_V1_TAPROOT_SIZE && !is_p2sh) {
        return VerifyTaproot(witness, program, flags, checker);
    }
    // Pay-to-anchor is anyone-can-spend, and not "upgradable".
    if (!is_p2sh && IsPayToAnchor(version, program)) return ScriptError::OK;
    if (flags & SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM) {
        return ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM;
    }
    // Other versions and sizes are left to future soft forks: they succeed.
    return ScriptError::OK;
}

// True when `script_sig` is exactly one push of `redeem_script` (Bitcoin Core's
// CScript() << redeem_script, which never uses OP_1..OP_16).
bool IsSinglePushOf(util::ByteSpan script_sig, util::ByteSpan redeem_script)
{
    util::Bytes expected;
    AppendPush(expected, redeem_script);
    return std::equal(script_sig.begin(), script_sig.end(), expected.begin(), expected.end());
}

} // namespace

Uint256 ComputeTapleafHash(uint8_t leaf_version, util::ByteSpan script)
{
    crypto::Sha256 hasher = crypto::TaggedSha256("TapLeaf");
    util::Bytes prefix{leaf_version};
    util::ByteWriter(prefix).WriteCompactSize(script.size());
    return Uint256(hasher.Write(prefix).Write(script).Finalize());
}

Uint256 ComputeTapbranchHash(util::ByteSpan a, util::ByteSpan b)
{
    crypto::Sha256 hasher = crypto::TaggedSha256("TapBranch");
    // Children are hashed in lexicographic order, so a proof needs no left/right bits.
    if (std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end())) {
        hasher.Write(a).Write(b);
    } else {
        hasher.Write(b).Write(a);
    }
    return Uint256(hasher.Finalize());
}

Uint256 ComputeTaprootMerkleRoot(util::ByteSpan control, const Uint256& tapleaf_hash)
{
    const size_t path_len = (control.size() - TAPROOT_CONTROL_BASE_SIZE) / TAPROOT_CONTROL_NODE_SIZE;
    Uint256 k = tapleaf_hash;
    for (size_t i = 0; i < path_len; ++i) {
        const util::ByteSpan node =
            control.subspan(TAPROOT_CONTROL_BASE_SIZE + TAPROOT_CONTROL_NODE_SIZE * i, TAPROOT_CONTROL_NODE_SIZE);
        k = ComputeTapbranchHash(k.span(), node);
    }
    return k;
}

ScriptError VerifyScript(util::ByteSpan script_sig, util::ByteSpan script_pubkey,
                         const primitives::ScriptWitness* witness, uint32_t flags, const SignatureChecker& checker)
{
    // Combinations that would make a later flag a hard fork are refused.
    if ((flags & SCRIPT_VERIFY_WITNESS) && !(flags & SCRIPT_VERIFY_P2SH)) return ScriptError::UNKNOWN_ERROR;
    if ((flags & SCRIPT_VERIFY_CLEANSTACK) && !((flags & SCRIPT_VERIFY_P2SH) && (flags & SCRIPT_VERIFY_WITNESS))) {
        return ScriptError::UNKNOWN_ERROR;
    }
    static const primitives::ScriptWitness EMPTY_WITNESS;
    if (!witness) witness = &EMPTY_WITNESS;
    bool had_witness = false;

    if ((flags & SCRIPT_VERIFY_SIGPUSHONLY) != 0 && !IsPushOnly(script_sig)) return ScriptError::SIG_PUSHONLY;

    // scriptSig and scriptPubKey run one after the other on one stack, never
    // concatenated (CVE-2010-5141).
    Stack stack, p2sh_stack;
    if (auto e = EvalScript(stack, script_sig, flags, checker, SigVersion::BASE); e != ScriptError::OK) return e;
    if (flags & SCRIPT_VERIFY_P2SH) p2sh_stack = stack;
    if (auto e = EvalScript(stack, script_pubkey, flags, checker, SigVersion::BASE); e != ScriptError::OK) return e;
    if (stack.empty() || !CastToBool(stack.back())) return ScriptError::EVAL_FALSE;

    int version = 0;
    util::ByteSpan program;
    if ((flags & SCRIPT_VERIFY_WITNESS) && IsWitnessProgram(script_pubkey, version, program)) {
        had_witness = true;
        // Native witness programs need an empty scriptSig, or it could be malleated.
        if (!script_sig.empty()) return ScriptError::WITNESS_MALLEATED;
        if (auto e = VerifyWitnessProgram(*witness, version, program, flags, checker, false); e != ScriptError::OK) {
            return e;
        }
        stack.resize(1); // the witness stack is its own; skip the clean-stack check
    }

    if ((flags & SCRIPT_VERIFY_P2SH) && IsPayToScriptHash(script_pubkey)) {
        // BIP16: the scriptSig may only push; its last push is the redeem script.
        if (!IsPushOnly(script_sig)) return ScriptError::SIG_PUSHONLY;
        std::swap(stack, p2sh_stack);
        // Not empty: HASH160 <hash> EQUAL succeeded on it above.
        const util::Bytes redeem_script = std::move(stack.back());
        stack.pop_back();
        if (auto e = EvalScript(stack, redeem_script, flags, checker, SigVersion::BASE); e != ScriptError::OK) return e;
        if (stack.empty() || !CastToBool(stack.back())) return ScriptError::EVAL_FALSE;
        if ((flags & SCRIPT_VERIFY_WITNESS) && IsWitnessProgram(redeem_script, version, program)) {
            had_witness = true;
            // Nested witness programs need the scriptSig to be exactly the redeem script's push.
            if (!IsSinglePushOf(script_sig, redeem_script)) return ScriptError::WITNESS_MALLEATED_P2SH;
            if (auto e = VerifyWitnessProgram(*witness, version, program, flags, checker, true); e != ScriptError::OK) {
                return e;
            }
            stack.resize(1);
        }
    }

    // After P2SH and witness evaluation, which legitimately leave extra items.
    if ((flags & SCRIPT_VERIFY_CLEANSTACK) != 0 && stack.size() != 1) return ScriptError::CLEANSTACK;
    if ((flags & SCRIPT_VERIFY_WITNESS) && !had_witness && !witness->IsNull()) return ScriptError::WITNESS_UNEXPECTED;
    return ScriptError::OK;
}

} // namespace script
