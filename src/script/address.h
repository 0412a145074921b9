// Destinations: what an output script pays to, and its address string.
//
// Mirrors Bitcoin Core v29's CTxDestination, ExtractDestination,
// GetScriptForDestination, EncodeDestination and DecodeDestination
// (including its error messages), with the network passed in as
// AddressParams instead of read from global chain parameters.
//
// Contract: pure functions and plain value types; no state.
#ifndef UTXO_SCRIPT_ADDRESS_H
#define UTXO_SCRIPT_ADDRESS_H

#include <script/address_params.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace script {

// No address. Keeps the script it was extracted from (possibly empty), which
// GetScriptForDestination gives back, as Core's CNoDestination does.
struct NoDestination {
    util::Bytes script;
    friend bool operator==(const NoDestination&, const NoDestination&) = default;
};

// A bare public key (P2PK). It has no address: EncodeDestination gives "".
struct PubKeyDestination {
    util::Bytes pubkey;
    friend bool operator==(const PubKeyDestination&, const PubKeyDestination&) = default;
};

struct PKHash {
    std::array<uint8_t, 20> hash;
    friend bool operator==(const PKHash&, const PKHash&) = default;
};

struct ScriptHash {
    std::array<uint8_t, 20> hash;
    friend bool operator==(const ScriptHash&, const ScriptHash&) = default;
};

struct WitnessV0KeyHash {
    std::array<uint8_t, 20> hash;
    friend bool operator==(const WitnessV0KeyHash&, const WitnessV0KeyHash&) = default;
};

struct WitnessV0ScriptHash {
    std::array<uint8_t, 32> hash;
    friend bool operator==(const WitnessV0ScriptHash&, const WitnessV0ScriptHash&) = default;
};

struct WitnessV1Taproot {
    std::array<uint8_t, 32> output_key; // x-only (BIP341)
    friend bool operator==(const WitnessV1Taproot&, const WitnessV1Taproot&) = default;
};

// OP_1 <0x4e73>; its address is the v1 witness program 4e73 ("bc1pfeessrawgf").
struct PayToAnchor {
    friend bool operator==(const PayToAnchor&, const PayToAnchor&) = default;
};

// A witness program of another version or length (version 1..16, program 2..40 bytes).
struct WitnessUnknown {
    int version;
    util::Bytes program;
    friend bool operator==(const WitnessUnknown&, const WitnessUnknown&) = default;
};

using Destination = std::variant<NoDestination, PubKeyDestination, PKHash, ScriptHash, WitnessV0KeyHash,
                                 WitnessV0ScriptHash, WitnessV1Taproot, PayToAnchor, WitnessUnknown>;

// True for destinations that have an address (not NoDestination or PubKeyDestination).
bool IsValidDestination(const Destination& dest);

// Sets `dest` from the output script and returns true when it pays to an
// address (P2PKH, P2SH, P2WPKH, P2WSH, P2TR, anchor, other witness programs).
// As in Core v29, P2PK sets a PubKeyDestination but returns false, and
// multisig, null data and non-standard scripts set a NoDestination holding
// the script and return false.
bool ExtractDestination(util::ByteSpan script, Destination& dest);

// The output script paying to `dest` (for NoDestination, the script it holds).
util::Bytes GetScriptForDestination(const Destination& dest);

// The address string: Base58Check for PKHash/ScriptHash, bech32 for witness
// v0, bech32m for v1+ (BIP350). "" for NoDestination, PubKeyDestination and a
// WitnessUnknown outside version 1..16 or program size 2..40.
std::string EncodeDestination(const Destination& dest, const AddressParams& params);

// Parses an address for the network `params`. Errors are Bitcoin Core's
// messages, e.g. "Invalid or unsupported Segwit (Bech32) or Base58 encoding.",
// "Invalid Bech32 v0 address program size (21 bytes), per BIP141" or, for a
// string that looks like bech32 but does not decode, the LocateBech32Errors
// message ("Invalid Bech32 checksum", ...).
util::Result<Destination> DecodeDestination(std::string_view address, const AddressParams& params);

} // namespace script

#endif // UTXO_SCRIPT_ADDRESS_H
