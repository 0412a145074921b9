// Parallel script verification for block connection (-par).
//
// A ScriptCheckQueue owns threads - 1 worker threads; the thread that waits
// for a block's result is the last worker. ConnectBlock opens a
// ScriptCheckSession per block, adds every non-coinbase transaction as it
// goes (one check per input) and calls Wait() at the end.
//
// The result is deterministic: when several inputs fail, Wait() reports the
// one with the lowest (transaction index, input index), whatever the thread
// count or the timing. Checks are claimed in the order they were added; once
// a failure is known, checks after it are skipped (never checks before it),
// so Wait() still has to finish everything before the failure to be sure.
//
// Thread safety: a ScriptCheckQueue may be shared by any number of threads,
// but serves one session at a time: constructing a second session blocks
// until the first is destroyed. A session belongs to the thread that created
// it; its methods must be called from that thread only. Workers only read
// what a session gives them, and nothing a session added is touched by any
// thread once its destructor returns.
#ifndef UTXO_CHAIN_SCRIPT_CHECK_QUEUE_H
#define UTXO_CHAIN_SCRIPT_CHECK_QUEUE_H

#include <primitives/transaction.h>
#include <script/script_error.h>
#include <script/sighash.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace chain {

// Everything the inputs of one transaction are checked against. Built by
// the session before any of its checks is queued; read-only afterwards, so
// workers share it without locks.
struct TxScriptData {
    primitives::TransactionRef tx;
    uint32_t tx_index;
    uint32_t flags;
    // The BIP143/BIP341 hashes and the outputs spent, one per input.
    script::PrecomputedTxData precomputed;
};

// Runs the scripts of input `input` of `data.tx` (precondition: in range).
// The single place both the sequential and the parallel path check an input.
script::ScriptError CheckInputScript(const TxScriptData& data, uint32_t input);

struct ScriptCheckFailure {
    uint32_t tx_index;    // as given to ScriptCheckSession::Add
    uint32_t input_index; // within that transaction
    script::ScriptError error;
};

class ScriptCheckSession;

class ScriptCheckQueue {
public:
    // Checks of up to this many inputs are claimed at once. Claiming takes
    // the queue's mutex once (about 0.1 us uncontended, a few us when a
    // sleeping thread must be woken); a signature check costs about 40 us
    // and the cheapest input (no signature) about 1 us, so a batch of 16
    // keeps the claiming cost below a few percent for any input and far
    // below 0.1% for signed ones. A thread never claims more than its fair
    // share of what is waiting (waiting / threads, at least 1), so the
    // last batches of a block are small and no thread is left alone with a
    // long tail of checks while the others sleep.
    static constexpr size_t MAX_BATCH = 16;
    // Upper bound on `threads` (more are clamped): far beyond what helps.
    static constexpr unsigned MAX_THREADS = 64;

    // Starts threads - 1 worker threads (0 and 1 both mean no worker: all
    // checks then run on the thread that calls Wait()). Throws
    // std::system_error when a thread cannot be started (those already
    // started are stopped first).
    explicit ScriptCheckQueue(unsigned threads);
    // Stops and joins the workers. Precondition: no session is open.
    ~ScriptCheckQueue();

    ScriptCheckQueue(const ScriptCheckQueue&) = delete;
    ScriptCheckQueue& operator=(const ScriptCheckQueue&) = delete;

    // Worker threads plus the waiting thread.
    unsigned Threads() const { return static_cast<unsigned>(m_workers.size()) + 1; }

private:
    friend class ScriptCheckSession;

    struct Check {
        const TxScriptData* data;
        uint32_t input;
    };

    static constexpr size_t NO_FAILURE = SIZE_MAX;

    void WorkerLoop(unsigned index);
    // Claims one batch (lock held on entry and on return; released while
    // checking) and records a failure found in it.
    void RunBatch(std::unique_lock<std::mutex>& lock, std::vector<Check>& batch);
    // Checks at positions below this may still be claimed. Lock held.
    size_t ClaimLimit() const;
    bool HasClaimableWork() const { return m_next < ClaimLimit(); }

    // Held by the open session for its whole life: one session at a time.
    std::mutex m_session_mutex;

    // Guards everything below except m_failure_pos's lock-free reads.
    std::mutex m_mutex;
    std::condition_variable m_work_cv; // checks added, or stop
    std::condition_variable m_done_cv; // a batch finished
    bool m_stop{false};
    bool m_cancelled{false}; // the session ends without waiting: claim nothing more
    // The open session's checks, in the order added (ascending transaction
    // and input index); m_next is the first not yet claimed.
    std::vector<Check> m_checks;
    size_t m_next{0};
    unsigned m_in_flight{0}; // batches claimed and not yet finished
    // Position in m_checks of the lowest failure so far (NO_FAILURE when
    // none). Written under m_mutex, only ever lowered within a session; read
    // without it by running workers to skip checks after it.
    std::atomic<size_t> m_failure_pos{NO_FAILURE};
    script::ScriptError m_failure_error{script::ScriptError::OK};
    std::exception_ptr m_failure_exception; // set when the lowest failure was a throw

    std::vector<std::thread> m_workers;
};

// The checks of one block. Add transactions in block order, then Wait().
// Destroying a session without waiting (or after an exception) cancels what
// has not started and waits for the checks already running.
class ScriptCheckSession {
public:
    // Blocks while another session of `queue` is open. `queue` must outlive
    // the session.
    explicit ScriptCheckSession(ScriptCheckQueue& queue);
    ~ScriptCheckSession();

    ScriptCheckSession(const ScriptCheckSession&) = delete;
    ScriptCheckSession& operator=(const ScriptCheckSession&) = delete;

    // Queues one check per input of `tx` and returns at once; workers may
    // start on them immediately. `spent_outputs` holds the output each input
    // spends (same count as the inputs); the session keeps it, with the
    // precomputed signature hash data, until it is destroyed.
    // Preconditions: Wait() not called yet; `tx_index` greater than that of
    // every transaction added before (block order), which is what makes
    // "lowest failure" well defined.
    void Add(uint32_t tx_index, primitives::TransactionRef tx, std::vector<primitives::TxOut> spent_outputs,
             uint32_t flags);

    // True once some added input is known to fail (not necessarily the one
    // Wait() will report). Cheap: lets the caller stop adding work.
    bool FailureFound() const;

    // Runs checks on this thread until none is left, waits for the workers'
    // and returns the failure with the lowest (tx index, input index), or
    // nullopt when every input passed. When that lowest failure was an
    // exception thrown by the check (std::bad_alloc, say), it is rethrown
    // here instead, on the caller's thread: workers never let one escape.
    // Later calls return the same result without checking anything.
    std::optional<ScriptCheckFailure> Wait();

private:
    ScriptCheckQueue& m_queue;
    std::unique_lock<std::mutex> m_session_lock;
    // Stable addresses: the queued checks point into these.
    std::vector<std::unique_ptr<const TxScriptData>> m_txs;
    bool m_waited{false};
    std::optional<ScriptCheckFailure> m_result;
    std::exception_ptr m_exception;
};

} // namespace chain

#endif // UTXO_CHAIN_SCRIPT_CHECK_QUEUE_H
