// Reading raw script bytes: one operation at a time, and the simple shape
// tests built on that (push-only, P2SH, witness program, ...).
//
// Contract: every function is pure and takes the script as raw bytes
// (util::ByteSpan), so nothing here depends on a transaction type. Spans that
// are returned view the caller's script and live as long as it does. Nothing
// throws; malformed scripts give `false`.
#ifndef UTXO_SCRIPT_SCRIPT_OPS_H
#define UTXO_SCRIPT_SCRIPT_OPS_H

#include <script/opcodes.h>
#include <util/byte_span.h>

#include <cstddef>

namespace script {

// Largest element a script may push (MAX_SCRIPT_ELEMENT_SIZE), in bytes.
inline constexpr size_t MAX_SCRIPT_ELEMENT_SIZE = 520;
// Scripts longer than this are unspendable (MAX_SCRIPT_SIZE), in bytes.
inline constexpr size_t MAX_SCRIPT_SIZE = 10000;
// Most public keys a CHECKMULTISIG may name (MAX_PUBKEYS_PER_MULTISIG).
inline constexpr int MAX_PUBKEYS_PER_MULTISIG = 20;

// Reads the operation starting at `pos` (Core's GetScriptOp). On success sets
// `op`, sets `*data` (when not null) to the pushed bytes for opcodes up to
// OP_PUSHDATA4 and to an empty span otherwise, advances `pos` past the
// operation and returns true. Returns false, with `op` = OP_INVALIDOPCODE,
// `*data` empty and `pos` unchanged, when `pos` is at or past the end or the
// push (its length field or its data) runs past the end of the script.
bool GetScriptOp(util::ByteSpan script, size_t& pos, Opcode& op, util::ByteSpan* data);

// True when every operation from `start` on parses and is at most OP_16
// (OP_RESERVED counts as a push here, as in Core).
bool IsPushOnly(util::ByteSpan script, size_t start = 0);

// True when every operation parses, no opcode is above MAX_OPCODE and no push
// is longer than MAX_SCRIPT_ELEMENT_SIZE (Core's CScript::HasValidOps).
bool HasValidOps(util::ByteSpan script);

// OP_HASH160 <20 bytes> OP_EQUAL, exactly 23 bytes (BIP16).
bool IsPayToScriptHash(util::ByteSpan script);

// OP_0 <32 bytes>, exactly 34 bytes (BIP141).
bool IsPayToWitnessScriptHash(util::ByteSpan script);

// A witness program (BIP141): 4 to 42 bytes, a version opcode (OP_0 or
// OP_1..OP_16) followed by one direct push of 2 to 40 bytes that ends the
// script. On success sets `version` (0..16) and `program` (viewing `script`).
bool IsWitnessProgram(util::ByteSpan script, int& version, util::ByteSpan& program);

// Pay-to-anchor: exactly OP_1 <0x4e73>.
bool IsPayToAnchor(util::ByteSpan script);
// The same test on an already split witness program.
bool IsPayToAnchor(int version, util::ByteSpan program);

// Starts with OP_RETURN or is longer than MAX_SCRIPT_SIZE: can never be spent.
bool IsUnspendable(util::ByteSpan script);

// True when `op` is the shortest way to push `data` (BIP62 rule 3, Core's
// CheckMinimalPush). Meaningful for push opcodes (OP_0..OP_PUSHDATA4): data
// that OP_1..OP_16 or OP_1NEGATE would push is never minimal through a push
// opcode.
bool CheckMinimalPush(util::ByteSpan data, Opcode op);

// OP_0 -> 0, OP_1..OP_16 -> 1..16. Precondition: `op` is one of those.
int DecodeOpN(Opcode op);
// 0 -> OP_0, 1..16 -> OP_1..OP_16. Precondition: 0 <= n <= 16.
Opcode EncodeOpN(int n);

// Appends to `script` the shortest push of `data` (what Core's
// `CScript << std::vector` writes: OP_0 for empty, a direct push up to 75
// bytes, then OP_PUSHDATA1/2/4; single bytes are not turned into OP_N).
void AppendPush(util::Bytes& script, util::ByteSpan data);

// Appends `value` as Core's `CScript << int64_t` does: OP_1NEGATE, OP_0,
// OP_1..OP_16, or a push of its minimal script-number encoding (the BIP34
// height in a coinbase is written this way).
void AppendInt(util::Bytes& script, int64_t value);

// OP_DUP OP_HASH160 <hash> OP_EQUALVERIFY OP_CHECKSIG: a P2PKH output script,
// which is also the script code of a P2WPKH spend (BIP143).
util::Bytes PayToPubKeyHashScript(util::ByteSpan key_hash);

} // namespace script

#endif // UTXO_SCRIPT_SCRIPT_OPS_H
