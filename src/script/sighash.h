// Signature hashes: the message a signature commits to, for legacy scripts,
// segwit v0 (BIP143) and taproot (BIP341/342).
//
// PrecomputedTxData holds the per-transaction hashes (of all prevouts,
// sequences, outputs, spent amounts and scripts) so that checking every input
// of a transaction costs O(n) in total, not O(n^2). Compute it once per
// transaction and share it, read-only, across the inputs (and threads).
#ifndef UTXO_SCRIPT_SIGHASH_H
#define UTXO_SCRIPT_SIGHASH_H

#include <primitives/transaction.h>
#include <primitives/uint256.h>
#include <util/byte_span.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace script {

// Which rules a script runs under.
enum class SigVersion {
    BASE,       // bare scripts and P2SH
    WITNESS_V0, // P2WPKH / P2WSH (BIP141/143)
    TAPROOT,    // taproot key path (BIP341)
    TAPSCRIPT,  // taproot script path, leaf version 0xc0 (BIP342)
};

struct PrecomputedTxData {
    // BIP143: double SHA-256 of all prevouts, all sequences, all outputs.
    primitives::Uint256 hash_prevouts;
    primitives::Uint256 hash_sequence;
    primitives::Uint256 hash_outputs;
    // BIP341: single SHA-256 of the same, plus the spent amounts and scripts.
    primitives::Uint256 sha_prevouts;
    primitives::Uint256 sha_sequences;
    primitives::Uint256 sha_outputs;
    primitives::Uint256 sha_amounts;
    primitives::Uint256 sha_scriptpubkeys;
    // The outputs spent by each input, when known; taproot needs them.
    std::vector<primitives::TxOut> spent_outputs;
    bool bip341_ready{false};

    PrecomputedTxData() = default;
    // Hashes `tx`. With `spent_outputs` (one per input) also the BIP341 data.
    explicit PrecomputedTxData(const primitives::MutableTransaction& tx,
                               std::vector<primitives::TxOut> spent_outputs = {});
};

// The original (pre-segwit) signature hash. OP_CODESEPARATORs are removed from
// `script_code`; SIGHASH_SINGLE with no matching output gives the value 1
// (Bitcoin's historic quirk, which such signatures then sign).
primitives::Uint256 LegacySignatureHash(util::ByteSpan script_code, const primitives::MutableTransaction& tx,
                                        size_t input_index, int32_t hash_type);

// BIP143. `precomputed` may be null (the hashes are then computed here).
primitives::Uint256 SegwitV0SignatureHash(util::ByteSpan script_code, const primitives::MutableTransaction& tx,
                                          size_t input_index, int32_t hash_type, primitives::Amount amount,
                                          const PrecomputedTxData* precomputed);

// What a taproot signature hash needs besides the transaction.
struct TaprootSpendContext {
    // SHA-256 of the annex (with its compact-size length), when the input has one.
    std::optional<primitives::Uint256> annex_hash;
    // Script path only (SigVersion::TAPSCRIPT): the leaf hash and the position of
    // the last executed OP_CODESEPARATOR (0xffffffff when none).
    primitives::Uint256 tapleaf_hash;
    uint32_t codeseparator_pos{0xffffffff};
};

// BIP341 (key path) or BIP342 (script path) signature hash. Returns nullopt for
// an undefined hash type or SIGHASH_SINGLE without a matching output, which
// makes the signature invalid. Precondition: precomputed.bip341_ready.
std::optional<primitives::Uint256> TaprootSignatureHash(const primitives::MutableTransaction& tx, size_t input_index,
                                                        uint8_t hash_type, SigVersion sigversion,
                                                        const PrecomputedTxData& precomputed,
                                                        const TaprootSpendContext& context);

// The message TaprootSignatureHash hashes (BIP341's SigMsg with its BIP342
// extension), without the tag. For tests and tools.
std::optional<util::Bytes> TaprootSignatureMessage(const primitives::MutableTransaction& tx, size_t input_index,
                                                   uint8_t hash_type, SigVersion sigversion,
                                                   const PrecomputedTxData& precomputed,
                                                   const TaprootSpendContext& context);

} // namespace script

#endif // UTXO_SCRIPT_SIGHASH_H
