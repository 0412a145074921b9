// inv, getdata and notfound: the Bitcoin developer reference's example, type
// names, the 50,000-entry limit, counts the payload cannot hold, truncation.
//
// Vector: the annotated inv message of the Bitcoin developer reference,
// https://developer.bitcoin.org/reference/p2p_networking.html#inv
#include <net/inventory.h>
#include <net/protocol.h>

#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

using net::InvItem;
using net::InvType;

namespace {

const std::string REFERENCE_INV_HEX =
    "02"
    "01000000" "de55ffd709ac1f5dc509a0925d0b1fc442ca034f224732e429081da1b621f55a"
    "01000000" "91d36d997037e08018262978766f24b8a055aaf1d872e94ae85e9817b2c68dc7";

} // namespace

BOOST_AUTO_TEST_SUITE(inventory_tests)

BOOST_AUTO_TEST_CASE(developer_reference_example)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_INV_HEX);
    auto items = net::DecodeInvMessage(payload, net::CMD_INV);
    BOOST_REQUIRE_MESSAGE(items, (items ? "" : items.error()));
    BOOST_REQUIRE_EQUAL(items->size(), 2u);
    BOOST_CHECK((*items)[0].Is(InvType::MSG_TX));
    // Hashes are in wire order; displayed reversed.
    BOOST_CHECK_EQUAL((*items)[0].hash.ToHex(), "5af521b6a11d0829e43247224f03ca42c41f0b5d92a009c55d1fac09d7ff55de");
    BOOST_CHECK((*items)[1].Is(InvType::MSG_TX));
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeInvMessage(*items)), REFERENCE_INV_HEX);
}

BOOST_AUTO_TEST_CASE(types)
{
    BOOST_CHECK_EQUAL(static_cast<uint32_t>(InvType::MSG_WITNESS_BLOCK), 0x40000002u);
    BOOST_CHECK_EQUAL(static_cast<uint32_t>(InvType::MSG_WITNESS_TX), 0x40000001u);
    const InvItem witness_block = net::MakeInvItem(InvType::MSG_WITNESS_BLOCK, {});
    BOOST_CHECK(witness_block.HasWitnessFlag());
    BOOST_CHECK_EQUAL(witness_block.BaseType(), 2u);
    BOOST_CHECK(!witness_block.Is(InvType::MSG_BLOCK));
    BOOST_CHECK_EQUAL(net::InvTypeName(1), "tx");
    BOOST_CHECK_EQUAL(net::InvTypeName(0x40000002), "witness-block");
    BOOST_CHECK_EQUAL(net::InvTypeName(3), "merkleblock");
    BOOST_CHECK_EQUAL(net::InvTypeName(4), "cmpctblock");
    BOOST_CHECK_EQUAL(net::InvTypeName(5), "wtx");
    BOOST_CHECK_EQUAL(net::InvTypeName(0), "unknown type 0");
    BOOST_CHECK_EQUAL(net::InvTypeName(0x40000009), "unknown type 1073741833");
}

BOOST_AUTO_TEST_CASE(round_trip_keeps_unknown_types)
{
    std::vector<InvItem> items;
    for (uint32_t type : {0u, 1u, 2u, 5u, 0x40000001u, 0xffffffffu}) {
        primitives::Uint256 hash;
        hash.data()[0] = static_cast<uint8_t>(type);
        hash.data()[31] = 0xaa;
        items.push_back({type, hash});
    }
    auto decoded = net::DecodeInvMessage(net::EncodeInvMessage(items), net::CMD_GETDATA);
    BOOST_REQUIRE(decoded);
    BOOST_CHECK(*decoded == items);
    // Empty lists are fine.
    auto empty = net::DecodeInvMessage(net::EncodeInvMessage({}), net::CMD_NOTFOUND);
    BOOST_REQUIRE(empty);
    BOOST_CHECK(empty->empty());
}

BOOST_AUTO_TEST_CASE(limit_of_50000_entries)
{
    std::vector<InvItem> items(net::MAX_INV_SZ, net::MakeInvItem(InvType::MSG_WTX, {}));
    util::Bytes payload = net::EncodeInvMessage(items);
    auto full = net::DecodeInvMessage(payload, net::CMD_INV);
    BOOST_REQUIRE(full);
    BOOST_CHECK_EQUAL(full->size(), net::MAX_INV_SZ);
    // 50,001 entries, all present: refused on the count.
    payload.insert(payload.end(), payload.end() - InvItem::SIZE, payload.end());
    payload[1] = 0x51; // CompactSize fd 50c3 -> fd 51c3
    auto over = net::DecodeInvMessage(payload, net::CMD_INV);
    BOOST_REQUIRE(!over);
    BOOST_CHECK_EQUAL(over.error(), "invalid inv message: 50001 inventory entries (limit 50000)");
}

BOOST_AUTO_TEST_CASE(every_malformed_case)
{
    const util::Bytes payload = test::ParseHex(REFERENCE_INV_HEX);
    for (size_t length = 0; length < payload.size(); ++length) {
        BOOST_CHECK_MESSAGE(!net::DecodeInvMessage(util::ByteSpan(payload.data(), length), net::CMD_INV),
                            "length " << length);
    }
    util::Bytes trailing = payload;
    trailing.push_back(0);
    auto extra = net::DecodeInvMessage(trailing, net::CMD_GETDATA);
    BOOST_REQUIRE(!extra);
    BOOST_CHECK_EQUAL(extra.error(), "invalid getdata message: 1 unexpected bytes after the end");
    // Three entries announced, two sent: refused before reading entries.
    util::Bytes short_count = payload;
    short_count[0] = 3;
    auto lying = net::DecodeInvMessage(short_count, net::CMD_INV);
    BOOST_REQUIRE(!lying);
    BOOST_CHECK_EQUAL(lying.error(), "invalid inv message: unexpected end of data: 3 inventory entries announced, 72 bytes left");
    // 2^32 entries announced in a 9-byte CompactSize.
    auto huge = net::DecodeInvMessage(test::ParseHex("ff0000000001000000"), net::CMD_INV);
    BOOST_REQUIRE(!huge);
    BOOST_CHECK_EQUAL(huge.error(), "invalid inv message: 4294967296 inventory entries (limit 50000)");
    // A non-canonical count.
    util::Bytes noncanonical = test::ParseHex("fd0200");
    noncanonical.insert(noncanonical.end(), payload.begin() + 1, payload.end());
    BOOST_CHECK(!net::DecodeInvMessage(noncanonical, net::CMD_INV));
}

BOOST_AUTO_TEST_SUITE_END()
