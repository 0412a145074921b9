// Script to asm text (see asm.h).
#include <script/asm.h>

#include <script/opcodes.h>
#include <script/script_num.h>
#include <script/script_ops.h>
#include <script/signature_encoding.h>
#include <util/hex.h>

#include <string_view>

namespace script {
namespace {

// The "[...]" suffix for a defined hash type byte; empty for any other byte.
std::string_view SighashSuffix(uint8_t hashtype)
{
    switch (hashtype) {
    case SIGHASH_ALL: return "[ALL]";
    case SIGHASH_ALL | SIGHASH_ANYONECANPAY: return "[ALL|ANYONECANPAY]";
    case SIGHASH_NONE: return "[NONE]";
    case SIGHASH_NONE | SIGHASH_ANYONECANPAY: return "[NONE|ANYONECANPAY]";
    case SIGHASH_SINGLE: return "[SINGLE]";
    case SIGHASH_SINGLE | SIGHASH_ANYONECANPAY: return "[SINGLE|ANYONECANPAY]";
    default: return {};
    }
}

// A push longer than 4 bytes.
void AppendLongPush(std::string& out, util::ByteSpan data, bool decode_sighash)
{
    if (decode_sighash && IsValidSignatureEncoding(data) && IsDefinedHashtypeSignature(data)) {
        const std::string_view suffix = SighashSuffix(data.back());
        if (!suffix.empty()) {
            out += util::HexStr(data.first(data.size() - 1));
            out += suffix;
            return;
        }
    }
    out += util::HexStr(data);
}

} // namespace

std::string ScriptToAsm(util::ByteSpan script, bool attempt_sighash_decode)
{
    // Core checks unspendability once for the whole script: signatures are
    // only looked for outside OP_RETURN outputs.
    const bool decode_sighash = attempt_sighash_decode && !IsUnspendable(script);
    std::string out;
    size_t pos = 0;
    while (pos < script.size()) {
        if (!out.empty()) out += ' ';
        Opcode op;
        util::ByteSpan data;
        if (!GetScriptOp(script, pos, op, &data)) {
            out += "[error]";
            return out;
        }
        if (op <= OP_PUSHDATA4) {
            if (data.size() <= 4) {
                out += std::to_string(ScriptNum{ScriptNum::DecodeUnchecked(data)}.GetInt());
            } else {
                AppendLongPush(out, data, decode_sighash);
            }
        } else {
            out += OpcodeName(op);
        }
    }
    return out;
}

} // namespace script
