// Signet block solutions (BIP325): on a signet every block but the genesis
// block carries, in its witness commitment output, a solution to the
// network's challenge script over a digest of the block.
#ifndef UTXO_CONSENSUS_SIGNET_H
#define UTXO_CONSENSUS_SIGNET_H

#include <consensus/params.h>
#include <primitives/block.h>
#include <primitives/transaction.h>

#include <optional>

namespace consensus {

// The 4 bytes that open the solution's push in the commitment output.
inline constexpr std::array<uint8_t, 4> SIGNET_HEADER{0xec, 0xc7, 0xda, 0xa2};

// BIP325's virtual transactions: `to_spend` pays to the challenge from a
// scriptSig committing to the block (with the solution taken out of it);
// `to_sign` spends it with the solution's scriptSig and witness.
struct SignetTxs {
    primitives::MutableTransaction to_spend;
    primitives::MutableTransaction to_sign;
};

// Builds the two transactions; nullopt when the block has no witness
// commitment or the solution does not parse (exactly a scriptSig and a
// witness stack, nothing after).
std::optional<SignetTxs> CreateSignetTxs(const primitives::Block& block, util::ByteSpan challenge);

// True when `block` solves the network's challenge (always off signet, and
// for a block without a parent: only the genesis block gets that far).
// Uses P2SH, WITNESS, DERSIG and NULLDUMMY.
bool CheckSignetBlockSolution(const primitives::Block& block, const Params& params);

} // namespace consensus

#endif // UTXO_CONSENSUS_SIGNET_H
