#include <node/debug_log.h>
#include <node/options.h>
#include <node/rpc_setup.h>
#include <node/version.h>

#include <util/clock.h>
#include <util/logging.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <random>
#include <unistd.h>

namespace {

using test::TempDir;

util::Args NodeArgs(const std::vector<std::string>& argv)
{
    util::Args args;
    node::RegisterNodeOptions(args);
    BOOST_REQUIRE(args.ParseCommandLine(argv));
    return args;
}

std::string Endpoint(const std::string& text)
{
    auto endpoint = node::ParseEndpoint(text, 18443);
    return endpoint ? endpoint->host + " " + std::to_string(endpoint->port) : endpoint.error();
}

} // namespace

BOOST_AUTO_TEST_SUITE(node_tests)

BOOST_AUTO_TEST_CASE(every_documented_option_is_accepted)
{
    // The options issue 5 lists, each given once on the command line.
    const char* names[] = {"conf=x", "datadir=/tmp", "blocksdir=/tmp", "chain=regtest", "daemon", "pid=p",
                           "printtoconsole", "debug=net", "debugexclude=net", "logtimemicros", "logthreadnames",
                           "logsourcelocations", "logips", "shrinkdebugfile", "server", "rest", "rpcbind=127.0.0.1",
                           "rpcport=1", "rpcallowip=1.2.3.4", "rpcuser=u", "rpcpassword=p", "rpcauth=a:b$c",
                           "rpccookiefile=c", "rpcthreads=2", "rpcworkqueue=2", "rpcservertimeout=2", "port=1",
                           "bind=0.0.0.0", "listen", "connect=1.2.3.4", "addnode=1.2.3.4", "dbcache=100", "par=2",
                           "txindex", "prune=0", "reindex", "loadblock=f", "blocknotify=x", "uacomment=c",
                           "alertnotify=x", "startupnotify=x", "shutdownnotify=x", "regtest", "testnet", "testnet4",
                           "signet", "version", "help"};
    for (const char* name : names) {
        util::Args args;
        node::RegisterNodeOptions(args);
        BOOST_CHECK_MESSAGE(args.ParseCommandLine({std::string("-") + name}), name);
    }
    util::Args args;
    node::RegisterNodeOptions(args);
    auto unknown = args.ParseCommandLine({"-foo"});
    BOOST_REQUIRE(!unknown);
    BOOST_CHECK_EQUAL(unknown.error(), "Invalid parameter -foo");
}

BOOST_AUTO_TEST_CASE(help_is_grouped_with_defaults)
{
    const std::string help = NodeArgs({}).HelpText();
    const char* categories[] = {"Options:", "Connection options:", "Debugging/Testing options:", "Chain selection options:",
                                "Node relay options:", "RPC server options:"};
    size_t last = 0;
    for (const char* category : categories) {
        const size_t at = help.find(std::string(category) + "\n");
        BOOST_CHECK_MESSAGE(at != std::string::npos && at >= last, category);
        last = at;
    }
    BOOST_CHECK(help.find("  -rpcthreads=<n>\n       Threads serving RPC calls (default: 16)\n") != std::string::npos);
    BOOST_CHECK(help.find("  -dbcache=<n>\n") != std::string::npos);
    // utxo-cli's options are accepted in a shared file but not shown.
    BOOST_CHECK(help.find("-rpcconnect") == std::string::npos);
    util::Args args = NodeArgs({});
    BOOST_CHECK(args.ReadConfig("rpcconnect=127.0.0.1\nrpcwait=1\n", "utxod.conf"));
}

BOOST_AUTO_TEST_CASE(user_agent_and_version)
{
    BOOST_CHECK_EQUAL(node::UserAgent({}), "/utxod:" + node::VersionString() + "/");
    BOOST_CHECK_EQUAL(node::UserAgent({"a", "b c"}), "/utxod:" + node::VersionString() + "(a; b c)/");
    BOOST_CHECK(node::IsSafeUserAgentComment("pool one; v1.2 (x@y:z/w?)"));
    BOOST_CHECK(!node::IsSafeUserAgentComment("bad<comment>"));
    BOOST_CHECK(!node::IsSafeUserAgentComment("semi/colon\n"));
    // On Bitcoin Core's scale, at least v0.21 (what bitcoin-cli -netinfo requires).
    BOOST_CHECK_GE(node::RPC_INTERFACE_VERSION, 209900);
}

BOOST_AUTO_TEST_CASE(rpcbind_endpoints)
{
    BOOST_CHECK_EQUAL(Endpoint("127.0.0.1"), "127.0.0.1 18443");
    BOOST_CHECK_EQUAL(Endpoint("127.0.0.1:8000"), "127.0.0.1 8000");
    BOOST_CHECK_EQUAL(Endpoint("::1"), "::1 18443");
    BOOST_CHECK_EQUAL(Endpoint("[::1]:8000"), "::1 8000");
    BOOST_CHECK_EQUAL(Endpoint("[fd00::2]"), "fd00::2 18443");
    BOOST_CHECK_EQUAL(Endpoint("localhost:0"), "Invalid port specified in -rpcbind: 'localhost:0'");
    BOOST_CHECK_EQUAL(Endpoint("host:99999"), "Invalid port specified in -rpcbind: 'host:99999'");
    BOOST_CHECK_EQUAL(Endpoint("host:x"), "Invalid port specified in -rpcbind: 'host:x'");
}

BOOST_AUTO_TEST_CASE(rpc_listens_on_loopback_unless_bind_and_allowip_are_both_given)
{
    util::FixedClock clock(0);
    util::Logger logger(clock);
    std::vector<std::string> lines;
    logger.AddSink([&](std::string_view line) { lines.emplace_back(line); });

    auto loopback = node::HttpOptionsFromArgs(NodeArgs({"-rpcbind=0.0.0.0"}), 18443, logger);
    BOOST_REQUIRE(loopback);
    BOOST_REQUIRE_EQUAL(loopback->bind.size(), 2U);
    BOOST_CHECK_EQUAL(loopback->bind[0].host, "::1");
    BOOST_CHECK_EQUAL(loopback->bind[1].host, "127.0.0.1");
    BOOST_CHECK_EQUAL(loopback->allowed.size(), 2U);
    BOOST_REQUIRE_EQUAL(lines.size(), 1U);
    BOOST_CHECK(lines[0].find("-rpcbind was ignored because -rpcallowip was not specified") != std::string::npos);

    auto open = node::HttpOptionsFromArgs(
        NodeArgs({"-rpcbind=0.0.0.0:9000", "-rpcallowip=10.0.0.0/8", "-rpcthreads=3", "-rpcworkqueue=5",
                  "-rpcservertimeout=7"}), 18443, logger);
    BOOST_REQUIRE(open);
    BOOST_REQUIRE_EQUAL(open->bind.size(), 1U);
    BOOST_CHECK_EQUAL(open->bind[0].host, "0.0.0.0");
    BOOST_CHECK_EQUAL(open->bind[0].port, 9000);
    BOOST_CHECK_EQUAL(open->allowed.size(), 3U);
    BOOST_CHECK_EQUAL(open->worker_threads, 3);
    BOOST_CHECK_EQUAL(open->work_queue_depth, 5U);
    BOOST_CHECK_EQUAL(open->idle_timeout_seconds, 7);

    auto bad = node::HttpOptionsFromArgs(NodeArgs({"-rpcallowip=10.0.0.0/33"}), 18443, logger);
    BOOST_REQUIRE(!bad);
    BOOST_CHECK(bad.error().starts_with("Invalid -rpcallowip subnet specification: 10.0.0.0/33. "));
}

BOOST_AUTO_TEST_CASE(debug_log_file_appends_and_shrinks)
{
    TempDir dir;
    const auto path = dir.path / "debug.log";
    {
        auto log = node::DebugLogFile::Open(path);
        BOOST_REQUIRE(log);
        (*log)->Write("one\n");
        // After logrotate moves the file away, a reopen starts a new one.
        std::filesystem::rename(path, dir.path / "debug.log.1");
        (*log)->Reopen();
        (*log)->Write("two\n");
    }
    std::ifstream rotated(dir.path / "debug.log.1");
    std::string line;
    std::getline(rotated, line);
    BOOST_CHECK_EQUAL(line, "one");
    std::ifstream fresh(path);
    std::getline(fresh, line);
    BOOST_CHECK_EQUAL(line, "two");

    // A small file is left alone; a large one keeps its last 10 MiB from a line start.
    node::ShrinkDebugFile(path);
    BOOST_CHECK_EQUAL(std::filesystem::file_size(path), 4U);
    {
        std::ofstream big(path, std::ios::trunc);
        const std::string row(99, 'x');
        for (int i = 0; i < 120'000; ++i) big << row << "\n"; // 12 MB
        big << "last line\n";
    }
    node::ShrinkDebugFile(path);
    const auto size = std::filesystem::file_size(path);
    BOOST_CHECK_LE(size, node::RECENT_DEBUG_HISTORY_SIZE);
    BOOST_CHECK_GT(size, node::RECENT_DEBUG_HISTORY_SIZE - 200);
    std::ifstream shrunk(path);
    std::getline(shrunk, line);
    BOOST_CHECK_EQUAL(line, std::string(99, 'x'));
    std::string last;
    while (std::getline(shrunk, line)) last = line;
    BOOST_CHECK_EQUAL(last, "last line");
}

BOOST_AUTO_TEST_SUITE_END()
