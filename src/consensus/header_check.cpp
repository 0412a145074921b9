#include <consensus/header_check.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace consensus {

std::string RejectReason(HeaderCheckError error, const primitives::BlockHeader& header)
{
    switch (error) {
    case HeaderCheckError::NONE: return "";
    case HeaderCheckError::HIGH_HASH: return "high-hash";
    case HeaderCheckError::BAD_DIFFBITS: return "bad-diffbits";
    case HeaderCheckError::TIME_TOO_OLD: return "time-too-old";
    case HeaderCheckError::TIME_TIMEWARP_ATTACK: return "time-timewarp-attack";
    case HeaderCheckError::TIME_TOO_NEW: return "time-too-new";
    case HeaderCheckError::BAD_VERSION: {
        char text[32];
        std::snprintf(text, sizeof(text), "bad-version(0x%08x)", static_cast<uint32_t>(header.version));
        return text;
    }
    }
    return "";
}

int64_t MedianTimePast(const HeaderInfo& last, const AncestorView& chain)
{
    std::array<int64_t, MEDIAN_TIME_SPAN> times{};
    int count = 0;
    times[count++] = last.time;
    for (int height = last.height - 1; height >= 0 && count < MEDIAN_TIME_SPAN; --height) {
        times[count++] = chain.Ancestor(height).time;
    }
    std::sort(times.begin(), times.begin() + count);
    return times[count / 2];
}

HeaderCheckError CheckBlockHeader(const primitives::BlockHeader& header, const Params& params)
{
    if (!CheckProofOfWork(header.GetHash(), header.bits, params)) return HeaderCheckError::HIGH_HASH;
    return HeaderCheckError::NONE;
}

HeaderCheckError ContextualCheckBlockHeader(const primitives::BlockHeader& header, const HeaderInfo& parent,
                                            const AncestorView& chain, int64_t now, const Params& params)
{
    const int height = parent.height + 1;
    const int64_t time = header.time;
    if (header.bits != NextWorkRequired(parent, chain, time, params)) return HeaderCheckError::BAD_DIFFBITS;

    if (time <= MedianTimePast(parent, chain)) return HeaderCheckError::TIME_TOO_OLD;
    // BIP94: the first block of a period may not be dated far before its
    // parent, which would let a miner stretch the next period's timespan.
    if (params.enforce_bip94 && height % params.DifficultyAdjustmentInterval() == 0 &&
        time < parent.time - MAX_TIMEWARP) {
        return HeaderCheckError::TIME_TIMEWARP_ATTACK;
    }
    if (time > now + MAX_FUTURE_BLOCK_TIME) return HeaderCheckError::TIME_TOO_NEW;

    // Version 2, 3 and 4 became mandatory with BIP34, BIP66 and BIP65.
    if ((header.version < 2 && height >= params.bip34_height) || (header.version < 3 && height >= params.bip66_height) ||
        (header.version < 4 && height >= params.bip65_height)) {
        return HeaderCheckError::BAD_VERSION;
    }
    return HeaderCheckError::NONE;
}

} // namespace consensus
