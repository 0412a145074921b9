#include <node/version.h>

#include <string_view>

namespace node {

std::string VersionString() { return PACKAGE_VERSION; }

std::string UserAgent(const std::vector<std::string>& comments)
{
    std::string agent = "/utxod:" + VersionString();
    if (!comments.empty()) {
        agent += '(';
        for (size_t i = 0; i < comments.size(); ++i) agent += (i ? "; " : "") + comments[i];
        agent += ')';
    }
    return agent + "/";
}

bool IsSafeUserAgentComment(const std::string& comment)
{
    constexpr std::string_view SAFE_PUNCTUATION = " .,;-_/:?@()";
    for (char c : comment) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && SAFE_PUNCTUATION.find(c) == std::string_view::npos) return false;
    }
    return true;
}

} // namespace node
