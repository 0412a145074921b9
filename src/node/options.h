// utxod's option table: every option it accepts, with its help text and
// default, in bitcoind's categories and names.
#ifndef UTXO_NODE_OPTIONS_H
#define UTXO_NODE_OPTIONS_H

#include <util/args.h>

namespace node {

inline constexpr int DEFAULT_RPC_THREADS = 16;
inline constexpr int DEFAULT_RPC_WORKQUEUE = 64;
inline constexpr int DEFAULT_RPC_SERVER_TIMEOUT = 30;
inline constexpr int DEFAULT_DBCACHE_MIB = 450;

// Registers utxod's options, plus utxo-cli's as hidden options so a config
// file shared by both programs is accepted.
void RegisterNodeOptions(util::Args& args);

} // namespace node

#endif // UTXO_NODE_OPTIONS_H
