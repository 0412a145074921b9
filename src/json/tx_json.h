// The JSON view of a transaction that Bitcoin Core's decoderawtransaction,
// getrawtransaction and bitcoin-tx -json print (its TxToUniv), field for field.
#ifndef UTXO_JSON_TX_JSON_H
#define UTXO_JSON_TX_JSON_H

#include <primitives/transaction.h>
#include <script/address.h>

#include <boost/json/object.hpp>

#include <optional>
#include <vector>

namespace json {

// The output an input spends, as the block's undo data records it (Core's
// Coin: the output, the height of the block that created it, and whether
// that transaction was a coinbase).
struct SpentOutput {
    primitives::TxOut out;
    int height{0};
    bool coinbase{false};
    friend bool operator==(const SpentOutput&, const SpentOutput&) = default;
};

struct TxJsonOptions {
    // Append "hex" (the serialized transaction), as bitcoin-tx and getrawtransaction do.
    bool include_hex{false};
    // Append "blockhash" when the transaction is known to be in that block.
    std::optional<primitives::BlockHash> block_hash;
    // The outputs the inputs spend, one per input in input order (never for a
    // coinbase). When given, "fee" (inputs minus outputs, in BTC) follows
    // "vout". Precondition: spent_outputs->size() == tx.inputs().size() and
    // TxFee(tx, *spent_outputs) has a value (CheckSpentOutputs in
    // block_json.h checks a whole block). Not owned; must outlive the call.
    const std::vector<SpentOutput>* spent_outputs{nullptr};
    // With spent_outputs: each input gets "prevout" {"generated", "height",
    // "value", "scriptPubKey"} before its "sequence" (getblock verbosity 3).
    bool include_prevout{false};
};

// The fee of a non-coinbase transaction: the spent outputs' total minus its
// outputs' total. nullopt when `spent` does not have one entry per input, or
// when a total or the fee is outside [0, MAX_MONEY] (Core's MoneyRange).
std::optional<primitives::Amount> TxFee(const primitives::Transaction& tx, const std::vector<SpentOutput>& spent);

// {"txid", "hash", "version", "size", "vsize", "weight", "locktime", "vin", "vout"[, "fee"][, "blockhash"][, "hex"]}
boost::json::object TxToJson(const primitives::Transaction& tx, const script::AddressParams& addresses,
                             const TxJsonOptions& options = {});

// {"asm", "desc", "hex"[, "address"], "type"}: an output script with its
// inferred descriptor, address (none for bare pubkeys) and template name.
boost::json::object ScriptPubKeyToJson(util::ByteSpan script, const script::AddressParams& addresses);

} // namespace json

#endif // UTXO_JSON_TX_JSON_H
