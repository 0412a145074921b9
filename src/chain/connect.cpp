#include <chain/connect.h>

#include <consensus/block_check.h>
#include <consensus/subsidy.h>
#include <consensus/tx_verify.h>
#include <script/script_error.h>
#include <script/sighash.h>
#include <script/verify_flags.h>

namespace chain {

bool IsBip30Repeat(const BlockIndex& index)
{
    static const auto first = *primitives::BlockHash::FromHex("00000000000a4d0a398161ffc163c503763b1f4360639393e0e4c8e300e0caec");
    static const auto second = *primitives::BlockHash::FromHex("00000000000743f190a18c5577a3c2d2a1f610ae9601ac046a38084ccb7cd721");
    return (index.height == 91842 && index.hash == first) || (index.height == 91880 && index.hash == second);
}

namespace {

// From this height a coinbase could repeat an old one's txid despite BIP34
// (an early block committed to a far-future height), so BIP30 applies again.
constexpr int BIP34_IMPLIES_BIP30_LIMIT = 1'983'702;

// The blocks holding the coinbases those two overwrote, seen from the
// disconnecting side.
bool IsBip30DisconnectException(const BlockIndex& index)
{
    static const auto first = *primitives::BlockHash::FromHex("00000000000271a2dc26e7667f8419f2e15416dc6955e5a6c6cdf3f2574dd08e");
    static const auto second = *primitives::BlockHash::FromHex("00000000000af0aed4792b1acee3d966af36cf5def14935db8de83d6f9306f2f");
    return (index.height == 91722 && index.hash == first) || (index.height == 91812 && index.hash == second);
}

bool EnforceBip30(const BlockIndex& index, const consensus::Params& params)
{
    if (index.height >= BIP34_IMPLIES_BIP30_LIMIT) return true;
    if (IsBip30Repeat(index)) return false;
    // Once BIP34 is active on this chain, coinbases are unique by height.
    const BlockIndex* bip34_block = index.parent ? index.parent->Ancestor(params.bip34_height) : nullptr;
    return !(bip34_block && bip34_block->hash == params.bip34_hash);
}

std::string ScriptFailure(script::ScriptError error)
{
    return "mandatory-script-verify-flag-failed (" + std::string(script::ScriptErrorMessage(error)) + ")";
}

// The coins a transaction spends, from the view (nullopt where missing).
std::vector<std::optional<consensus::SpentCoin>> SpentCoins(const primitives::Transaction& tx, coins::CoinsCache& view)
{
    std::vector<std::optional<consensus::SpentCoin>> spent;
    spent.reserve(tx.inputs().size());
    for (const auto& in : tx.inputs()) {
        const auto coin = view.GetCoin(in.prevout);
        if (coin) {
            spent.push_back(consensus::SpentCoin{coin->out, coin->height, coin->coinbase});
        } else {
            spent.push_back(std::nullopt);
        }
    }
    return spent;
}

// The outputs the inputs spend. Precondition: none missing (CheckTxInputs passed).
std::vector<primitives::TxOut> SpentOutputs(const std::vector<std::optional<consensus::SpentCoin>>& spent)
{
    std::vector<primitives::TxOut> outputs;
    outputs.reserve(spent.size());
    for (const auto& coin : spent) outputs.push_back(coin->out);
    return outputs;
}

// Runs the scripts of every input in order; the first failure.
std::optional<script::ScriptError> CheckScripts(const primitives::TransactionRef& tx, uint32_t tx_index,
                                                const std::vector<std::optional<consensus::SpentCoin>>& spent,
                                                uint32_t flags)
{
    const TxScriptData data{tx, tx_index, flags, script::PrecomputedTxData(tx->fields(), SpentOutputs(spent))};
    for (uint32_t i = 0; i < tx->inputs().size(); ++i) {
        const auto error = CheckInputScript(data, i);
        if (error != script::ScriptError::OK) return error;
    }
    return std::nullopt;
}

util::Result<void> AddOutputs(const primitives::Transaction& tx, int height, coins::CoinsCache& view)
{
    const bool coinbase = tx.IsCoinBase();
    for (size_t i = 0; i < tx.outputs().size(); ++i) {
        const primitives::OutPoint outpoint{tx.txid(), static_cast<uint32_t>(i)};
        // Only coinbases may overwrite (the two historic BIP30 duplicates).
        if (auto r = view.AddCoin(outpoint, coins::Coin{tx.outputs()[i], height, coinbase, false}, coinbase); !r) return r;
    }
    return {};
}

} // namespace

ConnectResult ConnectBlock(const primitives::Block& block, const BlockIndex& index, coins::CoinsCache& view,
                           const consensus::Params& params, coins::BlockUndo& undo, bool check_scripts,
                           ScriptCheckQueue* queue)
{
    ConnectResult result;
    undo.txs.clear();
    // The genesis block's coinbase is not spendable: nothing to add.
    if (!index.parent) {
        view.SetBestBlock(index.hash);
        return result;
    }
    // Scripts queued so far belong to this and earlier transactions, so a
    // failure among them comes before any failure found now: report it
    // instead, as checking in order would have.
    std::optional<ScriptCheckSession> session;
    if (check_scripts && queue) session.emplace(*queue);
    const auto reject = [&](std::string reason) {
        if (session) {
            if (const auto failure = session->Wait()) reason = ScriptFailure(failure->error);
        }
        result.reject_reason = std::move(reason);
        return result;
    };
    if (EnforceBip30(index, params)) {
        for (const auto& tx : block.txs) {
            for (size_t i = 0; i < tx->outputs().size(); ++i) {
                if (view.HaveCoin({tx->txid(), static_cast<uint32_t>(i)})) return reject("bad-txns-BIP30");
            }
        }
    }
    const uint32_t flags = consensus::BlockScriptFlags(index.height, index.hash, params);
    const bool enforce_bip68 = index.height >= params.csv_height;
    const BranchView chain_view(*index.parent);
    const int64_t parent_mtp = index.parent->MedianTimePast();

    int64_t fees = 0;
    for (size_t t = 0; t < block.txs.size(); ++t) {
        const primitives::Transaction& tx = *block.txs[t];
        std::vector<std::optional<consensus::SpentCoin>> spent;
        if (!tx.IsCoinBase()) {
            spent = SpentCoins(tx, view);
            primitives::Amount fee{0};
            if (auto error = consensus::CheckTxInputs(tx, spent, index.height, fee); error != consensus::TxInputsError::NONE) {
                return reject(std::string(consensus::RejectReason(error)));
            }
            fees += fee.sats();
            if (!primitives::MoneyRange(primitives::Amount{fees})) return reject("bad-txns-accumulated-fee-outofrange");
            if (enforce_bip68) {
                std::vector<int> heights;
                for (const auto& coin : spent) heights.push_back(coin->height);
                const auto lock = consensus::CalculateSequenceLock(tx, heights, index.parent->height, chain_view);
                if (!consensus::SequenceLockSatisfied(lock, index.height, parent_mtp)) return reject("bad-txns-nonfinal");
            }
        }
        result.sigop_cost += consensus::TransactionSigOpCost(tx, spent, flags);
        if (result.sigop_cost > consensus::MAX_BLOCK_SIGOPS_COST) return reject("bad-blk-sigops");
        if (!tx.IsCoinBase() && check_scripts) {
            const auto tx_index = static_cast<uint32_t>(t);
            if (session) {
                session->Add(tx_index, block.txs[t], SpentOutputs(spent), flags);
            } else if (auto error = CheckScripts(block.txs[t], tx_index, spent, flags)) {
                return reject(ScriptFailure(*error));
            }
        }
        if (!tx.IsCoinBase()) {
            coins::TxUndo& tx_undo = undo.txs.emplace_back();
            for (const auto& in : tx.inputs()) tx_undo.spent.push_back(*view.SpendCoin(in.prevout));
        }
        // An unspent coin would be overwritten.
        if (auto r = AddOutputs(tx, index.height, view); !r) return reject("bad-txns-BIP30");
        // A known script failure is in this or an earlier transaction: it
        // is the answer, whatever the rest of the block holds.
        if (session && session->FailureFound()) break;
    }
    if (session) {
        if (const auto failure = session->Wait()) return reject(ScriptFailure(failure->error));
    }
    int64_t claimed = 0;
    for (const auto& out : block.txs[0]->outputs()) claimed += out.value.sats();
    if (claimed > fees + consensus::BlockSubsidy(index.height, params).sats()) return reject("bad-cb-amount");
    result.fees = primitives::Amount{fees};
    view.SetBestBlock(index.hash);
    return result;
}

DisconnectResult DisconnectBlock(const primitives::Block& block, const BlockIndex& index, const coins::BlockUndo& undo,
                                 coins::CoinsCache& view)
{
    if (block.txs.empty() || undo.txs.size() + 1 != block.txs.size()) return DisconnectResult::FAILED;
    const bool enforce_bip30 = !IsBip30DisconnectException(index);
    bool clean = true;
    for (size_t t = block.txs.size(); t-- > 0;) {
        const primitives::Transaction& tx = *block.txs[t];
        const bool bip30_exception = tx.IsCoinBase() && !enforce_bip30;
        for (size_t i = 0; i < tx.outputs().size(); ++i) {
            if (coins::IsUnspendable(tx.outputs()[i])) continue;
            const auto coin = view.SpendCoin({tx.txid(), static_cast<uint32_t>(i)});
            const bool matches = coin && coin->out == tx.outputs()[i] && coin->height == index.height &&
                                 coin->coinbase == tx.IsCoinBase();
            if (!matches && !bip30_exception) clean = false;
        }
        if (t == 0) break; // the coinbase spent nothing
        const coins::TxUndo& tx_undo = undo.txs[t - 1];
        if (tx_undo.spent.size() != tx.inputs().size()) return DisconnectResult::FAILED;
        for (size_t j = tx.inputs().size(); j-- > 0;) {
            const auto& outpoint = tx.inputs()[j].prevout;
            // Undo records always carry the height (coins at height 0 are
            // genesis outputs, which are never spendable).
            if (tx_undo.spent[j].height == 0) return DisconnectResult::FAILED;
            const bool overwrite = view.HaveCoin(outpoint);
            if (overwrite) clean = false;
            if (!view.AddCoin(outpoint, tx_undo.spent[j], overwrite)) return DisconnectResult::FAILED;
        }
    }
    view.SetBestBlock(index.parent ? index.parent->hash : primitives::BlockHash());
    return clean ? DisconnectResult::OK : DisconnectResult::UNCLEAN;
}

} // namespace chain
