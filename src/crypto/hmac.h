// HMAC (RFC 2104) over SHA-256 and SHA-512, incremental.
//
// The key is absorbed at construction (hashed first when longer than the
// block size, as RFC 2104 requires), so the object holds no copy of it.
// A plain value; one object per thread at a time. Finalize() may be called once.
#ifndef UTXO_CRYPTO_HMAC_H
#define UTXO_CRYPTO_HMAC_H

#include <crypto/sha256.h>
#include <crypto/sha512.h>
#include <util/byte_span.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace crypto {

// Hash is Sha256 or Sha512 (anything with Write, Finalize, OUTPUT_SIZE and BLOCK_SIZE).
template <typename Hash>
class Hmac {
public:
    static constexpr size_t OUTPUT_SIZE = Hash::OUTPUT_SIZE;

    explicit Hmac(util::ByteSpan key)
    {
        std::array<uint8_t, Hash::BLOCK_SIZE> block{};
        if (key.size() > Hash::BLOCK_SIZE) {
            const auto digest = Hash().Write(key).Finalize();
            std::copy(digest.begin(), digest.end(), block.begin());
        } else {
            std::copy(key.begin(), key.end(), block.begin());
        }
        // RFC 2104 section 2: ipad = 0x36 repeated, opad = 0x5c repeated.
        for (auto& byte : block) byte ^= 0x36;
        m_inner.Write(block);
        for (auto& byte : block) byte ^= 0x36 ^ 0x5c;
        m_outer.Write(block);
    }

    Hmac& Write(util::ByteSpan data)
    {
        m_inner.Write(data);
        return *this;
    }

    // H(key ^ opad || H(key ^ ipad || message)).
    std::array<uint8_t, OUTPUT_SIZE> Finalize()
    {
        return m_outer.Write(m_inner.Finalize()).Finalize();
    }

private:
    Hash m_inner;
    Hash m_outer;
};

using HmacSha256 = Hmac<Sha256>;
using HmacSha512 = Hmac<Sha512>;

} // namespace crypto

#endif // UTXO_CRYPTO_HMAC_H
