#include <json/number.h>

#include <boost/json/string.hpp>

#include <cassert>

namespace json {
namespace {

constexpr std::string_view RAW_NUMBER_TAG{"\xC0\x80", 2};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

bool IsJsonNumber(std::string_view s)
{
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size()) return false;
    if (s[i] == '0') {
        ++i;
    } else if (IsDigit(s[i])) {
        while (i < s.size() && IsDigit(s[i])) ++i;
    } else {
        return false;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || !IsDigit(s[i])) return false;
        while (i < s.size() && IsDigit(s[i])) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= s.size() || !IsDigit(s[i])) return false;
        while (i < s.size() && IsDigit(s[i])) ++i;
    }
    return i == s.size();
}

boost::json::value RawNumber(std::string_view text)
{
    assert(IsJsonNumber(text));
    boost::json::string tagged(RAW_NUMBER_TAG);
    tagged.append(text);
    return boost::json::value(std::move(tagged));
}

boost::json::value AmountValue(primitives::Amount amount)
{
    return RawNumber(primitives::FormatAmount(amount));
}

std::optional<std::string_view> AsRawNumber(const boost::json::value& value)
{
    if (!value.is_string()) return std::nullopt;
    const std::string_view s = value.get_string();
    if (s.size() <= RAW_NUMBER_TAG.size() || s.substr(0, RAW_NUMBER_TAG.size()) != RAW_NUMBER_TAG) return std::nullopt;
    const std::string_view digits = s.substr(RAW_NUMBER_TAG.size());
    if (!IsJsonNumber(digits)) return std::nullopt;
    return digits;
}

} // namespace json
