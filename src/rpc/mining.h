// Mining and generating methods: generatetoaddress, generatetodescriptor,
// generateblock, submitblock, submitheader, getmininginfo, getnetworkhashps.
#ifndef UTXO_RPC_MINING_H
#define UTXO_RPC_MINING_H

namespace rpc {

class RpcTable;

void RegisterMiningMethods(RpcTable& table);

} // namespace rpc

#endif // UTXO_RPC_MINING_H
