// Building blocks for the node to mine (Bitcoin Core's BlockAssembler, before
// there is a mempool): a coinbase paying the subsidy (plus the fees of any
// transactions given) to a script, the BIP34 height, the BIP141 witness
// commitment, and a header on the active tip with the required bits, a time
// after the median time past, and the version bits of the deployments in
// signalling (chain/versionbits.h).
#ifndef UTXO_MINING_BLOCK_ASSEMBLER_H
#define UTXO_MINING_BLOCK_ASSEMBLER_H

#include <chain/block_index.h>
#include <consensus/params.h>
#include <primitives/amount.h>
#include <primitives/block.h>
#include <util/byte_span.h>

#include <cstdint>
#include <vector>

namespace mining {

// Weight kept free for the header, the transaction count and the coinbase
// (Core v29's -blockreservedweight default); with no mempool, the weight of
// every block the node assembles as Core counts it.
inline constexpr int64_t BLOCK_RESERVED_WEIGHT = 8000;

struct BlockTemplate {
    primitives::Block block;
    int height{0};
    primitives::Amount coinbase_value{0};
};

// A block on `tip` holding `txs` after the coinbase. `fees` is added to the
// subsidy the coinbase claims (0 when the caller forfeits them, as
// generateblock does). `now` is the node's time in seconds.
BlockTemplate CreateNewBlock(const chain::BlockIndex& tip, util::ByteSpan coinbase_script,
                             std::vector<primitives::TransactionRef> txs, primitives::Amount fees, int64_t now,
                             const consensus::Params& params);

// Puts the witness commitment (and the coinbase's witness nonce) in line with
// the block's transactions, and the merkle root with the commitment.
void RegenerateCommitments(primitives::Block& block);

// Tries nonces until the hash meets the bits: true when found within
// `max_tries` (which counts down).
bool SolveBlock(primitives::BlockHeader& header, uint64_t& max_tries, const consensus::Params& params);

} // namespace mining

#endif // UTXO_MINING_BLOCK_ASSEMBLER_H
