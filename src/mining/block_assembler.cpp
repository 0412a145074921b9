#include <mining/block_assembler.h>

#include <chain/versionbits.h>
#include <consensus/pow.h>
#include <consensus/subsidy.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <script/opcodes.h>
#include <script/script_ops.h>

#include <algorithm>
#include <limits>

namespace mining {

BlockTemplate CreateNewBlock(const chain::BlockIndex& tip, util::ByteSpan coinbase_script,
                             std::vector<primitives::TransactionRef> txs, primitives::Amount fees, int64_t now,
                             const consensus::Params& params)
{
    BlockTemplate result;
    result.height = tip.height + 1;
    result.coinbase_value = primitives::Amount{consensus::BlockSubsidy(result.height, params).sats() + fees.sats()};

    primitives::MutableTransaction coinbase;
    coinbase.vin.resize(1);
    // BIP34: the height first; OP_0 keeps the script at least two bytes long.
    script::AppendInt(coinbase.vin[0].script_sig, result.height);
    coinbase.vin[0].script_sig.push_back(script::OP_0);
    coinbase.vout.push_back({result.coinbase_value, util::Bytes(coinbase_script.begin(), coinbase_script.end())});

    primitives::Block& block = result.block;
    block.txs.push_back(std::make_shared<const primitives::Transaction>(std::move(coinbase)));
    for (auto& tx : txs) block.txs.push_back(std::move(tx));
    block.header.version = chain::ComputeBlockVersion(&tip, params);
    block.header.prev_block = tip.hash;
    block.header.time = static_cast<uint32_t>(std::max<int64_t>(tip.MedianTimePast() + 1, now));
    block.header.bits = consensus::NextWorkRequired(tip.Info(), chain::BranchView(tip), block.header.time, params);
    block.header.nonce = 0;
    RegenerateCommitments(block);
    return result;
}

void RegenerateCommitments(primitives::Block& block)
{
    primitives::MutableTransaction coinbase = block.txs[0]->fields();
    if (const auto at = primitives::FindWitnessCommitment(block)) {
        coinbase.vout.erase(coinbase.vout.begin() + static_cast<std::ptrdiff_t>(*at));
    }
    // The witness reserved value: 32 zero bytes, as every miner uses.
    coinbase.vin[0].witness.stack.assign(1, util::Bytes(32, 0));
    block.txs[0] = std::make_shared<const primitives::Transaction>(coinbase);
    const primitives::Uint256 commitment =
        primitives::ComputeWitnessCommitment(primitives::BlockWitnessMerkleRoot(block), coinbase.vin[0].witness.stack[0]);
    coinbase.vout.push_back({primitives::Amount{0}, primitives::WitnessCommitmentScript(commitment)});
    block.txs[0] = std::make_shared<const primitives::Transaction>(std::move(coinbase));
    block.header.merkle_root = primitives::BlockMerkleRoot(block);
}

bool SolveBlock(primitives::BlockHeader& header, uint64_t& max_tries, const consensus::Params& params)
{
    while (max_tries > 0 && header.nonce < std::numeric_limits<uint32_t>::max() &&
           !consensus::CheckProofOfWork(header.GetHash(), header.bits, params)) {
        ++header.nonce;
        --max_tries;
    }
    return max_tries > 0 && consensus::CheckProofOfWork(header.GetHash(), header.bits, params);
}

} // namespace mining
