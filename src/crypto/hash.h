// Bitcoin's composite hashes over SHA-256 and RIPEMD-160: Hash256 (double
// SHA-256: txids, block hashes, merkle nodes, checksums), Hash160 (addresses,
// OP_HASH160) and BIP340 tagged hashes (taproot, schnorr signatures).
//
// Digests are returned in internal byte order, exactly as the hash function
// emits them (block explorers print txids and block hashes reversed).
// All functions are pure and thread-safe.
#ifndef UTXO_CRYPTO_HASH_H
#define UTXO_CRYPTO_HASH_H

#include <crypto/sha256.h>
#include <util/byte_span.h>
#include <util/serialize.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace crypto {

using Hash256Bytes = std::array<uint8_t, 32>;
using Hash160Bytes = std::array<uint8_t, 20>;

// SHA-256(data), once.
Hash256Bytes Sha256Once(util::ByteSpan data);
// SHA-256(SHA-256(data)).
Hash256Bytes Hash256(util::ByteSpan data);
// SHA-256(SHA-256(a || b)), without building the concatenation.
Hash256Bytes Hash256(util::ByteSpan a, util::ByteSpan b);
// RIPEMD-160(SHA-256(data)).
Hash160Bytes Hash160(util::ByteSpan data);

// Streams serialized data into a double SHA-256, so txids need no
// intermediate buffer. Finalize() ends the writer: it may be called once.
class Hash256Writer : public util::WriterBase<Hash256Writer> {
public:
    void WriteBytes(util::ByteSpan bytes) { m_sha.Write(bytes); }
    // Double SHA-256 of everything written.
    Hash256Bytes Finalize();

private:
    Sha256 m_sha;
};

// BIP340 tagged hash: returns a Sha256 already fed SHA256(tag) || SHA256(tag).
// Computing it costs two compressions; keep a copy when hashing many messages
// under one tag.
Sha256 TaggedSha256(std::string_view tag);
// SHA256(SHA256(tag) || SHA256(tag) || data).
Hash256Bytes TaggedHash(std::string_view tag, util::ByteSpan data);

} // namespace crypto

#endif // UTXO_CRYPTO_HASH_H
