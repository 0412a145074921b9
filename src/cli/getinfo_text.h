// The human-readable page -getinfo prints, laid out as bitcoin-cli lays it out.
#ifndef UTXO_CLI_GETINFO_TEXT_H
#define UTXO_CLI_GETINFO_TEXT_H

#include <util/result.h>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cli {

// -color: "always", "never" or "auto" (colour when standard output is a
// terminal). nullopt for any other value (bitcoin-cli's error: "Invalid value
// for -color option. Valid values: always, auto, never.").
std::optional<bool> ShouldColorize(std::string_view setting, bool stdout_is_terminal);

// The page for GetinfoHandler's result object (plus "balances", a wallet name
// -> amount object when several wallets are loaded): chain, blocks, headers,
// verification progress (with a bar below 99%), difficulty, connections,
// version, time offset, proxies, relay fee, the wallet, balances, warnings.
// No trailing newline. Errors when verificationprogress is not a number.
util::Result<std::string> FormatGetinfo(const boost::json::value& result, bool colorize);

// Core's progress bar: one "▒" per started 5% done, one "░" per started 5% to
// go; empty outside 0..1.
std::string ProgressBar(double progress);

} // namespace cli

#endif // UTXO_CLI_GETINFO_TEXT_H
