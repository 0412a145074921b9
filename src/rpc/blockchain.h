// Blockchain methods: queries of the chain state (blockchain.cpp), and the
// methods that change or wait on it (chain_control.cpp: invalidateblock,
// reconsiderblock, preciousblock, verifychain, waitfor*).
#ifndef UTXO_RPC_BLOCKCHAIN_H
#define UTXO_RPC_BLOCKCHAIN_H

namespace rpc {

class RpcTable;

// Registers both groups.
void RegisterBlockchainMethods(RpcTable& table);
void RegisterChainControlMethods(RpcTable& table);

} // namespace rpc

#endif // UTXO_RPC_BLOCKCHAIN_H
