// Hashing hot paths: SHA-256 (streaming and the batched merkle double hash),
// the same operations through OpenSSL's EVP interface for comparison,
// RIPEMD-160, SHA-512 and SipHash. Signature checks: VerifyEcdsa and
// VerifySchnorr next to libsecp256k1's bare verify calls (parsing done once,
// outside the loop), so the difference is what our wrappers cost.
#include <bench/bench.h>
#include <crypto/ecdsa.h>
#include <crypto/hash.h>
#include <crypto/ripemd160.h>
#include <crypto/schnorr.h>
#include <crypto/secp256k1_bare.h>
#include <crypto/sha256.h>
#include <crypto/sha256_impl.h>
#include <crypto/sha512.h>
#include <crypto/siphash.h>
#include <util/byte_span.h>
#include <util/hex.h>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <string_view>

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

util::Bytes HexOrAbort(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    if (!bytes) std::abort();
    return *bytes;
}

template <size_t N>
std::array<uint8_t, N> FixedHexOrAbort(std::string_view hex)
{
    const util::Bytes bytes = HexOrAbort(hex);
    if (bytes.size() != N) std::abort();
    std::array<uint8_t, N> out;
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

// A compressed key, a DER signature (low S, 71 bytes) and the message it signs,
// made once with libsecp256k1 (secret key 0x42 0x43 ... 0x61, RFC6979 nonce).
constexpr std::string_view ECDSA_PUBKEY = "0352d21788990edec2919a54690e6aa2806ce6a665efe57877f258052e49d28f66";
constexpr std::string_view ECDSA_SIGNATURE =
    "3045022100ab5d54be2708fe40e1a081f47f6f8d76a59f1d1c2d65399971b5ff58a35a95e5"
    "02200faec658afee6737e0a863120272afbfb996aa6347b095cddf839a8b7b2e4580";
constexpr std::string_view ECDSA_MESSAGE = "01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3da";

// BIP340 test vector 1 (bip-0340/test-vectors.csv).
constexpr std::string_view SCHNORR_PUBKEY = "dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659";
constexpr std::string_view SCHNORR_SIGNATURE =
    "6896bd60eeae296db48a229ff71dfe071bde413e6d43f917dc8dcf8c78de3341"
    "8906d11ac976abccb20b091292bff4ea897efcb639ea871cfa95f6de339e4b0a";
constexpr std::string_view SCHNORR_MESSAGE = "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89";

void EcdsaVerify(bench::Bench& b)
{
    const util::Bytes pubkey = HexOrAbort(ECDSA_PUBKEY);
    const util::Bytes sig = HexOrAbort(ECDSA_SIGNATURE);
    const auto message = FixedHexOrAbort<32>(ECDSA_MESSAGE);
    if (!crypto::VerifyEcdsa(pubkey, sig, message)) std::abort();
    b.Run([&] {
        const bool ok = crypto::VerifyEcdsa(pubkey, sig, message);
        bench::DoNotOptimize(ok);
    });
}

void EcdsaVerifySecp256k1Bare(bench::Bench& b)
{
    const auto verifier =
        crypto::secp256k1_bare::EcdsaVerifier::Parse(HexOrAbort(ECDSA_PUBKEY), HexOrAbort(ECDSA_SIGNATURE));
    const auto message = FixedHexOrAbort<32>(ECDSA_MESSAGE);
    if (!verifier || !verifier->Verify(message)) std::abort();
    b.Run([&] {
        const bool ok = verifier->Verify(message);
        bench::DoNotOptimize(ok);
    });
}

void SchnorrVerify(bench::Bench& b)
{
    const auto pubkey = FixedHexOrAbort<32>(SCHNORR_PUBKEY);
    const auto sig = FixedHexOrAbort<64>(SCHNORR_SIGNATURE);
    const auto message = FixedHexOrAbort<32>(SCHNORR_MESSAGE);
    if (!crypto::VerifySchnorr(pubkey, sig, message)) std::abort();
    b.Run([&] {
        const bool ok = crypto::VerifySchnorr(pubkey, sig, message);
        bench::DoNotOptimize(ok);
    });
}

void SchnorrVerifySecp256k1Bare(bench::Bench& b)
{
    const auto verifier = crypto::secp256k1_bare::SchnorrVerifier::Parse(FixedHexOrAbort<32>(SCHNORR_PUBKEY));
    const auto sig = FixedHexOrAbort<64>(SCHNORR_SIGNATURE);
    const auto message = FixedHexOrAbort<32>(SCHNORR_MESSAGE);
    if (!verifier || !verifier->Verify(sig, message)) std::abort();
    b.Run([&] {
        const bool ok = verifier->Verify(sig, message);
        bench::DoNotOptimize(ok);
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
UTXO_BENCHMARK(EcdsaVerify);
UTXO_BENCHMARK(EcdsaVerifySecp256k1Bare);
UTXO_BENCHMARK(SchnorrVerify);
UTXO_BENCHMARK(SchnorrVerifySecp256k1Bare);
