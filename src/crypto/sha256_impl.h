// Internal to crypto/ (and its tests and benchmarks): the SHA-256 compression
// backends behind Sha256 and Sha256D64.
//
// A backend is a pair of plain functions: `transform` runs the compression
// function over whole 64-byte blocks, `double64` implements the Sha256D64
// contract. Every backend must give bit-identical results; the unit tests run
// them side by side. Production code uses ActiveBackend(), chosen once per
// process from CPUID and never changed afterwards.
#ifndef UTXO_CRYPTO_SHA256_IMPL_H
#define UTXO_CRYPTO_SHA256_IMPL_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace crypto::sha256_internal {

// Updates `state` with `blocks` consecutive 64-byte blocks starting at `data`.
using TransformFn = void (*)(uint32_t* state, const uint8_t* data, size_t blocks);
// out + 32*i = SHA256(SHA256(in + 64*i, 64 bytes)) for i < count; must also
// work in place (out == in): each input is consumed before its output lands.
using Double64Fn = void (*)(uint8_t* out, const uint8_t* in, size_t count);

struct Backend {
    std::string_view name;
    TransformFn transform;
    Double64Fn double64;
};

// FIPS 180-4 section 5.3.3: the initial hash value H(0).
inline constexpr std::array<uint32_t, 8> INITIAL_STATE{
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

// FIPS 180-4 section 4.2.2: the 64 round constants K.
alignas(16) inline constexpr std::array<uint32_t, 64> ROUND_CONSTANTS{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr uint32_t RotR(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
constexpr uint32_t SmallSigma0(uint32_t x) { return RotR(x, 7) ^ RotR(x, 18) ^ (x >> 3); }
constexpr uint32_t SmallSigma1(uint32_t x) { return RotR(x, 17) ^ RotR(x, 19) ^ (x >> 10); }

// Extends w[0..15] to the full 64-word message schedule (FIPS 180-4 6.2.2 step 1).
constexpr void ExpandSchedule(std::array<uint32_t, 64>& w)
{
    for (int t = 16; t < 64; ++t) {
        w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
    }
}

// W[t] + K[t] for a block whose 16 message words are fixed, so the hot paths
// skip the schedule for padding blocks; evaluated at compile time.
constexpr std::array<uint32_t, 64> ScheduleWithConstants(const std::array<uint32_t, 16>& words)
{
    std::array<uint32_t, 64> w{};
    for (int t = 0; t < 16; ++t) w[t] = words[t];
    ExpandSchedule(w);
    for (int t = 0; t < 64; ++t) w[t] += ROUND_CONSTANTS[t];
    return w;
}

// The second block of a 64-byte message: 0x80, zeros, then the length 512 in bits.
inline constexpr std::array<uint32_t, 16> PADDING_AFTER_64_BYTES{
    0x80000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 512};
alignas(16) inline constexpr std::array<uint32_t, 64> PADDING_AFTER_64_BYTES_WK =
    ScheduleWithConstants(PADDING_AFTER_64_BYTES);

// Words 8..15 of the only block of a 32-byte message: 0x80, zeros, length 256 bits.
inline constexpr std::array<uint32_t, 8> PADDING_AFTER_32_BYTES{0x80000000, 0, 0, 0, 0, 0, 0, 256};

void TransformGeneric(uint32_t* state, const uint8_t* data, size_t blocks);
void Double64Generic(uint8_t* out, const uint8_t* in, size_t count);

// The portable backend; always available.
const Backend& GenericBackend();

// The SHA-NI backend when both the build target (x86-64) and this CPU support
// it (CPUID: SHA, SSE4.1, SSSE3), otherwise nullptr.
const Backend* ShaNiBackend();

// The backend Sha256 and Sha256D64 use: the fastest one supported, chosen on
// first use. Thread-safe; the choice never changes.
const Backend& ActiveBackend();

} // namespace crypto::sha256_internal

#endif // UTXO_CRYPTO_SHA256_IMPL_H
