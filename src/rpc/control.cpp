#include <rpc/control.h>

#include <rpc/context.h>
#include <rpc/table.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>

namespace rpc {
namespace {

RpcResult Help(const JsonRpcRequest& request, RpcContext& context)
{
    const auto& params = request.params.get_array();
    std::string command;
    if (!params.empty() && !params[0].is_null()) command = std::string(params[0].get_string());
    return boost::json::value(context.table.Help(command));
}

RpcResult Stop(const JsonRpcRequest&, RpcContext& context)
{
    // The reply goes out before the server closes: shutdown only starts here.
    if (context.request_shutdown) context.request_shutdown();
    return boost::json::value("utxod stopping");
}

RpcResult Uptime(const JsonRpcRequest&, RpcContext& context)
{
    return boost::json::value((context.clock.NowMicros() - context.start_time_micros) / 1'000'000);
}

RpcResult GetRpcInfo(const JsonRpcRequest&, RpcContext& context)
{
    const int64_t now = context.clock.NowMicros();
    boost::json::array active;
    for (const ActiveCommand& command : context.table.ActiveCommands()) {
        boost::json::object entry;
        entry["method"] = command.method;
        entry["duration"] = now - command.start_micros;
        active.push_back(std::move(entry));
    }
    boost::json::object result;
    result["active_commands"] = std::move(active);
    result["logpath"] = context.log_path;
    return boost::json::value(std::move(result));
}

std::optional<RpcError> SetCategories(const boost::json::value& list, bool enable, util::Logger& logger)
{
    if (!list.is_array()) return std::nullopt;
    for (const boost::json::value& item : list.get_array()) {
        if (!item.is_string()) return RpcError{RPC_TYPE_ERROR, "JSON value of type " + std::string(JsonTypeName(item)) +
                                                                   " is not of expected type string"};
        const std::string name(item.get_string());
        // "none"/"0" select nothing, as in bitcoind.
        if (name == "none" || name == "0") continue;
        const bool known = enable ? logger.EnableCategory(name) : logger.DisableCategory(name);
        if (!known) return RpcError{RPC_INVALID_PARAMETER, "unknown logging category " + name};
    }
    return std::nullopt;
}

RpcResult Logging(const JsonRpcRequest& request, RpcContext& context)
{
    const auto& params = request.params.get_array();
    if (params.size() > 0) {
        if (auto error = SetCategories(params[0], true, context.logger)) return *error;
    }
    if (params.size() > 1) {
        if (auto error = SetCategories(params[1], false, context.logger)) return *error;
    }
    std::vector<std::string_view> names;
    for (size_t i = 0; i < util::LOG_CATEGORY_COUNT; ++i) names.push_back(util::LogCategoryName(static_cast<util::LogCategory>(i)));
    std::sort(names.begin(), names.end());
    const auto enabled = context.logger.EnabledCategories();
    boost::json::object result;
    for (std::string_view name : names) {
        result[name] = std::find(enabled.begin(), enabled.end(), name) != enabled.end();
    }
    return boost::json::value(std::move(result));
}

RpcResult Echo(const JsonRpcRequest& request, RpcContext&) { return request.params; }

// glibc's malloc_info() XML, as bitcoind returns it for mode "mallocinfo".
std::string MallocInfo()
{
    char* buffer = nullptr;
    size_t size = 0;
    FILE* stream = open_memstream(&buffer, &size);
    if (!stream) return {};
    malloc_info(0, stream);
    std::fclose(stream);
    std::string xml(buffer, size);
    std::free(buffer);
    return xml;
}

RpcResult GetMemoryInfo(const JsonRpcRequest& request, RpcContext&)
{
    const auto& params = request.params.get_array();
    const std::string mode = params.empty() || params[0].is_null() ? "stats" : std::string(params[0].get_string());
    if (mode == "stats") {
        // utxod keeps no locked (mlock'ed) pool: it holds no private keys.
        boost::json::object locked;
        for (const char* field : {"used", "free", "total", "locked", "chunks_used", "chunks_free"}) locked[field] = 0;
        boost::json::object result;
        result["locked"] = std::move(locked);
        return boost::json::value(std::move(result));
    }
    if (mode == "mallocinfo") return boost::json::value(MallocInfo());
    return RpcError{RPC_INVALID_PARAMETER, "unknown mode " + mode};
}

std::vector<RpcArg> EchoArgs()
{
    std::vector<RpcArg> args;
    for (int i = 0; i < 10; ++i) {
        args.push_back({"arg" + std::to_string(i), ArgType::ANY, true, "", "", ""});
    }
    return args;
}

} // namespace

void RegisterControlMethods(RpcTable& table)
{
    table.Register({"control", "help", "Lists every command by category, or shows the help of one command.",
                    {{"command", ArgType::STR, true, "all commands", "The command to show help for", ""}},
                    "\"str\"    (string) The help text",
                    {"", "getblockhash|\"getblockhash\""},
                    Help});
    table.Register({"control", "stop", "Asks utxod to shut down cleanly.", {},
                    "\"str\"    (string) \"utxod stopping\"", {""}, Stop});
    table.Register({"control", "uptime", "Returns how long the server has been running.", {},
                    "n    (numeric) Seconds since the server started", {""}, Uptime});
    table.Register({"control", "getrpcinfo", "Returns the commands running right now and where the log is written.", {},
                    "{                          (json object)\n"
                    "  \"active_commands\" : [    (json array) Commands being executed, this one included\n"
                    "    {                      (json object)\n"
                    "      \"method\" : \"str\",    (string) Method name\n"
                    "      \"duration\" : n       (numeric) Microseconds since it started\n"
                    "    },\n"
                    "    ...\n"
                    "  ],\n"
                    "  \"logpath\" : \"str\"        (string) Full path of debug.log\n"
                    "}",
                    {""}, GetRpcInfo});
    table.Register({"control", "logging",
                    "Shows which debug log categories are on, after switching some on or off.\n"
                    "Without arguments nothing changes. The include list is applied first, then the exclude list,\n"
                    "so a category named in both ends up off. \"all\" (or \"1\") names every category.",
                    {{"include", ArgType::ARR, true, "", "Categories to switch on", "[\"include_category\",...]"},
                     {"exclude", ArgType::ARR, true, "", "Categories to switch off", "[\"exclude_category\",...]"}},
                    "{                          (json object) One key per category\n"
                    "  \"category\" : true|false,  (boolean) Whether it is logged\n"
                    "  ...\n"
                    "}",
                    {"\"[\\\"all\\\"]\" \"[\\\"http\\\"]\"|[\"all\"], [\"libevent\"]"},
                    Logging});
    table.Register({"control", "getmemoryinfo", "Returns memory usage figures of the daemon.",
                    {{"mode", ArgType::STR, true, "\"stats\"",
                      "\"stats\": the locked-memory pool (always empty: utxod holds no keys);\n"
                      "       \"mallocinfo\": glibc's malloc_info() XML.",
                      ""}},
                    "{                         (json object)\n"
                    "  \"locked\" : {            (json object) The locked-memory pool\n"
                    "    \"used\" : n,           (numeric) Bytes in use\n"
                    "    \"free\" : n,           (numeric) Bytes free in its arenas\n"
                    "    \"total\" : n,          (numeric) Bytes managed\n"
                    "    \"locked\" : n,         (numeric) Bytes locked in RAM\n"
                    "    \"chunks_used\" : n,    (numeric) Chunks in use\n"
                    "    \"chunks_free\" : n     (numeric) Chunks free\n"
                    "  }\n"
                    "}",
                    {""}, GetMemoryInfo});
    table.Register({"hidden", "echo", "Returns its arguments unchanged; for testing clients.", EchoArgs(), "", {}, Echo});
    table.Register({"hidden", "echojson", "Returns its arguments unchanged, which clients send as JSON; for testing.",
                    EchoArgs(), "", {}, Echo});
}

} // namespace rpc
