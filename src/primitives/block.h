// Block headers and blocks, and their serialization.
#ifndef UTXO_PRIMITIVES_BLOCK_H
#define UTXO_PRIMITIVES_BLOCK_H

#include <primitives/transaction.h>
#include <primitives/uint256.h>
#include <util/byte_span.h>
#include <util/result.h>
#include <util/serialize.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace primitives {

struct BlockHeader {
    static constexpr size_t SIZE = 80;

    int32_t version{0};
    BlockHash prev_block;
    Uint256 merkle_root;
    uint32_t time{0};
    uint32_t bits{0};
    uint32_t nonce{0};

    // Double SHA-256 of the 80 serialized bytes.
    BlockHash GetHash() const;
    friend bool operator==(const BlockHeader&, const BlockHeader&) = default;
};

struct Block {
    BlockHeader header;
    std::vector<TransactionRef> txs;

    BlockHash GetHash() const { return header.GetHash(); }
};

template <typename Writer>
void SerializeBlockHeader(Writer& w, const BlockHeader& header)
{
    w.WriteI32LE(header.version);
    w.WriteBytes(header.prev_block.span());
    w.WriteBytes(header.merkle_root.span());
    w.WriteU32LE(header.time);
    w.WriteU32LE(header.bits);
    w.WriteU32LE(header.nonce);
}

template <typename Writer>
void SerializeBlock(Writer& w, const Block& block, TxSerialization mode = TxSerialization::WITH_WITNESS)
{
    SerializeBlockHeader(w, block.header);
    w.WriteCompactSize(block.txs.size());
    for (const TransactionRef& tx : block.txs) SerializeTransaction(w, *tx, mode);
}

// Reads at the reader's position; nullopt with the reason in the reader on failure.
std::optional<BlockHeader> ReadBlockHeader(util::SpanReader& reader);
std::optional<Block> ReadBlock(util::SpanReader& reader, TxSerialization mode = TxSerialization::WITH_WITNESS);

// Decode a buffer holding exactly one header / block.
util::Result<BlockHeader> DecodeBlockHeader(util::ByteSpan bytes);
util::Result<Block> DecodeBlock(util::ByteSpan bytes, TxSerialization mode = TxSerialization::WITH_WITNESS);

util::Bytes EncodeBlockHeader(const BlockHeader& header);
util::Bytes EncodeBlock(const Block& block, TxSerialization mode = TxSerialization::WITH_WITNESS);

} // namespace primitives

#endif // UTXO_PRIMITIVES_BLOCK_H
