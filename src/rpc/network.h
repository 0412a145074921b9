// Network methods over the P2P stack: getnetworkinfo, getpeerinfo,
// getconnectioncount, getnettotals, addnode, disconnectnode,
// getaddednodeinfo, ping, setnetworkactive.
#ifndef UTXO_RPC_NETWORK_H
#define UTXO_RPC_NETWORK_H

namespace rpc {
class RpcTable;
void RegisterNetworkMethods(RpcTable& table);
// setban, listbanned, clearbanned, getnodeaddresses, addpeeraddress (addresses.cpp).
void RegisterAddressMethods(RpcTable& table);
} // namespace rpc

#endif // UTXO_RPC_NETWORK_H
