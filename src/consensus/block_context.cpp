#include <consensus/block_context.h>

#include <consensus/header_check.h>
#include <consensus/tx_check.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <script/script_ops.h>

#include <algorithm>
#include <cstring>

namespace consensus {

std::string_view RejectReason(BlockContextError error)
{
    switch (error) {
    case BlockContextError::NONE: return "";
    case BlockContextError::BAD_TXNS_NONFINAL: return "bad-txns-nonfinal";
    case BlockContextError::BAD_CB_HEIGHT: return "bad-cb-height";
    case BlockContextError::BAD_WITNESS_NONCE_SIZE: return "bad-witness-nonce-size";
    case BlockContextError::BAD_WITNESS_MERKLE_MATCH: return "bad-witness-merkle-match";
    case BlockContextError::UNEXPECTED_WITNESS: return "unexpected-witness";
    case BlockContextError::BAD_BLK_WEIGHT: return "bad-blk-weight";
    }
    return "";
}

bool IsFinalTx(const primitives::Transaction& tx, int height, int64_t cutoff_time)
{
    const int64_t lock_time = tx.lock_time();
    if (lock_time == 0) return true;
    if (lock_time < (lock_time < primitives::LOCKTIME_THRESHOLD ? int64_t{height} : cutoff_time)) return true;
    // A lock time not yet reached is ignored when every input opts out.
    return std::all_of(tx.inputs().begin(), tx.inputs().end(),
                       [](const primitives::TxIn& in) { return in.sequence == primitives::TxIn::SEQUENCE_FINAL; });
}

namespace {

// BIP141: with a commitment, the coinbase witness is the 32-byte reserved
// value and the commitment must match; without one, no witness data at all.
BlockContextError CheckWitnessCommitment(const primitives::Block& block, bool segwit_active)
{
    if (segwit_active) {
        if (const auto index = primitives::FindWitnessCommitment(block)) {
            const auto& stack = block.txs[0]->inputs()[0].witness.stack;
            if (stack.size() != 1 || stack[0].size() != 32) return BlockContextError::BAD_WITNESS_NONCE_SIZE;
            // The witness tree cannot be mutated where the txid tree is not, so
            // its mutation flag is not needed.
            const auto expected = primitives::ComputeWitnessCommitment(primitives::BlockWitnessMerkleRoot(block), stack[0]);
            const auto& script = block.txs[0]->outputs()[*index].script_pubkey;
            if (std::memcmp(expected.data(), script.data() + primitives::WITNESS_COMMITMENT_PREFIX.size(), 32) != 0) {
                return BlockContextError::BAD_WITNESS_MERKLE_MATCH;
            }
            return BlockContextError::NONE;
        }
    }
    for (const auto& tx : block.txs) {
        if (tx->HasWitness()) return BlockContextError::UNEXPECTED_WITNESS;
    }
    return BlockContextError::NONE;
}

size_t BlockWeight(const primitives::Block& block)
{
    // 80-byte header and the transaction count, counted 4 times (no witness part).
    size_t weight = (80 + util::CompactSizeLength(block.txs.size())) * WITNESS_SCALE_FACTOR;
    for (const auto& tx : block.txs) weight += tx->Weight();
    return weight;
}

} // namespace

BlockContextError ContextualCheckBlock(const primitives::Block& block, const std::optional<HeaderInfo>& parent,
                                       const AncestorView& chain, const Params& params)
{
    const int height = parent ? parent->height + 1 : 0;
    // BIP113: with CSV active, lock times compare against the median time past.
    const bool csv_active = parent && height >= params.csv_height;
    const int64_t cutoff = csv_active ? MedianTimePast(*parent, chain) : int64_t{block.header.time};
    for (const auto& tx : block.txs) {
        if (!IsFinalTx(*tx, height, cutoff)) return BlockContextError::BAD_TXNS_NONFINAL;
    }

    if (height >= params.bip34_height) {
        util::Bytes expected;
        script::AppendInt(expected, height);
        const auto& script_sig = block.txs[0]->inputs()[0].script_sig;
        if (script_sig.size() < expected.size() || !std::equal(expected.begin(), expected.end(), script_sig.begin())) {
            return BlockContextError::BAD_CB_HEIGHT;
        }
    }

    const bool segwit_active = height >= params.segwit_height;
    if (auto error = CheckWitnessCommitment(block, segwit_active); error != BlockContextError::NONE) return error;

    // Only now: before the commitment is checked, an oversized coinbase
    // witness would make a valid header look invalid.
    if (BlockWeight(block) > MAX_BLOCK_WEIGHT) return BlockContextError::BAD_BLK_WEIGHT;
    return BlockContextError::NONE;
}

} // namespace consensus
