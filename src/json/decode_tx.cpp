#include <json/decode_tx.h>

#include <script/script_ops.h>
#include <util/hex.h>

namespace json {
namespace {

constexpr size_t MAX_SCRIPT_SIZE = 10000;

bool ScriptLooksSane(util::ByteSpan script)
{
    return script.size() <= MAX_SCRIPT_SIZE && script::HasValidOps(script);
}

// Every input script (unless coinbase) and output script parses into valid opcodes.
bool ScriptsLookSane(const primitives::Transaction& tx)
{
    if (!tx.IsCoinBase()) {
        for (const auto& in : tx.inputs()) {
            if (!ScriptLooksSane(in.script_sig)) return false;
        }
    }
    for (const auto& out : tx.outputs()) {
        if (!ScriptLooksSane(out.script_pubkey)) return false;
    }
    return true;
}

} // namespace

util::Result<primitives::Transaction> DecodeHexTransaction(std::string_view hex, bool try_no_witness, bool try_witness)
{
    const auto bytes = util::TryParseHex(hex);
    if (!bytes) return util::Error{"invalid transaction encoding: not hex (an even number of the digits 0-9, a-f)"};
    if (bytes->empty()) return util::Error{"invalid transaction encoding: empty"};

    std::optional<util::Result<primitives::Transaction>> extended, legacy;
    if (try_witness) {
        extended = primitives::DecodeTransaction(*bytes, primitives::TxSerialization::WITH_WITNESS);
        if (*extended && ScriptsLookSane(**extended)) return std::move(*extended);
    }
    if (try_no_witness) {
        legacy = primitives::DecodeTransaction(*bytes, primitives::TxSerialization::NO_WITNESS);
        if (*legacy && ScriptsLookSane(**legacy)) return std::move(*legacy);
    }
    if (extended && *extended) return std::move(*extended);
    if (legacy && *legacy) return std::move(*legacy);
    const std::string& reason = extended ? extended->error() : legacy->error();
    return util::Error{"invalid transaction encoding: " + reason};
}

} // namespace json
