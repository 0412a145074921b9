#include <consensus/tx_verify.h>

#include <consensus/block_check.h>
#include <consensus/header_check.h>
#include <script/script_ops.h>
#include <script/sigops.h>
#include <script/verify_flags.h>

#include <algorithm>

namespace consensus {

std::string_view RejectReason(TxInputsError error)
{
    switch (error) {
    case TxInputsError::NONE: return "";
    case TxInputsError::MISSING_OR_SPENT: return "bad-txns-inputs-missingorspent";
    case TxInputsError::PREMATURE_COINBASE_SPEND: return "bad-txns-premature-spend-of-coinbase";
    case TxInputsError::INPUT_VALUES_OUT_OF_RANGE: return "bad-txns-inputvalues-outofrange";
    case TxInputsError::IN_BELOW_OUT: return "bad-txns-in-belowout";
    case TxInputsError::FEE_OUT_OF_RANGE: return "bad-txns-fee-outofrange";
    }
    return "";
}

TxInputsError CheckTxInputs(const primitives::Transaction& tx, const std::vector<std::optional<SpentCoin>>& coins,
                            int spend_height, primitives::Amount& fee)
{
    if (coins.size() != tx.inputs().size() ||
        std::any_of(coins.begin(), coins.end(), [](const auto& coin) { return !coin.has_value(); })) {
        return TxInputsError::MISSING_OR_SPENT;
    }
    int64_t value_in = 0;
    for (const auto& coin : coins) {
        if (coin->coinbase && spend_height - coin->height < COINBASE_MATURITY) {
            return TxInputsError::PREMATURE_COINBASE_SPEND;
        }
        // Each value is at most MAX_MONEY, so the sum cannot overflow before
        // the range check catches it.
        value_in += coin->out.value.sats();
        if (!primitives::MoneyRange(coin->out.value) || !primitives::MoneyRange(primitives::Amount{value_in})) {
            return TxInputsError::INPUT_VALUES_OUT_OF_RANGE;
        }
    }
    int64_t value_out = 0;
    for (const auto& out : tx.outputs()) value_out += out.value.sats(); // in range: CheckTransaction passed
    if (value_in < value_out) return TxInputsError::IN_BELOW_OUT;
    const primitives::Amount difference{value_in - value_out};
    if (!primitives::MoneyRange(difference)) return TxInputsError::FEE_OUT_OF_RANGE;
    fee = difference;
    return TxInputsError::NONE;
}

SequenceLock CalculateSequenceLock(const primitives::Transaction& tx, const std::vector<int>& coin_heights,
                                   int parent_height, const AncestorView& chain)
{
    using primitives::TxIn;
    SequenceLock lock;
    // BIP68 applies from version 2, the version compared as unsigned (so
    // 0xffffffff counts as 2 or more).
    if (tx.version() < 2) return lock;
    for (size_t i = 0; i < tx.inputs().size(); ++i) {
        const uint32_t sequence = tx.inputs()[i].sequence;
        if (sequence & TxIn::SEQUENCE_LOCKTIME_DISABLE_FLAG) continue;
        const int coin_height = coin_heights[i];
        if (sequence & TxIn::SEQUENCE_LOCKTIME_TYPE_FLAG) {
            // Time since the median time past of the block before the coin's.
            const int base_height = std::max(coin_height - 1, 0);
            // A coin is at most in the block being connected, so its
            // predecessor is at most the parent.
            const int64_t base_time = MedianTimePast(chain.Ancestor(std::min(base_height, parent_height)), chain);
            const int64_t span = int64_t{sequence & TxIn::SEQUENCE_LOCKTIME_MASK} << TxIn::SEQUENCE_LOCKTIME_GRANULARITY;
            lock.min_time = std::max(lock.min_time, base_time + span - 1);
        } else {
            lock.min_height = std::max(lock.min_height, coin_height + static_cast<int>(sequence & TxIn::SEQUENCE_LOCKTIME_MASK) - 1);
        }
    }
    return lock;
}

bool SequenceLockSatisfied(const SequenceLock& lock, int height, int64_t parent_median_time)
{
    return lock.min_height < height && lock.min_time < parent_median_time;
}

int64_t TransactionSigOpCost(const primitives::Transaction& tx, const std::vector<std::optional<SpentCoin>>& coins,
                             uint32_t flags)
{
    int64_t cost = int64_t{LegacySigOpCount(tx)} * WITNESS_SCALE_FACTOR;
    if (tx.IsCoinBase()) return cost;
    const auto& inputs = tx.inputs();
    if (flags & script::SCRIPT_VERIFY_P2SH) {
        for (size_t i = 0; i < inputs.size(); ++i) {
            const auto& script_pubkey = coins[i]->out.script_pubkey;
            // Only P2SH outputs add here: their own sigops were counted when created.
            if (script::IsPayToScriptHash(script_pubkey)) {
                cost += int64_t{script::CountP2SHSigOps(inputs[i].script_sig, script_pubkey)} * WITNESS_SCALE_FACTOR;
            }
        }
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        cost += script::CountWitnessSigOps(inputs[i].script_sig, coins[i]->out.script_pubkey, inputs[i].witness, flags);
    }
    return cost;
}

uint32_t BlockScriptFlags(int height, const primitives::BlockHash& hash, const Params& params)
{
    uint32_t flags = script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS | script::SCRIPT_VERIFY_TAPROOT;
    if (auto it = params.script_flag_exceptions.find(hash); it != params.script_flag_exceptions.end()) flags = it->second;
    if (height >= params.bip66_height) flags |= script::SCRIPT_VERIFY_DERSIG;
    if (height >= params.bip65_height) flags |= script::SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY;
    if (height >= params.csv_height) flags |= script::SCRIPT_VERIFY_CHECKSEQUENCEVERIFY;
    if (height >= params.segwit_height) flags |= script::SCRIPT_VERIFY_NULLDUMMY;
    return flags;
}

} // namespace consensus
