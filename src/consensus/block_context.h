// Block rules that need the block's place in the chain (Bitcoin Core's
// ContextualCheckBlock): transaction finality (BIP113), the height in the
// coinbase (BIP34), the witness commitment (BIP141) and the weight limit.
#ifndef UTXO_CONSENSUS_BLOCK_CONTEXT_H
#define UTXO_CONSENSUS_BLOCK_CONTEXT_H

#include <consensus/params.h>
#include <consensus/pow.h>
#include <primitives/block.h>
#include <primitives/transaction.h>

#include <optional>
#include <string_view>

namespace consensus {

enum class BlockContextError {
    NONE,
    BAD_TXNS_NONFINAL,        // bad-txns-nonfinal: a transaction's lock time is not yet reached
    BAD_CB_HEIGHT,            // bad-cb-height: coinbase does not start with the block height (BIP34)
    BAD_WITNESS_NONCE_SIZE,   // bad-witness-nonce-size: coinbase witness is not one 32-byte item
    BAD_WITNESS_MERKLE_MATCH, // bad-witness-merkle-match: commitment differs from the witness tree
    UNEXPECTED_WITNESS,       // unexpected-witness: witness data without a commitment (or before segwit)
    BAD_BLK_WEIGHT,           // bad-blk-weight: over MAX_BLOCK_WEIGHT
};

// Bitcoin Core's reject reason; "" for NONE. Static storage.
std::string_view RejectReason(BlockContextError error);

// True when the witness failures say nothing about the header (the same
// header with other witness data may be valid).
inline bool IsMutation(BlockContextError error)
{
    return error == BlockContextError::BAD_WITNESS_NONCE_SIZE || error == BlockContextError::BAD_WITNESS_MERKLE_MATCH ||
           error == BlockContextError::UNEXPECTED_WITNESS;
}

// A transaction is final in a block at `height` whose lock-time cut-off is
// `cutoff_time` when its lock time is zero or already passed (heights below
// LOCKTIME_THRESHOLD, times above), or every input's sequence is final.
bool IsFinalTx(const primitives::Transaction& tx, int height, int64_t cutoff_time);

// The block built on `parent` (nullopt for a genesis block), whose ancestors
// `chain` gives. Assumes CheckBlock passed (a coinbase exists).
[[nodiscard]] BlockContextError ContextualCheckBlock(const primitives::Block& block,
                                                     const std::optional<HeaderInfo>& parent,
                                                     const AncestorView& chain, const Params& params);

} // namespace consensus

#endif // UTXO_CONSENSUS_BLOCK_CONTEXT_H
