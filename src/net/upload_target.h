// -maxuploadtarget: how many bytes the node may send in a 24-hour cycle.
// When the cycle's budget is spent, blocks are still relayed, but peers asking
// for historical blocks (older than a week) are turned away; the budget keeps
// a reserve of one day's worth of new blocks so that relaying them never
// runs out (Bitcoin Core's rules). Thread-safe; time is passed in.
#ifndef UTXO_NET_UPLOAD_TARGET_H
#define UTXO_NET_UPLOAD_TARGET_H

#include <cstdint>
#include <mutex>

namespace net {

class UploadTarget {
public:
    static constexpr int64_t TIMEFRAME_SECONDS = 24 * 60 * 60;

    struct Status {
        uint64_t target{0};
        bool target_reached{false};
        bool serve_historical_blocks{true};
        uint64_t bytes_left_in_cycle{0};
        int64_t time_left_in_cycle{0};
    };

    // 0: no limit.
    explicit UploadTarget(uint64_t target_bytes = 0) : m_target(target_bytes) {}

    void Record(uint64_t bytes, int64_t now);
    // Whether the budget is spent; `historical` asks about serving old
    // blocks, for which a day of new blocks is held back.
    bool Reached(bool historical, int64_t now) const;
    Status Get(int64_t now) const;

private:
    // Caller holds m_mutex: a cycle older than the timeframe starts over.
    void Roll(int64_t now) const;
    bool ReachedLocked(bool historical) const;

    const uint64_t m_target;
    mutable std::mutex m_mutex;
    mutable int64_t m_cycle_start{0};
    mutable uint64_t m_sent_in_cycle{0};
};

} // namespace net

#endif // UTXO_NET_UPLOAD_TARGET_H
