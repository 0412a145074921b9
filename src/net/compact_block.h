// Compact block relay (BIP152): a block sent as its header, a 6-byte short id
// per transaction and a few transactions in full, which the receiver rebuilds
// from transactions it already has, asking for the rest with getblocktxn.
//
// Messages: cmpctblock (CompactBlock), getblocktxn (BlockTransactionsRequest)
// and blocktxn (BlockTransactions). Transactions travel with their witness
// data and short ids hash the wtxid: BIP152 as Bitcoin Core speaks it since
// segwit (sendcmpct version 2). Decoders fail on a payload cut short, trailing
// bytes, and indexes that do not fit 16 bits; they never allocate for a count
// before its bytes are there.
//
// PartiallyDownloadedBlock does the rebuilding. It tells apart a peer that
// broke the protocol (INVALID: punish) from a rebuild that failed through no
// one's fault (FAILED: short ids collide now and then, BIP152 says never to
// punish for that; fetch the whole block instead).
//
// The free functions are pure and thread-safe; a PartiallyDownloadedBlock is
// used by one thread at a time.
#ifndef UTXO_NET_COMPACT_BLOCK_H
#define UTXO_NET_COMPACT_BLOCK_H

#include <primitives/block.h>
#include <primitives/transaction.h>
#include <primitives/uint256.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace net {

inline constexpr size_t SHORT_ID_SIZE = 6;
inline constexpr uint64_t SHORT_ID_MASK = (uint64_t{1} << 48) - 1;
// Transactions a compact block may announce (Bitcoin Core's bound): as many as
// fit in a block at the weight of the smallest transaction, 4,000,000 / 40.
// A sanity bound on a peer's claim, not a rule about blocks.
inline constexpr size_t MAX_COMPACT_BLOCK_TXS = 4'000'000 / 40;
// Positions in a compact block are 16-bit: Bitcoin Core refuses a cmpctblock
// addressing more transactions than this ("indexes overflowed 16 bits").
inline constexpr size_t MAX_COMPACT_BLOCK_TX_COUNT = 65535;

// The SipHash key of a block's short ids: the first two little-endian 64-bit
// words of SHA256(header || nonce as 8 little-endian bytes), single SHA-256.
struct ShortIdKey {
    uint64_t k0{0};
    uint64_t k1{0};
};

ShortIdKey ComputeShortIdKey(const primitives::BlockHeader& header, uint64_t nonce);
// SipHash-2-4 of the wtxid under `key`, its two most significant bytes dropped.
uint64_t ShortTxId(const ShortIdKey& key, const primitives::Wtxid& wtxid);

struct PrefilledTransaction {
    // Position in the block. Absolute here; the wire carries the distance
    // from the previous prefilled transaction minus one.
    uint16_t index{0};
    primitives::TransactionRef tx;
};

// cmpctblock (BIP152's HeaderAndShortIDs).
struct CompactBlock {
    primitives::BlockHeader header;
    uint64_t nonce{0};
    // One per transaction not prefilled, in block order; values below 2^48.
    std::vector<uint64_t> short_ids;
    // Increasing indexes.
    std::vector<PrefilledTransaction> prefilled;

    size_t BlockTxCount() const { return short_ids.size() + prefilled.size(); }

    // The coinbase prefilled, every other transaction as a short id: what
    // Bitcoin Core sends. Precondition: 1 to MAX_COMPACT_BLOCK_TX_COUNT
    // transactions. Computes one SHA-256 and a SipHash per transaction.
    static CompactBlock FromBlock(const primitives::Block& block, uint64_t nonce);
};

// Precondition: prefilled indexes increasing; at most
// MAX_COMPACT_BLOCK_TX_COUNT short ids and prefilled transactions together.
util::Bytes EncodeCompactBlock(const CompactBlock& block);
// Fails when short ids and prefilled transactions together exceed
// MAX_COMPACT_BLOCK_TX_COUNT, a prefilled index overflows 16 bits, a transaction does
// not parse, the payload is cut short or has trailing bytes. Whether the
// prefilled indexes fit the block is PartiallyDownloadedBlock::Init's check.
util::Result<CompactBlock> DecodeCompactBlock(util::ByteSpan payload);

// getblocktxn.
struct BlockTransactionsRequest {
    primitives::BlockHash block_hash;
    std::vector<uint16_t> indexes; // increasing; differentially encoded on the wire

    friend bool operator==(const BlockTransactionsRequest&, const BlockTransactionsRequest&) = default;
};

// Precondition: indexes increasing.
util::Bytes EncodeBlockTransactionsRequest(const BlockTransactionsRequest& request);
// Fails when an index overflows 16 bits, on a payload cut short and on
// trailing bytes.
util::Result<BlockTransactionsRequest> DecodeBlockTransactionsRequest(util::ByteSpan payload);

// blocktxn.
struct BlockTransactions {
    primitives::BlockHash block_hash;
    std::vector<primitives::TransactionRef> txs; // in the order requested
};

util::Bytes EncodeBlockTransactions(const BlockTransactions& response);
util::Result<BlockTransactions> DecodeBlockTransactions(util::ByteSpan payload);

// The answer to `request` from `block`: its transactions at the requested
// indexes, in order. Fails with Bitcoin Core's reason "getblocktxn with
// out-of-bounds tx indices" when an index is past the block's transactions.
// The caller has matched request.block_hash to the block.
util::Result<BlockTransactions> BuildBlockTransactions(const primitives::Block& block,
                                                       const BlockTransactionsRequest& request);

enum class ReadStatus {
    OK,
    INVALID, // the peer broke BIP152 (bad indexes, too many transactions, wrong blocktxn count)
    FAILED,  // not rebuildable, no one's fault (short id collision): request the full block
};

struct ReadOutcome {
    ReadStatus status{ReadStatus::OK};
    std::string reason; // empty for OK

    bool ok() const { return status == ReadStatus::OK; }
};

// A block being rebuilt from a cmpctblock: Init places the prefilled
// transactions and those of `candidates` (mempool and recently seen
// transactions) whose short ids match; MissingIndexes says what to ask for
// with getblocktxn; Fill completes the block from the blocktxn answer and
// checks its merkle root (and witness commitment, when the coinbase has one)
// so a short id collision comes out as FAILED rather than a bad block.
class PartiallyDownloadedBlock {
public:
    // On a fresh (or spent) object. INVALID: a null header (bits zero), no transactions,
    // more than MAX_COMPACT_BLOCK_TXS or MAX_COMPACT_BLOCK_TX_COUNT, a
    // prefilled transaction missing or empty, prefilled indexes not increasing
    // or past the short ids before them. FAILED: two short ids are equal. A
    // short id matched by two different candidates stays missing.
    [[nodiscard]] ReadOutcome Init(const CompactBlock& compact,
                                   std::span<const primitives::TransactionRef> candidates);

    bool IsInitialized() const { return m_initialized; }
    size_t TxCount() const { return m_txs.size(); }
    // Precondition: index < TxCount().
    bool IsTxAvailable(size_t index) const { return m_txs[index] != nullptr; }
    // Positions still missing, increasing: the getblocktxn indexes.
    std::vector<uint16_t> MissingIndexes() const;
    // Transactions placed from candidates (for logs and statistics).
    size_t CandidateMatches() const { return m_candidate_matches; }

    // Fills the missing positions with `missing.txs` in order. INVALID (state
    // kept, a later Fill may succeed) when `missing` is for another block or
    // the object holds no block. Otherwise the object is spent: INVALID when
    // the count of transactions differs from the missing count; FAILED when the
    // merkle root does not match or is mutated (CVE-2012-2459), or the witness
    // commitment does not match; OK with `block` set.
    [[nodiscard]] ReadOutcome Fill(const BlockTransactions& missing, primitives::Block& block);

private:
    bool m_initialized{false};
    primitives::BlockHeader m_header;
    primitives::BlockHash m_hash;
    std::vector<primitives::TransactionRef> m_txs; // null where missing
    size_t m_candidate_matches{0};
};

} // namespace net

#endif // UTXO_NET_COMPACT_BLOCK_H
