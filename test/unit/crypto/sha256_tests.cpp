#include <crypto/hash.h>
#include <crypto/sha256.h>
#include <crypto/sha256_impl.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using crypto::Sha256;
namespace impl = crypto::sha256_internal;

namespace {

// Every backend this machine can run: the tests hold each to the same answers.
std::vector<const impl::Backend*> Backends()
{
    std::vector<const impl::Backend*> backends{&impl::GenericBackend()};
    if (impl::ShaNiBackend()) backends.push_back(impl::ShaNiBackend());
    return backends;
}

std::string HashHex(const impl::Backend& backend, util::ByteSpan data)
{
    return util::HexStr(Sha256(backend).Write(data).Finalize());
}

// Deterministic filler (splitmix64), so failures reproduce.
util::Bytes PseudoRandomBytes(size_t size, uint64_t seed)
{
    util::Bytes out(size);
    for (auto& byte : out) {
        seed += 0x9e3779b97f4a7c15;
        uint64_t z = seed;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        byte = static_cast<uint8_t>(z ^ (z >> 31));
    }
    return out;
}

struct Vector {
    std::string message;
    const char* digest;
};

// FIPS 180-2 Appendix B ("abc", the 448-bit two-block message, one million
// 'a') and the NIST example values for "" and the 896-bit message, as
// collected at https://www.di-mgt.com.au/sha_testvectors.html.
const std::vector<Vector>& NistVectors()
{
    static const std::vector<Vector> vectors{
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
        {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    };
    return vectors;
}

} // namespace

BOOST_AUTO_TEST_SUITE(sha256_tests)

BOOST_AUTO_TEST_CASE(nist_vectors_every_backend)
{
    for (const impl::Backend* backend : Backends()) {
        BOOST_TEST_CONTEXT("backend " << backend->name)
        {
            for (const auto& v : NistVectors()) {
                BOOST_CHECK_EQUAL(HashHex(*backend, util::AsBytes(v.message)), v.digest);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(default_backend_and_name)
{
    const auto& abc = NistVectors()[1];
    BOOST_CHECK_EQUAL(util::HexStr(Sha256().Write(util::AsBytes(abc.message)).Finalize()), abc.digest);
    const std::string_view name = crypto::Sha256Implementation();
    BOOST_CHECK(name == "sha-ni" || name == "generic");
    // The faster backend wins whenever the CPU has it.
    BOOST_CHECK_EQUAL(name, impl::ShaNiBackend() ? "sha-ni" : "generic");
    BOOST_TEST_MESSAGE("SHA-256 implementation: " << name);
}

BOOST_AUTO_TEST_CASE(every_two_piece_split_matches_one_shot)
{
    const util::Bytes data = PseudoRandomBytes(200, 1);
    for (const impl::Backend* backend : Backends()) {
        const std::string expected = HashHex(*backend, data);
        for (size_t split = 0; split <= data.size(); ++split) {
            Sha256 sha(*backend);
            sha.Write(util::ByteSpan(data).first(split)).Write(util::ByteSpan(data).subspan(split));
            BOOST_CHECK_EQUAL(util::HexStr(sha.Finalize()), expected);
        }
        Sha256 bytewise(*backend);
        for (uint8_t byte : data) bytewise.Write(util::ByteSpan(&byte, 1));
        BOOST_CHECK_EQUAL(util::HexStr(bytewise.Finalize()), expected);
    }
}

BOOST_AUTO_TEST_CASE(three_piece_splits_match_one_shot)
{
    const util::Bytes data = PseudoRandomBytes(150, 2);
    const std::string expected = util::HexStr(Sha256().Write(data).Finalize());
    for (size_t i = 0; i <= data.size(); i += 7) {
        for (size_t j = i; j <= data.size(); j += 5) {
            const util::ByteSpan all(data);
            Sha256 sha;
            sha.Write(all.subspan(0, i)).Write(all.subspan(i, j - i)).Write(all.subspan(j));
            BOOST_CHECK_EQUAL(util::HexStr(sha.Finalize()), expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(empty_writes_change_nothing)
{
    // An empty span with a null pointer, written while part of a block is
    // buffered (undefined behaviour in memcpy before; UBSan caught it).
    const util::Bytes data = PseudoRandomBytes(100, 3);
    const std::string expected = util::HexStr(Sha256().Write(data).Finalize());
    const util::ByteSpan all(data);
    Sha256 sha;
    sha.Write(util::ByteSpan{}).Write(all.first(10)).Write(util::ByteSpan{}).Write(all.subspan(10));
    BOOST_CHECK_EQUAL(util::HexStr(sha.Finalize()), expected);
}

BOOST_AUTO_TEST_CASE(generic_and_sha_ni_agree)
{
    const impl::Backend* sha_ni = impl::ShaNiBackend();
    if (!sha_ni) {
        BOOST_TEST_MESSAGE("no SHA-NI on this CPU: comparison skipped");
        return;
    }
    const impl::Backend& generic = impl::GenericBackend();
    util::Bytes lengths_seed = PseudoRandomBytes(64, 3);
    for (size_t len = 0; len <= 300; ++len) {
        const util::Bytes data = PseudoRandomBytes(len, 1000 + len);
        BOOST_CHECK_EQUAL(HashHex(*sha_ni, data), HashHex(generic, data));
    }
    // Pseudo-random lengths fed in pseudo-random pieces.
    for (int round = 0; round < 64; ++round) {
        const util::Bytes data = PseudoRandomBytes(lengths_seed[round] * 3, 5000 + round);
        Sha256 a(generic), b(*sha_ni);
        for (size_t pos = 0; pos < data.size();) {
            const size_t piece = std::min<size_t>(data.size() - pos, 1 + (data[pos] % 97));
            a.Write(util::ByteSpan(data).subspan(pos, piece));
            b.Write(util::ByteSpan(data).subspan(pos, piece));
            pos += piece;
        }
        BOOST_CHECK_EQUAL(util::HexStr(a.Finalize()), util::HexStr(b.Finalize()));
    }
    const util::Bytes megabyte = PseudoRandomBytes(1 << 20, 7);
    BOOST_CHECK_EQUAL(HashHex(*sha_ni, megabyte), HashHex(generic, megabyte));
}

BOOST_AUTO_TEST_CASE(transform_directly)
{
    // Both transforms on the same multi-block input, without the padding code.
    const util::Bytes blocks = PseudoRandomBytes(64 * 9, 8);
    std::array<uint32_t, 8> expected = impl::INITIAL_STATE;
    impl::GenericBackend().transform(expected.data(), blocks.data(), 9);
    for (const impl::Backend* backend : Backends()) {
        std::array<uint32_t, 8> state = impl::INITIAL_STATE;
        backend->transform(state.data(), blocks.data(), 9);
        BOOST_CHECK(state == expected);
    }
}

BOOST_AUTO_TEST_CASE(reset_and_span_finalize)
{
    const auto& v = NistVectors()[2];
    Sha256 sha;
    sha.Write(util::AsBytes("garbage"));
    (void)sha.Finalize();
    sha.Reset().Write(util::AsBytes(v.message));
    std::array<uint8_t, 32> out;
    sha.Finalize(out);
    BOOST_CHECK_EQUAL(util::HexStr(out), v.digest);
    // A copy carries the midstate.
    Sha256 prefix;
    prefix.Write(util::AsBytes("abcdbcdecdefdefgefghfghighijhijk"));
    Sha256 copy = prefix;
    copy.Write(util::AsBytes("ijkljklmklmnlmnomnopnopq"));
    BOOST_CHECK_EQUAL(util::HexStr(copy.Finalize()), v.digest);
}

BOOST_AUTO_TEST_CASE(double64_matches_hash256)
{
    const util::Bytes input = PseudoRandomBytes(64 * 9, 9);
    for (size_t count = 0; count <= 9; ++count) {
        std::vector<uint8_t> expected(32 * count);
        for (size_t i = 0; i < count; ++i) {
            const auto h = crypto::Hash256(util::ByteSpan(input).subspan(64 * i, 64));
            std::copy(h.begin(), h.end(), expected.begin() + 32 * i);
        }
        // The public entry point, then every backend, then every backend in place.
        std::vector<uint8_t> out(32 * count + 1, 0xee);
        crypto::Sha256D64(out.data(), input.data(), count);
        BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(out).first(32 * count)), util::HexStr(expected));
        BOOST_CHECK_EQUAL(out.back(), 0xee); // nothing written past the end
        for (const impl::Backend* backend : Backends()) {
            BOOST_TEST_CONTEXT("backend " << backend->name << " count " << count)
            {
                std::fill(out.begin(), out.end(), 0);
                backend->double64(out.data(), input.data(), count);
                BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(out).first(32 * count)), util::HexStr(expected));
                util::Bytes in_place(input.begin(), input.begin() + 64 * count);
                backend->double64(in_place.data(), in_place.data(), count);
                BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(in_place).first(32 * count)), util::HexStr(expected));
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
