// The compact encoding of transaction outputs in the UTXO database, as
// Bitcoin Core stores them in chainstate/ (so the formats can be compared):
// amounts folded by their trailing zeros, and the common script templates
// (P2PKH, P2SH, P2PK) reduced to a type byte and their hash or key.
#ifndef UTXO_PRIMITIVES_COMPRESSOR_H
#define UTXO_PRIMITIVES_COMPRESSOR_H

#include <primitives/transaction.h>
#include <util/byte_span.h>
#include <util/serialize.h>

#include <cstdint>
#include <optional>

namespace primitives {

// Bitcoin Core's CompressAmount / DecompressAmount: a bijection on uint64
// that maps round amounts (1 BTC, 0.1 BTC...) to small numbers.
uint64_t CompressAmount(uint64_t amount);
uint64_t DecompressAmount(uint64_t compressed);

// The compressed form of a standard script: type 0 + 20-byte key hash
// (P2PKH), 1 + 20-byte script hash (P2SH), 2/3 + x (P2PK, compressed key),
// 4/5 + x (P2PK, uncompressed key on the curve, 4 | parity of y). nullopt for
// any other script.
std::optional<util::Bytes> CompressScript(util::ByteSpan script);
// The script back from its type (0..5) and payload (20 or 32 bytes); nullopt
// when a type-4/5 x is not on the curve.
std::optional<util::Bytes> DecompressScript(unsigned type, util::ByteSpan payload);

// Types 0..5 are templates; a larger first VarInt is a raw script's size + 6.
inline constexpr unsigned SPECIAL_SCRIPT_TYPES = 6;

// VarInt(compressed amount), then the script: compressed, or VarInt(size + 6)
// and its bytes.
void WriteCompressedTxOut(util::ByteWriter& w, const TxOut& out);
// Reads what WriteCompressedTxOut wrote. A raw script longer than 10,000
// bytes becomes a lone OP_RETURN (unspendable either way), as in Core.
// nullopt on malformed data.
std::optional<TxOut> ReadCompressedTxOut(util::SpanReader& r);

} // namespace primitives

#endif // UTXO_PRIMITIVES_COMPRESSOR_H
