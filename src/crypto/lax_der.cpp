#include <crypto/lax_der.h>

#include <algorithm>
#include <cstddef>
#include <optional>

namespace crypto {
namespace {

constexpr uint8_t SEQUENCE_TAG = 0x30;
constexpr uint8_t INTEGER_TAG = 0x02;
constexpr uint8_t LONG_FORM = 0x80;      // length byte 0x80 | n: n length bytes follow
constexpr uint8_t LENGTH_COUNT_MASK = 0x7f;
// Core reads a long-form integer length of at most 3 significant bytes
// (contrib/lax_der_parsing.c allows up to sizeof(size_t) - 1; on 64-bit hosts
// that differs only for inputs of 16 MiB and up, and Core's rule is the one to match).
constexpr size_t MAX_SIGNIFICANT_LENGTH_BYTES = 3;
constexpr size_t SCALAR_SIZE = 32;

// A read position in the input; every access is bounds-checked.
class Cursor {
public:
    explicit Cursor(util::ByteSpan input) : m_rest(input) {}

    size_t Remaining() const { return m_rest.size(); }

    std::optional<uint8_t> Take()
    {
        if (m_rest.empty()) return std::nullopt;
        const uint8_t byte = m_rest.front();
        m_rest = m_rest.subspan(1);
        return byte;
    }

    // The next `count` bytes; the caller has checked count <= Remaining().
    util::ByteSpan TakeSpan(size_t count)
    {
        const util::ByteSpan taken = m_rest.first(count);
        m_rest = m_rest.subspan(count);
        return taken;
    }

private:
    util::ByteSpan m_rest;
};

util::ByteSpan WithoutLeadingZeros(util::ByteSpan bytes)
{
    const auto first_nonzero = std::find_if(bytes.begin(), bytes.end(), [](uint8_t b) { return b != 0; });
    return bytes.subspan(static_cast<size_t>(first_nonzero - bytes.begin()));
}

// The length byte(s) after an INTEGER tag. Long form: count bytes follow, which
// must be present; leading zero bytes among them are skipped and at most
// MAX_SIGNIFICANT_LENGTH_BYTES may remain.
std::optional<size_t> TakeIntegerLength(Cursor& cursor)
{
    const auto first = cursor.Take();
    if (!first) return std::nullopt;
    if ((*first & LONG_FORM) == 0) return *first;
    const size_t count = *first & LENGTH_COUNT_MASK;
    if (count > cursor.Remaining()) return std::nullopt;
    const util::ByteSpan digits = WithoutLeadingZeros(cursor.TakeSpan(count));
    if (digits.size() > MAX_SIGNIFICANT_LENGTH_BYTES) return std::nullopt;
    size_t length = 0;
    for (const uint8_t digit : digits) length = (length << 8) | digit;
    return length;
}

// An INTEGER's contents: tag, length, then that many bytes, all present.
std::optional<util::ByteSpan> TakeInteger(Cursor& cursor)
{
    if (cursor.Take() != INTEGER_TAG) return std::nullopt;
    const auto length = TakeIntegerLength(cursor);
    if (!length || *length > cursor.Remaining()) return std::nullopt;
    return cursor.TakeSpan(*length);
}

// The sequence header: the tag, then a length that is skipped, never checked.
bool SkipSequenceHeader(Cursor& cursor)
{
    if (cursor.Take() != SEQUENCE_TAG) return false;
    const auto first = cursor.Take();
    if (!first) return false;
    if ((*first & LONG_FORM) == 0) return true;
    const size_t count = *first & LENGTH_COUNT_MASK;
    if (count > cursor.Remaining()) return false;
    cursor.TakeSpan(count);
    return true;
}

} // namespace

bool ParseDerLax(util::ByteSpan sig, CompactSignature& compact_rs)
{
    compact_rs.fill(0);
    Cursor cursor{sig};
    if (!SkipSequenceHeader(cursor)) return false;
    const auto r = TakeInteger(cursor);
    if (!r) return false;
    const auto s = TakeInteger(cursor);
    if (!s) return false;
    // Whatever follows S is ignored.

    const util::ByteSpan r_digits = WithoutLeadingZeros(*r);
    const util::ByteSpan s_digits = WithoutLeadingZeros(*s);
    // Too long for a scalar: parsed, but left as the all-zero signature.
    if (r_digits.size() > SCALAR_SIZE || s_digits.size() > SCALAR_SIZE) return true;
    std::copy(r_digits.begin(), r_digits.end(), compact_rs.begin() + (SCALAR_SIZE - r_digits.size()));
    std::copy(s_digits.begin(), s_digits.end(), compact_rs.end() - s_digits.size());
    return true;
}

} // namespace crypto
