#include <node/chainstate_setup.h>

#include <node/process.h>

#include <algorithm>

namespace node {
namespace {

constexpr int64_t MIB = 1 << 20;
// The block index's LevelDB cache never needs more than this; the coins
// database's cache helps little beyond this.
constexpr int64_t MAX_INDEX_DB_CACHE = 2 * MIB;
constexpr int64_t MAX_COINS_DB_CACHE = 8 * MIB;
constexpr int DEFAULT_CHECKBLOCKS = 6;
// -fastprune: small block files, so tests can prune a short chain.
constexpr uint64_t FAST_PRUNE_FILE_SIZE = 0x10000;
constexpr int DEFAULT_CHECKLEVEL = 3;

} // namespace

CacheSizes SplitDbCache(int64_t dbcache_mib)
{
    const int64_t total = dbcache_mib * MIB;
    const int64_t index_db = std::min(total / 8, MAX_INDEX_DB_CACHE);
    const int64_t coins_db = std::min((total - index_db) / 2, MAX_COINS_DB_CACHE);
    return {static_cast<size_t>(index_db), static_cast<size_t>(coins_db),
            static_cast<size_t>(total - index_db - coins_db)};
}

unsigned ScriptThreads(int64_t par, unsigned cores)
{
    constexpr int64_t MAX_SCRIPT_THREADS = 15;
    int64_t threads = par;
    if (threads <= 0) threads += std::max<unsigned>(cores, 1);
    return static_cast<unsigned>(std::clamp<int64_t>(threads, 1, MAX_SCRIPT_THREADS));
}

util::Result<std::unique_ptr<ChainstateService>> ChainstateService::Start(const util::Args& args,
                                                                          const std::filesystem::path& network_dir,
                                                                          const consensus::ChainParams& chain,
                                                                          util::Logger& logger,
                                                                          const util::Clock& clock,
                                                                          std::function<void()> request_shutdown)
{
    std::unique_ptr<ChainstateService> service(new ChainstateService(args, logger, std::move(request_shutdown)));
    chain::ChainstateOptions options;
    options.params = &chain;
    options.data_dir = network_dir;
    options.blocks_dir = network_dir / "blocks";
    if (const auto blocksdir = args.Get("blocksdir"); blocksdir && !args.IsNegated("blocksdir")) {
        // As bitcoind: <blocksdir>/<network folder>/blocks.
        options.blocks_dir = std::filesystem::path(*blocksdir) / std::string(chain.data_dir_name) / "blocks";
    }
    const CacheSizes caches = SplitDbCache(*args.GetInt("dbcache", 450));
    options.coins_cache_bytes = caches.coins;
    options.coins_db_cache_bytes = caches.coins_db;
    options.index_db_cache_bytes = caches.index_db;
    const int64_t prune_mib = *args.GetInt("prune", 0);
    options.prune_target_bytes = prune_mib == 1 ? chain::PRUNE_MANUAL : static_cast<uint64_t>(std::max<int64_t>(prune_mib, 0)) * MIB;
    if (args.GetBool("fastprune", false)) options.max_block_file_size = FAST_PRUNE_FILE_SIZE;
    service->m_reindex = args.GetBool("reindex", false);
    options.wipe_block_index = service->m_reindex;
    options.wipe_chainstate = service->m_reindex || args.GetBool("reindex-chainstate", false);
    if (const auto assumed = args.Get("assumevalid"); assumed && !args.IsNegated("assumevalid") && *assumed != "0") {
        const auto hash = primitives::BlockHash::FromHex(*assumed);
        if (!hash) return util::Error{"Invalid value for -assumevalid: " + *assumed};
        options.assume_valid = *hash;
    }
    options.clock = &clock;
    options.logger = &logger;
    options.notifications = service.get();
    const unsigned script_threads = ScriptThreads(*args.GetInt("par", 0), std::thread::hardware_concurrency());
    service->m_script_checks = std::make_unique<chain::ScriptCheckQueue>(script_threads);
    options.script_checks = service->m_script_checks.get();
    logger.Log(util::LogLevel::Info, "Script verification uses " + std::to_string(script_threads) + " threads");

    logger.Log(util::LogLevel::Info, "Cache configuration:");
    logger.Log(util::LogLevel::Info, "* Using " + std::to_string(caches.index_db / MIB) + ".0 MiB for block index database");
    logger.Log(util::LogLevel::Info, "* Using " + std::to_string(caches.coins_db / MIB) + ".0 MiB for chain state database");
    logger.Log(util::LogLevel::Info, "* Using " + std::to_string(caches.coins / MIB) +
                                         ".0 MiB for in-memory UTXO set (plus up to 286.1 MiB of unused mempool space)");
    auto opened = chain::Chainstate::Open(options);
    if (!opened) return util::Error{opened.error()};
    service->m_state = std::move(*opened);

    if (args.GetBool("txindex", false)) {
        auto txindex = chain::TxIndex::Open(network_dir / "indexes" / "txindex", *service->m_state, logger,
                                            service->m_reindex);
        if (!txindex) return util::Error{txindex.error()};
        service->m_txindex = std::move(*txindex);
    }
    if (!service->m_reindex) {
        const int64_t level = *args.GetInt("checklevel", DEFAULT_CHECKLEVEL);
        const int64_t depth = *args.GetInt("checkblocks", DEFAULT_CHECKBLOCKS);
        if (level < 0 || level > 4) return util::Error{"Invalid value for -checklevel: " + std::to_string(level)};
        if (auto r = service->m_state->VerifyChain(static_cast<int>(level), static_cast<int>(depth)); !r) {
            logger.Log(util::LogLevel::Error, r.error());
            return util::Error{"Corrupted block database detected.\nPlease restart with -reindex or "
                               "-reindex-chainstate to recover."};
        }
    }
    return service;
}

ChainstateService::~ChainstateService()
{
    if (!m_state) return;
    m_txindex.reset();
    m_state->Interrupt();
    if (m_import.joinable()) m_import.join();
    if (auto r = m_state->Flush(chain::FlushMode::ALWAYS); !r) {
        m_logger.Log(util::LogLevel::Error, "Final flush failed: " + r.error());
    }
}

void ChainstateService::StartImport()
{
    m_import = std::thread([this] {
        util::Logger::SetThreadName("loadblk");
        Import();
    });
    if (m_txindex) m_txindex->Start();
}

void ChainstateService::Import()
{
    if (m_reindex) {
        if (auto r = m_state->Reindex(); !r) return FatalError(r.error());
    }
    for (const std::string& file : m_args.GetAll("loadblock")) {
        if (m_state->Interrupted()) return;
        if (!std::filesystem::exists(file)) {
            m_logger.Log(util::LogLevel::Warning, "Imported file " + file + " not found, skipping");
            continue;
        }
        if (auto r = m_state->ImportBlockFile(file); !r) return FatalError(r.error());
    }
    if (m_state->Interrupted()) return;
    if (auto r = m_state->ActivateBestChain(); !r) return;
    if (!m_args.GetAll("loadblock").empty() || m_reindex) {
        // An import is a natural point to have everything on disk.
        (void)m_state->Flush(chain::FlushMode::ALWAYS);
    }
}

void ChainstateService::SetTipListener(std::function<void()> listener)
{
    std::lock_guard lock(m_listener_mutex);
    m_tip_listener = std::move(listener);
}

void ChainstateService::BlockTipChanged(const chain::BlockIndex& tip, bool initial_download)
{
    {
        std::lock_guard lock(m_listener_mutex);
        if (m_tip_listener) m_tip_listener();
    }
    if (initial_download) return;
    if (const auto command = m_args.Get("blocknotify"); command && !m_args.IsNegated("blocknotify")) {
        RunNotifyCommand(*command, tip.hash.ToHex());
    }
}

void ChainstateService::FatalError(const std::string& message)
{
    m_logger.Log(util::LogLevel::Error, "Fatal error: " + message + "; shutting down");
    m_request_shutdown();
}

} // namespace node
