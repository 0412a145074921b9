#include <util/args.h>

#include <boost/test/unit_test.hpp>

#include <map>

using util::Args;

namespace {

Args MakeArgs()
{
    Args args;
    args.AddArg("datadir", "Data directory", "Options", util::ARG_COMMAND_LINE_ONLY);
    args.AddArg("conf", "Config file", "Options", util::ARG_COMMAND_LINE_ONLY);
    args.AddArg("dbcache=<n>", "Cache size (MiB)", "Options");
    args.AddArg("server", "Accept RPC commands", "RPC server options");
    args.AddArg("rpcuser", "RPC user", "RPC server options");
    args.AddArg("rpcpassword", "RPC password", "RPC server options");
    args.AddArg("port", "P2P port", "Connection options", util::ARG_NETWORK_ONLY);
    args.AddArg("connect", "Connect only to these nodes", "Connection options", util::ARG_NETWORK_ONLY);
    args.AddArg("debug", "Debug categories", "Debugging/Testing options");
    args.AddArg("version", "Print version", "Options", util::ARG_DISALLOW_NEGATION);
    args.AddArg("chain", "Network", "Chain selection options");
    args.AddArg("regtest", "Use regtest", "Chain selection options");
    args.AddArg("testnet", "Use testnet3", "Chain selection options");
    args.AddArg("testnet4", "Use testnet4", "Chain selection options");
    args.AddArg("signet", "Use signet", "Chain selection options");
    return args;
}

std::string Error(const util::Result<void>& r) { return r ? "" : r.error(); }

// Include files for the includeconf tests, by path.
util::Result<std::string> ReadFromMap(const std::string& path, void* context)
{
    const auto& files = *static_cast<const std::map<std::string, std::string>*>(context);
    auto it = files.find(path);
    if (it == files.end()) return util::Error{"cannot read " + path};
    return it->second;
}

} // namespace

BOOST_AUTO_TEST_SUITE(args_tests)

BOOST_AUTO_TEST_CASE(command_line_forms)
{
    Args args = MakeArgs();
    BOOST_REQUIRE(args.ParseCommandLine({"-dbcache=100", "--server", "-noconnect", "-debug=net", "-debug=rpc", "-rpcuser="}));
    BOOST_CHECK_EQUAL(args.Get("dbcache", ""), "100");
    BOOST_CHECK(args.GetBool("server", false)); // "-name" alone is true
    BOOST_CHECK(args.IsNegated("connect"));
    BOOST_CHECK(args.GetAll("connect").empty());
    BOOST_CHECK(!args.GetBool("connect", true));
    BOOST_CHECK((args.GetAll("debug") == std::vector<std::string>{"net", "rpc"}));
    BOOST_CHECK(args.IsSet("rpcuser"));
    BOOST_CHECK_EQUAL(args.Get("rpcuser", "x"), "");
    BOOST_CHECK(!args.IsSet("port"));
    BOOST_CHECK_EQUAL(*args.GetInt("dbcache", 450), 100);
    BOOST_CHECK_EQUAL(*args.GetInt("port", 8333), 8333);
}

BOOST_AUTO_TEST_CASE(negation_rules)
{
    Args args = MakeArgs();
    // -nofoo=0 is a (discouraged) double negative: true.
    BOOST_REQUIRE(args.ParseCommandLine({"-noserver=0", "-noconnect=1"}));
    BOOST_CHECK(args.GetBool("server", false));
    BOOST_CHECK(args.IsNegated("connect"));
    // -connect after -noconnect starts a new list.
    Args later = MakeArgs();
    BOOST_REQUIRE(later.ParseCommandLine({"-connect=a", "-noconnect", "-connect=b"}));
    BOOST_CHECK((later.GetAll("connect") == std::vector<std::string>{"b"}));
    Args forbidden = MakeArgs();
    BOOST_CHECK_EQUAL(Error(forbidden.ParseCommandLine({"-noversion"})),
                      "Negating of -version is meaningless and therefore forbidden");
}

BOOST_AUTO_TEST_CASE(command_line_errors)
{
    const std::pair<std::vector<std::string>, std::string> cases[] = {
        {{"-bogus=1"}, "Invalid parameter -bogus"},
        {{"-nobogus"}, "Invalid parameter -nobogus"},
        {{"stray"}, "Command line contains unexpected token 'stray', see utxod -help for a list of options."},
        {{"-"}, "Command line contains unexpected token '-', see utxod -help for a list of options."},
        {{"-regtest.port=1"}, "Invalid parameter -regtest.port=1"},
        {{"-=5"}, "Invalid parameter -=5"},
    };
    for (const auto& [argv, error] : cases) {
        Args args = MakeArgs();
        BOOST_CHECK_EQUAL(Error(args.ParseCommandLine(argv)), error);
    }
    Args bad_int = MakeArgs();
    BOOST_REQUIRE(bad_int.ParseCommandLine({"-dbcache=12x"}));
    const auto n = bad_int.GetInt("dbcache", 450);
    BOOST_REQUIRE(!n);
    BOOST_CHECK_EQUAL(n.error(), "Invalid value for -dbcache: '12x' is not an integer");
}

BOOST_AUTO_TEST_CASE(config_file_and_precedence)
{
    Args args = MakeArgs();
    BOOST_REQUIRE(args.ParseCommandLine({"-regtest", "-dbcache=300"}));
    const std::string conf = "# utxod.conf\n"
                             "server=1\n"
                             "dbcache = 200   # trailing comment\n"
                             "port=1111\n"
                             "rpcuser=alice\n"
                             "[regtest]\n"
                             "rpcuser=bob\n"
                             "connect=127.0.0.1:1\n"
                             "connect=127.0.0.1:2\n"
                             "[main]\n"
                             "port=2222\n"
                             "test.port=3333\n";
    const auto read = args.ReadConfig(conf, "utxod.conf");
    BOOST_REQUIRE_MESSAGE(read, Error(read));
    const auto chain = args.ChainName();
    BOOST_REQUIRE(chain);
    BOOST_CHECK_EQUAL(*chain, "regtest");
    args.SelectNetwork(*chain);
    BOOST_CHECK_EQUAL(args.Get("dbcache", ""), "300"); // command line wins
    BOOST_CHECK_EQUAL(args.Get("rpcuser", ""), "bob"); // section beats top level
    BOOST_CHECK(args.GetBool("server", false));         // top level applies
    BOOST_CHECK((args.GetAll("connect") == std::vector<std::string>{"127.0.0.1:1", "127.0.0.1:2"}));
    // -port is network-only: the top-level 1111 does not apply on regtest, with a warning.
    BOOST_CHECK(!args.IsSet("port"));
    BOOST_REQUIRE_EQUAL(args.Warnings().size(), 1u);
    BOOST_CHECK(args.Warnings()[0].find("-port only applied on main network") != std::string::npos);

    Args on_main = MakeArgs();
    BOOST_REQUIRE(on_main.ReadConfig(conf, "utxod.conf"));
    on_main.SelectNetwork(*on_main.ChainName());
    BOOST_CHECK_EQUAL(on_main.Get("port", ""), "2222"); // [main] beats the top level
    BOOST_CHECK_EQUAL(on_main.Get("rpcuser", ""), "alice");
    Args on_test = MakeArgs();
    BOOST_REQUIRE(on_test.ParseCommandLine({"-chain=test"}));
    BOOST_REQUIRE(on_test.ReadConfig(conf, "utxod.conf"));
    on_test.SelectNetwork(*on_test.ChainName());
    BOOST_CHECK_EQUAL(on_test.Get("port", ""), "3333"); // "test.port" form
}

BOOST_AUTO_TEST_CASE(repeated_single_values)
{
    // What bitcoind v29 does (checked against Bitcoin Knots 29.4 by the port it
    // binds): a config file's first value wins, counting from after the last
    // negation; the command line's last value wins.
    const auto effective = [](const std::vector<std::string>& command_line, const std::string& conf) {
        Args args = MakeArgs();
        BOOST_REQUIRE(args.ParseCommandLine(command_line));
        BOOST_REQUIRE(args.ReadConfig(conf, "utxod.conf"));
        args.SelectNetwork("regtest");
        return args.Get("port", "unset") + (args.IsNegated("port") ? " negated" : "");
    };
    BOOST_CHECK_EQUAL(effective({"-regtest"}, "[regtest]\nport=1\nport=2\n"), "1");
    BOOST_CHECK_EQUAL(effective({"-regtest"}, "[regtest]\nport=1\nnoport=1\nport=2\nport=3\n"), "2");
    BOOST_CHECK_EQUAL(effective({"-regtest"}, "[regtest]\nport=1\nnoport=1\n"), "0 negated");
    BOOST_CHECK_EQUAL(effective({"-regtest"}, "[regtest]\nnoport=1\nport=2\n"), "2");
    BOOST_CHECK_EQUAL(effective({"-regtest", "-port=5", "-port=6"}, "[regtest]\nport=1\n"), "6");
    BOOST_CHECK_EQUAL(effective({"-regtest", "-port=5", "-noport"}, "[regtest]\nport=1\n"), "0 negated");
    // Booleans follow the same rule: listen=0 then listen=1 in the file is off.
    Args args = MakeArgs();
    BOOST_REQUIRE(args.ParseCommandLine({"-regtest"}));
    BOOST_REQUIRE(args.ReadConfig("[regtest]\nserver=0\nserver=1\n", "utxod.conf"));
    args.SelectNetwork("regtest");
    BOOST_CHECK(!args.GetBool("server", true));
}

BOOST_AUTO_TEST_CASE(lists_gather_every_source)
{
    const std::string conf = "debug=top\n[regtest]\ndebug=section\nconnect=c1\n";
    Args args = MakeArgs();
    BOOST_REQUIRE(args.ParseCommandLine({"-regtest", "-debug=cli"}));
    BOOST_REQUIRE(args.ReadConfig(conf, "utxod.conf"));
    args.SelectNetwork("regtest");
    BOOST_CHECK((args.GetAll("debug") == std::vector<std::string>{"cli", "section", "top"}));
    // A negation on the command line drops the file's values...
    Args negated = MakeArgs();
    BOOST_REQUIRE(negated.ParseCommandLine({"-regtest", "-noconnect"}));
    BOOST_REQUIRE(negated.ReadConfig(conf, "utxod.conf"));
    negated.SelectNetwork("regtest");
    BOOST_CHECK(negated.GetAll("connect").empty());
    BOOST_CHECK(negated.IsNegated("connect"));
    // ...and values after it on the command line still count.
    Args renewed = MakeArgs();
    BOOST_REQUIRE(renewed.ParseCommandLine({"-regtest", "-connect=a", "-noconnect", "-connect=b"}));
    BOOST_REQUIRE(renewed.ReadConfig(conf, "utxod.conf"));
    renewed.SelectNetwork("regtest");
    BOOST_CHECK((renewed.GetAll("connect") == std::vector<std::string>{"b"}));
}

BOOST_AUTO_TEST_CASE(config_errors_are_never_silent)
{
    const std::pair<std::string, std::string> cases[] = {
        {"bogus=1\n", "utxod.conf:1: invalid configuration value bogus"},
        {"\n-server=1\n", "utxod.conf:2: -server=1: options in a configuration file are written without the leading hyphen"},
        {"server\n", "utxod.conf:1: parse error: server"},
        {"noserver\n", "utxod.conf:1: parse error: noserver (to negate an option, write noserver=1)"},
        {"[moon]\nserver=1\n", "utxod.conf:1: unknown section [moon] (main, test, testnet4, signet, regtest)"},
        {"moon.port=1\n", "utxod.conf:1: unknown section 'moon' in moon.port=1"},
        {"datadir=/tmp\n", "utxod.conf:1: -datadir can only be given on the command line"},
        {"rpcpassword=abc#def\n", "utxod.conf:1: using # in rpcpassword can be ambiguous and should be avoided"},
        {"noversion=1\n", "Negating of -version is meaningless and therefore forbidden"},
    };
    for (const auto& [text, error] : cases) {
        Args args = MakeArgs();
        BOOST_CHECK_EQUAL(Error(args.ReadConfig(text, "utxod.conf")), error);
    }
}

BOOST_AUTO_TEST_CASE(unknown_keys_can_be_ignored_with_a_warning)
{
    Args args = MakeArgs();
    args.SetUnknownConfigKeys(Args::UnknownKeys::Ignore);
    BOOST_REQUIRE(args.ReadConfig("zmqpubrawblock=tcp://x\nserver=1\nnoserver=0\n[regtest]\nwallet=w\n", "bitcoin.conf"));
    BOOST_CHECK(args.GetBool("server", false));
    BOOST_CHECK(!args.IsSet("zmqpubrawblock"));
    const std::vector<std::string> expected{"bitcoin.conf:1: ignoring unknown configuration value zmqpubrawblock",
                                            "bitcoin.conf:5: ignoring unknown configuration value wallet"};
    BOOST_CHECK_EQUAL_COLLECTIONS(args.Warnings().begin(), args.Warnings().end(), expected.begin(), expected.end());
    // Everything else is still an error.
    BOOST_CHECK_EQUAL(Error(args.ReadConfig("datadir=/tmp\n", "bitcoin.conf")),
                      "bitcoin.conf:1: -datadir can only be given on the command line");
}

BOOST_AUTO_TEST_CASE(includeconf)
{
    const std::map<std::string, std::string> files{
        {"extra.conf", "rpcuser=carol\n[regtest]\ndbcache=50\n"},
        {"nested.conf", "includeconf=extra.conf\n"},
    };
    auto* context = const_cast<std::map<std::string, std::string>*>(&files);
    Args args = MakeArgs();
    BOOST_REQUIRE(args.ReadConfig("includeconf=extra.conf\nserver=1\n", "utxod.conf", ReadFromMap, context));
    BOOST_CHECK_EQUAL(args.Get("rpcuser", ""), "carol");
    args.SelectNetwork("regtest");
    BOOST_CHECK_EQUAL(args.Get("dbcache", ""), "50");

    Args nested = MakeArgs();
    BOOST_CHECK_EQUAL(Error(nested.ReadConfig("includeconf=nested.conf\n", "utxod.conf", ReadFromMap, context)),
                      "nested.conf:1: includeconf is not allowed in an included file");
    Args missing = MakeArgs();
    BOOST_CHECK_EQUAL(Error(missing.ReadConfig("includeconf=none.conf\n", "utxod.conf", ReadFromMap, context)),
                      "includeconf=none.conf: cannot read none.conf");
}

BOOST_AUTO_TEST_CASE(chain_selection)
{
    const std::pair<std::vector<std::string>, std::string> good[] = {
        {{}, "main"}, {{"-regtest"}, "regtest"}, {{"-testnet"}, "test"}, {{"-testnet4"}, "testnet4"},
        {{"-signet"}, "signet"}, {{"-chain=signet"}, "signet"}, {{"-regtest=0"}, "main"},
    };
    for (const auto& [argv, chain] : good) {
        Args args = MakeArgs();
        BOOST_REQUIRE(args.ParseCommandLine(argv));
        const auto name = args.ChainName();
        BOOST_REQUIRE(name);
        BOOST_CHECK_EQUAL(*name, chain);
    }
    Args both = MakeArgs();
    BOOST_REQUIRE(both.ParseCommandLine({"-regtest", "-chain=main"}));
    BOOST_CHECK(!both.ChainName());
    Args unknown = MakeArgs();
    BOOST_REQUIRE(unknown.ParseCommandLine({"-chain=moon"}));
    BOOST_CHECK_EQUAL(unknown.ChainName().error(), "Unknown chain moon.");
    // The file's top level can choose the network; a section cannot.
    Args from_file = MakeArgs();
    BOOST_REQUIRE(from_file.ReadConfig("regtest=1\n", "utxod.conf"));
    BOOST_CHECK_EQUAL(*from_file.ChainName(), "regtest");
}

BOOST_AUTO_TEST_CASE(bool_interpretation_and_help)
{
    BOOST_CHECK(util::InterpretBool(""));
    BOOST_CHECK(util::InterpretBool("1"));
    BOOST_CHECK(util::InterpretBool("2"));
    BOOST_CHECK(!util::InterpretBool("0"));
    BOOST_CHECK(!util::InterpretBool("no")); // like atoi: no leading number is 0
    const std::string help = MakeArgs().HelpText();
    BOOST_CHECK(help.find("Connection options:") != std::string::npos);
    BOOST_CHECK(help.find("  -dbcache=<n>\n       Cache size (MiB)\n") != std::string::npos);
    // Categories in the order they were first used, not alphabetical.
    BOOST_CHECK(help.find("Options:") < help.find("RPC server options:"));
    BOOST_CHECK(help.find("RPC server options:") < help.find("Connection options:"));
    // Long help wraps at 79 columns under the 7-space indent.
    Args wrapped;
    wrapped.AddArg("x", std::string(60, 'a') + " " + std::string(30, 'b') + "\nsecond", "Options");
    BOOST_CHECK_EQUAL(wrapped.HelpText(), "Options:\n\n  -x\n       " + std::string(60, 'a') + "\n       " +
                                              std::string(30, 'b') + "\n       second\n\n");
}

BOOST_AUTO_TEST_SUITE_END()
