// JSON text the way Bitcoin Core writes it, from a Boost.JSON value.
//
// Core's replies are read by scripts and compared by eye, so utxod keeps its
// exact format: keys in insertion order, `"key": value` with one space when
// indenting, empty arrays as "[\n<indent>]", doubles with 16 significant
// digits, and amounts as exact decimals with 8 places ("0.00100000"), which
// Boost.JSON's own serializer cannot do. Amounts enter the tree through
// RawNumber(): see number.h.
#ifndef UTXO_JSON_WRITE_H
#define UTXO_JSON_WRITE_H

#include <boost/json/value.hpp>

#include <string>

namespace json {

// `indent` spaces per level; 0 writes everything on one line without spaces.
std::string WriteJson(const boost::json::value& value, unsigned indent = 0);

// The string escaped as a JSON string literal, quotes included: '"', '\\',
// control characters and DEL are escaped; other bytes pass through.
std::string QuoteJsonString(std::string_view text);

} // namespace json

#endif // UTXO_JSON_WRITE_H
