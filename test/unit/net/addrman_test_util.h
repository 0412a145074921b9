// Deterministic clock and random source for address manager tests.
#ifndef UTXO_TEST_UNIT_NET_ADDRMAN_TEST_UTIL_H
#define UTXO_TEST_UNIT_NET_ADDRMAN_TEST_UTIL_H

#include <net/addrman.h>
#include <util/clock.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace test {

// A clock the test moves by hand, in whole seconds.
class ManualClock final : public util::Clock {
public:
    explicit ManualClock(int64_t seconds) : m_seconds(seconds) {}
    int64_t NowMicros() const override { return m_seconds.load() * 1'000'000; }
    int64_t Seconds() const { return m_seconds.load(); }
    void Set(int64_t seconds) { m_seconds = seconds; }

private:
    std::atomic<int64_t> m_seconds;
};

// SplitMix64 (Steele, Lea, Flood 2014): the same sequence for the same seed.
inline net::RandomSource SeededRandom(uint64_t seed)
{
    auto state = std::make_shared<uint64_t>(seed);
    return [state] {
        uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
}

// Core's deterministic addrman key, uint256{1}: a one, then zeros.
inline net::AddrManKey KeyOne()
{
    net::AddrManKey key{};
    key[0] = 1;
    return key;
}

inline net::AddrManOptions TestOptions(const util::Clock& clock, uint64_t seed = 42,
                                       net::AddrManKey key = KeyOne())
{
    net::AddrManOptions options;
    options.clock = &clock;
    options.key = key;
    options.random = SeededRandom(seed);
    return options;
}

// Both throw std::bad_optional_access on text that does not parse.
inline net::NetAddress TestAddress(const std::string& text) { return net::NetAddress::Parse(text).value(); }

// `text` as "host" or "host:port" (port 0 when none, as Core's tests use).
inline net::Service TestService(const std::string& text) { return net::ParseService(text, 0).value(); }

inline net::AddressRecord TestRecord(const std::string& text, uint32_t time, uint64_t services = 1)
{
    return net::AddressRecord{time, services, TestService(text)};
}

} // namespace test

#endif // UTXO_TEST_UNIT_NET_ADDRMAN_TEST_UTIL_H
