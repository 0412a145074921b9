// Small helpers shared by the script unit tests.
#ifndef UTXO_TEST_UNIT_SCRIPT_TEST_UTIL_H
#define UTXO_TEST_UNIT_SCRIPT_TEST_UTIL_H

#include <util/byte_span.h>
#include <util/hex.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace test {

// Bytes of a hex literal; throws on malformed hex so a typo fails loudly.
inline util::Bytes Hex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    if (!bytes) throw std::invalid_argument("bad hex in test: " + std::string(hex));
    return *bytes;
}

// secp256k1 generator G and 2G, compressed and uncompressed (public facts).
inline constexpr std::string_view KEY_G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
inline constexpr std::string_view KEY_2G = "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5";
inline constexpr std::string_view KEY_G_UNCOMPRESSED =
    "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
    "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

} // namespace test

#endif // UTXO_TEST_UNIT_SCRIPT_TEST_UTIL_H
