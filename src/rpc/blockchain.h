// Blockchain methods: queries of the chain state (blockchain.cpp), views
// of blocks and of the UTXO set (block_queries.cpp), and the
// methods that change or wait on it (chain_control.cpp: invalidateblock,
// reconsiderblock, preciousblock, verifychain, waitfor*).
#ifndef UTXO_RPC_BLOCKCHAIN_H
#define UTXO_RPC_BLOCKCHAIN_H

namespace rpc {

class RpcTable;

// RegisterBlockchainMethods registers all three groups.
void RegisterBlockchainMethods(RpcTable& table);
void RegisterChainControlMethods(RpcTable& table);
void RegisterBlockQueryMethods(RpcTable& table);

} // namespace rpc

#endif // UTXO_RPC_BLOCKCHAIN_H
