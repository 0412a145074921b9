// Signature-operation counting: the cost limit blocks are held to
// (MAX_BLOCK_SIGOPS_COST), counted as Bitcoin Core counts it.
#ifndef UTXO_SCRIPT_SIGOPS_H
#define UTXO_SCRIPT_SIGOPS_H

#include <util/byte_span.h>

namespace script {

// CHECKSIG(VERIFY) counts 1; CHECKMULTISIG(VERIFY) counts 20
// (MAX_PUBKEYS_PER_MULTISIG), or with
// `accurate` the key count when OP_1..OP_16 comes right before it. Counting
// stops at a push that runs past the end of the script.
unsigned CountSigOps(util::ByteSpan script, bool accurate);

} // namespace script

#endif // UTXO_SCRIPT_SIGOPS_H
