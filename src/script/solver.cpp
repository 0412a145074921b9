// Standard output script templates (see solver.h).
#include <script/solver.h>

#include <script/opcodes.h>
#include <script/script_num.h>
#include <script/script_ops.h>

#include <optional>

namespace script {
namespace {

constexpr size_t COMPRESSED_PUBKEY_SIZE = 33;
constexpr size_t PUBKEY_SIZE = 65;
constexpr size_t WITNESS_V0_KEYHASH_SIZE = 20;
constexpr size_t WITNESS_V0_SCRIPTHASH_SIZE = 32;
constexpr size_t WITNESS_V1_TAPROOT_SIZE = 32;

util::Bytes ToBytes(util::ByteSpan span) { return {span.begin(), span.end()}; }

// <key> OP_CHECKSIG with a 33- or 65-byte direct push whose header fits its size.
std::optional<util::ByteSpan> MatchPayToPubkey(util::ByteSpan script)
{
    for (const size_t size : {PUBKEY_SIZE, COMPRESSED_PUBKEY_SIZE}) {
        if (script.size() == size + 2 && script[0] == size && script.back() == OP_CHECKSIG) {
            const util::ByteSpan key = script.subspan(1, size);
            if (IsValidPubKeySize(key)) return key;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// OP_DUP OP_HASH160 <20 bytes> OP_EQUALVERIFY OP_CHECKSIG
std::optional<util::ByteSpan> MatchPayToPubkeyHash(util::ByteSpan script)
{
    if (script.size() == 25 && script[0] == OP_DUP && script[1] == OP_HASH160 && script[2] == 20 &&
        script[23] == OP_EQUALVERIFY && script[24] == OP_CHECKSIG) {
        return script.subspan(3, 20);
    }
    return std::nullopt;
}

// A number in [min, max] written either as OP_1..OP_16 or as a minimal push of
// a minimally encoded number (so 17..20 may appear as pushes; 1..16 may not).
std::optional<int> GetSmallNumber(Opcode op, util::ByteSpan data, int min, int max)
{
    int value;
    if (op >= OP_1 && op <= OP_16) {
        value = DecodeOpN(op);
    } else if (op > OP_0 && op <= OP_PUSHDATA4) {
        if (!CheckMinimalPush(data, op)) return std::nullopt;
        const auto num = ScriptNum::Decode(data, /*require_minimal=*/true);
        if (!num) return std::nullopt;
        value = num->GetInt();
    } else {
        return std::nullopt;
    }
    if (value < min || value > max) return std::nullopt;
    return value;
}

// m <key>... n OP_CHECKMULTISIG with 1 <= m <= n <= 20 and n keys.
bool MatchMultisig(util::ByteSpan script, int& required, std::vector<util::Bytes>& keys)
{
    if (script.empty() || script.back() != OP_CHECKMULTISIG) return false;
    size_t pos = 0;
    Opcode op;
    util::ByteSpan data;
    if (!GetScriptOp(script, pos, op, &data)) return false;
    const auto m = GetSmallNumber(op, data, 1, MAX_PUBKEYS_PER_MULTISIG);
    if (!m) return false;
    required = *m;
    // Keys run until the first operation that is not a push of a plausible key;
    // that operation (or a parse failure, which leaves OP_INVALIDOPCODE) must be n.
    while (GetScriptOp(script, pos, op, &data) && IsValidPubKeySize(data)) {
        keys.push_back(ToBytes(data));
    }
    const auto n = GetSmallNumber(op, data, required, MAX_PUBKEYS_PER_MULTISIG);
    if (!n) return false;
    if (keys.size() != static_cast<size_t>(*n)) return false;
    // Only the final OP_CHECKMULTISIG byte may follow n.
    return pos + 1 == script.size();
}

} // namespace

std::string_view TxoutTypeName(TxoutType type)
{
    switch (type) {
    case TxoutType::NONSTANDARD: return "nonstandard";
    case TxoutType::PUBKEY: return "pubkey";
    case TxoutType::PUBKEYHASH: return "pubkeyhash";
    case TxoutType::SCRIPTHASH: return "scripthash";
    case TxoutType::MULTISIG: return "multisig";
    case TxoutType::NULL_DATA: return "nulldata";
    case TxoutType::ANCHOR: return "anchor";
    case TxoutType::WITNESS_V0_KEYHASH: return "witness_v0_keyhash";
    case TxoutType::WITNESS_V0_SCRIPTHASH: return "witness_v0_scripthash";
    case TxoutType::WITNESS_V1_TAPROOT: return "witness_v1_taproot";
    case TxoutType::WITNESS_UNKNOWN: return "witness_unknown";
    }
    return "nonstandard"; // unreachable: every enumerator is handled above
}

size_t PubKeyLengthForHeader(uint8_t header)
{
    if (header == 0x02 || header == 0x03) return COMPRESSED_PUBKEY_SIZE;
    if (header == 0x04 || header == 0x06 || header == 0x07) return PUBKEY_SIZE;
    return 0;
}

bool IsValidPubKeySize(util::ByteSpan key)
{
    return !key.empty() && PubKeyLengthForHeader(key[0]) == key.size();
}

TxoutType Solver(util::ByteSpan script, std::vector<util::Bytes>& solutions)
{
    solutions.clear();

    // P2SH first: its template is the most constrained (BIP16).
    if (IsPayToScriptHash(script)) {
        solutions.push_back(ToBytes(script.subspan(2, 20)));
        return TxoutType::SCRIPTHASH;
    }

    int version;
    util::ByteSpan program;
    if (IsWitnessProgram(script, version, program)) {
        if (version == 0 && program.size() == WITNESS_V0_KEYHASH_SIZE) {
            solutions.push_back(ToBytes(program));
            return TxoutType::WITNESS_V0_KEYHASH;
        }
        if (version == 0 && program.size() == WITNESS_V0_SCRIPTHASH_SIZE) {
            solutions.push_back(ToBytes(program));
            return TxoutType::WITNESS_V0_SCRIPTHASH;
        }
        if (version == 1 && program.size() == WITNESS_V1_TAPROOT_SIZE) {
            solutions.push_back(ToBytes(program));
            return TxoutType::WITNESS_V1_TAPROOT;
        }
        if (IsPayToAnchor(script)) return TxoutType::ANCHOR;
        if (version != 0) {
            solutions.push_back(util::Bytes{static_cast<uint8_t>(version)});
            solutions.push_back(ToBytes(program));
            return TxoutType::WITNESS_UNKNOWN;
        }
        // Version 0 with any other program length (BIP141 makes it unspendable).
        return TxoutType::NONSTANDARD;
    }

    // Provably unspendable data carrier: OP_RETURN then pushes only.
    if (!script.empty() && script[0] == OP_RETURN && IsPushOnly(script, 1)) {
        return TxoutType::NULL_DATA;
    }

    if (const auto key = MatchPayToPubkey(script)) {
        solutions.push_back(ToBytes(*key));
        return TxoutType::PUBKEY;
    }

    if (const auto hash = MatchPayToPubkeyHash(script)) {
        solutions.push_back(ToBytes(*hash));
        return TxoutType::PUBKEYHASH;
    }

    int required;
    std::vector<util::Bytes> keys;
    if (MatchMultisig(script, required, keys)) {
        const auto n = static_cast<uint8_t>(keys.size()); // 1..20
        solutions.push_back(util::Bytes{static_cast<uint8_t>(required)});
        for (auto& key : keys) solutions.push_back(std::move(key));
        solutions.push_back(util::Bytes{n});
        return TxoutType::MULTISIG;
    }

    solutions.clear();
    return TxoutType::NONSTANDARD;
}

} // namespace script
