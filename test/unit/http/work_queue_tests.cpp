#include <http/work_queue.h>

#include <boost/test/unit_test.hpp>

#include <memory>
#include <thread>

using Queue = http::WorkQueue<std::unique_ptr<int>>;

BOOST_AUTO_TEST_SUITE(work_queue_tests)

BOOST_AUTO_TEST_CASE(bounded_fifo)
{
    Queue queue(2);
    auto one = std::make_unique<int>(1);
    auto two = std::make_unique<int>(2);
    auto three = std::make_unique<int>(3);
    BOOST_CHECK(queue.TryPush(one) == Queue::PushResult::Queued);
    BOOST_CHECK(!one); // moved
    BOOST_CHECK(queue.TryPush(two) == Queue::PushResult::Queued);
    BOOST_CHECK(queue.TryPush(three) == Queue::PushResult::Full);
    BOOST_REQUIRE(three); // not moved from on failure
    BOOST_CHECK_EQUAL(queue.Size(), 2u);
    BOOST_CHECK_EQUAL(**queue.Pop(), 1);
    BOOST_CHECK(queue.TryPush(three) == Queue::PushResult::Queued);
    BOOST_CHECK_EQUAL(**queue.Pop(), 2);
    BOOST_CHECK_EQUAL(**queue.Pop(), 3);
    BOOST_CHECK_EQUAL(queue.Size(), 0u);
}

BOOST_AUTO_TEST_CASE(close_drains_then_ends)
{
    Queue queue(4);
    auto one = std::make_unique<int>(1);
    BOOST_CHECK(queue.TryPush(one) == Queue::PushResult::Queued);
    queue.Close();
    queue.Close(); // idempotent
    auto late = std::make_unique<int>(2);
    BOOST_CHECK(queue.TryPush(late) == Queue::PushResult::Closed);
    BOOST_CHECK(late);
    auto first = queue.Pop();
    BOOST_REQUIRE(first);
    BOOST_CHECK_EQUAL(**first, 1);
    BOOST_CHECK(!queue.Pop());
}

BOOST_AUTO_TEST_CASE(close_wakes_a_waiting_pop)
{
    Queue queue(1);
    bool got_item = true;
    std::thread worker([&] { got_item = queue.Pop().has_value(); });
    queue.Close(); // whether the worker is already waiting or not, it must return
    worker.join();
    BOOST_CHECK(!got_item);
}

BOOST_AUTO_TEST_SUITE_END()
