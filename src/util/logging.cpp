#include <util/logging.h>

#include <array>
#include <ctime>

namespace util {
namespace {

constexpr std::array<std::string_view, LOG_CATEGORY_COUNT> CATEGORY_NAMES{
    "net", "tor", "mempool", "http", "bench", "zmq", "walletdb", "rpc", "estimatefee", "addrman",
    "selectcoins", "reindex", "cmpctblock", "rand", "prune", "proxy", "mempoolrej", "libevent",
    "coindb", "qt", "leveldb", "validation", "i2p", "ipc", "lock", "blockstorage",
    "txreconciliation", "scan", "txpackages",
};

constexpr uint64_t ALL_CATEGORIES = (uint64_t{1} << LOG_CATEGORY_COUNT) - 1;

thread_local std::string t_thread_name;

std::string_view LevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace: return "trace";
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    }
    return "?";
}

void AppendPadded(std::string& out, long value, int width)
{
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

} // namespace

std::string_view LogCategoryName(LogCategory category)
{
    return CATEGORY_NAMES[static_cast<size_t>(category)];
}

std::optional<LogCategory> ParseLogCategory(std::string_view name)
{
    for (size_t i = 0; i < CATEGORY_NAMES.size(); ++i) {
        if (CATEGORY_NAMES[i] == name) return static_cast<LogCategory>(i);
    }
    return std::nullopt;
}

std::string FormatIso8601(int64_t unix_micros, bool with_micros)
{
    int64_t seconds = unix_micros / 1'000'000;
    int64_t micros = unix_micros % 1'000'000;
    if (micros < 0) {
        micros += 1'000'000;
        --seconds;
    }
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::string out;
    out.reserve(27);
    AppendPadded(out, tm.tm_year + 1900, 4);
    out += '-';
    AppendPadded(out, tm.tm_mon + 1, 2);
    out += '-';
    AppendPadded(out, tm.tm_mday, 2);
    out += 'T';
    AppendPadded(out, tm.tm_hour, 2);
    out += ':';
    AppendPadded(out, tm.tm_min, 2);
    out += ':';
    AppendPadded(out, tm.tm_sec, 2);
    if (with_micros) {
        out += '.';
        AppendPadded(out, static_cast<long>(micros), 6);
    }
    out += 'Z';
    return out;
}

Logger::Logger(const Clock& clock, LoggerOptions options) : m_clock(clock), m_options(options) {}

void Logger::AddSink(Sink sink)
{
    std::lock_guard lock(m_sinks_mutex);
    m_sinks.push_back(std::move(sink));
}

bool Logger::SetCategories(std::string_view name, bool enable)
{
    uint64_t mask;
    if (name == "all" || name == "1") {
        mask = ALL_CATEGORIES;
    } else if (auto category = ParseLogCategory(name)) {
        mask = uint64_t{1} << static_cast<unsigned>(*category);
    } else {
        return false;
    }
    if (enable) {
        m_categories.fetch_or(mask, std::memory_order_relaxed);
    } else {
        m_categories.fetch_and(~mask, std::memory_order_relaxed);
    }
    return true;
}

bool Logger::EnableCategory(std::string_view name) { return SetCategories(name, true); }
bool Logger::DisableCategory(std::string_view name) { return SetCategories(name, false); }

bool Logger::WillLog(LogCategory category) const
{
    return (m_categories.load(std::memory_order_relaxed) >> static_cast<unsigned>(category)) & 1;
}

std::vector<std::string_view> Logger::EnabledCategories() const
{
    std::vector<std::string_view> out;
    for (size_t i = 0; i < LOG_CATEGORY_COUNT; ++i) {
        if (WillLog(static_cast<LogCategory>(i))) out.push_back(CATEGORY_NAMES[i]);
    }
    return out;
}


std::string Logger::FormatLine(LogLevel level, std::optional<LogCategory> category, std::string_view message,
                               SourceLocation where) const
{
    std::string line = FormatIso8601(m_clock.NowMicros(), m_options.log_time_micros);
    line += ' ';
    if (m_options.log_thread_names) {
        line += '[';
        line += t_thread_name.empty() ? std::string_view{"unknown"} : std::string_view{t_thread_name};
        line += "] ";
    }
    if (m_options.log_source_locations) {
        std::string_view file = where.file;
        if (const size_t src = file.rfind("src/"); src != std::string_view::npos) file.remove_prefix(src);
        line += '[';
        line += file;
        line += ':' + std::to_string(where.line) + "] [";
        line += where.function;
        line += "] ";
    }
    // bitcoind's prefixes: "[net] " for a category's debug line, "[warning] " or
    // "[net:warning] " above info, nothing for plain info.
    const bool show_level = level != LogLevel::Info && !(category && level == LogLevel::Debug);
    if (category || show_level) {
        line += '[';
        if (category) line += LogCategoryName(*category);
        if (category && show_level) line += ':';
        if (show_level) line += LevelName(level);
        line += "] ";
    }
    line += message;
    if (line.empty() || line.back() != '\n') line += '\n';
    return line;
}

void Logger::Log(LogLevel level, std::string_view message, SourceLocation where)
{
    Write(FormatLine(level, std::nullopt, message, where));
}

void Logger::LogDebug(LogCategory category, std::string_view message, SourceLocation where)
{
    if (!WillLog(category)) return;
    Write(FormatLine(LogLevel::Debug, category, message, where));
}

void Logger::SetThreadName(std::string name) { t_thread_name = std::move(name); }

void Logger::Write(std::string_view line)
{
    std::lock_guard lock(m_sinks_mutex);
    for (const Sink& sink : m_sinks) sink(line);
}

} // namespace util
