// libutxoconsensus: the C entry points, thin wrappers over the C++ core.
#include <capi/utxoconsensus.h>

#include <consensus/tx_check.h>
#include <primitives/transaction.h>
#include <script/interpreter.h>
#include <script/script_error.h>
#include <script/verify_flags.h>
#include <util/serialize.h>

#include <optional>
#include <vector>

namespace {

void SetError(utxoconsensus_error* err, utxoconsensus_error value)
{
    if (err) *err = value;
}

bool FlagsAcceptable(unsigned int flags)
{
    if (flags & ~static_cast<unsigned int>(script::ALL_VERIFY_FLAGS)) return false;
    // Combinations the interpreter refuses (they would not be soft forks).
    if ((flags & script::SCRIPT_VERIFY_WITNESS) && !(flags & script::SCRIPT_VERIFY_P2SH)) return false;
    if ((flags & script::SCRIPT_VERIFY_CLEANSTACK) &&
        !((flags & script::SCRIPT_VERIFY_P2SH) && (flags & script::SCRIPT_VERIFY_WITNESS))) {
        return false;
    }
    return true;
}

// A transaction read from the start of a caller's buffer, and whether it
// filled the buffer exactly.
struct ReadResult {
    std::optional<primitives::Transaction> tx;
    bool exact{false};
};

ReadResult ReadTransactionFrom(const unsigned char* bytes, unsigned int len)
{
    ReadResult result;
    if (!bytes && len > 0) return result;
    util::SpanReader reader(util::ByteSpan(bytes, bytes ? len : 0));
    result.tx = primitives::ReadTransaction(reader);
    result.exact = result.tx && reader.empty();
    return result;
}

} // namespace

int utxoconsensus_verify_script(const unsigned char* scriptPubKey, unsigned int scriptPubKeyLen, int64_t amount,
                                const unsigned char* txTo, unsigned int txToLen,
                                const utxoconsensus_utxo* spent_outputs, unsigned int spent_outputs_len,
                                unsigned int nIn, unsigned int flags, utxoconsensus_error* err, int* script_err)
{
    if (script_err) *script_err = static_cast<int>(script::ScriptError::UNKNOWN_ERROR);
    if (!FlagsAcceptable(flags)) {
        SetError(err, utxoconsensus_ERR_INVALID_FLAGS);
        return 0;
    }
    if ((flags & script::SCRIPT_VERIFY_TAPROOT) && !spent_outputs) {
        SetError(err, utxoconsensus_ERR_SPENT_OUTPUTS_REQUIRED);
        return 0;
    }
    // Checked in Bitcoin Core's order: decoding, spent outputs, index, size.
    const ReadResult read = ReadTransactionFrom(txTo, txToLen);
    if (!read.tx) {
        SetError(err, utxoconsensus_ERR_TX_DESERIALIZE);
        return 0;
    }
    const primitives::Transaction& tx_ref = *read.tx;
    const primitives::Transaction* tx = &tx_ref;
    std::vector<primitives::TxOut> spent;
    if (spent_outputs) {
        if (spent_outputs_len != tx->inputs().size()) {
            SetError(err, utxoconsensus_ERR_SPENT_OUTPUTS_MISMATCH);
            return 0;
        }
        spent.reserve(spent_outputs_len);
        for (unsigned int i = 0; i < spent_outputs_len; ++i) {
            const utxoconsensus_utxo& utxo = spent_outputs[i];
            if (!utxo.script_pubkey && utxo.script_pubkey_size > 0) {
                SetError(err, utxoconsensus_ERR_SPENT_OUTPUTS_MISMATCH);
                return 0;
            }
            spent.push_back({primitives::Amount(utxo.value),
                             util::Bytes(utxo.script_pubkey, utxo.script_pubkey + utxo.script_pubkey_size)});
        }
    }
    if (nIn >= tx->inputs().size()) {
        SetError(err, utxoconsensus_ERR_TX_INDEX);
        return 0;
    }
    if (!read.exact) {
        SetError(err, utxoconsensus_ERR_TX_SIZE_MISMATCH);
        return 0;
    }
    if (!scriptPubKey && scriptPubKeyLen > 0) {
        SetError(err, utxoconsensus_ERR_TX_DESERIALIZE);
        return 0;
    }
    // From here on the call is sound, whatever the verdict.
    SetError(err, utxoconsensus_ERR_OK);
    const script::PrecomputedTxData precomputed(tx->fields(), std::move(spent));
    const script::TransactionSignatureChecker checker(tx->fields(), nIn, primitives::Amount(amount), precomputed);
    const primitives::TxIn& input = tx->inputs()[nIn];
    const script::ScriptError result =
        script::VerifyScript(input.script_sig, util::ByteSpan(scriptPubKey, scriptPubKey ? scriptPubKeyLen : 0),
                             &input.witness, flags, checker);
    if (script_err) *script_err = static_cast<int>(result);
    return result == script::ScriptError::OK ? 1 : 0;
}

const char* utxoconsensus_script_error_name(int script_err)
{
    // Names are string literals, so data() is NUL-terminated.
    return script::ScriptErrorName(static_cast<script::ScriptError>(script_err)).data();
}

int utxoconsensus_check_transaction(const unsigned char* txTo, unsigned int txToLen, utxoconsensus_error* err,
                                    const char** reason)
{
    if (reason) *reason = "";
    const ReadResult read = ReadTransactionFrom(txTo, txToLen);
    if (!read.tx || !read.exact) {
        SetError(err, read.tx ? utxoconsensus_ERR_TX_SIZE_MISMATCH : utxoconsensus_ERR_TX_DESERIALIZE);
        return 0;
    }
    SetError(err, utxoconsensus_ERR_OK);
    const consensus::TxCheckError result = consensus::CheckTransaction(*read.tx);
    if (reason) *reason = consensus::RejectReason(result).data();
    return result == consensus::TxCheckError::NONE ? 1 : 0;
}

unsigned int utxoconsensus_version(void)
{
    return UTXOCONSENSUS_API_VER;
}
