// Undo data: the coins a block spent, so disconnecting it can restore them.
// Stored in rev?????.dat in Bitcoin Core's format: per non-coinbase
// transaction, per input, VarInt(height * 2 + coinbase), a zero VarInt when
// height > 0 (a version field old nodes wrote), then the compressed output;
// each level a CompactSize-counted vector. Each record is followed by a
// checksum: double SHA-256 of the parent block's hash and the record.
#ifndef UTXO_COINS_UNDO_H
#define UTXO_COINS_UNDO_H

#include <coins/coin.h>
#include <primitives/uint256.h>

#include <optional>
#include <vector>

namespace coins {

struct TxUndo {
    std::vector<Coin> spent; // in input order
    friend bool operator==(const TxUndo&, const TxUndo&) = default;
};

struct BlockUndo {
    std::vector<TxUndo> txs; // one per transaction after the coinbase
    friend bool operator==(const BlockUndo&, const BlockUndo&) = default;
};

util::Bytes SerializeBlockUndo(const BlockUndo& undo);
// nullopt for malformed or trailing data.
std::optional<BlockUndo> DeserializeBlockUndo(util::ByteSpan bytes);

// The checksum stored after an undo record.
primitives::Uint256 UndoChecksum(const primitives::BlockHash& parent, util::ByteSpan record);

} // namespace coins

#endif // UTXO_COINS_UNDO_H
