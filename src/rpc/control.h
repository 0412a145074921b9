// Control methods: help, stop, uptime, getrpcinfo, logging, getmemoryinfo,
// and the hidden echo/echojson used to test clients.
#ifndef UTXO_RPC_CONTROL_H
#define UTXO_RPC_CONTROL_H

namespace rpc {
class RpcTable;
void RegisterControlMethods(RpcTable& table);
} // namespace rpc

#endif // UTXO_RPC_CONTROL_H
