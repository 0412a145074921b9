// Network methods. Until the P2P stack exists (issue 7) the node has no
// connections; getnetworkinfo reports the node's identity and relay policy.
#ifndef UTXO_RPC_NETWORK_H
#define UTXO_RPC_NETWORK_H

namespace rpc {
class RpcTable;
void RegisterNetworkMethods(RpcTable& table);
} // namespace rpc

#endif // UTXO_RPC_NETWORK_H
