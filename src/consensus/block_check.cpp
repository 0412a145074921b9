#include <consensus/block_check.h>

#include <consensus/signet.h>
#include <primitives/merkle.h>
#include <script/sigops.h>
#include <util/serialize.h>

namespace consensus {

std::string RejectReason(const BlockCheckResult& result, const primitives::Block& block)
{
    switch (result.error) {
    case BlockCheckError::NONE: return "";
    case BlockCheckError::HEADER: return RejectReason(result.header_error, block.header);
    case BlockCheckError::BAD_TXNMRKLROOT: return "bad-txnmrklroot";
    case BlockCheckError::BAD_TXNS_DUPLICATE: return "bad-txns-duplicate";
    case BlockCheckError::BAD_BLK_LENGTH: return "bad-blk-length";
    case BlockCheckError::BAD_CB_MISSING: return "bad-cb-missing";
    case BlockCheckError::BAD_CB_MULTIPLE: return "bad-cb-multiple";
    case BlockCheckError::TRANSACTION: return std::string(RejectReason(result.tx_error));
    case BlockCheckError::BAD_BLK_SIGOPS: return "bad-blk-sigops";
    case BlockCheckError::BAD_SIGNET_BLKSIG: return "bad-signet-blksig";
    }
    return "";
}

unsigned LegacySigOpCount(const primitives::Transaction& tx)
{
    unsigned count = 0;
    for (const auto& in : tx.fields().vin) count += script::CountSigOps(in.script_sig, /*accurate=*/false);
    for (const auto& out : tx.fields().vout) count += script::CountSigOps(out.script_pubkey, /*accurate=*/false);
    return count;
}

namespace {

// The block's size without witness data, from the transactions' cached sizes.
size_t StrippedBlockSize(const primitives::Block& block)
{
    size_t size = 80 + util::CompactSizeLength(block.txs.size());
    for (const auto& tx : block.txs) size += tx->StrippedSize();
    return size;
}

BlockCheckResult Fail(BlockCheckError error) { return BlockCheckResult{error}; }

} // namespace

BlockCheckResult CheckBlock(const primitives::Block& block, const Params& params, bool check_pow, bool check_merkle_root)
{
    if (check_pow) {
        if (auto error = CheckBlockHeader(block.header, params); error != HeaderCheckError::NONE) {
            return BlockCheckResult{BlockCheckError::HEADER, error};
        }
        // BIP325, with the proof of work (a block the node builds has neither yet).
        if (!CheckSignetBlockSolution(block, params)) return Fail(BlockCheckError::BAD_SIGNET_BLKSIG);
    }
    if (check_merkle_root) {
        bool mutated = false;
        if (primitives::BlockMerkleRoot(block, &mutated) != block.header.merkle_root) {
            return Fail(BlockCheckError::BAD_TXNMRKLROOT);
        }
        // CVE-2012-2459: a repeated run of transactions leaves the root unchanged.
        if (mutated) return Fail(BlockCheckError::BAD_TXNS_DUPLICATE);
    }
    // Size limits, checked before any transaction is looked at.
    if (block.txs.empty() || block.txs.size() * WITNESS_SCALE_FACTOR > MAX_BLOCK_WEIGHT ||
        StrippedBlockSize(block) * WITNESS_SCALE_FACTOR > MAX_BLOCK_WEIGHT) {
        return Fail(BlockCheckError::BAD_BLK_LENGTH);
    }
    if (!block.txs[0]->IsCoinBase()) return Fail(BlockCheckError::BAD_CB_MISSING);
    for (size_t i = 1; i < block.txs.size(); ++i) {
        if (block.txs[i]->IsCoinBase()) return Fail(BlockCheckError::BAD_CB_MULTIPLE);
    }
    for (size_t i = 0; i < block.txs.size(); ++i) {
        if (auto error = CheckTransaction(*block.txs[i]); error != TxCheckError::NONE) {
            return BlockCheckResult{BlockCheckError::TRANSACTION, HeaderCheckError::NONE, error, i};
        }
    }
    unsigned sigops = 0;
    for (const auto& tx : block.txs) sigops += LegacySigOpCount(*tx);
    if (sigops * WITNESS_SCALE_FACTOR > MAX_BLOCK_SIGOPS_COST) return Fail(BlockCheckError::BAD_BLK_SIGOPS);
    return {};
}

} // namespace consensus
