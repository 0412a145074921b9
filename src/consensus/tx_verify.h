// Transaction rules against the outputs they spend and the chain: input
// existence, coinbase maturity, amounts and fees (Bitcoin Core's
// CheckTxInputs), BIP68 relative lock times, and the script flags in force
// at a height.
#ifndef UTXO_CONSENSUS_TX_VERIFY_H
#define UTXO_CONSENSUS_TX_VERIFY_H

#include <consensus/params.h>
#include <consensus/pow.h>
#include <primitives/amount.h>
#include <primitives/transaction.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace consensus {

// A coinbase output may be spent only this many blocks after its own.
inline constexpr int COINBASE_MATURITY = 100;

// An unspent output as the UTXO set keeps it.
struct SpentCoin {
    primitives::TxOut out;
    int height{0};
    bool coinbase{false};
};

enum class TxInputsError {
    NONE,
    MISSING_OR_SPENT,         // bad-txns-inputs-missingorspent
    PREMATURE_COINBASE_SPEND, // bad-txns-premature-spend-of-coinbase
    INPUT_VALUES_OUT_OF_RANGE, // bad-txns-inputvalues-outofrange
    IN_BELOW_OUT,             // bad-txns-in-belowout
    FEE_OUT_OF_RANGE,         // bad-txns-fee-outofrange
};

std::string_view RejectReason(TxInputsError error);

// `coins[i]` is the output input i spends, or nullopt when it is not in the
// UTXO set. On success `fee` holds inputs minus outputs. `spend_height` is
// the height of the block spending them.
[[nodiscard]] TxInputsError CheckTxInputs(const primitives::Transaction& tx,
                                          const std::vector<std::optional<SpentCoin>>& coins, int spend_height,
                                          primitives::Amount& fee);

// BIP68: the height and time before which `tx` may not be mined, from its
// inputs' relative lock times (-1 when none applies). `coin_heights[i]` is
// the height of the block holding input i's output; `chain` gives the
// ancestors of the block that would include `tx` (its parent is at
// `parent_height`). Only version >= 2 transactions are subject to it.
struct SequenceLock {
    int min_height{-1};
    int64_t min_time{-1};
};
SequenceLock CalculateSequenceLock(const primitives::Transaction& tx, const std::vector<int>& coin_heights,
                                   int parent_height, const AncestorView& chain);
// True when a block at `height` whose parent's median time past is
// `parent_median_time` satisfies the lock.
bool SequenceLockSatisfied(const SequenceLock& lock, int height, int64_t parent_median_time);

// BIP141 sigop cost of a transaction: legacy sigops * 4, plus (with P2SH in
// `flags`) P2SH redeem-script sigops * 4, plus witness sigops. `coins[i]` is
// the output input i spends (all present: CheckTxInputs passed).
int64_t TransactionSigOpCost(const primitives::Transaction& tx, const std::vector<std::optional<SpentCoin>>& coins,
                             uint32_t flags);

// Script verification flags for the block `hash` at `height`: P2SH, WITNESS
// and TAPROOT always (except the historic blocks Bitcoin Core exempts),
// DERSIG, CHECKLOCKTIMEVERIFY, CHECKSEQUENCEVERIFY and NULLDUMMY from their
// activation heights.
uint32_t BlockScriptFlags(int height, const primitives::BlockHash& hash, const Params& params);

} // namespace consensus

#endif // UTXO_CONSENSUS_TX_VERIFY_H
