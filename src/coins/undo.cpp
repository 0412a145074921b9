#include <coins/undo.h>

#include <crypto/hash.h>
#include <primitives/compressor.h>
#include <util/serialize.h>

namespace coins {

util::Bytes SerializeBlockUndo(const BlockUndo& undo)
{
    util::Bytes bytes;
    util::ByteWriter w(bytes);
    w.WriteCompactSize(undo.txs.size());
    for (const TxUndo& tx : undo.txs) {
        w.WriteCompactSize(tx.spent.size());
        for (const Coin& coin : tx.spent) {
            w.WriteVarInt(static_cast<uint64_t>(coin.height) * 2 + (coin.coinbase ? 1 : 0));
            if (coin.height > 0) w.WriteVarInt(0);
            primitives::WriteCompressedTxOut(w, coin.out);
        }
    }
    return bytes;
}

std::optional<BlockUndo> DeserializeBlockUndo(util::ByteSpan bytes)
{
    util::SpanReader r(bytes);
    BlockUndo undo;
    const uint64_t tx_count = r.ReadCompactSize();
    // Every entry takes at least one byte: counts beyond the data are lies.
    if (r.failed() || tx_count > r.remaining()) return std::nullopt;
    undo.txs.resize(static_cast<size_t>(tx_count));
    for (TxUndo& tx : undo.txs) {
        const uint64_t coin_count = r.ReadCompactSize();
        if (r.failed() || coin_count > r.remaining()) return std::nullopt;
        tx.spent.resize(static_cast<size_t>(coin_count));
        for (Coin& coin : tx.spent) {
            const uint64_t code = r.ReadVarInt();
            if (code / 2 > INT32_MAX) return std::nullopt;
            coin.height = static_cast<int>(code / 2);
            coin.coinbase = (code & 1) != 0;
            if (coin.height > 0) r.ReadVarInt(); // the old version field, ignored
            auto out = primitives::ReadCompressedTxOut(r);
            if (!out || r.failed()) return std::nullopt;
            coin.out = std::move(*out);
        }
    }
    if (!r.empty()) return std::nullopt;
    return undo;
}

primitives::Uint256 UndoChecksum(const primitives::BlockHash& parent, util::ByteSpan record)
{
    crypto::Hash256Writer hasher;
    hasher.WriteBytes(parent.span());
    hasher.WriteBytes(record);
    return primitives::Uint256(hasher.Finalize());
}

} // namespace coins
