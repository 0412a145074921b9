// SHA-512 (FIPS 180-4), incremental. Used through HMAC-SHA512 (BIP32-style
// key derivation, seeds) and wherever a 64-byte digest is wanted.
//
// A plain value: copy it to keep a midstate; one object per thread at a time.
#ifndef UTXO_CRYPTO_SHA512_H
#define UTXO_CRYPTO_SHA512_H

#include <crypto/block_buffer.h>
#include <util/byte_span.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace crypto {

class Sha512 {
public:
    static constexpr size_t OUTPUT_SIZE = 64;
    static constexpr size_t BLOCK_SIZE = 128;

    Sha512() { Reset(); }

    Sha512& Write(util::ByteSpan data);
    // Pads and returns the digest. The object must be Reset() before reuse.
    std::array<uint8_t, OUTPUT_SIZE> Finalize();
    void Finalize(std::span<uint8_t, OUTPUT_SIZE> out);
    // Back to the empty message.
    Sha512& Reset();

private:
    void Compress(const uint8_t* blocks, size_t count);

    std::array<uint64_t, 8> m_state;
    internal::BlockBuffer<BLOCK_SIZE> m_buffer;
};

} // namespace crypto

#endif // UTXO_CRYPTO_SHA512_H
