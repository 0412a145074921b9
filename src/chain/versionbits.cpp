#include <chain/versionbits.h>

namespace chain {

namespace {

// The last block of the window before the one that holds the block after
// `prev` (nullptr when that block is in the first window).
const BlockIndex* PreviousWindowEnd(const BlockIndex* prev, int period)
{
    if (!prev) return nullptr;
    const int end_height = prev->height - ((prev->height + 1) % period);
    return end_height < 0 ? nullptr : prev->Ancestor(end_height);
}

int CountSignals(const BlockIndex* window_end, int period, int bit)
{
    int count = 0;
    for (int i = 0; i < period && window_end; ++i, window_end = window_end->parent) {
        count += SignalsBit(window_end->header.version, bit);
    }
    return count;
}

// The state after each window, from genesis up to the window ending at
// `last_end`; calls `on_window(end, state_after)` for each window end.
template <typename OnWindow>
ThresholdState Walk(const BlockIndex* last_end, const consensus::Bip9Deployment& deployment,
                    const consensus::Params& params, OnWindow on_window)
{
    ThresholdState state = ThresholdState::DEFINED;
    if (!last_end) return state;
    const int period = static_cast<int>(params.miner_confirmation_window);
    const int threshold = static_cast<int>(params.rule_change_activation_threshold);
    for (int end_height = period - 1; end_height <= last_end->height; end_height += period) {
        const BlockIndex* end = last_end->Ancestor(end_height);
        const int64_t median = end->MedianTimePast();
        switch (state) {
        case ThresholdState::DEFINED:
            if (median >= deployment.start_time) state = ThresholdState::STARTED;
            break;
        case ThresholdState::STARTED:
            if (CountSignals(end, period, deployment.bit) >= threshold) {
                state = ThresholdState::LOCKED_IN;
            } else if (median >= deployment.timeout) {
                state = ThresholdState::FAILED;
            }
            break;
        case ThresholdState::LOCKED_IN:
            if (end->height + 1 >= deployment.min_activation_height) state = ThresholdState::ACTIVE;
            break;
        case ThresholdState::ACTIVE:
        case ThresholdState::FAILED:
            break;
        }
        on_window(end, state);
        if (state == ThresholdState::ACTIVE || state == ThresholdState::FAILED) break; // final
    }
    return state;
}

} // namespace

std::string_view ThresholdStateName(ThresholdState state)
{
    switch (state) {
    case ThresholdState::DEFINED: return "defined";
    case ThresholdState::STARTED: return "started";
    case ThresholdState::LOCKED_IN: return "locked_in";
    case ThresholdState::ACTIVE: return "active";
    case ThresholdState::FAILED: return "failed";
    }
    return "unknown";
}

bool SignalsBit(int32_t version, int bit)
{
    const auto bits = static_cast<uint32_t>(version);
    return (bits & VERSIONBITS_TOP_MASK) == static_cast<uint32_t>(VERSIONBITS_TOP_BITS) && ((bits >> bit) & 1) != 0;
}

ThresholdState StateFor(const BlockIndex* prev, const consensus::Bip9Deployment& deployment,
                        const consensus::Params& params)
{
    const int period = static_cast<int>(params.miner_confirmation_window);
    return Walk(PreviousWindowEnd(prev, period), deployment, params, [](const BlockIndex*, ThresholdState) {});
}

int StateSinceHeight(const BlockIndex* prev, const consensus::Bip9Deployment& deployment,
                     const consensus::Params& params)
{
    const int period = static_cast<int>(params.miner_confirmation_window);
    int since = 0;
    ThresholdState previous = ThresholdState::DEFINED;
    Walk(PreviousWindowEnd(prev, period), deployment, params, [&](const BlockIndex* end, ThresholdState state) {
        if (state != previous) since = end->height + 1;
        previous = state;
    });
    return since;
}

WindowStats WindowStatsFor(const BlockIndex& block, const consensus::Bip9Deployment& deployment,
                           const consensus::Params& params)
{
    WindowStats stats;
    stats.period = static_cast<int>(params.miner_confirmation_window);
    stats.threshold = static_cast<int>(params.rule_change_activation_threshold);
    stats.elapsed = block.height % stats.period + 1;
    stats.signalling.assign(static_cast<size_t>(stats.elapsed), '-');
    const BlockIndex* at = &block;
    for (int i = stats.elapsed - 1; i >= 0 && at; --i, at = at->parent) {
        if (SignalsBit(at->header.version, deployment.bit)) {
            stats.signalling[static_cast<size_t>(i)] = '#';
            ++stats.count;
        }
    }
    stats.possible = stats.period - stats.threshold >= stats.elapsed - stats.count;
    return stats;
}

int32_t ComputeBlockVersion(const BlockIndex* prev, const consensus::Params& params)
{
    int32_t version = VERSIONBITS_TOP_BITS;
    for (const auto& deployment : params.bip9_deployments) {
        const ThresholdState state = StateFor(prev, deployment, params);
        if (state == ThresholdState::STARTED || state == ThresholdState::LOCKED_IN) {
            version |= static_cast<int32_t>(1U << deployment.bit);
        }
    }
    return version;
}

} // namespace chain
