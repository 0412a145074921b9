// Command-line arguments to JSON-RPC parameters, as bitcoin-cli converts them.
//
// Every argument after the method name is a string on the command line. Most
// RPC parameters are strings too and are sent as typed; the ones that are
// numbers, booleans, arrays or objects are listed in a per-method table (the
// parameters of Bitcoin Core v29's RPCs, by position and by name) and parsed
// as JSON instead. The table is an interface fact shared with bitcoin-cli:
// `utxo-cli getblockhash 0` must send [0], `utxo-cli getblock <hash> 2` must
// send ["<hash>",2], whichever server answers.
//
// Numbers keep their text (json::RawNumber), so 0.10 is sent as 0.10.
#ifndef UTXO_CLI_RPC_CONVERT_H
#define UTXO_CLI_RPC_CONVERT_H

#include <util/result.h>

#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

// True when the table says the parameter is JSON rather than a string.
bool IsJsonParameter(std::string_view method, size_t index);
bool IsJsonParameter(std::string_view method, std::string_view name);

// Positional arguments (the default): a JSON array with one element per
// argument. Error "Error parsing JSON: <arg>" when a JSON parameter does not
// parse.
util::Result<boost::json::value> ConvertPositional(std::string_view method, const std::vector<std::string>& args);

// -named: a JSON object. "name=value" arguments become members (split at the
// first '='; a later repeat of a name replaces the earlier value, keeping its
// place); arguments without '=' are positional and are collected, in order,
// into an array under "args" at the end (unless "args" was given by name,
// which then wins). Values are converted by name, positional ones by their
// position among the positional ones.
util::Result<boost::json::value> ConvertNamed(std::string_view method, const std::vector<std::string>& args);

} // namespace cli

#endif // UTXO_CLI_RPC_CONVERT_H
