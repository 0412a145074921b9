#include <node/init.h>

#include <node/chainstate_setup.h>
#include <node/debug_log.h>
#include <node/options.h>
#include <node/p2p_setup.h>
#include <node/process.h>
#include <node/rpc_setup.h>
#include <node/version.h>

#include <consensus/chain_params.h>
#include <util/args.h>
#include <util/clock.h>
#include <util/datadir.h>
#include <util/logging.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

namespace node {
namespace {

// One line on stderr, as bitcoind prints start-up failures.
int InitError(const std::string& message, util::Logger* logger = nullptr)
{
    if (logger) logger->Log(util::LogLevel::Error, message);
    std::fprintf(stderr, "Error: %s\n", message.c_str());
    return EXIT_FAILURE;
}

class ShutdownRequest {
public:
    void Request()
    {
        {
            std::lock_guard lock(m_mutex);
            m_requested = true;
        }
        m_cv.notify_all();
    }
    void Wait()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_requested; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_requested{false}; // guarded by m_mutex
};

util::Result<std::string> ReadTextFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return util::Error{"cannot open " + path.string()};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return util::Error{"cannot read " + path.string()};
    return text.str();
}

util::Result<std::string> ReadIncludedFile(const std::string& path, void* base_dir)
{
    const std::filesystem::path file(path);
    return ReadTextFile(file.is_absolute() ? file : *static_cast<std::filesystem::path*>(base_dir) / file);
}

// Reads utxod.conf (or a bitcoind data directory's bitcoin.conf). Returns the
// file read, or nullopt when there is none.
util::Result<std::optional<std::filesystem::path>> ReadConfigFile(util::Args& args, std::filesystem::path base)
{
    auto file = util::ConfigFile(args, base);
    if (!file) return util::Error{file.error()};
    if (!*file) return std::optional<std::filesystem::path>{};
    auto text = ReadTextFile(**file);
    if (!text) return util::Error{"Error reading configuration file: " + text.error()};
    // A bitcoin.conf may hold options of bitcoind's that utxod lacks (wallet,
    // zmq...): those are skipped with a warning so the directory works as is.
    if ((*file)->filename() == "bitcoin.conf") args.SetUnknownConfigKeys(util::Args::UnknownKeys::Ignore);
    if (auto r = args.ReadConfig(*text, (*file)->string(), ReadIncludedFile, &base); !r) {
        return util::Error{"Error reading configuration file: " + r.error()};
    }
    return *file;
}

std::string HelpMessage(const util::Args& args)
{
    return "utxod version v" + VersionString() + "\n\nUsage:  utxod [options]                     Start utxod\n\n" +
           args.HelpText();
}

std::string VersionMessage()
{
    return "utxod version v" + VersionString() +
           "\nA Bitcoin full node. Distributed under the MIT software license, see the accompanying file COPYING.\n";
}

util::Result<void> CheckIntRange(const util::Args& args, const std::string& name, int64_t fallback, int64_t min,
                                 int64_t max)
{
    auto value = args.GetInt(name, fallback);
    if (!value) return util::Error{value.error()};
    if (*value < min || *value > max) {
        return util::Error{"Invalid value for -" + name + ": " + std::to_string(*value) + " (allowed: " +
                           std::to_string(min) + " to " + std::to_string(max) + ")"};
    }
    return {};
}

// Checks options whose values the node could reject only later, so a mistake
// stops start-up with a clear message instead.
util::Result<void> CheckOptions(const util::Args& args)
{
    const std::pair<const char*, std::pair<int64_t, int64_t>> ranges[] = {
        {"rpcport", {1, 65535}}, {"port", {1, 65535}}, {"rpcthreads", {1, 1024}}, {"rpcworkqueue", {1, 1 << 20}},
        {"rpcservertimeout", {1, 1 << 30}}, {"dbcache", {4, 16384}}, {"par", {-64, 64}}, {"prune", {0, INT32_MAX}},
    };
    for (const auto& [name, range] : ranges) {
        if (!args.IsSet(name) || args.IsNegated(name)) continue;
        if (auto r = CheckIntRange(args, name, 0, range.first, range.second); !r) return r;
    }
    const int64_t prune = *args.GetInt("prune", 0);
    if (prune > 1 && prune < 550) return util::Error{"Prune configured below the minimum of 550 MiB.  Please use a higher number."};
    if (prune != 0 && args.GetBool("txindex", false)) return util::Error{"Prune mode is incompatible with -txindex."};
    if (prune != 0 && args.GetBool("reindex-chainstate", false)) {
        return util::Error{"Prune mode is incompatible with -reindex-chainstate. Use full -reindex instead."};
    }
    for (const std::string& comment : args.GetAll("uacomment")) {
        if (!IsSafeUserAgentComment(comment)) {
            return util::Error{"User Agent comment (" + comment + ") contains unsafe characters."};
        }
    }
    if (const auto agent = UserAgent(args.GetAll("uacomment")); agent.size() > 256) {
        return util::Error{"Total length of network version string (" + std::to_string(agent.size()) +
                           ") exceeds maximum length (256). Reduce the number or size of uacomments."};
    }
    if (const auto blocksdir = args.Get("blocksdir"); blocksdir && !args.IsNegated("blocksdir") &&
                                                       !std::filesystem::is_directory(*blocksdir)) {
        return util::Error{"Specified blocks directory \"" + *blocksdir + "\" does not exist."};
    }
    return {};
}

util::Result<void> ConfigureLogCategories(const util::Args& args, util::Logger& logger)
{
    if (!args.IsNegated("debug")) {
        for (const std::string& category : args.GetAll("debug")) {
            if (category.empty() || category == "1" || category == "all") {
                logger.EnableCategory("all");
            } else if (category != "0" && category != "none" && !logger.EnableCategory(category)) {
                return util::Error{"Unsupported logging category -debug=" + category + "."};
            }
        }
    }
    for (const std::string& category : args.GetAll("debugexclude")) {
        if (!logger.DisableCategory(category)) return util::Error{"Unsupported logging category -debugexclude=" + category + "."};
    }
    return {};
}

std::filesystem::path UnderDir(const std::filesystem::path& dir, const std::string& file)
{
    const std::filesystem::path path(file);
    return path.is_absolute() ? path : dir / path;
}

} // namespace

int AppMain(int argc, char** argv)
{
    util::Args args;
    RegisterNodeOptions(args);
    if (auto r = args.ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc)); !r) {
        return InitError("Error parsing command line arguments: " + r.error());
    }
    if (args.IsSet("?") || args.IsSet("h") || args.IsSet("help")) {
        std::fputs(HelpMessage(args).c_str(), stdout);
        return EXIT_SUCCESS;
    }
    if (args.IsSet("version")) {
        std::fputs(VersionMessage().c_str(), stdout);
        return EXIT_SUCCESS;
    }

    const char* home = std::getenv("HOME");
    auto base = util::BaseDataDir(args, home ? home : "");
    if (!base) return InitError(base.error());
    if (!args.IsSet("datadir")) std::filesystem::create_directories(*base);
    auto config_file = ReadConfigFile(args, *base);
    if (!config_file) return InitError(config_file.error());
    auto chain_name = args.ChainName();
    if (!chain_name) return InitError(chain_name.error());
    args.SelectNetwork(*chain_name);
    auto chain = consensus::CreateChainParams(*consensus::ParseChainType(*chain_name));
    if (!chain) return InitError(chain.error());
    if (auto r = CheckOptions(args); !r) return InitError(r.error());
    auto network_dir = util::NetworkDataDir(*base, std::string(chain->data_dir_name));
    if (!network_dir) return InitError(network_dir.error());

    // Fork before any thread exists: only the calling thread survives fork().
    const bool daemon_mode = args.GetBool("daemon", false);
    std::optional<Daemon> daemon;
    if (daemon_mode) {
        auto detached = Daemon::Detach();
        if (!detached) return InitError(detached.error());
        daemon.emplace(std::move(*detached));
    }

    auto lock = util::DirectoryLock::Acquire(*network_dir);
    if (!lock) return InitError(lock.error());

    util::SystemClock clock;
    util::Logger logger(clock, util::LoggerOptions{.log_time_micros = args.GetBool("logtimemicros", false),
                                                   .log_thread_names = args.GetBool("logthreadnames", false),
                                                   .log_source_locations = args.GetBool("logsourcelocations", false)});
    util::Logger::SetThreadName("main");
    if (auto r = ConfigureLogCategories(args, logger); !r) return InitError(r.error());
    std::unique_ptr<DebugLogFile> log_file;
    if (!args.IsNegated("debuglogfile")) {
        const auto path = UnderDir(*network_dir, args.Get("debuglogfile", "debug.log"));
        if (args.GetBool("shrinkdebugfile", args.GetAll("debug").empty())) ShrinkDebugFile(path);
        auto opened = DebugLogFile::Open(path);
        if (!opened) return InitError(opened.error());
        log_file = std::move(*opened);
        logger.AddSink([file = log_file.get()](std::string_view line) { file->Write(line); });
    }
    if (args.GetBool("printtoconsole", !daemon_mode)) {
        logger.AddSink([](std::string_view line) {
            std::fwrite(line.data(), 1, line.size(), stdout);
            std::fflush(stdout);
        });
    }

    ShutdownRequest shutdown;
    SignalWatcher signals([&shutdown] { shutdown.Request(); }, [&log_file] {
        if (log_file) log_file->Reopen();
    });

    logger.Log(util::LogLevel::Info, "utxod version v" + VersionString());
    logger.Log(util::LogLevel::Info, "Using data directory " + network_dir->string());
    logger.Log(util::LogLevel::Info, *config_file ? "Config file: " + (*config_file)->string()
                                                  : std::string("Config file: none (not found, skipping)"));
    for (const std::string& warning : args.Warnings()) {
        logger.Log(util::LogLevel::Warning, warning);
        if (!daemon_mode) std::fprintf(stderr, "Warning: %s\n", warning.c_str());
    }
    if (args.GetBool("rest", false)) logger.Log(util::LogLevel::Warning, "-rest: the REST interface is not available yet");

    const int64_t start_time = clock.NowMicros();
    auto chainstate = ChainstateService::Start(args, *network_dir, *chain, logger, clock, [&shutdown] { shutdown.Request(); });
    if (!chainstate) return InitError(chainstate.error(), &logger);
    auto p2p = P2pService::Start(args, *chain, (*chainstate)->State(), *network_dir, logger, clock);
    if (!p2p) return InitError(p2p.error(), &logger);
    (*chainstate)->SetTipListener([service = p2p->get()] { service->TipChanged(); });
    RpcSetup rpc_setup{args,      *network_dir, *chain, logger, clock, start_time,
                       log_file ? log_file->Path().string() : std::string(), [&shutdown] { shutdown.Request(); },
                       rpc::NodeServices{&(*chainstate)->State(), (*chainstate)->TxIndex(), &(*p2p)->Connman(),
                                         &(*p2p)->Peers(), &(*p2p)->Addresses().AddrMan(),
                                         &(*p2p)->Addresses().Bans(), (*p2p)->Addresses().Reachable()}};
    std::unique_ptr<RpcServer> rpc_server;
    if (args.GetBool("server", true)) {
        auto started = RpcServer::Start(rpc_setup);
        if (!started) return InitError(started.error(), &logger);
        rpc_server = std::move(*started);
    }

    std::optional<PidFile> pid_file;
    if (!args.IsNegated("pid")) {
        auto created = PidFile::Create(UnderDir(*network_dir, args.Get("pid", "utxod.pid")));
        if (!created) return InitError(created.error(), &logger);
        pid_file.emplace(std::move(*created));
    }
    (*chainstate)->StartImport();
    if (rpc_server) rpc_server->FinishWarmup();
    logger.Log(util::LogLevel::Info, "init message: Done loading");
    if (daemon) daemon->ReportStarted();
    if (const auto command = args.Get("startupnotify"); command && !args.IsNegated("startupnotify")) {
        RunNotifyCommand(*command);
    }

    shutdown.Wait();

    logger.Log(util::LogLevel::Info, "Shutdown: In progress...");
    if (const auto command = args.Get("shutdownnotify"); command && !args.IsNegated("shutdownnotify")) {
        RunNotifyCommandAndWait(*command);
    }
    (*chainstate)->State().Interrupt(); // wakes RPCs waiting for blocks, stops the import
    rpc_server.reset();
    (*chainstate)->SetTipListener(nullptr);
    p2p->reset(); // closes the connections; no more blocks arrive
    chainstate->reset(); // flushes everything
    pid_file.reset();
    logger.Log(util::LogLevel::Info, "Shutdown: done");
    return EXIT_SUCCESS;
}

} // namespace node
