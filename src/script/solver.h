// Recognising the standard output script templates (Bitcoin Core's Solver).
//
// Contract: pure functions; `Solver` replaces the contents of `solutions`.
// The classification is exactly Bitcoin Core v29's, including its quirks
// (a P2PK key is only checked for a plausible size and header byte, not for
// being on the curve; hybrid keys count).
#ifndef UTXO_SCRIPT_SOLVER_H
#define UTXO_SCRIPT_SOLVER_H

#include <util/byte_span.h>

#include <string_view>
#include <vector>

namespace script {

enum class TxoutType {
    NONSTANDARD,
    PUBKEY,
    PUBKEYHASH,
    SCRIPTHASH,
    MULTISIG,
    NULL_DATA,             // OP_RETURN followed by pushes only
    ANCHOR,                // OP_1 <0x4e73>
    WITNESS_V0_SCRIPTHASH,
    WITNESS_V0_KEYHASH,
    WITNESS_V1_TAPROOT,
    WITNESS_UNKNOWN,       // a witness program of an unknown version
};

// The RPC name of the type ("pubkeyhash", "witness_v0_keyhash", ...).
std::string_view TxoutTypeName(TxoutType type);

// The length a public key must have given its first byte: 33 for 0x02/0x03,
// 65 for 0x04/0x06/0x07 (uncompressed and hybrid), 0 otherwise.
size_t PubKeyLengthForHeader(uint8_t header);
// True when `key` is non-empty and its length matches its header byte
// (CPubKey::ValidSize). Says nothing about the point being on the curve.
bool IsValidPubKeySize(util::ByteSpan key);

// Classifies `script` and fills `solutions` as Core does:
// PUBKEY: {key}; PUBKEYHASH: {20-byte hash}; SCRIPTHASH: {20-byte hash};
// MULTISIG: {{m}, key_1, ..., key_n, {n}}; WITNESS_V0_KEYHASH,
// WITNESS_V0_SCRIPTHASH, WITNESS_V1_TAPROOT: {program};
// WITNESS_UNKNOWN: {{version}, program}; NULL_DATA, ANCHOR, NONSTANDARD: {}.
TxoutType Solver(util::ByteSpan script, std::vector<util::Bytes>& solutions);

} // namespace script

#endif // UTXO_SCRIPT_SOLVER_H
