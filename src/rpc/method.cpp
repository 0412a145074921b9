#include <rpc/method.h>

#include <json/number.h>
#include <json/write.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <map>

namespace rpc {
namespace {

std::string_view HelpTypeName(ArgType type)
{
    switch (type) {
    case ArgType::STR:
    case ArgType::STR_HEX: return "string";
    case ArgType::NUM: return "numeric";
    case ArgType::AMOUNT: return "numeric or string";
    case ArgType::BOOL: return "boolean";
    case ArgType::OBJ: return "json object";
    case ArgType::ARR: return "json array";
    case ArgType::ANY: return "any";
    }
    return "any";
}

std::string FirstName(const std::string& names) { return names.substr(0, names.find('|')); }

std::string ArgSynopsis(const RpcArg& arg)
{
    if (!arg.signature.empty()) return arg.signature;
    const std::string name = FirstName(arg.names);
    switch (arg.type) {
    case ArgType::STR:
    case ArgType::STR_HEX: return "\"" + name + "\"";
    case ArgType::ARR: return "[" + name + ",...]";
    case ArgType::OBJ: return "{" + name + "}";
    default: return name;
    }
}

// The JSON type a parameter must have, or nullopt when any type is accepted.
std::optional<boost::json::kind> ExpectedKind(ArgType type)
{
    switch (type) {
    case ArgType::STR:
    case ArgType::STR_HEX: return boost::json::kind::string;
    case ArgType::NUM: return boost::json::kind::int64; // any number kind matches, see KindMatches
    case ArgType::BOOL: return boost::json::kind::bool_;
    case ArgType::OBJ: return boost::json::kind::object;
    case ArgType::ARR: return boost::json::kind::array;
    case ArgType::AMOUNT:
    case ArgType::ANY: return std::nullopt;
    }
    return std::nullopt;
}

std::string_view KindName(boost::json::kind kind)
{
    switch (kind) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "bool";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "number";
    case boost::json::kind::string: return "string";
    case boost::json::kind::array: return "array";
    case boost::json::kind::object: return "object";
    }
    return "null";
}

} // namespace

std::string_view JsonTypeName(const boost::json::value& value)
{
    // Exact amounts travel as tagged strings but are numbers to a client.
    if (json::AsRawNumber(value)) return "number";
    return KindName(value.kind());
}

std::string RpcMethod::Synopsis() const
{
    std::string out = name;
    std::string optional_part;
    for (const RpcArg& arg : args) {
        if (arg.optional) {
            optional_part += " " + ArgSynopsis(arg);
        } else {
            out += " " + ArgSynopsis(arg);
        }
    }
    if (!optional_part.empty()) out += " (" + optional_part + " )";
    return out;
}

std::string RpcMethod::HelpText() const
{
    std::string out = Synopsis() + "\n\n" + description + "\n";
    if (!args.empty()) {
        out += "\nArguments:\n";
        for (size_t i = 0; i < args.size(); ++i) {
            const RpcArg& arg = args[i];
            std::string kind(HelpTypeName(arg.type));
            if (arg.optional) {
                kind += ", optional";
                if (!arg.default_hint.empty()) kind += ", default=" + arg.default_hint;
            } else {
                kind += ", required";
            }
            out += std::to_string(i + 1) + ". " + FirstName(arg.names) + "    (" + kind + ") " + arg.description + "\n";
        }
    }
    if (!result.empty()) out += "\nResult:\n" + result + "\n";
    if (!examples.empty()) {
        out += "\nExamples:\n";
        for (const std::string& example : examples) {
            // "cli args|json params"
            const size_t bar = example.find('|');
            const std::string cli = example.substr(0, bar);
            const std::string json = bar == std::string::npos ? cli : example.substr(bar + 1);
            out += "> utxo-cli " + name + (cli.empty() ? "" : " " + cli) + "\n";
            out += "> curl --user myusername --data-binary '{\"jsonrpc\": \"2.0\", \"id\": \"curltest\", \"method\": \"" +
                   name + "\", \"params\": [" + json +
                   "]}' -H 'content-type: application/json' http://127.0.0.1:8332/\n";
        }
    }
    return out;
}

std::optional<RpcError> RpcMethod::CheckParams(const boost::json::array& params) const
{
    size_t required = 0;
    for (const RpcArg& arg : args) {
        if (!arg.optional) ++required;
    }
    // Bitcoin Core answers a wrong argument count with the help text.
    if (params.size() < required || params.size() > args.size()) return RpcError{RPC_MISC_ERROR, HelpText()};

    boost::json::object mismatches;
    for (size_t i = 0; i < params.size(); ++i) {
        const RpcArg& arg = args[i];
        const boost::json::value& param = params[i];
        if (arg.optional && param.is_null()) continue;
        const auto expected = ExpectedKind(arg.type);
        if (!expected) continue;
        const std::string_view actual = JsonTypeName(param);
        if (actual == KindName(*expected)) continue;
        mismatches["Position " + std::to_string(i + 1) + " (" + arg.names + ")"] =
            "JSON value of type " + std::string(actual) + " is not of expected type " + std::string(KindName(*expected));
    }
    if (mismatches.empty()) return std::nullopt;
    return RpcError{RPC_TYPE_ERROR, "Wrong type passed:\n" + json::WriteJson(mismatches, 4)};
}

std::optional<RpcError> NamedToPositional(const RpcMethod& method, const boost::json::object& named,
                                          boost::json::array& positional)
{
    // Boost.JSON's parser keeps the last of repeated keys, so unlike Bitcoin
    // Core a repeated name is not reported: the last value is used.
    std::map<std::string, const boost::json::value*, std::less<>> remaining;
    for (const auto& [key, value] : named) remaining.emplace(std::string(key), &value);

    positional.clear();
    size_t hole = 0;
    size_t initial_hole = 0;
    const std::string* first_given = nullptr;
    for (const RpcArg& arg : method.args) {
        auto found = remaining.end();
        size_t start = 0;
        while (start <= arg.names.size()) {
            const size_t bar = arg.names.find('|', start);
            const std::string alias = arg.names.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
            found = remaining.find(alias);
            if (found != remaining.end() || bar == std::string::npos) break;
            start = bar + 1;
        }
        if (found == remaining.end()) {
            ++hole;
            if (positional.empty()) initial_hole = hole;
            continue;
        }
        // Gaps between given parameters become nulls; trailing ones are left off
        // so methods that count their parameters see what the caller sent.
        for (; hole > 0; --hole) positional.emplace_back(nullptr);
        if (!first_given) first_given = &arg.names;
        positional.push_back(*found->second);
        remaining.erase(found);
    }

    // "args": positional values for the leading parameters, mixed with named ones.
    if (auto args = remaining.find("args"); args != remaining.end() && args->second->is_array()) {
        const boost::json::array& leading = args->second->get_array();
        if (first_given && initial_hole < leading.size()) {
            return RpcError{RPC_INVALID_PARAMETER,
                            "Parameter " + *first_given + " specified twice both as positional and named argument"};
        }
        // positional[i] belongs to argument i (leading gaps are nulls), so the
        // named values simply follow the given positional ones.
        boost::json::array merged(leading.begin(), leading.end());
        for (size_t i = merged.size(); i < positional.size(); ++i) merged.push_back(positional[i]);
        positional = std::move(merged);
        remaining.erase(args);
    }
    if (!remaining.empty()) return RpcError{RPC_INVALID_PARAMETER, "Unknown named parameter " + remaining.begin()->first};
    return std::nullopt;
}

} // namespace rpc
