// Parser for the script notation of Bitcoin Core's test vectors
// (script_tests.json, tx_valid.json, tx_invalid.json): whitespace-separated
// tokens, each a decimal number (pushed as a script number; -1 and 1..16 as
// OP_N), 0x-prefixed hex (inserted as raw bytes), a 'quoted string' (pushed),
// or an opcode name with or without its OP_ prefix.
#ifndef UTXO_TEST_UNIT_SCRIPT_SCRIPT_NOTATION_H
#define UTXO_TEST_UNIT_SCRIPT_SCRIPT_NOTATION_H

#include <script/opcodes.h>
#include <script/script_num.h>
#include <script/script_ops.h>
#include <util/hex.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <string>

namespace test {

inline const std::map<std::string, uint8_t>& OpcodesByName()
{
    static const std::map<std::string, uint8_t> names = [] {
        std::map<std::string, uint8_t> m;
        for (int op = 0; op <= 0xff; ++op) {
            // Small pushes and numbers are written as numbers in the notation.
            if (op < script::OP_NOP && op != script::OP_RESERVED) continue;
            const std::string name(script::OpcodeName(static_cast<script::Opcode>(op)));
            if (name == "OP_UNKNOWN") continue;
            m[name] = static_cast<uint8_t>(op);
            if (name.rfind("OP_", 0) == 0) m[name.substr(3)] = static_cast<uint8_t>(op);
        }
        return m;
    }();
    return names;
}

inline util::Bytes ParseScriptNotation(const std::string& text)
{
    util::Bytes script;
    size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
        if (pos >= text.size()) break;
        size_t end = pos;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
        const std::string w = text.substr(pos, end - pos);
        pos = end;
        const bool digits = std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        const bool negative = w.size() > 1 && w[0] == '-' &&
                              std::all_of(w.begin() + 1, w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (digits || negative) {
            const int64_t n = std::stoll(w);
            if (n > 0xffffffffLL || n < -0xffffffffLL) throw std::runtime_error("number out of range: " + w);
            if (n == -1 || (n >= 1 && n <= 16)) {
                script.push_back(static_cast<uint8_t>(n == -1 ? int{script::OP_1NEGATE} : int{script::OP_1} + static_cast<int>(n) - 1));
            } else if (n == 0) {
                script.push_back(script::OP_0);
            } else {
                script::AppendPush(script, script::ScriptNum::Serialize(n));
            }
        } else if (w.size() > 2 && w.rfind("0x", 0) == 0) {
            auto raw = util::TryParseHex(w.substr(2));
            if (!raw) throw std::runtime_error("bad hex in script: " + w);
            script.insert(script.end(), raw->begin(), raw->end());
        } else if (w.size() >= 2 && w.front() == '\'' && w.back() == '\'') {
            const std::string s = w.substr(1, w.size() - 2);
            script::AppendPush(script, util::ByteSpan(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
        } else if (auto it = OpcodesByName().find(w); it != OpcodesByName().end()) {
            script.push_back(it->second);
        } else {
            throw std::runtime_error("script parse error: '" + w + "'");
        }
    }
    return script;
}

} // namespace test

#endif // UTXO_TEST_UNIT_SCRIPT_SCRIPT_NOTATION_H
