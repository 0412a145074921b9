// Fixed-width little- and big-endian loads and stores on unaligned bytes.
// Bitcoin's wire format is little-endian; SHA-2 and RIPEMD-160 internals need
// both. memcpy keeps these free of alignment and aliasing UB; the compiler turns
// them into single moves (plus bswap where the byte order differs).
#ifndef UTXO_UTIL_ENDIAN_H
#define UTXO_UTIL_ENDIAN_H

#include <bit>
#include <cstdint>
#include <cstring>

namespace util {

static_assert(std::endian::native == std::endian::little || std::endian::native == std::endian::big,
              "mixed-endian platforms are not supported");

template <typename T>
constexpr T ByteSwap(T v)
{
    static_assert(sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);
    if constexpr (sizeof(T) == 2) return static_cast<T>(__builtin_bswap16(v));
    else if constexpr (sizeof(T) == 4) return static_cast<T>(__builtin_bswap32(v));
    else return static_cast<T>(__builtin_bswap64(v));
}

template <typename T>
inline T LoadLE(const uint8_t* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) v = ByteSwap(v);
    return v;
}

template <typename T>
inline T LoadBE(const uint8_t* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::endian::native == std::endian::little) v = ByteSwap(v);
    return v;
}

template <typename T>
inline void StoreLE(uint8_t* p, T v)
{
    if constexpr (std::endian::native == std::endian::big) v = ByteSwap(v);
    std::memcpy(p, &v, sizeof(T));
}

template <typename T>
inline void StoreBE(uint8_t* p, T v)
{
    if constexpr (std::endian::native == std::endian::little) v = ByteSwap(v);
    std::memcpy(p, &v, sizeof(T));
}

inline uint16_t ReadLE16(const uint8_t* p) { return LoadLE<uint16_t>(p); }
inline uint32_t ReadLE32(const uint8_t* p) { return LoadLE<uint32_t>(p); }
inline uint64_t ReadLE64(const uint8_t* p) { return LoadLE<uint64_t>(p); }
inline uint32_t ReadBE32(const uint8_t* p) { return LoadBE<uint32_t>(p); }
inline uint64_t ReadBE64(const uint8_t* p) { return LoadBE<uint64_t>(p); }
inline void WriteLE16(uint8_t* p, uint16_t v) { StoreLE(p, v); }
inline void WriteLE32(uint8_t* p, uint32_t v) { StoreLE(p, v); }
inline void WriteLE64(uint8_t* p, uint64_t v) { StoreLE(p, v); }
inline void WriteBE32(uint8_t* p, uint32_t v) { StoreBE(p, v); }
inline void WriteBE64(uint8_t* p, uint64_t v) { StoreBE(p, v); }

} // namespace util

#endif // UTXO_UTIL_ENDIAN_H
