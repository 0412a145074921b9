#include <consensus/signet.h>

#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <script/interpreter.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_checker.h>
#include <script/verify_flags.h>
#include <util/serialize.h>

#include <algorithm>

namespace consensus {
namespace {

// Takes the solution out of the commitment script: the first push that
// starts with SIGNET_HEADER and has more after it keeps only the header. The
// script is re-encoded push by push (as Core does), and stops at the first
// operation that does not parse. Returns the solution, or nullopt if none.
std::optional<util::Bytes> FetchAndClearSolution(util::Bytes& script)
{
    util::Bytes replacement;
    std::optional<util::Bytes> solution;
    size_t pos = 0;
    script::Opcode op;
    util::ByteSpan data;
    while (script::GetScriptOp(script, pos, op, &data)) {
        if (data.empty()) {
            replacement.push_back(op);
            continue;
        }
        if (!solution && data.size() > SIGNET_HEADER.size() &&
            std::equal(SIGNET_HEADER.begin(), SIGNET_HEADER.end(), data.begin())) {
            solution = util::Bytes(data.begin() + SIGNET_HEADER.size(), data.end());
            data = data.first(SIGNET_HEADER.size());
        }
        script::AppendPush(replacement, data);
    }
    if (solution) script = std::move(replacement);
    return solution;
}

} // namespace

std::optional<SignetTxs> CreateSignetTxs(const primitives::Block& block, util::ByteSpan challenge)
{
    if (block.txs.empty()) return std::nullopt;
    const auto commitment_index = primitives::FindWitnessCommitment(block);
    if (!commitment_index) return std::nullopt;

    SignetTxs txs;
    primitives::MutableTransaction coinbase = block.txs[0]->fields();
    const auto solution = FetchAndClearSolution(coinbase.vout[*commitment_index].script_pubkey);
    primitives::MutableTransaction& to_sign = txs.to_sign;
    to_sign.version = 0;
    to_sign.vin.resize(1);
    to_sign.vin[0].sequence = 0;
    to_sign.vout.push_back({primitives::Amount{0}, {script::OP_RETURN}});
    if (solution) {
        util::SpanReader reader(*solution);
        to_sign.vin[0].script_sig = reader.ReadVarBytes();
        const uint64_t items = reader.ReadCompactSize();
        for (uint64_t i = 0; i < items && reader.error().empty(); ++i) {
            to_sign.vin[0].witness.stack.push_back(reader.ReadVarBytes());
        }
        if (!reader.error().empty() || reader.remaining() != 0) return std::nullopt;
    }

    // The block as committed to: its coinbase without the solution.
    std::vector<primitives::Uint256> leaves;
    leaves.push_back(primitives::Transaction(coinbase).txid());
    for (size_t i = 1; i < block.txs.size(); ++i) leaves.push_back(block.txs[i]->txid());
    const primitives::Uint256 merkle_root = primitives::ComputeMerkleRoot(leaves);
    util::Bytes block_data;
    util::ByteWriter w(block_data);
    w.WriteI32LE(block.header.version);
    w.WriteBytes(block.header.prev_block.span());
    w.WriteBytes(merkle_root.span());
    w.WriteU32LE(block.header.time);

    primitives::MutableTransaction& to_spend = txs.to_spend;
    to_spend.version = 0;
    to_spend.vin.resize(1);
    to_spend.vin[0].prevout = primitives::OutPoint{primitives::Txid(), 0xffffffff};
    to_spend.vin[0].sequence = 0;
    to_spend.vin[0].script_sig = {script::OP_0};
    script::AppendPush(to_spend.vin[0].script_sig, block_data);
    to_spend.vout.push_back({primitives::Amount{0}, util::Bytes(challenge.begin(), challenge.end())});
    to_sign.vin[0].prevout = primitives::OutPoint{primitives::Transaction(to_spend).txid(), 0};
    return txs;
}

bool CheckSignetBlockSolution(const primitives::Block& block, const Params& params)
{
    if (!params.signet_blocks || block.header.prev_block.IsNull()) return true;
    const auto txs = CreateSignetTxs(block, params.signet_challenge);
    if (!txs) return false;
    const primitives::TxOut& spent = txs->to_spend.vout[0];
    const script::PrecomputedTxData precomputed(txs->to_sign, {spent});
    const script::TransactionSignatureChecker checker(txs->to_sign, 0, spent.value, precomputed);
    constexpr uint32_t FLAGS = script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS |
                               script::SCRIPT_VERIFY_DERSIG | script::SCRIPT_VERIFY_NULLDUMMY;
    return script::VerifyScript(txs->to_sign.vin[0].script_sig, spent.script_pubkey, &txs->to_sign.vin[0].witness,
                                FLAGS, checker) == script::ScriptError::OK;
}

} // namespace consensus
