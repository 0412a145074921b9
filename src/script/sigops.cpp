#include <script/sigops.h>

#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/verify_flags.h>

namespace script {

unsigned CountSigOps(util::ByteSpan script, bool accurate)
{
    unsigned count = 0;
    Opcode last = OP_INVALIDOPCODE;
    size_t pos = 0;
    Opcode op;
    while (pos < script.size()) {
        if (!GetScriptOp(script, pos, op, nullptr)) break;
        if (op == OP_CHECKSIG || op == OP_CHECKSIGVERIFY) {
            ++count;
        } else if (op == OP_CHECKMULTISIG || op == OP_CHECKMULTISIGVERIFY) {
            count += (accurate && last >= OP_1 && last <= OP_16) ? static_cast<unsigned>(DecodeOpN(last))
                                                                 : static_cast<unsigned>(MAX_PUBKEYS_PER_MULTISIG);
        }
        last = op;
    }
    return count;
}

namespace {

// The data of the last operation of `script` (empty for a non-push).
util::ByteSpan LastPush(util::ByteSpan script)
{
    size_t pos = 0;
    Opcode op;
    util::ByteSpan data;
    while (pos < script.size()) {
        if (!GetScriptOp(script, pos, op, &data)) break;
    }
    return data;
}

unsigned WitnessProgramSigOps(int version, util::ByteSpan program, const primitives::ScriptWitness& witness)
{
    if (version != 0) return 0; // later versions count their own way (tapscript: per input budget)
    if (program.size() == 20) return 1;
    if (program.size() == 32 && !witness.stack.empty()) return CountSigOps(witness.stack.back(), /*accurate=*/true);
    return 0;
}

} // namespace

unsigned CountP2SHSigOps(util::ByteSpan script_sig, util::ByteSpan script_pubkey)
{
    if (!IsPayToScriptHash(script_pubkey)) return CountSigOps(script_pubkey, /*accurate=*/true);
    size_t pos = 0;
    Opcode op;
    util::ByteSpan data;
    while (pos < script_sig.size()) {
        if (!GetScriptOp(script_sig, pos, op, &data) || op > OP_16) return 0;
    }
    return CountSigOps(data, /*accurate=*/true);
}

unsigned CountWitnessSigOps(util::ByteSpan script_sig, util::ByteSpan script_pubkey,
                            const primitives::ScriptWitness& witness, uint32_t flags)
{
    if (!(flags & SCRIPT_VERIFY_WITNESS)) return 0;
    int version = 0;
    util::ByteSpan program;
    if (IsWitnessProgram(script_pubkey, version, program)) return WitnessProgramSigOps(version, program, witness);
    if (IsPayToScriptHash(script_pubkey) && IsPushOnly(script_sig)) {
        const util::ByteSpan redeem = LastPush(script_sig);
        if (IsWitnessProgram(redeem, version, program)) return WitnessProgramSigOps(version, program, witness);
    }
    return 0;
}

} // namespace script
