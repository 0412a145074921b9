// getrawtransaction (from a given block, or through -txindex) and
// getindexinfo.
#ifndef UTXO_RPC_RAWTRANSACTION_H
#define UTXO_RPC_RAWTRANSACTION_H

namespace rpc {

class RpcTable;

void RegisterRawTransactionMethods(RpcTable& table);

} // namespace rpc

#endif // UTXO_RPC_RAWTRANSACTION_H
