// A bounded FIFO handed from the event-loop thread to the HTTP workers
// (-rpcworkqueue).
//
// TryPush never blocks: the event loop must keep serving other connections,
// so a full queue is an answer (503), not a wait. Pop blocks a worker until
// there is an item; after Close it still hands out what is queued (requests
// already accepted are answered) and then returns nullopt so the worker can
// exit. Thread-safe.
#ifndef UTXO_HTTP_WORK_QUEUE_H
#define UTXO_HTTP_WORK_QUEUE_H

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace http {

template <typename T>
class WorkQueue {
public:
    enum class PushResult { Queued, Full, Closed };

    explicit WorkQueue(size_t max_depth) : m_max_depth(max_depth) {}

    // Moves from `item` only when the result is Queued.
    PushResult TryPush(T& item)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_closed) return PushResult::Closed;
            if (m_items.size() >= m_max_depth) return PushResult::Full;
            m_items.push_back(std::move(item));
        }
        m_cv.notify_one();
        return PushResult::Queued;
    }

    // The oldest item; blocks while the queue is empty and open. nullopt once
    // the queue is closed and empty.
    std::optional<T> Pop()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_closed || !m_items.empty(); });
        if (m_items.empty()) return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }

    // Refuses further pushes and wakes every waiting Pop. Idempotent.
    void Close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_cv.notify_all();
    }

    size_t Size() const
    {
        std::lock_guard lock(m_mutex);
        return m_items.size();
    }

private:
    const size_t m_max_depth;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<T> m_items; // guarded by m_mutex
    bool m_closed{false};  // guarded by m_mutex
};

} // namespace http

#endif // UTXO_HTTP_WORK_QUEUE_H
