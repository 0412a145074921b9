// Merkle roots of transaction ids, with detection of the CVE-2012-2459 mutation.
#ifndef UTXO_PRIMITIVES_MERKLE_H
#define UTXO_PRIMITIVES_MERKLE_H

#include <primitives/block.h>
#include <primitives/uint256.h>

#include <vector>

namespace primitives {

// Bitcoin's merkle root: pairs hashed with double SHA-256, an odd last entry
// paired with itself. Empty input gives zero. When `mutated` is given it is set
// when some level has two equal adjacent entries: a block whose transaction list
// repeats a tail can then have the same root as a different, valid block
// (CVE-2012-2459), so such a block must be rejected as mutated, not as invalid.
Uint256 ComputeMerkleRoot(std::vector<Uint256> hashes, bool* mutated = nullptr);

// Root over the txids.
Uint256 BlockMerkleRoot(const Block& block, bool* mutated = nullptr);
// BIP141 root over the wtxids, with the coinbase's taken as zero.
Uint256 BlockWitnessMerkleRoot(const Block& block, bool* mutated = nullptr);

} // namespace primitives

#endif // UTXO_PRIMITIVES_MERKLE_H
