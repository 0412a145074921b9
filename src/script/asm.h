// The human-readable "asm" form of a script, as Bitcoin Core's
// ScriptToAsmStr prints it in decodescript and decoderawtransaction.
//
// Contract: pure function of the bytes; never fails (a malformed script
// prints what parsed, then "[error]").
#ifndef UTXO_SCRIPT_ASM_H
#define UTXO_SCRIPT_ASM_H

#include <util/byte_span.h>

#include <string>

namespace script {

// Operations separated by single spaces:
// - a push of at most 4 bytes prints as its number (read as a ScriptNum
//   without the minimality rule, so 0x0100 prints "1"; an empty push "0");
// - a longer push prints as lower-case hex; when `attempt_sighash_decode` is
//   set and the script is not unspendable (so OP_RETURN data is left alone),
//   a push that is a strict-DER signature with a defined hash type prints as
//   the hex without its last byte followed by "[ALL]", "[NONE]", "[SINGLE]",
//   "[ALL|ANYONECANPAY]", "[NONE|ANYONECANPAY]" or "[SINGLE|ANYONECANPAY]";
// - any other opcode prints its OpcodeName;
// - an operation that does not parse (truncated push) prints "[error]" and
//   ends the output.
std::string ScriptToAsm(util::ByteSpan script, bool attempt_sighash_decode);

} // namespace script

#endif // UTXO_SCRIPT_ASM_H
