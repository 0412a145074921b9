#include <coins/coin.h>

#include <primitives/compressor.h>
#include <util/serialize.h>

namespace coins {

util::Bytes CoinKey(const primitives::OutPoint& outpoint)
{
    util::Bytes key;
    util::ByteWriter w(key);
    w.WriteU8(DB_COIN);
    w.WriteBytes(outpoint.txid.span());
    w.WriteVarInt(outpoint.index);
    return key;
}

std::optional<primitives::OutPoint> OutPointFromKey(util::ByteSpan key)
{
    util::SpanReader r(key);
    if (r.ReadU8() != DB_COIN) return std::nullopt;
    primitives::Uint256 txid;
    r.ReadInto(util::WritableByteSpan(txid.data(), 32));
    const uint64_t index = r.ReadVarInt();
    if (r.failed() || !r.empty() || index > UINT32_MAX) return std::nullopt;
    return primitives::OutPoint{primitives::Txid(txid), static_cast<uint32_t>(index)};
}

util::Bytes SerializeCoin(const Coin& coin)
{
    util::Bytes bytes;
    util::ByteWriter w(bytes);
    w.WriteVarInt(static_cast<uint64_t>(coin.height) * 2 + (coin.coinbase ? 1 : 0));
    primitives::WriteCompressedTxOut(w, coin.out);
    return bytes;
}

std::optional<Coin> DeserializeCoin(util::ByteSpan bytes)
{
    util::SpanReader r(bytes);
    const uint64_t code = r.ReadVarInt();
    auto out = primitives::ReadCompressedTxOut(r);
    if (r.failed() || !r.empty() || !out || code / 2 > INT32_MAX) return std::nullopt;
    return Coin{std::move(*out), static_cast<int>(code / 2), (code & 1) != 0, false};
}

bool IsUnspendable(const primitives::TxOut& out)
{
    const auto& script = out.script_pubkey;
    return (!script.empty() && script[0] == 0x6a) || script.size() > 10'000;
}

} // namespace coins
