// Blockchain methods. Until the chain state exists (issue 6) the chain is the
// genesis block alone, so these answer for height 0 from the chain parameters.
#ifndef UTXO_RPC_BLOCKCHAIN_H
#define UTXO_RPC_BLOCKCHAIN_H

namespace rpc {
class RpcTable;
void RegisterBlockchainMethods(RpcTable& table);
} // namespace rpc

#endif // UTXO_RPC_BLOCKCHAIN_H
