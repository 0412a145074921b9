// Category-filtered logging in bitcoind's format.
//
// A Logger is owned by whoever owns the process (node::NodeContext, a tool's
// main); it is passed by reference, never reached through a global. Pure-core
// code (tiers 0-1 besides this file) does not log. Thread-safe: categories can
// be changed while other threads log.
#ifndef UTXO_UTIL_LOGGING_H
#define UTXO_UTIL_LOGGING_H

#include <util/clock.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace util {

// Debug categories with bitcoind's names (-debug=<name>).
enum class LogCategory : uint8_t {
    NET, TOR, MEMPOOL, HTTP, BENCH, ZMQ, WALLETDB, RPC, ESTIMATEFEE, ADDRMAN, SELECTCOINS,
    REINDEX, CMPCTBLOCK, RAND, PRUNE, PROXY, MEMPOOLREJ, LIBEVENT, COINDB, QT, LEVELDB,
    VALIDATION, I2P, IPC, LOCK, BLOCKSTORAGE, TXRECONCILIATION, SCAN, TXPACKAGES,
};
inline constexpr size_t LOG_CATEGORY_COUNT = static_cast<size_t>(LogCategory::TXPACKAGES) + 1;

// Where a log call was made, for -logsourcelocations. Our own instead of
// std::source_location, which clang 14 (the fuzzing compiler) cannot build
// with libstdc++ 12. As a default argument it captures the caller's place.
struct SourceLocation {
    const char* file;
    int line;
    const char* function; // the bare name, as __func__
    static constexpr SourceLocation Current(const char* file = __builtin_FILE(), int line = __builtin_LINE(),
                                            const char* function = __builtin_FUNCTION())
    {
        return {file, line, function};
    }
};

enum class LogLevel : uint8_t { Trace, Debug, Info, Warning, Error };

std::string_view LogCategoryName(LogCategory category);
// Parses a category name ("net", "rpc", ...); nullopt for an unknown name.
std::optional<LogCategory> ParseLogCategory(std::string_view name);

// "2026-11-24T23:30:09Z", or with microseconds "2026-11-24T23:30:09.123456Z".
std::string FormatIso8601(int64_t unix_micros, bool with_micros);

struct LoggerOptions {
    bool log_time_micros{false};
    bool log_thread_names{false};
    bool log_source_locations{false}; // "[file:line] [function] " before the message
};

class Logger {
public:
    // Receives each finished line, newline included.
    using Sink = std::function<void(std::string_view line)>;

    explicit Logger(const Clock& clock, LoggerOptions options = {});

    void AddSink(Sink sink);

    // "all" and "1" select every category. Unknown names return false and change nothing.
    bool EnableCategory(std::string_view name);
    bool DisableCategory(std::string_view name);
    bool WillLog(LogCategory category) const;
    std::vector<std::string_view> EnabledCategories() const;

    // Unconditional message at `level` (Info, Warning, Error).
    void Log(LogLevel level, std::string_view message,
             SourceLocation where = SourceLocation::Current());
    // Message in `category`, written only when that category is enabled.
    void LogDebug(LogCategory category, std::string_view message,
                  SourceLocation where = SourceLocation::Current());

    // The line Log/LogDebug would write, for tests and for sinks that reformat.
    std::string FormatLine(LogLevel level, std::optional<LogCategory> category, std::string_view message,
                           SourceLocation where = SourceLocation::Current()) const;

    // Name this thread shows in log lines when log_thread_names is set.
    static void SetThreadName(std::string name);

private:
    void Write(std::string_view line);
    bool SetCategories(std::string_view name, bool enable);

    const Clock& m_clock;
    const LoggerOptions m_options;
    std::atomic<uint64_t> m_categories{0};
    std::mutex m_sinks_mutex;
    std::vector<Sink> m_sinks; // guarded by m_sinks_mutex
};

} // namespace util

#endif // UTXO_UTIL_LOGGING_H
