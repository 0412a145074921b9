#include <storage/flat_files.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <unistd.h>

using storage::FilePos;
using storage::FlatFiles;

namespace {

const storage::MessageStart REGTEST_MAGIC{0xfa, 0xbf, 0xb5, 0xda};

using test::TempDir;

util::Bytes Payload(size_t size, uint8_t fill) { return util::Bytes(size, fill); }

} // namespace

BOOST_AUTO_TEST_SUITE(flat_files_tests)

BOOST_AUTO_TEST_CASE(records_in_core_format)
{
    TempDir dir;
    FlatFiles files({dir.path, "blk", storage::MAX_BLOCKFILE_SIZE, 4096});
    BOOST_CHECK_EQUAL(files.FileName(7).filename().string(), "blk00007.dat");
    const auto first = files.Append(REGTEST_MAGIC, Payload(100, 0x11));
    const auto second = files.Append(REGTEST_MAGIC, Payload(5, 0x22));
    BOOST_REQUIRE(first && second);
    BOOST_CHECK(*first == (FilePos{0, 8}));
    BOOST_CHECK(*second == (FilePos{0, 8 + 100 + 8}));
    BOOST_REQUIRE(files.Flush(/*finalize=*/true));

    // On disk: magic, little-endian length, payload; nothing after the last record once finalized.
    std::ifstream in(files.FileName(0), std::ios::binary);
    const util::Bytes raw{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    BOOST_REQUIRE_EQUAL(raw.size(), 8u + 100 + 8 + 5);
    BOOST_CHECK(std::equal(REGTEST_MAGIC.begin(), REGTEST_MAGIC.end(), raw.begin()));
    BOOST_CHECK_EQUAL(raw[4], 100);
    BOOST_CHECK_EQUAL(raw[5] | raw[6] | raw[7], 0);
    BOOST_CHECK_EQUAL(raw[108 + 4], 5);

    const auto read = files.Read(*second, REGTEST_MAGIC, 1000);
    BOOST_REQUIRE(read);
    BOOST_CHECK(*read == Payload(5, 0x22));
}

BOOST_AUTO_TEST_CASE(preallocation_rollover_and_reopen)
{
    TempDir dir;
    FlatFiles files({dir.path, "rev", /*max_file_size=*/1000, /*chunk_size=*/256});
    BOOST_REQUIRE(files.Append(REGTEST_MAGIC, Payload(10, 1)));
    // Preallocated to a whole chunk before the file is finalized.
    BOOST_CHECK_EQUAL(std::filesystem::file_size(files.FileName(0)), 256u);
    // 18 + 500 + 508 > 1000: the third record starts file 1, and file 0 is cut to its records.
    BOOST_REQUIRE(files.Append(REGTEST_MAGIC, Payload(500, 2)));
    const auto moved = files.Append(REGTEST_MAGIC, Payload(500, 3));
    BOOST_REQUIRE(moved);
    BOOST_CHECK(*moved == (FilePos{1, 8}));
    BOOST_CHECK_EQUAL(std::filesystem::file_size(files.FileName(0)), 18u + 508u);
    BOOST_CHECK_EQUAL(files.CurrentFile(), 1);
    BOOST_CHECK_EQUAL(files.CurrentSize(), 508u);
    BOOST_CHECK(!files.Append(REGTEST_MAGIC, Payload(993, 4))); // larger than a whole file

    // Continuing where the index says the files end.
    FlatFiles reopened({dir.path, "rev", 1000, 256}, files.CurrentFile(), files.CurrentSize());
    const auto next = reopened.Append(REGTEST_MAGIC, Payload(3, 5));
    BOOST_REQUIRE(next);
    BOOST_CHECK(*next == (FilePos{1, 508 + 8}));
    BOOST_CHECK(*reopened.Read(*moved, REGTEST_MAGIC, 1000) == Payload(500, 3));
}

BOOST_AUTO_TEST_CASE(bad_reads_are_errors)
{
    TempDir dir;
    FlatFiles files({dir.path, "blk", storage::MAX_BLOCKFILE_SIZE, 4096});
    const auto pos = files.Append(REGTEST_MAGIC, Payload(50, 7));
    BOOST_REQUIRE(pos);
    BOOST_REQUIRE(files.Flush(true));
    const storage::MessageStart main_magic{0xf9, 0xbe, 0xb4, 0xd9};
    const auto wrong_magic = files.Read(*pos, main_magic, 1000);
    BOOST_REQUIRE(!wrong_magic);
    BOOST_CHECK(wrong_magic.error().starts_with("wrong network magic in "));
    const auto too_large = files.Read(*pos, REGTEST_MAGIC, 49);
    BOOST_REQUIRE(!too_large);
    BOOST_CHECK(too_large.error().starts_with("record length 50 too large in "));
    BOOST_CHECK(!files.Read(FilePos{0, 4}, REGTEST_MAGIC, 1000));          // no header before it
    BOOST_CHECK(!files.Read(FilePos{0, 8 + 50 + 8}, REGTEST_MAGIC, 1000)); // past the end
    BOOST_CHECK(!files.Read(FilePos{3, 8}, REGTEST_MAGIC, 1000));          // no such file
    BOOST_CHECK(!files.Read(FilePos{}, REGTEST_MAGIC, 1000));

    // A record cut short (a crash mid-write) reads as an error.
    std::filesystem::resize_file(files.FileName(0), 8 + 20);
    const auto truncated = files.Read(*pos, REGTEST_MAGIC, 1000);
    BOOST_REQUIRE(!truncated);
    BOOST_CHECK(truncated.error().starts_with("record truncated in "));
}

BOOST_AUTO_TEST_SUITE_END()
