// Proof of work: does a header meet its target, what target must the next
// block carry (difficulty retargeting), and how much work a target is worth.
//
// Pure functions of headers and parameters (tier 1: no I/O, no clock). The
// chain below a new block is read through AncestorView, which the block index
// implements, so these rules do not depend on how the index is stored.
#ifndef UTXO_CONSENSUS_POW_H
#define UTXO_CONSENSUS_POW_H

#include <consensus/params.h>
#include <primitives/arith_uint256.h>
#include <primitives/uint256.h>

#include <cstdint>

namespace consensus {

// The fields of a block header that difficulty rules read.
struct HeaderInfo {
    int height;
    int64_t time;
    uint32_t bits;
};

// Read-only access to the active branch below a new block.
class AncestorView {
public:
    virtual ~AncestorView() = default;
    // The block at `height` on the branch; precondition: 0 <= height <= the
    // branch's tip height.
    virtual HeaderInfo Ancestor(int height) const = 0;
};

// True when `bits` decodes to a positive target within the network's limit
// and the hash, read as a 256-bit number, does not exceed it.
bool CheckProofOfWork(const primitives::BlockHash& hash, uint32_t bits, const Params& params);

// The nBits a block on top of `last` must carry, `new_block_time` being its
// timestamp (testnet3's 20-minute rule looks at it). Retargets at multiples of
// the adjustment interval (2016 blocks); in between the previous value holds,
// except for testnet3's minimum-difficulty exception.
uint32_t NextWorkRequired(const HeaderInfo& last, const AncestorView& chain, int64_t new_block_time,
                          const Params& params);

// The retarget itself: the target of `last` (BIP94: of the period's first
// block, `first.bits`) scaled by the period's actual timespan, clamped to a
// factor of 4 either way and to the network's limit.
uint32_t CalculateNextWorkRequired(const HeaderInfo& last, const HeaderInfo& first, const Params& params);

// Expected hashes to find a block at this target: 2^256 / (target + 1); zero
// for a target that does not decode (negative, zero or overflowing).
primitives::ArithUint256 BlockProof(uint32_t bits);

} // namespace consensus

#endif // UTXO_CONSENSUS_POW_H
