// A small benchmark harness for utxo-bench.
//
// A benchmark is a function taking Bench&; it prepares its input, then calls
// Bench::Run with the operation to time. The harness calibrates the number of
// calls per sample to the minimum sample time, takes several samples and reports
// the median time per operation (plus throughput when bytes per op is set).
#ifndef UTXO_BENCH_BENCH_H
#define UTXO_BENCH_BENCH_H

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bench {

// Keeps the compiler from discarding a computed value.
template <typename T>
inline void DoNotOptimize(const T& value)
{
    asm volatile("" : : "r,m"(value) : "memory");
}

struct Result {
    std::string name;
    double ns_per_op{0};
    double min_ns_per_op{0};
    double max_ns_per_op{0};
    uint64_t ops_per_sample{0};
    uint64_t bytes_per_op{0};
};

class Bench {
public:
    Bench(std::string name, std::chrono::milliseconds min_sample_time, int samples)
        : m_name(std::move(name)), m_min_sample_time(min_sample_time), m_samples(samples) {}

    // Run the operation exactly `iterations` times in one sample, without
    // calibration: for instruction counting under valgrind/callgrind.
    Bench& FixedIterations(uint64_t iterations) { m_fixed_iterations = iterations; return *this; }

    // Bytes processed by one operation, for a MB/s column.
    Bench& BytesPerOp(uint64_t bytes) { m_bytes_per_op = bytes; return *this; }

    // Times op(); call once per benchmark function.
    void Run(const std::function<void()>& op);

    const Result& result() const { return m_result; }

private:
    std::string m_name;
    std::chrono::milliseconds m_min_sample_time;
    int m_samples;
    uint64_t m_bytes_per_op{0};
    uint64_t m_fixed_iterations{0};
    Result m_result;
};

using BenchFunction = void (*)(Bench&);

// Registered at static-initialization time by UTXO_BENCHMARK; read-only afterwards.
struct Registration {
    Registration(const char* name, BenchFunction function);
};

struct Entry {
    std::string name;
    BenchFunction function;
};
const std::vector<Entry>& AllBenchmarks();

} // namespace bench

#define UTXO_BENCHMARK(fn) static const ::bench::Registration bench_registration_##fn{#fn, fn}

#endif // UTXO_BENCH_BENCH_H
