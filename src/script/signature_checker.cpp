#include <script/signature_checker.h>

#include <crypto/ecdsa.h>
#include <crypto/schnorr.h>
#include <script/signature_encoding.h>
#include <script/solver.h>

namespace script {
namespace {

using primitives::LOCKTIME_THRESHOLD;
using primitives::TxIn;

} // namespace

bool SignatureChecker::CheckEcdsaSignature(util::ByteSpan, util::ByteSpan, util::ByteSpan, SigVersion) const
{
    return false;
}

ScriptError SignatureChecker::CheckSchnorrSignature(util::ByteSpan, util::ByteSpan, SigVersion,
                                                    const ScriptExecutionData&) const
{
    return ScriptError::SCHNORR_SIG;
}

bool SignatureChecker::CheckLockTime(const ScriptNum&) const { return false; }
bool SignatureChecker::CheckSequence(const ScriptNum&) const { return false; }

bool TransactionSignatureChecker::CheckEcdsaSignature(util::ByteSpan signature, util::ByteSpan pubkey,
                                                      util::ByteSpan script_code, SigVersion sigversion) const
{
    if (!IsValidPubKeySize(pubkey) || signature.empty()) return false;
    // The hash type is the byte after the DER signature.
    const int32_t hash_type = signature.back();
    const util::ByteSpan der = signature.first(signature.size() - 1);
    primitives::Uint256 sighash;
    if (sigversion == SigVersion::WITNESS_V0) {
        sighash = SegwitV0SignatureHash(script_code, m_tx, m_input_index, hash_type, m_amount, &m_precomputed);
    } else {
        sighash = LegacySignatureHash(script_code, m_tx, m_input_index, hash_type);
    }
    return crypto::VerifyEcdsa(pubkey, der, sighash.bytes());
}

ScriptError TransactionSignatureChecker::CheckSchnorrSignature(util::ByteSpan signature, util::ByteSpan pubkey,
                                                               SigVersion sigversion,
                                                               const ScriptExecutionData& execdata) const
{
    // Empty signatures never get here in tapscript (they just fail the check);
    // anything but 64 or 65 bytes is an error.
    if (signature.size() != 64 && signature.size() != 65) return ScriptError::SCHNORR_SIG_SIZE;
    uint8_t hash_type = SIGHASH_DEFAULT;
    if (signature.size() == 65) {
        hash_type = signature.back();
        // An explicit byte may not say "default": that would make two encodings of one signature.
        if (hash_type == SIGHASH_DEFAULT) return ScriptError::SCHNORR_SIG_HASHTYPE;
        signature = signature.first(64);
    }
    if (!m_precomputed.bip341_ready) return ScriptError::SCHNORR_SIG;
    const auto sighash =
        TaprootSignatureHash(m_tx, m_input_index, hash_type, sigversion, m_precomputed, execdata.taproot);
    if (!sighash) return ScriptError::SCHNORR_SIG_HASHTYPE;
    if (!crypto::VerifySchnorr(pubkey.first<32>(), signature.first<64>(), sighash->bytes())) return ScriptError::SCHNORR_SIG;
    return ScriptError::OK;
}

bool TransactionSignatureChecker::CheckLockTime(const ScriptNum& lock_time) const
{
    // Height-based and time-based lock times cannot be compared with each other.
    const int64_t tx_lock_time = m_tx.lock_time;
    if ((tx_lock_time < LOCKTIME_THRESHOLD) != (lock_time.GetInt64() < LOCKTIME_THRESHOLD)) return false;
    if (lock_time.GetInt64() > tx_lock_time) return false;
    // A final input would let the transaction in regardless of its lock time.
    return m_tx.vin[m_input_index].sequence != primitives::TxIn::SEQUENCE_FINAL;
}

bool TransactionSignatureChecker::CheckSequence(const ScriptNum& sequence) const
{
    const int64_t tx_sequence = m_tx.vin[m_input_index].sequence;
    // BIP68 applies from version 2 (version is unsigned since Bitcoin Core 28).
    if (m_tx.version < 2) return false;
    if (tx_sequence & TxIn::SEQUENCE_LOCKTIME_DISABLE_FLAG) return false;
    const int64_t mask = TxIn::SEQUENCE_LOCKTIME_TYPE_FLAG | TxIn::SEQUENCE_LOCKTIME_MASK;
    const int64_t tx_masked = tx_sequence & mask;
    const int64_t wanted = sequence.GetInt64() & mask;
    if ((tx_masked < TxIn::SEQUENCE_LOCKTIME_TYPE_FLAG) != (wanted < TxIn::SEQUENCE_LOCKTIME_TYPE_FLAG)) return false;
    return wanted <= tx_masked;
}

} // namespace script
