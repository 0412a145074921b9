// Reading values out of a JSON reply the way bitcoin-cli's UniValue does.
//
// bitcoin-cli's behaviour on odd replies (a missing member, a number where a
// string was expected) comes from UniValue's accessors: a missing member reads
// as null, a value's "string form" is its text for strings and numbers and
// empty for containers, and asking a value for the wrong type fails with a
// fixed message. These functions give the same answers for trees built by
// cli::ReadJson, whose numbers are json::RawNumber text.
#ifndef UTXO_CLI_JSON_ACCESS_H
#define UTXO_CLI_JSON_ACCESS_H

#include <util/result.h>

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

// UniValue's type names: "null", "bool", "object", "array", "string", "number".
std::string_view TypeName(const boost::json::value& value);
bool IsNumber(const boost::json::value& value);

// The member `key` of an object; null for a missing key or a non-object.
const boost::json::value& Member(const boost::json::value& value, std::string_view key);

// UniValue's getValStr(): the text of a string or number, "1" or "" for a
// boolean, "" for null, arrays and objects.
std::string ValueString(const boost::json::value& value);

// UniValue's getInt<int>(): errors "JSON value of type <t> is not of expected
// type number" and "JSON integer out of range".
util::Result<int> GetInt(const boost::json::value& value);
// UniValue's getInt<int64_t>(), with the same errors.
util::Result<int64_t> GetInt64(const boost::json::value& value);
// UniValue's get_str(): a string's text (not a number's); error "JSON value of
// type <t> is not of expected type string".
util::Result<std::string> GetString(const boost::json::value& value);
// UniValue's get_bool(): error "JSON value of type <t> is not of expected type bool".
util::Result<bool> GetBool(const boost::json::value& value);
// UniValue's getValues(): the elements of an array or the member values of an
// object, in order, pointing into `value` (which must outlive them); error
// "JSON value is not an object or array as expected".
util::Result<std::vector<const boost::json::value*>> GetValues(const boost::json::value& value);
// UniValue's get_real(): the number as a double.
util::Result<double> GetReal(const boost::json::value& value);

// The error for a value that is not an object where one is needed.
std::string NotOfTypeError(const boost::json::value& value, std::string_view expected);

} // namespace cli

#endif // UTXO_CLI_JSON_ACCESS_H
