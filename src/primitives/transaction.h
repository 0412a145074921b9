// Transactions: outpoints, inputs, outputs, witnesses, and their serialization
// with and without segregated witness (BIP141/BIP144).
//
// MutableTransaction is a plain aggregate for building and editing. Transaction
// is immutable and caches its txid, wtxid and sizes, computed once when it is
// created; share it as TransactionRef. Deserialization reads straight from a
// contiguous buffer and hashes the bytes it read, so no re-serialization is
// needed to get the ids.
#ifndef UTXO_PRIMITIVES_TRANSACTION_H
#define UTXO_PRIMITIVES_TRANSACTION_H

#include <primitives/amount.h>
#include <primitives/uint256.h>
#include <util/byte_span.h>
#include <util/result.h>
#include <util/serialize.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace primitives {

struct OutPoint {
    static constexpr uint32_t NULL_INDEX = 0xffffffff;

    Txid txid;
    uint32_t index{NULL_INDEX};

    // The prevout of a coinbase input.
    bool IsNull() const { return txid.IsNull() && index == NULL_INDEX; }
    friend bool operator==(const OutPoint&, const OutPoint&) = default;
    friend auto operator<=>(const OutPoint& a, const OutPoint& b)
    {
        if (auto c = a.txid <=> b.txid; c != 0) return c;
        return a.index <=> b.index;
    }
};

struct ScriptWitness {
    std::vector<util::Bytes> stack;
    bool IsNull() const { return stack.empty(); }
    friend bool operator==(const ScriptWitness&, const ScriptWitness&) = default;
};

// Lock times below this are block heights, at or above it Unix times.
inline constexpr int64_t LOCKTIME_THRESHOLD = 500'000'000;

struct TxIn {
    static constexpr uint32_t SEQUENCE_FINAL = 0xffffffff;
    // BIP68 relative lock-time fields of the sequence number.
    static constexpr uint32_t SEQUENCE_LOCKTIME_DISABLE_FLAG = 1U << 31;
    static constexpr uint32_t SEQUENCE_LOCKTIME_TYPE_FLAG = 1U << 22; // set: units of 512 seconds; clear: blocks
    static constexpr uint32_t SEQUENCE_LOCKTIME_MASK = 0x0000ffff;
    static constexpr int SEQUENCE_LOCKTIME_GRANULARITY = 9;

    OutPoint prevout;
    util::Bytes script_sig;
    uint32_t sequence{SEQUENCE_FINAL};
    ScriptWitness witness; // serialized apart from the input (BIP144)
    friend bool operator==(const TxIn&, const TxIn&) = default;
};

struct TxOut {
    Amount value;
    util::Bytes script_pubkey;
    friend bool operator==(const TxOut&, const TxOut&) = default;
};

enum class TxSerialization { WITH_WITNESS, NO_WITNESS };

struct MutableTransaction {
    uint32_t version{2};
    std::vector<TxIn> vin;
    std::vector<TxOut> vout;
    uint32_t lock_time{0};

    bool HasWitness() const;
    friend bool operator==(const MutableTransaction&, const MutableTransaction&) = default;
};

class Transaction {
public:
    // Computes ids and sizes by serializing `tx`.
    explicit Transaction(MutableTransaction tx);

    uint32_t version() const { return m_tx.version; }
    const std::vector<TxIn>& inputs() const { return m_tx.vin; }
    const std::vector<TxOut>& outputs() const { return m_tx.vout; }
    uint32_t lock_time() const { return m_tx.lock_time; }
    const MutableTransaction& fields() const { return m_tx; }

    // Double SHA-256 of the serialization without witness data.
    const Txid& txid() const { return m_txid; }
    // Double SHA-256 of the serialization with witness data (== txid without witnesses).
    const Wtxid& wtxid() const { return m_wtxid; }

    bool IsCoinBase() const { return m_tx.vin.size() == 1 && m_tx.vin[0].prevout.IsNull(); }
    bool HasWitness() const { return m_has_witness; }

    // Serialized size with witness data (what the wire carries).
    size_t TotalSize() const { return m_total_size; }
    // Serialized size without witness data.
    size_t StrippedSize() const { return m_stripped_size; }
    // BIP141 weight: stripped size * 3 + total size.
    size_t Weight() const { return m_stripped_size * 3 + m_total_size; }
    // BIP141 virtual size: weight / 4 rounded up.
    size_t VirtualSize() const { return (Weight() + 3) / 4; }

    friend bool operator==(const Transaction& a, const Transaction& b) { return a.m_wtxid == b.m_wtxid; }

private:
    friend std::optional<Transaction> ReadTransaction(util::SpanReader&, TxSerialization);
    Transaction(MutableTransaction tx, const Txid& txid, const Wtxid& wtxid, size_t total_size, size_t stripped_size);

    MutableTransaction m_tx;
    Txid m_txid;
    Wtxid m_wtxid;
    size_t m_total_size;
    size_t m_stripped_size;
    bool m_has_witness;
};

using TransactionRef = std::shared_ptr<const Transaction>;

template <typename Writer>
void SerializeOutPoint(Writer& w, const OutPoint& outpoint)
{
    w.WriteBytes(outpoint.txid.span());
    w.WriteU32LE(outpoint.index);
}

template <typename Writer>
void SerializeTxOut(Writer& w, const TxOut& out)
{
    w.WriteI64LE(out.value.sats());
    w.WriteVarBytes(out.script_pubkey);
}

// BIP144: with witness data and at least one non-empty witness, a zero byte
// (an empty input vector to old parsers) and flag 1 follow the version, and the
// witness stacks follow the outputs.
template <typename Writer>
void SerializeTransaction(Writer& w, const MutableTransaction& tx, TxSerialization mode)
{
    const bool witness = mode == TxSerialization::WITH_WITNESS && tx.HasWitness();
    w.WriteU32LE(tx.version);
    if (witness) {
        w.WriteU8(0x00);
        w.WriteU8(0x01);
    }
    w.WriteCompactSize(tx.vin.size());
    for (const TxIn& in : tx.vin) {
        SerializeOutPoint(w, in.prevout);
        w.WriteVarBytes(in.script_sig);
        w.WriteU32LE(in.sequence);
    }
    w.WriteCompactSize(tx.vout.size());
    for (const TxOut& out : tx.vout) SerializeTxOut(w, out);
    if (witness) {
        for (const TxIn& in : tx.vin) {
            w.WriteCompactSize(in.witness.stack.size());
            for (const util::Bytes& item : in.witness.stack) w.WriteVarBytes(item);
        }
    }
    w.WriteU32LE(tx.lock_time);
}

template <typename Writer>
void SerializeTransaction(Writer& w, const Transaction& tx, TxSerialization mode)
{
    SerializeTransaction(w, tx.fields(), mode);
}

// Reads one transaction at the reader's position. On failure returns nullopt
// and the reader holds the reason ("superfluous witness record", truncation...).
std::optional<Transaction> ReadTransaction(util::SpanReader& reader,
                                           TxSerialization mode = TxSerialization::WITH_WITNESS);

// Decodes a buffer that holds exactly one transaction.
util::Result<Transaction> DecodeTransaction(util::ByteSpan bytes,
                                            TxSerialization mode = TxSerialization::WITH_WITNESS);

util::Bytes EncodeTransaction(const Transaction& tx, TxSerialization mode = TxSerialization::WITH_WITNESS);
util::Bytes EncodeTransaction(const MutableTransaction& tx, TxSerialization mode = TxSerialization::WITH_WITNESS);

} // namespace primitives

#endif // UTXO_PRIMITIVES_TRANSACTION_H
