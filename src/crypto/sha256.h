// SHA-256 (FIPS 180-4), incremental, plus the batched double hash of 64-byte
// blocks that merkle trees are built from.
//
// The compression function is picked once per process from CPUID (SHA-NI on
// x86-64 when available, otherwise portable code); results never depend on the
// choice. A Sha256 object is a plain value: copy it to keep a midstate, use one
// object from one thread at a time. The free functions are thread-safe.
#ifndef UTXO_CRYPTO_SHA256_H
#define UTXO_CRYPTO_SHA256_H

#include <crypto/block_buffer.h>
#include <util/byte_span.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace crypto {

namespace sha256_internal {
struct Backend;
}

class Sha256 {
public:
    static constexpr size_t OUTPUT_SIZE = 32;
    static constexpr size_t BLOCK_SIZE = 64;

    Sha256();
    // Uses one given compression backend instead of the process-wide choice;
    // for tests and benchmarks that compare backends (see sha256_impl.h).
    explicit Sha256(const sha256_internal::Backend& backend);

    Sha256& Write(util::ByteSpan data);
    // Pads and returns the digest. The object must be Reset() before reuse.
    std::array<uint8_t, OUTPUT_SIZE> Finalize();
    void Finalize(std::span<uint8_t, OUTPUT_SIZE> out);
    // Back to the empty message.
    Sha256& Reset();

private:
    void Compress(const uint8_t* blocks, size_t count);

    const sha256_internal::Backend* m_backend;
    std::array<uint32_t, 8> m_state;
    internal::BlockBuffer<BLOCK_SIZE> m_buffer;
};

// Double SHA-256 of `count` independent 64-byte inputs: out + 32*i receives
// SHA256(SHA256(in + 64*i .. in + 64*i + 63)). The merkle-tree hot path.
// out == in is allowed (a merkle level hashed in place); no other overlap is.
void Sha256D64(uint8_t* out, const uint8_t* in, size_t count);

// Name of the compression function chosen at first use by CPUID: "sha-ni" or "generic".
std::string_view Sha256Implementation();

} // namespace crypto

#endif // UTXO_CRYPTO_SHA256_H
