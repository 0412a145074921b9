// Script verification flags: which rules a script is checked under. The bit
// values are Bitcoin Core's, so flag words pass unchanged through
// libutxoconsensus and match the names in script_tests.json.
#ifndef UTXO_SCRIPT_VERIFY_FLAGS_H
#define UTXO_SCRIPT_VERIFY_FLAGS_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace script {

enum VerifyFlag : uint32_t {
    SCRIPT_VERIFY_NONE = 0,
    SCRIPT_VERIFY_P2SH = 1U << 0,                   // BIP16
    SCRIPT_VERIFY_STRICTENC = 1U << 1,              // defined hash types, valid pubkey encodings
    SCRIPT_VERIFY_DERSIG = 1U << 2,                 // BIP66 strict DER
    SCRIPT_VERIFY_LOW_S = 1U << 3,                  // BIP146
    SCRIPT_VERIFY_NULLDUMMY = 1U << 4,              // BIP147
    SCRIPT_VERIFY_SIGPUSHONLY = 1U << 5,
    SCRIPT_VERIFY_MINIMALDATA = 1U << 6,
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS = 1U << 7,
    SCRIPT_VERIFY_CLEANSTACK = 1U << 8,
    SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY = 1U << 9,    // BIP65
    SCRIPT_VERIFY_CHECKSEQUENCEVERIFY = 1U << 10,   // BIP112
    SCRIPT_VERIFY_WITNESS = 1U << 11,               // BIP141
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM = 1U << 12,
    SCRIPT_VERIFY_MINIMALIF = 1U << 13,
    SCRIPT_VERIFY_NULLFAIL = 1U << 14,              // BIP146
    SCRIPT_VERIFY_WITNESS_PUBKEYTYPE = 1U << 15,
    SCRIPT_VERIFY_CONST_SCRIPTCODE = 1U << 16,
    SCRIPT_VERIFY_TAPROOT = 1U << 17,               // BIP341/342
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION = 1U << 18,
    SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS = 1U << 19,
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE = 1U << 20,
    SCRIPT_VERIFY_END_MARKER = 1U << 21,
};

// Every defined flag; anything outside is rejected by the public API.
inline constexpr uint32_t ALL_VERIFY_FLAGS = SCRIPT_VERIFY_END_MARKER - 1;

// Name of one flag as in script_tests.json ("P2SH", "NULLDUMMY", ...).
std::string_view VerifyFlagName(VerifyFlag flag);
// Parses "P2SH,WITNESS" (empty string and "NONE" give 0); nullopt on an unknown name.
std::optional<uint32_t> ParseVerifyFlags(std::string_view text);
// Comma-separated names of the set bits.
std::string FormatVerifyFlags(uint32_t flags);

} // namespace script

#endif // UTXO_SCRIPT_VERIFY_FLAGS_H
