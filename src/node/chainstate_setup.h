// The chain state as the node runs it: options from the command line and
// config file (-dbcache, -blocksdir, -reindex, -reindex-chainstate,
// -assumevalid, -checkblocks/-checklevel, -loadblock, -blocknotify), the
// start-up check, the import thread, and the final flush at shutdown.
#ifndef UTXO_NODE_CHAINSTATE_SETUP_H
#define UTXO_NODE_CHAINSTATE_SETUP_H

#include <chain/chainstate.h>
#include <chain/script_check_queue.h>
#include <chain/tx_index.h>
#include <consensus/chain_params.h>
#include <util/args.h>
#include <util/clock.h>
#include <util/logging.h>
#include <util/result.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace node {

// How -dbcache (MiB) is shared out, as bitcoind shares it: a little for the
// block index and the coins database's LevelDB cache, the rest for the coins.
struct CacheSizes {
    size_t index_db;
    size_t coins_db;
    size_t coins;
};
CacheSizes SplitDbCache(int64_t dbcache_mib);

// Script verification threads for -par: 0 = one per core, negative = leave
// that many cores free; at least 1, at most 15 (as bitcoind).
unsigned ScriptThreads(int64_t par, unsigned cores);

class ChainstateService final : public chain::Notifications {
public:
    // Opens the chain state and checks the top of the chain; errors are
    // start-up failures ("Error: ..." and exit 1).
    static util::Result<std::unique_ptr<ChainstateService>> Start(const util::Args& args,
                                                                  const std::filesystem::path& network_dir,
                                                                  const consensus::ChainParams& chain,
                                                                  util::Logger& logger, const util::Clock& clock,
                                                                  std::function<void()> request_shutdown);
    // Interrupts the import, waits for it, and flushes everything to disk.
    ~ChainstateService() override;

    chain::Chainstate& State() { return *m_state; }
    // nullptr without -txindex.
    chain::TxIndex* TxIndex() { return m_txindex.get(); }
    // Runs -reindex and each -loadblock, then activates the best chain, on
    // its own thread ("loadblk"); starts the -txindex thread.
    void StartImport();

    void BlockTipChanged(const chain::BlockIndex& tip, bool initial_download) override;
    // Called on every tip change with the chain state's lock held (P2P
    // announcements); set before blocks arrive, cleared before its target goes.
    void SetTipListener(std::function<void()> listener);
    void FatalError(const std::string& message) override;

private:
    ChainstateService(const util::Args& args, util::Logger& logger, std::function<void()> request_shutdown)
        : m_args(args), m_logger(logger), m_request_shutdown(std::move(request_shutdown))
    {
    }
    void Import();

    const util::Args& m_args;
    util::Logger& m_logger;
    std::function<void()> m_request_shutdown;
    std::unique_ptr<chain::ScriptCheckQueue> m_script_checks; // outlives m_state, which uses it
    std::unique_ptr<chain::Chainstate> m_state;
    std::unique_ptr<chain::TxIndex> m_txindex; // declared after m_state: stopped first
    bool m_reindex{false};
    std::mutex m_listener_mutex;
    std::function<void()> m_tip_listener; // guarded by m_listener_mutex
    std::thread m_import;
};

} // namespace node

#endif // UTXO_NODE_CHAINSTATE_SETUP_H
