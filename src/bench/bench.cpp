#include <bench/bench.h>

#include <algorithm>

namespace bench {
namespace {

std::vector<Entry>& Registry()
{
    static std::vector<Entry> entries;
    return entries;
}

double NsPerOp(const std::function<void()>& op, uint64_t ops)
{
    const auto start = std::chrono::steady_clock::now();
    for (uint64_t i = 0; i < ops; ++i) op();
    const auto end = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::nano>(end - start).count() / static_cast<double>(ops);
}

} // namespace

Registration::Registration(const char* name, BenchFunction function)
{
    Registry().push_back({name, function});
}

const std::vector<Entry>& AllBenchmarks()
{
    auto& entries = Registry();
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
}

void Bench::Run(const std::function<void()>& op)
{
    if (m_fixed_iterations > 0) {
        const double ns = NsPerOp(op, m_fixed_iterations);
        m_result = Result{m_name, ns, ns, ns, m_fixed_iterations, m_bytes_per_op};
        return;
    }
    // Calibrate: double the batch until one batch takes at least the sample time.
    const double target_ns = std::chrono::duration<double, std::nano>(m_min_sample_time).count();
    uint64_t ops = 1;
    op(); // warm-up
    while (true) {
        const double total = NsPerOp(op, ops) * static_cast<double>(ops);
        if (total >= target_ns || ops >= (uint64_t{1} << 40)) break;
        const double scale = total > 0 ? target_ns / total : 2.0;
        ops = std::max<uint64_t>(ops * 2, static_cast<uint64_t>(static_cast<double>(ops) * std::min(scale * 1.1, 100.0)));
    }
    std::vector<double> samples;
    for (int i = 0; i < m_samples; ++i) samples.push_back(NsPerOp(op, ops));
    std::sort(samples.begin(), samples.end());
    m_result = Result{m_name, samples[samples.size() / 2], samples.front(), samples.back(), ops, m_bytes_per_op};
}

} // namespace bench
