// Fuzz target: block deserialization.
//
// The input is taken as one serialized block. Checked:
// - DecodeBlock with and without the segwit serialization never crashes, and a
//   decoded block re-encodes to exactly the input bytes;
// - the header is the first 80 bytes (DecodeBlockHeader reads the same one) and
//   the block hash is their double SHA-256;
// - every transaction's cached ids and sizes match a rebuild from its fields,
//   and the sizes add up to the input size;
// - BlockMerkleRoot and BlockWitnessMerkleRoot run without crashing and equal a
//   plain reference computation here, including the CVE-2012-2459 "mutated" flag;
// - the witness commitment lookup and consensus::CheckTransaction run on it.
#include "fuzz.h"

#include <consensus/tx_check.h>
#include <crypto/hash.h>
#include <primitives/block.h>
#include <primitives/merkle.h>
#include <primitives/transaction.h>
#include <primitives/witness_commitment.h>
#include <util/serialize.h>

#include <algorithm>
#include <vector>

namespace {

using primitives::Block;
using primitives::TxSerialization;
using primitives::Uint256;

bool SameBytes(util::ByteSpan a, util::ByteSpan b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// Merkle root the textbook way: hash pairs level by level, the odd last entry
// with itself; `mutated` when two entries of a pair are equal.
Uint256 ReferenceMerkleRoot(std::vector<Uint256> level, bool& mutated)
{
    mutated = false;
    if (level.empty()) return Uint256{};
    while (level.size() > 1) {
        std::vector<Uint256> next;
        for (size_t i = 0; i < level.size(); i += 2) {
            const Uint256& left = level[i];
            const Uint256& right = i + 1 < level.size() ? level[i + 1] : level[i];
            if (i + 1 < level.size() && left == right) mutated = true;
            next.emplace_back(crypto::Hash256(left.span(), right.span()));
        }
        level = std::move(next);
    }
    return level[0];
}

void CheckMerkleRoots(const Block& block)
{
    std::vector<Uint256> txids, wtxids;
    for (const auto& tx : block.txs) {
        txids.push_back(tx->txid().AsUint256());
        wtxids.push_back(wtxids.empty() ? Uint256{} : tx->wtxid().AsUint256());
    }
    bool mutated = false, expected_mutated = false;
    const Uint256 root = primitives::BlockMerkleRoot(block, &mutated);
    FUZZ_CHECK(root == ReferenceMerkleRoot(txids, expected_mutated));
    FUZZ_CHECK(mutated == expected_mutated);
    FUZZ_CHECK(primitives::BlockMerkleRoot(block) == root);

    const Uint256 witness_root = primitives::BlockWitnessMerkleRoot(block, &mutated);
    FUZZ_CHECK(witness_root == ReferenceMerkleRoot(wtxids, expected_mutated));
    FUZZ_CHECK(mutated == expected_mutated);
}

void CheckWitnessCommitment(const Block& block)
{
    const std::optional<size_t> index = primitives::FindWitnessCommitment(block);
    if (!index) return;
    FUZZ_CHECK(!block.txs.empty());
    const auto& outputs = block.txs[0]->outputs();
    FUZZ_CHECK(*index < outputs.size());
    const util::Bytes& script = outputs[*index].script_pubkey;
    FUZZ_CHECK(script.size() >= primitives::MINIMUM_WITNESS_COMMITMENT_SIZE);
    FUZZ_CHECK(std::equal(primitives::WITNESS_COMMITMENT_PREFIX.begin(), primitives::WITNESS_COMMITMENT_PREFIX.end(),
                          script.begin()));
    // Whatever the coinbase witness holds, computing the commitment must not crash.
    const auto& witness = block.txs[0]->inputs().empty() ? primitives::ScriptWitness{}
                                                          : block.txs[0]->inputs()[0].witness;
    const util::ByteSpan reserved = witness.stack.size() == 1 ? util::ByteSpan(witness.stack[0]) : util::ByteSpan{};
    const Uint256 commitment =
        primitives::ComputeWitnessCommitment(primitives::BlockWitnessMerkleRoot(block), reserved);
    const util::Bytes expected_script = primitives::WitnessCommitmentScript(commitment);
    FUZZ_CHECK(expected_script.size() == primitives::MINIMUM_WITNESS_COMMITMENT_SIZE);
}

void CheckDecoded(const Block& block, util::ByteSpan input, TxSerialization mode)
{
    FUZZ_CHECK(SameBytes(primitives::EncodeBlock(block, mode), input));
    FUZZ_CHECK(SameBytes(primitives::EncodeBlock(block, TxSerialization::WITH_WITNESS), input));

    const util::ByteSpan header_bytes = input.first(primitives::BlockHeader::SIZE);
    const auto header = primitives::DecodeBlockHeader(header_bytes);
    FUZZ_CHECK(header);
    FUZZ_CHECK(*header == block.header);
    FUZZ_CHECK(SameBytes(primitives::EncodeBlockHeader(block.header), header_bytes));
    FUZZ_CHECK(SameBytes(block.GetHash().span(), crypto::Hash256(header_bytes)));

    size_t total = primitives::BlockHeader::SIZE + util::CompactSizeLength(block.txs.size());
    for (const auto& tx : block.txs) {
        FUZZ_CHECK(tx != nullptr);
        if (mode == TxSerialization::NO_WITNESS) FUZZ_CHECK(!tx->HasWitness());
        const primitives::Transaction rebuilt(tx->fields());
        FUZZ_CHECK(rebuilt.txid() == tx->txid());
        FUZZ_CHECK(rebuilt.wtxid() == tx->wtxid());
        FUZZ_CHECK(rebuilt.TotalSize() == tx->TotalSize());
        FUZZ_CHECK(rebuilt.StrippedSize() == tx->StrippedSize());
        total += tx->TotalSize();
        const consensus::TxCheckError check = consensus::CheckTransaction(*tx);
        FUZZ_CHECK((check == consensus::TxCheckError::NONE) == consensus::RejectReason(check).empty());
    }
    FUZZ_CHECK(total == input.size());

    CheckMerkleRoots(block);
    CheckWitnessCommitment(block);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const util::ByteSpan input = fuzz::Input(data, size);
    const util::Result<Block> extended = primitives::DecodeBlock(input, TxSerialization::WITH_WITNESS);
    const util::Result<Block> legacy = primitives::DecodeBlock(input, TxSerialization::NO_WITNESS);
    if (extended) CheckDecoded(*extended, input, TxSerialization::WITH_WITNESS);
    if (legacy) CheckDecoded(*legacy, input, TxSerialization::NO_WITNESS);
    if (!extended) FUZZ_CHECK(!extended.error().empty());
    if (!legacy) FUZZ_CHECK(!legacy.error().empty());

    // A block without witness data reads the same both ways.
    if (extended) {
        const bool any_witness = std::any_of(extended->txs.begin(), extended->txs.end(),
                                             [](const auto& tx) { return tx->HasWitness(); });
        if (!any_witness) {
            FUZZ_CHECK(legacy);
            FUZZ_CHECK(legacy->txs.size() == extended->txs.size());
            for (size_t i = 0; i < legacy->txs.size(); ++i) {
                FUZZ_CHECK(legacy->txs[i]->fields() == extended->txs[i]->fields());
            }
        }
    }
    return 0;
}
