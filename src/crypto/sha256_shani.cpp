// SHA-256 compression with the x86 SHA extensions (SHA-NI).
//
// The functions carry their own target attribute, so this file needs no
// special compiler flags and the rest of the program still runs on CPUs
// without SHA-NI; ShaNiBackend() hands them out only after CPUID says yes.
//
// Register layout (Intel SHA extensions reference): sha256rnds2 keeps the
// eight working variables in two registers, ABEF and CDGH (lane 0 holds F and
// H respectively), and consumes W[t] + K[t] for two rounds from the low half
// of its third operand.
#include <crypto/sha256_impl.h>

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

#define UTXO_SHANI_TARGET __attribute__((target("sha,sse4.1,ssse3")))
#define UTXO_SHANI_INLINE __attribute__((target("sha,sse4.1,ssse3"), always_inline)) inline

namespace crypto::sha256_internal {
namespace {

// Reverses the bytes within each 32-bit lane: SHA-256 words are big-endian.
UTXO_SHANI_INLINE __m128i ByteSwapWords(__m128i x)
{
    return _mm_shuffle_epi8(x, _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL));
}

UTXO_SHANI_INLINE __m128i LoadBigEndianWords(const uint8_t* p)
{
    return ByteSwapWords(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

UTXO_SHANI_INLINE __m128i LoadWords(const uint32_t* p)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// {A,B,C,D,E,F,G,H} in memory order -> the ABEF and CDGH registers.
UTXO_SHANI_INLINE void ToRegisters(const uint32_t* state, __m128i& abef, __m128i& cdgh)
{
    const __m128i badc = _mm_shuffle_epi32(LoadWords(state), 0xb1);
    const __m128i hgfe = _mm_shuffle_epi32(LoadWords(state + 4), 0x1b);
    abef = _mm_alignr_epi8(badc, hgfe, 8);
    cdgh = _mm_blend_epi16(hgfe, badc, 0xf0);
}

// The inverse of ToRegisters: abcd gets lanes {A,B,C,D}, efgh gets {E,F,G,H}.
UTXO_SHANI_INLINE void FromRegisters(__m128i abef, __m128i cdgh, __m128i& abcd, __m128i& efgh)
{
    const __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
    abcd = _mm_blend_epi16(feba, dchg, 0xf0);
    efgh = _mm_alignr_epi8(dchg, feba, 8);
}

// Four rounds; wk holds W[t..t+3] + K[t..t+3].
UTXO_SHANI_INLINE void QuadRound(__m128i& abef, __m128i& cdgh, __m128i wk)
{
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
    abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0e));
}

// W[t..t+3] from the previous sixteen words, oldest group first.
UTXO_SHANI_INLINE __m128i NextWords(__m128i w16, __m128i w12, __m128i w8, __m128i w4)
{
    const __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(w16, w12), _mm_alignr_epi8(w4, w8, 4));
    return _mm_sha256msg2_epu32(partial, w4);
}

UTXO_SHANI_INLINE __m128i RoundConstants(int group)
{
    return _mm_load_si128(reinterpret_cast<const __m128i*>(ROUND_CONSTANTS.data() + 4 * group));
}

// Compresses one block into each of N independent states. Interleaving the
// lanes hides the latency of sha256rnds2, whose rounds form a serial chain.
// w[n] holds lane n's sixteen message words and is overwritten.
template <int N>
UTXO_SHANI_INLINE void Compress(__m128i* abef, __m128i* cdgh, __m128i (*w)[4])
{
    __m128i abef_in[N], cdgh_in[N];
    for (int n = 0; n < N; ++n) {
        abef_in[n] = abef[n];
        cdgh_in[n] = cdgh[n];
    }
#pragma GCC unroll 16
    for (int g = 0; g < 16; ++g) {
        const __m128i k = RoundConstants(g);
#pragma GCC unroll 2
        for (int n = 0; n < N; ++n) {
            __m128i* m = w[n];
            if (g >= 4) m[g % 4] = NextWords(m[g % 4], m[(g + 1) % 4], m[(g + 2) % 4], m[(g + 3) % 4]);
            QuadRound(abef[n], cdgh[n], _mm_add_epi32(m[g % 4], k));
        }
    }
    for (int n = 0; n < N; ++n) {
        abef[n] = _mm_add_epi32(abef[n], abef_in[n]);
        cdgh[n] = _mm_add_epi32(cdgh[n], cdgh_in[n]);
    }
}

// Compresses a block whose W[t] + K[t] is precomputed (a padding block).
template <int N>
UTXO_SHANI_INLINE void CompressFixed(__m128i* abef, __m128i* cdgh, const uint32_t* wk)
{
    __m128i abef_in[N], cdgh_in[N];
    for (int n = 0; n < N; ++n) {
        abef_in[n] = abef[n];
        cdgh_in[n] = cdgh[n];
    }
#pragma GCC unroll 16
    for (int g = 0; g < 16; ++g) {
        const __m128i k = _mm_load_si128(reinterpret_cast<const __m128i*>(wk + 4 * g));
#pragma GCC unroll 2
        for (int n = 0; n < N; ++n) QuadRound(abef[n], cdgh[n], k);
    }
    for (int n = 0; n < N; ++n) {
        abef[n] = _mm_add_epi32(abef[n], abef_in[n]);
        cdgh[n] = _mm_add_epi32(cdgh[n], cdgh_in[n]);
    }
}

// Sha256D64 for N messages at once: three compressions per message.
template <int N>
UTXO_SHANI_INLINE void Double64Lanes(uint8_t* out, const uint8_t* in)
{
    __m128i abef[N], cdgh[N], w[N][4];
    for (int n = 0; n < N; ++n) {
        ToRegisters(INITIAL_STATE.data(), abef[n], cdgh[n]);
        for (int g = 0; g < 4; ++g) w[n][g] = LoadBigEndianWords(in + 64 * n + 16 * g);
    }
    Compress<N>(abef, cdgh, w);
    CompressFixed<N>(abef, cdgh, PADDING_AFTER_64_BYTES_WK.data());
    // The first digest, as big-endian words, is the second message as is.
    for (int n = 0; n < N; ++n) {
        FromRegisters(abef[n], cdgh[n], w[n][0], w[n][1]);
        w[n][2] = LoadWords(PADDING_AFTER_32_BYTES.data());
        w[n][3] = LoadWords(PADDING_AFTER_32_BYTES.data() + 4);
        ToRegisters(INITIAL_STATE.data(), abef[n], cdgh[n]);
    }
    Compress<N>(abef, cdgh, w);
    for (int n = 0; n < N; ++n) {
        __m128i abcd, efgh;
        FromRegisters(abef[n], cdgh[n], abcd, efgh);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 32 * n), ByteSwapWords(abcd));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 32 * n + 16), ByteSwapWords(efgh));
    }
}

UTXO_SHANI_TARGET void TransformShaNi(uint32_t* state, const uint8_t* data, size_t blocks)
{
    __m128i abef, cdgh;
    ToRegisters(state, abef, cdgh);
    for (size_t i = 0; i < blocks; ++i) {
        __m128i w[1][4];
        for (int g = 0; g < 4; ++g) w[0][g] = LoadBigEndianWords(data + 64 * i + 16 * g);
        Compress<1>(&abef, &cdgh, w);
    }
    __m128i abcd, efgh;
    FromRegisters(abef, cdgh, abcd, efgh);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), abcd);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), efgh);
}

UTXO_SHANI_TARGET void Double64ShaNi(uint8_t* out, const uint8_t* in, size_t count)
{
    for (; count >= 2; count -= 2, in += 128, out += 64) Double64Lanes<2>(out, in);
    if (count == 1) Double64Lanes<1>(out, in);
}

// CPUID leaf 1 ECX: SSSE3 (bit 9), SSE4.1 (bit 19); leaf 7 EBX: SHA (bit 29).
bool CpuHasShaNi()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const bool ssse3 = ecx & (1u << 9);
    const bool sse41 = ecx & (1u << 19);
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    const bool sha = ebx & (1u << 29);
    return ssse3 && sse41 && sha;
}

} // namespace

const Backend* ShaNiBackend()
{
    static constexpr Backend SHA_NI{"sha-ni", TransformShaNi, Double64ShaNi};
    static const bool supported = CpuHasShaNi();
    return supported ? &SHA_NI : nullptr;
}

} // namespace crypto::sha256_internal

#else // not x86-64

namespace crypto::sha256_internal {
const Backend* ShaNiBackend() { return nullptr; }
} // namespace crypto::sha256_internal

#endif
