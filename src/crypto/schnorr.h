// BIP340 Schnorr signature verification and the BIP341 key tweak, as taproot
// (segwit v1) scripts use them; agrees with Bitcoin Core's
// XOnlyPubKey::VerifySchnorr, CheckTapTweak and CreateTapTweak.
//
// Keys are x-only (BIP340: 32 bytes, the X coordinate of the point with even
// Y). Computing the tweak itself (the TapTweak tagged hash of the internal key
// and merkle root, BIP341) is the caller's job: crypto::TaggedHash.
//
// Pure, thread-safe and allocation-free; any input is safe (false or nullopt,
// never a crash or an abort).
#ifndef UTXO_CRYPTO_SCHNORR_H
#define UTXO_CRYPTO_SCHNORR_H

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace crypto {

// BIP340 verification of the 64-byte `signature` of the 32-byte `message`
// under `xonly_pubkey`. False when the key is not an X coordinate on the curve
// or the signature is invalid (including R not below p, s not below n).
[[nodiscard]] bool VerifySchnorr(std::span<const uint8_t, 32> xonly_pubkey, std::span<const uint8_t, 64> signature,
                                 std::span<const uint8_t, 32> message);

// BIP341 taproot commitment check: true when `output_key` is the X coordinate
// of Q = P + tweak*G, where P is `internal_key` lifted to even Y, and
// `output_parity` is Q's Y parity (false even, true odd; the low bit of the
// control block's first byte). False when `internal_key` does not parse, the
// tweak is not below the curve order, or Q is the point at infinity.
[[nodiscard]] bool CheckTapTweak(std::span<const uint8_t, 32> internal_key, std::span<const uint8_t, 32> tweak,
                                 std::span<const uint8_t, 32> output_key, bool output_parity);

// Q = P + tweak*G as above, for tests and tools that build taproot outputs.
struct TweakedXOnly {
    std::array<uint8_t, 32> key; // Q's X coordinate: the witness program
    bool parity;                 // Q's Y is odd
};
// nullopt when `internal_key` does not parse, the tweak is not below the curve
// order, or Q is the point at infinity.
[[nodiscard]] std::optional<TweakedXOnly> TweakXOnlyPubKey(std::span<const uint8_t, 32> internal_key,
                                                           std::span<const uint8_t, 32> tweak);

} // namespace crypto

#endif // UTXO_CRYPTO_SCHNORR_H
