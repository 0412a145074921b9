// utxo-bench: runs the registered benchmarks and prints a table.
//
//   utxo-bench [-filter=SUBSTRING] [-min-time=MS] [-samples=N] [-list]
#include <bench/bench.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

bool ParseUint(std::string_view text, long& out)
{
    if (text.empty()) return false;
    char* end = nullptr;
    const std::string copy(text);
    out = std::strtol(copy.c_str(), &end, 10);
    return *end == '\0' && out > 0;
}

void PrintUsage()
{
    std::printf("Usage: utxo-bench [options]\n\n"
                "Options:\n"
                "  -filter=<text>   run only benchmarks whose name contains <text>\n"
                "  -min-time=<ms>   minimum time of one sample (default: 100)\n"
                "  -samples=<n>     samples per benchmark; the median is reported (default: 5)\n"
                "  -iterations=<n>  run each benchmark exactly n times, no calibration (for callgrind)\n"
                "  -list            list the benchmarks and exit\n");
}

} // namespace

int main(int argc, char** argv)
{
    std::string filter;
    long min_time_ms = 100;
    long samples = 5;
    long iterations = 0;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.rfind("-filter=", 0) == 0) {
            filter = arg.substr(8);
        } else if (arg.rfind("-min-time=", 0) == 0) {
            if (!ParseUint(arg.substr(10), min_time_ms)) { std::fprintf(stderr, "Error: invalid -min-time\n"); return 1; }
        } else if (arg.rfind("-samples=", 0) == 0) {
            if (!ParseUint(arg.substr(9), samples)) { std::fprintf(stderr, "Error: invalid -samples\n"); return 1; }
        } else if (arg.rfind("-iterations=", 0) == 0) {
            if (!ParseUint(arg.substr(12), iterations)) { std::fprintf(stderr, "Error: invalid -iterations\n"); return 1; }
        } else if (arg == "-list") {
            list = true;
        } else if (arg == "-h" || arg == "-help" || arg == "--help") {
            PrintUsage();
            return 0;
        } else {
            std::fprintf(stderr, "Error: unknown option %s\n", argv[i]);
            return 1;
        }
    }

    if (!list) {
        std::printf("| %-40s | %14s | %14s | %12s | %10s |\n", "benchmark", "ns/op", "op/s", "MB/s", "spread");
        std::printf("|%s|%s|%s|%s|%s|\n", std::string(42, '-').c_str(), std::string(16, '-').c_str(),
                    std::string(16, '-').c_str(), std::string(14, '-').c_str(), std::string(12, '-').c_str());
    }
    for (const auto& entry : bench::AllBenchmarks()) {
        if (!filter.empty() && entry.name.find(filter) == std::string::npos) continue;
        if (list) {
            std::printf("%s\n", entry.name.c_str());
            continue;
        }
        bench::Bench b(entry.name, std::chrono::milliseconds(min_time_ms), static_cast<int>(samples));
        if (iterations > 0) b.FixedIterations(static_cast<uint64_t>(iterations));
        entry.function(b);
        const bench::Result& r = b.result();
        const double ops_per_s = r.ns_per_op > 0 ? 1e9 / r.ns_per_op : 0;
        const double mb_per_s = r.bytes_per_op ? static_cast<double>(r.bytes_per_op) * ops_per_s / 1e6 : 0;
        const double spread = r.ns_per_op > 0 ? 100.0 * (r.max_ns_per_op - r.min_ns_per_op) / r.ns_per_op : 0;
        std::printf("| %-40s | %14.1f | %14.0f | %12.1f | %9.1f%% |\n", r.name.c_str(), r.ns_per_op, ops_per_s,
                    mb_per_s, spread);
        std::fflush(stdout);
    }
    return 0;
}
