// Reading JSON text the way Bitcoin Core's UniValue reads it.
//
// utxo-cli must pass numbers on to the server and print the server's numbers
// exactly as they were written: an amount typed as 0.10 must reach the server
// as 0.10, and a reply's "0.00100000" must be printed with its eight decimals.
// Boost.JSON's parser turns numbers into binary doubles, so this reader keeps
// every number as a json::RawNumber (its text) instead.
//
// Accepted, as UniValue::read accepts: any JSON value at the top level (not
// only objects and arrays), surrounded by optional spaces, tabs, CR and LF;
// RFC 8259 numbers (no leading zeros, no '+', no bare '.'); strings with the
// standard escapes, \u escapes with surrogate pairs, and UTF-8 that is
// well formed in structure; nesting up to 512 levels.
// Differences, both far from real input: overlong two-byte sequences
// (lead bytes 0xC0/0xC1) are rejected, because json::RawNumber's tag is one;
// in an object a repeated key keeps its first position and its last value.
#ifndef UTXO_CLI_JSON_READ_H
#define UTXO_CLI_JSON_READ_H

#include <boost/json/value.hpp>

#include <optional>
#include <string_view>

namespace cli {

// The value `text` holds, or nullopt when it is not exactly one JSON value.
std::optional<boost::json::value> ReadJson(std::string_view text);

} // namespace cli

#endif // UTXO_CLI_JSON_READ_H
