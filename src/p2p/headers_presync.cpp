#include <p2p/headers_presync.h>

#include <consensus/pow.h>
#include <crypto/siphash.h>

namespace p2p {
namespace {

// More headers than any real chain could have by now: a peer feeding an
// endless presync is cut off (a commitment every 600 headers keeps memory
// at 8 bytes per period even so).
constexpr int MAX_PRESYNC_HEADERS = 20'000'000;

} // namespace

HeadersPresync::HeadersPresync(const consensus::Params& params, const ChainStart& start,
                               const primitives::ArithUint256& minimum_work, uint64_t salt)
    : m_params(params), m_start(start), m_minimum_work(minimum_work), m_salt(salt)
{
    m_presync = Cursor{start.hash, start.height, start.chain_work, start.bits, start.time, start.period_start_time};
}

const primitives::BlockHash& HeadersPresync::NextLocatorStart() const
{
    return m_phase == Phase::REDOWNLOAD ? m_redownload.last_hash : m_presync.last_hash;
}

uint64_t HeadersPresync::Commitment(const primitives::BlockHash& hash) const
{
    return crypto::SipHash256(m_salt, ~m_salt, std::span<const uint8_t, 32>(hash.data(), 32));
}

std::string HeadersPresync::Advance(Cursor& cursor, const primitives::BlockHeader& header) const
{
    if (header.prev_block != cursor.last_hash) return "non-continuous headers sequence";
    const primitives::BlockHash hash = header.GetHash();
    if (!consensus::CheckProofOfWork(hash, header.bits, m_params)) return "high-hash";
    const int height = cursor.height + 1;
    // Difficulty may change only as the retarget rules allow (networks with
    // the minimum-difficulty exception may change it at any block).
    if (!m_params.pow_allow_min_difficulty_blocks) {
        const int64_t interval = m_params.DifficultyAdjustmentInterval();
        if (height % interval == 0) {
            const consensus::HeaderInfo last{cursor.height, cursor.time, cursor.bits};
            const consensus::HeaderInfo first{static_cast<int>(height - interval), cursor.period_start_time, cursor.bits};
            if (header.bits != consensus::CalculateNextWorkRequired(last, first, m_params)) return "bad-diffbits";
        } else if (header.bits != cursor.bits) {
            return "bad-diffbits";
        }
    }
    cursor.last_hash = hash;
    cursor.height = height;
    cursor.work += consensus::BlockProof(header.bits);
    cursor.bits = header.bits;
    cursor.time = header.time;
    if (height % m_params.DifficultyAdjustmentInterval() == 0) cursor.period_start_time = header.time;
    return "";
}

void HeadersPresync::BeginRedownload()
{
    m_phase = Phase::REDOWNLOAD;
    m_redownload = Cursor{m_start.hash, m_start.height, m_start.chain_work, m_start.bits, m_start.time,
                          m_start.period_start_time};
    m_buffer.clear();
}

HeadersPresync::Step HeadersPresync::Fail(std::string reason)
{
    m_phase = Phase::FAILED;
    m_commitments.clear();
    m_buffer.clear();
    Step step;
    step.error = std::move(reason);
    return step;
}

HeadersPresync::Step HeadersPresync::Process(std::span<const primitives::BlockHeader> headers, bool full)
{
    Step step;
    if (m_phase == Phase::PRESYNC) {
        for (const auto& header : headers) {
            if (auto error = Advance(m_presync, header); !error.empty()) return Fail(error);
            if (m_presync.height % COMMITMENT_PERIOD == 0) m_commitments.push_back(Commitment(m_presync.last_hash));
            if (m_presync.height - m_start.height > MAX_PRESYNC_HEADERS) return Fail("header chain too long");
        }
        if (m_presync.work >= m_minimum_work) {
            BeginRedownload();
            step.request_more = true;
        } else if (full) {
            step.request_more = true;
        } else {
            m_phase = Phase::DONE; // the whole chain has too little work: keep nothing
            m_commitments.clear();
        }
        return step;
    }
    if (m_phase != Phase::REDOWNLOAD) return step;
    const int first_period = m_start.height / COMMITMENT_PERIOD;
    for (const auto& header : headers) {
        if (m_phase == Phase::DONE) { // past the measured chain: the normal path checks these
            step.to_store.push_back(header);
            continue;
        }
        if (auto error = Advance(m_redownload, header); !error.empty()) return Fail(error);
        m_buffer.push_back(header);
        const int height = m_redownload.height;
        if (height % COMMITMENT_PERIOD == 0) {
            const size_t index = static_cast<size_t>(height / COMMITMENT_PERIOD - first_period - 1);
            if (index >= m_commitments.size() || m_commitments[index] != Commitment(m_redownload.last_hash)) {
                return Fail("redownloaded headers differ from the presynced chain");
            }
            step.to_store.insert(step.to_store.end(), m_buffer.begin(), m_buffer.end());
            m_buffer.clear();
        }
        if (height == m_presync.height) {
            step.to_store.insert(step.to_store.end(), m_buffer.begin(), m_buffer.end());
            m_buffer.clear();
            m_commitments.clear();
            m_phase = Phase::DONE;
        }
    }
    if (m_phase == Phase::REDOWNLOAD) {
        if (!full) return Fail("redownload ended before the presynced height");
        step.request_more = true;
    }
    return step;
}

} // namespace p2p
