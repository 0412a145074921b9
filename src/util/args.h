// Command-line and configuration-file options in Bitcoin Core's syntax.
//
// Only the programs' composition layers (node/, the utxo-cli main) read
// configuration (ARCHITECTURE.md, habit 4): they parse the command line and
// utxod.conf with this class, then hand Options structs down.
//
// Syntax, as bitcoind: `-name=value`, `-name` (empty value, true for
// booleans), `-noname` (false), `--name` accepted for `-name`, options
// repeated for lists. The config file has `key=value` lines, `#` comments,
// `[main] [test] [testnet4] [signet] [regtest]` sections and `includeconf=`.
// Precedence: command line, then the file's section for the selected network,
// then the file's top level. Options marked NETWORK_ONLY (ports, -connect...)
// are taken from the top level only on main; elsewhere they are ignored there
// with a warning, as bitcoind does. Unknown options are errors, never ignored.
// A single-valued option repeated on the command line takes its last value;
// repeated in the config file, its first (bitcoind's long-standing rule).
#ifndef UTXO_UTIL_ARGS_H
#define UTXO_UTIL_ARGS_H

#include <util/result.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace util {

enum ArgFlags : uint32_t {
    ARG_NONE = 0,
    ARG_NETWORK_ONLY = 1U << 0,      // per-network: ignored at a config file's top level off main
    ARG_DISALLOW_NEGATION = 1U << 1, // -nofoo is an error
    ARG_COMMAND_LINE_ONLY = 1U << 2, // may not appear in a config file (-conf, -datadir...)
    ARG_HIDDEN = 1U << 3,            // accepted but left out of -help (another program's option in a shared file)
};

struct ArgSpec {
    std::string name; // without the leading '-'
    std::string value_hint; // "=<n>" shown after the name in help, or empty
    std::string help;
    std::string category;
    uint32_t flags{ARG_NONE};
};

class Args {
public:
    // `name` may carry a value hint for the help text: "dbcache=<n>".
    // Categories appear in help in the order they are first used.
    void AddArg(std::string name, std::string help, std::string category, uint32_t flags = ARG_NONE);

    // Parses argv[1..]. Errors: unknown option, negating a non-negatable one,
    // a token that is not an option.
    util::Result<void> ParseCommandLine(const std::vector<std::string>& arguments);

    // What a config file's unknown keys do: Reject (an error naming the key,
    // the default) or Ignore (skipped with a warning, as bitcoin-cli does for
    // the daemon's options in a shared bitcoin.conf).
    enum class UnknownKeys { Reject, Ignore };
    void SetUnknownConfigKeys(UnknownKeys policy) { m_unknown_keys = policy; }

    // Parses the text of a config file. `include` is called for each
    // includeconf= value of the top file (only there), and returns that
    // file's text or an error.
    using IncludeReader = util::Result<std::string> (*)(const std::string& path, void* context);
    util::Result<void> ReadConfig(std::string_view text, std::string_view file_name, IncludeReader include = nullptr,
                                  void* include_context = nullptr);

    // The network chosen by -chain or a shorthand (-regtest, -testnet, -testnet4,
    // -signet), from the command line or the file's top level: "main" by default.
    // Error when two are chosen.
    util::Result<std::string> ChainName() const;
    // Sets the network whose config section applies. Call after ChainName().
    void SelectNetwork(std::string network);

    bool IsSet(std::string_view name) const;
    // The effective value (last given on the command line, else the section,
    // else the top level); a negated option reads as "0".
    std::optional<std::string> Get(std::string_view name) const;
    std::string Get(std::string_view name, std::string_view fallback) const;
    // All values of a repeatable option: command line, then the network's
    // section, then the top level; a negation (-noconnect) drops the values
    // before it in its source and all lower-precedence sources.
    std::vector<std::string> GetAll(std::string_view name) const;
    bool GetBool(std::string_view name, bool fallback) const;
    // Error when set to something that is not an integer.
    util::Result<int64_t> GetInt(std::string_view name, int64_t fallback) const;
    // True when the option was given negated (-noname): lists are then empty.
    bool IsNegated(std::string_view name) const;

    const std::vector<std::string>& Warnings() const { return m_warnings; }
    // Help in bitcoind's layout: each category's title, then its options in
    // name order, help wrapped to 79 columns under a 7-space indent.
    std::string HelpText() const;

private:
    struct Value {
        std::string text;
        bool negated{false};
    };
    using Store = std::map<std::string, std::vector<Value>, std::less<>>;

    util::Result<void> ReadConfigText(std::string_view text, std::string_view file_name, IncludeReader include,
                                      void* include_context, bool included);
    const ArgSpec* Find(std::string_view name) const;
    // Splits "[-]no?name[=value]" into a stored value, checking the spec.
    util::Result<std::pair<std::string, Value>> Interpret(std::string_view key, const std::optional<std::string>& value,
                                                          std::string_view where) const;
    // The values of the highest-precedence source that has `name`;
    // *from_config tells whether that source is the config file.
    const std::vector<Value>* Lookup(std::string_view name, bool* from_config = nullptr) const;
    // The value single-valued getters use: the command line's last, or the
    // config file's first after its last negation (bitcoind's rule).
    const Value* Effective(std::string_view name) const;

    std::map<std::string, ArgSpec, std::less<>> m_specs;
    std::vector<std::string> m_category_order;
    Store m_command_line;
    std::map<std::string, Store, std::less<>> m_config_sections; // "" = top level
    std::string m_network{"main"};
    std::vector<std::string> m_warnings;
    UnknownKeys m_unknown_keys{UnknownKeys::Reject};
};

// Bitcoin Core's truthiness for option values: "" is true, otherwise the
// leading integer is non-zero.
bool InterpretBool(std::string_view value);

} // namespace util

#endif // UTXO_UTIL_ARGS_H
