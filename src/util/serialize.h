// Bitcoin's binary serialization: fixed-width little-endian integers,
// CompactSize lengths, the VarInt used in the UTXO database, and byte strings.
//
// Writers share one interface (WriterBase) so the same Serialize code can append
// to a buffer, count bytes (SizeCounter) or feed a hash (crypto::Hash256Writer)
// without an intermediate copy.
//
// SpanReader reads from a contiguous buffer and never throws or reads out of
// bounds. Its failure is sticky: the first problem (truncation, a non-canonical
// or oversized CompactSize, ...) is recorded, every later read returns zero or
// empty, and the caller checks failed() once at the end of a record. Callers that
// loop over a decoded count must stop when failed() turns true.
#ifndef UTXO_UTIL_SERIALIZE_H
#define UTXO_UTIL_SERIALIZE_H

#include <util/byte_span.h>
#include <util/endian.h>
#include <util/result.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace util {

// Largest length a CompactSize may announce for a vector or byte string
// (Bitcoin Core's MAX_SIZE). A parsing limit, not a consensus rule.
inline constexpr uint64_t MAX_SIZE = 0x02000000;

// Number of bytes WriteCompactSize(n) emits.
constexpr size_t CompactSizeLength(uint64_t n)
{
    return n < 253 ? 1 : n <= 0xffff ? 3 : n <= 0xffffffff ? 5 : 9;
}

// CRTP base: Derived supplies WriteBytes(ByteSpan); everything else is built on it.
template <typename Derived>
class WriterBase {
public:
    void WriteU8(uint8_t v) { Bytes1(&v); }
    void WriteU16LE(uint16_t v) { uint8_t b[2]; WriteLE16(b, v); Self().WriteBytes(ByteSpan{b, 2}); }
    void WriteU32LE(uint32_t v) { uint8_t b[4]; WriteLE32(b, v); Self().WriteBytes(ByteSpan{b, 4}); }
    void WriteU64LE(uint64_t v) { uint8_t b[8]; WriteLE64(b, v); Self().WriteBytes(ByteSpan{b, 8}); }
    void WriteI32LE(int32_t v) { WriteU32LE(static_cast<uint32_t>(v)); }
    void WriteI64LE(int64_t v) { WriteU64LE(static_cast<uint64_t>(v)); }

    void WriteCompactSize(uint64_t n)
    {
        if (n < 253) {
            WriteU8(static_cast<uint8_t>(n));
        } else if (n <= 0xffff) {
            WriteU8(253);
            WriteU16LE(static_cast<uint16_t>(n));
        } else if (n <= 0xffffffff) {
            WriteU8(254);
            WriteU32LE(static_cast<uint32_t>(n));
        } else {
            WriteU8(255);
            WriteU64LE(n);
        }
    }

    // Bitcoin Core's VarInt: base-128, most significant group first, with the
    // continuation groups offset by one so every value has exactly one encoding.
    void WriteVarInt(uint64_t n)
    {
        uint8_t tmp[10];
        int len = 0;
        while (true) {
            tmp[len] = static_cast<uint8_t>((n & 0x7f) | (len ? 0x80 : 0x00));
            if (n <= 0x7f) break;
            n = (n >> 7) - 1;
            ++len;
        }
        do {
            WriteU8(tmp[len]);
        } while (len--);
    }

    // CompactSize length followed by the bytes.
    void WriteVarBytes(ByteSpan bytes)
    {
        WriteCompactSize(bytes.size());
        Self().WriteBytes(bytes);
    }

private:
    Derived& Self() { return static_cast<Derived&>(*this); }
    void Bytes1(const uint8_t* p) { Self().WriteBytes(ByteSpan{p, 1}); }
};

// Appends to a caller-owned byte vector.
class ByteWriter : public WriterBase<ByteWriter> {
public:
    explicit ByteWriter(Bytes& out) : m_out(out) {}
    void WriteBytes(ByteSpan bytes) { m_out.insert(m_out.end(), bytes.begin(), bytes.end()); }

private:
    Bytes& m_out;
};

// Counts what would be written.
class SizeCounter : public WriterBase<SizeCounter> {
public:
    void WriteBytes(ByteSpan bytes) { m_size += bytes.size(); }
    size_t size() const { return m_size; }

private:
    size_t m_size{0};
};

class SpanReader {
public:
    explicit SpanReader(ByteSpan data) : m_data(data) {}

    uint8_t ReadU8();
    uint16_t ReadU16LE();
    uint32_t ReadU32LE();
    uint64_t ReadU64LE();
    int32_t ReadI32LE() { return static_cast<int32_t>(ReadU32LE()); }
    int64_t ReadI64LE() { return static_cast<int64_t>(ReadU64LE()); }

    // The next n bytes, viewing the underlying buffer; empty on failure.
    ByteSpan ReadBytes(size_t n);
    // Copies exactly out.size() bytes; zero-fills on failure.
    void ReadInto(WritableByteSpan out);

    // Fails on a non-canonical encoding or a value above `max`.
    uint64_t ReadCompactSize(uint64_t max = MAX_SIZE);
    uint64_t ReadVarInt();
    // CompactSize length then that many bytes.
    Bytes ReadVarBytes(uint64_t max = MAX_SIZE);

    // Records `reason` unless a failure is already recorded (the first one wins).
    void Fail(std::string reason);
    bool failed() const { return m_failed; }
    const std::string& error() const { return m_error; }

    size_t position() const { return m_pos; }
    size_t remaining() const { return m_data.size() - m_pos; }
    bool empty() const { return m_pos == m_data.size(); }
    // The bytes read between position `from` and now.
    ByteSpan Since(size_t from) const { return m_data.subspan(from, m_pos - from); }

    // Ok when nothing failed and every byte was consumed; otherwise an error that
    // names `what` ("transaction", "block", ...).
    Result<void> Finish(std::string_view what) const;

private:
    bool Need(size_t n);

    ByteSpan m_data;
    size_t m_pos{0};
    bool m_failed{false};
    std::string m_error;
};

} // namespace util

#endif // UTXO_UTIL_SERIALIZE_H
