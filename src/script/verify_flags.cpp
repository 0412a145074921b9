#include <script/verify_flags.h>

#include <array>
#include <utility>

namespace script {
namespace {

constexpr std::array<std::pair<VerifyFlag, std::string_view>, 21> FLAG_NAMES{{
    {SCRIPT_VERIFY_P2SH, "P2SH"},
    {SCRIPT_VERIFY_STRICTENC, "STRICTENC"},
    {SCRIPT_VERIFY_DERSIG, "DERSIG"},
    {SCRIPT_VERIFY_LOW_S, "LOW_S"},
    {SCRIPT_VERIFY_NULLDUMMY, "NULLDUMMY"},
    {SCRIPT_VERIFY_SIGPUSHONLY, "SIGPUSHONLY"},
    {SCRIPT_VERIFY_MINIMALDATA, "MINIMALDATA"},
    {SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS, "DISCOURAGE_UPGRADABLE_NOPS"},
    {SCRIPT_VERIFY_CLEANSTACK, "CLEANSTACK"},
    {SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY, "CHECKLOCKTIMEVERIFY"},
    {SCRIPT_VERIFY_CHECKSEQUENCEVERIFY, "CHECKSEQUENCEVERIFY"},
    {SCRIPT_VERIFY_WITNESS, "WITNESS"},
    {SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM, "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM"},
    {SCRIPT_VERIFY_MINIMALIF, "MINIMALIF"},
    {SCRIPT_VERIFY_NULLFAIL, "NULLFAIL"},
    {SCRIPT_VERIFY_WITNESS_PUBKEYTYPE, "WITNESS_PUBKEYTYPE"},
    {SCRIPT_VERIFY_CONST_SCRIPTCODE, "CONST_SCRIPTCODE"},
    {SCRIPT_VERIFY_TAPROOT, "TAPROOT"},
    {SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION, "DISCOURAGE_UPGRADABLE_TAPROOT_VERSION"},
    {SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS, "DISCOURAGE_OP_SUCCESS"},
    {SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE, "DISCOURAGE_UPGRADABLE_PUBKEYTYPE"},
}};

} // namespace

std::string_view VerifyFlagName(VerifyFlag flag)
{
    for (const auto& [f, name] : FLAG_NAMES) {
        if (f == flag) return name;
    }
    return "";
}

std::optional<uint32_t> ParseVerifyFlags(std::string_view text)
{
    uint32_t flags = 0;
    if (text.empty() || text == "NONE") return flags;
    while (true) {
        const size_t comma = text.find(',');
        const std::string_view word = text.substr(0, comma);
        bool found = false;
        for (const auto& [f, name] : FLAG_NAMES) {
            if (name == word) {
                flags |= f;
                found = true;
            }
        }
        if (!found) return std::nullopt;
        if (comma == std::string_view::npos) return flags;
        text.remove_prefix(comma + 1);
    }
}

std::string FormatVerifyFlags(uint32_t flags)
{
    std::string out;
    for (const auto& [f, name] : FLAG_NAMES) {
        if (!(flags & f)) continue;
        if (!out.empty()) out += ',';
        out += name;
    }
    return out;
}

} // namespace script
