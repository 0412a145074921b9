#include <primitives/transaction.h>

#include <crypto/hash.h>

#include <algorithm>

namespace primitives {
namespace {

// Smallest serialized sizes, used to refuse counts the remaining bytes cannot
// hold before allocating anything for them.
constexpr size_t MIN_TXIN_SIZE = 32 + 4 + 1 + 4;
constexpr size_t MIN_TXOUT_SIZE = 8 + 1;

// Reads a CompactSize count of elements at least `min_size` bytes long each.
size_t ReadCount(util::SpanReader& r, size_t min_size, const char* what)
{
    const uint64_t count = r.ReadCompactSize();
    if (r.failed()) return 0;
    if (count > r.remaining() / min_size) {
        r.Fail("unexpected end of data: " + std::to_string(count) + " " + what + " announced, " +
               std::to_string(r.remaining()) + " bytes left");
        return 0;
    }
    return static_cast<size_t>(count);
}

void ReadInputs(util::SpanReader& r, std::vector<TxIn>& vin)
{
    const size_t count = ReadCount(r, MIN_TXIN_SIZE, "inputs");
    vin.resize(count);
    for (TxIn& in : vin) {
        r.ReadInto({in.prevout.txid.data(), 32});
        in.prevout.index = r.ReadU32LE();
        in.script_sig = r.ReadVarBytes();
        in.sequence = r.ReadU32LE();
        if (r.failed()) return;
    }
}

void ReadOutputs(util::SpanReader& r, std::vector<TxOut>& vout)
{
    const size_t count = ReadCount(r, MIN_TXOUT_SIZE, "outputs");
    vout.resize(count);
    for (TxOut& out : vout) {
        out.value = Amount(r.ReadI64LE());
        out.script_pubkey = r.ReadVarBytes();
        if (r.failed()) return;
    }
}

void ReadWitness(util::SpanReader& r, ScriptWitness& witness)
{
    const size_t count = ReadCount(r, 1, "witness items");
    witness.stack.resize(count);
    for (util::Bytes& item : witness.stack) {
        item = r.ReadVarBytes();
        if (r.failed()) return;
    }
}

} // namespace

bool MutableTransaction::HasWitness() const
{
    return std::any_of(vin.begin(), vin.end(), [](const TxIn& in) { return !in.witness.IsNull(); });
}

Transaction::Transaction(MutableTransaction tx) : m_tx(std::move(tx))
{
    m_has_witness = m_tx.HasWitness();
    crypto::Hash256Writer stripped;
    SerializeTransaction(stripped, m_tx, TxSerialization::NO_WITNESS);
    m_txid = Txid(stripped.Finalize());
    util::SizeCounter stripped_size, total_size;
    SerializeTransaction(stripped_size, m_tx, TxSerialization::NO_WITNESS);
    SerializeTransaction(total_size, m_tx, TxSerialization::WITH_WITNESS);
    m_stripped_size = stripped_size.size();
    m_total_size = total_size.size();
    if (m_has_witness) {
        crypto::Hash256Writer full;
        SerializeTransaction(full, m_tx, TxSerialization::WITH_WITNESS);
        m_wtxid = Wtxid(full.Finalize());
    } else {
        m_wtxid = Wtxid(m_txid.AsUint256());
    }
}

Transaction::Transaction(MutableTransaction tx, const Txid& txid, const Wtxid& wtxid, size_t total_size,
                         size_t stripped_size)
    : m_tx(std::move(tx)), m_txid(txid), m_wtxid(wtxid), m_total_size(total_size), m_stripped_size(stripped_size),
      m_has_witness(m_tx.HasWitness())
{
}

std::optional<Transaction> ReadTransaction(util::SpanReader& r, TxSerialization mode)
{
    const bool allow_witness = mode == TxSerialization::WITH_WITNESS;
    const size_t start = r.position();
    MutableTransaction tx;
    tx.version = r.ReadU32LE();
    // The non-witness serialization is the version, the bytes from the input
    // count to the end of the outputs, and the lock time: remember where the
    // middle part lies so the txid can be hashed from the buffer.
    size_t body_start = r.position();
    ReadInputs(r, tx.vin);
    uint8_t flags = 0;
    if (tx.vin.empty() && allow_witness) {
        // An empty input vector is the BIP144 marker; the flag byte follows.
        flags = r.ReadU8();
        if (flags != 0) {
            body_start = r.position();
            ReadInputs(r, tx.vin);
            ReadOutputs(r, tx.vout);
        }
    } else {
        ReadOutputs(r, tx.vout);
    }
    const size_t body_end = r.position();
    if ((flags & 1) && allow_witness) {
        flags ^= 1;
        for (TxIn& in : tx.vin) {
            ReadWitness(r, in.witness);
            if (r.failed()) break;
        }
        if (!r.failed() && !tx.HasWitness()) r.Fail("superfluous witness record");
    }
    if (flags && !r.failed()) r.Fail("unknown transaction optional data");
    const size_t lock_time_pos = r.position();
    tx.lock_time = r.ReadU32LE();
    if (r.failed()) return std::nullopt;

    const util::ByteSpan whole = r.Since(start);
    const util::ByteSpan body = whole.subspan(body_start - start, body_end - body_start);
    const util::ByteSpan version_bytes = whole.first(4);
    const util::ByteSpan lock_time_bytes = whole.subspan(lock_time_pos - start, 4);
    const bool segwit_encoding = body_start != start + 4;
    if (!segwit_encoding) {
        const Txid txid{crypto::Hash256(whole)};
        return Transaction(std::move(tx), txid, Wtxid(txid.AsUint256()), whole.size(), whole.size());
    }
    crypto::Hash256Writer stripped;
    stripped.WriteBytes(version_bytes);
    stripped.WriteBytes(body);
    stripped.WriteBytes(lock_time_bytes);
    const Txid txid{stripped.Finalize()};
    const Wtxid wtxid{crypto::Hash256(whole)};
    return Transaction(std::move(tx), txid, wtxid, whole.size(), 4 + body.size() + 4);
}

util::Result<Transaction> DecodeTransaction(util::ByteSpan bytes, TxSerialization mode)
{
    util::SpanReader r(bytes);
    std::optional<Transaction> tx = ReadTransaction(r, mode);
    if (auto finished = r.Finish("transaction"); !finished) return util::Error{finished.error()};
    return std::move(*tx);
}

util::Bytes EncodeTransaction(const MutableTransaction& tx, TxSerialization mode)
{
    util::Bytes out;
    util::ByteWriter w(out);
    SerializeTransaction(w, tx, mode);
    return out;
}

util::Bytes EncodeTransaction(const Transaction& tx, TxSerialization mode)
{
    return EncodeTransaction(tx.fields(), mode);
}

} // namespace primitives
