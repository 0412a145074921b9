// From the server's HTTP reply to what utxo-cli prints and its exit status,
// in bitcoin-cli's words (scripts match on them).
#ifndef UTXO_CLI_RPC_REPLY_H
#define UTXO_CLI_RPC_REPLY_H

#include <util/result.h>

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace cli {

// The JSON body of an HTTP reply, or bitcoin-cli's error for it:
//   401 without usable credentials: "Could not locate RPC credentials. No
//       authentication cookie could be found, and RPC password is not set.
//       See -rpcpassword and -stdinrpcpass.  Configuration file: (<config_path>)"
//   401 otherwise: "Authorization failed: Incorrect rpcuser or rpcpassword"
//   503: "Server response: <body>"
//   any other status >= 400 except 400, 404 and 500 (which carry JSON-RPC
//       errors): "server returned HTTP error <status>"
//   an empty body: "no response from server"
//   a body that is not JSON: "couldn't parse reply from server"
util::Result<boost::json::value> ParseHttpReply(int status, std::string_view body, bool cookie_missing,
                                                std::string_view config_path);

// A single call's reply must be a non-empty object: "JSON value of type <t>
// is not of expected type object", "expected reply to have result, error and
// id properties".
util::Result<boost::json::value> CheckReplyObject(const boost::json::value& reply);

// What to print and the exit status. `text` goes to stdout with a newline
// when exit_code is 0, else to stderr; nothing is printed when it is empty.
struct Output {
    std::string text;
    int exit_code{0};
};

// A result: strings raw (no quotes), null as nothing, anything else as JSON
// indented by 2 spaces.
std::string FormatResult(const boost::json::value& result);

// An error member: "error code: <code>\nerror message:\n<message>" with exit
// status abs(code) (the shell sees it modulo 256); -19 (wallet not
// specified) gets a hint about -rpcwallet. An error that is not an object
// prints as "error: <json>"; one whose code is not an integer ends as
// "error: JSON value of type ..." with status 1, as in bitcoin-cli.
Output FormatRpcError(const boost::json::value& error);

// The whole reply object: its error if not null, else its result.
Output FormatReply(const boost::json::value& reply);

} // namespace cli

#endif // UTXO_CLI_RPC_REPLY_H
