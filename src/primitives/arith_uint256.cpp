#include <primitives/arith_uint256.h>

#include <util/endian.h>

#include <cassert>

namespace primitives {

ArithUint256 ArithUint256::FromUint256(const Uint256& bytes)
{
    ArithUint256 out;
    for (int i = 0; i < 4; ++i) out.m_limbs[i] = util::ReadLE64(bytes.data() + 8 * i);
    return out;
}

Uint256 ArithUint256::ToUint256() const
{
    Uint256 out;
    for (int i = 0; i < 4; ++i) util::WriteLE64(out.data() + 8 * i, m_limbs[i]);
    return out;
}

unsigned ArithUint256::Bits() const
{
    for (int i = 3; i >= 0; --i) {
        if (m_limbs[i] != 0) return 64 * i + (64 - __builtin_clzll(m_limbs[i]));
    }
    return 0;
}

ArithUint256& ArithUint256::operator+=(const ArithUint256& b)
{
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; ++i) {
        carry += static_cast<unsigned __int128>(m_limbs[i]) + b.m_limbs[i];
        m_limbs[i] = static_cast<uint64_t>(carry);
        carry >>= 64;
    }
    return *this;
}

ArithUint256& ArithUint256::operator-=(const ArithUint256& b)
{
    return *this += -b;
}

ArithUint256& ArithUint256::operator*=(const ArithUint256& b)
{
    std::array<uint64_t, 4> result{};
    for (int i = 0; i < 4; ++i) {
        unsigned __int128 carry = 0;
        for (int j = 0; i + j < 4; ++j) {
            carry += static_cast<unsigned __int128>(m_limbs[i]) * b.m_limbs[j] + result[i + j];
            result[i + j] = static_cast<uint64_t>(carry);
            carry >>= 64;
        }
    }
    m_limbs = result;
    return *this;
}

ArithUint256& ArithUint256::operator*=(uint32_t b)
{
    return *this *= ArithUint256(b);
}

ArithUint256& ArithUint256::operator/=(const ArithUint256& divisor)
{
    assert(!divisor.IsZero());
    ArithUint256 num = *this;
    ArithUint256 div = divisor;
    ArithUint256 quotient;
    if (div > num) {
        *this = quotient;
        return *this;
    }
    // Shift-and-subtract long division, aligning the divisor's top bit with the numerator's.
    int shift = static_cast<int>(num.Bits()) - static_cast<int>(div.Bits());
    div <<= shift;
    while (shift >= 0) {
        if (num >= div) {
            num -= div;
            quotient.m_limbs[shift / 64] |= uint64_t{1} << (shift % 64);
        }
        div >>= 1;
        --shift;
    }
    *this = quotient;
    return *this;
}

ArithUint256& ArithUint256::operator<<=(unsigned shift)
{
    if (shift >= 256) {
        m_limbs = {};
        return *this;
    }
    const unsigned limbs = shift / 64, bits = shift % 64;
    std::array<uint64_t, 4> out{};
    for (int i = 3; i >= static_cast<int>(limbs); --i) {
        out[i] = m_limbs[i - limbs] << bits;
        if (bits && i - static_cast<int>(limbs) - 1 >= 0) out[i] |= m_limbs[i - limbs - 1] >> (64 - bits);
    }
    m_limbs = out;
    return *this;
}

ArithUint256& ArithUint256::operator>>=(unsigned shift)
{
    if (shift >= 256) {
        m_limbs = {};
        return *this;
    }
    const unsigned limbs = shift / 64, bits = shift % 64;
    std::array<uint64_t, 4> out{};
    for (unsigned i = 0; i + limbs < 4; ++i) {
        out[i] = m_limbs[i + limbs] >> bits;
        if (bits && i + limbs + 1 < 4) out[i] |= m_limbs[i + limbs + 1] << (64 - bits);
    }
    m_limbs = out;
    return *this;
}

ArithUint256 ArithUint256::operator~() const
{
    ArithUint256 out;
    for (int i = 0; i < 4; ++i) out.m_limbs[i] = ~m_limbs[i];
    return out;
}

ArithUint256 ArithUint256::FromCompact(uint32_t compact, bool* negative, bool* overflow)
{
    const unsigned size = compact >> 24;
    uint32_t word = compact & 0x007fffff;
    ArithUint256 out;
    if (size <= 3) {
        word >>= 8 * (3 - size);
        out = word;
    } else {
        out = word;
        out <<= 8 * (size - 3);
    }
    if (negative) *negative = word != 0 && (compact & 0x00800000) != 0;
    if (overflow) {
        *overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
    }
    return out;
}

uint32_t ArithUint256::ToCompact(bool negative) const
{
    unsigned size = (Bits() + 7) / 8;
    uint32_t compact;
    if (size <= 3) {
        compact = static_cast<uint32_t>(Low64() << (8 * (3 - size)));
    } else {
        compact = static_cast<uint32_t>((*this >> (8 * (size - 3))).Low64());
    }
    // The mantissa's top bit is the sign: move a set bit out of it.
    if (compact & 0x00800000) {
        compact >>= 8;
        ++size;
    }
    compact |= size << 24;
    if (negative && (compact & 0x007fffff) != 0) compact |= 0x00800000;
    return compact;
}

} // namespace primitives
