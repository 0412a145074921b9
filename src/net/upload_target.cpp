#include <net/upload_target.h>

namespace net {
namespace {

// A day of blocks at most this big each (MAX_BLOCK_SERIALIZED_SIZE).
constexpr uint64_t MAX_BLOCK_SERIALIZED_SIZE = 4'000'000;
constexpr uint64_t RESERVE = UploadTarget::TIMEFRAME_SECONDS / 600 * MAX_BLOCK_SERIALIZED_SIZE;

} // namespace

void UploadTarget::Roll(int64_t now) const
{
    if (m_cycle_start == 0 || now >= m_cycle_start + TIMEFRAME_SECONDS) {
        m_cycle_start = now;
        m_sent_in_cycle = 0;
    }
}

void UploadTarget::Record(uint64_t bytes, int64_t now)
{
    std::lock_guard lock(m_mutex);
    Roll(now);
    m_sent_in_cycle += bytes;
}

bool UploadTarget::ReachedLocked(bool historical) const
{
    if (m_target == 0) return false;
    if (historical) return RESERVE >= m_target || m_sent_in_cycle >= m_target - RESERVE;
    return m_sent_in_cycle >= m_target;
}

bool UploadTarget::Reached(bool historical, int64_t now) const
{
    std::lock_guard lock(m_mutex);
    Roll(now);
    return ReachedLocked(historical);
}

UploadTarget::Status UploadTarget::Get(int64_t now) const
{
    std::lock_guard lock(m_mutex);
    Roll(now);
    Status status;
    status.target = m_target;
    status.target_reached = ReachedLocked(false);
    status.serve_historical_blocks = !ReachedLocked(true);
    if (m_target != 0) {
        status.bytes_left_in_cycle = m_sent_in_cycle >= m_target ? 0 : m_target - m_sent_in_cycle;
        status.time_left_in_cycle = m_cycle_start + TIMEFRAME_SECONDS - now;
    }
    return status;
}

} // namespace net
