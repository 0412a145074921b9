// The BIP141 witness commitment carried in a coinbase output.
#ifndef UTXO_PRIMITIVES_WITNESS_COMMITMENT_H
#define UTXO_PRIMITIVES_WITNESS_COMMITMENT_H

#include <primitives/block.h>
#include <primitives/uint256.h>

#include <array>
#include <optional>

namespace primitives {

// OP_RETURN, a 36-byte push, then this header and the 32-byte commitment.
inline constexpr std::array<uint8_t, 6> WITNESS_COMMITMENT_PREFIX{0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed};
inline constexpr size_t MINIMUM_WITNESS_COMMITMENT_SIZE = 38;

// Index of the coinbase output holding the commitment: the last output whose
// script starts with WITNESS_COMMITMENT_PREFIX and is at least 38 bytes (BIP141).
std::optional<size_t> FindWitnessCommitment(const Block& block);

// Double SHA-256 of the witness merkle root and the 32-byte witness reserved
// value (the coinbase's witness stack item).
Uint256 ComputeWitnessCommitment(const Uint256& witness_root, util::ByteSpan reserved_value);

// The output script committing to `commitment`.
util::Bytes WitnessCommitmentScript(const Uint256& commitment);

} // namespace primitives

#endif // UTXO_PRIMITIVES_WITNESS_COMMITMENT_H
