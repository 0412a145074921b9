// Header checks: proof of work on its own, then the rules that need the
// chain below the header (Bitcoin Core's CheckBlockHeader and
// ContextualCheckBlockHeader), with their reject reasons.
#ifndef UTXO_CONSENSUS_HEADER_CHECK_H
#define UTXO_CONSENSUS_HEADER_CHECK_H

#include <consensus/params.h>
#include <consensus/pow.h>
#include <primitives/block.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace consensus {

// A block's time may be at most this far ahead of the node's clock.
inline constexpr int64_t MAX_FUTURE_BLOCK_TIME = 2 * 60 * 60;
// BIP94: the first block of a period may be at most this much older than its parent.
inline constexpr int64_t MAX_TIMEWARP = 600;
// Median time past is taken over this many blocks.
inline constexpr int MEDIAN_TIME_SPAN = 11;

enum class HeaderCheckError {
    NONE,
    HIGH_HASH,            // high-hash: proof of work does not meet the bits
    BAD_DIFFBITS,         // bad-diffbits: bits differ from the retarget rules
    TIME_TOO_OLD,         // time-too-old: not after the median time past
    TIME_TIMEWARP_ATTACK, // time-timewarp-attack (BIP94)
    TIME_TOO_NEW,         // time-too-new: more than 2 hours in the future
    BAD_VERSION,          // bad-version(0x%08x): below what BIP34/66/65 require at this height
};

// Bitcoin Core's reject reason; for BAD_VERSION it includes the version, as
// "bad-version(0x00000001)". "" for NONE.
std::string RejectReason(HeaderCheckError error, const primitives::BlockHeader& header);

// Median of the timestamps of `last` and the up to 10 blocks before it.
int64_t MedianTimePast(const HeaderInfo& last, const AncestorView& chain);

// Context-free: the hash meets the header's own bits (within the limit).
[[nodiscard]] HeaderCheckError CheckBlockHeader(const primitives::BlockHeader& header, const Params& params);

// Rules against the chain: `parent` is the block the header builds on (its
// ancestors through `chain`); `now` is the node's adjusted time, the only
// non-chain input, passed in so the rule stays a pure function.
[[nodiscard]] HeaderCheckError ContextualCheckBlockHeader(const primitives::BlockHeader& header,
                                                          const HeaderInfo& parent, const AncestorView& chain,
                                                          int64_t now, const Params& params);

} // namespace consensus

#endif // UTXO_CONSENSUS_HEADER_CHECK_H
