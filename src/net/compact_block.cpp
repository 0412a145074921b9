#include <net/compact_block.h>

#include <crypto/hash.h>
#include <crypto/sha256.h>
#include <crypto/siphash.h>
#include <net/payload_reader.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <util/endian.h>
#include <util/serialize.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <utility>

namespace net {
namespace {

// Smallest serialized transaction: version, two empty counts, lock time.
constexpr size_t MIN_TX_SIZE = 10;
// A prefilled transaction: its index (one byte at least) and the transaction.
constexpr size_t MIN_PREFILLED_SIZE = 1 + MIN_TX_SIZE;
constexpr uint64_t MAX_INDEX = 0xffff;
// getblocktxn can name each 16-bit position once.
constexpr size_t MAX_REQUEST_INDEXES = MAX_INDEX + 1;

// BIP152 differential encoding: each index after the first is sent as its
// distance from the previous one, minus one. Precondition: increasing.
template <typename Writer>
void WriteDifferentialIndex(Writer& w, std::optional<uint16_t>& previous, uint16_t index)
{
    assert(!previous || index > *previous);
    w.WriteCompactSize(previous ? index - *previous - 1 : index);
    previous = index;
}

// Inverse of WriteDifferentialIndex. Fails the reader when the index it
// stands for does not fit 16 bits; `what` names the list in the error.
uint16_t ReadDifferentialIndex(util::SpanReader& r, std::optional<uint16_t>& previous, const char* what)
{
    const uint64_t delta = r.ReadCompactSize();
    if (r.failed()) return 0;
    const uint64_t index = previous ? uint64_t{*previous} + 1 + delta : delta;
    if (index > MAX_INDEX) {
        r.Fail(std::string(what) + " index " + std::to_string(index) + " overflows 16 bits");
        return 0;
    }
    previous = static_cast<uint16_t>(index);
    return *previous;
}

primitives::TransactionRef ReadTransactionRef(util::SpanReader& r)
{
    std::optional<primitives::Transaction> tx = primitives::ReadTransaction(r, primitives::TxSerialization::WITH_WITNESS);
    if (!tx) return nullptr;
    return std::make_shared<const primitives::Transaction>(std::move(*tx));
}

ReadOutcome Invalid(std::string reason) { return {ReadStatus::INVALID, std::move(reason)}; }
ReadOutcome Failed(std::string reason) { return {ReadStatus::FAILED, std::move(reason)}; }

// Whether the block's witness commitment, when it has one that a 32-byte
// reserved value can be checked against, matches its transactions. Other
// commitment problems are the validation's to report.
bool WitnessCommitmentMatches(const primitives::Block& block)
{
    const std::optional<size_t> output = primitives::FindWitnessCommitment(block);
    if (!output) return true;
    const primitives::Transaction& coinbase = *block.txs.front();
    if (coinbase.inputs().empty()) return true;
    const auto& stack = coinbase.inputs().front().witness.stack;
    if (stack.size() != 1 || stack.front().size() != 32) return true;
    const primitives::Uint256 expected =
        primitives::ComputeWitnessCommitment(primitives::BlockWitnessMerkleRoot(block), stack.front());
    const util::Bytes& script = coinbase.outputs()[*output].script_pubkey;
    return std::equal(expected.begin(), expected.end(), script.begin() + primitives::WITNESS_COMMITMENT_PREFIX.size());
}

} // namespace

ShortIdKey ComputeShortIdKey(const primitives::BlockHeader& header, uint64_t nonce)
{
    uint8_t nonce_bytes[8];
    util::WriteLE64(nonce_bytes, nonce);
    crypto::Sha256 sha;
    sha.Write(primitives::EncodeBlockHeader(header));
    sha.Write(nonce_bytes);
    const auto digest = sha.Finalize();
    return {util::ReadLE64(digest.data()), util::ReadLE64(digest.data() + 8)};
}

uint64_t ShortTxId(const ShortIdKey& key, const primitives::Wtxid& wtxid)
{
    return crypto::SipHash256(key.k0, key.k1, wtxid.bytes()) & SHORT_ID_MASK;
}

CompactBlock CompactBlock::FromBlock(const primitives::Block& block, uint64_t nonce)
{
    assert(!block.txs.empty() && block.txs.size() <= MAX_COMPACT_BLOCK_TX_COUNT);
    CompactBlock compact;
    compact.header = block.header;
    compact.nonce = nonce;
    compact.prefilled.push_back({0, block.txs.front()});
    const ShortIdKey key = ComputeShortIdKey(block.header, nonce);
    compact.short_ids.reserve(block.txs.size() - 1);
    for (size_t i = 1; i < block.txs.size(); ++i) compact.short_ids.push_back(ShortTxId(key, block.txs[i]->wtxid()));
    return compact;
}

util::Bytes EncodeCompactBlock(const CompactBlock& block)
{
    assert(block.BlockTxCount() <= MAX_COMPACT_BLOCK_TX_COUNT);
    util::Bytes out;
    util::ByteWriter w(out);
    primitives::SerializeBlockHeader(w, block.header);
    w.WriteU64LE(block.nonce);
    w.WriteCompactSize(block.short_ids.size());
    for (const uint64_t id : block.short_ids) {
        uint8_t bytes[8];
        util::WriteLE64(bytes, id);
        w.WriteBytes(util::ByteSpan(bytes, SHORT_ID_SIZE));
    }
    w.WriteCompactSize(block.prefilled.size());
    std::optional<uint16_t> previous;
    for (const PrefilledTransaction& prefilled : block.prefilled) {
        WriteDifferentialIndex(w, previous, prefilled.index);
        primitives::SerializeTransaction(w, *prefilled.tx, primitives::TxSerialization::WITH_WITNESS);
    }
    return out;
}

util::Result<CompactBlock> DecodeCompactBlock(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    CompactBlock block;
    if (std::optional<primitives::BlockHeader> header = primitives::ReadBlockHeader(r)) block.header = *header;
    block.nonce = r.ReadU64LE();
    // BIP152 positions are 16-bit: short ids and prefilled transactions
    // together may not address more (Bitcoin Core: "indexes overflowed 16 bits").
    block.short_ids.resize(ReadListCount(r, MAX_COMPACT_BLOCK_TX_COUNT, SHORT_ID_SIZE, "short ids"));
    for (uint64_t& id : block.short_ids) {
        const util::ByteSpan bytes = r.ReadBytes(SHORT_ID_SIZE);
        if (r.failed()) break;
        id = uint64_t{util::ReadLE32(bytes.data())} | uint64_t{util::ReadLE16(bytes.data() + 4)} << 32;
    }
    const size_t prefilled_count = ReadListCount(r, MAX_COMPACT_BLOCK_TX_COUNT - block.short_ids.size(),
                                                 MIN_PREFILLED_SIZE, "prefilled transactions after the short ids");
    block.prefilled.reserve(prefilled_count);
    std::optional<uint16_t> previous;
    for (size_t i = 0; i < prefilled_count && !r.failed(); ++i) {
        PrefilledTransaction prefilled;
        prefilled.index = ReadDifferentialIndex(r, previous, "prefilled transaction");
        prefilled.tx = ReadTransactionRef(r);
        if (r.failed()) break;
        block.prefilled.push_back(std::move(prefilled));
    }
    return FinishPayload(r, "cmpctblock message", std::move(block));
}

util::Bytes EncodeBlockTransactionsRequest(const BlockTransactionsRequest& request)
{
    util::Bytes out;
    out.reserve(primitives::Uint256::SIZE + util::CompactSizeLength(request.indexes.size()) + request.indexes.size());
    util::ByteWriter w(out);
    w.WriteBytes(request.block_hash.span());
    w.WriteCompactSize(request.indexes.size());
    std::optional<uint16_t> previous;
    for (const uint16_t index : request.indexes) WriteDifferentialIndex(w, previous, index);
    return out;
}

util::Result<BlockTransactionsRequest> DecodeBlockTransactionsRequest(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    BlockTransactionsRequest request;
    ReadHash(r, request.block_hash);
    request.indexes.resize(ReadListCount(r, MAX_REQUEST_INDEXES, 1, "indexes"));
    std::optional<uint16_t> previous;
    for (uint16_t& index : request.indexes) {
        index = ReadDifferentialIndex(r, previous, "requested transaction");
        if (r.failed()) break;
    }
    return FinishPayload(r, "getblocktxn message", std::move(request));
}

util::Bytes EncodeBlockTransactions(const BlockTransactions& response)
{
    util::Bytes out;
    util::ByteWriter w(out);
    w.WriteBytes(response.block_hash.span());
    w.WriteCompactSize(response.txs.size());
    for (const primitives::TransactionRef& tx : response.txs) {
        primitives::SerializeTransaction(w, *tx, primitives::TxSerialization::WITH_WITNESS);
    }
    return out;
}

util::Result<BlockTransactions> DecodeBlockTransactions(util::ByteSpan payload)
{
    util::SpanReader r(payload);
    BlockTransactions response;
    ReadHash(r, response.block_hash);
    const size_t count = ReadListCount(r, util::MAX_SIZE, MIN_TX_SIZE, "transactions");
    response.txs.reserve(count);
    for (size_t i = 0; i < count && !r.failed(); ++i) {
        primitives::TransactionRef tx = ReadTransactionRef(r);
        if (!tx) break;
        response.txs.push_back(std::move(tx));
    }
    return FinishPayload(r, "blocktxn message", std::move(response));
}

util::Result<BlockTransactions> BuildBlockTransactions(const primitives::Block& block,
                                                       const BlockTransactionsRequest& request)
{
    BlockTransactions response;
    response.block_hash = request.block_hash;
    response.txs.reserve(request.indexes.size());
    for (const uint16_t index : request.indexes) {
        if (index >= block.txs.size()) return util::Error{"getblocktxn with out-of-bounds tx indices"};
        response.txs.push_back(block.txs[index]);
    }
    return response;
}

ReadOutcome PartiallyDownloadedBlock::Init(const CompactBlock& compact,
                                           std::span<const primitives::TransactionRef> candidates)
{
    if (m_initialized) return Invalid("compact block already initialized");
    if (compact.header.bits == 0) return Invalid("compact block with a null header");
    const size_t count = compact.BlockTxCount();
    if (count == 0) return Invalid("compact block without transactions");
    if (count > MAX_COMPACT_BLOCK_TXS || count > MAX_COMPACT_BLOCK_TX_COUNT) {
        return Invalid("compact block with " + std::to_string(count) + " transactions");
    }

    std::vector<primitives::TransactionRef> txs(count);
    for (size_t i = 0; i < compact.prefilled.size(); ++i) {
        const PrefilledTransaction& prefilled = compact.prefilled[i];
        if (!prefilled.tx || (prefilled.tx->inputs().empty() && prefilled.tx->outputs().empty())) {
            return Invalid("compact block with an empty prefilled transaction");
        }
        if (i > 0 && prefilled.index <= compact.prefilled[i - 1].index) {
            return Invalid("compact block with prefilled indexes out of order");
        }
        // Every position before this one is prefilled or has a short id.
        if (prefilled.index > compact.short_ids.size() + i) {
            return Invalid("compact block with prefilled index " + std::to_string(prefilled.index) + " past its " +
                           std::to_string(count) + " transactions");
        }
        txs[prefilled.index] = prefilled.tx;
    }

    // (short id, position) sorted by short id: lookups in log time, duplicates
    // adjacent, and no hash table a peer could flood with chosen ids.
    std::vector<std::pair<uint64_t, uint16_t>> slots;
    slots.reserve(compact.short_ids.size());
    size_t position = 0;
    for (const uint64_t id : compact.short_ids) {
        while (txs[position]) ++position;
        slots.emplace_back(id, static_cast<uint16_t>(position++));
    }
    std::sort(slots.begin(), slots.end());
    const auto duplicate = std::adjacent_find(slots.begin(), slots.end(),
                                              [](const auto& a, const auto& b) { return a.first == b.first; });
    if (duplicate != slots.end()) return Failed("compact block with duplicate short ids");

    // BIP152: a short id two different candidates match is left for getblocktxn.
    const ShortIdKey key = ComputeShortIdKey(compact.header, compact.nonce);
    std::vector<bool> matched(count);
    size_t matches = 0;
    for (const primitives::TransactionRef& tx : candidates) {
        if (!tx) continue;
        const uint64_t id = ShortTxId(key, tx->wtxid());
        const auto it = std::lower_bound(slots.begin(), slots.end(), std::pair<uint64_t, uint16_t>{id, 0});
        if (it == slots.end() || it->first != id) continue;
        primitives::TransactionRef& slot = txs[it->second];
        if (!matched[it->second]) {
            matched[it->second] = true;
            slot = tx;
            ++matches;
        } else if (slot && slot->wtxid() != tx->wtxid()) {
            slot.reset();
            --matches;
        }
        if (matches == slots.size()) break;
    }

    m_initialized = true;
    m_header = compact.header;
    m_hash = compact.header.GetHash();
    m_txs = std::move(txs);
    m_candidate_matches = matches;
    return {};
}

std::vector<uint16_t> PartiallyDownloadedBlock::MissingIndexes() const
{
    std::vector<uint16_t> missing;
    for (size_t i = 0; i < m_txs.size(); ++i) {
        if (!m_txs[i]) missing.push_back(static_cast<uint16_t>(i));
    }
    return missing;
}

ReadOutcome PartiallyDownloadedBlock::Fill(const BlockTransactions& missing, primitives::Block& block)
{
    if (!m_initialized) return Invalid("blocktxn for a compact block not initialized or already filled");
    if (missing.block_hash != m_hash) {
        return Invalid("blocktxn for block " + missing.block_hash.ToHex() + ", expected " + m_hash.ToHex());
    }
    std::vector<primitives::TransactionRef> txs = std::move(m_txs);
    m_txs.clear();
    m_initialized = false;

    size_t next = 0;
    for (primitives::TransactionRef& tx : txs) {
        if (tx) continue;
        if (next == missing.txs.size() || !missing.txs[next]) {
            return Invalid("blocktxn with too few transactions (" + std::to_string(missing.txs.size()) + ")");
        }
        tx = missing.txs[next++];
    }
    if (next != missing.txs.size()) {
        return Invalid("blocktxn with " + std::to_string(missing.txs.size()) + " transactions for " +
                       std::to_string(next) + " missing");
    }

    primitives::Block result{m_header, std::move(txs)};
    bool mutated = false;
    if (primitives::BlockMerkleRoot(result, &mutated) != m_header.merkle_root || mutated) {
        return Failed("rebuilt block does not match its merkle root (short id collision?)");
    }
    if (!WitnessCommitmentMatches(result)) {
        return Failed("rebuilt block does not match its witness commitment (short id collision?)");
    }
    block = std::move(result);
    return {};
}

} // namespace net
