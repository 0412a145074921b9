#include <util/clock.h>
#include <util/logging.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using util::LogCategory;
using util::Logger;
using util::LogLevel;

BOOST_AUTO_TEST_SUITE(logging_tests)

BOOST_AUTO_TEST_CASE(iso8601)
{
    BOOST_CHECK_EQUAL(util::FormatIso8601(0, false), "1970-01-01T00:00:00Z");
    BOOST_CHECK_EQUAL(util::FormatIso8601(1231006505'000000, false), "2009-01-03T18:15:05Z");
    BOOST_CHECK_EQUAL(util::FormatIso8601(1231006505'000042, true), "2009-01-03T18:15:05.000042Z");
    BOOST_CHECK_EQUAL(util::FormatIso8601(-1, true), "1969-12-31T23:59:59.999999Z");
}

BOOST_AUTO_TEST_CASE(categories_parse_and_filter)
{
    BOOST_CHECK(util::ParseLogCategory("net") == LogCategory::NET);
    BOOST_CHECK(util::ParseLogCategory("validation") == LogCategory::VALIDATION);
    BOOST_CHECK(!util::ParseLogCategory("nosuch"));
    BOOST_CHECK(!util::ParseLogCategory("NET")); // names are lower case, as in bitcoind

    const util::FixedClock clock(1231006505'000000);
    Logger logger(clock);
    std::vector<std::string> lines;
    logger.AddSink([&](std::string_view line) { lines.emplace_back(line); });

    logger.LogDebug(LogCategory::NET, "hidden");
    BOOST_CHECK(lines.empty());
    BOOST_CHECK(logger.EnableCategory("net"));
    BOOST_CHECK(!logger.EnableCategory("bogus"));
    logger.LogDebug(LogCategory::NET, "peer connected");
    logger.LogDebug(LogCategory::RPC, "still hidden");
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    BOOST_CHECK_EQUAL(lines[0], "2009-01-03T18:15:05Z [net] peer connected\n");

    BOOST_CHECK(logger.EnableCategory("all"));
    BOOST_CHECK(logger.WillLog(LogCategory::TXPACKAGES));
    BOOST_CHECK(logger.DisableCategory("net"));
    BOOST_CHECK(!logger.WillLog(LogCategory::NET));
    BOOST_CHECK(logger.WillLog(LogCategory::RPC));
    BOOST_CHECK(logger.DisableCategory("1"));
    BOOST_CHECK(logger.EnabledCategories().empty());
}

BOOST_AUTO_TEST_CASE(levels_and_options)
{
    const util::FixedClock clock(1231006505'000042);
    Logger logger(clock, util::LoggerOptions{.log_time_micros = true, .log_thread_names = true});
    Logger::SetThreadName("main");
    BOOST_CHECK_EQUAL(logger.FormatLine(LogLevel::Info, std::nullopt, "hello"),
                      "2009-01-03T18:15:05.000042Z [main] hello\n");
    BOOST_CHECK_EQUAL(logger.FormatLine(LogLevel::Warning, std::nullopt, "careful\n"),
                      "2009-01-03T18:15:05.000042Z [main] [warning] careful\n");
    BOOST_CHECK_EQUAL(logger.FormatLine(LogLevel::Error, LogCategory::NET, "bad peer"),
                      "2009-01-03T18:15:05.000042Z [main] [net:error] bad peer\n");
}

void LogFromHere(Logger& logger, std::string& line)
{
    logger.AddSink([&](std::string_view text) { line = text; });
    logger.Log(LogLevel::Info, "located"); // line 69 of this file
}

BOOST_AUTO_TEST_CASE(source_locations)
{
    const util::FixedClock clock(1231006505'000000);
    Logger logger(clock, util::LoggerOptions{.log_source_locations = true});
    std::string line;
    LogFromHere(logger, line);
    BOOST_CHECK(line.starts_with("2009-01-03T18:15:05Z ["));
    BOOST_CHECK_MESSAGE(line.ends_with("logging_tests.cpp:69] [LogFromHere] located\n"), line);
}

BOOST_AUTO_TEST_SUITE_END()
