#include <util/serialize.h>

#include <algorithm>
#include <cstring>

namespace util {

void SpanReader::Fail(std::string reason)
{
    if (m_failed) return;
    m_failed = true;
    m_error = std::move(reason);
    m_pos = m_data.size(); // later reads see no data
}

bool SpanReader::Need(size_t n)
{
    if (m_failed) return false;
    if (remaining() < n) {
        Fail("unexpected end of data (needed " + std::to_string(n) + " bytes at offset " +
             std::to_string(m_pos) + ", " + std::to_string(remaining()) + " left)");
        return false;
    }
    return true;
}

uint8_t SpanReader::ReadU8()
{
    if (!Need(1)) return 0;
    return m_data[m_pos++];
}

uint16_t SpanReader::ReadU16LE()
{
    if (!Need(2)) return 0;
    const uint16_t v = ReadLE16(m_data.data() + m_pos);
    m_pos += 2;
    return v;
}

uint32_t SpanReader::ReadU32LE()
{
    if (!Need(4)) return 0;
    const uint32_t v = ReadLE32(m_data.data() + m_pos);
    m_pos += 4;
    return v;
}

uint64_t SpanReader::ReadU64LE()
{
    if (!Need(8)) return 0;
    const uint64_t v = ReadLE64(m_data.data() + m_pos);
    m_pos += 8;
    return v;
}

ByteSpan SpanReader::ReadBytes(size_t n)
{
    if (!Need(n)) return {};
    const ByteSpan out = m_data.subspan(m_pos, n);
    m_pos += n;
    return out;
}

void SpanReader::ReadInto(WritableByteSpan out)
{
    const ByteSpan in = ReadBytes(out.size());
    if (in.size() == out.size()) {
        if (!out.empty()) std::memcpy(out.data(), in.data(), out.size());
    } else {
        std::fill(out.begin(), out.end(), 0);
    }
}

uint64_t SpanReader::ReadCompactSize(uint64_t max)
{
    const uint8_t first = ReadU8();
    uint64_t n = first;
    if (first == 253) {
        n = ReadU16LE();
        if (!m_failed && n < 253) Fail("non-canonical CompactSize");
    } else if (first == 254) {
        n = ReadU32LE();
        if (!m_failed && n < 0x10000) Fail("non-canonical CompactSize");
    } else if (first == 255) {
        n = ReadU64LE();
        if (!m_failed && n < 0x100000000ULL) Fail("non-canonical CompactSize");
    }
    if (m_failed) return 0;
    if (n > max) {
        Fail("CompactSize " + std::to_string(n) + " exceeds the limit of " + std::to_string(max));
        return 0;
    }
    return n;
}

uint64_t SpanReader::ReadVarInt()
{
    uint64_t n = 0;
    while (true) {
        const uint8_t ch = ReadU8();
        if (m_failed) return 0;
        if (n > (UINT64_MAX >> 7)) {
            Fail("VarInt too large");
            return 0;
        }
        n = (n << 7) | (ch & 0x7f);
        if ((ch & 0x80) == 0) return n;
        if (n == UINT64_MAX) {
            Fail("VarInt too large");
            return 0;
        }
        ++n;
    }
}

Bytes SpanReader::ReadVarBytes(uint64_t max)
{
    const uint64_t n = ReadCompactSize(max);
    const ByteSpan bytes = ReadBytes(static_cast<size_t>(n));
    return Bytes(bytes.begin(), bytes.end());
}

Result<void> SpanReader::Finish(std::string_view what) const
{
    if (m_failed) return Error{"invalid " + std::string(what) + ": " + m_error};
    if (!empty()) {
        return Error{"invalid " + std::string(what) + ": " + std::to_string(remaining()) +
                     " unexpected bytes after the end"};
    }
    return {};
}

} // namespace util
