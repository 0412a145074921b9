// EvalScript: the opcode loop and one small handler per opcode family.
#include <script/interpreter.h>

#include <crypto/hash.h>
#include <crypto/ripemd160.h>
#include <crypto/sha1.h>
#include <crypto/sha256.h>
#include <crypto/ecdsa.h>
#include <script/opcodes.h>
#include <script/script_num.h>
#include <script/script_ops.h>
#include <script/signature_encoding.h>
#include <script/verify_flags.h>

#include <algorithm>
#include <array>

namespace script {
namespace {

const util::Bytes VCH_FALSE{};
const util::Bytes VCH_TRUE{1};

// Nesting of IF/ELSE/ENDIF. Only whether every level is true matters, so it is
// kept as a depth and the position of the first false level: O(1) per opcode.
class ConditionStack {
public:
    bool empty() const { return m_size == 0; }
    bool AllTrue() const { return m_first_false == NO_FALSE; }
    void Push(bool value)
    {
        if (m_first_false == NO_FALSE && !value) m_first_false = m_size;
        ++m_size;
    }
    void Pop()
    {
        --m_size;
        if (m_first_false == m_size) m_first_false = NO_FALSE;
    }
    void ToggleTop()
    {
        if (m_first_false == NO_FALSE) {
            m_first_false = m_size - 1; // top was true: now false
        } else if (m_first_false == m_size - 1) {
            m_first_false = NO_FALSE;   // top was the first false: now all true
        }                               // a lower level is false: stays false
    }

private:
    static constexpr uint32_t NO_FALSE = UINT32_MAX;
    uint32_t m_size{0};
    uint32_t m_first_false{NO_FALSE};
};

struct Machine {
    Stack& stack;
    Stack altstack;
    util::ByteSpan script;
    size_t pc{0};
    size_t code_begin{0}; // script code starts after the last executed OP_CODESEPARATOR
    uint32_t opcode_pos{0};
    Opcode opcode{OP_INVALIDOPCODE};
    uint32_t flags;
    const SignatureChecker& checker;
    SigVersion sigversion;
    ScriptExecutionData& execdata;
    ConditionStack exec;
    int op_count{0};
    bool require_minimal;

    bool Legacy() const { return sigversion == SigVersion::BASE || sigversion == SigVersion::WITNESS_V0; }
    util::Bytes& Top(size_t depth) { return stack[stack.size() - depth]; } // depth 1 = top
    void Pop() { stack.pop_back(); }
    void PushBool(bool value) { stack.push_back(value ? VCH_TRUE : VCH_FALSE); }
};

using Handler = ScriptError (*)(Machine&);

// Reads the element at `depth` as a number; nullopt when too long or not minimal
// (Bitcoin Core throws there, which ends the script with UNKNOWN_ERROR).
std::optional<ScriptNum> ReadNum(Machine& m, size_t depth, size_t max_size = ScriptNum::DEFAULT_MAX_NUM_SIZE)
{
    auto num = ScriptNum::Decode(m.Top(depth), m.require_minimal, max_size);
    if (!num) return std::nullopt;
    return *num;
}

#define NEED(n) \
    if (m.stack.size() < (n)) return ScriptError::INVALID_STACK_OPERATION

// ---- push values, control ------------------------------------------------

ScriptError OpPushSmallInt(Machine& m)
{
    // OP_1NEGATE, OP_1..OP_16 push their number minimally.
    m.stack.push_back(ScriptNum::Serialize(static_cast<int>(m.opcode) - static_cast<int>(OP_1 - 1)));
    return ScriptError::OK;
}

ScriptError OpNop(Machine&) { return ScriptError::OK; }

ScriptError OpUpgradableNop(Machine& m)
{
    if (m.flags & SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS) return ScriptError::DISCOURAGE_UPGRADABLE_NOPS;
    return ScriptError::OK;
}

// BIP65
ScriptError OpCheckLockTimeVerify(Machine& m)
{
    // Not enabled: a plain NOP2. (Not subject to DISCOURAGE_UPGRADABLE_NOPS: adding the
    // CLTV flag could then make a failing script pass, and flags may only restrict.)
    if (!(m.flags & SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY)) return ScriptError::OK;
    NEED(1);
    // 5-byte operands: lock times go up to 2^32-1, beyond 4-byte script numbers.
    const auto lock_time = ReadNum(m, 1, ScriptNum::LOCKTIME_MAX_NUM_SIZE);
    if (!lock_time) return ScriptError::UNKNOWN_ERROR;
    if (*lock_time < 0) return ScriptError::NEGATIVE_LOCKTIME;
    if (!m.checker.CheckLockTime(*lock_time)) return ScriptError::UNSATISFIED_LOCKTIME;
    return ScriptError::OK;
}

// BIP112
ScriptError OpCheckSequenceVerify(Machine& m)
{
    if (!(m.flags & SCRIPT_VERIFY_CHECKSEQUENCEVERIFY)) return ScriptError::OK; // a plain NOP3, as above
    NEED(1);
    const auto sequence = ReadNum(m, 1, ScriptNum::LOCKTIME_MAX_NUM_SIZE);
    if (!sequence) return ScriptError::UNKNOWN_ERROR;
    if (*sequence < 0) return ScriptError::NEGATIVE_LOCKTIME;
    // With the disable flag set the operand means nothing yet: a NOP, for future soft forks.
    if ((*sequence & static_cast<int64_t>(1U << 31)) != 0) return ScriptError::OK;
    if (!m.checker.CheckSequence(*sequence)) return ScriptError::UNSATISFIED_LOCKTIME;
    return ScriptError::OK;
}

ScriptError OpIf(Machine& m)
{
    bool value = false;
    if (m.exec.AllTrue()) {
        if (m.stack.empty()) return ScriptError::UNBALANCED_CONDITIONAL;
        const util::Bytes& top = m.Top(1);
        const bool minimal = top.size() == 0 || (top.size() == 1 && top[0] == 1);
        // Minimal IF arguments: consensus in tapscript (BIP342), policy in witness v0.
        if (m.sigversion == SigVersion::TAPSCRIPT && !minimal) return ScriptError::TAPSCRIPT_MINIMALIF;
        if (m.sigversion == SigVersion::WITNESS_V0 && (m.flags & SCRIPT_VERIFY_MINIMALIF) && !minimal) {
            return ScriptError::MINIMALIF;
        }
        value = CastToBool(top);
        if (m.opcode == OP_NOTIF) value = !value;
        m.Pop();
    }
    m.exec.Push(value);
    return ScriptError::OK;
}

ScriptError OpElse(Machine& m)
{
    if (m.exec.empty()) return ScriptError::UNBALANCED_CONDITIONAL;
    m.exec.ToggleTop();
    return ScriptError::OK;
}

ScriptError OpEndIf(Machine& m)
{
    if (m.exec.empty()) return ScriptError::UNBALANCED_CONDITIONAL;
    m.exec.Pop();
    return ScriptError::OK;
}

ScriptError OpVerify(Machine& m)
{
    NEED(1);
    if (!CastToBool(m.Top(1))) return ScriptError::VERIFY;
    m.Pop();
    return ScriptError::OK;
}

ScriptError OpReturn(Machine&) { return ScriptError::OP_RETURN; }

// ---- stack -----------------------------------------------------------------

ScriptError OpToAltStack(Machine& m)
{
    NEED(1);
    m.altstack.push_back(std::move(m.Top(1)));
    m.Pop();
    return ScriptError::OK;
}

ScriptError OpFromAltStack(Machine& m)
{
    if (m.altstack.empty()) return ScriptError::INVALID_ALTSTACK_OPERATION;
    m.stack.push_back(std::move(m.altstack.back()));
    m.altstack.pop_back();
    return ScriptError::OK;
}

ScriptError Op2Drop(Machine& m)
{
    NEED(2);
    m.Pop();
    m.Pop();
    return ScriptError::OK;
}

ScriptError Op2Dup(Machine& m)
{
    NEED(2);
    util::Bytes a = m.Top(2), b = m.Top(1);
    m.stack.push_back(std::move(a));
    m.stack.push_back(std::move(b));
    return ScriptError::OK;
}

ScriptError Op3Dup(Machine& m)
{
    NEED(3);
    util::Bytes a = m.Top(3), b = m.Top(2), c = m.Top(1);
    m.stack.push_back(std::move(a));
    m.stack.push_back(std::move(b));
    m.stack.push_back(std::move(c));
    return ScriptError::OK;
}

ScriptError Op2Over(Machine& m)
{
    NEED(4);
    util::Bytes a = m.Top(4), b = m.Top(3);
    m.stack.push_back(std::move(a));
    m.stack.push_back(std::move(b));
    return ScriptError::OK;
}

ScriptError Op2Rot(Machine& m)
{
    NEED(6);
    util::Bytes a = std::move(m.Top(6)), b = std::move(m.Top(5));
    m.stack.erase(m.stack.end() - 6, m.stack.end() - 4);
    m.stack.push_back(std::move(a));
    m.stack.push_back(std::move(b));
    return ScriptError::OK;
}

ScriptError Op2Swap(Machine& m)
{
    NEED(4);
    std::swap(m.Top(4), m.Top(2));
    std::swap(m.Top(3), m.Top(1));
    return ScriptError::OK;
}

ScriptError OpIfDup(Machine& m)
{
    NEED(1);
    if (CastToBool(m.Top(1))) m.stack.push_back(m.Top(1));
    return ScriptError::OK;
}

ScriptError OpDepth(Machine& m)
{
    m.stack.push_back(ScriptNum::Serialize(static_cast<int64_t>(m.stack.size())));
    return ScriptError::OK;
}

ScriptError OpDrop(Machine& m)
{
    NEED(1);
    m.Pop();
    return ScriptError::OK;
}

ScriptError OpDup(Machine& m)
{
    NEED(1);
    m.stack.push_back(m.Top(1));
    return ScriptError::OK;
}

ScriptError OpNip(Machine& m)
{
    NEED(2);
    m.stack.erase(m.stack.end() - 2);
    return ScriptError::OK;
}

ScriptError OpOver(Machine& m)
{
    NEED(2);
    m.stack.push_back(m.Top(2));
    return ScriptError::OK;
}

ScriptError OpPickRoll(Machine& m)
{
    NEED(2);
    const auto num = ReadNum(m, 1);
    if (!num) return ScriptError::UNKNOWN_ERROR;
    const int n = num->GetInt();
    m.Pop();
    if (n < 0 || n >= static_cast<int>(m.stack.size())) return ScriptError::INVALID_STACK_OPERATION;
    util::Bytes value = m.Top(static_cast<size_t>(n) + 1);
    if (m.opcode == OP_ROLL) m.stack.erase(m.stack.end() - n - 1);
    m.stack.push_back(std::move(value));
    return ScriptError::OK;
}

ScriptError OpRot(Machine& m)
{
    NEED(3);
    std::swap(m.Top(3), m.Top(2));
    std::swap(m.Top(2), m.Top(1));
    return ScriptError::OK;
}

ScriptError OpSwap(Machine& m)
{
    NEED(2);
    std::swap(m.Top(2), m.Top(1));
    return ScriptError::OK;
}

ScriptError OpTuck(Machine& m)
{
    NEED(2);
    util::Bytes top = m.Top(1);
    m.stack.insert(m.stack.end() - 2, std::move(top));
    return ScriptError::OK;
}

ScriptError OpSize(Machine& m)
{
    NEED(1);
    m.stack.push_back(ScriptNum::Serialize(static_cast<int64_t>(m.Top(1).size())));
    return ScriptError::OK;
}

// ---- comparison and arithmetic ---------------------------------------------

ScriptError OpEqual(Machine& m)
{
    NEED(2);
    const bool equal = m.Top(2) == m.Top(1);
    m.Pop();
    m.Pop();
    m.PushBool(equal);
    if (m.opcode == OP_EQUALVERIFY) {
        if (!equal) return ScriptError::EQUALVERIFY;
        m.Pop();
    }
    return ScriptError::OK;
}

ScriptError OpUnaryArith(Machine& m)
{
    NEED(1);
    const auto num = ReadNum(m, 1);
    if (!num) return ScriptError::UNKNOWN_ERROR;
    int64_t v = num->GetInt64();
    switch (m.opcode) {
    case OP_1ADD: v += 1; break;
    case OP_1SUB: v -= 1; break;
    case OP_NEGATE: v = -v; break;
    case OP_ABS: v = v < 0 ? -v : v; break;
    case OP_NOT: v = v == 0; break;
    case OP_0NOTEQUAL: v = v != 0; break;
    default: return ScriptError::BAD_OPCODE;
    }
    m.Pop();
    m.stack.push_back(ScriptNum::Serialize(v));
    return ScriptError::OK;
}

ScriptError OpBinaryArith(Machine& m)
{
    NEED(2);
    const auto a_num = ReadNum(m, 2);
    const auto b_num = a_num ? ReadNum(m, 1) : std::nullopt;
    if (!a_num || !b_num) return ScriptError::UNKNOWN_ERROR;
    const int64_t a = a_num->GetInt64(), b = b_num->GetInt64();
    int64_t r;
    switch (m.opcode) {
    case OP_ADD: r = a + b; break;
    case OP_SUB: r = a - b; break;
    case OP_BOOLAND: r = a != 0 && b != 0; break;
    case OP_BOOLOR: r = a != 0 || b != 0; break;
    case OP_NUMEQUAL:
    case OP_NUMEQUALVERIFY: r = a == b; break;
    case OP_NUMNOTEQUAL: r = a != b; break;
    case OP_LESSTHAN: r = a < b; break;
    case OP_GREATERTHAN: r = a > b; break;
    case OP_LESSTHANOREQUAL: r = a <= b; break;
    case OP_GREATERTHANOREQUAL: r = a >= b; break;
    case OP_MIN: r = std::min(a, b); break;
    case OP_MAX: r = std::max(a, b); break;
    default: return ScriptError::BAD_OPCODE;
    }
    m.Pop();
    m.Pop();
    m.stack.push_back(ScriptNum::Serialize(r));
    if (m.opcode == OP_NUMEQUALVERIFY) {
        if (!CastToBool(m.Top(1))) return ScriptError::NUMEQUALVERIFY;
        m.Pop();
    }
    return ScriptError::OK;
}

ScriptError OpWithin(Machine& m)
{
    NEED(3);
    const auto x = ReadNum(m, 3);
    const auto low = x ? ReadNum(m, 2) : std::nullopt;
    const auto high = low ? ReadNum(m, 1) : std::nullopt;
    if (!high) return ScriptError::UNKNOWN_ERROR;
    const bool within = *low <= *x && *x < *high;
    m.Pop();
    m.Pop();
    m.Pop();
    m.PushBool(within);
    return ScriptError::OK;
}

// ---- hashing -----------------------------------------------------------------

ScriptError OpHash(Machine& m)
{
    NEED(1);
    const util::Bytes& in = m.Top(1);
    util::Bytes out;
    switch (m.opcode) {
    case OP_RIPEMD160: {
        const auto h = crypto::Ripemd160().Write(in).Finalize();
        out.assign(h.begin(), h.end());
        break;
    }
    case OP_SHA1: {
        const auto h = crypto::Sha1().Write(in).Finalize();
        out.assign(h.begin(), h.end());
        break;
    }
    case OP_SHA256: {
        const auto h = crypto::Sha256Once(in);
        out.assign(h.begin(), h.end());
        break;
    }
    case OP_HASH160: {
        const auto h = crypto::Hash160(in);
        out.assign(h.begin(), h.end());
        break;
    }
    case OP_HASH256: {
        const auto h = crypto::Hash256(in);
        out.assign(h.begin(), h.end());
        break;
    }
    default: return ScriptError::BAD_OPCODE;
    }
    m.Pop();
    m.stack.push_back(std::move(out));
    return ScriptError::OK;
}

ScriptError OpCodeSeparator(Machine& m)
{
    // Signatures after this point commit to the script from here on.
    m.code_begin = m.pc;
    m.execdata.taproot.codeseparator_pos = m.opcode_pos;
    return ScriptError::OK;
}

// ---- signatures ----------------------------------------------------------------

bool IsCompressedOrUncompressedPubKey(util::ByteSpan key)
{
    if (key.size() < 33) return false;
    if (key[0] == 0x04) return key.size() == 65;
    if (key[0] == 0x02 || key[0] == 0x03) return key.size() == 33;
    return false;
}

bool IsCompressedPubKey(util::ByteSpan key) { return key.size() == 33 && (key[0] == 0x02 || key[0] == 0x03); }

// The encoding rules STRICTENC/DERSIG/LOW_S put on signatures; an empty
// signature always passes (it is the compact way to fail a check).
ScriptError CheckSignatureEncoding(util::ByteSpan sig, uint32_t flags)
{
    if (sig.empty()) return ScriptError::OK;
    if ((flags & (SCRIPT_VERIFY_DERSIG | SCRIPT_VERIFY_LOW_S | SCRIPT_VERIFY_STRICTENC)) != 0 &&
        !IsValidSignatureEncoding(sig)) {
        return ScriptError::SIG_DER;
    }
    if ((flags & SCRIPT_VERIFY_LOW_S) != 0 && !crypto::IsLowSSignature(sig.first(sig.size() - 1))) {
        return ScriptError::SIG_HIGH_S;
    }
    if ((flags & SCRIPT_VERIFY_STRICTENC) != 0 && !IsDefinedHashtypeSignature(sig)) return ScriptError::SIG_HASHTYPE;
    return ScriptError::OK;
}

ScriptError CheckPubKeyEncoding(util::ByteSpan key, uint32_t flags, SigVersion sigversion)
{
    if ((flags & SCRIPT_VERIFY_STRICTENC) != 0 && !IsCompressedOrUncompressedPubKey(key)) {
        return ScriptError::PUBKEYTYPE;
    }
    // BIP143 policy: only compressed keys in segwit v0.
    if ((flags & SCRIPT_VERIFY_WITNESS_PUBKEYTYPE) != 0 && sigversion == SigVersion::WITNESS_V0 &&
        !IsCompressedPubKey(key)) {
        return ScriptError::WITNESS_PUBKEYTYPE;
    }
    return ScriptError::OK;
}

// How Bitcoin Core serializes a push for FindAndDelete: the shortest length
// prefix but never OP_1..OP_16, so an empty signature becomes the byte 0x00.
util::Bytes PushForFindAndDelete(util::ByteSpan data)
{
    util::Bytes out;
    AppendPush(out, data);
    return out;
}

// Removes every occurrence of `pattern` that starts at an opcode boundary
// (legacy scripts: a signature cannot sign itself). Returns how many were removed.
int FindAndDelete(util::Bytes& script, util::ByteSpan pattern)
{
    if (pattern.empty()) return 0;
    int found = 0;
    util::Bytes result;
    size_t pc = 0, copied_to = 0;
    Opcode op;
    do {
        result.insert(result.end(), script.begin() + copied_to, script.begin() + pc);
        while (script.size() - pc >= pattern.size() &&
               std::equal(pattern.begin(), pattern.end(), script.begin() + pc)) {
            pc += pattern.size();
            ++found;
        }
        copied_to = pc;
    } while (GetScriptOp(script, pc, op, nullptr));
    if (found > 0) {
        result.insert(result.end(), script.begin() + copied_to, script.end());
        script = std::move(result);
    }
    return found;
}

// The script a legacy or v0 signature commits to: from the last OP_CODESEPARATOR on.
util::ByteSpan ScriptCode(const Machine& m) { return m.script.subspan(m.code_begin); }

// One CHECKSIG under legacy or v0 rules. Sets `success`; returns an error only
// for encoding violations, which fail the whole script.
ScriptError CheckSigPreTapscript(Machine& m, util::ByteSpan sig, util::ByteSpan key, bool& success)
{
    util::ByteSpan script_code = ScriptCode(m);
    util::Bytes stripped; // legacy only: a copy without the signature, which cannot sign itself
    if (m.sigversion == SigVersion::BASE) {
        stripped.assign(script_code.begin(), script_code.end());
        const int found = FindAndDelete(stripped, PushForFindAndDelete(sig));
        if (found > 0 && (m.flags & SCRIPT_VERIFY_CONST_SCRIPTCODE)) return ScriptError::SIG_FINDANDDELETE;
        script_code = stripped;
    }
    if (auto e = CheckSignatureEncoding(sig, m.flags); e != ScriptError::OK) return e;
    if (auto e = CheckPubKeyEncoding(key, m.flags, m.sigversion); e != ScriptError::OK) return e;
    success = m.checker.CheckEcdsaSignature(sig, key, script_code, m.sigversion);
    // BIP146 NULLFAIL: a failed check must use an empty signature.
    if (!success && (m.flags & SCRIPT_VERIFY_NULLFAIL) && !sig.empty()) return ScriptError::SIG_NULLFAIL;
    return ScriptError::OK;
}

// One CHECKSIG/CHECKSIGADD under BIP342. The order of these rules is consensus.
ScriptError CheckSigTapscript(Machine& m, util::ByteSpan sig, util::ByteSpan key, bool& success)
{
    success = !sig.empty();
    if (success) {
        // Every non-empty signature spends budget, even with an unknown key type.
        m.execdata.validation_weight_left -= VALIDATION_WEIGHT_PER_SIGOP_PASSED;
        if (m.execdata.validation_weight_left < 0) return ScriptError::TAPSCRIPT_VALIDATION_WEIGHT;
    }
    if (key.empty()) return ScriptError::TAPSCRIPT_EMPTY_PUBKEY;
    if (key.size() == 32) {
        if (success) {
            if (auto e = m.checker.CheckSchnorrSignature(sig, key, m.sigversion, m.execdata); e != ScriptError::OK) {
                return e;
            }
        }
    } else if (m.flags & SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE) {
        // Other key sizes are reserved for future soft forks and succeed today.
        return ScriptError::DISCOURAGE_UPGRADABLE_PUBKEYTYPE;
    }
    return ScriptError::OK;
}

ScriptError CheckSig(Machine& m, util::ByteSpan sig, util::ByteSpan key, bool& success)
{
    if (m.sigversion == SigVersion::TAPSCRIPT) return CheckSigTapscript(m, sig, key, success);
    return CheckSigPreTapscript(m, sig, key, success);
}

ScriptError OpCheckSig(Machine& m)
{
    NEED(2);
    bool success = true;
    if (auto e = CheckSig(m, m.Top(2), m.Top(1), success); e != ScriptError::OK) return e;
    m.Pop();
    m.Pop();
    m.PushBool(success);
    if (m.opcode == OP_CHECKSIGVERIFY) {
        if (!success) return ScriptError::CHECKSIGVERIFY;
        m.Pop();
    }
    return ScriptError::OK;
}

// BIP342: (sig n pubkey -- n + success)
ScriptError OpCheckSigAdd(Machine& m)
{
    if (m.Legacy()) return ScriptError::BAD_OPCODE;
    NEED(3);
    const auto n = ReadNum(m, 2);
    if (!n) return ScriptError::UNKNOWN_ERROR;
    bool success = true;
    if (auto e = CheckSig(m, m.Top(3), m.Top(1), success); e != ScriptError::OK) return e;
    m.Pop();
    m.Pop();
    m.Pop();
    m.stack.push_back(ScriptNum::Serialize(n->GetInt64() + (success ? 1 : 0)));
    return ScriptError::OK;
}

ScriptError OpCheckMultiSig(Machine& m)
{
    if (m.sigversion == SigVersion::TAPSCRIPT) return ScriptError::TAPSCRIPT_CHECKMULTISIG;
    // ([sig ...] num_sigs [pubkey ...] num_keys -- bool), plus one extra dummy element.
    size_t i = 1;
    NEED(i);
    const auto keys_num = ReadNum(m, i);
    if (!keys_num) return ScriptError::UNKNOWN_ERROR;
    int keys = keys_num->GetInt();
    if (keys < 0 || keys > MAX_PUBKEYS_PER_MULTISIG) return ScriptError::PUBKEY_COUNT;
    m.op_count += keys;
    if (m.op_count > MAX_OPS_PER_SCRIPT) return ScriptError::OP_COUNT;
    size_t key_pos = ++i;
    // Depth of the last non-signature item; for the NULLFAIL clean-up below.
    size_t key_pos_end = static_cast<size_t>(keys) + 2;
    i += static_cast<size_t>(keys);
    NEED(i);
    const auto sigs_num = ReadNum(m, i);
    if (!sigs_num) return ScriptError::UNKNOWN_ERROR;
    int sigs = sigs_num->GetInt();
    if (sigs < 0 || sigs > keys) return ScriptError::SIG_COUNT;
    size_t sig_pos = ++i;
    i += static_cast<size_t>(sigs);
    NEED(i);

    util::ByteSpan script_code = ScriptCode(m);
    util::Bytes stripped; // legacy only, as in CheckSigPreTapscript
    if (m.sigversion == SigVersion::BASE) {
        stripped.assign(script_code.begin(), script_code.end());
        for (int k = 0; k < sigs; ++k) {
            const int found = FindAndDelete(stripped, PushForFindAndDelete(m.Top(sig_pos + k)));
            if (found > 0 && (m.flags & SCRIPT_VERIFY_CONST_SCRIPTCODE)) return ScriptError::SIG_FINDANDDELETE;
        }
        script_code = stripped;
    }

    bool success = true;
    while (success && sigs > 0) {
        const util::Bytes& sig = m.Top(sig_pos);
        const util::Bytes& key = m.Top(key_pos);
        // Encodings are checked as the pairs are reached, so their order shows
        // with STRICTENC (script_tests relies on it).
        if (auto e = CheckSignatureEncoding(sig, m.flags); e != ScriptError::OK) return e;
        if (auto e = CheckPubKeyEncoding(key, m.flags, m.sigversion); e != ScriptError::OK) return e;
        if (m.checker.CheckEcdsaSignature(sig, key, script_code, m.sigversion)) {
            ++sig_pos;
            --sigs;
        }
        ++key_pos;
        --keys;
        // More signatures left than keys: it cannot succeed any more.
        if (sigs > keys) success = false;
    }

    // Pop the arguments; with NULLFAIL a failed check needs every signature empty.
    while (i-- > 1) {
        if (!success && (m.flags & SCRIPT_VERIFY_NULLFAIL) && key_pos_end == 0 && !m.Top(1).empty()) {
            return ScriptError::SIG_NULLFAIL;
        }
        if (key_pos_end > 0) --key_pos_end;
        m.Pop();
    }
    // The historic off-by-one: one more element is consumed; BIP147 wants it empty.
    NEED(1);
    if ((m.flags & SCRIPT_VERIFY_NULLDUMMY) && !m.Top(1).empty()) return ScriptError::SIG_NULLDUMMY;
    m.Pop();
    m.PushBool(success);
    if (m.opcode == OP_CHECKMULTISIGVERIFY) {
        if (!success) return ScriptError::CHECKMULTISIGVERIFY;
        m.Pop();
    }
    return ScriptError::OK;
}

ScriptError OpBad(Machine&) { return ScriptError::BAD_OPCODE; }

#undef NEED

constexpr std::array<Handler, 256> MakeHandlers()
{
    std::array<Handler, 256> t{};
    for (auto& h : t) h = OpBad;
    t[OP_1NEGATE] = OpPushSmallInt;
    for (int op = OP_1; op <= OP_16; ++op) t[op] = OpPushSmallInt;
    t[OP_NOP] = OpNop;
    t[OP_IF] = OpIf;
    t[OP_NOTIF] = OpIf;
    t[OP_ELSE] = OpElse;
    t[OP_ENDIF] = OpEndIf;
    t[OP_VERIFY] = OpVerify;
    t[OP_RETURN] = OpReturn;
    t[OP_TOALTSTACK] = OpToAltStack;
    t[OP_FROMALTSTACK] = OpFromAltStack;
    t[OP_2DROP] = Op2Drop;
    t[OP_2DUP] = Op2Dup;
    t[OP_3DUP] = Op3Dup;
    t[OP_2OVER] = Op2Over;
    t[OP_2ROT] = Op2Rot;
    t[OP_2SWAP] = Op2Swap;
    t[OP_IFDUP] = OpIfDup;
    t[OP_DEPTH] = OpDepth;
    t[OP_DROP] = OpDrop;
    t[OP_DUP] = OpDup;
    t[OP_NIP] = OpNip;
    t[OP_OVER] = OpOver;
    t[OP_PICK] = OpPickRoll;
    t[OP_ROLL] = OpPickRoll;
    t[OP_ROT] = OpRot;
    t[OP_SWAP] = OpSwap;
    t[OP_TUCK] = OpTuck;
    t[OP_SIZE] = OpSize;
    t[OP_EQUAL] = OpEqual;
    t[OP_EQUALVERIFY] = OpEqual;
    for (Opcode op : {OP_1ADD, OP_1SUB, OP_NEGATE, OP_ABS, OP_NOT, OP_0NOTEQUAL}) t[op] = OpUnaryArith;
    for (Opcode op : {OP_ADD, OP_SUB, OP_BOOLAND, OP_BOOLOR, OP_NUMEQUAL, OP_NUMEQUALVERIFY, OP_NUMNOTEQUAL,
                      OP_LESSTHAN, OP_GREATERTHAN, OP_LESSTHANOREQUAL, OP_GREATERTHANOREQUAL, OP_MIN, OP_MAX}) {
        t[op] = OpBinaryArith;
    }
    t[OP_WITHIN] = OpWithin;
    for (Opcode op : {OP_RIPEMD160, OP_SHA1, OP_SHA256, OP_HASH160, OP_HASH256}) t[op] = OpHash;
    t[OP_CODESEPARATOR] = OpCodeSeparator;
    t[OP_CHECKSIG] = OpCheckSig;
    t[OP_CHECKSIGVERIFY] = OpCheckSig;
    t[OP_CHECKSIGADD] = OpCheckSigAdd;
    t[OP_CHECKMULTISIG] = OpCheckMultiSig;
    t[OP_CHECKMULTISIGVERIFY] = OpCheckMultiSig;
    t[OP_CHECKLOCKTIMEVERIFY] = OpCheckLockTimeVerify;
    t[OP_CHECKSEQUENCEVERIFY] = OpCheckSequenceVerify;
    for (Opcode op : {OP_NOP1, OP_NOP4, OP_NOP5, OP_NOP6, OP_NOP7, OP_NOP8, OP_NOP9, OP_NOP10}) t[op] = OpUpgradableNop;
    return t;
}

constexpr std::array<Handler, 256> HANDLERS = MakeHandlers();

// Disabled since 2010 (CVE-2010-5137): they fail even in an unexecuted branch.
constexpr bool IsDisabled(Opcode op)
{
    switch (op) {
    case OP_CAT: case OP_SUBSTR: case OP_LEFT: case OP_RIGHT: case OP_INVERT: case OP_AND: case OP_OR:
    case OP_XOR: case OP_2MUL: case OP_2DIV: case OP_MUL: case OP_DIV: case OP_MOD: case OP_LSHIFT:
    case OP_RSHIFT:
        return true;
    default:
        return false;
    }
}

// Reads, checks and runs the operation at m.pc.
ScriptError Step(Machine& m)
{
    const bool executing = m.exec.AllTrue();
    util::ByteSpan push;
    if (!GetScriptOp(m.script, m.pc, m.opcode, &push)) return ScriptError::BAD_OPCODE;
    if (push.size() > MAX_SCRIPT_ELEMENT_SIZE) return ScriptError::PUSH_SIZE;
    // OP_RESERVED and the pushes do not count towards the limit.
    if (m.Legacy() && m.opcode > OP_16 && ++m.op_count > MAX_OPS_PER_SCRIPT) return ScriptError::OP_COUNT;
    if (IsDisabled(m.opcode)) return ScriptError::DISABLED_OPCODE;
    if (m.opcode == OP_CODESEPARATOR && m.sigversion == SigVersion::BASE &&
        (m.flags & SCRIPT_VERIFY_CONST_SCRIPTCODE)) {
        return ScriptError::OP_CODESEPARATOR;
    }
    if (executing && m.opcode <= OP_PUSHDATA4) {
        if (m.require_minimal && !CheckMinimalPush(push, m.opcode)) return ScriptError::MINIMALDATA;
        m.stack.emplace_back(push.begin(), push.end());
    } else if (executing || (OP_IF <= m.opcode && m.opcode <= OP_ENDIF)) {
        if (auto e = HANDLERS[m.opcode](m); e != ScriptError::OK) return e;
    }
    if (m.stack.size() + m.altstack.size() > MAX_STACK_SIZE) return ScriptError::STACK_SIZE;
    return ScriptError::OK;
}

} // namespace

bool CastToBool(util::ByteSpan value)
{
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] != 0) return !(i == value.size() - 1 && value[i] == 0x80);
    }
    return false;
}

bool IsOpSuccess(uint8_t op)
{
    return op == 80 || op == 98 || (op >= 126 && op <= 129) || (op >= 131 && op <= 134) || (op >= 137 && op <= 138) ||
           (op >= 141 && op <= 142) || (op >= 149 && op <= 153) || (op >= 187 && op <= 254);
}

ScriptError EvalScript(Stack& stack, util::ByteSpan script, uint32_t flags, const SignatureChecker& checker,
                       SigVersion sigversion, ScriptExecutionData& execdata)
{
    if ((sigversion == SigVersion::BASE || sigversion == SigVersion::WITNESS_V0) && script.size() > MAX_SCRIPT_SIZE) {
        return ScriptError::SCRIPT_SIZE;
    }
    execdata.taproot.codeseparator_pos = 0xffffffff;
    Machine m{.stack = stack,
              .altstack = {},
              .script = script,
              .flags = flags,
              .checker = checker,
              .sigversion = sigversion,
              .execdata = execdata,
              .exec = {},
              .require_minimal = (flags & SCRIPT_VERIFY_MINIMALDATA) != 0};
    for (; m.pc < script.size(); ++m.opcode_pos) {
        if (auto e = Step(m); e != ScriptError::OK) return e;
    }
    if (!m.exec.empty()) return ScriptError::UNBALANCED_CONDITIONAL;
    return ScriptError::OK;
}

ScriptError EvalScript(Stack& stack, util::ByteSpan script, uint32_t flags, const SignatureChecker& checker,
                       SigVersion sigversion)
{
    ScriptExecutionData execdata;
    return EvalScript(stack, script, flags, checker, sigversion, execdata);
}

} // namespace script
