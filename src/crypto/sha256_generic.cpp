// Portable SHA-256 compression (FIPS 180-4 section 6.2.2), the fallback on
// CPUs without SHA extensions and the reference the other backends are tested
// against.
#include <crypto/sha256_impl.h>

#include <util/endian.h>

namespace crypto::sha256_internal {
namespace {

constexpr uint32_t Ch(uint32_t x, uint32_t y, uint32_t z) { return z ^ (x & (y ^ z)); }
constexpr uint32_t Maj(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | (z & (x | y)); }
constexpr uint32_t BigSigma0(uint32_t x) { return RotR(x, 2) ^ RotR(x, 13) ^ RotR(x, 22); }
constexpr uint32_t BigSigma1(uint32_t x) { return RotR(x, 6) ^ RotR(x, 11) ^ RotR(x, 25); }

// The 64 rounds plus the feed-forward, given W[t] + K[t] already summed.
inline void Compress(uint32_t* state, const uint32_t* wk)
{
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; ++t) {
        const uint32_t t1 = h + BigSigma1(e) + Ch(e, f, g) + wk[t];
        const uint32_t t2 = BigSigma0(a) + Maj(a, b, c);
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

// Expands 16 message words into W[t] + K[t] for all 64 rounds.
inline void ScheduleInto(std::array<uint32_t, 64>& w)
{
    ExpandSchedule(w);
    for (int t = 0; t < 64; ++t) w[t] += ROUND_CONSTANTS[t];
}

void CompressBlock(uint32_t* state, const uint8_t* block)
{
    std::array<uint32_t, 64> w;
    for (int t = 0; t < 16; ++t) w[t] = util::ReadBE32(block + 4 * t);
    ScheduleInto(w);
    Compress(state, w.data());
}

// SHA256 of a 32-byte message given as its eight big-endian words.
void HashOf32ByteWords(uint32_t* state, const uint32_t* words)
{
    std::array<uint32_t, 64> w;
    for (int t = 0; t < 8; ++t) w[t] = words[t];
    for (int t = 0; t < 8; ++t) w[8 + t] = PADDING_AFTER_32_BYTES[t];
    ScheduleInto(w);
    for (int i = 0; i < 8; ++i) state[i] = INITIAL_STATE[i];
    Compress(state, w.data());
}

} // namespace

void TransformGeneric(uint32_t* state, const uint8_t* data, size_t blocks)
{
    for (size_t i = 0; i < blocks; ++i) CompressBlock(state, data + 64 * i);
}

void Double64Generic(uint8_t* out, const uint8_t* in, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        uint32_t first[8];
        for (int j = 0; j < 8; ++j) first[j] = INITIAL_STATE[j];
        CompressBlock(first, in + 64 * i);
        Compress(first, PADDING_AFTER_64_BYTES_WK.data());
        // The first digest's big-endian bytes read back as big-endian words
        // are its state words, so the second hash needs no byte conversion.
        uint32_t second[8];
        HashOf32ByteWords(second, first);
        for (int j = 0; j < 8; ++j) util::WriteBE32(out + 32 * i + 4 * j, second[j]);
    }
}

const Backend& GenericBackend()
{
    static constexpr Backend GENERIC{"generic", TransformGeneric, Double64Generic};
    return GENERIC;
}

} // namespace crypto::sha256_internal
