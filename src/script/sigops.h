// Signature-operation counting: the cost limit blocks are held to
// (MAX_BLOCK_SIGOPS_COST), counted as Bitcoin Core counts it.
#ifndef UTXO_SCRIPT_SIGOPS_H
#define UTXO_SCRIPT_SIGOPS_H

#include <primitives/transaction.h>
#include <util/byte_span.h>

#include <cstdint>

namespace script {

// CHECKSIG(VERIFY) counts 1; CHECKMULTISIG(VERIFY) counts 20
// (MAX_PUBKEYS_PER_MULTISIG), or with
// `accurate` the key count when OP_1..OP_16 comes right before it. Counting
// stops at a push that runs past the end of the script.
unsigned CountSigOps(util::ByteSpan script, bool accurate);

// BIP16: for a P2SH output, the accurate count of the redeem script (the
// last push of a push-only scriptSig; 0 when the scriptSig is not push-only);
// for any other output, its own accurate count.
unsigned CountP2SHSigOps(util::ByteSpan script_sig, util::ByteSpan script_pubkey);

// BIP141: sigops of a witness spend, counted at cost 1 (not scaled): 1 for
// P2WPKH, the witness script's accurate count for P2WSH, 0 for other
// versions; also through P2SH-wrapped programs. 0 without WITNESS in `flags`.
unsigned CountWitnessSigOps(util::ByteSpan script_sig, util::ByteSpan script_pubkey,
                            const primitives::ScriptWitness& witness, uint32_t flags);

} // namespace script

#endif // UTXO_SCRIPT_SIGOPS_H
