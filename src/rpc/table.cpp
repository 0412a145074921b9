#include <rpc/table.h>

#include <rpc/context.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cassert>
#include <exception>

namespace rpc {

void RpcTable::Register(RpcMethod method)
{
    const std::string name = method.name;
    const bool inserted = m_methods.emplace(name, std::move(method)).second;
    assert(inserted);
}

const RpcMethod* RpcTable::Find(std::string_view name) const
{
    auto it = m_methods.find(name);
    return it == m_methods.end() ? nullptr : &it->second;
}

RpcResult RpcTable::Execute(JsonRpcRequest request, RpcContext& context)
{
    if (m_in_warmup.load()) {
        std::lock_guard lock(m_mutex);
        return RpcError{RPC_IN_WARMUP, m_warmup_status};
    }
    const RpcMethod* method = Find(request.method);
    if (!method) return RpcError{RPC_METHOD_NOT_FOUND, "Method not found"};

    if (request.params.is_object()) {
        boost::json::array positional;
        if (auto error = NamedToPositional(*method, request.params.get_object(), positional)) return *error;
        request.params = std::move(positional);
    }
    if (auto error = method->CheckParams(request.params.get_array())) return *error;

    std::list<ActiveCommand>::iterator active;
    {
        std::lock_guard lock(m_mutex);
        active = m_active.insert(m_active.end(), ActiveCommand{method->name, context.clock.NowMicros()});
    }
    RpcResult result = RpcError{RPC_MISC_ERROR, "Internal error"};
    try {
        result = method->handler(request, context);
    } catch (const std::exception& e) {
        // Handlers report errors as values; this only guards against a bug
        // (or allocation failure) taking the server down with it.
        result = RpcError{RPC_MISC_ERROR, e.what()};
    }
    {
        std::lock_guard lock(m_mutex);
        m_active.erase(active);
    }
    return result;
}

std::string RpcTable::Help(std::string_view command) const
{
    if (!command.empty()) {
        const RpcMethod* method = Find(command);
        if (!method) return "help: unknown command: " + std::string(command);
        return method->HelpText();
    }
    std::vector<const RpcMethod*> listed;
    for (const auto& [name, method] : m_methods) {
        if (method.category != "hidden") listed.push_back(&method);
    }
    std::sort(listed.begin(), listed.end(), [](const RpcMethod* a, const RpcMethod* b) {
        return std::tie(a->category, a->name) < std::tie(b->category, b->name);
    });
    std::string out;
    std::string category;
    for (const RpcMethod* method : listed) {
        if (method->category != category) {
            if (!category.empty()) out += "\n";
            category = method->category;
            std::string title = category;
            if (!title.empty()) title[0] = static_cast<char>(title[0] - ('a' <= title[0] && title[0] <= 'z' ? 32 : 0));
            out += "== " + title + " ==\n";
        }
        out += method->Synopsis() + "\n";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

std::vector<std::string> RpcTable::MethodNames() const
{
    std::vector<std::string> names;
    for (const auto& [name, method] : m_methods) names.push_back(name);
    return names;
}

void RpcTable::SetWarmupStatus(std::string status)
{
    std::lock_guard lock(m_mutex);
    m_warmup_status = std::move(status);
}

void RpcTable::SetWarmupFinished() { m_in_warmup.store(false); }

std::vector<ActiveCommand> RpcTable::ActiveCommands() const
{
    std::lock_guard lock(m_mutex);
    return {m_active.begin(), m_active.end()};
}

} // namespace rpc
