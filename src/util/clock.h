// Wall-clock access behind an interface so code that needs time can be tested
// with a fixed clock. Consensus code never takes a Clock.
#ifndef UTXO_UTIL_CLOCK_H
#define UTXO_UTIL_CLOCK_H

#include <chrono>
#include <cstdint>

namespace util {

class Clock {
public:
    virtual ~Clock() = default;
    // Microseconds since the Unix epoch.
    virtual int64_t NowMicros() const = 0;
};

class SystemClock final : public Clock {
public:
    int64_t NowMicros() const override
    {
        using namespace std::chrono;
        return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    }
};

// Always answers the time it was given; for tests.
class FixedClock final : public Clock {
public:
    explicit FixedClock(int64_t micros) : m_micros(micros) {}
    int64_t NowMicros() const override { return m_micros; }

private:
    int64_t m_micros;
};

} // namespace util

#endif // UTXO_UTIL_CLOCK_H
