// Opaque fixed-size byte strings used as hashes, and the strong hash types.
//
// Bytes are kept in internal (serialization) order. Hex shows them reversed, as
// Bitcoin does for txids and block hashes, so FromHex(ToHex(x)) == x and the
// hex of a block hash starts with its leading zeros.
#ifndef UTXO_PRIMITIVES_UINT256_H
#define UTXO_PRIMITIVES_UINT256_H

#include <util/byte_span.h>
#include <util/hex.h>

#include <algorithm>
#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace primitives {

template <size_t BYTES>
class BaseBlob {
public:
    static constexpr size_t SIZE = BYTES;

    constexpr BaseBlob() = default;
    explicit BaseBlob(util::ByteSpan bytes)
    {
        // Precondition: bytes.size() == SIZE.
        std::copy_n(bytes.begin(), std::min(bytes.size(), SIZE), m_data.begin());
    }
    explicit constexpr BaseBlob(const std::array<uint8_t, SIZE>& bytes) : m_data(bytes) {}

    bool IsNull() const
    {
        return std::all_of(m_data.begin(), m_data.end(), [](uint8_t b) { return b == 0; });
    }
    void SetNull() { m_data.fill(0); }

    // Reversed-byte hex, as Bitcoin displays hashes.
    std::string ToHex() const
    {
        std::array<uint8_t, SIZE> reversed;
        std::reverse_copy(m_data.begin(), m_data.end(), reversed.begin());
        return util::HexStr(reversed);
    }
    // Parses exactly 2*SIZE hex digits in display (reversed) order.
    static std::optional<BaseBlob> FromHex(std::string_view hex)
    {
        if (hex.size() != 2 * SIZE) return std::nullopt;
        auto bytes = util::TryParseHex(hex);
        if (!bytes) return std::nullopt;
        BaseBlob out;
        std::reverse_copy(bytes->begin(), bytes->end(), out.m_data.begin());
        return out;
    }

    uint8_t* data() { return m_data.data(); }
    const uint8_t* data() const { return m_data.data(); }
    static constexpr size_t size() { return SIZE; }
    uint8_t* begin() { return m_data.data(); }
    uint8_t* end() { return m_data.data() + SIZE; }
    const uint8_t* begin() const { return m_data.data(); }
    const uint8_t* end() const { return m_data.data() + SIZE; }
    util::ByteSpan span() const { return {m_data.data(), SIZE}; }
    const std::array<uint8_t, SIZE>& bytes() const { return m_data; }

    // Little-endian 64-bit word `pos` (for hash-table keys).
    uint64_t GetUint64(size_t pos) const
    {
        uint64_t v;
        std::memcpy(&v, m_data.data() + 8 * pos, 8);
        return v;
    }

    friend bool operator==(const BaseBlob&, const BaseBlob&) = default;
    // Byte-wise order; what maps and sorted containers need, not numeric order.
    friend std::strong_ordering operator<=>(const BaseBlob& a, const BaseBlob& b)
    {
        const int c = std::memcmp(a.m_data.data(), b.m_data.data(), SIZE);
        return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }

private:
    std::array<uint8_t, SIZE> m_data{};
};

using Uint256 = BaseBlob<32>;
using Uint160 = BaseBlob<20>;

// A Uint256 that means one thing. Tags keep a Txid from being passed where a
// Wtxid or BlockHash is expected (ARCHITECTURE.md, habit 6).
template <typename Tag>
class TaggedHash256 : public Uint256 {
public:
    constexpr TaggedHash256() = default;
    explicit TaggedHash256(const Uint256& hash) : Uint256(hash) {}
    explicit TaggedHash256(const std::array<uint8_t, 32>& bytes) : Uint256(bytes) {}
    static std::optional<TaggedHash256> FromHex(std::string_view hex)
    {
        auto plain = Uint256::FromHex(hex);
        if (!plain) return std::nullopt;
        return TaggedHash256(*plain);
    }
    const Uint256& AsUint256() const { return *this; }
    friend bool operator==(const TaggedHash256&, const TaggedHash256&) = default;
};

struct TxidTag;
struct WtxidTag;
struct BlockHashTag;
using Txid = TaggedHash256<TxidTag>;
using Wtxid = TaggedHash256<WtxidTag>;
using BlockHash = TaggedHash256<BlockHashTag>;

} // namespace primitives

#endif // UTXO_PRIMITIVES_UINT256_H
