// Signature hash types and the strict DER encoding rules for ECDSA signatures
// as they appear on the stack (DER signature followed by one hash-type byte).
//
// Contract: pure functions over the caller's bytes; no state. They only look
// at the encoding; whether the signature verifies is crypto/'s business.
#ifndef UTXO_SCRIPT_SIGNATURE_ENCODING_H
#define UTXO_SCRIPT_SIGNATURE_ENCODING_H

#include <util/byte_span.h>

#include <cstdint>

namespace script {

// Signature hash types (the last byte of a signature on the stack).
inline constexpr uint8_t SIGHASH_DEFAULT = 0x00; // taproot only (BIP341): same as ALL, byte omitted
inline constexpr uint8_t SIGHASH_ALL = 0x01;
inline constexpr uint8_t SIGHASH_NONE = 0x02;
inline constexpr uint8_t SIGHASH_SINGLE = 0x03;
inline constexpr uint8_t SIGHASH_ANYONECANPAY = 0x80;
inline constexpr uint8_t SIGHASH_OUTPUT_MASK = 0x03;
inline constexpr uint8_t SIGHASH_INPUT_MASK = 0x80;

// BIP66 strict DER: `sig` is 0x30 <total len> 0x02 <R len> <R> 0x02 <S len>
// <S> <hashtype>, 9 to 73 bytes in all, both lengths consistent, R and S
// non-empty, not negative and without unnecessary leading zero bytes. The
// hash-type byte itself is not examined. An empty `sig` is not valid here
// (callers that allow the empty signature check for it first, as Core does).
bool IsValidSignatureEncoding(util::ByteSpan sig);

// True when `sig` is non-empty and its last byte, ANYONECANPAY aside, is
// SIGHASH_ALL, SIGHASH_NONE or SIGHASH_SINGLE (the STRICTENC hash-type rule).
bool IsDefinedHashtypeSignature(util::ByteSpan sig);

} // namespace script

#endif // UTXO_SCRIPT_SIGNATURE_ENCODING_H
