#include <primitives/compressor.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

using namespace primitives;

namespace {

// Secp256k1's generator G, uncompressed (SEC 2): a key known to be on the curve.
const char* G_UNCOMPRESSED = "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                             "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

util::Bytes RoundTrip(const TxOut& out)
{
    util::Bytes bytes;
    util::ByteWriter w(bytes);
    WriteCompressedTxOut(w, out);
    return bytes;
}

} // namespace

BOOST_AUTO_TEST_SUITE(compressor_tests)

BOOST_AUTO_TEST_CASE(amounts)
{
    // Values as Bitcoin Core's compress_tests pairs them.
    const std::pair<uint64_t, uint64_t> pairs[] = {
        {0, 0x0}, {1, 0x1}, {1'000'000, 0x7}, {100'000'000, 0x9}, {5'000'000'000, 0x32}, {2'100'000'000'000'000, 0x1406f40},
    };
    for (const auto& [amount, compressed] : pairs) {
        BOOST_CHECK_EQUAL(CompressAmount(amount), compressed);
        BOOST_CHECK_EQUAL(DecompressAmount(compressed), amount);
    }
    // A bijection: both directions round-trip over a range of each.
    for (uint64_t i = 0; i < 100'000; ++i) {
        BOOST_CHECK_EQUAL(DecompressAmount(CompressAmount(i)), i);
        BOOST_CHECK_EQUAL(CompressAmount(DecompressAmount(i)), i);
    }
    for (uint64_t i = 1; i <= 2'100'000'000'000'000; i *= 10) {
        BOOST_CHECK_EQUAL(DecompressAmount(CompressAmount(i)), i);
        BOOST_CHECK_EQUAL(DecompressAmount(CompressAmount(i * 7 + 3)), i * 7 + 3);
    }
}

BOOST_AUTO_TEST_CASE(script_templates)
{
    const util::Bytes hash(20, 0xab);
    util::Bytes p2pkh{0x76, 0xa9, 20};
    p2pkh.insert(p2pkh.end(), hash.begin(), hash.end());
    p2pkh.insert(p2pkh.end(), {0x88, 0xac});
    util::Bytes p2sh{0xa9, 20};
    p2sh.insert(p2sh.end(), hash.begin(), hash.end());
    p2sh.push_back(0x87);
    const util::Bytes g = test::ParseHex(G_UNCOMPRESSED);
    util::Bytes p2pk_full{65};
    p2pk_full.insert(p2pk_full.end(), g.begin(), g.end());
    p2pk_full.push_back(0xac);
    util::Bytes p2pk_short{33, 0x02};
    p2pk_short.insert(p2pk_short.end(), g.begin() + 1, g.begin() + 33);
    p2pk_short.push_back(0xac);

    const std::pair<const util::Bytes*, uint8_t> cases[] = {{&p2pkh, 0}, {&p2sh, 1}, {&p2pk_short, 2}, {&p2pk_full, 4}};
    for (const auto& [script, type] : cases) {
        const auto compressed = CompressScript(*script);
        BOOST_REQUIRE(compressed);
        BOOST_CHECK_EQUAL((*compressed)[0], type);
        BOOST_CHECK_EQUAL(compressed->size(), type < 2 ? 21u : 33u);
        const auto restored = DecompressScript((*compressed)[0], util::ByteSpan(*compressed).subspan(1));
        BOOST_REQUIRE(restored);
        BOOST_CHECK(*restored == *script);
    }
    // G's y is even (type 4); the same x with odd y is type 5.
    util::Bytes odd = p2pk_full;
    const auto odd_restored = DecompressScript(5, util::ByteSpan(g).subspan(1, 32));
    BOOST_REQUIRE(odd_restored);
    BOOST_CHECK((*odd_restored)[65] & 1);
    BOOST_CHECK(CompressScript(*odd_restored)->at(0) == 5);

    // Not compressible: an uncompressed key off the curve, other scripts.
    util::Bytes off_curve = p2pk_full;
    off_curve[40] ^= 1;
    BOOST_CHECK(!CompressScript(off_curve));
    BOOST_CHECK(!CompressScript(util::Bytes{0x51}));
    BOOST_CHECK(!CompressScript(util::Bytes{}));
    // And an x not on the curve does not decompress.
    BOOST_CHECK(!DecompressScript(4, util::Bytes(32, 0xff)));
}

BOOST_AUTO_TEST_CASE(chainstate_records)
{
    // Coins as Bitcoin Core's chainstate holds them (its coins_tests): VarInt
    // of height * 2 + coinbase, then the compressed output.
    const std::tuple<const char*, uint64_t, int64_t, const char*> records[] = {
        {"97f23c835800816115944e077fe7c803cfa57f29b36bf87c1d35", 203998 * 2, 60'000'000'000,
         "76a914816115944e077fe7c803cfa57f29b36bf87c1d3588ac"},
        {"8ddf77bbd123008c988f1a4a4de2161e0f50aac7f17e7f9555caa4", 120891 * 2 + 1, 110'397,
         "76a9148c988f1a4a4de2161e0f50aac7f17e7f9555caa488ac"},
    };
    for (const auto& [hex, code, value, script] : records) {
        const util::Bytes bytes = test::ParseHex(hex);
        util::SpanReader r(bytes);
        BOOST_CHECK_EQUAL(r.ReadVarInt(), code);
        const auto out = ReadCompressedTxOut(r);
        BOOST_REQUIRE(out);
        BOOST_CHECK(r.empty());
        BOOST_CHECK_EQUAL(out->value.sats(), value);
        BOOST_CHECK_EQUAL(util::HexStr(out->script_pubkey), script);
        // Written back, byte for byte.
        util::Bytes again;
        util::ByteWriter w(again);
        w.WriteVarInt(code);
        WriteCompressedTxOut(w, *out);
        BOOST_CHECK(again == bytes);
    }
}

BOOST_AUTO_TEST_CASE(raw_scripts_and_malformed_data)
{
    const TxOut op_true{Amount{5}, {0x51}};
    const util::Bytes bytes = RoundTrip(op_true);
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "29" "07" "51"); // amount 5 compresses to 41; size 1 + 6
    util::SpanReader r(bytes);
    const auto back = ReadCompressedTxOut(r);
    BOOST_REQUIRE(back);
    BOOST_CHECK(*back == op_true);

    // An oversized raw script reads as a lone OP_RETURN.
    const TxOut huge{Amount{1}, util::Bytes(10'001, 0x00)};
    const util::Bytes huge_bytes = RoundTrip(huge);
    util::SpanReader hr(huge_bytes);
    const auto stand_in = ReadCompressedTxOut(hr);
    BOOST_REQUIRE(stand_in);
    BOOST_CHECK(stand_in->script_pubkey == util::Bytes{0x6a});
    BOOST_CHECK(hr.empty());

    // Truncated: nullopt, never a crash.
    for (size_t cut = 0; cut < bytes.size(); ++cut) {
        util::SpanReader t(util::ByteSpan(bytes.data(), cut));
        BOOST_CHECK(!ReadCompressedTxOut(t));
    }
    const util::Bytes short_p2pkh{0x01, 0x00, 0xab};
    util::SpanReader sr(short_p2pkh);
    BOOST_CHECK(!ReadCompressedTxOut(sr));
}

BOOST_AUTO_TEST_SUITE_END()
