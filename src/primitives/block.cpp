#include <primitives/block.h>

#include <crypto/hash.h>

namespace primitives {

BlockHash BlockHeader::GetHash() const
{
    crypto::Hash256Writer w;
    SerializeBlockHeader(w, *this);
    return BlockHash(w.Finalize());
}

std::optional<BlockHeader> ReadBlockHeader(util::SpanReader& r)
{
    BlockHeader header;
    header.version = r.ReadI32LE();
    r.ReadInto({header.prev_block.data(), 32});
    r.ReadInto({header.merkle_root.data(), 32});
    header.time = r.ReadU32LE();
    header.bits = r.ReadU32LE();
    header.nonce = r.ReadU32LE();
    if (r.failed()) return std::nullopt;
    return header;
}

std::optional<Block> ReadBlock(util::SpanReader& r, TxSerialization mode)
{
    std::optional<BlockHeader> header = ReadBlockHeader(r);
    if (!header) return std::nullopt;
    Block block;
    block.header = *header;
    const uint64_t count = r.ReadCompactSize();
    // A transaction takes at least 10 bytes: refuse counts the data cannot hold.
    if (!r.failed() && count > r.remaining() / 10) {
        r.Fail("unexpected end of data: " + std::to_string(count) + " transactions announced, " +
               std::to_string(r.remaining()) + " bytes left");
    }
    if (r.failed()) return std::nullopt;
    block.txs.reserve(count);
    for (uint64_t i = 0; i < count; ++i) {
        std::optional<Transaction> tx = ReadTransaction(r, mode);
        if (!tx) return std::nullopt;
        block.txs.push_back(std::make_shared<const Transaction>(std::move(*tx)));
    }
    return block;
}

util::Result<BlockHeader> DecodeBlockHeader(util::ByteSpan bytes)
{
    util::SpanReader r(bytes);
    std::optional<BlockHeader> header = ReadBlockHeader(r);
    if (auto finished = r.Finish("block header"); !finished) return util::Error{finished.error()};
    return *header;
}

util::Result<Block> DecodeBlock(util::ByteSpan bytes, TxSerialization mode)
{
    util::SpanReader r(bytes);
    std::optional<Block> block = ReadBlock(r, mode);
    if (auto finished = r.Finish("block"); !finished) return util::Error{finished.error()};
    return std::move(*block);
}

util::Bytes EncodeBlockHeader(const BlockHeader& header)
{
    util::Bytes out;
    out.reserve(BlockHeader::SIZE);
    util::ByteWriter w(out);
    SerializeBlockHeader(w, header);
    return out;
}

util::Bytes EncodeBlock(const Block& block, TxSerialization mode)
{
    util::Bytes out;
    util::ByteWriter w(out);
    SerializeBlock(w, block, mode);
    return out;
}

} // namespace primitives
