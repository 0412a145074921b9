// The script interpreter: decides whether an input may spend an output.
//
// Consensus-critical and deterministic. EvalScript runs one script on a stack;
// VerifyScript runs a scriptSig/scriptPubKey pair with P2SH (BIP16), segwit v0
// (BIP141/143), taproot (BIP341) and tapscript (BIP342), under the given
// verification flags. Both report the first rule broken as a ScriptError
// (ScriptError::OK on success) and never throw.
#ifndef UTXO_SCRIPT_INTERPRETER_H
#define UTXO_SCRIPT_INTERPRETER_H

#include <primitives/transaction.h>
#include <script/script_error.h>
#include <script/sighash.h>
#include <script/signature_checker.h>
#include <util/byte_span.h>

#include <cstdint>
#include <vector>

namespace script {

using Stack = std::vector<util::Bytes>;

// Limits of legacy and segwit v0 scripts (tapscript has only the stack limit).
inline constexpr int MAX_OPS_PER_SCRIPT = 201;
inline constexpr size_t MAX_STACK_SIZE = 1000;

// Tapscript (BIP342) signature budget: each executed signature check costs
// this much of a budget of (witness size + offset).
inline constexpr int64_t VALIDATION_WEIGHT_PER_SIGOP_PASSED = 50;
inline constexpr int64_t VALIDATION_WEIGHT_OFFSET = 50;

// Taproot (BIP341) control blocks and leaves.
inline constexpr uint8_t TAPROOT_LEAF_MASK = 0xfe;
inline constexpr uint8_t TAPROOT_LEAF_TAPSCRIPT = 0xc0;
inline constexpr size_t TAPROOT_CONTROL_BASE_SIZE = 33;
inline constexpr size_t TAPROOT_CONTROL_NODE_SIZE = 32;
inline constexpr size_t TAPROOT_CONTROL_MAX_NODE_COUNT = 128;
inline constexpr size_t TAPROOT_CONTROL_MAX_SIZE =
    TAPROOT_CONTROL_BASE_SIZE + TAPROOT_CONTROL_NODE_SIZE * TAPROOT_CONTROL_MAX_NODE_COUNT;
inline constexpr uint8_t ANNEX_TAG = 0x50;

// Script truth: any non-zero byte, except a lone sign bit at the end (negative zero).
bool CastToBool(util::ByteSpan value);

// True for the opcodes BIP342 reserves as OP_SUCCESSx in tapscript.
bool IsOpSuccess(uint8_t opcode);

// Runs `script` on `stack` (which it leaves as the script left it).
// Precondition: sigversion is BASE, WITNESS_V0 or TAPSCRIPT.
[[nodiscard]] ScriptError EvalScript(Stack& stack, util::ByteSpan script, uint32_t flags,
                                     const SignatureChecker& checker, SigVersion sigversion,
                                     ScriptExecutionData& execdata);
[[nodiscard]] ScriptError EvalScript(Stack& stack, util::ByteSpan script, uint32_t flags,
                                     const SignatureChecker& checker, SigVersion sigversion);

// Checks that `script_sig` (and `witness`) satisfy `script_pubkey`.
// `flags` must not contain CLEANSTACK without both P2SH and WITNESS, nor WITNESS
// without P2SH (such a combination would not be a soft fork); for those this
// returns UNKNOWN_ERROR instead of evaluating.
[[nodiscard]] ScriptError VerifyScript(util::ByteSpan script_sig, util::ByteSpan script_pubkey,
                                       const primitives::ScriptWitness* witness, uint32_t flags,
                                       const SignatureChecker& checker);

// BIP341 helpers, also used to build taproot outputs in tests and tools.
primitives::Uint256 ComputeTapleafHash(uint8_t leaf_version, util::ByteSpan script);
primitives::Uint256 ComputeTapbranchHash(util::ByteSpan a, util::ByteSpan b);
// The root a control block proves for `tapleaf_hash`. Precondition: valid control size.
primitives::Uint256 ComputeTaprootMerkleRoot(util::ByteSpan control, const primitives::Uint256& tapleaf_hash);

} // namespace script

#endif // UTXO_SCRIPT_INTERPRETER_H
