// SHA-1 compression, FIPS 180-4 section 6.1.
#include <crypto/sha1.h>

#include <util/endian.h>

#include <bit>

namespace crypto {
namespace {

// The round function and constant change every 20 steps (FIPS 180-4 4.1.1, 4.2.1).
constexpr uint32_t RoundFunction(int t, uint32_t b, uint32_t c, uint32_t d)
{
    if (t < 20) return d ^ (b & (c ^ d));         // Ch
    if (t < 40 || t >= 60) return b ^ c ^ d;       // Parity
    return (b & c) | (d & (b | c));                // Maj
}

constexpr uint32_t RoundConstant(int t)
{
    constexpr uint32_t K[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
    return K[t / 20];
}

void CompressBlock(uint32_t* state, const uint8_t* block)
{
    uint32_t w[80];
    for (int t = 0; t < 16; ++t) w[t] = util::ReadBE32(block + 4 * t);
    for (int t = 16; t < 80; ++t) w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);

    uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
#pragma GCC unroll 80
    for (int t = 0; t < 80; ++t) {
        const uint32_t temp = std::rotl(a, 5) + RoundFunction(t, b, c, d) + e + RoundConstant(t) + w[t];
        e = d;
        d = c;
        c = std::rotl(b, 30);
        b = a;
        a = temp;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d; state[4] += e;
}

} // namespace

Sha1& Sha1::Reset()
{
    // FIPS 180-4 section 5.3.1: the initial hash value H(0).
    m_state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    m_buffer.Clear();
    return *this;
}

void Sha1::Compress(const uint8_t* blocks, size_t count)
{
    for (size_t i = 0; i < count; ++i) CompressBlock(m_state.data(), blocks + BLOCK_SIZE * i);
}

Sha1& Sha1::Write(util::ByteSpan data)
{
    m_buffer.Write(data, [this](const uint8_t* blocks, size_t count) { Compress(blocks, count); });
    return *this;
}

void Sha1::Finalize(std::span<uint8_t, OUTPUT_SIZE> out)
{
    m_buffer.Pad<8, std::endian::big>([this](const uint8_t* blocks, size_t count) { Compress(blocks, count); });
    for (size_t i = 0; i < 5; ++i) util::WriteBE32(out.data() + 4 * i, m_state[i]);
}

std::array<uint8_t, Sha1::OUTPUT_SIZE> Sha1::Finalize()
{
    std::array<uint8_t, OUTPUT_SIZE> out;
    Finalize(out);
    return out;
}

} // namespace crypto
