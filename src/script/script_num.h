// ScriptNum: the numbers that script arithmetic works on (Core's CScriptNum).
//
// On the stack a number is little-endian sign-magnitude: the top bit of the
// last byte is the sign, and zero is the empty vector. Operands read from the
// stack are at most 4 bytes (5 for CHECKLOCKTIMEVERIFY and
// CHECKSEQUENCEVERIFY, BIP65/BIP112), while results of arithmetic may need up
// to 5 bytes and are only re-checked when they are read again. So the value
// is kept as an int64_t, which holds every result exactly.
//
// Contract: a small value type, no state outside the object. Decoding fails
// with a Result error instead of throwing; the arithmetic operators assert
// (and so stop the program) on int64 overflow, which in-range script operands
// can never reach.
#ifndef UTXO_SCRIPT_SCRIPT_NUM_H
#define UTXO_SCRIPT_SCRIPT_NUM_H

#include <util/byte_span.h>
#include <util/result.h>

#include <cstddef>
#include <cstdint>

namespace script {

class ScriptNum {
public:
    // Longest operand an arithmetic opcode accepts, in bytes.
    static constexpr size_t DEFAULT_MAX_NUM_SIZE = 4;
    // Longest operand CHECKLOCKTIMEVERIFY/CHECKSEQUENCEVERIFY accept (BIP65).
    static constexpr size_t LOCKTIME_MAX_NUM_SIZE = 5;

    // Error texts, as Bitcoin Core's scriptnum_error carries them.
    static constexpr const char* ERROR_OVERFLOW = "script number overflow";
    static constexpr const char* ERROR_NON_MINIMAL = "non-minimally encoded script number";

    constexpr explicit ScriptNum(int64_t value) : m_value(value) {}

    // Reads a stack element as a number. Fails when it is longer than
    // `max_size` bytes (ERROR_OVERFLOW), or, with `require_minimal`, when it
    // is not the shortest encoding of its value (ERROR_NON_MINIMAL; BIP62
    // rule 4): the last byte, sign bit aside, must be non-zero unless the
    // byte before it has its top bit set. That also rejects negative zero.
    // Precondition: max_size <= 8.
    static util::Result<ScriptNum> Decode(util::ByteSpan bytes, bool require_minimal,
                                          size_t max_size = DEFAULT_MAX_NUM_SIZE);

    // True when `bytes` is the shortest encoding of its value (empty counts).
    static bool IsMinimallyEncoded(util::ByteSpan bytes);

    // The value of `bytes` without any length or minimality check (negative
    // zero reads as 0). Precondition: bytes.size() <= 8.
    static int64_t DecodeUnchecked(util::ByteSpan bytes);

    // The shortest encoding of `value`: empty for 0, never negative zero.
    static util::Bytes Serialize(int64_t value);
    util::Bytes Serialize() const { return Serialize(m_value); }

    int64_t GetInt64() const { return m_value; }
    // The value clamped to the int32 range (Core's getint()).
    int32_t GetInt() const;

    friend bool operator==(const ScriptNum& a, const ScriptNum& b) = default;
    friend auto operator<=>(const ScriptNum& a, const ScriptNum& b) = default;
    friend bool operator==(const ScriptNum& a, int64_t b) { return a.m_value == b; }
    friend auto operator<=>(const ScriptNum& a, int64_t b) { return a.m_value <=> b; }

    ScriptNum operator+(int64_t rhs) const { ScriptNum r{*this}; r += rhs; return r; }
    ScriptNum operator-(int64_t rhs) const { ScriptNum r{*this}; r -= rhs; return r; }
    ScriptNum operator+(const ScriptNum& rhs) const { return *this + rhs.m_value; }
    ScriptNum operator-(const ScriptNum& rhs) const { return *this - rhs.m_value; }
    ScriptNum operator&(int64_t rhs) const { return ScriptNum{m_value & rhs}; }
    ScriptNum operator&(const ScriptNum& rhs) const { return ScriptNum{m_value & rhs.m_value}; }
    // Precondition: the value is not INT64_MIN.
    ScriptNum operator-() const;

    // Precondition: the result fits in int64_t.
    ScriptNum& operator+=(int64_t rhs);
    ScriptNum& operator-=(int64_t rhs);
    ScriptNum& operator+=(const ScriptNum& rhs) { return *this += rhs.m_value; }
    ScriptNum& operator-=(const ScriptNum& rhs) { return *this -= rhs.m_value; }
    ScriptNum& operator&=(int64_t rhs) { m_value &= rhs; return *this; }
    ScriptNum& operator&=(const ScriptNum& rhs) { m_value &= rhs.m_value; return *this; }

private:
    int64_t m_value;
};

} // namespace script

#endif // UTXO_SCRIPT_SCRIPT_NUM_H
