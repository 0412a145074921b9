#include <chain/script_check_queue.h>

#include <script/interpreter.h>
#include <script/signature_checker.h>
#include <util/logging.h>

#include <algorithm>
#include <cassert>
#include <string>

namespace chain {

script::ScriptError CheckInputScript(const TxScriptData& data, uint32_t input)
{
    const primitives::MutableTransaction& tx = data.tx->fields();
    const primitives::TxIn& in = tx.vin[input];
    const primitives::TxOut& spent = data.precomputed.spent_outputs[input];
    const script::TransactionSignatureChecker checker(tx, input, spent.value, data.precomputed);
    return script::VerifyScript(in.script_sig, spent.script_pubkey, &in.witness, data.flags, checker);
}

ScriptCheckQueue::ScriptCheckQueue(unsigned threads)
{
    const unsigned workers = std::clamp(threads, 1u, MAX_THREADS) - 1;
    m_workers.reserve(workers);
    try {
        for (unsigned i = 0; i < workers; ++i) m_workers.emplace_back([this, i] { WorkerLoop(i); });
    } catch (...) {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_work_cv.notify_all();
        for (auto& worker : m_workers) worker.join();
        throw;
    }
}

ScriptCheckQueue::~ScriptCheckQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_work_cv.notify_all();
    for (auto& worker : m_workers) worker.join();
}

size_t ScriptCheckQueue::ClaimLimit() const
{
    if (m_cancelled) return m_next;
    // The failing check itself has run; everything after it may be skipped.
    return std::min(m_checks.size(), m_failure_pos.load(std::memory_order_relaxed));
}

void ScriptCheckQueue::WorkerLoop(unsigned index)
{
    util::Logger::SetThreadName("scriptcheck." + std::to_string(index));
    std::vector<Check> batch;
    batch.reserve(MAX_BATCH);
    std::unique_lock lock(m_mutex);
    while (true) {
        m_work_cv.wait(lock, [&] { return m_stop || HasClaimableWork(); });
        if (m_stop) return;
        RunBatch(lock, batch);
    }
}

void ScriptCheckQueue::RunBatch(std::unique_lock<std::mutex>& lock, std::vector<Check>& batch)
{
    const size_t begin = m_next;
    const size_t waiting = ClaimLimit() - begin;
    const size_t count = std::clamp<size_t>(waiting / Threads(), 1, MAX_BATCH);
    batch.assign(m_checks.begin() + static_cast<std::ptrdiff_t>(begin),
                 m_checks.begin() + static_cast<std::ptrdiff_t>(begin + count));
    m_next = begin + count;
    ++m_in_flight;
    lock.unlock();

    // Checks run in ascending position, so the first failure in the batch is
    // its lowest and the rest can be skipped.
    size_t failed_pos = NO_FAILURE;
    script::ScriptError failed_error = script::ScriptError::OK;
    std::exception_ptr failed_exception;
    for (size_t k = 0; k < batch.size(); ++k) {
        const size_t pos = begin + k;
        // A lower failure is known: this check cannot change the result.
        if (pos > m_failure_pos.load(std::memory_order_relaxed)) break;
        try {
            failed_error = CheckInputScript(*batch[k].data, batch[k].input);
        } catch (...) {
            failed_error = script::ScriptError::UNKNOWN_ERROR;
            failed_exception = std::current_exception();
        }
        if (failed_error != script::ScriptError::OK) {
            failed_pos = pos;
            break;
        }
    }

    lock.lock();
    if (failed_pos < m_failure_pos.load(std::memory_order_relaxed)) {
        m_failure_pos.store(failed_pos, std::memory_order_relaxed);
        m_failure_error = failed_error;
        m_failure_exception = failed_exception;
    }
    if (--m_in_flight == 0) m_done_cv.notify_all();
}

ScriptCheckSession::ScriptCheckSession(ScriptCheckQueue& queue) : m_queue(queue), m_session_lock(queue.m_session_mutex)
{
}

ScriptCheckSession::~ScriptCheckSession()
{
    std::unique_lock lock(m_queue.m_mutex);
    m_queue.m_cancelled = true;
    m_queue.m_done_cv.wait(lock, [&] { return m_queue.m_in_flight == 0; });
    // Nothing of this session is referenced any more: reset for the next.
    m_queue.m_checks.clear();
    m_queue.m_next = 0;
    m_queue.m_cancelled = false;
    m_queue.m_failure_pos.store(ScriptCheckQueue::NO_FAILURE, std::memory_order_relaxed);
    m_queue.m_failure_error = script::ScriptError::OK;
    m_queue.m_failure_exception = nullptr;
}

void ScriptCheckSession::Add(uint32_t tx_index, primitives::TransactionRef tx,
                             std::vector<primitives::TxOut> spent_outputs, uint32_t flags)
{
    assert(!m_waited);
    assert(m_txs.empty() || m_txs.back()->tx_index < tx_index);
    assert(spent_outputs.size() == tx->inputs().size());
    // Hash outside the lock: workers keep checking meanwhile.
    const auto& fields = tx->fields();
    auto data = std::make_unique<const TxScriptData>(
        TxScriptData{std::move(tx), tx_index, flags, script::PrecomputedTxData(fields, std::move(spent_outputs))});
    const TxScriptData* added = m_txs.emplace_back(std::move(data)).get();
    const auto inputs = static_cast<uint32_t>(added->precomputed.spent_outputs.size());
    if (inputs == 0) return;
    {
        std::lock_guard lock(m_queue.m_mutex);
        for (uint32_t i = 0; i < inputs; ++i) m_queue.m_checks.push_back({added, i});
    }
    // Wake as many workers as there are new checks, not all of them for a
    // one-input transaction (a no-op for workers that are busy anyway).
    const size_t wake = std::min<size_t>(inputs, m_queue.m_workers.size());
    for (size_t i = 0; i < wake; ++i) m_queue.m_work_cv.notify_one();
}

bool ScriptCheckSession::FailureFound() const
{
    return m_queue.m_failure_pos.load(std::memory_order_relaxed) != ScriptCheckQueue::NO_FAILURE;
}

std::optional<ScriptCheckFailure> ScriptCheckSession::Wait()
{
    if (!m_waited) {
        std::vector<ScriptCheckQueue::Check> batch;
        batch.reserve(ScriptCheckQueue::MAX_BATCH);
        std::unique_lock lock(m_queue.m_mutex);
        while (m_queue.HasClaimableWork()) m_queue.RunBatch(lock, batch);
        // Nothing left to claim, and only this thread adds: wait for the rest.
        m_queue.m_done_cv.wait(lock, [&] { return m_queue.m_in_flight == 0; });
        const size_t pos = m_queue.m_failure_pos.load(std::memory_order_relaxed);
        if (pos != ScriptCheckQueue::NO_FAILURE) {
            const ScriptCheckQueue::Check& check = m_queue.m_checks[pos];
            m_result = ScriptCheckFailure{check.data->tx_index, check.input, m_queue.m_failure_error};
            m_exception = m_queue.m_failure_exception;
        }
        m_waited = true;
    }
    if (m_exception) std::rethrow_exception(m_exception);
    return m_result;
}

} // namespace chain
