#include <crypto/hash.h>
#include <crypto/sha256.h>
#include <util/hex.h>
#include <util/serialize.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

namespace {

util::Bytes FromHex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    BOOST_REQUIRE(bytes);
    return *bytes;
}

// Hex of a digest shown the way explorers print txids and block hashes.
template <size_t N>
std::string ReversedHex(std::array<uint8_t, N> digest)
{
    std::reverse(digest.begin(), digest.end());
    return util::HexStr(digest);
}

} // namespace

BOOST_AUTO_TEST_SUITE(hash_tests)

BOOST_AUTO_TEST_CASE(sha256_once)
{
    // FIPS 180-2 Appendix B.1.
    BOOST_CHECK_EQUAL(util::HexStr(crypto::Sha256Once(util::AsBytes("abc"))),
                      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(hash256_known_values)
{
    // SHA256(SHA256("")), internal byte order.
    BOOST_CHECK_EQUAL(util::HexStr(crypto::Hash256({})),
                      "5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456");
    // The Bitcoin genesis block header hashes to block 0's well-known hash.
    const util::Bytes genesis_header = FromHex(
        "01000000" "0000000000000000000000000000000000000000000000000000000000000000"
        "3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a" "29ab5f49" "ffff001d" "1dac2b7c");
    BOOST_CHECK_EQUAL(ReversedHex(crypto::Hash256(genesis_header)),
                      "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
}

BOOST_AUTO_TEST_CASE(hash256_of_two_parts_is_hash_of_concatenation)
{
    const util::Bytes data = FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021");
    const auto expected = crypto::Hash256(data);
    for (size_t split = 0; split <= data.size(); ++split) {
        const util::ByteSpan all(data);
        BOOST_CHECK(crypto::Hash256(all.first(split), all.subspan(split)) == expected);
    }
}

BOOST_AUTO_TEST_CASE(hash160_known_value)
{
    // Hash160 of the compressed secp256k1 generator point: the key hash of
    // the address for private key 1.
    const util::Bytes pubkey = FromHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    BOOST_CHECK_EQUAL(util::HexStr(crypto::Hash160(pubkey)), "751e76e8199196d454941c45d1b3a323f1433bd6");
}

BOOST_AUTO_TEST_CASE(hash256_writer_matches_buffered)
{
    util::Bytes buffer;
    util::ByteWriter bytes(buffer);
    crypto::Hash256Writer hasher;
    auto write_all = [](auto& w) {
        w.WriteI32LE(2);
        w.WriteCompactSize(300);
        w.WriteVarBytes(util::AsBytes("a script of some length"));
        w.WriteU64LE(0x0123456789abcdef);
        w.WriteVarInt(1000000);
        for (int i = 0; i < 100; ++i) w.WriteU8(static_cast<uint8_t>(i));
    };
    write_all(bytes);
    write_all(hasher);
    BOOST_CHECK(hasher.Finalize() == crypto::Hash256(buffer));

    // The genesis header written field by field.
    crypto::Hash256Writer header;
    header.WriteI32LE(1);
    header.WriteBytes(util::Bytes(32, 0));
    header.WriteBytes(FromHex("3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a"));
    header.WriteU32LE(1231006505);
    header.WriteU32LE(0x1d00ffff);
    header.WriteU32LE(2083236893);
    BOOST_CHECK_EQUAL(ReversedHex(header.Finalize()),
                      "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
}

BOOST_AUTO_TEST_CASE(tagged_hash_by_hand)
{
    // BIP340: hash_tag(x) = SHA256(SHA256(tag) || SHA256(tag) || x).
    for (const std::string_view tag : {"", "BIP0340/challenge", "TapSighash", "a tag longer than one block of sha256 input ......"}) {
        for (const std::string_view msg : {"", "x", "a message that spans more than one sixty-four byte block of input data"}) {
            const auto tag_hash = crypto::Sha256Once(util::AsBytes(tag));
            crypto::Sha256 manual;
            manual.Write(tag_hash).Write(tag_hash).Write(util::AsBytes(msg));
            const auto expected = manual.Finalize();
            BOOST_CHECK(crypto::TaggedHash(tag, util::AsBytes(msg)) == expected);
            BOOST_CHECK(crypto::TaggedSha256(tag).Write(util::AsBytes(msg)).Finalize() == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(tagged_hash_bip341_vectors)
{
    // BIP341 wallet test vectors (bip-0341/wallet-test-vectors.json),
    // scriptPubKey cases 0 and 1: intermediary tweak and leaf hash values.
    const util::Bytes key0 = FromHex("d6889cb081036e0faefa3a35157ad71086b123b2b144b649798b494c300a961d");
    BOOST_CHECK_EQUAL(util::HexStr(crypto::TaggedHash("TapTweak", key0)),
                      "b86e7be8f39bab32a6f2c0443abbc210f0edac0e2c53d501b36b64437d9c6c70");

    // TapLeaf: leaf version 0xc0, then the script with its CompactSize length.
    const util::Bytes script = FromHex("20d85a959b0290bf19bb89ed43c916be835475d013da4b362117393e25a48229b8ac");
    crypto::Sha256 leaf = crypto::TaggedSha256("TapLeaf");
    const uint8_t leaf_version = 0xc0, script_size = static_cast<uint8_t>(script.size());
    leaf.Write(util::ByteSpan(&leaf_version, 1)).Write(util::ByteSpan(&script_size, 1)).Write(script);
    const auto leaf_hash = leaf.Finalize();
    BOOST_CHECK_EQUAL(util::HexStr(leaf_hash), "5b75adecf53548f3ec6ad7d78383bf84cc57b55a3127c72b9a2481752dd88b21");

    // TapTweak over internal key || merkle root (here the single leaf).
    const util::Bytes key1 = FromHex("187791b6f712a8ea41c8ecdd0ee77fab3e85263b37e1ec18a3651926b3a6cf27");
    const auto tweak = crypto::TaggedSha256("TapTweak").Write(key1).Write(leaf_hash).Finalize();
    BOOST_CHECK_EQUAL(util::HexStr(tweak), "cbd8679ba636c1110ea247542cfbd964131a6be84f873f7f3b62a777528ed001");
}

BOOST_AUTO_TEST_SUITE_END()
