// BIP9 version-bits deployments: the state of a deployment for a block, from
// the signalling of the windows before it (with min_activation_height, as
// Bitcoin Core has it since taproot's "speedy trial").
//
// Per window of miner_confirmation_window blocks: DEFINED until the median
// time past of a window's last block reaches the start time, then STARTED;
// LOCKED_IN after a window in which at least rule_change_activation_threshold
// blocks signal; FAILED if the timeout passes first; ACTIVE from the first
// window after LOCKED_IN that starts at or above min_activation_height.
// Nothing is cached: the state is recomputed from genesis (stopping at a
// final state), which costs O(height) and is only used on chains that have a
// deployment (regtest). Pure over the block index; callers hold the chain lock.
#ifndef UTXO_CHAIN_VERSIONBITS_H
#define UTXO_CHAIN_VERSIONBITS_H

#include <chain/block_index.h>
#include <consensus/params.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace chain {

enum class ThresholdState { DEFINED, STARTED, LOCKED_IN, ACTIVE, FAILED };

// "defined", "started", "locked_in", "active", "failed" (getdeploymentinfo's words).
std::string_view ThresholdStateName(ThresholdState state);

// The top bits every version-bits block version carries (001 in the top three).
inline constexpr int32_t VERSIONBITS_TOP_BITS = 0x20000000;
inline constexpr uint32_t VERSIONBITS_TOP_MASK = 0xE0000000;

// Whether a block with this version signals for `bit`.
bool SignalsBit(int32_t version, int bit);

// The state for the block after `prev` (nullptr: for genesis).
ThresholdState StateFor(const BlockIndex* prev, const consensus::Bip9Deployment& deployment,
                        const consensus::Params& params);

// The height of the first block of the window in which that state began (0 for DEFINED).
int StateSinceHeight(const BlockIndex* prev, const consensus::Bip9Deployment& deployment,
                     const consensus::Params& params);

// Signalling in the window that contains `block`, up to and including it.
struct WindowStats {
    int period{0};
    int threshold{0};
    int elapsed{0};      // blocks of the window so far
    int count{0};        // of them signalling
    bool possible{false}; // the threshold can still be reached in this window
    std::string signalling; // one character per block, oldest first: '#' signals, '-' does not
};
WindowStats WindowStatsFor(const BlockIndex& block, const consensus::Bip9Deployment& deployment,
                           const consensus::Params& params);

// The version for a new block after `prev`: the top bits, and the bit of
// every deployment that is STARTED or LOCKED_IN for it.
int32_t ComputeBlockVersion(const BlockIndex* prev, const consensus::Params& params);

} // namespace chain

#endif // UTXO_CHAIN_VERSIONBITS_H
