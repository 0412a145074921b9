#include <primitives/witness_commitment.h>

#include <crypto/hash.h>

#include <algorithm>

namespace primitives {

std::optional<size_t> FindWitnessCommitment(const Block& block)
{
    if (block.txs.empty()) return std::nullopt;
    std::optional<size_t> found;
    const auto& outputs = block.txs[0]->outputs();
    for (size_t i = 0; i < outputs.size(); ++i) {
        const util::Bytes& script = outputs[i].script_pubkey;
        if (script.size() >= MINIMUM_WITNESS_COMMITMENT_SIZE &&
            std::equal(WITNESS_COMMITMENT_PREFIX.begin(), WITNESS_COMMITMENT_PREFIX.end(), script.begin())) {
            found = i;
        }
    }
    return found;
}

Uint256 ComputeWitnessCommitment(const Uint256& witness_root, util::ByteSpan reserved_value)
{
    return Uint256(crypto::Hash256(witness_root.span(), reserved_value));
}

util::Bytes WitnessCommitmentScript(const Uint256& commitment)
{
    util::Bytes script(MINIMUM_WITNESS_COMMITMENT_SIZE);
    std::copy(WITNESS_COMMITMENT_PREFIX.begin(), WITNESS_COMMITMENT_PREFIX.end(), script.begin());
    std::copy(commitment.begin(), commitment.end(), script.begin() + WITNESS_COMMITMENT_PREFIX.size());
    return script;
}

} // namespace primitives
