// One RPC method: its name, category, arguments, help text and handler.
//
// The argument list drives everything a client sees before the handler runs,
// as in Bitcoin Core: the help text, the count check (a wrong count answers
// with the help text, code -1), the type check (code -3, "Wrong type
// passed"), and the mapping of named parameters to positions.
#ifndef UTXO_RPC_METHOD_H
#define UTXO_RPC_METHOD_H

#include <rpc/protocol.h>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rpc {

struct RpcContext;

enum class ArgType {
    STR,     // JSON string
    STR_HEX, // JSON string of hex digits
    NUM,     // JSON number
    AMOUNT,  // number or string, checked by the handler
    BOOL,
    OBJ,
    ARR,
    ANY, // not checked (echo)
};

struct RpcArg {
    std::string names; // "height", or aliases "blockhash|hash" (the first is shown)
    ArgType type;
    bool optional{false};
    std::string default_hint; // shown as "default=..." for optional arguments
    std::string description;
    std::string signature; // how the argument appears in the one-line synopsis; derived when empty
};

using Handler = RpcResult (*)(const JsonRpcRequest& request, RpcContext& context);

struct RpcMethod {
    std::string category; // "blockchain", "control", "network", ...; "hidden" is left out of `help`
    std::string name;
    std::string description;
    std::vector<RpcArg> args;
    std::string result; // the Result section, already laid out
    std::vector<std::string> examples; // argument strings, each shown as a utxo-cli and a curl call
    Handler handler;

    // "getblockhash height", "help ( \"command\" )".
    std::string Synopsis() const;
    // The full text `help <name>` returns.
    std::string HelpText() const;
    // nullopt when `params` (positional, after named-parameter mapping) fits
    // the argument list; otherwise the error Bitcoin Core answers with.
    std::optional<RpcError> CheckParams(const boost::json::array& params) const;
};

// Positional parameters from an object of named ones, by Bitcoin Core's rules:
// unknown or repeated names are errors (-8); gaps before a given parameter are
// filled with null; an "args" array supplies leading positional values.
std::optional<RpcError> NamedToPositional(const RpcMethod& method, const boost::json::object& named,
                                          boost::json::array& positional);

// Bitcoin Core's names for JSON types in messages: "number", "string", ...
std::string_view JsonTypeName(const boost::json::value& value);

} // namespace rpc

#endif // UTXO_RPC_METHOD_H
