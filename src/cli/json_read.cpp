#include <cli/json_read.h>

#include <json/number.h>

#include <boost/json.hpp>

#include <cstdint>
#include <string>

namespace cli {
namespace {

// UniValue's MAX_JSON_DEPTH.
constexpr unsigned MAX_DEPTH = 512;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void AppendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    std::optional<boost::json::value> Document()
    {
        SkipSpace();
        auto value = Value(0);
        if (!value) return std::nullopt;
        SkipSpace();
        if (m_pos != m_text.size()) return std::nullopt;
        return value;
    }

private:
    bool AtEnd() const { return m_pos >= m_text.size(); }
    char Peek() const { return m_text[m_pos]; }
    void SkipSpace()
    {
        while (!AtEnd() && IsSpace(Peek())) ++m_pos;
    }
    bool Literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    std::optional<boost::json::value> Value(unsigned depth)
    {
        if (AtEnd()) return std::nullopt;
        switch (Peek()) {
        case '{': return Object(depth + 1);
        case '[': return Array(depth + 1);
        case '"': {
            auto s = String();
            if (!s) return std::nullopt;
            return boost::json::value(boost::json::string(*s));
        }
        case 't': if (Literal("true")) return boost::json::value(true); return std::nullopt;
        case 'f': if (Literal("false")) return boost::json::value(false); return std::nullopt;
        case 'n': if (Literal("null")) return boost::json::value(nullptr); return std::nullopt;
        default: return Number();
        }
    }

    std::optional<boost::json::value> Number()
    {
        const size_t start = m_pos;
        if (!AtEnd() && Peek() == '-') ++m_pos;
        if (AtEnd() || !IsDigit(Peek())) return std::nullopt;
        if (Peek() == '0' && m_pos + 1 < m_text.size() && IsDigit(m_text[m_pos + 1])) return std::nullopt;
        while (!AtEnd() && IsDigit(Peek())) ++m_pos;
        if (!AtEnd() && Peek() == '.') {
            ++m_pos;
            if (AtEnd() || !IsDigit(Peek())) return std::nullopt;
            while (!AtEnd() && IsDigit(Peek())) ++m_pos;
        }
        if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
            ++m_pos;
            if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++m_pos;
            if (AtEnd() || !IsDigit(Peek())) return std::nullopt;
            while (!AtEnd() && IsDigit(Peek())) ++m_pos;
        }
        return json::RawNumber(m_text.substr(start, m_pos - start));
    }

    std::optional<uint32_t> Hex4()
    {
        if (m_pos + 4 > m_text.size()) return std::nullopt;
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            v <<= 4;
            if (c >= '0' && c <= '9') {
                v |= c - '0';
            } else if (c >= 'a' && c <= 'f') {
                v |= c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                v |= c - 'A' + 10;
            } else {
                return std::nullopt;
            }
        }
        return v;
    }

    // A \u escape (after the 'u'), joining a surrogate pair; a lone surrogate is an error.
    bool UnicodeEscape(std::string& out)
    {
        auto cp = Hex4();
        if (!cp) return false;
        if (*cp >= 0xDC00 && *cp <= 0xDFFF) return false;
        if (*cp >= 0xD800 && *cp <= 0xDBFF) {
            if (!Literal("\\u")) return false;
            auto low = Hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
        }
        AppendUtf8(out, *cp);
        return true;
    }

    // One UTF-8 sequence starting at a byte >= 0x80: a lead byte and its
    // continuation bytes, as UniValue's filter checks them.
    bool Utf8Sequence(std::string& out)
    {
        const auto lead = static_cast<unsigned char>(Peek());
        size_t extra;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
        } else {
            return false;
        }
        if (m_pos + extra >= m_text.size()) return false;
        for (size_t i = 1; i <= extra; ++i) {
            if ((static_cast<unsigned char>(m_text[m_pos + i]) & 0xC0) != 0x80) return false;
        }
        out.append(m_text.substr(m_pos, extra + 1));
        m_pos += extra + 1;
        return true;
    }

    std::optional<std::string> String()
    {
        ++m_pos; // opening quote
        std::string out;
        while (true) {
            if (AtEnd()) return std::nullopt;
            const auto c = static_cast<unsigned char>(Peek());
            if (c < 0x20) return std::nullopt;
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c >= 0x80) {
                if (!Utf8Sequence(out)) return std::nullopt;
                continue;
            }
            ++m_pos;
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            if (AtEnd()) return std::nullopt;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u':
                if (!UnicodeEscape(out)) return std::nullopt;
                break;
            default: return std::nullopt;
            }
        }
    }

    std::optional<boost::json::value> Array(unsigned depth)
    {
        if (depth > MAX_DEPTH) return std::nullopt;
        ++m_pos; // '['
        boost::json::array array;
        SkipSpace();
        if (!AtEnd() && Peek() == ']') {
            ++m_pos;
            return boost::json::value(std::move(array));
        }
        while (true) {
            SkipSpace();
            auto element = Value(depth);
            if (!element) return std::nullopt;
            array.push_back(std::move(*element));
            SkipSpace();
            if (AtEnd()) return std::nullopt;
            if (Peek() == ']') {
                ++m_pos;
                return boost::json::value(std::move(array));
            }
            if (Peek() != ',') return std::nullopt;
            ++m_pos;
        }
    }

    std::optional<boost::json::value> Object(unsigned depth)
    {
        if (depth > MAX_DEPTH) return std::nullopt;
        ++m_pos; // '{'
        boost::json::object object;
        SkipSpace();
        if (!AtEnd() && Peek() == '}') {
            ++m_pos;
            return boost::json::value(std::move(object));
        }
        while (true) {
            SkipSpace();
            if (AtEnd() || Peek() != '"') return std::nullopt;
            auto key = String();
            if (!key) return std::nullopt;
            SkipSpace();
            if (AtEnd() || Peek() != ':') return std::nullopt;
            ++m_pos;
            SkipSpace();
            auto member = Value(depth);
            if (!member) return std::nullopt;
            object[*key] = std::move(*member);
            SkipSpace();
            if (AtEnd()) return std::nullopt;
            if (Peek() == '}') {
                ++m_pos;
                return boost::json::value(std::move(object));
            }
            if (Peek() != ',') return std::nullopt;
            ++m_pos;
        }
    }

    std::string_view m_text;
    size_t m_pos{0};
};

} // namespace

std::optional<boost::json::value> ReadJson(std::string_view text) { return Reader(text).Document(); }

} // namespace cli
