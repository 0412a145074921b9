// SHA-1 (FIPS 180-4), incremental. Only for OP_SHA1 in scripts: SHA-1 is
// broken for collision resistance and must not be used for anything new.
//
// A plain value: copy it to keep a midstate; one object per thread at a time.
#ifndef UTXO_CRYPTO_SHA1_H
#define UTXO_CRYPTO_SHA1_H

#include <crypto/block_buffer.h>
#include <util/byte_span.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace crypto {

class Sha1 {
public:
    static constexpr size_t OUTPUT_SIZE = 20;
    static constexpr size_t BLOCK_SIZE = 64;

    Sha1() { Reset(); }

    Sha1& Write(util::ByteSpan data);
    // Pads and returns the digest. The object must be Reset() before reuse.
    std::array<uint8_t, OUTPUT_SIZE> Finalize();
    void Finalize(std::span<uint8_t, OUTPUT_SIZE> out);
    // Back to the empty message.
    Sha1& Reset();

private:
    void Compress(const uint8_t* blocks, size_t count);

    std::array<uint32_t, 5> m_state;
    internal::BlockBuffer<BLOCK_SIZE> m_buffer;
};

} // namespace crypto

#endif // UTXO_CRYPTO_SHA1_H
