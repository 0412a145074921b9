// RIPEMD-160 as specified in "RIPEMD-160: A Strengthened Version of RIPEMD"
// (Dobbertin, Bosselaers, Preneel, FSE 1996): two parallel lines of five
// 16-step rounds over little-endian message words.
#include <crypto/ripemd160.h>

#include <util/endian.h>

#include <bit>

namespace crypto {
namespace {

// Message word selection r (left line) and r' (right line), step j = 0..79.
constexpr uint8_t WORD_LEFT[80] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
    3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
    1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
    4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13};
constexpr uint8_t WORD_RIGHT[80] = {
    5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
    6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
    15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
    8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
    12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11};
// Left rotation amounts s and s'.
constexpr uint8_t SHIFT_LEFT[80] = {
    11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
    7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
    11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
    11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
    9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6};
constexpr uint8_t SHIFT_RIGHT[80] = {
    8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
    9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
    9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
    15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
    8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11};
// Additive constants per round of 16 steps.
constexpr uint32_t CONSTANT_LEFT[5] = {0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e};
constexpr uint32_t CONSTANT_RIGHT[5] = {0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000};

// The five boolean functions f1..f5; the left line uses them in order, the
// right line in reverse.
constexpr uint32_t F(int i, uint32_t x, uint32_t y, uint32_t z)
{
    switch (i) {
    case 0: return x ^ y ^ z;
    case 1: return (x & y) | (~x & z);
    case 2: return (x | ~y) ^ z;
    case 3: return (x & z) | (y & ~z);
    default: return x ^ (y | ~z);
    }
}

struct Line {
    uint32_t a, b, c, d, e;

    // One step: a is replaced, c is rotated; the roles then shift along.
    void Step(uint32_t f, uint32_t word, uint32_t constant, int shift)
    {
        const uint32_t t = std::rotl(a + f + word + constant, shift) + e;
        a = e;
        e = d;
        d = std::rotl(c, 10);
        c = b;
        b = t;
    }
};

void CompressBlock(uint32_t* state, const uint8_t* block)
{
    uint32_t x[16];
    for (int i = 0; i < 16; ++i) x[i] = util::ReadLE32(block + 4 * i);
    Line left{state[0], state[1], state[2], state[3], state[4]};
    Line right = left;
#pragma GCC unroll 80
    for (int j = 0; j < 80; ++j) {
        const int round = j / 16;
        left.Step(F(round, left.b, left.c, left.d), x[WORD_LEFT[j]], CONSTANT_LEFT[round], SHIFT_LEFT[j]);
        right.Step(F(4 - round, right.b, right.c, right.d), x[WORD_RIGHT[j]], CONSTANT_RIGHT[round],
                   SHIFT_RIGHT[j]);
    }
    // Combine the two lines into the new chaining value.
    const uint32_t t = state[1] + left.c + right.d;
    state[1] = state[2] + left.d + right.e;
    state[2] = state[3] + left.e + right.a;
    state[3] = state[4] + left.a + right.b;
    state[4] = state[0] + left.b + right.c;
    state[0] = t;
}

} // namespace

Ripemd160& Ripemd160::Reset()
{
    m_state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    m_buffer.Clear();
    return *this;
}

void Ripemd160::Compress(const uint8_t* blocks, size_t count)
{
    for (size_t i = 0; i < count; ++i) CompressBlock(m_state.data(), blocks + BLOCK_SIZE * i);
}

Ripemd160& Ripemd160::Write(util::ByteSpan data)
{
    m_buffer.Write(data, [this](const uint8_t* blocks, size_t count) { Compress(blocks, count); });
    return *this;
}

void Ripemd160::Finalize(std::span<uint8_t, OUTPUT_SIZE> out)
{
    m_buffer.Pad<8, std::endian::little>([this](const uint8_t* blocks, size_t count) { Compress(blocks, count); });
    for (size_t i = 0; i < 5; ++i) util::WriteLE32(out.data() + 4 * i, m_state[i]);
}

std::array<uint8_t, Ripemd160::OUTPUT_SIZE> Ripemd160::Finalize()
{
    std::array<uint8_t, OUTPUT_SIZE> out;
    Finalize(out);
    return out;
}

} // namespace crypto
