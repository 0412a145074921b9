#include <consensus/pow.h>

namespace consensus {

using primitives::ArithUint256;

bool CheckProofOfWork(const primitives::BlockHash& hash, uint32_t bits, const Params& params)
{
    bool negative = false;
    bool overflow = false;
    const ArithUint256 target = ArithUint256::FromCompact(bits, &negative, &overflow);
    if (negative || overflow || target == ArithUint256(0) || target > ArithUint256::FromUint256(params.pow_limit)) {
        return false;
    }
    return ArithUint256::FromUint256(hash.AsUint256()) <= target;
}

uint32_t NextWorkRequired(const HeaderInfo& last, const AncestorView& chain, int64_t new_block_time,
                          const Params& params)
{
    const int64_t interval = params.DifficultyAdjustmentInterval();
    const uint32_t limit_bits = ArithUint256::FromUint256(params.pow_limit).ToCompact();
    if ((last.height + 1) % interval != 0) {
        if (!params.pow_allow_min_difficulty_blocks) return last.bits;
        // testnet3 (and testnet4 before BIP94 counts): a block more than 20
        // minutes after its parent may use the minimum difficulty.
        if (new_block_time > last.time + params.pow_target_spacing * 2) return limit_bits;
        // Otherwise the difficulty of the last block not mined under that exception.
        HeaderInfo block = last;
        while (block.height > 0 && block.height % interval != 0 && block.bits == limit_bits) {
            block = chain.Ancestor(block.height - 1);
        }
        return block.bits;
    }
    const HeaderInfo first = chain.Ancestor(static_cast<int>(last.height - (interval - 1)));
    return CalculateNextWorkRequired(last, first, params);
}

uint32_t CalculateNextWorkRequired(const HeaderInfo& last, const HeaderInfo& first, const Params& params)
{
    if (params.pow_no_retargeting) return last.bits;

    int64_t timespan = last.time - first.time;
    if (timespan < params.pow_target_timespan / 4) timespan = params.pow_target_timespan / 4;
    if (timespan > params.pow_target_timespan * 4) timespan = params.pow_target_timespan * 4;

    // BIP94 (testnet4): scale the period's first block's target, which the
    // minimum-difficulty exception can never lower, instead of the last one's.
    ArithUint256 target = ArithUint256::FromCompact(params.enforce_bip94 ? first.bits : last.bits);
    // Both fit in 32 bits: the timespan is clamped to 4 * 1,209,600 seconds.
    target *= static_cast<uint32_t>(timespan);
    target /= ArithUint256(static_cast<uint64_t>(params.pow_target_timespan));

    const ArithUint256 limit = ArithUint256::FromUint256(params.pow_limit);
    if (target > limit) target = limit;
    return target.ToCompact();
}

ArithUint256 BlockProof(uint32_t bits)
{
    bool negative = false;
    bool overflow = false;
    const ArithUint256 target = ArithUint256::FromCompact(bits, &negative, &overflow);
    if (negative || overflow || target == ArithUint256(0)) return ArithUint256(0);
    // 2^256 / (target + 1) does not fit 256 bits; ~target / (target + 1) + 1 is
    // the same number and does.
    return ~target / (target + ArithUint256(1)) + ArithUint256(1);
}

} // namespace consensus
