// Decoding transactions typed in by people, who do not say whether the hex
// uses the segwit serialization.
#ifndef UTXO_JSON_DECODE_TX_H
#define UTXO_JSON_DECODE_TX_H

#include <primitives/transaction.h>
#include <util/result.h>

#include <string_view>

namespace json {

// Decodes hex as a transaction the way bitcoin-tx and decoderawtransaction do.
// A transaction with no inputs is ambiguous: its serialization can also read as
// the segwit marker and flag. Both readings are tried (unless switched off); of
// those that consume all bytes, one whose scripts all parse is preferred, and
// the segwit reading wins a tie. Errors name what was wrong.
util::Result<primitives::Transaction> DecodeHexTransaction(std::string_view hex, bool try_no_witness = true,
                                                           bool try_witness = true);

} // namespace json

#endif // UTXO_JSON_DECODE_TX_H
