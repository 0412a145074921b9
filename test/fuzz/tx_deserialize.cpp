// Fuzz target: transaction deserialization.
//
// The input is taken as one serialized transaction. Checked:
// - DecodeTransaction with and without the segwit serialization never crashes;
// - a decoded transaction re-encodes to exactly the input bytes, its cached
//   txid and wtxid are the double SHA-256 of its two serializations, and its
//   cached sizes and weight match them; building the same transaction from its
//   fields (the other way ids and sizes are computed) gives the same values;
// - the two readings agree wherever the input is not ambiguous (a transaction
//   with no inputs can also read as the segwit marker);
// - utxoconsensus_check_transaction reads the bytes as DecodeTransaction does
//   and gives consensus::CheckTransaction's verdict and reject reason;
// - json::DecodeHexTransaction on the hex of the input succeeds exactly when
//   one of the readings does, and returns one of them.
#include "fuzz.h"

#include <capi/utxoconsensus.h>
#include <json/decode_tx.h>
#include <consensus/tx_check.h>
#include <crypto/hash.h>
#include <primitives/transaction.h>
#include <util/hex.h>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace {

using primitives::Transaction;
using primitives::TxSerialization;

bool SameBytes(util::ByteSpan a, util::ByteSpan b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// Everything a decoded transaction claims about itself, against its input bytes.
void CheckDecoded(const Transaction& tx, util::ByteSpan input, TxSerialization mode)
{
    const util::Bytes with_witness = primitives::EncodeTransaction(tx, TxSerialization::WITH_WITNESS);
    const util::Bytes without_witness = primitives::EncodeTransaction(tx, TxSerialization::NO_WITNESS);
    FUZZ_CHECK(SameBytes(primitives::EncodeTransaction(tx, mode), input));
    FUZZ_CHECK(SameBytes(with_witness, input));
    if (mode == TxSerialization::NO_WITNESS) FUZZ_CHECK(!tx.HasWitness());
    FUZZ_CHECK(tx.HasWitness() == tx.fields().HasWitness());

    FUZZ_CHECK(SameBytes(tx.txid().span(), crypto::Hash256(without_witness)));
    FUZZ_CHECK(SameBytes(tx.wtxid().span(), crypto::Hash256(with_witness)));
    FUZZ_CHECK(tx.TotalSize() == input.size());
    FUZZ_CHECK(tx.StrippedSize() == without_witness.size());
    // Marker, flag and at least one witness count more than the stripped form.
    FUZZ_CHECK(tx.HasWitness() ? tx.TotalSize() >= tx.StrippedSize() + 3 : tx.TotalSize() == tx.StrippedSize());
    FUZZ_CHECK(tx.Weight() == tx.StrippedSize() * 3 + tx.TotalSize());
    FUZZ_CHECK(tx.VirtualSize() * 4 >= tx.Weight() && tx.VirtualSize() * 4 < tx.Weight() + 4);

    // The constructor computes ids and sizes by serializing; the reader hashed the buffer.
    const Transaction rebuilt(tx.fields());
    FUZZ_CHECK(rebuilt.txid() == tx.txid());
    FUZZ_CHECK(rebuilt.wtxid() == tx.wtxid());
    FUZZ_CHECK(rebuilt.TotalSize() == tx.TotalSize());
    FUZZ_CHECK(rebuilt.StrippedSize() == tx.StrippedSize());
    FUZZ_CHECK(rebuilt.HasWitness() == tx.HasWitness());
    FUZZ_CHECK(rebuilt.IsCoinBase() == tx.IsCoinBase());
}

// The C API reads with the segwit serialization and must reach the C++ verdict.
void CheckCapi(util::ByteSpan input, const util::Result<Transaction>& decoded)
{
    utxoconsensus_error err = utxoconsensus_ERR_OK;
    const char* reason = nullptr;
    const int ok = utxoconsensus_check_transaction(input.data(), static_cast<unsigned int>(input.size()), &err, &reason);
    FUZZ_CHECK(reason != nullptr);
    if (!decoded) {
        FUZZ_CHECK(ok == 0);
        FUZZ_CHECK(err == utxoconsensus_ERR_TX_DESERIALIZE || err == utxoconsensus_ERR_TX_SIZE_MISMATCH);
        FUZZ_CHECK(std::strlen(reason) == 0);
        return;
    }
    FUZZ_CHECK(err == utxoconsensus_ERR_OK);
    const consensus::TxCheckError expected = consensus::CheckTransaction(*decoded);
    FUZZ_CHECK((ok == 1) == (expected == consensus::TxCheckError::NONE));
    FUZZ_CHECK(std::string_view(reason) == consensus::RejectReason(expected));
}

void CheckHexDecoding(util::ByteSpan input, const util::Result<Transaction>& extended,
                      const util::Result<Transaction>& legacy)
{
    const util::Result<Transaction> from_hex = json::DecodeHexTransaction(util::HexStr(input));
    FUZZ_CHECK(from_hex.ok() == (extended.ok() || legacy.ok()));
    if (!from_hex) {
        FUZZ_CHECK(!from_hex.error().empty());
        return;
    }
    const bool is_extended = extended && from_hex->fields() == extended->fields();
    const bool is_legacy = legacy && from_hex->fields() == legacy->fields();
    FUZZ_CHECK(is_extended || is_legacy);
    FUZZ_CHECK(SameBytes(primitives::EncodeTransaction(*from_hex), input));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const util::ByteSpan input = fuzz::Input(data, size);
    const util::Result<Transaction> extended = primitives::DecodeTransaction(input, TxSerialization::WITH_WITNESS);
    const util::Result<Transaction> legacy = primitives::DecodeTransaction(input, TxSerialization::NO_WITNESS);
    if (extended) CheckDecoded(*extended, input, TxSerialization::WITH_WITNESS);
    if (legacy) CheckDecoded(*legacy, input, TxSerialization::NO_WITNESS);
    if (!extended) FUZZ_CHECK(!extended.error().empty());
    if (!legacy) FUZZ_CHECK(!legacy.error().empty());

    // Without witness data the segwit reading is the legacy one.
    if (extended && !extended->HasWitness()) {
        FUZZ_CHECK(legacy);
        FUZZ_CHECK(legacy->fields() == extended->fields());
        FUZZ_CHECK(legacy->txid() == extended->txid());
    }
    // The legacy reading is ambiguous only for no inputs and some outputs: the
    // zero input count then reads as the segwit marker, the output count as the flag.
    if (legacy && (!legacy->inputs().empty() || legacy->outputs().empty())) {
        FUZZ_CHECK(extended);
        FUZZ_CHECK(extended->fields() == legacy->fields());
    }

    CheckCapi(input, extended);
    if (!input.empty()) CheckHexDecoding(input, extended, legacy);
    return 0;
}
