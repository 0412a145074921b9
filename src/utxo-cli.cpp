// utxo-cli: the command-line RPC client of utxod, a drop-in for bitcoin-cli.
//
//   utxo-cli [options] <command> [params]
//   utxo-cli [options] -named <command> [name=value]...
//
// Reads the same options and configuration files as bitcoin-cli, sends one
// JSON-RPC request (or a batch, for -getinfo and -netinfo) to the server and
// prints the reply exactly as bitcoin-cli does: doc/utxo-cli.md lists every
// behaviour and message. This file is the composition layer: it reads the
// configuration (ARCHITECTURE.md, habit 4) and hands plain values to src/cli/.
#include <cli/getinfo_text.h>
#include <cli/json_access.h>
#include <cli/netinfo.h>
#include <cli/request_handlers.h>
#include <cli/rpc_call.h>
#include <cli/rpc_connection.h>
#include <cli/rpc_reply.h>
#include <consensus/chain_params.h>
#include <util/args.h>
#include <util/clock.h>
#include <util/datadir.h>

#include <boost/json.hpp>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

// PACKAGE_VERSION comes from configure.
const std::string CLIENT_VERSION = std::string("v") + PACKAGE_VERSION;
constexpr int DEFAULT_HTTP_CLIENT_TIMEOUT = 900;

const char* const CATEGORY_OPTIONS = "Options";
const char* const CATEGORY_CHAIN = "Chain selection options";
const char* const CATEGORY_COMMANDS = "CLI Commands";

void SetupArgs(util::Args& args)
{
    using util::ARG_COMMAND_LINE_ONLY;
    using util::ARG_HIDDEN;
    using util::ARG_NETWORK_ONLY;
    args.AddArg("?", "Print this help message and exit", CATEGORY_OPTIONS, ARG_COMMAND_LINE_ONLY);
    // Shown once, as -?, like bitcoin-cli does.
    args.AddArg("h", "Print this help message and exit", CATEGORY_OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_HIDDEN);
    args.AddArg("help", "Print this help message and exit", CATEGORY_OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_HIDDEN);
    args.AddArg("help-debug", "Print this help message and exit", CATEGORY_OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_HIDDEN);
    args.AddArg("version", "Print version and exit", CATEGORY_OPTIONS);
    args.AddArg("color=<when>",
                "Colour the -getinfo output: always, never, or auto (when standard output is a terminal) "
                "(default: auto)",
                CATEGORY_OPTIONS);
    args.AddArg("conf=<file>",
                "Configuration file to read. Relative paths are under the data directory (default: utxod.conf, "
                "or bitcoin.conf when only that one exists)",
                CATEGORY_OPTIONS, ARG_COMMAND_LINE_ONLY);
    args.AddArg("datadir=<dir>", "Data directory (default: ~/.utxod)", CATEGORY_OPTIONS);
    args.AddArg("named", "Pass arguments by name (name=value) instead of by position (default: false)",
                CATEGORY_OPTIONS);
    args.AddArg("rpcclienttimeout=<n>",
                "Seconds to wait for each HTTP request, or 0 to wait for ever (default: 900)", CATEGORY_OPTIONS);
    args.AddArg("rpcconnect=<ip>",
                "Address of the node to send commands to: host, host:port, [ipv6] or [ipv6]:port "
                "(default: 127.0.0.1)",
                CATEGORY_OPTIONS);
    args.AddArg("rpccookiefile=<loc>",
                "The server's authentication cookie. Relative paths are under the network's data directory "
                "(default: .cookie there)",
                CATEGORY_OPTIONS);
    args.AddArg("rpcpassword=<pw>", "Password for JSON-RPC connections", CATEGORY_OPTIONS);
    args.AddArg("rpcport=<port>",
                "Port of the JSON-RPC server (default: 8332, testnet: 18332, testnet4: 48332, signet: 38332, "
                "regtest: 18443)",
                CATEGORY_OPTIONS, ARG_NETWORK_ONLY);
    args.AddArg("rpcuser=<user>", "User name for JSON-RPC connections", CATEGORY_OPTIONS);
    args.AddArg("rpcwait", "Wait for the RPC server to start and finish loading", CATEGORY_OPTIONS);
    args.AddArg("rpcwaittimeout=<n>",
                "Seconds -rpcwait waits for the server, or 0 to wait for ever (default: 0)", CATEGORY_OPTIONS);
    args.AddArg("rpcwallet=<walletname>",
                "Send the command to this wallet of the server (the endpoint /wallet/<walletname>)",
                CATEGORY_OPTIONS);
    args.AddArg("stdin",
                "Read further arguments from standard input, one per line until end of file (better than the "
                "command line for secrets). With -stdinrpcpass, the first line is the RPC password",
                CATEGORY_OPTIONS);
    args.AddArg("stdinrpcpass",
                "Read the RPC password from standard input as one line. It is the first line read; with "
                "-stdinwalletpassphrase, the passphrase is the second",
                CATEGORY_OPTIONS);
    args.AddArg("stdinwalletpassphrase",
                "Read the wallet passphrase of walletpassphrase(change) from standard input as one line, "
                "inserted as the command's first argument",
                CATEGORY_OPTIONS);

    args.AddArg("chain=<chain>", "Use the chain <chain>: main, test, testnet4, signet or regtest", CATEGORY_CHAIN);
    // Hidden as bitcoin-cli hides its test-only options; -chain=regtest is the documented way.
    args.AddArg("regtest", "Use the regression test chain, where blocks can be mined at once. Same as -chain=regtest",
                CATEGORY_CHAIN, ARG_HIDDEN);
    args.AddArg("signet", "Use the signet chain. Same as -chain=signet", CATEGORY_CHAIN);
    args.AddArg("signetchallenge=<hex>", "Accepted for compatibility with bitcoin-cli; has no effect here",
                CATEGORY_CHAIN, ARG_HIDDEN);
    args.AddArg("signetseednode=<host>", "Accepted for compatibility with bitcoin-cli; has no effect here",
                CATEGORY_CHAIN, ARG_HIDDEN);
    args.AddArg("testactivationheight=<name@height>",
                "Accepted for compatibility with bitcoin-cli; has no effect here", CATEGORY_CHAIN, ARG_HIDDEN);
    args.AddArg("testnet", "Use the testnet3 chain. Same as -chain=test", CATEGORY_CHAIN);
    args.AddArg("testnet4", "Use the testnet4 chain. Same as -chain=testnet4", CATEGORY_CHAIN);
    args.AddArg("vbparams=<deployment:start:end>",
                "Accepted for compatibility with bitcoin-cli; has no effect here", CATEGORY_CHAIN, ARG_HIDDEN);

    args.AddArg("addrinfo", "Count the addresses the node knows, per network and in total", CATEGORY_COMMANDS);
    args.AddArg("generate",
                "Mine blocks at once to a new address of the wallet (getnewaddress, then generatetoaddress). "
                "Optional arguments: the number of blocks (default: 1) and the maximum tries (default: 1000000). "
                "Example: utxo-cli -generate 4 1000",
                CATEGORY_COMMANDS);
    args.AddArg("getinfo",
                "Show a summary of the node: chain, blocks, connections, wallet. The figures come from several "
                "calls, which may see different states of the node",
                CATEGORY_COMMANDS);
    args.AddArg("netinfo",
                "Show a dashboard of the node's peer connections: counts per network and, at levels 1 to 4, a list "
                "of peers. Optional argument: the level, from 0 (default) to 4; \"help\" explains more",
                CATEGORY_COMMANDS);
}

std::string Usage()
{
    return "utxod RPC client version " + CLIENT_VERSION +
           "\n\n"
           "utxo-cli sends commands to a running utxod (or any server speaking Bitcoin Core's JSON-RPC) and prints\n"
           "the replies. \"utxo-cli help\" lists the server's commands and \"utxo-cli help <command>\" explains one.\n"
           "With -named, arguments are given as name=value, so optional ones can be skipped.\n\n"
           "Usage: utxo-cli [options] <command> [params]\n"
           "or:    utxo-cli [options] -named <command> [name=value]...\n"
           "or:    utxo-cli [options] help\n"
           "or:    utxo-cli [options] help <command>\n\n";
}

// bitcoin-cli's integer options read like atoi: the leading number, 0 for
// none, clamped to the type's range; trailing text is ignored.
int64_t LenientInt(const util::Args& args, std::string_view name, int64_t fallback)
{
    const auto value = args.Get(name);
    if (!value) return fallback;
    std::string_view text = *value;
    if (text.size() >= 2 && text[0] == '+' && text[1] == '-') return 0;
    if (!text.empty() && text[0] == '+') text.remove_prefix(1);
    int64_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error == std::errc::result_out_of_range) return text[0] == '-' ? INT64_MIN : INT64_MAX;
    if (error != std::errc()) return 0;
    return n;
}

util::Result<std::string> ReadTextFile(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) return util::Error{"could not open " + path.string()};
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

util::Result<std::string> ReadIncludedConfig(const std::string& path, void* context)
{
    const auto& base = *static_cast<const fs::path*>(context);
    const fs::path full = fs::path(path).is_absolute() ? fs::path(path) : base / path;
    auto text = ReadTextFile(full);
    if (!text) return util::Error{"Failed to include configuration file " + path};
    return text;
}

// Standard input, read as bitcoin-cli reads it: with the terminal's echo off
// for secrets, and a prompt on stderr when it is a terminal.
class StdinReader {
public:
    bool IsTerminal() const { return isatty(STDIN_FILENO); }

    std::optional<std::string> ReadSecretLine(const char* prompt)
    {
        termios saved{};
        const bool terminal = IsTerminal() && tcgetattr(STDIN_FILENO, &saved) == 0;
        if (terminal) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
            std::fputs(prompt, stderr);
            std::fflush(stderr);
        }
        std::string line;
        const bool ok = static_cast<bool>(std::getline(std::cin, line));
        if (terminal) {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved);
            std::fputc('\n', stdout);
        }
        if (!ok) return std::nullopt;
        return line;
    }
};

struct Settings {
    util::Args args;
    fs::path base_dir;
    std::string chain_name;
    consensus::ChainParams params;
    std::string config_path; // shown when no credentials were found
};

// Prints bitcoin-cli's startup errors itself; returns the exit status to stop
// with, or nullopt to go on.
std::optional<int> Initialise(int argc, char** argv, Settings& settings, std::vector<std::string>& command)
{
    util::Args& args = settings.args;
    SetupArgs(args);
    // Options come first; the first argument not starting with '-' is the
    // command and everything after it is its arguments. A lone "-" ends the
    // options (the leading '-' arguments after it are skipped).
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.empty() || arg[0] != '-') break;
        if (arg == "-") {
            while (i < argc && argv[i][0] == '-') ++i;
            break;
        }
        if (auto parsed = args.ParseCommandLine({arg}); !parsed) {
            std::string error = parsed.error();
            // bitcoin-cli names the whole argument, value included.
            if (error.rfind("Invalid parameter", 0) == 0) error = "Invalid parameter " + arg;
            std::fprintf(stderr, "Error parsing command line arguments: %s\n", error.c_str());
            return EXIT_FAILURE;
        }
    }
    command.assign(argv + i, argv + argc);

    const bool help = args.IsSet("?") || args.IsSet("h") || args.IsSet("help") || args.IsSet("help-debug");
    if (argc < 2 || help || args.IsSet("version")) {
        if (args.IsSet("version")) {
            std::printf("utxod RPC client version %s\n"
                        "Copyright (C) the utxod developers\n\n"
                        "Distributed under the MIT software license, see the accompanying file COPYING.\n",
                        CLIENT_VERSION.c_str());
        } else {
            std::printf("%s\n%s", Usage().c_str(), args.HelpText().c_str());
        }
        if (argc < 2) {
            std::fprintf(stderr, "Error: too few parameters\n");
            return EXIT_FAILURE;
        }
        return EXIT_SUCCESS;
    }

    const char* home = std::getenv("HOME");
    auto base = util::BaseDataDir(args, home ? home : "");
    if (!base) {
        std::fprintf(stderr, "Error: %s\n", base.error().c_str());
        return EXIT_FAILURE;
    }
    settings.base_dir = *base;
    auto config = util::ConfigFile(args, settings.base_dir);
    if (!config) {
        const std::string given = args.Get("conf", "");
        const fs::path path = fs::path(given).is_absolute() ? fs::path(given) : settings.base_dir / given;
        std::fprintf(stderr, "Error reading configuration file: specified config file \"%s\" could not be opened.\n",
                     path.string().c_str());
        return EXIT_FAILURE;
    }
    settings.config_path = (*config ? **config : settings.base_dir / "utxod.conf").string();
    if (*config) {
        // The daemon's options in a shared configuration file are not ours: skip them.
        args.SetUnknownConfigKeys(util::Args::UnknownKeys::Ignore);
        auto text = ReadTextFile(**config);
        util::Result<void> read = text ? args.ReadConfig(*text, (*config)->string(), ReadIncludedConfig, &settings.base_dir)
                                       : util::Result<void>{util::Error{text.error()}};
        if (!read) {
            std::fprintf(stderr, "Error reading configuration file: %s\n", read.error().c_str());
            return EXIT_FAILURE;
        }
        // A datadir= in the file moves the data directory (and so the cookie).
        auto moved = util::BaseDataDir(args, home ? home : "");
        if (!moved) {
            std::fprintf(stderr, "Error reading configuration file: specified data directory \"%s\" does not exist.\n",
                         args.Get("datadir", "").c_str());
            return EXIT_FAILURE;
        }
        settings.base_dir = *moved;
    }
    auto chain = args.ChainName();
    if (!chain) {
        std::fprintf(stderr, "Error: %s\n", chain.error().c_str());
        return EXIT_FAILURE;
    }
    args.SelectNetwork(*chain);
    settings.chain_name = *chain;
    auto params = consensus::CreateChainParams(*consensus::ParseChainType(*chain));
    if (!params) {
        std::fprintf(stderr, "Error: %s\n", params.error().c_str());
        return EXIT_FAILURE;
    }
    settings.params = std::move(*params);
    return std::nullopt;
}

std::optional<std::string> RpcWalletName(const util::Args& args)
{
    if (args.IsNegated("rpcwallet")) return std::nullopt;
    return args.Get("rpcwallet");
}

class CommandLineRpc {
public:
    CommandLineRpc(Settings& settings, std::vector<std::string> args) : m_settings(settings), m_args(std::move(args)) {}

    cli::Output Run()
    {
        auto prepared = ReadStdinArguments();
        if (!prepared) return Fail(prepared.error());
        if (auto checked = CheckOneCommand(); !checked) return Fail(checked.error());
        m_connection.rpcuser = Args().Get("rpcuser", "");
        m_connection.rpcpassword = m_password.value_or(Args().Get("rpcpassword", ""));
        const fs::path network_dir = m_settings.base_dir / std::string(m_settings.params.data_dir_name);
        m_connection.cookie_file =
            cli::CookieFilePath(Args().Get("rpccookiefile"), Args().IsNegated("rpccookiefile"), network_dir);
        m_connection.config_path = m_settings.config_path;
        m_connection.timeout = std::chrono::seconds(LenientInt(Args(), "rpcclienttimeout", DEFAULT_HTTP_CLIENT_TIMEOUT));
        m_wait.wait = Args().GetBool("rpcwait", false);
        m_wait.wait_timeout = std::chrono::seconds(LenientInt(Args(), "rpcwaittimeout", 0));
        return Dispatch();
    }

private:
    const util::Args& Args() const { return m_settings.args; }
    static cli::Output Fail(const std::string& message) { return cli::Output{"error: " + message, EXIT_FAILURE}; }

    util::Result<void> ReadStdinArguments()
    {
        StdinReader stdin_reader;
        if (Args().GetBool("stdinrpcpass", false)) {
            m_password = stdin_reader.ReadSecretLine("RPC password> ");
            if (!m_password) return util::Error{"-stdinrpcpass specified but failed to read from standard input"};
        }
        if (Args().GetBool("stdinwalletpassphrase", false)) {
            if (m_args.empty() || m_args[0].rfind("walletpassphrase", 0) != 0) {
                return util::Error{"-stdinwalletpassphrase is only applicable for walletpassphrase(change)"};
            }
            auto passphrase = stdin_reader.ReadSecretLine("Wallet passphrase> ");
            if (!passphrase) return util::Error{"-stdinwalletpassphrase specified but failed to read from standard input"};
            m_args.insert(m_args.begin() + 1, *passphrase);
        }
        if (Args().GetBool("stdin", false)) {
            std::string line;
            while (std::getline(std::cin, line)) m_args.push_back(line);
            if (stdin_reader.IsTerminal()) std::fputc('\n', stdout);
        }
        return {};
    }

    util::Result<void> CheckOneCommand() const
    {
        std::vector<std::string> found;
        for (const char* command : {"addrinfo", "generate", "getinfo", "netinfo"}) {
            if (Args().IsSet(command)) found.push_back(std::string("-") + command);
        }
        if (found.size() <= 1) return {};
        std::string list;
        for (size_t i = 0; i < found.size(); ++i) list += (i ? ", " : "") + found[i];
        return util::Error{"Only one of " + list + " may be specified."};
    }

    cli::CallOutcome Call(cli::RequestHandler& handler, const std::string& method,
                          const std::vector<std::string>& args, const std::optional<std::string>& wallet)
    {
        // Checked at each call, as bitcoin-cli does: a bad port is reported
        // only once there is something to send.
        auto endpoint = cli::SelectEndpoint(Args().Get("rpcconnect", "127.0.0.1"), Args().Get("rpcport"),
                                            m_settings.params.default_rpc_port);
        if (!endpoint) return cli::CallOutcome{std::nullopt, {false, endpoint.error()}};
        if (!endpoint->warning.empty()) std::fprintf(stderr, "%s\n", endpoint->warning.c_str());
        m_connection.endpoint = *endpoint;
        return cli::ConnectAndCallRpc(m_connection, m_wait, handler, method, args, wallet);
    }

    cli::Output Dispatch()
    {
        const bool named = Args().GetBool("named", false);
        std::unique_ptr<cli::RequestHandler> handler;
        std::string method;
        if (Args().GetBool("getinfo", false)) {
            handler = std::make_unique<cli::GetinfoHandler>();
        } else if (Args().GetBool("netinfo", false)) {
            if (!m_args.empty() && (m_args[0] == "h" || m_args[0] == "help")) return cli::Output{cli::NetinfoHelp(), 0};
            handler = std::make_unique<cli::NetinfoHandler>(CLIENT_VERSION, m_settings.chain_name, m_clock);
        } else if (Args().GetBool("generate", false)) {
            cli::DefaultHandler address_handler(named);
            auto address = Call(address_handler, "getnewaddress", {}, RpcWalletName(Args()));
            if (!address.reply) return Fail(address.error.message);
            std::string mine_to;
            const auto& error = cli::Member(*address.reply, "error");
            const auto code = error.is_null() ? util::Result<int>(0) : cli::GetInt(cli::Member(error, "code"));
            if (code && *code == -32601) {
                // No wallet in the node: mine to the anyone-can-spend address.
                mine_to = cli::AnyoneCanSpendAddress(m_settings.params.addresses);
            } else if (!error.is_null()) {
                return cli::FormatRpcError(error);
            } else {
                const auto& result = cli::Member(*address.reply, "result");
                if (!result.is_string() || cli::IsNumber(result)) return Fail(cli::NotOfTypeError(result, "string"));
                mine_to = std::string(result.get_string());
            }
            auto generate_args = cli::GenerateToAddressArgs(mine_to, m_args);
            if (!generate_args) return Fail(generate_args.error());
            m_args = std::move(*generate_args);
            handler = std::make_unique<cli::GenerateHandler>();
        } else if (Args().GetBool("addrinfo", false)) {
            handler = std::make_unique<cli::AddrinfoHandler>();
        } else {
            handler = std::make_unique<cli::DefaultHandler>(named);
            if (m_args.empty()) return Fail("too few parameters (need at least command)");
            method = m_args.front();
            m_args.erase(m_args.begin());
        }

        const auto wallet = RpcWalletName(Args());
        auto outcome = Call(*handler, method, m_args, wallet);
        if (!outcome.reply) return Fail(outcome.error.message);
        const auto& error = cli::Member(*outcome.reply, "error");
        if (!error.is_null()) return cli::FormatRpcError(error);
        boost::json::value result = cli::Member(*outcome.reply, "result");
        if (Args().GetBool("getinfo", false)) {
            if (!wallet) {
                if (auto added = AddWalletBalances(result); !added) return Fail(added.error());
            }
            auto page = GetinfoPage(result);
            if (!page) return Fail(page.error());
            return cli::Output{*page, 0};
        }
        return cli::Output{cli::FormatResult(result), 0};
    }

    // With more than one wallet loaded, -getinfo lists each one's trusted balance.
    util::Result<void> AddWalletBalances(boost::json::value& result)
    {
        cli::DefaultHandler handler(Args().GetBool("named", false));
        const auto wallets = Call(handler, "listwallets", {}, std::nullopt);
        if (!wallets.reply) return util::Error{wallets.error.message};
        if (!cli::Member(*wallets.reply, "error").is_null()) return {};
        const auto& names = cli::Member(*wallets.reply, "result");
        if (!names.is_array() || names.get_array().size() <= 1) return {};
        boost::json::object balances;
        for (const auto& name : names.get_array()) {
            if (!name.is_string() || cli::IsNumber(name)) return util::Error{cli::NotOfTypeError(name, "string")};
            const std::string wallet(name.get_string());
            const auto reply = Call(handler, "getbalances", {}, wallet);
            if (!reply.reply) return util::Error{reply.error.message};
            balances[wallet] = cli::Member(cli::Member(cli::Member(*reply.reply, "result"), "mine"), "trusted");
        }
        if (result.is_object()) result.get_object()["balances"] = std::move(balances);
        return {};
    }

    util::Result<std::string> GetinfoPage(const boost::json::value& result)
    {
        if (!cli::Member(result, "error").is_null()) return cli::FormatResult(result);
        const auto colorize = cli::ShouldColorize(Args().Get("color", "auto"), isatty(STDOUT_FILENO));
        if (!colorize) return util::Error{"Invalid value for -color option. Valid values: always, auto, never."};
        return cli::FormatGetinfo(result, *colorize);
    }

    Settings& m_settings;
    std::vector<std::string> m_args;
    std::optional<std::string> m_password; // from -stdinrpcpass
    cli::ConnectionSettings m_connection;
    cli::WaitSettings m_wait;
    util::SystemClock m_clock; // "now" for -netinfo's peer list
};

} // namespace

int main(int argc, char** argv)
{
    // A server that closes the connection while we write must not kill us.
    std::signal(SIGPIPE, SIG_IGN);

    Settings settings;
    std::vector<std::string> command;
    if (const auto status = Initialise(argc, argv, settings, command)) return *status;

    const cli::Output output = CommandLineRpc(settings, std::move(command)).Run();
    if (!output.text.empty()) {
        std::fprintf(output.exit_code == 0 ? stdout : stderr, "%s\n", output.text.c_str());
    }
    return output.exit_code;
}
