#include <util/args.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace util {
namespace {

constexpr std::string_view WHITESPACE = " \t\r\n";
const std::set<std::string, std::less<>> NETWORK_SECTIONS{"main", "test", "testnet4", "signet", "regtest"};

std::string_view Trim(std::string_view s)
{
    const size_t start = s.find_first_not_of(WHITESPACE);
    if (start == std::string_view::npos) return {};
    const size_t end = s.find_last_not_of(WHITESPACE);
    return s.substr(start, end - start + 1);
}

} // namespace

bool InterpretBool(std::string_view value)
{
    if (value.empty()) return true;
    int64_t n = 0;
    const char* begin = value.data();
    if (*begin == '+') ++begin;
    std::from_chars(begin, value.data() + value.size(), n); // leading integer, like atoi
    return n != 0;
}

void Args::AddArg(std::string name, std::string help, std::string category, uint32_t flags)
{
    std::string hint;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
        hint = name.substr(eq);
        name.erase(eq);
    }
    if (std::find(m_category_order.begin(), m_category_order.end(), category) == m_category_order.end()) {
        m_category_order.push_back(category);
    }
    ArgSpec spec{name, std::move(hint), std::move(help), std::move(category), flags};
    m_specs.emplace(std::move(name), std::move(spec));
}

const ArgSpec* Args::Find(std::string_view name) const
{
    auto it = m_specs.find(name);
    return it == m_specs.end() ? nullptr : &it->second;
}

util::Result<std::pair<std::string, Args::Value>> Args::Interpret(std::string_view key,
                                                                  const std::optional<std::string>& value,
                                                                  std::string_view where) const
{
    bool negated = false;
    std::string name(key);
    if (!Find(name) && name.rfind("no", 0) == 0 && Find(std::string_view(name).substr(2))) {
        name.erase(0, 2);
        negated = true;
    }
    const ArgSpec* spec = Find(name);
    if (!spec) return util::Error{std::string(where) + std::string(key)};
    if (!negated) return std::pair{name, Value{value.value_or(""), false}};
    if (spec->flags & ARG_DISALLOW_NEGATION) {
        return util::Error{"Negating of -" + name + " is meaningless and therefore forbidden"};
    }
    // -nofoo and -nofoo=1 mean false; the double negative -nofoo=0 means true.
    if (value && !InterpretBool(*value)) return std::pair{name, Value{"1", false}};
    return std::pair{name, Value{"0", true}};
}

util::Result<void> Args::ParseCommandLine(const std::vector<std::string>& arguments)
{
    for (const std::string& argument : arguments) {
        if (argument.size() < 2 || argument[0] != '-') {
            return util::Error{"Command line contains unexpected token '" + argument +
                               "', see utxod -help for a list of options."};
        }
        std::string_view body(argument);
        body.remove_prefix(body.size() > 2 && body[1] == '-' ? 2 : 1); // --name is -name
        std::optional<std::string> value;
        if (const size_t eq = body.find('='); eq != std::string_view::npos) {
            value = std::string(body.substr(eq + 1));
            body = body.substr(0, eq);
        }
        // Sections ("regtest.port") belong in config files only.
        if (body.find('.') != std::string_view::npos || body.empty()) return util::Error{"Invalid parameter " + argument};
        auto interpreted = Interpret(body, value, "Invalid parameter -");
        if (!interpreted) return util::Error{interpreted.error()};
        m_command_line[interpreted->first].push_back(interpreted->second);
    }
    return {};
}

util::Result<void> Args::ReadConfig(std::string_view text, std::string_view file_name, IncludeReader include,
                                    void* include_context)
{
    return ReadConfigText(text, file_name, include, include_context, /*included=*/false);
}

util::Result<void> Args::ReadConfigText(std::string_view text, std::string_view file_name, IncludeReader include,
                                        void* include_context, bool included)
{
    std::string section;
    std::vector<std::string> includes;
    size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        const size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        const std::string where = std::string(file_name) + ":" + std::to_string(line_number) + ": ";
        bool used_hash = false;
        if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
            line = line.substr(0, hash);
            used_hash = true;
        }
        line = Trim(line);
        if (line.empty()) continue;
        if (line.front() == '[' && line.back() == ']') {
            section = std::string(line.substr(1, line.size() - 2));
            if (!NETWORK_SECTIONS.contains(section)) {
                return util::Error{where + "unknown section [" + section + "] (main, test, testnet4, signet, regtest)"};
            }
            continue;
        }
        if (line.front() == '-') {
            return util::Error{where + std::string(line) +
                               ": options in a configuration file are written without the leading hyphen"};
        }
        const size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            std::string message = where + "parse error: " + std::string(line);
            if (line.rfind("no", 0) == 0) message += " (to negate an option, write " + std::string(line) + "=1)";
            return util::Error{message};
        }
        std::string key(Trim(line.substr(0, eq)));
        const std::string value(Trim(line.substr(eq + 1)));
        std::string key_section = section;
        if (const size_t dot = key.find('.'); dot != std::string::npos) {
            key_section = key.substr(0, dot);
            key.erase(0, dot + 1);
            if (!NETWORK_SECTIONS.contains(key_section)) {
                return util::Error{where + "unknown section '" + key_section + "' in " + std::string(line)};
            }
        }
        if (used_hash && key.find("rpcpassword") != std::string::npos) {
            return util::Error{where + "using # in rpcpassword can be ambiguous and should be avoided"};
        }
        if (key == "includeconf") {
            if (included) return util::Error{where + "includeconf is not allowed in an included file"};
            if (!key_section.empty()) return util::Error{where + "includeconf must be at the top level of the file"};
            includes.push_back(value);
            continue;
        }
        if (m_unknown_keys == UnknownKeys::Ignore && !Find(key) &&
            !(key.rfind("no", 0) == 0 && Find(std::string_view(key).substr(2)))) {
            m_warnings.push_back(where + "ignoring unknown configuration value " + key);
            continue;
        }
        auto interpreted = Interpret(key, value, where + "invalid configuration value ");
        if (!interpreted) return util::Error{interpreted.error()};
        const ArgSpec* spec = Find(interpreted->first);
        if (spec->flags & ARG_COMMAND_LINE_ONLY) {
            return util::Error{where + "-" + spec->name + " can only be given on the command line"};
        }
        m_config_sections[key_section][interpreted->first].push_back(interpreted->second);
    }
    for (const std::string& path : includes) {
        if (!include) return util::Error{std::string(file_name) + ": includeconf=" + path + " cannot be read here"};
        auto included_text = include(path, include_context);
        if (!included_text) return util::Error{"includeconf=" + path + ": " + included_text.error()};
        // Included files may not include further files.
        if (auto r = ReadConfigText(*included_text, path, nullptr, nullptr, /*included=*/true); !r) return r;
    }
    return {};
}

util::Result<std::string> Args::ChainName() const
{
    std::vector<std::string> chosen;
    // Only the command line and the file's top level can choose the network.
    const auto lookup = [&](std::string_view name) -> const std::vector<Value>* {
        if (auto it = m_command_line.find(name); it != m_command_line.end()) return &it->second;
        if (auto s = m_config_sections.find(""); s != m_config_sections.end()) {
            if (auto it = s->second.find(name); it != s->second.end()) return &it->second;
        }
        return nullptr;
    };
    for (std::string_view shorthand : {"regtest", "signet", "testnet", "testnet4"}) {
        if (const auto* values = lookup(shorthand); values && InterpretBool(values->back().text)) {
            chosen.push_back(shorthand == "testnet" ? "test" : std::string(shorthand));
        }
    }
    if (const auto* values = lookup("chain")) chosen.push_back(values->back().text);
    if (chosen.size() > 1) {
        return util::Error{"Invalid combination of -regtest, -signet, -testnet, -testnet4 and -chain. Can use at most one."};
    }
    if (chosen.empty()) return std::string("main");
    if (!NETWORK_SECTIONS.contains(chosen[0])) return util::Error{"Unknown chain " + chosen[0] + "."};
    return chosen[0];
}

void Args::SelectNetwork(std::string network)
{
    m_network = std::move(network);
    // Network-only options at a file's top level do not apply off main: say so.
    auto top = m_config_sections.find("");
    if (m_network == "main" || top == m_config_sections.end()) return;
    for (const auto& [name, values] : top->second) {
        const ArgSpec* spec = Find(name);
        if (spec && (spec->flags & ARG_NETWORK_ONLY) && !m_command_line.contains(name)) {
            m_warnings.push_back("Config setting for -" + name + " only applied on main network when in [main] section; "
                                 "put it in a [" + m_network + "] section to use it on " + m_network + ".");
        }
    }
}

const std::vector<Args::Value>* Args::Lookup(std::string_view name, bool* from_config) const
{
    if (from_config) *from_config = false;
    if (auto it = m_command_line.find(name); it != m_command_line.end()) return &it->second;
    if (from_config) *from_config = true;
    if (auto s = m_config_sections.find(m_network); s != m_config_sections.end()) {
        if (auto it = s->second.find(name); it != s->second.end()) return &it->second;
    }
    const ArgSpec* spec = Find(name);
    const bool top_level_applies = m_network == "main" || !spec || !(spec->flags & ARG_NETWORK_ONLY);
    if (auto s = m_config_sections.find(""); top_level_applies && s != m_config_sections.end()) {
        if (auto it = s->second.find(name); it != s->second.end()) return &it->second;
    }
    return nullptr;
}

const Args::Value* Args::Effective(std::string_view name) const
{
    bool from_config = false;
    const auto* values = Lookup(name, &from_config);
    if (!values || values->empty()) return nullptr;
    if (!from_config) return &values->back();
    // A config file is "first value wins" in bitcoind (kept there for
    // backwards compatibility; `port=1` then `port=2` binds port 1), counting
    // from just after the last negation, which itself wins when nothing follows.
    auto after_negation = values->begin();
    for (auto it = values->begin(); it != values->end(); ++it) {
        if (it->negated) after_negation = it + 1;
    }
    return after_negation != values->end() ? &*after_negation : &values->back();
}

bool Args::IsSet(std::string_view name) const { return Lookup(name) != nullptr; }

bool Args::IsNegated(std::string_view name) const
{
    const Value* value = Effective(name);
    return value && value->negated;
}

std::optional<std::string> Args::Get(std::string_view name) const
{
    const Value* value = Effective(name);
    if (!value) return std::nullopt;
    return value->text;
}

std::string Args::Get(std::string_view name, std::string_view fallback) const
{
    return Get(name).value_or(std::string(fallback));
}

std::vector<std::string> Args::GetAll(std::string_view name) const
{
    // Lists gather every source, as bitcoind's do (-rpcauth on the command
    // line and in the file both count). A negation drops what came before it
    // in its source and every lower-precedence source.
    std::vector<const std::vector<Value>*> sources;
    if (auto it = m_command_line.find(name); it != m_command_line.end()) sources.push_back(&it->second);
    if (auto s = m_config_sections.find(m_network); s != m_config_sections.end()) {
        if (auto it = s->second.find(name); it != s->second.end()) sources.push_back(&it->second);
    }
    const ArgSpec* spec = Find(name);
    const bool top_level_applies = m_network == "main" || !spec || !(spec->flags & ARG_NETWORK_ONLY);
    if (auto s = m_config_sections.find(""); top_level_applies && s != m_config_sections.end()) {
        if (auto it = s->second.find(name); it != s->second.end()) sources.push_back(&it->second);
    }
    std::vector<std::string> out;
    for (const auto* values : sources) {
        bool negated = false;
        std::vector<std::string> from_source;
        for (const Value& v : *values) {
            if (v.negated) {
                from_source.clear();
                negated = true;
            } else {
                from_source.push_back(v.text);
            }
        }
        out.insert(out.end(), from_source.begin(), from_source.end());
        if (negated) break;
    }
    return out;
}

bool Args::GetBool(std::string_view name, bool fallback) const
{
    const auto value = Get(name);
    return value ? InterpretBool(*value) : fallback;
}

util::Result<int64_t> Args::GetInt(std::string_view name, int64_t fallback) const
{
    const auto value = Get(name);
    if (!value) return fallback;
    int64_t n = 0;
    const char* begin = value->data();
    const char* end = value->data() + value->size();
    if (begin != end && *begin == '+') ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, n);
    if (ec != std::errc() || ptr != end || begin == end) {
        return util::Error{"Invalid value for -" + std::string(name) + ": '" + *value + "' is not an integer"};
    }
    return n;
}

namespace {

// Wraps `text` at word boundaries so no line passes `width` columns, each line
// prefixed by `indent` spaces; explicit newlines are kept.
std::string WrapText(std::string_view text, size_t indent, size_t width)
{
    std::string out;
    const std::string pad(indent, ' ');
    while (true) {
        const size_t newline = text.find('\n');
        std::string_view paragraph = text.substr(0, newline);
        do {
            size_t take = paragraph.size();
            if (indent + take > width) {
                const size_t space = paragraph.rfind(' ', width - indent);
                take = (space == std::string_view::npos || space == 0) ? width - indent : space;
            }
            out += pad;
            out += paragraph.substr(0, take);
            out += '\n';
            paragraph.remove_prefix(take);
            while (!paragraph.empty() && paragraph.front() == ' ') paragraph.remove_prefix(1);
        } while (!paragraph.empty());
        if (newline == std::string_view::npos) break;
        text.remove_prefix(newline + 1);
    }
    return out;
}

} // namespace

std::string Args::HelpText() const
{
    std::string out;
    for (const std::string& category : m_category_order) {
        const bool shown = std::any_of(m_specs.begin(), m_specs.end(), [&](const auto& entry) {
            return entry.second.category == category && !(entry.second.flags & ARG_HIDDEN);
        });
        if (!shown) continue;
        out += category + ":\n\n";
        for (const auto& [name, spec] : m_specs) {
            if (spec.category != category || (spec.flags & ARG_HIDDEN)) continue;
            out += "  -" + name + spec.value_hint + "\n";
            out += WrapText(spec.help, 7, 79) + "\n";
        }
    }
    return out;
}

} // namespace util
