// Connecting a block of 2,000 signed P2WPKH spends (chain::ConnectBlock with
// script checks on 1 and 2 threads), next to the floor: libsecp256k1 parsing
// and verifying the same 2,000 signatures, split over the same number of
// threads, with nothing else done.
#include <bench/bench.h>
#include <chain/block_index.h>
#include <chain/connect.h>
#include <chain/script_check_queue.h>
#include <coins/coins_cache.h>
#include <consensus/chain_params.h>
#include <consensus/subsidy.h>
#include <crypto/hash.h>
#include <crypto/secp256k1_bare.h>
#include <primitives/merkle.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_encoding.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

namespace {

using namespace primitives;
namespace bare = crypto::secp256k1_bare;

constexpr size_t INPUTS = 2000;
constexpr size_t INPUTS_PER_TX = 2; // 1,000 transactions of 2 inputs and 2 outputs
constexpr int64_t COIN_VALUE = 100'000;
constexpr int64_t FEE = 1'000;

[[noreturn]] void Fail(const char* what)
{
    std::fprintf(stderr, "bench setup failed: %s\n", what);
    std::abort();
}

// A UTXO set with nothing in it, under the cache that holds the block's coins.
class EmptyView final : public coins::CoinsView {
public:
    std::optional<coins::Coin> GetCoin(const OutPoint&) const override { return std::nullopt; }
    BlockHash BestBlock() const override { return {}; }
    util::Result<void> BatchWrite(const coins::CoinsMap&, const BlockHash&) override { return {}; }
};

struct Key {
    std::array<uint8_t, 32> secret{};
    util::Bytes pubkey;
    util::Bytes script_pubkey; // 0014<hash160(pubkey)>
};

Key MakeKey(uint32_t n)
{
    Key key;
    key.secret[0] = 0x5a;
    key.secret[28] = static_cast<uint8_t>(n >> 24);
    key.secret[29] = static_cast<uint8_t>(n >> 16);
    key.secret[30] = static_cast<uint8_t>(n >> 8);
    key.secret[31] = static_cast<uint8_t>(n + 1);
    const auto derived = bare::DerivePubKey(key.secret);
    if (!derived) Fail("pubkey");
    key.pubkey.assign(derived->compressed_pubkey.begin(), derived->compressed_pubkey.end());
    const auto h160 = crypto::Hash160(key.pubkey);
    key.script_pubkey = {0x00, 0x14};
    key.script_pubkey.insert(key.script_pubkey.end(), h160.begin(), h160.end());
    return key;
}

// One signature as libsecp256k1 sees it.
struct Signature {
    util::Bytes pubkey;
    util::Bytes der; // without the sighash byte
    Uint256 sighash;
};

// A regtest branch of 10 headers; the block at height 11 spends INPUTS
// P2WPKH coins (each its own key) that `utxos` holds.
struct ConnectCase {
    consensus::ChainParams params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    chain::BlockTree tree;
    EmptyView empty;
    coins::CoinsCache utxos{empty, 11, 12};
    Block block;
    chain::BlockIndex* index{nullptr};
    std::vector<Signature> signatures;

    ConnectCase()
    {
        BlockHeader header = params.genesis.header;
        chain::BlockIndex* tip = tree.Insert(header);
        for (int h = 1; h <= 10; ++h) {
            header.prev_block = tip->hash;
            header.time += 600;
            tip = tree.Insert(header);
        }
        std::vector<MutableTransaction> txs;
        for (size_t first = 0; first < INPUTS; first += INPUTS_PER_TX) txs.push_back(MakeTx(first));

        const int height = tip->height + 1;
        MutableTransaction coinbase;
        coinbase.vin.resize(1);
        script::AppendInt(coinbase.vin[0].script_sig, height);
        script::AppendInt(coinbase.vin[0].script_sig, 0);
        const int64_t fees = FEE * static_cast<int64_t>(txs.size());
        coinbase.vout.push_back({Amount{consensus::BlockSubsidy(height, params.consensus).sats() + fees}, {0x51}});
        block.header.version = 4;
        block.header.prev_block = tip->hash;
        block.header.time = tip->header.time + 600;
        block.header.bits = 0x207fffff;
        block.txs.push_back(std::make_shared<const Transaction>(std::move(coinbase)));
        for (auto& tx : txs) block.txs.push_back(std::make_shared<const Transaction>(std::move(tx)));
        block.header.merkle_root = BlockMerkleRoot(block);
        index = tree.Insert(block.header);
    }

    // Spends coins first .. first + INPUTS_PER_TX - 1 (creating them in
    // `utxos`) to two P2WPKH outputs, and signs every input.
    MutableTransaction MakeTx(size_t first)
    {
        MutableTransaction tx;
        tx.version = 2;
        std::vector<Key> keys;
        std::vector<TxOut> spent;
        for (size_t i = 0; i < INPUTS_PER_TX; ++i) {
            const auto n = static_cast<uint32_t>(first + i);
            keys.push_back(MakeKey(n));
            OutPoint outpoint;
            outpoint.txid.data()[0] = static_cast<uint8_t>(n);
            outpoint.txid.data()[1] = static_cast<uint8_t>(n >> 8);
            outpoint.txid.data()[2] = 0xfe;
            outpoint.index = n % 4;
            spent.push_back({Amount{COIN_VALUE}, keys.back().script_pubkey});
            if (!utxos.AddCoin(outpoint, coins::Coin{spent.back(), 1, false, false}, false)) Fail("add coin");
            tx.vin.emplace_back().prevout = outpoint;
        }
        const int64_t out_value = (COIN_VALUE * static_cast<int64_t>(INPUTS_PER_TX) - FEE) / 2;
        tx.vout.push_back({Amount{out_value}, keys[0].script_pubkey});
        tx.vout.push_back({Amount{out_value}, keys[1].script_pubkey});
        const script::PrecomputedTxData precomputed(tx, spent);
        for (size_t i = 0; i < INPUTS_PER_TX; ++i) {
            // BIP143: P2WPKH signs with the P2PKH script of its key hash.
            const util::Bytes code = script::PayToPubKeyHashScript(util::ByteSpan(spent[i].script_pubkey).subspan(2));
            const Uint256 sighash = script::SegwitV0SignatureHash(code, tx, i, script::SIGHASH_ALL, spent[i].value,
                                                                  &precomputed);
            auto der = bare::SignEcdsa(keys[i].secret, sighash.bytes());
            if (!der) Fail("sign");
            signatures.push_back({keys[i].pubkey, *der, sighash});
            util::Bytes sig = *der;
            sig.push_back(script::SIGHASH_ALL);
            tx.vin[i].witness.stack = {sig, keys[i].pubkey};
        }
        return tx;
    }

    // Connects the block into a fresh child of `utxos`, as the node does
    // (the child would then be merged); aborts unless it connects.
    void Connect(chain::ScriptCheckQueue* queue)
    {
        coins::CoinsCache child(utxos, 13, 14);
        coins::BlockUndo undo;
        const auto result = chain::ConnectBlock(block, *index, child, params.consensus, undo, true, queue);
        if (!result.ok()) {
            std::fprintf(stderr, "block does not connect: %s\n", result.reject_reason.c_str());
            std::abort();
        }
    }
};

// Built once (signing 2,000 inputs takes a while) for all the benchmarks here.
ConnectCase& Case()
{
    static const auto the_case = std::make_unique<ConnectCase>();
    return *the_case;
}

void ConnectBlock2000P2wpkh(bench::Bench& b, unsigned par)
{
    ConnectCase& c = Case();
    chain::ScriptCheckQueue queue(par);
    c.Connect(&queue);
    b.Run([&] { c.Connect(&queue); });
}

void ConnectBlock2000P2wpkhPar1(bench::Bench& b) { ConnectBlock2000P2wpkh(b, 1); }
void ConnectBlock2000P2wpkhPar2(bench::Bench& b) { ConnectBlock2000P2wpkh(b, 2); }

void ConnectBlock2000P2wpkhNoQueue(bench::Bench& b)
{
    ConnectCase& c = Case();
    b.Run([&] { c.Connect(nullptr); });
}

// The floor: the same signatures parsed and verified by `threads` threads
// (this one and threads - 1 started for the call, which costs tens of
// microseconds against tens of milliseconds of checks), each taking the next
// signature from a shared counter, so a thread slowed by other load on the
// machine simply does fewer: the best any split can do.
bool VerifyAll(const std::vector<Signature>& signatures, unsigned threads)
{
    std::atomic<size_t> next{0};
    std::atomic<bool> ok{true};
    const auto work = [&] {
        for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < signatures.size();) {
            const Signature& s = signatures[i];
            const auto verifier = bare::EcdsaVerifier::Parse(s.pubkey, s.der);
            if (!verifier || !verifier->Verify(s.sighash.bytes())) ok.store(false, std::memory_order_relaxed);
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
    for (auto& helper : helpers) helper.join();
    return ok.load();
}

void Secp256k1Floor2000Ecdsa(bench::Bench& b, unsigned threads)
{
    const auto& signatures = Case().signatures;
    if (signatures.size() != INPUTS || !VerifyAll(signatures, threads)) Fail("floor signatures");
    b.Run([&] { bench::DoNotOptimize(VerifyAll(signatures, threads)); });
}

void Secp256k1Floor2000EcdsaThreads1(bench::Bench& b) { Secp256k1Floor2000Ecdsa(b, 1); }
void Secp256k1Floor2000EcdsaThreads2(bench::Bench& b) { Secp256k1Floor2000Ecdsa(b, 2); }

} // namespace

UTXO_BENCHMARK(ConnectBlock2000P2wpkhNoQueue);
UTXO_BENCHMARK(ConnectBlock2000P2wpkhPar1);
UTXO_BENCHMARK(ConnectBlock2000P2wpkhPar2);
UTXO_BENCHMARK(Secp256k1Floor2000EcdsaThreads1);
UTXO_BENCHMARK(Secp256k1Floor2000EcdsaThreads2);
