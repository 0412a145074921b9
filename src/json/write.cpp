#include <json/write.h>

#include <json/number.h>

#include <boost/json.hpp>

#include <cmath>
#include <cstdio>

namespace json {
namespace {

void Indent(std::string& out, unsigned indent, unsigned level) { out.append(static_cast<size_t>(indent) * level, ' '); }

// Bitcoin Core prints doubles with 16 significant digits (%.16g), which is what
// getdifficulty and friends look like to its users.
std::string FormatDouble(double d)
{
    if (!std::isfinite(d)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.16g", d);
    return buf;
}

void Write(std::string& out, const boost::json::value& v, unsigned indent, unsigned level);

void WriteArray(std::string& out, const boost::json::array& a, unsigned indent, unsigned level)
{
    out += '[';
    if (indent) out += '\n';
    for (size_t i = 0; i < a.size(); ++i) {
        if (indent) Indent(out, indent, level);
        Write(out, a[i], indent, level + 1);
        if (i + 1 != a.size()) out += ',';
        if (indent) out += '\n';
    }
    if (indent) Indent(out, indent, level - 1);
    out += ']';
}

void WriteObject(std::string& out, const boost::json::object& o, unsigned indent, unsigned level)
{
    out += '{';
    if (indent) out += '\n';
    size_t i = 0;
    for (const auto& kv : o) {
        if (indent) Indent(out, indent, level);
        out += QuoteJsonString(kv.key());
        out += ':';
        if (indent) out += ' ';
        Write(out, kv.value(), indent, level + 1);
        if (++i != o.size()) out += ',';
        if (indent) out += '\n';
    }
    if (indent) Indent(out, indent, level - 1);
    out += '}';
}

void Write(std::string& out, const boost::json::value& v, unsigned indent, unsigned level)
{
    switch (v.kind()) {
    case boost::json::kind::null: out += "null"; break;
    case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case boost::json::kind::int64: out += std::to_string(v.get_int64()); break;
    case boost::json::kind::uint64: out += std::to_string(v.get_uint64()); break;
    case boost::json::kind::double_: out += FormatDouble(v.get_double()); break;
    case boost::json::kind::string:
        if (auto number = AsRawNumber(v)) {
            out += *number;
        } else {
            out += QuoteJsonString(v.get_string());
        }
        break;
    case boost::json::kind::array: WriteArray(out, v.get_array(), indent, level); break;
    case boost::json::kind::object: WriteObject(out, v.get_object(), indent, level); break;
    }
}

} // namespace

std::string QuoteJsonString(std::string_view text)
{
    static constexpr char HEX[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\u00";
                out += HEX[c >> 4];
                out += HEX[c & 0xf];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

std::string WriteJson(const boost::json::value& value, unsigned indent)
{
    std::string out;
    // Like Core: the outermost level counts as 1, so its members sit at one indent.
    Write(out, value, indent, 1);
    return out;
}

} // namespace json
