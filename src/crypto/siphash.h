// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit hash for hash
// tables fed by untrusted data (UTXO cache, mempool, address manager), where
// a secret key keeps peers from forcing collisions. Not a collision-resistant
// hash: never use it for consensus data.
//
// Keys are two 64-bit words k0, k1 (the 16-byte key read as two little-endian
// words). Pure and thread-safe; a SipHasher is a plain value.
#ifndef UTXO_CRYPTO_SIPHASH_H
#define UTXO_CRYPTO_SIPHASH_H

#include <util/byte_span.h>

#include <array>
#include <cstdint>
#include <span>

namespace crypto {

class SipHasher {
public:
    SipHasher(uint64_t k0, uint64_t k1);

    // Appends `word` as 8 little-endian bytes. Byte and word writes mix freely:
    // the result is always that of the concatenated byte stream.
    SipHasher& Write(uint64_t word);
    SipHasher& Write(util::ByteSpan data);
    // The hash of everything written so far; the hasher can keep going.
    uint64_t Finalize() const;

private:
    void AppendByte(uint8_t byte);

    std::array<uint64_t, 4> m_v;
    uint64_t m_tail{0}; // the m_count % 8 bytes not yet compressed, little-endian
    uint64_t m_count{0}; // bytes written
};

// SipHash-2-4 of exactly these 32 bytes (a txid or block hash): the fast path
// for hash tables keyed by 256-bit hashes.
uint64_t SipHash256(uint64_t k0, uint64_t k1, std::span<const uint8_t, 32> data);

// SipHash-2-4 of the 36 bytes data || extra (extra as 4 little-endian bytes):
// the fast path for outpoints (txid, output index).
uint64_t SipHash256Extra(uint64_t k0, uint64_t k1, std::span<const uint8_t, 32> data, uint32_t extra);

} // namespace crypto

#endif // UTXO_CRYPTO_SIPHASH_H
