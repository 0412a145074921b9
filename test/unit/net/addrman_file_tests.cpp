// peers.dat: Core's layout byte for byte, round trips that keep the same
// selection, and every way a file can be wrong.
#include <net/addrman_file.h>

#include <crypto/hash.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

#include "addrman_test_util.h"
#include <test_temp_dir.h>

#include <fstream>
#include <string>
#include <vector>

using net::AddrMan;
using net::PeersFileError;
using test::ManualClock;
using test::TestAddress;
using test::TestOptions;
using test::TestRecord;
using test::TestService;

namespace {

constexpr int64_t NOW = 1'700'000'000;
const net::NetMagic REGTEST{0xfa, 0xbf, 0xb5, 0xda};
const net::NetMagic MAINNET{0xf9, 0xbe, 0xb4, 0xd9};

// magic | payload | Hash256(magic | payload), for hand-made payloads.
util::Bytes Envelope(const net::NetMagic& magic, const util::Bytes& payload)
{
    util::Bytes file;
    util::ByteWriter writer(file);
    writer.WriteBytes(magic);
    writer.WriteBytes(payload);
    const auto checksum = crypto::Hash256(file);
    file.insert(file.end(), checksum.begin(), checksum.end());
    return file;
}

util::Bytes Hex(const std::string& hex) { return *util::TryParseHex(hex); }

std::string LE32(uint32_t value)
{
    uint8_t bytes[4];
    util::WriteLE32(bytes, value);
    return util::HexStr(bytes);
}

// An empty addrman as Core's feature_addrman.py writes it: `format`, the
// compatibility byte, key uint256{1}, no entries, 1024 empty buckets (the
// count XORed with 2^30 from format 1), and (from format 2) an asmap
// checksum of zeros.
util::Bytes EmptyPayload(uint8_t format, uint8_t compat)
{
    std::string hex = util::HexStr(std::vector<uint8_t>{format, compat});
    hex += "01" + std::string(62, '0');
    hex += LE32(0) + LE32(0) + LE32(format >= 1 ? 1024 ^ (1 << 30) : 1024);
    for (int i = 0; i < 1024; ++i) hex += LE32(0);
    if (format >= 2) hex += std::string(64, '0');
    return Hex(hex);
}

void Fill(AddrMan& addrman)
{
    for (int i = 0; i < 300; ++i) {
        const std::string address = std::to_string(1 + i % 100) + "." + std::to_string(i / 100) + ".3.3:8333";
        addrman.Add({TestRecord(address, NOW - i, 0x409)}, TestAddress(std::to_string(1 + i % 40) + ".7.7.7"));
        if (i % 4 == 0) addrman.Good(TestService(address), NOW - 60);
        if (i % 9 == 0) addrman.Attempt(TestService(address), true, NOW - 30);
    }
    addrman.Add({TestRecord("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion:8333", NOW)},
                TestAddress("99.1.1.1"));
}

} // namespace

BOOST_AUTO_TEST_SUITE(addrman_file_tests)

BOOST_AUTO_TEST_CASE(core_layout)
{
    // The empty file Core's functional test (feature_addrman.py) builds loads.
    for (const uint8_t format : {0, 1, 2, 3, 4, 5}) {
        const auto load = net::DecodePeersFile(REGTEST, Envelope(REGTEST, EmptyPayload(format, 32 + 4)));
        BOOST_REQUIRE_MESSAGE(load.error == PeersFileError::NONE, load.reason);
        BOOST_CHECK(load.snapshot.new_entries.empty());
        BOOST_CHECK_EQUAL(load.snapshot.new_buckets.size(), 1024u);
        BOOST_CHECK(load.snapshot.same_bucketing);
        BOOST_CHECK_EQUAL(load.snapshot.key[0], 1);
    }

    // What we write for an empty table: format 4, compatible from 4 (0x24),
    // the key, no entries, 1024 ^ 2^30 buckets all empty, no asmap.
    ManualClock clock(NOW);
    AddrMan empty(TestOptions(clock));
    const util::Bytes file = net::EncodePeersFile(REGTEST, empty.Snapshot());
    BOOST_CHECK_EQUAL(file.size(), 4u + 2 + 32 + 12 + 1024 * 4 + 32 + 32);
    BOOST_CHECK(util::Bytes(file.begin() + 4, file.end() - 32) == EmptyPayload(4, 0x24));
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(file).first(6)), "fabfb5da0424");
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(file).subspan(38, 12)), "00000000" "00000000" "00040040");

    // One entry, field by field (Core's AddrInfo on disk, BIP155 encoding).
    net::AddrManSnapshot one = empty.Snapshot();
    one.new_entries.push_back({net::AddressRecord{0x61bc6649, 1, TestService("250.1.1.1:8333")},
                               TestAddress("252.2.2.2"), 0, 0});
    one.new_buckets[7].push_back(0);
    const util::Bytes payload = net::SerializeAddrMan(one);
    const std::string entry = "605b0320"          // 220000 | 2^29
                              "4966bc61"          // time
                              "01"                // services, CompactSize
                              "0104fa010101208d"  // IPv4 250.1.1.1, port 8333
                              "0104fc020202"      // source 252.2.2.2
                              "0000000000000000"  // last success
                              "00000000";         // attempts
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(payload).subspan(34, 12)), "01000000" "00000000" "00040040");
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(payload).subspan(46, entry.size() / 2)), entry);
    // Bucket 7 lists index 0.
    const size_t buckets_at = 46 + entry.size() / 2;
    BOOST_CHECK_EQUAL(util::HexStr(util::ByteSpan(payload).subspan(buckets_at + 7 * 4, 12)), "01000000" "00000000"
                                                                                             "00000000");
    const auto back = net::DeserializeAddrMan(payload);
    BOOST_REQUIRE_MESSAGE(back.error == PeersFileError::NONE, back.reason);
    BOOST_CHECK(back.snapshot.new_entries == one.new_entries);
    BOOST_CHECK(back.snapshot.new_buckets == one.new_buckets);
}

BOOST_AUTO_TEST_CASE(legacy_format_entries)
{
    // Format 2 (before BIP155): legacy 16-byte addresses and 8-byte services,
    // and the old key-size byte 32 where the compatibility byte now is.
    std::string hex = "0220" "01" + std::string(62, '0');
    hex += LE32(1) + LE32(0) + LE32(1024 ^ (1 << 30));
    hex += "400d0300"                          // client version 200000: no BIP155 flag
           "4966bc61" "0904000000000000"       // time, services
           "00000000000000000000fffffa010101" "208d"
           "00000000000000000000fffffc020202" // source
           "0000000000000000" "00000000";
    for (int i = 0; i < 1024; ++i) hex += i == 3 ? "01000000" "00000000" : LE32(0);
    hex += std::string(64, '0');
    const auto load = net::DeserializeAddrMan(Hex(hex));
    BOOST_REQUIRE_MESSAGE(load.error == PeersFileError::NONE, load.reason);
    BOOST_REQUIRE_EQUAL(load.snapshot.new_entries.size(), 1u);
    BOOST_CHECK_EQUAL(load.snapshot.new_entries[0].record.service.ToString(), "250.1.1.1:8333");
    BOOST_CHECK_EQUAL(load.snapshot.new_entries[0].record.services, 0x409u);
    BOOST_CHECK(load.snapshot.new_entries[0].source == TestAddress("252.2.2.2"));

    // The BIP155 flag is not allowed in a format that predates it.
    std::string flagged = hex;
    flagged.replace(flagged.find("400d0300"), 8, "400d0320");
    const auto refused = net::DeserializeAddrMan(Hex(flagged));
    BOOST_CHECK(refused.error == PeersFileError::CORRUPT);
    BOOST_CHECK_EQUAL(refused.reason, "corrupt addrman data: unsupported address disk format version");
}

BOOST_AUTO_TEST_CASE(round_trip_keeps_selection)
{
    test::TempDir dir;
    const auto path = dir.path / "peers.dat";
    ManualClock clock(NOW);

    auto state = std::make_shared<uint64_t>(1);
    net::AddrManOptions options = TestOptions(clock, 0, test::KeyOne());
    options.random = [state] { return *state = *state * 6364136223846793005ULL + 1442695040888963407ULL; };
    AddrMan original(options);
    Fill(original);
    BOOST_REQUIRE(net::WritePeersFile(path, REGTEST, original));
    BOOST_CHECK(!std::filesystem::exists(dir.path / "peers.dat.new"));

    const auto load = net::ReadPeersFile(path, REGTEST);
    BOOST_REQUIRE_MESSAGE(load.error == PeersFileError::NONE, load.reason);
    auto reloaded_state = std::make_shared<uint64_t>(1);
    net::AddrManOptions reloaded_options = TestOptions(clock, 0, test::KeyOne());
    reloaded_options.key = net::AddrManKey{}; // replaced by the file's
    reloaded_options.random = [reloaded_state] {
        return *reloaded_state = *reloaded_state * 6364136223846793005ULL + 1442695040888963407ULL;
    };
    AddrMan reloaded(reloaded_options);
    BOOST_CHECK_EQUAL(reloaded.Restore(load.snapshot), 0u);
    BOOST_CHECK(reloaded.Key() == original.Key());
    BOOST_CHECK_EQUAL(reloaded.Size(), original.Size());
    BOOST_CHECK_EQUAL(reloaded.Size(std::nullopt, false), original.Size(std::nullopt, false));
    BOOST_CHECK_EQUAL(reloaded.Size(net::Network::ONION), 1u);
    BOOST_CHECK_EQUAL(reloaded.CheckConsistency(), 0);
    for (const net::AddressRecord& record : original.GetAddr(0, 0, std::nullopt, false)) {
        BOOST_CHECK(reloaded.FindAddressEntry(record.service) == original.FindAddressEntry(record.service));
    }

    // The same random draws pick the same addresses. (Last-try times are not
    // kept on disk, so look a day later, when they no longer matter.)
    clock.Set(NOW + 24 * 60 * 60);
    *state = 77;
    *reloaded_state = 77;
    for (int i = 0; i < 100; ++i) {
        const auto a = original.Select();
        const auto b = reloaded.Select();
        BOOST_REQUIRE(a && b);
        BOOST_CHECK_EQUAL(a->first.service.ToString(), b->first.service.ToString());
        BOOST_CHECK(a->first == b->first);
    }

    // Writing again replaces the file in place.
    original.Add({TestRecord("99.99.99.99:8333", NOW)}, TestAddress("98.1.1.1"));
    BOOST_REQUIRE(net::WritePeersFile(path, REGTEST, original));
    const auto second = net::ReadPeersFile(path, REGTEST);
    BOOST_REQUIRE(second.error == PeersFileError::NONE);
    BOOST_CHECK_EQUAL(second.snapshot.new_entries.size() + second.snapshot.tried_entries.size(), original.Size());
}

BOOST_AUTO_TEST_CASE(rejects_bad_files)
{
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    Fill(addrman);
    const util::Bytes good = net::EncodePeersFile(REGTEST, addrman.Snapshot());
    BOOST_REQUIRE(net::DecodePeersFile(REGTEST, good).error == PeersFileError::NONE);

    // Another network's file.
    const auto other = net::DecodePeersFile(MAINNET, good);
    BOOST_CHECK(other.error == PeersFileError::WRONG_NETWORK);
    BOOST_CHECK_EQUAL(other.reason, "peers file is for another network (magic fabfb5da, expected f9beb4d9)");

    // Any flipped bit: in the header, an entry, the buckets, the checksum.
    for (const size_t at : {size_t{5}, size_t{50}, good.size() / 2, good.size() - 40, good.size() - 1}) {
        util::Bytes damaged = good;
        damaged[at] ^= 0x10;
        BOOST_CHECK_MESSAGE(net::DecodePeersFile(REGTEST, damaged).error == PeersFileError::BAD_CHECKSUM, at);
    }
    // Truncated anywhere (and a byte too many).
    for (size_t length = 0; length < good.size(); length += 7) {
        const auto load = net::DecodePeersFile(REGTEST, util::ByteSpan(good).first(length));
        BOOST_CHECK_MESSAGE(load.error == PeersFileError::BAD_CHECKSUM, length);
    }
    util::Bytes longer = good;
    longer.push_back(0);
    BOOST_CHECK(net::DecodePeersFile(REGTEST, longer).error == PeersFileError::BAD_CHECKSUM);
}

BOOST_AUTO_TEST_CASE(rejects_impossible_contents)
{
    // Payloads with a valid checksum that still cannot be an addrman.
    const auto error = [](const util::Bytes& payload) {
        return net::DecodePeersFile(REGTEST, Envelope(REGTEST, payload));
    };
    const util::Bytes empty = EmptyPayload(4, 36);

    util::Bytes low_compat = empty;
    low_compat[1] = 31;
    BOOST_CHECK(error(low_compat).error == PeersFileError::CORRUPT);
    BOOST_CHECK_EQUAL(error(low_compat).reason,
                      "corrupt addrman data: the compat value (31) is lower than the expected minimum value 32");

    util::Bytes newer = empty;
    newer[0] = 9;
    newer[1] = 32 + 5; // needs a format-5 reader
    BOOST_CHECK(error(newer).error == PeersFileError::UNSUPPORTED_VERSION);
    BOOST_CHECK_EQUAL(error(newer).reason,
                      "unsupported addrman format 9: it needs a reader of format 5 or later, and utxod reads up to 4");

    util::Bytes negative = empty;
    util::WriteLE32(negative.data() + 34, 0xffffffff);
    BOOST_CHECK(error(negative).error == PeersFileError::CORRUPT);
    BOOST_CHECK_EQUAL(error(negative).reason, "corrupt addrman data: -1 new entries, should be in [0, 65536]");
    util::Bytes too_many = empty;
    util::WriteLE32(too_many.data() + 38, 256 * 64 + 1);
    BOOST_CHECK_EQUAL(error(too_many).reason, "corrupt addrman data: 16385 tried entries, should be in [0, 16384]");

    // Entries announced but missing.
    util::Bytes missing = empty;
    util::WriteLE32(missing.data() + 34, 1);
    BOOST_CHECK(error(missing).error == PeersFileError::CORRUPT);
    BOOST_CHECK(error(missing).reason.starts_with("corrupt addrman data"));

    // A bucket with more than 64 entries.
    util::Bytes crowded = empty;
    util::WriteLE32(crowded.data() + 46, 65);
    BOOST_CHECK_EQUAL(error(crowded).reason, "corrupt addrman data: new bucket 0 holds 65 entries");

    // Bytes after the asmap checksum; the asmap checksum cut short.
    util::Bytes trailing = empty;
    trailing.push_back(0);
    BOOST_CHECK_EQUAL(error(trailing).reason, "corrupt addrman data: 1 unexpected bytes after the end");
    util::Bytes short_end = empty;
    short_end.pop_back();
    BOOST_CHECK(error(short_end).error == PeersFileError::CORRUPT);

    // An entry with an unknown disk version bit, and one with a BIP155
    // address of the wrong length.
    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    addrman.Add({TestRecord("250.1.1.1:8333", NOW)}, TestAddress("252.2.2.2"));
    const util::Bytes one = net::SerializeAddrMan(addrman.Snapshot());
    util::Bytes unknown_version = one;
    unknown_version[46 + 3] |= 0x40;
    BOOST_CHECK_EQUAL(error(unknown_version).reason, "corrupt addrman data: unsupported address disk format version");
    util::Bytes wrong_length = one;
    wrong_length[46 + 4 + 4 + 1 + 1] = 5; // IPv4 with length 5
    BOOST_CHECK(error(wrong_length).error == PeersFileError::CORRUPT);
    BOOST_CHECK(error(wrong_length).reason.find("BIP155 IPv4 address with length 5") != std::string::npos);

    // Invalid addresses and impossible bucket indexes are not errors: they
    // are dropped when the table is rebuilt, as in Core.
    util::Bytes invalid = one;
    invalid[46 + 4 + 4 + 1 + 2] = 0; // 250.1.1.1 -> 0.1.1.1
    invalid[46 + 4 + 4 + 1 + 3] = 0; // -> 0.0.1.1
    invalid[46 + 4 + 4 + 1 + 4] = 0; // -> 0.0.0.1
    invalid[46 + 4 + 4 + 1 + 5] = 0; // -> 0.0.0.0: invalid
    const auto load = error(invalid);
    BOOST_REQUIRE(load.error == PeersFileError::NONE);
    AddrMan restored(TestOptions(clock));
    BOOST_CHECK_EQUAL(restored.Restore(load.snapshot), 1u);
    BOOST_CHECK_EQUAL(restored.Size(), 0u);
}

BOOST_AUTO_TEST_CASE(files_on_disk)
{
    test::TempDir dir;
    const auto path = dir.path / "peers.dat";
    BOOST_CHECK(net::ReadPeersFile(path, REGTEST).error == PeersFileError::NOT_FOUND);
    // A directory where the file should be cannot be read.
    std::filesystem::create_directory(dir.path / "dir.dat");
    const auto unreadable = net::ReadPeersFile(dir.path / "dir.dat", REGTEST);
    BOOST_CHECK(unreadable.error == PeersFileError::READ_FAILED);

    ManualClock clock(NOW);
    AddrMan addrman(TestOptions(clock));
    Fill(addrman);
    // A missing directory: an error, and nothing left behind.
    const auto failed = net::WritePeersFile(dir.path / "missing" / "peers.dat", REGTEST, addrman);
    BOOST_REQUIRE(!failed);
    BOOST_CHECK(failed.error().starts_with("Unable to open "));
    BOOST_REQUIRE(net::WritePeersFile(path, REGTEST, addrman));

    // Damage the file on disk: the load says so, with the path, and the file
    // can be moved aside for a fresh start.
    {
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(100);
        file.put('\x55');
    }
    const auto damaged = net::ReadPeersFile(path, REGTEST);
    BOOST_CHECK(damaged.error == PeersFileError::BAD_CHECKSUM);
    BOOST_CHECK(damaged.reason.starts_with(path.string() + ": "));
    BOOST_CHECK_EQUAL(net::PeersFileErrorText(damaged.error), "bad checksum");

    const auto moved = net::MoveCorruptFileAside(path);
    BOOST_REQUIRE(moved);
    BOOST_CHECK_EQUAL(moved->string(), path.string() + ".bak");
    BOOST_CHECK(!std::filesystem::exists(path));
    BOOST_CHECK(std::filesystem::exists(*moved));
    BOOST_CHECK(net::ReadPeersFile(path, REGTEST).error == PeersFileError::NOT_FOUND);
    // A second bad file replaces the older backup.
    { std::ofstream(path) << "garbage"; }
    BOOST_REQUIRE(net::MoveCorruptFileAside(path));
    BOOST_CHECK_EQUAL(std::filesystem::file_size(*moved), 7u);
    BOOST_CHECK(!net::MoveCorruptFileAside(path)); // nothing left to move
}

BOOST_AUTO_TEST_SUITE_END()
