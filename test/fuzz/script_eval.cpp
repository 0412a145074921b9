// Fuzz target: script evaluation.
//
// Input layout (integers little-endian; an input shorter than the 28-byte
// header reads as if padded with zeros):
//   bytes  0..3   verification flags, masked to the defined ones; WITNESS is
//                 dropped without P2SH, then CLEANSTACK without P2SH and WITNESS
//                 (the combinations VerifyScript accepts)
//   bytes  4..7   flags to flip for the monotonicity check (below)
//   bytes  8..15  amount of the output being spent (int64 satoshis)
//   bytes 16..19  spending transaction's version
//   bytes 20..23  spending transaction's lock time
//   bytes 24..27  spending input's sequence
//   then parts, each a 2-byte length and that many bytes (fewer when the input
//   ends first): the scriptSig, the scriptPubKey, then witness items until the
//   input ends. A part with no bytes left for its length is empty (for the two
//   scripts) or absent (witness items); a single trailing byte is ignored.
//
// The transactions are those of Bitcoin Core's script_tests.json harness: a
// crediting transaction (version 1, one null-prevout input with scriptSig
// 00 00, one output paying `amount` to the scriptPubKey) and a spend of it
// (one input with the scriptSig, sequence and witness, one output of `amount`
// with an empty script), so script_tests.json cases with version 1, lock time 0
// and sequence 0xffffffff carry valid signatures into the seed corpus.
//
// Checked, never crashing and with no undefined behaviour:
// - VerifyScript with the base SignatureChecker (every signature check fails)
//   and with a TransactionSignatureChecker over the spend;
// - utxoconsensus_verify_script on the serialized spend, with the spent output
//   passed, reports a sound call and exactly the C++ verdict and error;
// - removing flags from a passing check, or adding flags to a failing one,
//   keeps the verdict (each flag only restricts), when the new combination is valid;
// - EvalScript of the scriptPubKey on an empty stack as BASE, WITNESS_V0 and
//   TAPSCRIPT (budget: the witness size + 50, as BIP342 gives): no element
//   above 520 bytes, a successful run leaves at most 1000 items, legacy scripts
//   over 10,000 bytes fail with SCRIPT_SIZE, the tapscript budget never ends
//   below zero on success.
#include "fuzz.h"

#include <capi/utxoconsensus.h>
#include <primitives/amount.h>
#include <primitives/transaction.h>
#include <script/interpreter.h>
#include <script/script_error.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_checker.h>
#include <script/verify_flags.h>
#include <util/endian.h>
#include <util/serialize.h>

#include <array>
#include <optional>
#include <vector>

namespace {

using primitives::Amount;
using primitives::MutableTransaction;
using script::ScriptError;
using script::SigVersion;

// Reads the documented layout; never reads past the input.
class InputReader {
public:
    explicit InputReader(util::ByteSpan input) : m_rest(input) {}

    // The next `N` bytes, zeros for any missing.
    template <size_t N>
    std::array<uint8_t, N> Fixed()
    {
        std::array<uint8_t, N> out{};
        const size_t n = std::min(N, m_rest.size());
        std::copy_n(m_rest.begin(), n, out.begin());
        m_rest = m_rest.subspan(n);
        return out;
    }
    uint32_t U32() { return util::ReadLE32(Fixed<4>().data()); }
    int64_t I64() { return static_cast<int64_t>(util::ReadLE64(Fixed<8>().data())); }

    // A length-prefixed part, or nullopt when fewer than two bytes are left.
    std::optional<util::Bytes> Part()
    {
        if (m_rest.size() < 2) return std::nullopt;
        const size_t announced = util::ReadLE16(m_rest.data());
        m_rest = m_rest.subspan(2);
        const size_t n = std::min(announced, m_rest.size());
        util::Bytes out(m_rest.begin(), m_rest.begin() + n);
        m_rest = m_rest.subspan(n);
        return out;
    }

private:
    util::ByteSpan m_rest;
};

bool IsValidCombination(uint32_t flags)
{
    if ((flags & script::SCRIPT_VERIFY_WITNESS) && !(flags & script::SCRIPT_VERIFY_P2SH)) return false;
    if ((flags & script::SCRIPT_VERIFY_CLEANSTACK) &&
        !((flags & script::SCRIPT_VERIFY_P2SH) && (flags & script::SCRIPT_VERIFY_WITNESS))) {
        return false;
    }
    return true;
}

uint32_t MakeValid(uint32_t flags)
{
    flags &= script::ALL_VERIFY_FLAGS;
    if (!(flags & script::SCRIPT_VERIFY_P2SH)) flags &= ~uint32_t{script::SCRIPT_VERIFY_WITNESS};
    if (!IsValidCombination(flags)) flags &= ~uint32_t{script::SCRIPT_VERIFY_CLEANSTACK};
    return flags;
}

bool IsKnownError(ScriptError e)
{
    return static_cast<int>(e) >= 0 && e < ScriptError::ERROR_COUNT;
}

struct Case {
    uint32_t flags{0};
    uint32_t flip{0};
    Amount amount;
    uint32_t version{0};
    uint32_t lock_time{0};
    uint32_t sequence{0};
    util::Bytes script_sig;
    util::Bytes script_pubkey;
    primitives::ScriptWitness witness;
};

Case ParseCase(util::ByteSpan input)
{
    InputReader reader(input);
    Case c;
    c.flags = MakeValid(reader.U32());
    c.flip = reader.U32();
    c.amount = Amount(reader.I64());
    c.version = reader.U32();
    c.lock_time = reader.U32();
    c.sequence = reader.U32();
    c.script_sig = reader.Part().value_or(util::Bytes{});
    c.script_pubkey = reader.Part().value_or(util::Bytes{});
    while (auto item = reader.Part()) c.witness.stack.push_back(std::move(*item));
    return c;
}

// Bitcoin Core's script_tests harness: the spend of a transaction paying to the scriptPubKey.
MutableTransaction BuildSpend(const Case& c, primitives::TxOut& spent)
{
    MutableTransaction credit;
    credit.version = 1;
    credit.vin.resize(1);
    credit.vin[0].script_sig = {0x00, 0x00};
    credit.vout.push_back({c.amount, c.script_pubkey});
    spent = credit.vout[0];

    MutableTransaction spend;
    spend.version = c.version;
    spend.lock_time = c.lock_time;
    spend.vin.resize(1);
    spend.vin[0].prevout.txid = primitives::Transaction(credit).txid();
    spend.vin[0].prevout.index = 0;
    spend.vin[0].script_sig = c.script_sig;
    spend.vin[0].sequence = c.sequence;
    spend.vin[0].witness = c.witness;
    spend.vout.push_back({c.amount, {}});
    return spend;
}

// The same verification through the public C API.
void CheckCapiAgrees(const Case& c, const MutableTransaction& spend, const primitives::TxOut& spent,
                     ScriptError expected)
{
    const util::Bytes raw = primitives::EncodeTransaction(spend);
    const utxoconsensus_utxo utxo{spent.script_pubkey.data(), static_cast<unsigned int>(spent.script_pubkey.size()),
                                  spent.value.sats()};
    utxoconsensus_error err = utxoconsensus_ERR_TX_INDEX;
    int script_err = -1;
    const int ok = utxoconsensus_verify_script(c.script_pubkey.data(), static_cast<unsigned int>(c.script_pubkey.size()),
                                               c.amount.sats(), raw.data(), static_cast<unsigned int>(raw.size()), &utxo,
                                               1, 0, c.flags, &err, &script_err);
    FUZZ_CHECK(err == utxoconsensus_ERR_OK);
    FUZZ_CHECK(script_err == static_cast<int>(expected));
    FUZZ_CHECK((ok == 1) == (expected == ScriptError::OK));
}

// Each flag only restricts: fewer flags keep a pass, more flags keep a failure.
void CheckMonotonic(const Case& c, const script::SignatureChecker& checker, ScriptError result)
{
    const bool passed = result == ScriptError::OK;
    uint32_t other = passed ? (c.flags & ~c.flip) : (c.flags | c.flip);
    other &= script::ALL_VERIFY_FLAGS;
    if (other == c.flags || !IsValidCombination(other)) return;
    const ScriptError again = script::VerifyScript(c.script_sig, c.script_pubkey, &c.witness, other, checker);
    FUZZ_CHECK(IsKnownError(again));
    FUZZ_CHECK((again == ScriptError::OK) == passed);
}

int64_t WitnessSerializedSize(const primitives::ScriptWitness& witness)
{
    util::SizeCounter counter;
    counter.WriteCompactSize(witness.stack.size());
    for (const auto& item : witness.stack) counter.WriteVarBytes(item);
    return static_cast<int64_t>(counter.size());
}

void CheckEvalScript(const Case& c, const script::SignatureChecker& checker)
{
    for (const SigVersion sigversion : {SigVersion::BASE, SigVersion::WITNESS_V0, SigVersion::TAPSCRIPT}) {
        script::Stack stack;
        script::ScriptExecutionData execdata;
        if (sigversion == SigVersion::TAPSCRIPT) {
            execdata.validation_weight_left = WitnessSerializedSize(c.witness) + script::VALIDATION_WEIGHT_OFFSET;
            execdata.taproot.tapleaf_hash = script::ComputeTapleafHash(script::TAPROOT_LEAF_TAPSCRIPT, c.script_pubkey);
        }
        const ScriptError result = script::EvalScript(stack, c.script_pubkey, c.flags, checker, sigversion, execdata);
        FUZZ_CHECK(IsKnownError(result));
        for (const auto& item : stack) FUZZ_CHECK(item.size() <= script::MAX_SCRIPT_ELEMENT_SIZE);
        if (sigversion != SigVersion::TAPSCRIPT && c.script_pubkey.size() > script::MAX_SCRIPT_SIZE) {
            FUZZ_CHECK(result == ScriptError::SCRIPT_SIZE);
        }
        if (result == ScriptError::OK) {
            FUZZ_CHECK(stack.size() <= script::MAX_STACK_SIZE);
            if (sigversion == SigVersion::TAPSCRIPT) FUZZ_CHECK(execdata.validation_weight_left >= 0);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Case c = ParseCase(fuzz::Input(data, size));
    FUZZ_CHECK(IsValidCombination(c.flags));

    primitives::TxOut spent;
    const MutableTransaction spend = BuildSpend(c, spent);
    const script::PrecomputedTxData precomputed(spend, {spent});
    const script::TransactionSignatureChecker tx_checker(spend, 0, c.amount, precomputed);
    const script::SignatureChecker base_checker;

    const ScriptError base_result = script::VerifyScript(c.script_sig, c.script_pubkey, &c.witness, c.flags, base_checker);
    FUZZ_CHECK(IsKnownError(base_result));
    const ScriptError tx_result = script::VerifyScript(c.script_sig, c.script_pubkey, &c.witness, c.flags, tx_checker);
    FUZZ_CHECK(IsKnownError(tx_result));

    CheckCapiAgrees(c, spend, spent, tx_result);
    CheckMonotonic(c, tx_checker, tx_result);
    CheckEvalScript(c, tx_checker);
    return 0;
}
