// Keccak-f[1600] and SHA3-256 as FIPS 202 defines them: sections 3.2 (the
// step mappings theta, rho, pi, chi, iota), 3.3 (24 rounds), 5.1 (pad10*1)
// and 6.1 (SHA3-256: capacity 512, suffix 01).
#include <crypto/sha3.h>

#include <bit>

namespace crypto {
namespace {

// Iota's round constants (FIPS 202, algorithm 5, precomputed).
constexpr uint64_t ROUND_CONSTANTS[24] = {
    0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
    0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
    0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
};

// Rho's rotation for lane (x, y), at index x + 5y (FIPS 202, table 2).
constexpr int ROTATIONS[25] = {
    0,  1,  62, 28, 27, //
    36, 44, 6,  55, 20, //
    3,  10, 43, 25, 39, //
    41, 45, 15, 21, 8,  //
    18, 2,  61, 56, 14, //
};

// The SHA-3 domain bits "01" followed by the first bit of pad10*1, as the
// first padding byte (bits are taken least significant first).
constexpr uint8_t SHA3_SUFFIX = 0x06;

void XorByte(std::array<uint64_t, 25>& lanes, size_t index, uint8_t byte)
{
    lanes[index / 8] ^= uint64_t{byte} << (8 * (index % 8));
}

} // namespace

void KeccakF1600(std::array<uint64_t, 25>& a)
{
    for (uint64_t round_constant : ROUND_CONSTANTS) {
        // Theta: each lane absorbs the parities of two neighbouring columns.
        uint64_t c[5];
        for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) {
            const uint64_t d = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
        }
        // Rho and pi: rotate each lane, then move (x, y) to (y, 2x + 3y).
        std::array<uint64_t, 25> b;
        for (int x = 0; x < 5; ++x) {
            for (int y = 0; y < 5; ++y) {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = std::rotl(a[x + 5 * y], ROTATIONS[x + 5 * y]);
            }
        }
        // Chi: the only non-linear step, along each row.
        for (int y = 0; y < 25; y += 5) {
            for (int x = 0; x < 5; ++x) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        }
        // Iota.
        a[0] ^= round_constant;
    }
}

Sha3_256& Sha3_256::Write(util::ByteSpan data)
{
    for (uint8_t byte : data) {
        XorByte(m_lanes, m_fill, byte);
        if (++m_fill == RATE) {
            KeccakF1600(m_lanes);
            m_fill = 0;
        }
    }
    return *this;
}

std::array<uint8_t, Sha3_256::OUTPUT_SIZE> Sha3_256::Finalize()
{
    XorByte(m_lanes, m_fill, SHA3_SUFFIX);
    XorByte(m_lanes, RATE - 1, 0x80); // the final 1 bit of pad10*1
    KeccakF1600(m_lanes);
    std::array<uint8_t, OUTPUT_SIZE> out;
    for (size_t i = 0; i < OUTPUT_SIZE; ++i) out[i] = static_cast<uint8_t>(m_lanes[i / 8] >> (8 * (i % 8)));
    return out;
}

Sha3_256& Sha3_256::Reset()
{
    m_lanes.fill(0);
    m_fill = 0;
    return *this;
}

} // namespace crypto
