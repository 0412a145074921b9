// Strong randomness from the operating system, for secrets (the RPC cookie,
// salts).
//
// The one function in crypto/ that talks to the OS: it reads the kernel's
// CSPRNG with getrandom(2), which blocks only until the pool is first
// initialised at boot. Thread-safe, keeps no state. It never returns weak
// bytes: if the kernel refuses, the process aborts, because every caller
// would be handing out guessable secrets.
#ifndef UTXO_CRYPTO_RANDOM_H
#define UTXO_CRYPTO_RANDOM_H

#include <cstdint>
#include <span>

namespace crypto {

// Fills `out` with bytes from getrandom(2). Aborts the process on failure.
void GetStrongRandomBytes(std::span<uint8_t> out);
// Eight such bytes as a number (nonces, salts).
uint64_t GetStrongRandomU64();

} // namespace crypto

#endif // UTXO_CRYPTO_RANDOM_H
