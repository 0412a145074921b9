#include <script/sigops.h>

#include <script/opcodes.h>
#include <script/script_ops.h>

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

} // namespace script
