// Context-free transaction checks: rules a transaction must pass whatever the
// chain state (Bitcoin Core's CheckTransaction), with its reject reasons.
#ifndef UTXO_CONSENSUS_TX_CHECK_H
#define UTXO_CONSENSUS_TX_CHECK_H

#include <primitives/transaction.h>

#include <string_view>

namespace consensus {

// Maximum block weight (BIP141); a transaction alone may not exceed it either.
inline constexpr size_t MAX_BLOCK_WEIGHT = 4'000'000;
inline constexpr size_t WITNESS_SCALE_FACTOR = 4;

enum class TxCheckError {
    NONE,
    VIN_EMPTY,           // bad-txns-vin-empty
    VOUT_EMPTY,          // bad-txns-vout-empty
    OVERSIZE,            // bad-txns-oversize
    VOUT_NEGATIVE,       // bad-txns-vout-negative
    VOUT_TOOLARGE,       // bad-txns-vout-toolarge
    TXOUTTOTAL_TOOLARGE, // bad-txns-txouttotal-toolarge
    INPUTS_DUPLICATE,    // bad-txns-inputs-duplicate (CVE-2018-17144)
    CB_LENGTH,           // bad-cb-length
    PREVOUT_NULL,        // bad-txns-prevout-null
};

// Bitcoin Core's reject reason; "" for NONE. The text has static storage.
std::string_view RejectReason(TxCheckError error);

// The first rule `tx` breaks, in Bitcoin Core's order, or NONE.
[[nodiscard]] TxCheckError CheckTransaction(const primitives::Transaction& tx);

} // namespace consensus

#endif // UTXO_CONSENSUS_TX_CHECK_H
