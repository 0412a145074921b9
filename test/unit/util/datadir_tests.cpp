#include <util/args.h>
#include <util/datadir.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A fresh directory under the system temp dir, removed at the end of the test.
using test::TempDir;

util::Args MakeArgs(const std::vector<std::string>& argv)
{
    util::Args args;
    args.AddArg("datadir", "", "Options", util::ARG_COMMAND_LINE_ONLY);
    args.AddArg("conf", "", "Options", util::ARG_COMMAND_LINE_ONLY);
    BOOST_REQUIRE(args.ParseCommandLine(argv));
    return args;
}

void Touch(const fs::path& p) { std::ofstream(p) << "# test\n"; }

} // namespace

BOOST_AUTO_TEST_SUITE(datadir_tests)

BOOST_AUTO_TEST_CASE(base_directory)
{
    TempDir tmp;
    auto home = util::BaseDataDir(MakeArgs({}), tmp.path.string());
    BOOST_REQUIRE(home);
    BOOST_CHECK(*home == tmp.path / ".utxod");
    auto given = util::BaseDataDir(MakeArgs({"-datadir=" + tmp.path.string()}), "/nonexistent");
    BOOST_REQUIRE(given);
    BOOST_CHECK(*given == tmp.path);
    auto missing = util::BaseDataDir(MakeArgs({"-datadir=" + (tmp.path / "nope").string()}), "");
    BOOST_REQUIRE(!missing);
    BOOST_CHECK_EQUAL(missing.error(), "Specified data directory \"" + (tmp.path / "nope").string() + "\" does not exist.");
    BOOST_CHECK(!util::BaseDataDir(MakeArgs({}), ""));
}

BOOST_AUTO_TEST_CASE(network_subfolders_are_created)
{
    TempDir tmp;
    auto regtest = util::NetworkDataDir(tmp.path / ".utxod", "regtest");
    BOOST_REQUIRE(regtest);
    BOOST_CHECK(fs::is_directory(tmp.path / ".utxod" / "regtest"));
    auto main = util::NetworkDataDir(tmp.path / ".utxod", "");
    BOOST_REQUIRE(main);
    BOOST_CHECK(*main == tmp.path / ".utxod");
    Touch(tmp.path / "file");
    BOOST_CHECK(!util::NetworkDataDir(tmp.path / "file", "regtest")); // a file in the way
}

BOOST_AUTO_TEST_CASE(config_file_choice)
{
    TempDir tmp;
    auto none = util::ConfigFile(MakeArgs({}), tmp.path);
    BOOST_REQUIRE(none);
    BOOST_CHECK(!*none);
    Touch(tmp.path / "bitcoin.conf");
    auto bitcoin = util::ConfigFile(MakeArgs({}), tmp.path);
    BOOST_REQUIRE(bitcoin && *bitcoin);
    BOOST_CHECK(**bitcoin == tmp.path / "bitcoin.conf"); // a bitcoind directory works as it is
    Touch(tmp.path / "utxod.conf");
    auto ours = util::ConfigFile(MakeArgs({}), tmp.path);
    BOOST_CHECK(**ours == tmp.path / "utxod.conf"); // ours wins when both exist
    Touch(tmp.path / "other.conf");
    auto relative = util::ConfigFile(MakeArgs({"-conf=other.conf"}), tmp.path);
    BOOST_CHECK(**relative == tmp.path / "other.conf");
    auto missing = util::ConfigFile(MakeArgs({"-conf=absent.conf"}), tmp.path);
    BOOST_REQUIRE(!missing);
    BOOST_CHECK(missing.error().find("could not be opened") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(second_lock_is_refused_until_released)
{
    TempDir tmp;
    {
        auto first = util::DirectoryLock::Acquire(tmp.path);
        BOOST_REQUIRE(first);
        auto second = util::DirectoryLock::Acquire(tmp.path);
        BOOST_REQUIRE(!second);
        BOOST_CHECK_EQUAL(second.error(), "Cannot obtain a lock on data directory " + tmp.path.string() +
                                              ". utxod is probably already running.");
        // Created owner-only (0600, or narrower under a strict umask).
        const auto perms = fs::status(tmp.path / ".lock").permissions();
        BOOST_CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    }
    // Released with the object.
    BOOST_CHECK(util::DirectoryLock::Acquire(tmp.path));
    BOOST_CHECK(!util::DirectoryLock::Acquire(tmp.path / "missing-dir"));
}

BOOST_AUTO_TEST_SUITE_END()
