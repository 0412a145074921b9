// Peer addresses: parsing and printing, Core's classification (each RFC range
// on both sides of its boundary), bucketing groups, and the addr/addrv2
// encodings byte for byte, with every malformed case.
//
// BIP155 gives no byte vectors; the ones below are spelled out field by field
// from its table (time uint32 LE, services CompactSize, network id, length,
// address, port big-endian) and, for addr, from the legacy layout (services
// uint64 LE, 16-byte IPv4-mapped address).
#include <net/net_address.h>

#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using net::AddressRecord;
using net::NetAddress;
using net::Network;
using net::Service;

namespace {

// A Tor v3 name and its ed25519 key (the example Core's netbase tests use;
// the checksum was confirmed with Python's hashlib.sha3_256).
constexpr const char* ONION = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";
constexpr const char* ONION_KEY = "79bcc625184b05194975c28b66b66b0469f7f6556fb1ac3189a79b40dda32f1f";
// An I2P name and its SHA-256 (decoded with Python's base64.b32decode).
constexpr const char* I2P = "ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkdq.b32.i2p";
constexpr const char* I2P_HASH = "a2894dabaec08c0051a481a6dac88b64f98232ae42d4b6fd2fa81952dfe36a87";

NetAddress Addr(const std::string& text)
{
    const auto address = NetAddress::Parse(text);
    BOOST_REQUIRE_MESSAGE(address, text);
    return *address;
}

NetAddress FromHex(Network network, const std::string& hex)
{
    const auto address = NetAddress::FromBytes(network, *util::TryParseHex(hex));
    BOOST_REQUIRE(address);
    return *address;
}

util::Bytes Hex(const std::string& hex) { return *util::TryParseHex(hex); }

AddressRecord Record(const NetAddress& address, uint16_t port, uint64_t services = 0x409, uint32_t time = 0x61bc6649)
{
    return AddressRecord{time, services, Service{address, port}};
}

std::string Group(const std::string& text) { return util::HexStr(Addr(text).GetGroup()); }

} // namespace

BOOST_AUTO_TEST_SUITE(net_address_tests)

BOOST_AUTO_TEST_CASE(parse_and_print)
{
    BOOST_CHECK(Addr("1.2.3.4").IsIPv4());
    BOOST_CHECK_EQUAL(Addr("1.2.3.4").ToString(), "1.2.3.4");
    BOOST_CHECK(Addr("2001:db8::1").IsIPv6());
    BOOST_CHECK_EQUAL(Addr("2001:0db8:0000::0001").ToString(), "2001:db8::1");
    // IPv4-mapped IPv6 is IPv4, as Core reads it.
    BOOST_CHECK(Addr("::ffff:1.2.3.4") == Addr("1.2.3.4"));

    const NetAddress onion = Addr(ONION);
    BOOST_CHECK(onion.IsTor());
    BOOST_CHECK_EQUAL(util::HexStr(onion.Bytes()), ONION_KEY);
    BOOST_CHECK_EQUAL(onion.ToString(), ONION);
    BOOST_CHECK(Addr("PG6MMJIYJMCRSSLVYKFWNNTLARU7P5SVN6Y2YMMJU6NUBXNDF4PSCRYD.onion") == onion);
    // A flipped checksum character, a wrong version, a Tor v2 name, too short.
    BOOST_CHECK(!NetAddress::Parse("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscrya.onion"));
    BOOST_CHECK(!NetAddress::Parse("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryc.onion"));
    BOOST_CHECK(!NetAddress::Parse("5wyqrzbvrdsumnok.onion"));
    BOOST_CHECK(!NetAddress::Parse(".onion"));

    const NetAddress i2p = Addr(I2P);
    BOOST_CHECK(i2p.IsI2P());
    BOOST_CHECK_EQUAL(util::HexStr(i2p.Bytes()), I2P_HASH);
    BOOST_CHECK_EQUAL(i2p.ToString(), I2P);
    BOOST_CHECK(!NetAddress::Parse("ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkd.b32.i2p")); // 51 characters
    BOOST_CHECK(!NetAddress::Parse("ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkd1.b32.i2p"));

    const NetAddress cjdns = FromHex(Network::CJDNS, "fc000000000000000000000000000001");
    BOOST_CHECK_EQUAL(cjdns.ToString(), "fc00::1");

    // Core's SetInternal: SHA256(name)[:10], printed as base32 + ".internal".
    const auto seed = NetAddress::MakeInternal("seed.bitcoin.sipa.be");
    BOOST_REQUIRE(seed);
    BOOST_CHECK_EQUAL(util::HexStr(seed->Bytes()), "95f56414ff52c8cbac2c");
    BOOST_CHECK_EQUAL(seed->ToString(), "sx2wifh7klemxlbm.internal");
    BOOST_CHECK(!NetAddress::MakeInternal(""));

    // Names are never looked up.
    BOOST_CHECK(!NetAddress::Parse("localhost"));
    BOOST_CHECK(!NetAddress::Parse("example.com"));
    BOOST_CHECK(!NetAddress::Parse(""));
    BOOST_CHECK(!NetAddress::Parse(std::string("1.2.3.4\0", 8)));

    // Bytes must match the network's size.
    BOOST_CHECK(!NetAddress::FromBytes(Network::IPV4, Hex("010203")));
    BOOST_CHECK(!NetAddress::FromBytes(Network::ONION, Hex("01")));
    BOOST_CHECK(!NetAddress::FromBytes(Network::UNROUTABLE, {}));

    // The default is "::", invalid, as Core's default CNetAddr.
    BOOST_CHECK(NetAddress().IsIPv6());
    BOOST_CHECK(!NetAddress().IsValid());
    BOOST_CHECK_EQUAL(Service{}.ToString(), "[::]:0");
}

BOOST_AUTO_TEST_CASE(ip_round_trip)
{
    for (const char* text : {"1.2.3.4", "255.254.0.1", "2001:db8::1", "::1"}) {
        const auto ip = util::IpAddress::Parse(text);
        BOOST_REQUIRE(ip);
        const NetAddress address = NetAddress::FromIp(*ip);
        BOOST_REQUIRE(address.ToIp());
        BOOST_CHECK(*address.ToIp() == *ip);
        BOOST_CHECK_EQUAL(address.ToString(), text);
    }
    BOOST_CHECK(!Addr(ONION).ToIp());
    BOOST_CHECK(!FromHex(Network::CJDNS, "fc000000000000000000000000000001").ToIp());
}

BOOST_AUTO_TEST_CASE(services)
{
    const auto parse = [](const std::string& text, uint16_t port = 8333) {
        const auto service = net::ParseService(text, port);
        return service ? service->ToString() : "none";
    };
    BOOST_CHECK_EQUAL(parse("1.2.3.4"), "1.2.3.4:8333");
    BOOST_CHECK_EQUAL(parse("1.2.3.4:18444"), "1.2.3.4:18444");
    BOOST_CHECK_EQUAL(parse("[::1]:18444"), "[::1]:18444");
    BOOST_CHECK_EQUAL(parse("[2001:db8::1]"), "[2001:db8::1]:8333");
    BOOST_CHECK_EQUAL(parse("2001:db8::1"), "[2001:db8::1]:8333"); // bare IPv6: its colons are not a port
    BOOST_CHECK_EQUAL(parse(std::string(ONION) + ":9050"), std::string(ONION) + ":9050");
    BOOST_CHECK_EQUAL(parse(I2P, 0), std::string(I2P) + ":0");
    BOOST_CHECK_EQUAL(parse("fc00::1"), "[fc00::1]:8333"); // IPv6 text is IPv6, even in fc00::/8
    BOOST_CHECK_EQUAL(parse("1.2.3.4:0"), "none");
    BOOST_CHECK_EQUAL(parse("1.2.3.4:65536"), "none");
    BOOST_CHECK_EQUAL(parse("1.2.3.4:x"), "none");
    BOOST_CHECK_EQUAL(parse("seed.bitcoin.sipa.be:8333"), "none");

    // Core's CService::GetKey: the 16 legacy bytes, then the port big-endian.
    const Service service{Addr("250.1.1.1"), 8333};
    BOOST_CHECK_EQUAL(util::HexStr(service.GetKey()), "00000000000000000000fffffa010101208d");
    BOOST_CHECK_EQUAL(util::HexStr(Service{Addr(ONION), 1}.GetKey()), std::string(ONION_KEY) + "0001");
    BOOST_CHECK((Service{Addr("1.2.3.4"), 1} < Service{Addr("1.2.3.4"), 2}));
}

BOOST_AUTO_TEST_CASE(network_names)
{
    BOOST_CHECK_EQUAL(net::NetworkName(Network::ONION), "onion");
    BOOST_CHECK_EQUAL(net::NetworkName(Network::UNROUTABLE), "not_publicly_routable");
    BOOST_CHECK(net::ParseNetwork("IPv4") == Network::IPV4);
    BOOST_CHECK(net::ParseNetwork("tor") == Network::ONION);
    BOOST_CHECK(net::ParseNetwork("cjdns") == Network::CJDNS);
    BOOST_CHECK(!net::ParseNetwork("internal"));
    BOOST_CHECK(!net::ParseNetwork("ipv5"));
    BOOST_CHECK(Addr("8.8.8.8").GetNetwork() == Network::IPV4);
    BOOST_CHECK(Addr("10.0.0.1").GetNetwork() == Network::UNROUTABLE);
    BOOST_CHECK(NetAddress::MakeInternal("x")->GetNetwork() == Network::INTERNAL);
    // A 6to4 address is IPv6 on the wire but IPv4 by class (for bucketing and getaddr filters).
    BOOST_CHECK(Addr("2002:102:304::").GetNetwork() == Network::IPV6);
    BOOST_CHECK(Addr("2002:102:304::").GetNetClass() == Network::IPV4);
}

BOOST_AUTO_TEST_CASE(classification_boundaries)
{
    struct Case {
        const char* text;
        bool routable;
    };
    // Each range, its first and last address inside, and the neighbours outside.
    const Case cases[] = {
        // RFC 1918
        {"9.255.255.255", true}, {"10.0.0.0", false}, {"10.255.255.255", false}, {"11.0.0.0", true},
        {"172.15.255.255", true}, {"172.16.0.0", false}, {"172.31.255.255", false}, {"172.32.0.0", true},
        {"192.167.255.255", true}, {"192.168.0.0", false}, {"192.168.255.255", false}, {"192.169.0.0", true},
        // RFC 2544
        {"198.17.255.255", true}, {"198.18.0.0", false}, {"198.19.255.255", false}, {"198.20.0.0", true},
        // RFC 3927
        {"169.253.255.255", true}, {"169.254.0.0", false}, {"169.254.255.255", false}, {"169.255.0.0", true},
        // RFC 6598
        {"100.63.255.255", true}, {"100.64.0.0", false}, {"100.127.255.255", false}, {"100.128.0.0", true},
        // RFC 5737
        {"192.0.1.255", true}, {"192.0.2.0", false}, {"192.0.2.255", false}, {"192.0.3.0", true},
        {"198.51.99.255", true}, {"198.51.100.0", false}, {"198.51.100.255", false}, {"198.51.101.0", true},
        {"203.0.112.255", true}, {"203.0.113.0", false}, {"203.0.113.255", false}, {"203.0.114.0", true},
        // Loopback and "this network" (local)
        {"126.255.255.255", true}, {"127.0.0.0", false}, {"127.255.255.255", false}, {"128.0.0.0", true},
        {"0.0.0.1", false}, {"0.255.255.255", false}, {"1.0.0.0", true},
        // Unspecified and broadcast are invalid; Core has no rule for the rest of 240/4.
        {"0.0.0.0", false}, {"255.255.255.255", false}, {"255.255.255.254", true}, {"250.1.1.1", true},
        // RFC 3849 (documentation: invalid)
        {"2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", true}, {"2001:db8::", false},
        {"2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", false}, {"2001:db9::", true},
        // RFC 4193
        {"fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true}, {"fc00::", false},
        {"fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false}, {"fe00::", true},
        // RFC 4862 (fe80::/64 exactly, as Core checks it)
        {"fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true}, {"fe80::", false},
        {"fe80::ffff:ffff:ffff:ffff", false}, {"fe80:0:0:1::", true},
        // RFC 4843 and RFC 7343 (ORCHID, ORCHIDv2)
        {"2001:f:ffff:ffff:ffff:ffff:ffff:ffff", true}, {"2001:10::", false},
        {"2001:1f:ffff:ffff:ffff:ffff:ffff:ffff", false}, {"2001:20::", false},
        {"2001:2f:ffff:ffff:ffff:ffff:ffff:ffff", false}, {"2001:30::", true},
        // IPv6 unspecified (invalid), loopback (local), their neighbour
        {"::", false}, {"::1", false}, {"::2", true},
        // Tunnels to routable IPv4 are routable
        {"2002:102:304::", true}, {"2001::fefd:fcfb", true}, {"64:ff9b::102:304", true},
    };
    for (const Case& c : cases) {
        BOOST_CHECK_MESSAGE(Addr(c.text).IsRoutable() == c.routable, c.text);
    }

    BOOST_CHECK(Addr("10.0.0.1").IsRFC1918());
    BOOST_CHECK(Addr("198.18.0.1").IsRFC2544());
    BOOST_CHECK(Addr("169.254.1.1").IsRFC3927());
    BOOST_CHECK(Addr("100.64.1.1").IsRFC6598());
    BOOST_CHECK(Addr("203.0.113.7").IsRFC5737());
    BOOST_CHECK(Addr("2001:db8::1").IsRFC3849());
    BOOST_CHECK(Addr("2002::1").IsRFC3964());
    BOOST_CHECK(Addr("fd00::1").IsRFC4193());
    BOOST_CHECK(Addr("2001::1").IsRFC4380());
    BOOST_CHECK(Addr("2001:10::1").IsRFC4843());
    BOOST_CHECK(Addr("2001:20::1").IsRFC7343());
    BOOST_CHECK(Addr("fe80::1").IsRFC4862());
    BOOST_CHECK(Addr("64:ff9b::1").IsRFC6052());
    BOOST_CHECK(Addr("::ffff:0:1.2.3.4").IsRFC6145());
    BOOST_CHECK(Addr("2001:470::1").IsHeNet());
    BOOST_CHECK(!Addr("2001:471::1").IsHeNet());

    // Local: loopback and 0/8 only.
    BOOST_CHECK(Addr("127.0.0.1").IsLocal());
    BOOST_CHECK(Addr("0.1.2.3").IsLocal());
    BOOST_CHECK(Addr("::1").IsLocal());
    BOOST_CHECK(!Addr("::2").IsLocal());
    BOOST_CHECK(!Addr("10.0.0.1").IsLocal());

    // Valid is wider than routable.
    BOOST_CHECK(Addr("10.0.0.1").IsValid());
    BOOST_CHECK(Addr("127.0.0.1").IsValid());
    BOOST_CHECK(!Addr("0.0.0.0").IsValid());
    BOOST_CHECK(!Addr("255.255.255.255").IsValid());
    BOOST_CHECK(!Addr("::").IsValid());
    BOOST_CHECK(!Addr("2001:db8::1").IsValid());

    // Overlay networks: routable; internal never; CJDNS only in fc00::/8.
    BOOST_CHECK(Addr(ONION).IsRoutable());
    BOOST_CHECK(Addr(I2P).IsRoutable());
    BOOST_CHECK(FromHex(Network::CJDNS, "fc000000000000000000000000000001").IsRoutable());
    BOOST_CHECK(!FromHex(Network::CJDNS, "fd000000000000000000000000000001").IsValid());
    BOOST_CHECK(!NetAddress::MakeInternal("x")->IsValid());
    BOOST_CHECK(!NetAddress::MakeInternal("x")->IsRoutable());
}

BOOST_AUTO_TEST_CASE(linked_ipv4)
{
    // 1.2.3.4 in each IPv6 form that carries an IPv4 address.
    const std::vector<std::string> forms{"1.2.3.4",          "2002:102:304::",   "2002:102:304:abcd::1",
                                         "2001:0:9999:9999:9999:9999:fefd:fcfb", //
                                         "64:ff9b::102:304", "::ffff:0:102:304"};
    for (const std::string& text : forms) {
        const NetAddress address = Addr(text);
        BOOST_REQUIRE_MESSAGE(address.HasLinkedIPv4(), text);
        BOOST_CHECK_EQUAL(address.GetLinkedIPv4(), 0x01020304u);
    }
    BOOST_CHECK(!Addr("2001:db8::1").HasLinkedIPv4());
    BOOST_CHECK(!Addr("10.0.0.1").HasLinkedIPv4()); // not routable
}

BOOST_AUTO_TEST_CASE(groups)
{
    // The first byte is Core's network number: 0 unroutable, 1 IPv4, 2 IPv6,
    // 3 onion, 4 I2P, 5 CJDNS, 6 internal.
    BOOST_CHECK_EQUAL(Group("1.2.3.4"), "010102");
    BOOST_CHECK_EQUAL(Group("1.2.255.255"), "010102"); // same /16
    BOOST_CHECK_EQUAL(Group("1.3.0.0"), "010103");
    BOOST_CHECK_EQUAL(Group("127.0.0.1"), "00");   // local
    BOOST_CHECK_EQUAL(Group("::1"), "00");         // local
    BOOST_CHECK_EQUAL(Group("10.0.0.1"), "00");    // unroutable
    BOOST_CHECK_EQUAL(Group("2001:db8::1"), "00"); // invalid
    // IPv4 inside IPv6 tunnels: the /16 of the IPv4 address, as IPv4.
    BOOST_CHECK_EQUAL(Group("2002:102:304::"), "010102");                        // 6to4
    BOOST_CHECK_EQUAL(Group("2001:0:9999:9999:9999:9999:fefd:fcfb"), "010102"); // Teredo (inverted)
    BOOST_CHECK_EQUAL(Group("64:ff9b::102:304"), "010102");                      // NAT64
    BOOST_CHECK_EQUAL(Group("::ffff:0:102:304"), "010102");                      // SIIT
    // IPv6 /32; Hurricane Electric /36 (the rest of the last byte set).
    BOOST_CHECK_EQUAL(Group("2001:2001:9999::1"), "0220012001");
    BOOST_CHECK_EQUAL(Group("2001:2001:ffff::1"), "0220012001");
    BOOST_CHECK_EQUAL(Group("2001:470:abcd:9999:9999:9999:9999:9999"), "0220010470af");
    BOOST_CHECK_EQUAL(Group("2001:470:a000::1"), Group("2001:470:afff::1"));
    BOOST_CHECK(Group("2001:470:a000::1") != Group("2001:470:b000::1"));
    // Tor and I2P: the first 4 bits; CJDNS: the 4 bits after its constant byte.
    BOOST_CHECK_EQUAL(Group(ONION), "037f");
    BOOST_CHECK_EQUAL(Group(I2P), "04af");
    BOOST_CHECK_EQUAL(util::HexStr(FromHex(Network::CJDNS, "fc123400000000000000000000000001").GetGroup()), "05fc1f");
    // Internal: all ten bytes.
    BOOST_CHECK_EQUAL(util::HexStr(NetAddress::MakeInternal("seed.bitcoin.sipa.be")->GetGroup()),
                      "0695f56414ff52c8cbac2c");
}

BOOST_AUTO_TEST_CASE(addrv2_byte_vectors)
{
    const std::vector<AddressRecord> records{
        Record(Addr("1.2.3.4"), 8333),
        Record(Addr("2001:db8::1"), 8333, 1),
        Record(Addr(ONION), 9050, 0),
        Record(Addr(I2P), 0, 0),
        Record(FromHex(Network::CJDNS, "fc000000000000000000000000000001"), 8333, 0x409),
    };
    const std::string expected =
        "05"                                                                                       // 5 entries
        "4966bc61" "fd0904" "01" "04" "01020304" "208d"                                            // IPv4
        "4966bc61" "01" "02" "10" "20010db8000000000000000000000001" "208d"                        // IPv6
        "4966bc61" "00" "04" "20" "79bcc625184b05194975c28b66b66b0469f7f6556fb1ac3189a79b40dda32f1f" "235a" // TORv3
        "4966bc61" "00" "05" "20" "a2894dabaec08c0051a481a6dac88b64f98232ae42d4b6fd2fa81952dfe36a87" "0000" // I2P
        "4966bc61" "fd0904" "06" "10" "fc000000000000000000000000000001" "208d";                   // CJDNS
    const util::Bytes payload = net::EncodeAddrV2Payload(records);
    BOOST_CHECK_EQUAL(util::HexStr(payload), expected);

    const auto decoded = net::DecodeAddrV2Payload(payload);
    BOOST_REQUIRE_MESSAGE(decoded.ok(), (decoded ? "" : decoded.error()));
    BOOST_CHECK(decoded->records == records);
    BOOST_CHECK_EQUAL(decoded->skipped, 0u);

    // Services above 32 bits use the 9-byte CompactSize.
    const std::vector<AddressRecord> big{Record(Addr("1.2.3.4"), 1, 0x1'0000'0000ULL, 0)};
    BOOST_CHECK_EQUAL(util::HexStr(net::EncodeAddrV2Payload(big)), "01" "00000000" "ff0000000001000000" "01" "04"
                                                                   "01020304" "0001");
    BOOST_CHECK(net::DecodeAddrV2Payload(net::EncodeAddrV2Payload(big))->records == big);
}

BOOST_AUTO_TEST_CASE(addr_v1_byte_vectors)
{
    const std::vector<AddressRecord> records{
        Record(Addr("1.2.3.4"), 8333),
        Record(Addr(ONION), 9050), // does not fit: left out
        Record(Addr("2001:db8::1"), 18444, 1),
    };
    const std::string expected = "02"
                                 "4966bc61" "0904000000000000" "00000000000000000000ffff01020304" "208d"
                                 "4966bc61" "0100000000000000" "20010db8000000000000000000000001" "480c";
    const util::Bytes payload = net::EncodeAddrPayload(records);
    BOOST_CHECK_EQUAL(util::HexStr(payload), expected);
    const auto decoded = net::DecodeAddrPayload(payload);
    BOOST_REQUIRE(decoded);
    BOOST_REQUIRE_EQUAL(decoded->records.size(), 2u);
    BOOST_CHECK(decoded->records[0] == records[0]);
    BOOST_CHECK(decoded->records[1] == records[2]);

    // Tor v2 (OnionCat) is skipped; Core's internal prefix reads as internal.
    const std::string onioncat = "00000000" "0000000000000000" "fd87d87eeb4300010203040506070809" "0000";
    const std::string internal = "00000000" "0000000000000000" "fd6b88c0872495f56414ff52c8cbac2c" "0000";
    const auto legacy = net::DecodeAddrPayload(Hex("02" + onioncat + internal));
    BOOST_REQUIRE(legacy);
    BOOST_CHECK_EQUAL(legacy->skipped, 1u);
    BOOST_REQUIRE_EQUAL(legacy->records.size(), 1u);
    BOOST_CHECK(legacy->records[0].service.address == *NetAddress::MakeInternal("seed.bitcoin.sipa.be"));
}

BOOST_AUTO_TEST_CASE(addrv2_skips_what_bip155_ignores)
{
    const std::string entry_ipv4 = "00000000" "00" "01" "04" "01020304" "208d";
    const std::string skipped[] = {
        "00000000" "00" "07" "10" "02000000000000000000000000000001" "208d", // Yggdrasil: not ours
        "00000000" "00" "ff" "00" "" "0000",                                 // an unknown id, empty
        "00000000" "00" "03" "0a" "00010203040506070809" "208d",             // Tor v2: no longer used
        "00000000" "00" "02" "10" "00000000000000000000ffff01020304" "208d", // IPv4 inside IPv6
        "00000000" "00" "02" "10" "fd87d87eeb4300010203040506070809" "208d", // OnionCat inside IPv6
    };
    for (const std::string& entry : skipped) {
        const auto decoded = net::DecodeAddrV2Payload(Hex("03" + entry_ipv4 + entry + entry_ipv4));
        BOOST_REQUIRE_MESSAGE(decoded.ok(), entry);
        BOOST_CHECK_EQUAL(decoded->skipped, 1u);
        BOOST_CHECK_EQUAL(decoded->records.size(), 2u); // the entry after it still reads
    }
    // An unknown id may carry up to 512 bytes.
    std::string longest = "01" "00000000" "00" "fe" "fd0002" + std::string(1024, 'a') + "0000";
    const auto decoded = net::DecodeAddrV2Payload(Hex(longest));
    BOOST_REQUIRE(decoded);
    BOOST_CHECK_EQUAL(decoded->skipped, 1u);
}

BOOST_AUTO_TEST_CASE(addrv2_rejects)
{
    const auto error = [](const std::string& hex) {
        const auto decoded = net::DecodeAddrV2Payload(Hex(hex));
        return decoded ? std::string("ok") : decoded.error();
    };
    // 513 bytes, whatever the network id.
    for (const char* id : {"01", "fe"}) {
        BOOST_CHECK_EQUAL(error(std::string("01" "00000000" "00") + id + "fd0102" + std::string(1026, 'a') + "0000"),
                          "invalid addrv2 message: address too long: 513 > 512");
    }
    // A known id with another length.
    BOOST_CHECK_EQUAL(error("01" "00000000" "00" "01" "05" "0102030405" "0000"),
                      "invalid addrv2 message: BIP155 IPv4 address with length 5 (should be 4)");
    BOOST_CHECK_EQUAL(error("01" "00000000" "00" "02" "04" "01020304" "0000"),
                      "invalid addrv2 message: BIP155 IPv6 address with length 4 (should be 16)");
    BOOST_CHECK_EQUAL(error("01" "00000000" "00" "04" "10" "0102030405060708090a0b0c0d0e0f10" "0000"),
                      "invalid addrv2 message: BIP155 TORv3 address with length 16 (should be 32)");
    // Non-canonical CompactSize for services and for the length.
    BOOST_CHECK_EQUAL(error("01" "00000000" "fd0100" "01" "04" "01020304" "0000"),
                      "invalid addrv2 message: non-canonical CompactSize");
    BOOST_CHECK_EQUAL(error("01" "00000000" "00" "01" "fd0400" "01020304" "0000"),
                      "invalid addrv2 message: non-canonical CompactSize");
    // Bytes after the last entry.
    BOOST_CHECK_EQUAL(error("01" "00000000" "00" "01" "04" "01020304" "0000" "00"),
                      "invalid addrv2 message: 1 unexpected bytes after the end");
    BOOST_CHECK_EQUAL(error("00"), "ok");
    BOOST_CHECK(error("").find("unexpected end of data") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(entry_count_limit)
{
    // 1,001 entries announced: rejected before reading any (none follow here).
    BOOST_CHECK_EQUAL(net::DecodeAddrV2Payload(Hex("fde903")).error(),
                      "invalid addrv2 message: 1001 entries, more than 1000");
    BOOST_CHECK_EQUAL(net::DecodeAddrPayload(Hex("fde903")).error(),
                      "invalid addr message: 1001 entries, more than 1000");
    BOOST_CHECK(!net::DecodeAddrPayload(Hex("ffffffffffffffffff")));

    // Exactly 1,000 is fine, and so is encoding them.
    std::vector<AddressRecord> records;
    for (int i = 0; i < 1000; ++i) {
        records.push_back(Record(Addr("1.2." + std::to_string(i / 256) + "." + std::to_string(i % 256)), 8333));
    }
    for (const bool v2 : {false, true}) {
        const util::Bytes payload = v2 ? net::EncodeAddrV2Payload(records) : net::EncodeAddrPayload(records);
        const auto decoded = v2 ? net::DecodeAddrV2Payload(payload) : net::DecodeAddrPayload(payload);
        BOOST_REQUIRE(decoded);
        BOOST_CHECK(decoded->records == records);
        // The same bytes with the count raised to 1,001 (and one more entry).
        const auto first = std::span<const AddressRecord>(records).first(1);
        const util::Bytes more = v2 ? net::EncodeAddrV2Payload(first) : net::EncodeAddrPayload(first);
        util::Bytes bigger{0xfd, 0xe9, 0x03};
        bigger.insert(bigger.end(), payload.begin() + 3, payload.end());
        bigger.insert(bigger.end(), more.begin() + 1, more.end());
        BOOST_CHECK(!(v2 ? net::DecodeAddrV2Payload(bigger) : net::DecodeAddrPayload(bigger)));
    }
}

BOOST_AUTO_TEST_CASE(truncation_at_every_byte)
{
    // Every strict prefix of a valid message fails (each field in turn is
    // cut short), and no prefix is read past its end.
    const std::vector<AddressRecord> records{Record(Addr("1.2.3.4"), 8333),
                                             Record(Addr(ONION), 9050, 0x1'0000'0000ULL)};
    for (const bool v2 : {false, true}) {
        const util::Bytes payload = v2 ? net::EncodeAddrV2Payload(records) : net::EncodeAddrPayload(records);
        for (size_t length = 0; length < payload.size(); ++length) {
            const util::ByteSpan prefix(payload.data(), length);
            const auto decoded = v2 ? net::DecodeAddrV2Payload(prefix) : net::DecodeAddrPayload(prefix);
            BOOST_CHECK_MESSAGE(!decoded.ok(), "prefix of " << length << " bytes decoded");
            if (!decoded) BOOST_CHECK(decoded.error().find("unexpected end of data") != std::string::npos);
        }
        BOOST_CHECK(v2 ? net::DecodeAddrV2Payload(payload) : net::DecodeAddrPayload(payload));
    }
}

BOOST_AUTO_TEST_CASE(field_round_trips)
{
    // Every network through the V2 pieces; the V1 ones for what fits.
    const std::vector<NetAddress> addresses{Addr("1.2.3.4"), Addr("2001:db8::1"), Addr(ONION), Addr(I2P),
                                            FromHex(Network::CJDNS, "fc000000000000000000000000000001"),
                                            *NetAddress::MakeInternal("seed.bitcoin.sipa.be")};
    for (const NetAddress& address : addresses) {
        util::Bytes bytes;
        util::ByteWriter writer(bytes);
        net::WriteAddressV2(writer, address);
        util::SpanReader reader(bytes);
        const auto back = net::ReadAddressV2(reader);
        BOOST_REQUIRE_MESSAGE(back, address.ToString());
        BOOST_CHECK(*back == address);
        BOOST_CHECK(reader.empty());
        if (!address.IsAddrV1Compatible()) continue;
        bytes.clear();
        net::WriteAddressV1(writer, address);
        BOOST_CHECK_EQUAL(bytes.size(), net::ADDR_V1_SIZE);
        util::SpanReader v1_reader(bytes);
        BOOST_CHECK(net::ReadAddressV1(v1_reader) == address);
    }
    // Internal addresses travel as IPv6 with Core's prefix.
    util::Bytes bytes;
    util::ByteWriter writer(bytes);
    net::WriteAddressV2(writer, *NetAddress::MakeInternal("seed.bitcoin.sipa.be"));
    BOOST_CHECK_EQUAL(util::HexStr(bytes), "0210fd6b88c0872495f56414ff52c8cbac2c");
    // What does not fit in 16 bytes is written as zeros (and never gossiped).
    bytes.clear();
    net::WriteAddressV1(writer, Addr(ONION));
    BOOST_CHECK_EQUAL(util::HexStr(bytes), std::string(32, '0'));
}

BOOST_AUTO_TEST_SUITE_END()
