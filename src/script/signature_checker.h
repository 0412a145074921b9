// What the interpreter asks of the transaction: signature, lock-time and
// sequence checks. The interpreter itself never sees a transaction.
#ifndef UTXO_SCRIPT_SIGNATURE_CHECKER_H
#define UTXO_SCRIPT_SIGNATURE_CHECKER_H

#include <primitives/amount.h>
#include <primitives/transaction.h>
#include <script/script_error.h>
#include <script/script_num.h>
#include <script/sighash.h>
#include <util/byte_span.h>

namespace script {

// Per-evaluation state shared by the interpreter and the checker.
struct ScriptExecutionData {
    // What a taproot signature hash commits to besides the transaction.
    TaprootSpendContext taproot;
    // Tapscript only (BIP342): signature-check budget left, from the witness size.
    int64_t validation_weight_left{0};
};

// Base checker: every check fails. Used when no transaction is at hand
// (evaluating a script on its own) and as the interface the interpreter calls.
// Implementations are immutable once built and may be shared across threads.
class SignatureChecker {
public:
    virtual ~SignatureChecker() = default;

    // `signature` carries the hash-type byte at its end; `pubkey` is serialized.
    virtual bool CheckEcdsaSignature(util::ByteSpan signature, util::ByteSpan pubkey, util::ByteSpan script_code,
                                     SigVersion sigversion) const;
    // OK, or the error that fails the script: SCHNORR_SIG_SIZE, SCHNORR_SIG_HASHTYPE, SCHNORR_SIG.
    // Precondition: pubkey.size() == 32.
    virtual ScriptError CheckSchnorrSignature(util::ByteSpan signature, util::ByteSpan pubkey, SigVersion sigversion,
                                              const ScriptExecutionData& execdata) const;
    virtual bool CheckLockTime(const ScriptNum& lock_time) const;
    virtual bool CheckSequence(const ScriptNum& sequence) const;
};

// Checks against input `input_index` of a transaction. `precomputed` must
// outlive the checker; it must be bip341_ready for taproot spends.
class TransactionSignatureChecker final : public SignatureChecker {
public:
    TransactionSignatureChecker(const primitives::MutableTransaction& tx, size_t input_index,
                                primitives::Amount amount, const PrecomputedTxData& precomputed)
        : m_tx(tx), m_input_index(input_index), m_amount(amount), m_precomputed(precomputed)
    {
    }

    bool CheckEcdsaSignature(util::ByteSpan signature, util::ByteSpan pubkey, util::ByteSpan script_code,
                             SigVersion sigversion) const override;
    ScriptError CheckSchnorrSignature(util::ByteSpan signature, util::ByteSpan pubkey, SigVersion sigversion,
                                      const ScriptExecutionData& execdata) const override;
    bool CheckLockTime(const ScriptNum& lock_time) const override;
    bool CheckSequence(const ScriptNum& sequence) const override;

private:
    const primitives::MutableTransaction& m_tx;
    const size_t m_input_index;
    const primitives::Amount m_amount;
    const PrecomputedTxData& m_precomputed;
};

} // namespace script

#endif // UTXO_SCRIPT_SIGNATURE_CHECKER_H
