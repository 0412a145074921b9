#include <cli/json_access.h>

#include <json/number.h>

#include <boost/json.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace cli {
namespace {

// The text of a number, whichever way it is stored.
std::string NumberText(const boost::json::value& value)
{
    if (auto raw = json::AsRawNumber(value)) return std::string(*raw);
    if (value.is_int64()) return std::to_string(value.get_int64());
    if (value.is_uint64()) return std::to_string(value.get_uint64());
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.16g", value.get_double());
    return buf;
}

} // namespace

bool IsNumber(const boost::json::value& value) { return value.is_number() || json::AsRawNumber(value).has_value(); }

std::string_view TypeName(const boost::json::value& value)
{
    if (IsNumber(value)) return "number";
    switch (value.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "bool";
    case boost::json::kind::object: return "object";
    case boost::json::kind::array: return "array";
    default: return "string";
    }
}

const boost::json::value& Member(const boost::json::value& value, std::string_view key)
{
    static const boost::json::value NULL_VALUE;
    if (!value.is_object()) return NULL_VALUE;
    const auto* found = value.get_object().if_contains(key);
    return found ? *found : NULL_VALUE;
}

std::string ValueString(const boost::json::value& value)
{
    if (IsNumber(value)) return NumberText(value);
    if (value.is_string()) return std::string(value.get_string());
    if (value.is_bool()) return value.get_bool() ? "1" : "";
    return {};
}

std::string NotOfTypeError(const boost::json::value& value, std::string_view expected)
{
    return "JSON value of type " + std::string(TypeName(value)) + " is not of expected type " + std::string(expected);
}

namespace {

// UniValue's getInt<T>(): the whole number text must parse as a T.
template <typename T>
util::Result<T> GetInteger(const boost::json::value& value)
{
    if (!IsNumber(value)) return util::Error{NotOfTypeError(value, "number")};
    const std::string text = NumberText(value);
    T n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size()) return util::Error{"JSON integer out of range"};
    return n;
}

} // namespace

util::Result<int> GetInt(const boost::json::value& value) { return GetInteger<int>(value); }

util::Result<int64_t> GetInt64(const boost::json::value& value) { return GetInteger<int64_t>(value); }

util::Result<std::string> GetString(const boost::json::value& value)
{
    if (!value.is_string() || IsNumber(value)) return util::Error{NotOfTypeError(value, "string")};
    return std::string(value.get_string());
}

util::Result<bool> GetBool(const boost::json::value& value)
{
    if (!value.is_bool()) return util::Error{NotOfTypeError(value, "bool")};
    return value.get_bool();
}

util::Result<std::vector<const boost::json::value*>> GetValues(const boost::json::value& value)
{
    std::vector<const boost::json::value*> values;
    if (value.is_array()) {
        for (const auto& element : value.get_array()) values.push_back(&element);
    } else if (value.is_object()) {
        for (const auto& member : value.get_object()) values.push_back(&member.value());
    } else {
        return util::Error{"JSON value is not an object or array as expected"};
    }
    return values;
}

util::Result<double> GetReal(const boost::json::value& value)
{
    if (!IsNumber(value)) return util::Error{NotOfTypeError(value, "number")};
    return std::strtod(NumberText(value).c_str(), nullptr);
}

} // namespace cli
