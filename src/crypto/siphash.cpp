// SipHash-2-4 as specified in "SipHash: a fast short-input PRF" (Aumasson,
// Bernstein, INDOCRYPT 2012): two compression rounds per 8-byte word, four
// finalization rounds.
#include <crypto/siphash.h>

#include <util/endian.h>

#include <bit>

namespace crypto {
namespace {

using State = std::array<uint64_t, 4>;

// The initial state: the key XORed into "somepseudorandomlygeneratedbytes".
State Initial(uint64_t k0, uint64_t k1)
{
    return {0x736f6d6570736575ULL ^ k0, 0x646f72616e646f6dULL ^ k1, 0x6c7967656e657261ULL ^ k0,
            0x7465646279746573ULL ^ k1};
}

inline void SipRound(State& v)
{
    v[0] += v[1]; v[1] = std::rotl(v[1], 13); v[1] ^= v[0]; v[0] = std::rotl(v[0], 32);
    v[2] += v[3]; v[3] = std::rotl(v[3], 16); v[3] ^= v[2];
    v[0] += v[3]; v[3] = std::rotl(v[3], 21); v[3] ^= v[0];
    v[2] += v[1]; v[1] = std::rotl(v[1], 17); v[1] ^= v[2]; v[2] = std::rotl(v[2], 32);
}

// c = 2 rounds per message word.
inline void Compress(State& v, uint64_t m)
{
    v[3] ^= m;
    SipRound(v);
    SipRound(v);
    v[0] ^= m;
}

// The last word carries the message length (mod 256) in its top byte; then
// d = 4 finalization rounds.
inline uint64_t Finish(State v, uint64_t last_word)
{
    Compress(v, last_word);
    v[2] ^= 0xff;
    SipRound(v);
    SipRound(v);
    SipRound(v);
    SipRound(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

} // namespace

SipHasher::SipHasher(uint64_t k0, uint64_t k1) : m_v(Initial(k0, k1)) {}

SipHasher& SipHasher::Write(uint64_t word)
{
    if (m_count % 8 == 0) {
        Compress(m_v, word);
        m_count += 8;
        return *this;
    }
    uint8_t bytes[8];
    util::WriteLE64(bytes, word);
    return Write(util::ByteSpan(bytes, 8));
}

void SipHasher::AppendByte(uint8_t byte)
{
    m_tail |= uint64_t{byte} << (8 * (m_count % 8));
    if (++m_count % 8 == 0) {
        Compress(m_v, m_tail);
        m_tail = 0;
    }
}

SipHasher& SipHasher::Write(util::ByteSpan data)
{
    size_t i = 0;
    // Complete a pending partial word, then take whole words straight from data.
    while (i < data.size() && m_count % 8 != 0) AppendByte(data[i++]);
    for (; i + 8 <= data.size(); i += 8) {
        Compress(m_v, util::ReadLE64(data.data() + i));
        m_count += 8;
    }
    while (i < data.size()) AppendByte(data[i++]);
    return *this;
}

uint64_t SipHasher::Finalize() const
{
    return Finish(m_v, m_tail | (m_count << 56));
}

uint64_t SipHash256(uint64_t k0, uint64_t k1, std::span<const uint8_t, 32> data)
{
    State v = Initial(k0, k1);
    for (int i = 0; i < 4; ++i) Compress(v, util::ReadLE64(data.data() + 8 * i));
    return Finish(v, uint64_t{32} << 56);
}

uint64_t SipHash256Extra(uint64_t k0, uint64_t k1, std::span<const uint8_t, 32> data, uint32_t extra)
{
    State v = Initial(k0, k1);
    for (int i = 0; i < 4; ++i) Compress(v, util::ReadLE64(data.data() + 8 * i));
    return Finish(v, (uint64_t{36} << 56) | extra);
}

} // namespace crypto
