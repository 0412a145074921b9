// Input verification against libsecp256k1's own verification of the same
// signatures (the floor), and whole-transaction verification as inputs grow.
#include <bench/bench.h>
#include <crypto/hash.h>
#include <crypto/secp256k1_bare.h>
#include <primitives/transaction.h>
#include <script/interpreter.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_encoding.h>
#include <script/verify_flags.h>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace primitives;
namespace bare = crypto::secp256k1_bare;

constexpr uint32_t FLAGS = script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_DERSIG | script::SCRIPT_VERIFY_NULLDUMMY |
                           script::SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY | script::SCRIPT_VERIFY_CHECKSEQUENCEVERIFY |
                           script::SCRIPT_VERIFY_WITNESS | script::SCRIPT_VERIFY_TAPROOT;

[[noreturn]] void Fail(const char* what)
{
    std::fprintf(stderr, "bench setup failed: %s\n", what);
    std::abort();
}

std::array<uint8_t, 32> Secret(uint32_t n)
{
    std::array<uint8_t, 32> secret{};
    secret[0] = 0x42;
    secret[28] = static_cast<uint8_t>(n >> 24);
    secret[29] = static_cast<uint8_t>(n >> 16);
    secret[30] = static_cast<uint8_t>(n >> 8);
    secret[31] = static_cast<uint8_t>(n + 1);
    return secret;
}

// BIP143: a P2WPKH output 0014<hash> signs with the P2PKH script of <hash>.
util::Bytes P2wpkhScriptCode(const util::Bytes& script_pubkey)
{
    return script::PayToPubKeyHashScript(util::ByteSpan(script_pubkey).subspan(2));
}

// A transaction spending `inputs` P2WPKH outputs, each signed by its own key.
struct SignedTx {
    MutableTransaction tx;
    std::vector<TxOut> spent;
};

SignedTx MakeP2wpkhSpend(size_t inputs)
{
    SignedTx s;
    std::vector<std::array<uint8_t, 32>> secrets;
    std::vector<util::Bytes> pubkeys;
    for (size_t i = 0; i < inputs; ++i) {
        secrets.push_back(Secret(static_cast<uint32_t>(i)));
        const auto key = bare::DerivePubKey(secrets.back());
        if (!key) Fail("pubkey");
        pubkeys.emplace_back(key->compressed_pubkey.begin(), key->compressed_pubkey.end());
        const auto h160 = crypto::Hash160(pubkeys.back());
        util::Bytes spk{0x00, 0x14};
        spk.insert(spk.end(), h160.begin(), h160.end());
        s.spent.push_back({Amount(100000 + static_cast<int64_t>(i)), spk});
        TxIn in;
        in.prevout.txid.data()[0] = static_cast<uint8_t>(i);
        in.prevout.txid.data()[1] = static_cast<uint8_t>(i >> 8);
        in.prevout.index = static_cast<uint32_t>(i % 3);
        s.tx.vin.push_back(in);
    }
    s.tx.vout.push_back({Amount(50000), s.spent[0].script_pubkey});
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    for (size_t i = 0; i < inputs; ++i) {
        const util::Bytes script_code = P2wpkhScriptCode(s.spent[i].script_pubkey);
        const auto sighash = script::SegwitV0SignatureHash(script_code, s.tx, i, script::SIGHASH_ALL, s.spent[i].value,
                                                           &precomputed);
        auto sig = bare::SignEcdsa(secrets[i], sighash.bytes());
        if (!sig) Fail("ecdsa sign");
        sig->push_back(script::SIGHASH_ALL);
        s.tx.vin[i].witness.stack = {*sig, pubkeys[i]};
    }
    return s;
}

SignedTx MakeP2trKeyPathSpend()
{
    SignedTx s;
    const auto secret = Secret(7);
    const auto key = bare::DeriveTaprootKey(secret);
    if (!key) Fail("taproot key");
    util::Bytes spk{0x51, 0x20};
    spk.insert(spk.end(), key->output_key.begin(), key->output_key.end());
    s.spent.push_back({Amount(100000), spk});
    s.tx.vin.resize(1);
    s.tx.vin[0].prevout.index = 1;
    s.tx.vout.push_back({Amount(50000), spk});
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    const auto sighash = script::TaprootSignatureHash(s.tx, 0, script::SIGHASH_DEFAULT, script::SigVersion::TAPROOT,
                                                      precomputed, {});
    if (!sighash) Fail("taproot sighash");
    const auto sig = bare::SignTaprootKeyPath(secret, sighash->bytes());
    if (!sig) Fail("schnorr sign");
    s.tx.vin[0].witness.stack = {util::Bytes(sig->begin(), sig->end())};
    return s;
}

bool VerifyInput(const SignedTx& s, const script::PrecomputedTxData& precomputed, size_t i)
{
    const script::TransactionSignatureChecker checker(s.tx, i, s.spent[i].value, precomputed);
    const TxIn& in = s.tx.vin[i];
    return script::VerifyScript(in.script_sig, s.spent[i].script_pubkey, &in.witness, FLAGS, checker) ==
           script::ScriptError::OK;
}

bool VerifyAllInputs(const SignedTx& s)
{
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    for (size_t i = 0; i < s.tx.vin.size(); ++i) {
        if (!VerifyInput(s, precomputed, i)) return false;
    }
    return true;
}

// ---- P2WPKH -----------------------------------------------------------------

void VerifyP2wpkhInput(bench::Bench& b)
{
    const SignedTx s = MakeP2wpkhSpend(1);
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    if (!VerifyInput(s, precomputed, 0)) Fail("p2wpkh does not verify");
    b.Run([&] { bench::DoNotOptimize(VerifyInput(s, precomputed, 0)); });
}

// The signature and sighash of the P2WPKH input above, for the bare checks.
struct EcdsaCase {
    util::Bytes pubkey;
    util::Bytes der;
    Uint256 sighash;
};

EcdsaCase P2wpkhSignature()
{
    const SignedTx s = MakeP2wpkhSpend(1);
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    const util::Bytes script_code = P2wpkhScriptCode(s.spent[0].script_pubkey);
    const auto& sig = s.tx.vin[0].witness.stack[0];
    return {s.tx.vin[0].witness.stack[1], util::Bytes(sig.begin(), sig.end() - 1),
            script::SegwitV0SignatureHash(script_code, s.tx, 0, script::SIGHASH_ALL, s.spent[0].value, &precomputed)};
}

void EcdsaSecp256k1VerifyOnly(bench::Bench& b)
{
    const EcdsaCase c = P2wpkhSignature();
    const auto verifier = bare::EcdsaVerifier::Parse(c.pubkey, c.der);
    if (!verifier || !verifier->Verify(c.sighash.bytes())) Fail("bare ecdsa");
    b.Run([&] { bench::DoNotOptimize(verifier->Verify(c.sighash.bytes())); });
}

void EcdsaSecp256k1ParseAndVerify(bench::Bench& b)
{
    // What libsecp256k1 needs for a signature that arrives as bytes: parse the
    // public key and the signature, then verify.
    const EcdsaCase c = P2wpkhSignature();
    b.Run([&] {
        const auto verifier = bare::EcdsaVerifier::Parse(c.pubkey, c.der);
        bench::DoNotOptimize(verifier && verifier->Verify(c.sighash.bytes()));
    });
}

// ---- P2TR key path ------------------------------------------------------------

void VerifyP2trKeyPathInput(bench::Bench& b)
{
    const SignedTx s = MakeP2trKeyPathSpend();
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    if (!VerifyInput(s, precomputed, 0)) Fail("p2tr does not verify");
    b.Run([&] { bench::DoNotOptimize(VerifyInput(s, precomputed, 0)); });
}

struct SchnorrCase {
    std::array<uint8_t, 32> key;
    std::array<uint8_t, 64> sig;
    Uint256 sighash;
};

SchnorrCase P2trSignature()
{
    const SignedTx s = MakeP2trKeyPathSpend();
    const script::PrecomputedTxData precomputed(s.tx, s.spent);
    SchnorrCase c;
    std::copy(s.spent[0].script_pubkey.begin() + 2, s.spent[0].script_pubkey.end(), c.key.begin());
    std::copy(s.tx.vin[0].witness.stack[0].begin(), s.tx.vin[0].witness.stack[0].end(), c.sig.begin());
    c.sighash = *script::TaprootSignatureHash(s.tx, 0, script::SIGHASH_DEFAULT, script::SigVersion::TAPROOT, precomputed, {});
    return c;
}

void SchnorrSecp256k1VerifyOnly(bench::Bench& b)
{
    const SchnorrCase c = P2trSignature();
    const auto verifier = bare::SchnorrVerifier::Parse(c.key);
    if (!verifier || !verifier->Verify(c.sig, c.sighash.bytes())) Fail("bare schnorr");
    b.Run([&] { bench::DoNotOptimize(verifier->Verify(c.sig, c.sighash.bytes())); });
}

void SchnorrSecp256k1ParseAndVerify(bench::Bench& b)
{
    const SchnorrCase c = P2trSignature();
    b.Run([&] {
        const auto verifier = bare::SchnorrVerifier::Parse(c.key);
        bench::DoNotOptimize(verifier && verifier->Verify(c.sig, c.sighash.bytes()));
    });
}

// ---- whole transactions ---------------------------------------------------------

template <size_t N>
void VerifyTxP2wpkhInputs(bench::Bench& b)
{
    const SignedTx s = MakeP2wpkhSpend(N);
    if (!VerifyAllInputs(s)) Fail("tx does not verify");
    b.Run([&] { bench::DoNotOptimize(VerifyAllInputs(s)); });
}

void VerifyTx0100P2wpkhInputs(bench::Bench& b) { VerifyTxP2wpkhInputs<100>(b); }
void VerifyTx0500P2wpkhInputs(bench::Bench& b) { VerifyTxP2wpkhInputs<500>(b); }
void VerifyTx1000P2wpkhInputs(bench::Bench& b) { VerifyTxP2wpkhInputs<1000>(b); }
void VerifyTx2000P2wpkhInputs(bench::Bench& b) { VerifyTxP2wpkhInputs<2000>(b); }

} // namespace

UTXO_BENCHMARK(VerifyP2wpkhInput);
UTXO_BENCHMARK(EcdsaSecp256k1VerifyOnly);
UTXO_BENCHMARK(EcdsaSecp256k1ParseAndVerify);
UTXO_BENCHMARK(VerifyP2trKeyPathInput);
UTXO_BENCHMARK(SchnorrSecp256k1VerifyOnly);
UTXO_BENCHMARK(SchnorrSecp256k1ParseAndVerify);
UTXO_BENCHMARK(VerifyTx0100P2wpkhInputs);
UTXO_BENCHMARK(VerifyTx0500P2wpkhInputs);
UTXO_BENCHMARK(VerifyTx1000P2wpkhInputs);
UTXO_BENCHMARK(VerifyTx2000P2wpkhInputs);
