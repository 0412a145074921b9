// SHA3-256 (FIPS 202): Keccak-f[1600] with a 1088-bit rate and the SHA-3
// domain padding. utxod needs it for one thing: the two-byte checksum inside
// Tor v3 .onion names (BIP155 appendix B), so only the 256-bit variant and
// a plain incremental interface are provided.
//
// A plain value: copy it to keep a midstate; one object per thread at a time.
#ifndef UTXO_CRYPTO_SHA3_H
#define UTXO_CRYPTO_SHA3_H

#include <util/byte_span.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace crypto {

class Sha3_256 {
public:
    static constexpr size_t OUTPUT_SIZE = 32;
    // Bytes absorbed per permutation: 1600 bits minus twice the output.
    static constexpr size_t RATE = 136;

    Sha3_256& Write(util::ByteSpan data);
    // Pads and returns the digest. The object must be Reset() before reuse.
    std::array<uint8_t, OUTPUT_SIZE> Finalize();
    // Back to the empty message.
    Sha3_256& Reset();

private:
    std::array<uint64_t, 25> m_lanes{};
    size_t m_fill{0}; // bytes of the current block already XORed in
};

// Keccak-f[1600] on 25 little-endian lanes (exposed for its own tests).
void KeccakF1600(std::array<uint64_t, 25>& lanes);

} // namespace crypto

#endif // UTXO_CRYPTO_SHA3_H
