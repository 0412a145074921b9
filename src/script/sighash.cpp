#include <script/sighash.h>

#include <crypto/hash.h>
#include <crypto/sha256.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/signature_encoding.h>

#include <cassert>

namespace script {
namespace {

using primitives::Uint256;

// A writer that feeds a single SHA-256 (BIP341's hashes are single).
class Sha256Writer : public util::WriterBase<Sha256Writer> {
public:
    Sha256Writer() = default;
    explicit Sha256Writer(crypto::Sha256 state) : m_sha(std::move(state)) {}
    void WriteBytes(util::ByteSpan bytes) { m_sha.Write(bytes); }
    Uint256 Finalize() { return Uint256(m_sha.Finalize()); }

private:
    crypto::Sha256 m_sha;
};

Uint256 Sha256Of(const Uint256& hash) { return Uint256(crypto::Sha256Once(hash.span())); }

// Where Bitcoin Core's GetScriptOp leaves its cursor after failing at `pos`:
// past the opcode and past whichever length bytes were complete. The legacy
// signature hash writes the script up to that point.
size_t CursorAfterFailedOp(util::ByteSpan script, size_t pos)
{
    if (pos >= script.size()) return pos;
    const uint8_t opcode = script[pos++];
    const size_t left = script.size() - pos;
    if (opcode == OP_PUSHDATA1 && left >= 1) return pos + 1;
    if (opcode == OP_PUSHDATA2 && left >= 2) return pos + 2;
    if (opcode == OP_PUSHDATA4 && left >= 4) return pos + 4;
    return pos;
}

// Bitcoin Core's legacy script-code serialization: the declared length is the
// script size less one per OP_CODESEPARATOR, and the bytes are the script with
// the separators cut out, up to where parsing stopped.
template <typename Writer>
void WriteScriptCodeWithoutSeparators(Writer& w, util::ByteSpan script)
{
    size_t separators = 0;
    size_t pos = 0;
    Opcode op;
    while (GetScriptOp(script, pos, op, nullptr)) {
        if (op == OP_CODESEPARATOR) ++separators;
    }
    w.WriteCompactSize(script.size() - separators);
    size_t segment_start = 0;
    pos = 0;
    while (GetScriptOp(script, pos, op, nullptr)) {
        if (op == OP_CODESEPARATOR) {
            w.WriteBytes(script.subspan(segment_start, pos - 1 - segment_start));
            segment_start = pos;
        }
    }
    const size_t stop = CursorAfterFailedOp(script, pos);
    if (segment_start != script.size()) w.WriteBytes(script.subspan(segment_start, stop - segment_start));
}

template <typename Writer>
void WriteOutPoints(Writer& w, const primitives::MutableTransaction& tx)
{
    for (const auto& in : tx.vin) primitives::SerializeOutPoint(w, in.prevout);
}

template <typename Writer>
void WriteSequences(Writer& w, const primitives::MutableTransaction& tx)
{
    for (const auto& in : tx.vin) w.WriteU32LE(in.sequence);
}

template <typename Writer>
void WriteOutputs(Writer& w, const primitives::MutableTransaction& tx)
{
    for (const auto& out : tx.vout) primitives::SerializeTxOut(w, out);
}

template <typename Fn>
Uint256 SingleSha(Fn&& write)
{
    Sha256Writer w;
    write(w);
    return w.Finalize();
}

} // namespace

PrecomputedTxData::PrecomputedTxData(const primitives::MutableTransaction& tx,
                                     std::vector<primitives::TxOut> spent)
    : spent_outputs(std::move(spent))
{
    sha_prevouts = SingleSha([&](Sha256Writer& w) { WriteOutPoints(w, tx); });
    sha_sequences = SingleSha([&](Sha256Writer& w) { WriteSequences(w, tx); });
    sha_outputs = SingleSha([&](Sha256Writer& w) { WriteOutputs(w, tx); });
    hash_prevouts = Sha256Of(sha_prevouts);
    hash_sequence = Sha256Of(sha_sequences);
    hash_outputs = Sha256Of(sha_outputs);
    if (!spent_outputs.empty() && spent_outputs.size() == tx.vin.size()) {
        sha_amounts = SingleSha([&](Sha256Writer& w) {
            for (const auto& out : spent_outputs) w.WriteI64LE(out.value.sats());
        });
        sha_scriptpubkeys = SingleSha([&](Sha256Writer& w) {
            for (const auto& out : spent_outputs) w.WriteVarBytes(out.script_pubkey);
        });
        bip341_ready = true;
    }
}

Uint256 LegacySignatureHash(util::ByteSpan script_code, const primitives::MutableTransaction& tx, size_t input_index,
                            int32_t hash_type)
{
    assert(input_index < tx.vin.size());
    const bool anyone_can_pay = hash_type & SIGHASH_ANYONECANPAY;
    const bool hash_single = (hash_type & 0x1f) == SIGHASH_SINGLE;
    const bool hash_none = (hash_type & 0x1f) == SIGHASH_NONE;
    if (hash_single && input_index >= tx.vout.size()) {
        Uint256 one;
        one.data()[0] = 1;
        return one;
    }

    crypto::Hash256Writer w;
    w.WriteU32LE(tx.version);
    const size_t input_count = anyone_can_pay ? 1 : tx.vin.size();
    w.WriteCompactSize(input_count);
    for (size_t i = 0; i < input_count; ++i) {
        const size_t n = anyone_can_pay ? input_index : i;
        const primitives::TxIn& in = tx.vin[n];
        primitives::SerializeOutPoint(w, in.prevout);
        if (n == input_index) {
            WriteScriptCodeWithoutSeparators(w, script_code);
        } else {
            w.WriteCompactSize(0);
        }
        // Other inputs' sequences are blanked under NONE and SINGLE so they can be replaced.
        w.WriteU32LE(n != input_index && (hash_single || hash_none) ? 0 : in.sequence);
    }
    const size_t output_count = hash_none ? 0 : hash_single ? input_index + 1 : tx.vout.size();
    w.WriteCompactSize(output_count);
    for (size_t i = 0; i < output_count; ++i) {
        if (hash_single && i != input_index) {
            w.WriteI64LE(-1); // an empty output with value -1
            w.WriteCompactSize(0);
        } else {
            primitives::SerializeTxOut(w, tx.vout[i]);
        }
    }
    w.WriteU32LE(tx.lock_time);
    w.WriteI32LE(hash_type);
    return Uint256(w.Finalize());
}

Uint256 SegwitV0SignatureHash(util::ByteSpan script_code, const primitives::MutableTransaction& tx,
                              size_t input_index, int32_t hash_type, primitives::Amount amount,
                              const PrecomputedTxData* precomputed)
{
    assert(input_index < tx.vin.size());
    std::optional<PrecomputedTxData> local;
    if (!precomputed) precomputed = &local.emplace(tx);
    const uint8_t base_type = hash_type & 0x1f;
    const bool anyone_can_pay = hash_type & SIGHASH_ANYONECANPAY;

    Uint256 hash_prevouts, hash_sequence, hash_outputs;
    if (!anyone_can_pay) hash_prevouts = precomputed->hash_prevouts;
    if (!anyone_can_pay && base_type != SIGHASH_SINGLE && base_type != SIGHASH_NONE) {
        hash_sequence = precomputed->hash_sequence;
    }
    if (base_type != SIGHASH_SINGLE && base_type != SIGHASH_NONE) {
        hash_outputs = precomputed->hash_outputs;
    } else if (base_type == SIGHASH_SINGLE && input_index < tx.vout.size()) {
        crypto::Hash256Writer single;
        primitives::SerializeTxOut(single, tx.vout[input_index]);
        hash_outputs = Uint256(single.Finalize());
    }

    const primitives::TxIn& in = tx.vin[input_index];
    crypto::Hash256Writer w;
    w.WriteU32LE(tx.version);
    w.WriteBytes(hash_prevouts.span());
    w.WriteBytes(hash_sequence.span());
    primitives::SerializeOutPoint(w, in.prevout);
    w.WriteVarBytes(script_code);
    w.WriteI64LE(amount.sats());
    w.WriteU32LE(in.sequence);
    w.WriteBytes(hash_outputs.span());
    w.WriteU32LE(tx.lock_time);
    w.WriteI32LE(hash_type);
    return Uint256(w.Finalize());
}

namespace {

// BIP341 "SigMsg" (and BIP342's extension), written to `w`. False for an
// undefined hash type or SIGHASH_SINGLE without a matching output.
template <typename Writer>
bool WriteTaprootSigMsg(Writer& w, const primitives::MutableTransaction& tx, size_t input_index, uint8_t hash_type,
                        SigVersion sigversion, const PrecomputedTxData& precomputed, const TaprootSpendContext& context)
{
    assert(input_index < tx.vin.size());
    assert(precomputed.bip341_ready);
    assert(sigversion == SigVersion::TAPROOT || sigversion == SigVersion::TAPSCRIPT);
    if (!(hash_type <= 0x03 || (hash_type >= 0x81 && hash_type <= 0x83))) return false;
    // No hash-type byte (SIGHASH_DEFAULT) commits like SIGHASH_ALL.
    const uint8_t output_type = hash_type == SIGHASH_DEFAULT ? SIGHASH_ALL : (hash_type & SIGHASH_OUTPUT_MASK);
    const uint8_t input_type = hash_type & SIGHASH_INPUT_MASK;
    if (output_type == SIGHASH_SINGLE && input_index >= tx.vout.size()) return false;

    w.WriteU8(0); // epoch
    w.WriteU8(hash_type);
    w.WriteU32LE(tx.version);
    w.WriteU32LE(tx.lock_time);
    if (input_type != SIGHASH_ANYONECANPAY) {
        w.WriteBytes(precomputed.sha_prevouts.span());
        w.WriteBytes(precomputed.sha_amounts.span());
        w.WriteBytes(precomputed.sha_scriptpubkeys.span());
        w.WriteBytes(precomputed.sha_sequences.span());
    }
    if (output_type == SIGHASH_ALL) w.WriteBytes(precomputed.sha_outputs.span());

    const uint8_t ext_flag = sigversion == SigVersion::TAPSCRIPT ? 1 : 0;
    w.WriteU8(static_cast<uint8_t>((ext_flag << 1) | (context.annex_hash ? 1 : 0)));
    if (input_type == SIGHASH_ANYONECANPAY) {
        primitives::SerializeOutPoint(w, tx.vin[input_index].prevout);
        primitives::SerializeTxOut(w, precomputed.spent_outputs[input_index]);
        w.WriteU32LE(tx.vin[input_index].sequence);
    } else {
        w.WriteU32LE(static_cast<uint32_t>(input_index));
    }
    if (context.annex_hash) w.WriteBytes(context.annex_hash->span());
    if (output_type == SIGHASH_SINGLE) {
        const Uint256 single = SingleSha([&](Sha256Writer& o) { primitives::SerializeTxOut(o, tx.vout[input_index]); });
        w.WriteBytes(single.span());
    }
    if (sigversion == SigVersion::TAPSCRIPT) {
        w.WriteBytes(context.tapleaf_hash.span());
        w.WriteU8(0); // key version
        w.WriteU32LE(context.codeseparator_pos);
    }
    return true;
}

} // namespace

std::optional<Uint256> TaprootSignatureHash(const primitives::MutableTransaction& tx, size_t input_index,
                                            uint8_t hash_type, SigVersion sigversion,
                                            const PrecomputedTxData& precomputed, const TaprootSpendContext& context)
{
    Sha256Writer w(crypto::TaggedSha256("TapSighash"));
    if (!WriteTaprootSigMsg(w, tx, input_index, hash_type, sigversion, precomputed, context)) return std::nullopt;
    return w.Finalize();
}

std::optional<util::Bytes> TaprootSignatureMessage(const primitives::MutableTransaction& tx, size_t input_index,
                                                   uint8_t hash_type, SigVersion sigversion,
                                                   const PrecomputedTxData& precomputed,
                                                   const TaprootSpendContext& context)
{
    util::Bytes message;
    util::ByteWriter w(message);
    if (!WriteTaprootSigMsg(w, tx, input_index, hash_type, sigversion, precomputed, context)) return std::nullopt;
    return message;
}

} // namespace script
