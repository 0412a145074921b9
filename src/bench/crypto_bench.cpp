// Hashing hot paths: SHA-256 (streaming and the batched merkle double hash),
// the same operations through OpenSSL's EVP interface for comparison,
// RIPEMD-160, SHA-512 and SipHash.
#include <bench/bench.h>
#include <crypto/hash.h>
#include <crypto/ripemd160.h>
#include <crypto/sha256.h>
#include <crypto/sha256_impl.h>
#include <crypto/sha512.h>
#include <crypto/siphash.h>
#include <util/byte_span.h>

#include <openssl/evp.h>

#include <array>
#include <cstdlib>
#include <cstdio>

namespace {

constexpr size_t MEGABYTE = 1 << 20;

util::Bytes Filler(size_t size)
{
    util::Bytes data(size);
    for (size_t i = 0; i < size; ++i) data[i] = static_cast<uint8_t>(i * 131 + 7);
    return data;
}

// Fetched once: OpenSSL 3 would otherwise look the algorithm up on every call.
const EVP_MD* OpenSslSha256Md()
{
    static const EVP_MD* const md = [] {
        EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (!fetched) {
            std::fprintf(stderr, "OpenSSL: cannot fetch SHA256\n");
            std::abort();
        }
        return fetched;
    }();
    return md;
}

void OpenSslSha256Into(const uint8_t* data, size_t size, uint8_t* out)
{
    if (EVP_Digest(data, size, out, nullptr, OpenSslSha256Md(), nullptr) != 1) std::abort();
}

void Sha256_64B(bench::Bench& b)
{
    const util::Bytes data = Filler(64);
    std::array<uint8_t, 32> out;
    b.BytesPerOp(64).Run([&] {
        crypto::Sha256().Write(data).Finalize(out);
        bench::DoNotOptimize(out);
    });
}

void Sha256_1MB(bench::Bench& b)
{
    const util::Bytes data = Filler(MEGABYTE);
    std::array<uint8_t, 32> out;
    b.BytesPerOp(MEGABYTE).Run([&] {
        crypto::Sha256().Write(data).Finalize(out);
        bench::DoNotOptimize(out);
    });
}

void Sha256D64_1(bench::Bench& b)
{
    const util::Bytes in = Filler(64);
    std::array<uint8_t, 32> out;
    b.BytesPerOp(64).Run([&] {
        crypto::Sha256D64(out.data(), in.data(), 1);
        bench::DoNotOptimize(out);
    });
}

void Sha256D64_1024(bench::Bench& b)
{
    const util::Bytes in = Filler(64 * 1024);
    util::Bytes out(32 * 1024);
    b.BytesPerOp(64 * 1024).Run([&] {
        crypto::Sha256D64(out.data(), in.data(), 1024);
        bench::DoNotOptimize(out.data());
    });
}

// The portable backend on the same batch, to show what SHA-NI buys.
void Sha256D64_1024_Generic(bench::Bench& b)
{
    const util::Bytes in = Filler(64 * 1024);
    util::Bytes out(32 * 1024);
    const auto& generic = crypto::sha256_internal::GenericBackend();
    b.BytesPerOp(64 * 1024).Run([&] {
        generic.double64(out.data(), in.data(), 1024);
        bench::DoNotOptimize(out.data());
    });
}

void OpenSslSha256_64B(bench::Bench& b)
{
    const util::Bytes data = Filler(64);
    std::array<uint8_t, 32> out;
    b.BytesPerOp(64).Run([&] {
        OpenSslSha256Into(data.data(), data.size(), out.data());
        bench::DoNotOptimize(out);
    });
}

void OpenSslSha256_1MB(bench::Bench& b)
{
    const util::Bytes data = Filler(MEGABYTE);
    std::array<uint8_t, 32> out;
    b.BytesPerOp(MEGABYTE).Run([&] {
        OpenSslSha256Into(data.data(), data.size(), out.data());
        bench::DoNotOptimize(out);
    });
}

// One 64-byte double hash as two EVP_Digest calls: the counterpart of Sha256D64_1.
void OpenSslSha256D64(bench::Bench& b)
{
    const util::Bytes in = Filler(64);
    std::array<uint8_t, 32> first, out;
    b.BytesPerOp(64).Run([&] {
        OpenSslSha256Into(in.data(), 64, first.data());
        OpenSslSha256Into(first.data(), 32, out.data());
        bench::DoNotOptimize(out);
    });
}

void Ripemd160_32B(bench::Bench& b)
{
    const util::Bytes data = Filler(32);
    std::array<uint8_t, 20> out;
    b.BytesPerOp(32).Run([&] {
        crypto::Ripemd160().Write(data).Finalize(out);
        bench::DoNotOptimize(out);
    });
}

void Sha512_1MB(bench::Bench& b)
{
    const util::Bytes data = Filler(MEGABYTE);
    std::array<uint8_t, 64> out;
    b.BytesPerOp(MEGABYTE).Run([&] {
        crypto::Sha512().Write(data).Finalize(out);
        bench::DoNotOptimize(out);
    });
}

void SipHash256(bench::Bench& b)
{
    std::array<uint8_t, 32> data;
    for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i);
    uint64_t k0 = 0x0706050403020100, k1 = 0x0f0e0d0c0b0a0908;
    b.BytesPerOp(32).Run([&] {
        // Feeding the result back keeps each call dependent on the last.
        k0 = crypto::SipHash256(k0, k1, data);
        bench::DoNotOptimize(k0);
    });
}

} // namespace

UTXO_BENCHMARK(Sha256_64B);
UTXO_BENCHMARK(Sha256_1MB);
UTXO_BENCHMARK(Sha256D64_1);
UTXO_BENCHMARK(Sha256D64_1024);
UTXO_BENCHMARK(Sha256D64_1024_Generic);
UTXO_BENCHMARK(OpenSslSha256_64B);
UTXO_BENCHMARK(OpenSslSha256_1MB);
UTXO_BENCHMARK(OpenSslSha256D64);
UTXO_BENCHMARK(Ripemd160_32B);
UTXO_BENCHMARK(Sha512_1MB);
UTXO_BENCHMARK(SipHash256);
