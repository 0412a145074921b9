#include <crypto/hash.h>

#include <crypto/ripemd160.h>

namespace crypto {

Hash256Bytes Sha256Once(util::ByteSpan data)
{
    return Sha256().Write(data).Finalize();
}

Hash256Bytes Hash256(util::ByteSpan data)
{
    return Sha256Once(Sha256Once(data));
}

Hash256Bytes Hash256(util::ByteSpan a, util::ByteSpan b)
{
    return Sha256Once(Sha256().Write(a).Write(b).Finalize());
}

Hash160Bytes Hash160(util::ByteSpan data)
{
    return Ripemd160().Write(Sha256Once(data)).Finalize();
}

Hash256Bytes Hash256Writer::Finalize()
{
    return Sha256Once(m_sha.Finalize());
}

Sha256 TaggedSha256(std::string_view tag)
{
    const Hash256Bytes tag_hash = Sha256Once(util::AsBytes(tag));
    Sha256 sha;
    sha.Write(tag_hash).Write(tag_hash);
    return sha;
}

Hash256Bytes TaggedHash(std::string_view tag, util::ByteSpan data)
{
    return TaggedSha256(tag).Write(data).Finalize();
}

} // namespace crypto
