// The JSON view of a transaction that Bitcoin Core's decoderawtransaction,
// getrawtransaction and bitcoin-tx -json print (its TxToUniv), field for field.
#ifndef UTXO_JSON_TX_JSON_H
#define UTXO_JSON_TX_JSON_H

#include <primitives/transaction.h>
#include <script/address.h>

#include <boost/json/object.hpp>

#include <optional>

namespace json {

struct TxJsonOptions {
    // Append "hex" (the serialized transaction), as bitcoin-tx and getrawtransaction do.
    bool include_hex{false};
    // Append "blockhash" when the transaction is known to be in that block.
    std::optional<primitives::BlockHash> block_hash;
};

// {"txid", "hash", "version", "size", "vsize", "weight", "locktime", "vin", "vout"[, "hex"][, "blockhash"]}
boost::json::object TxToJson(const primitives::Transaction& tx, const script::AddressParams& addresses,
                             const TxJsonOptions& options = {});

// {"asm", "desc", "hex"[, "address"], "type"}: an output script with its
// inferred descriptor, address (none for bare pubkeys) and template name.
boost::json::object ScriptPubKeyToJson(util::ByteSpan script, const script::AddressParams& addresses);

} // namespace json

#endif // UTXO_JSON_TX_JSON_H
