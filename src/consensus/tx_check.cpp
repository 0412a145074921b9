#include <consensus/tx_check.h>

#include <algorithm>
#include <vector>

namespace consensus {

std::string_view RejectReason(TxCheckError error)
{
    switch (error) {
    case TxCheckError::NONE: return "";
    case TxCheckError::VIN_EMPTY: return "bad-txns-vin-empty";
    case TxCheckError::VOUT_EMPTY: return "bad-txns-vout-empty";
    case TxCheckError::OVERSIZE: return "bad-txns-oversize";
    case TxCheckError::VOUT_NEGATIVE: return "bad-txns-vout-negative";
    case TxCheckError::VOUT_TOOLARGE: return "bad-txns-vout-toolarge";
    case TxCheckError::TXOUTTOTAL_TOOLARGE: return "bad-txns-txouttotal-toolarge";
    case TxCheckError::INPUTS_DUPLICATE: return "bad-txns-inputs-duplicate";
    case TxCheckError::CB_LENGTH: return "bad-cb-length";
    case TxCheckError::PREVOUT_NULL: return "bad-txns-prevout-null";
    }
    return "";
}

TxCheckError CheckTransaction(const primitives::Transaction& tx)
{
    if (tx.inputs().empty()) return TxCheckError::VIN_EMPTY;
    if (tx.outputs().empty()) return TxCheckError::VOUT_EMPTY;
    // Witness data is not counted: it has not been checked for malleation yet.
    if (tx.StrippedSize() * WITNESS_SCALE_FACTOR > MAX_BLOCK_WEIGHT) return TxCheckError::OVERSIZE;

    // Negative or overflowing output values (CVE-2010-5139).
    int64_t total = 0;
    for (const auto& out : tx.outputs()) {
        if (out.value.sats() < 0) return TxCheckError::VOUT_NEGATIVE;
        if (out.value > primitives::MAX_MONEY) return TxCheckError::VOUT_TOOLARGE;
        total += out.value.sats(); // both at most MAX_MONEY: cannot overflow
        if (!primitives::MoneyRange(primitives::Amount(total))) return TxCheckError::TXOUTTOTAL_TOOLARGE;
    }

    // Duplicate inputs (CVE-2018-17144): sort the outpoints and look at neighbours.
    std::vector<primitives::OutPoint> outpoints;
    outpoints.reserve(tx.inputs().size());
    for (const auto& in : tx.inputs()) outpoints.push_back(in.prevout);
    std::sort(outpoints.begin(), outpoints.end());
    if (std::adjacent_find(outpoints.begin(), outpoints.end()) != outpoints.end()) return TxCheckError::INPUTS_DUPLICATE;

    if (tx.IsCoinBase()) {
        const size_t size = tx.inputs()[0].script_sig.size();
        if (size < 2 || size > 100) return TxCheckError::CB_LENGTH;
    } else {
        for (const auto& in : tx.inputs()) {
            if (in.prevout.IsNull()) return TxCheckError::PREVOUT_NULL;
        }
    }
    return TxCheckError::NONE;
}

} // namespace consensus
