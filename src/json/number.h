// Numbers whose exact decimal text matters (amounts), inside Boost.JSON trees.
//
// Boost.JSON stores numbers as binary int64/uint64/double, so "0.00100000"
// cannot be kept as written. A RawNumber is carried as a string value that
// starts with a byte pair that is never valid UTF-8 (0xC0 0x80) and so can
// never come out of Boost.JSON's parser or a well-formed text; WriteJson prints
// its digits without quotes. Only text that is a valid JSON number is accepted,
// so the output is always valid JSON.
#ifndef UTXO_JSON_NUMBER_H
#define UTXO_JSON_NUMBER_H

#include <primitives/amount.h>

#include <boost/json/value.hpp>

#include <optional>
#include <string_view>

namespace json {

// A JSON number written exactly as `text`. Precondition: IsJsonNumber(text).
boost::json::value RawNumber(std::string_view text);

// An amount in bitcoin with 8 decimals, as Bitcoin Core's ValueFromAmount.
boost::json::value AmountValue(primitives::Amount amount);

// The number text of a RawNumber value, or nullopt for any other value.
std::optional<std::string_view> AsRawNumber(const boost::json::value& value);

// True for text matching JSON's number grammar (RFC 8259 section 6).
bool IsJsonNumber(std::string_view text);

} // namespace json

#endif // UTXO_JSON_NUMBER_H
