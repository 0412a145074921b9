// Reading raw script bytes (see script_ops.h).
#include <script/script_ops.h>

#include <script/script_num.h>

#include <util/endian.h>

#include <cassert>

namespace script {

bool GetScriptOp(util::ByteSpan script, size_t& pos, Opcode& op, util::ByteSpan* data)
{
    op = OP_INVALIDOPCODE;
    if (data) *data = {};
    if (pos >= script.size()) return false;

    size_t p = pos;
    const uint8_t opcode = script[p++];
    if (opcode <= OP_PUSHDATA4) {
        const size_t left = script.size() - p;
        size_t size = 0;
        if (opcode < OP_PUSHDATA1) {
            size = opcode;
        } else if (opcode == OP_PUSHDATA1) {
            if (left < 1) return false;
            size = script[p];
            p += 1;
        } else if (opcode == OP_PUSHDATA2) {
            if (left < 2) return false;
            size = util::ReadLE16(&script[p]);
            p += 2;
        } else {
            if (left < 4) return false;
            size = util::ReadLE32(&script[p]);
            p += 4;
        }
        if (script.size() - p < size) return false;
        if (data) *data = script.subspan(p, size);
        p += size;
    }
    op = static_cast<Opcode>(opcode);
    pos = p;
    return true;
}

bool IsPushOnly(util::ByteSpan script, size_t start)
{
    size_t pos = start;
    while (pos < script.size()) {
        Opcode op;
        if (!GetScriptOp(script, pos, op, nullptr)) return false;
        // OP_RESERVED (0x50) is below OP_16 and so counts as a push, as in Core;
        // executing it fails anyway.
        if (op > OP_16) return false;
    }
    return true;
}

bool HasValidOps(util::ByteSpan script)
{
    size_t pos = 0;
    while (pos < script.size()) {
        Opcode op;
        util::ByteSpan data;
        if (!GetScriptOp(script, pos, op, &data)) return false;
        if (op > MAX_OPCODE || data.size() > MAX_SCRIPT_ELEMENT_SIZE) return false;
    }
    return true;
}

bool IsPayToScriptHash(util::ByteSpan script)
{
    // BIP16: exactly OP_HASH160 0x14 <20 bytes> OP_EQUAL.
    return script.size() == 23 && script[0] == OP_HASH160 && script[1] == 0x14 && script[22] == OP_EQUAL;
}

bool IsPayToWitnessScriptHash(util::ByteSpan script)
{
    return script.size() == 34 && script[0] == OP_0 && script[1] == 0x20;
}

bool IsWitnessProgram(util::ByteSpan script, int& version, util::ByteSpan& program)
{
    // BIP141: a version byte then a direct push of 2..40 bytes, nothing else.
    if (script.size() < 4 || script.size() > 42) return false;
    const uint8_t first = script[0];
    if (first != OP_0 && (first < OP_1 || first > OP_16)) return false;
    if (static_cast<size_t>(script[1]) + 2 != script.size()) return false;
    version = DecodeOpN(static_cast<Opcode>(first));
    program = script.subspan(2);
    return true;
}

bool IsPayToAnchor(util::ByteSpan script)
{
    return script.size() == 4 && script[0] == OP_1 && script[1] == 0x02 && script[2] == 0x4e && script[3] == 0x73;
}

bool IsPayToAnchor(int version, util::ByteSpan program)
{
    return version == 1 && program.size() == 2 && program[0] == 0x4e && program[1] == 0x73;
}

bool IsUnspendable(util::ByteSpan script)
{
    return (!script.empty() && script[0] == OP_RETURN) || script.size() > MAX_SCRIPT_SIZE;
}

bool CheckMinimalPush(util::ByteSpan data, Opcode op)
{
    // BIP62 rule 3 as Core applies it.
    if (data.empty()) return op == OP_0;
    if (data.size() == 1 && data[0] >= 1 && data[0] <= 16) return op == OP_1 + (data[0] - 1);
    if (data.size() == 1 && data[0] == 0x81) return op == OP_1NEGATE;
    if (data.size() <= 75) return static_cast<size_t>(op) == data.size();
    if (data.size() <= 255) return op == OP_PUSHDATA1;
    if (data.size() <= 65535) return op == OP_PUSHDATA2;
    return true;
}

int DecodeOpN(Opcode op)
{
    assert(op == OP_0 || (op >= OP_1 && op <= OP_16));
    if (op == OP_0) return 0;
    return static_cast<int>(op) - (OP_1 - 1);
}

Opcode EncodeOpN(int n)
{
    assert(n >= 0 && n <= 16);
    if (n == 0) return OP_0;
    return static_cast<Opcode>(OP_1 + n - 1);
}

util::Bytes PayToPubKeyHashScript(util::ByteSpan key_hash)
{
    util::Bytes script{OP_DUP, OP_HASH160};
    AppendPush(script, key_hash);
    script.push_back(OP_EQUALVERIFY);
    script.push_back(OP_CHECKSIG);
    return script;
}

void AppendPush(util::Bytes& script, util::ByteSpan data)
{
    const size_t size = data.size();
    if (size < OP_PUSHDATA1) {
        script.push_back(static_cast<uint8_t>(size));
    } else if (size <= 0xff) {
        script.push_back(OP_PUSHDATA1);
        script.push_back(static_cast<uint8_t>(size));
    } else if (size <= 0xffff) {
        script.push_back(OP_PUSHDATA2);
        uint8_t len[2];
        util::WriteLE16(len, static_cast<uint16_t>(size));
        script.insert(script.end(), len, len + 2);
    } else {
        script.push_back(OP_PUSHDATA4);
        uint8_t len[4];
        util::WriteLE32(len, static_cast<uint32_t>(size));
        script.insert(script.end(), len, len + 4);
    }
    script.insert(script.end(), data.begin(), data.end());
}

void AppendInt(util::Bytes& script, int64_t value)
{
    if (value == -1) {
        script.push_back(OP_1NEGATE);
    } else if (value >= 0 && value <= 16) {
        script.push_back(EncodeOpN(static_cast<int>(value)));
    } else {
        AppendPush(script, ScriptNum::Serialize(value));
    }
}

} // namespace script
