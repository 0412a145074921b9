#include <primitives/merkle.h>

#include <crypto/sha256.h>

namespace primitives {

Uint256 ComputeMerkleRoot(std::vector<Uint256> hashes, bool* mutated)
{
    bool mutation = false;
    while (hashes.size() > 1) {
        if (mutated) {
            for (size_t pos = 0; pos + 1 < hashes.size(); pos += 2) {
                if (hashes[pos] == hashes[pos + 1]) mutation = true;
            }
        }
        if (hashes.size() & 1) hashes.push_back(hashes.back());
        // Uint256 is exactly 32 bytes, so the vector is one contiguous run of
        // 64-byte pairs; hash them all in place in one batch.
        static_assert(sizeof(Uint256) == 32);
        crypto::Sha256D64(hashes[0].data(), hashes[0].data(), hashes.size() / 2);
        hashes.resize(hashes.size() / 2);
    }
    if (mutated) *mutated = mutation;
    if (hashes.empty()) return Uint256();
    return hashes[0];
}

Uint256 BlockMerkleRoot(const Block& block, bool* mutated)
{
    std::vector<Uint256> leaves;
    leaves.reserve(block.txs.size());
    for (const TransactionRef& tx : block.txs) leaves.push_back(tx->txid().AsUint256());
    return ComputeMerkleRoot(std::move(leaves), mutated);
}

Uint256 BlockWitnessMerkleRoot(const Block& block, bool* mutated)
{
    std::vector<Uint256> leaves;
    leaves.reserve(block.txs.size());
    leaves.emplace_back(); // the coinbase's wtxid counts as zero
    for (size_t i = 1; i < block.txs.size(); ++i) leaves.push_back(block.txs[i]->wtxid().AsUint256());
    return ComputeMerkleRoot(std::move(leaves), mutated);
}

} // namespace primitives
