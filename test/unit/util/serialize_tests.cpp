#include <util/hex.h>
#include <util/serialize.h>

#include <boost/test/unit_test.hpp>

#include <limits>

using util::ByteWriter;
using util::Bytes;
using util::SpanReader;

namespace {

Bytes CompactSizeBytes(uint64_t n)
{
    Bytes out;
    ByteWriter w(out);
    w.WriteCompactSize(n);
    return out;
}

Bytes VarIntBytes(uint64_t n)
{
    Bytes out;
    ByteWriter w(out);
    w.WriteVarInt(n);
    return out;
}

Bytes FromHex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    BOOST_REQUIRE(bytes);
    return *bytes;
}

} // namespace

BOOST_AUTO_TEST_SUITE(serialize_tests)

BOOST_AUTO_TEST_CASE(integers_little_endian)
{
    Bytes out;
    ByteWriter w(out);
    w.WriteU8(0x01);
    w.WriteU16LE(0x0302);
    w.WriteU32LE(0x07060504);
    w.WriteU64LE(0x0f0e0d0c0b0a0908);
    w.WriteI32LE(-1);
    w.WriteI64LE(-2);
    BOOST_CHECK_EQUAL(util::HexStr(out), "0102030405060708090a0b0c0d0e0f" "ffffffff" "feffffffffffffff");
    SpanReader r(out);
    BOOST_CHECK_EQUAL(r.ReadU8(), 0x01);
    BOOST_CHECK_EQUAL(r.ReadU16LE(), 0x0302);
    BOOST_CHECK_EQUAL(r.ReadU32LE(), 0x07060504u);
    BOOST_CHECK_EQUAL(r.ReadU64LE(), 0x0f0e0d0c0b0a0908ull);
    BOOST_CHECK_EQUAL(r.ReadI32LE(), -1);
    BOOST_CHECK_EQUAL(r.ReadI64LE(), -2);
    BOOST_CHECK(r.Finish("test").ok());
}

BOOST_AUTO_TEST_CASE(compact_size_boundaries)
{
    const std::pair<uint64_t, const char*> cases[] = {
        {0, "00"},
        {252, "fc"},
        {253, "fdfd00"},
        {0xffff, "fdffff"},
        {0x10000, "fe00000100"},
        {0xffffffff, "feffffffff"},
        {0x100000000ULL, "ff0000000001000000"},
        {std::numeric_limits<uint64_t>::max(), "ffffffffffffffffff"},
    };
    for (const auto& [value, hex] : cases) {
        const Bytes encoded = CompactSizeBytes(value);
        BOOST_CHECK_EQUAL(util::HexStr(encoded), hex);
        BOOST_CHECK_EQUAL(encoded.size(), util::CompactSizeLength(value));
        SpanReader r(encoded);
        BOOST_CHECK_EQUAL(r.ReadCompactSize(std::numeric_limits<uint64_t>::max()), value);
        BOOST_CHECK(r.Finish("test").ok());
    }
}

BOOST_AUTO_TEST_CASE(compact_size_rejects_non_canonical)
{
    for (const char* hex : {"fdfc00", "feffff0000", "ffffffffff00000000"}) {
        const Bytes bytes = FromHex(hex);
        SpanReader r(bytes);
        r.ReadCompactSize(std::numeric_limits<uint64_t>::max());
        BOOST_CHECK(r.failed());
        BOOST_CHECK_EQUAL(r.error(), "non-canonical CompactSize");
    }
}

BOOST_AUTO_TEST_CASE(compact_size_limit)
{
    const Bytes at_limit = CompactSizeBytes(util::MAX_SIZE);
    SpanReader ok(at_limit);
    BOOST_CHECK_EQUAL(ok.ReadCompactSize(), util::MAX_SIZE);
    BOOST_CHECK(!ok.failed());

    const Bytes over = CompactSizeBytes(util::MAX_SIZE + 1);
    SpanReader bad(over);
    BOOST_CHECK_EQUAL(bad.ReadCompactSize(), 0u);
    BOOST_CHECK(bad.failed());
    BOOST_CHECK(bad.error().find("exceeds the limit") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(varint_boundaries)
{
    // Values at each length boundary of Bitcoin Core's VarInt.
    const std::pair<uint64_t, const char*> cases[] = {
        {0, "00"},
        {0x7f, "7f"},
        {0x80, "8000"},
        {0x1234, "a334"},
        {0x407f, "ff7f"},
        {0x4080, "808000"},
        {0xffff, "82fe7f"},
        {0x204080, "80808000"},
        {0xffffffff, "8efefefe7f"},
        {std::numeric_limits<uint64_t>::max(), "80fefefefefefefefe7f"},
    };
    for (const auto& [value, hex] : cases) {
        const Bytes encoded = VarIntBytes(value);
        BOOST_CHECK_EQUAL(util::HexStr(encoded), hex);
        SpanReader r(encoded);
        BOOST_CHECK_EQUAL(r.ReadVarInt(), value);
        BOOST_CHECK(r.Finish("test").ok());
    }
    // Every value round-trips across a dense range.
    for (uint64_t v = 0; v < 100000; v += 7) {
        const Bytes encoded = VarIntBytes(v);
        SpanReader r(encoded);
        BOOST_CHECK_EQUAL(r.ReadVarInt(), v);
    }
}

BOOST_AUTO_TEST_CASE(varint_rejects_overflow_and_truncation)
{
    const Bytes too_big = FromHex("80fefefefefefefeff00");  // one more than uint64 max
    SpanReader r(too_big);
    r.ReadVarInt();
    BOOST_CHECK(r.failed());
    BOOST_CHECK_EQUAL(r.error(), "VarInt too large");

    const Bytes truncated = FromHex("8080");
    SpanReader t(truncated);
    t.ReadVarInt();
    BOOST_CHECK(t.failed());
    BOOST_CHECK(t.error().find("unexpected end of data") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncation_is_sticky)
{
    const Bytes bytes = FromHex("010203");
    SpanReader r(bytes);
    BOOST_CHECK_EQUAL(r.ReadU32LE(), 0u);
    BOOST_CHECK(r.failed());
    const std::string first = r.error();
    BOOST_CHECK(first.find("needed 4 bytes at offset 0, 3 left") != std::string::npos);
    // Later reads return zero and keep the first reason.
    BOOST_CHECK_EQUAL(r.ReadU8(), 0);
    BOOST_CHECK(r.ReadBytes(1).empty());
    BOOST_CHECK_EQUAL(r.error(), first);
    const auto finished = r.Finish("thing");
    BOOST_REQUIRE(!finished.ok());
    BOOST_CHECK_EQUAL(finished.error(), "invalid thing: " + first);
}

BOOST_AUTO_TEST_CASE(var_bytes_and_trailing_garbage)
{
    Bytes out;
    ByteWriter w(out);
    w.WriteVarBytes(FromHex("deadbeef"));
    BOOST_CHECK_EQUAL(util::HexStr(out), "04deadbeef");
    out.push_back(0x00);
    SpanReader r(out);
    BOOST_CHECK_EQUAL(util::HexStr(r.ReadVarBytes()), "deadbeef");
    const auto finished = r.Finish("blob");
    BOOST_REQUIRE(!finished.ok());
    BOOST_CHECK_EQUAL(finished.error(), "invalid blob: 1 unexpected bytes after the end");

    // A length longer than the data fails without allocating it.
    const Bytes lying = FromHex("fe00000001" "00");
    SpanReader l(lying);
    BOOST_CHECK(l.ReadVarBytes().empty());
    BOOST_CHECK(l.failed());
}

BOOST_AUTO_TEST_CASE(size_counter_matches_writer)
{
    Bytes out;
    ByteWriter w(out);
    util::SizeCounter c;
    for (uint64_t v : {0ull, 300ull, 70000ull, 5000000000ull}) {
        w.WriteCompactSize(v);
        c.WriteCompactSize(v);
        w.WriteVarInt(v);
        c.WriteVarInt(v);
    }
    BOOST_CHECK_EQUAL(out.size(), c.size());
}

BOOST_AUTO_TEST_SUITE_END()
