// Script numbers (see script_num.h).
#include <script/script_num.h>

#include <cassert>
#include <limits>

namespace script {

bool ScriptNum::IsMinimallyEncoded(util::ByteSpan bytes)
{
    if (bytes.empty()) return true;
    // BIP62 rule 4: if the most significant byte is zero apart from the sign
    // bit, the number is too long -- unless the next byte down has its top bit
    // set, which would otherwise be read as the sign (0xff00 is +255, 0xff80 is
    // -255). A lone 0x00 or 0x80 (negative zero) is never minimal.
    if ((bytes.back() & 0x7f) == 0) {
        if (bytes.size() <= 1 || (bytes[bytes.size() - 2] & 0x80) == 0) return false;
    }
    return true;
}

util::Result<ScriptNum> ScriptNum::Decode(util::ByteSpan bytes, bool require_minimal, size_t max_size)
{
    assert(max_size <= 8);
    if (bytes.size() > max_size) return util::Error{ERROR_OVERFLOW};
    if (require_minimal && !IsMinimallyEncoded(bytes)) return util::Error{ERROR_NON_MINIMAL};
    return ScriptNum{DecodeUnchecked(bytes)};
}

int64_t ScriptNum::DecodeUnchecked(util::ByteSpan bytes)
{
    assert(bytes.size() <= 8);
    if (bytes.empty()) return 0;
    uint64_t magnitude = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        magnitude |= static_cast<uint64_t>(bytes[i]) << (8 * i);
    }
    const uint64_t sign_bit = uint64_t{0x80} << (8 * (bytes.size() - 1));
    if (magnitude & sign_bit) {
        // Sign-magnitude: clear the sign bit and negate what is left. With 8
        // bytes the magnitude is below 2^63, so the negation cannot overflow.
        return -static_cast<int64_t>(magnitude & ~sign_bit);
    }
    return static_cast<int64_t>(magnitude);
}

util::Bytes ScriptNum::Serialize(int64_t value)
{
    util::Bytes out;
    if (value == 0) return out;
    const bool negative = value < 0;
    // Two's complement negation in unsigned arithmetic also handles INT64_MIN.
    uint64_t magnitude = negative ? ~static_cast<uint64_t>(value) + 1 : static_cast<uint64_t>(value);
    while (magnitude) {
        out.push_back(static_cast<uint8_t>(magnitude & 0xff));
        magnitude >>= 8;
    }
    // The top bit of the last byte is the sign. If the magnitude already uses
    // it, add a byte to carry the sign; otherwise set it for negatives.
    if (out.back() & 0x80) {
        out.push_back(negative ? 0x80 : 0x00);
    } else if (negative) {
        out.back() |= 0x80;
    }
    return out;
}

int32_t ScriptNum::GetInt() const
{
    if (m_value > std::numeric_limits<int32_t>::max()) return std::numeric_limits<int32_t>::max();
    if (m_value < std::numeric_limits<int32_t>::min()) return std::numeric_limits<int32_t>::min();
    return static_cast<int32_t>(m_value);
}

ScriptNum ScriptNum::operator-() const
{
    assert(m_value != std::numeric_limits<int64_t>::min());
    return ScriptNum{-m_value};
}

ScriptNum& ScriptNum::operator+=(int64_t rhs)
{
    assert(rhs == 0 || (rhs > 0 && m_value <= std::numeric_limits<int64_t>::max() - rhs) ||
           (rhs < 0 && m_value >= std::numeric_limits<int64_t>::min() - rhs));
    m_value += rhs;
    return *this;
}

ScriptNum& ScriptNum::operator-=(int64_t rhs)
{
    assert(rhs == 0 || (rhs > 0 && m_value >= std::numeric_limits<int64_t>::min() + rhs) ||
           (rhs < 0 && m_value <= std::numeric_limits<int64_t>::max() + rhs));
    m_value -= rhs;
    return *this;
}

} // namespace script
