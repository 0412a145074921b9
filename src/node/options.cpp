#include <node/options.h>

#include <string>

namespace node {
namespace {

constexpr const char* OPTIONS = "Options";
constexpr const char* CONNECTION = "Connection options";
constexpr const char* DEBUGGING = "Debugging/Testing options";
constexpr const char* CHAIN = "Chain selection options";
constexpr const char* RELAY = "Node relay options";
constexpr const char* RPC = "RPC server options";

using util::ARG_COMMAND_LINE_ONLY;
using util::ARG_DISALLOW_NEGATION;
using util::ARG_HIDDEN;
using util::ARG_NETWORK_ONLY;

void AddGeneralOptions(util::Args& args)
{
    args.AddArg("?", "Print this help message and exit", OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_DISALLOW_NEGATION);
    args.AddArg("h", "Print this help message and exit", OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_DISALLOW_NEGATION | ARG_HIDDEN);
    args.AddArg("help", "Print this help message and exit", OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_DISALLOW_NEGATION | ARG_HIDDEN);
    args.AddArg("version", "Print version and exit", OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_DISALLOW_NEGATION);
    args.AddArg("assumevalid=<hex>", "Assume this block and its ancestors are valid and skip their script checks "
                "(0 to check all; default: none on every network until a value is chosen for it)", OPTIONS);
    args.AddArg("alertnotify=<cmd>", "Run this command when a warning is raised (%s in cmd becomes the message)", OPTIONS);
    args.AddArg("blocknotify=<cmd>", "Run this command when the best block changes (%s in cmd becomes the block hash)", OPTIONS);
    args.AddArg("blocksdir=<dir>", "Keep block files in this directory (it must exist; default: <datadir>/blocks)", OPTIONS);
    args.AddArg("conf=<file>", "Read options from this file, relative to the data directory unless absolute (default: utxod.conf, "
                "or bitcoin.conf when only that exists)", OPTIONS, ARG_COMMAND_LINE_ONLY | ARG_DISALLOW_NEGATION);
    args.AddArg("daemon", "Run in the background; the starting process exits 0 once the node is up, 1 if start-up fails "
                "(default: 0)", OPTIONS);
    args.AddArg("datadir=<dir>", "Data directory (it must exist; default: ~/.utxod)", OPTIONS,
                ARG_COMMAND_LINE_ONLY | ARG_DISALLOW_NEGATION);
    args.AddArg("dbcache=<n>", "UTXO cache size in MiB (4 to 16384, default: " + std::to_string(DEFAULT_DBCACHE_MIB) + ")", OPTIONS);
    args.AddArg("includeconf=<file>", "Read more options from this file (top level of the config file only)", OPTIONS);
    args.AddArg("loadblock=<file>", "Import blocks from an external blk000??.dat file at start-up", OPTIONS);
    args.AddArg("par=<n>", "Script verification threads (0 = as many as cores, negative = leave that many cores free, "
                "default: 0)", OPTIONS);
    args.AddArg("pid=<file>", "Process id file, relative to the network's data directory unless absolute (default: utxod.pid)",
                OPTIONS);
    args.AddArg("prune=<n>", "Delete old blocks to keep block files under <n> MiB (0 = off, 1 = only by RPC, >= 550 = "
                "target; default: 0); incompatible with -txindex", OPTIONS);
    args.AddArg("reindex", "Rebuild the chain state and block index from the block files on disk", OPTIONS);
    args.AddArg("reindex-chainstate", "Rebuild the chain state from the blocks already indexed", OPTIONS);
    args.AddArg("shutdownnotify=<cmd>", "Run this command when shutdown begins", OPTIONS);
    args.AddArg("startupnotify=<cmd>", "Run this command when start-up has finished", OPTIONS);
    args.AddArg("txindex", "Keep an index of every transaction, for getrawtransaction (default: 0)", OPTIONS);
}

void AddConnectionOptions(util::Args& args)
{
    args.AddArg("addnode=<ip>", "Add a node to connect to and keep the connection open (repeatable)", CONNECTION,
                ARG_NETWORK_ONLY);
    args.AddArg("bind=<addr>[:<port>]", "Listen for P2P connections on this address (default: all interfaces)", CONNECTION,
                ARG_NETWORK_ONLY);
    args.AddArg("connect=<ip>", "Connect only to these nodes; -noconnect makes no automatic connections (repeatable)",
                CONNECTION, ARG_NETWORK_ONLY);
    args.AddArg("listen", "Accept P2P connections from outside (default: 1 unless -connect or -proxy is given)",
                CONNECTION, ARG_NETWORK_ONLY);
    args.AddArg("port=<port>", "Listen for P2P connections on this port (default: 8333, testnet3: 18333, testnet4: 48333, "
                "signet: 38333, regtest: 18444)", CONNECTION, ARG_NETWORK_ONLY);
    args.AddArg("seednode=<ip>", "Connect to this node to learn addresses, then disconnect (repeatable)", CONNECTION,
                ARG_NETWORK_ONLY);
    args.AddArg("maxconnections=<n>", "Keep at most <n> connections to peers (default: 125)", CONNECTION);
    args.AddArg("maxreceivebuffer=<n>", "Per-peer receive buffer, <n>*1000 bytes (default: 5000)", CONNECTION);
    args.AddArg("maxsendbuffer=<n>", "Per-peer send buffer, <n>*1000 bytes (default: 1000)", CONNECTION);
    args.AddArg("maxuploadtarget=<n>", "Try to keep outbound traffic under <n> per 24 hours: historical blocks are not "
                "served once it is reached (MiB, or with a unit k/m/g/t, K/M/G/T; 0 = no limit, default)", CONNECTION);
    args.AddArg("onlynet=<net>", "Make automatic outbound connections only to network <net> (ipv4 or ipv6; onion, "
                "i2p and cjdns need set-up utxod does not have yet). Inbound and manual connections are not affected. "
                "Repeatable", CONNECTION);
    args.AddArg("networkactive", "Enable all P2P network activity (default: 1). Can be changed by the setnetworkactive RPC",
                CONNECTION);
    args.AddArg("timeout=<n>", "Connection and version handshake timeout in milliseconds (default: 60000)", CONNECTION);
    args.AddArg("peertimeout=<n>", "Seconds a peer may stay silent before it is disconnected (default: 1200)", CONNECTION,
                ARG_HIDDEN);
    args.AddArg("dnsseed", "Ask DNS seeds for addresses when few are known (default: 1 unless -connect; with -proxy, "
                "the seeds are connected to through it instead of looked up)", CONNECTION);
    args.AddArg("proxy=<ip:port>", "Connect to peers through this SOCKS5 proxy, names included, which it resolves, "
                "and .onion addresses unless -onion says otherwise (default port 9050). Sets -listen=0 unless it is given",
                CONNECTION);
    args.AddArg("onion=<ip:port>", "Use a separate SOCKS5 proxy to reach peers via Tor onion services (default: "
                "-proxy); -noonion or -onion=0: none, so .onion addresses are unreachable", CONNECTION);
    args.AddArg("proxyrandomize", "Use different credentials for each proxied connection, so that Tor isolates them "
                "(default: 1)", CONNECTION);
    args.AddArg("fixedseeds", "Use the built-in seed addresses when DNS seeds give none (default: 1)", CONNECTION);
}

void AddDebuggingOptions(util::Args& args)
{
    args.AddArg("minimumchainwork=<hex>", "Header chains with less total work are checked in full before any header "
                "is stored (default: the network's known chain work; regtest: 0)", DEBUGGING, ARG_HIDDEN);
    args.AddArg("fastprune", "Use 64 KiB block files so that pruning can be tested on short chains (default: 0)",
                DEBUGGING, ARG_HIDDEN);
    args.AddArg("checkblocks=<n>", "How many blocks to check at start-up (0 = all; default: 6)", DEBUGGING);
    args.AddArg("checklevel=<n>", "How thorough the start-up block check is (0-4, default: 3)", DEBUGGING);
    args.AddArg("debug=<category>", "Log debugging information of a category (repeatable; 1 or all: every category): "
                "addrman, bench, blockstorage, cmpctblock, coindb, estimatefee, http, i2p, ipc, leveldb, libevent, lock, "
                "mempool, mempoolrej, net, proxy, prune, qt, rand, reindex, rpc, scan, selectcoins, tor, txpackages, "
                "txreconciliation, validation, walletdb, zmq", DEBUGGING);
    args.AddArg("debugexclude=<category>", "Leave this category out of debug logging, even with -debug=1 (repeatable)",
                DEBUGGING);
    args.AddArg("debuglogfile=<file>", "Log file, relative to the network's data directory unless absolute; "
                "-nodebuglogfile disables it (default: debug.log)", DEBUGGING);
    args.AddArg("logips", "Include peer IP addresses in log lines (default: 0)", DEBUGGING);
    args.AddArg("logsourcelocations", "Prefix log lines with the source file and line (default: 0)", DEBUGGING);
    args.AddArg("logthreadnames", "Prefix log lines with the thread name (default: 0)", DEBUGGING);
    args.AddArg("logtimemicros", "Log timestamps with microseconds (default: 0)", DEBUGGING);
    args.AddArg("printtoconsole", "Write log lines to standard output as well (default: 1 without -daemon)", DEBUGGING);
    args.AddArg("shrinkdebugfile", "At start-up, cut debug.log down to its last 10 MiB when it is larger (default: 1 "
                "unless -debug is given)", DEBUGGING);
    args.AddArg("uacomment=<cmt>", "Append this comment to the user agent (repeatable)", DEBUGGING);
}

void AddChainOptions(util::Args& args)
{
    args.AddArg("chain=<chain>", "Use this network: main, test, testnet4, signet or regtest (default: main)", CHAIN);
    args.AddArg("regtest", "Use the regression test network, where blocks can be mined at once (same as -chain=regtest)",
                CHAIN);
    args.AddArg("signet", "Use the signet test network (same as -chain=signet)", CHAIN);
    args.AddArg("testnet", "Use testnet3 (same as -chain=test)", CHAIN);
    args.AddArg("testnet4", "Use testnet4 (same as -chain=testnet4)", CHAIN);
}

void AddRpcOptions(util::Args& args)
{
    args.AddArg("rest", "Serve the REST interface (default: 0)", RPC);
    args.AddArg("rpcallowip=<ip>", "Accept JSON-RPC from this address or network (1.2.3.4, 1.2.3.0/24, "
                "1.2.3.0/255.255.255.0, fd00::/8; repeatable); needs -rpcbind", RPC);
    args.AddArg("rpcauth=<userpw>", "A user name and salted HMAC-SHA256 of its password, as share/rpcauth/rpcauth.py "
                "prints: <user>:<salt>$<hash> (repeatable)", RPC);
    args.AddArg("rpcbind=<addr>[:port]", "Listen for JSON-RPC on this address (repeatable; ignored unless -rpcallowip is "
                "given too; default: 127.0.0.1 and ::1)", RPC, ARG_NETWORK_ONLY);
    args.AddArg("rpccookiefile=<loc>", "Authentication cookie file, relative to the network's data directory unless "
                "absolute (default: .cookie)", RPC);
    args.AddArg("rpcpassword=<pw>", "Password for JSON-RPC (with -rpcuser; without them a cookie is used)", RPC);
    args.AddArg("rpcport=<port>", "Listen for JSON-RPC on this port (default: 8332, testnet3: 18332, testnet4: 48332, "
                "signet: 38332, regtest: 18443)", RPC, ARG_NETWORK_ONLY);
    args.AddArg("rpcservertimeout=<n>", "Seconds an idle HTTP connection stays open (default: " +
                std::to_string(DEFAULT_RPC_SERVER_TIMEOUT) + ")", RPC);
    args.AddArg("rpcthreads=<n>", "Threads serving RPC calls (default: " + std::to_string(DEFAULT_RPC_THREADS) + ")", RPC);
    args.AddArg("rpcuser=<user>", "User name for JSON-RPC", RPC);
    args.AddArg("rpcworkqueue=<n>", "Calls that may wait for a thread before new ones get HTTP 503 (default: " +
                std::to_string(DEFAULT_RPC_WORKQUEUE) + ")", RPC);
    args.AddArg("server", "Accept JSON-RPC commands (default: 1)", RPC);
}

// utxo-cli's options, accepted (and ignored) so one config file serves both.
void AddClientOptions(util::Args& args)
{
    for (const char* name : {"rpcconnect", "rpcwait", "rpcwaittimeout", "rpcclienttimeout", "rpcwallet", "named",
                             "stdin", "stdinrpcpass", "stdinwalletpassphrase", "color"}) {
        args.AddArg(name, "utxo-cli option", "Client options", ARG_HIDDEN);
    }
}

} // namespace

void RegisterNodeOptions(util::Args& args)
{
    AddGeneralOptions(args);
    AddConnectionOptions(args);
    AddDebuggingOptions(args);
    AddChainOptions(args);
    args.AddArg("minrelaytxfee=<amt>", "Smallest fee rate, in BTC/kvB, for relaying and mining transactions (default: "
                "0.00001)", RELAY);
    AddRpcOptions(args);
    AddClientOptions(args);
}

} // namespace node
