// Unsigned 256-bit integers for proof-of-work targets and chain work.
//
// Wraps modulo 2^256 like an unsigned integer; division by zero is a
// precondition violation (checked by assert). Not used for hashing: convert
// from/to Uint256 (little-endian bytes) at the boundary.
#ifndef UTXO_PRIMITIVES_ARITH_UINT256_H
#define UTXO_PRIMITIVES_ARITH_UINT256_H

#include <primitives/uint256.h>

#include <array>
#include <compare>
#include <cstdint>
#include <string>

namespace primitives {

class ArithUint256 {
public:
    constexpr ArithUint256() = default;
    constexpr ArithUint256(uint64_t v) : m_limbs{v, 0, 0, 0} {}

    static ArithUint256 FromUint256(const Uint256& bytes);
    Uint256 ToUint256() const;
    // Big-endian hex without leading zeros trimmed (64 digits), like Uint256::ToHex.
    std::string ToHex() const { return ToUint256().ToHex(); }

    // Position of the highest set bit plus one; 0 for zero.
    unsigned Bits() const;
    uint64_t Low64() const { return m_limbs[0]; }
    bool IsZero() const { return (m_limbs[0] | m_limbs[1] | m_limbs[2] | m_limbs[3]) == 0; }

    // Bitcoin's compact "nBits" encoding: a base-256 float with a 3-byte mantissa
    // whose top bit is a sign. `negative` and `overflow` report encodings that are
    // never valid targets (a set sign bit on a non-zero mantissa; a value that
    // does not fit 256 bits); the returned value is then meaningless.
    static ArithUint256 FromCompact(uint32_t compact, bool* negative = nullptr, bool* overflow = nullptr);
    uint32_t ToCompact(bool negative = false) const;

    ArithUint256& operator+=(const ArithUint256& b);
    ArithUint256& operator-=(const ArithUint256& b);
    ArithUint256& operator*=(const ArithUint256& b);
    ArithUint256& operator*=(uint32_t b);
    ArithUint256& operator/=(const ArithUint256& divisor);
    ArithUint256& operator<<=(unsigned shift);
    ArithUint256& operator>>=(unsigned shift);
    ArithUint256 operator~() const;
    ArithUint256 operator-() const { return ~*this + 1; }
    ArithUint256& operator++() { return *this += 1; }

    friend ArithUint256 operator+(ArithUint256 a, const ArithUint256& b) { return a += b; }
    friend ArithUint256 operator-(ArithUint256 a, const ArithUint256& b) { return a -= b; }
    friend ArithUint256 operator*(ArithUint256 a, const ArithUint256& b) { return a *= b; }
    friend ArithUint256 operator*(ArithUint256 a, uint32_t b) { return a *= b; }
    friend ArithUint256 operator/(ArithUint256 a, const ArithUint256& b) { return a /= b; }
    friend ArithUint256 operator<<(ArithUint256 a, unsigned s) { return a <<= s; }
    friend ArithUint256 operator>>(ArithUint256 a, unsigned s) { return a >>= s; }

    friend bool operator==(const ArithUint256&, const ArithUint256&) = default;
    friend std::strong_ordering operator<=>(const ArithUint256& a, const ArithUint256& b)
    {
        for (int i = 3; i >= 0; --i) {
            if (a.m_limbs[i] != b.m_limbs[i]) return a.m_limbs[i] <=> b.m_limbs[i];
        }
        return std::strong_ordering::equal;
    }

private:
    std::array<uint64_t, 4> m_limbs{}; // little-endian limbs
};

} // namespace primitives

#endif // UTXO_PRIMITIVES_ARITH_UINT256_H
