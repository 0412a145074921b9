#include <crypto/sha256.h>

#include <crypto/sha256_impl.h>
#include <util/endian.h>

namespace crypto {

namespace sha256_internal {

const Backend& ActiveBackend()
{
    static const Backend& chosen = ShaNiBackend() ? *ShaNiBackend() : GenericBackend();
    return chosen;
}

} // namespace sha256_internal

Sha256::Sha256() : Sha256(sha256_internal::ActiveBackend()) {}

Sha256::Sha256(const sha256_internal::Backend& backend) : m_backend(&backend)
{
    Reset();
}

Sha256& Sha256::Reset()
{
    m_state = sha256_internal::INITIAL_STATE;
    m_buffer.Clear();
    return *this;
}

void Sha256::Compress(const uint8_t* blocks, size_t count)
{
    m_backend->transform(m_state.data(), blocks, count);
}

Sha256& Sha256::Write(util::ByteSpan data)
{
    m_buffer.Write(data, [this](const uint8_t* blocks, size_t count) { Compress(blocks, count); });
    return *this;
}

void Sha256::Finalize(std::span<uint8_t, OUTPUT_SIZE> out)
{
    m_buffer.Pad<8, std::endian::big>([this](const uint8_t* blocks, size_t count) { Compress(blocks, count); });
    for (size_t i = 0; i < 8; ++i) util::WriteBE32(out.data() + 4 * i, m_state[i]);
}

std::array<uint8_t, Sha256::OUTPUT_SIZE> Sha256::Finalize()
{
    std::array<uint8_t, OUTPUT_SIZE> out;
    Finalize(out);
    return out;
}

void Sha256D64(uint8_t* out, const uint8_t* in, size_t count)
{
    sha256_internal::ActiveBackend().double64(out, in, count);
}

std::string_view Sha256Implementation()
{
    return sha256_internal::ActiveBackend().name;
}

} // namespace crypto
