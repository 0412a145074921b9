// Internal to crypto/: the buffering and Merkle-Damgard padding shared by the
// block hashes (SHA-1, SHA-256, SHA-512, RIPEMD-160), so each of them only
// supplies its compression function.
//
// `compress(const uint8_t* blocks, size_t count)` is called with runs of whole
// BLOCK_SIZE-byte blocks, straight from the caller's memory where possible.
#ifndef UTXO_CRYPTO_BLOCK_BUFFER_H
#define UTXO_CRYPTO_BLOCK_BUFFER_H

#include <util/byte_span.h>
#include <util/endian.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace crypto::internal {

template <size_t BLOCK_SIZE>
class BlockBuffer {
public:
    void Clear() { m_bytes = 0; }

    template <typename Compress>
    void Write(util::ByteSpan data, Compress&& compress)
    {
        // An empty span may hold a null pointer, which memcpy may not be given
        // even with a zero size.
        if (data.empty()) return;
        const uint8_t* p = data.data();
        size_t n = data.size();
        size_t buffered = m_bytes % BLOCK_SIZE;
        m_bytes += n;
        if (buffered > 0) {
            const size_t take = std::min(n, BLOCK_SIZE - buffered);
            std::memcpy(m_buffer.data() + buffered, p, take);
            p += take;
            n -= take;
            if (buffered + take < BLOCK_SIZE) return;
            compress(m_buffer.data(), 1);
        }
        const size_t blocks = n / BLOCK_SIZE;
        if (blocks > 0) compress(p, blocks);
        const size_t tail = n % BLOCK_SIZE;
        if (tail > 0) std::memcpy(m_buffer.data(), p + blocks * BLOCK_SIZE, tail);
    }

    // Pads the message: a 0x80 byte, zeros, then the message length in bits
    // as a LENGTH_SIZE-byte integer (8, or 16 for SHA-512) in byte order ORDER.
    // The buffer is unusable afterwards until Clear().
    template <size_t LENGTH_SIZE, std::endian ORDER, typename Compress>
    void Pad(Compress&& compress)
    {
        static_assert(LENGTH_SIZE == 8 || (LENGTH_SIZE == 16 && ORDER == std::endian::big));
        size_t used = m_bytes % BLOCK_SIZE;
        m_buffer[used++] = 0x80;
        if (used > BLOCK_SIZE - LENGTH_SIZE) {
            std::fill(m_buffer.begin() + used, m_buffer.end(), 0);
            compress(m_buffer.data(), 1);
            used = 0;
        }
        std::fill(m_buffer.begin() + used, m_buffer.end(), 0);
        uint8_t* length = m_buffer.data() + BLOCK_SIZE - 8;
        if constexpr (ORDER == std::endian::big) {
            // The bits shifted out of a 64-bit count go into the upper half.
            if constexpr (LENGTH_SIZE == 16) util::WriteBE64(length - 8, m_bytes >> 61);
            util::WriteBE64(length, m_bytes << 3);
        } else {
            util::WriteLE64(length, m_bytes << 3);
        }
        compress(m_buffer.data(), 1);
    }

private:
    std::array<uint8_t, BLOCK_SIZE> m_buffer;
    uint64_t m_bytes{0}; // total written; m_bytes % BLOCK_SIZE of them wait in m_buffer
};

} // namespace crypto::internal

#endif // UTXO_CRYPTO_BLOCK_BUFFER_H
