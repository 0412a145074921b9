// The method table and what every call goes through before its handler.
//
// Thread-safe: methods are registered before the server starts; Execute runs
// concurrently on the HTTP worker threads. The warm-up state answers every
// call with -28 until start-up is done, as bitcoind does.
#ifndef UTXO_RPC_TABLE_H
#define UTXO_RPC_TABLE_H

#include <rpc/method.h>
#include <rpc/protocol.h>

#include <atomic>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace rpc {

struct ActiveCommand {
    std::string method;
    int64_t start_micros;
};

class RpcTable {
public:
    // Precondition: no method of that name yet, and the server not started.
    void Register(RpcMethod method);
    const RpcMethod* Find(std::string_view name) const;

    // Runs one parsed request: -28 while warming up, -32601 for an unknown
    // method, named parameters mapped to positions, count and types checked,
    // then the handler.
    RpcResult Execute(JsonRpcRequest request, RpcContext& context);

    // `help` with no command: the synopsis of every method by category;
    // with one: that method's help, or "help: unknown command: <name>".
    std::string Help(std::string_view command) const;

    // Method names, sorted, hidden ones included (for the client's tests).
    std::vector<std::string> MethodNames() const;

    void SetWarmupStatus(std::string status);
    void SetWarmupFinished();
    bool InWarmup() const { return m_in_warmup.load(); }

    std::vector<ActiveCommand> ActiveCommands() const;

private:
    std::map<std::string, RpcMethod, std::less<>> m_methods;
    std::atomic<bool> m_in_warmup{true};
    mutable std::mutex m_mutex;
    std::string m_warmup_status{"RPC server started"}; // guarded by m_mutex
    std::list<ActiveCommand> m_active;                  // guarded by m_mutex
};

} // namespace rpc

#endif // UTXO_RPC_TABLE_H
