#include "chain_generator.h"

#include <consensus/block_check.h>
#include <consensus/pow.h>
#include <consensus/subsidy.h>
#include <consensus/tx_check.h>
#include <consensus/tx_verify.h>
#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <crypto/signer.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <script/address.h>
#include <script/interpreter.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_encoding.h>
#include <script/verify_flags.h>
#include <util/endian.h>
#include <util/serialize.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gen_chain {

using primitives::Amount;
using primitives::MutableTransaction;
using primitives::OutPoint;
using primitives::Transaction;
using primitives::TxOut;
using primitives::Uint256;

std::string_view SpendTypeName(SpendType type)
{
    switch (type) {
    case SpendType::P2PKH: return "p2pkh";
    case SpendType::P2WPKH: return "p2wpkh";
    case SpendType::P2SH_MULTISIG: return "p2sh-multisig";
    case SpendType::P2WSH_MULTISIG: return "p2wsh-multisig";
    case SpendType::P2TR_KEY_PATH: return "p2tr-keypath";
    case SpendType::P2TR_SCRIPT_PATH: return "p2tr-scriptpath";
    }
    return "unknown";
}

util::Result<void> CheckOptions(const Options& options, const consensus::ChainParams& params)
{
    if (params.type != consensus::ChainType::REGTEST) return util::Error{"only regtest chains can be generated"};
    if (options.blocks < 0) return util::Error{"--blocks must not be negative"};
    if (options.txs_per_block < 0) return util::Error{"--txs-per-block must not be negative"};
    const uint32_t genesis_time = params.genesis.header.time;
    if (options.start_time != 0 && options.start_time <= genesis_time) {
        return util::Error{"--start-time must be after the regtest genesis time (" + std::to_string(genesis_time) + ")"};
    }
    const uint64_t start = options.start_time != 0 ? options.start_time : uint64_t{genesis_time} + 1;
    const uint64_t last = start + uint64_t(options.blocks > 0 ? options.blocks - 1 : 0) * BLOCK_INTERVAL;
    if (last > std::numeric_limits<uint32_t>::max()) return util::Error{"the last block time does not fit 32 bits"};
    return {};
}

namespace {

// Keys and the deterministic stream of choices.
constexpr size_t KEY_POOL_SIZE = 1024;
// Output values never go below this (well above any dust threshold).
constexpr int64_t MIN_OUTPUT = 20'000;
// Fee per input and per transaction, in satoshis (about 10 sat/vB).
constexpr int64_t FEE_PER_INPUT = 1'500;
constexpr int64_t FEE_BASE = 1'000;
// Room left in each block for the coinbase and safety.
constexpr size_t BLOCK_WEIGHT_BUDGET = consensus::MAX_BLOCK_WEIGHT - 20'000;
constexpr int64_t BLOCK_SIGOP_BUDGET = consensus::MAX_BLOCK_SIGOPS_COST - 400;
constexpr uint32_t SEQUENCE = 0xfffffffd; // BIP68 disabled (bit 31 set), as wallets signalling BIP125 write it
constexpr size_t MAX_INPUTS = 3;
constexpr size_t MAX_OUTPUTS = 3;

// SplitMix64: a tiny deterministic generator; the seed comes from a hash.
class Choices {
public:
    explicit Choices(uint64_t seed) : m_state(seed) {}
    uint64_t Next()
    {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform enough in [0, n) for n far below 2^64. Precondition: n > 0.
    uint64_t Below(uint64_t n) { return Next() % n; }

private:
    uint64_t m_state;
};

util::Bytes SeedBytes(std::string_view tag, const std::string& seed, uint32_t index)
{
    util::Bytes data(seed.begin(), seed.end());
    util::ByteWriter(data).WriteU32LE(index);
    const auto hash = crypto::TaggedHash(tag, data);
    return util::Bytes(hash.begin(), hash.end());
}

struct Key {
    std::array<uint8_t, 32> secret;
    std::array<uint8_t, 33> pubkey;
    std::array<uint8_t, 20> pubkey_hash;
    std::array<uint8_t, 32> xonly;
};

// Everything needed to pay to, and later spend, one (type, key) pair.
struct OutputTemplate {
    util::Bytes script_pubkey;
    util::Bytes inner_script;              // multisig: the redeem or witness script; empty otherwise
    std::array<uint8_t, 32> tweak{};       // P2TR: the TapTweak of the internal key
    std::array<util::Bytes, 2> leaves;     // P2TR script path: the two leaf scripts
    std::array<Uint256, 2> leaf_hashes;
    bool parity{false};                    // P2TR script path: output key's Y is odd
};

struct Utxo {
    OutPoint outpoint;
    int64_t value;
    SpendType type;
    uint32_t key;
};

// 2-of-3 CHECKMULTISIG over keys key, key+1, key+2 of the pool.
util::Bytes MultisigScript(const std::vector<Key>& keys, uint32_t key)
{
    util::Bytes script{script::EncodeOpN(2)};
    for (uint32_t i = 0; i < 3; ++i) script::AppendPush(script, keys[(key + i) % keys.size()].pubkey);
    script.push_back(script::EncodeOpN(3));
    script.push_back(script::OP_CHECKMULTISIG);
    return script;
}

} // namespace

struct ChainGenerator::State {
    consensus::ChainParams params;
    Options options;
    crypto::Signer signer;
    Choices choices;
    std::vector<Key> keys;
    std::vector<std::array<std::unique_ptr<OutputTemplate>, SPEND_TYPE_COUNT>> templates;
    uint32_t next_key{0};
    std::array<uint8_t, 8> coinbase_tag{};

    int height{0};
    primitives::BlockHash tip;
    uint32_t start_time{0};
    std::vector<Utxo> spendable;
    std::deque<std::vector<Utxo>> immature; // coinbase outputs of the last COINBASE_MATURITY blocks, oldest first
    Stats stats;

    State(const consensus::ChainParams& p, Options o)
        : params(p), options(std::move(o)), choices(ChoiceSeed(options.seed)), templates(KEY_POOL_SIZE)
    {
        tip = params.genesis.GetHash();
        start_time = options.start_time != 0 ? options.start_time : params.genesis.header.time + 1;
        const util::Bytes tag = SeedBytes("gen-chain/coinbase", options.seed, 0);
        std::copy_n(tag.begin(), coinbase_tag.size(), coinbase_tag.begin());
        keys.reserve(KEY_POOL_SIZE);
        for (uint32_t attempt = 0; keys.size() < KEY_POOL_SIZE; ++attempt) {
            Key key;
            const util::Bytes secret = SeedBytes("gen-chain/key", options.seed, attempt);
            std::copy(secret.begin(), secret.end(), key.secret.begin());
            const auto pubkey = signer.CompressedPubKey(key.secret);
            const auto xonly = signer.XOnlyPubKey(key.secret);
            if (!pubkey || !xonly) continue; // not a valid scalar (never in practice): skip it
            key.pubkey = *pubkey;
            key.pubkey_hash = crypto::Hash160(key.pubkey);
            key.xonly = *xonly;
            keys.push_back(key);
        }
    }

    static uint64_t ChoiceSeed(const std::string& seed)
    {
        return util::ReadLE64(SeedBytes("gen-chain/choices", seed, 0).data());
    }

    const Key& KeyAt(uint32_t index) const { return keys[index % keys.size()]; }

    const OutputTemplate& Template(SpendType type, uint32_t key)
    {
        auto& slot = templates[key][static_cast<size_t>(type)];
        if (!slot) slot = std::make_unique<OutputTemplate>(BuildTemplate(type, key));
        return *slot;
    }

    OutputTemplate BuildTemplate(SpendType type, uint32_t key) const
    {
        OutputTemplate t;
        const Key& k = KeyAt(key);
        switch (type) {
        case SpendType::P2PKH:
            t.script_pubkey = script::GetScriptForDestination(script::PKHash{k.pubkey_hash});
            break;
        case SpendType::P2WPKH:
            t.script_pubkey = script::GetScriptForDestination(script::WitnessV0KeyHash{k.pubkey_hash});
            break;
        case SpendType::P2SH_MULTISIG:
            t.inner_script = MultisigScript(keys, key);
            t.script_pubkey = script::GetScriptForDestination(script::ScriptHash{crypto::Hash160(t.inner_script)});
            break;
        case SpendType::P2WSH_MULTISIG:
            t.inner_script = MultisigScript(keys, key);
            t.script_pubkey =
                script::GetScriptForDestination(script::WitnessV0ScriptHash{crypto::Sha256Once(t.inner_script)});
            break;
        case SpendType::P2TR_KEY_PATH: {
            // BIP86: no script tree, the tweak commits to the internal key alone.
            t.tweak = crypto::TaggedHash("TapTweak", k.xonly);
            const auto output = crypto::TweakXOnlyPubKey(k.xonly, t.tweak);
            if (!output) throw std::logic_error("taproot tweak failed");
            t.script_pubkey = script::GetScriptForDestination(script::WitnessV1Taproot{output->key});
            break;
        }
        case SpendType::P2TR_SCRIPT_PATH: {
            // Leaf 0: <A> CHECKSIG. Leaf 1: <B> CHECKSIG <C> CHECKSIGADD 2 NUMEQUAL (2-of-2, BIP342).
            util::Bytes& single = t.leaves[0];
            script::AppendPush(single, KeyAt(key + 1).xonly);
            single.push_back(script::OP_CHECKSIG);
            util::Bytes& pair = t.leaves[1];
            script::AppendPush(pair, KeyAt(key + 2).xonly);
            pair.push_back(script::OP_CHECKSIG);
            script::AppendPush(pair, KeyAt(key + 3).xonly);
            pair.push_back(script::OP_CHECKSIGADD);
            pair.push_back(script::EncodeOpN(2));
            pair.push_back(script::OP_NUMEQUAL);
            for (size_t i = 0; i < 2; ++i) {
                t.leaf_hashes[i] = script::ComputeTapleafHash(script::TAPROOT_LEAF_TAPSCRIPT, t.leaves[i]);
            }
            const Uint256 root = script::ComputeTapbranchHash(t.leaf_hashes[0].span(), t.leaf_hashes[1].span());
            util::Bytes tweak_input(k.xonly.begin(), k.xonly.end());
            tweak_input.insert(tweak_input.end(), root.begin(), root.end());
            t.tweak = crypto::TaggedHash("TapTweak", tweak_input);
            const auto output = crypto::TweakXOnlyPubKey(k.xonly, t.tweak);
            if (!output) throw std::logic_error("taproot tweak failed");
            t.parity = output->parity;
            t.script_pubkey = script::GetScriptForDestination(script::WitnessV1Taproot{output->key});
            break;
        }
        }
        return t;
    }

    // A fresh (type, key) output of `value`, counted in the stats.
    std::pair<TxOut, Utxo> NewOutput(SpendType type, int64_t value)
    {
        const uint32_t key = next_key;
        next_key = (next_key + 1) % KEY_POOL_SIZE;
        ++stats.outputs[static_cast<size_t>(type)];
        return {TxOut{Amount{value}, Template(type, key).script_pubkey}, Utxo{OutPoint{}, value, type, key}};
    }

    SpendType RandomType() { return static_cast<SpendType>(choices.Below(SPEND_TYPE_COUNT)); }

    util::Bytes EcdsaSig(uint32_t key, const Uint256& sighash) const
    {
        auto sig = signer.SignEcdsa(KeyAt(key).secret, sighash.bytes());
        if (!sig) throw std::logic_error("ECDSA signing failed");
        sig->push_back(script::SIGHASH_ALL);
        return std::move(*sig);
    }

    util::Bytes SchnorrSig(uint32_t key, const Uint256& sighash, const std::array<uint8_t, 32>* tweak) const
    {
        const auto sig = signer.SignSchnorr(KeyAt(key).secret, sighash.bytes(), tweak);
        if (!sig) throw std::logic_error("BIP340 signing failed");
        return util::Bytes(sig->begin(), sig->end()); // SIGHASH_DEFAULT: no hash-type byte
    }

    // Signs input `i` of `tx`, which spends `utxo`.
    void SignInput(MutableTransaction& tx, size_t i, const Utxo& utxo, const script::PrecomputedTxData& precomputed)
    {
        const OutputTemplate& t = Template(utxo.type, utxo.key);
        primitives::TxIn& in = tx.vin[i];
        // Multisig: two of the three keys sign, in script order; which one
        // stays out is a choice.
        const auto multisig_keys = [&] {
            const uint64_t skip = choices.Below(3);
            std::array<uint32_t, 2> signers{};
            for (uint32_t k = 0, n = 0; k < 3; ++k) {
                if (k != skip) signers[n++] = utxo.key + k;
            }
            return signers;
        };
        switch (utxo.type) {
        case SpendType::P2PKH: {
            const Uint256 sighash = script::LegacySignatureHash(t.script_pubkey, tx, i, script::SIGHASH_ALL);
            script::AppendPush(in.script_sig, EcdsaSig(utxo.key, sighash));
            script::AppendPush(in.script_sig, KeyAt(utxo.key).pubkey);
            break;
        }
        case SpendType::P2WPKH: {
            const util::Bytes code = script::PayToPubKeyHashScript(KeyAt(utxo.key).pubkey_hash);
            const Uint256 sighash = script::SegwitV0SignatureHash(code, tx, i, script::SIGHASH_ALL,
                                                                  Amount{utxo.value}, &precomputed);
            in.witness.stack = {EcdsaSig(utxo.key, sighash), util::Bytes(KeyAt(utxo.key).pubkey.begin(),
                                                                         KeyAt(utxo.key).pubkey.end())};
            break;
        }
        case SpendType::P2SH_MULTISIG: {
            const Uint256 sighash = script::LegacySignatureHash(t.inner_script, tx, i, script::SIGHASH_ALL);
            in.script_sig = {script::OP_0}; // CHECKMULTISIG's extra pop: must be empty (BIP147)
            for (uint32_t key : multisig_keys()) script::AppendPush(in.script_sig, EcdsaSig(key, sighash));
            script::AppendPush(in.script_sig, t.inner_script);
            break;
        }
        case SpendType::P2WSH_MULTISIG: {
            const Uint256 sighash = script::SegwitV0SignatureHash(t.inner_script, tx, i, script::SIGHASH_ALL,
                                                                  Amount{utxo.value}, &precomputed);
            in.witness.stack = {util::Bytes{}};
            for (uint32_t key : multisig_keys()) in.witness.stack.push_back(EcdsaSig(key, sighash));
            in.witness.stack.push_back(t.inner_script);
            break;
        }
        case SpendType::P2TR_KEY_PATH: {
            const auto sighash = script::TaprootSignatureHash(tx, i, script::SIGHASH_DEFAULT,
                                                              script::SigVersion::TAPROOT, precomputed, {});
            if (!sighash) throw std::logic_error("taproot sighash failed");
            in.witness.stack = {SchnorrSig(utxo.key, *sighash, &t.tweak)};
            break;
        }
        case SpendType::P2TR_SCRIPT_PATH: {
            const size_t leaf = choices.Below(2);
            script::TaprootSpendContext context;
            context.tapleaf_hash = t.leaf_hashes[leaf];
            const auto sighash = script::TaprootSignatureHash(tx, i, script::SIGHASH_DEFAULT,
                                                              script::SigVersion::TAPSCRIPT, precomputed, context);
            if (!sighash) throw std::logic_error("tapscript sighash failed");
            // The stack, bottom to top: what the leaf's last check consumes first.
            if (leaf == 0) {
                in.witness.stack = {SchnorrSig(utxo.key + 1, *sighash, nullptr)};
            } else {
                in.witness.stack = {SchnorrSig(utxo.key + 3, *sighash, nullptr),
                                    SchnorrSig(utxo.key + 2, *sighash, nullptr)};
            }
            in.witness.stack.push_back(t.leaves[leaf]);
            // Control block: leaf version with the output key's parity, internal key, the sibling's hash.
            util::Bytes control{static_cast<uint8_t>(script::TAPROOT_LEAF_TAPSCRIPT | (t.parity ? 1 : 0))};
            const auto& internal = KeyAt(utxo.key).xonly;
            control.insert(control.end(), internal.begin(), internal.end());
            const Uint256& sibling = t.leaf_hashes[1 - leaf];
            control.insert(control.end(), sibling.begin(), sibling.end());
            in.witness.stack.push_back(std::move(control));
            break;
        }
        }
        ++stats.inputs[static_cast<size_t>(utxo.type)];
    }

    Utxo TakeRandomSpendable()
    {
        const size_t index = choices.Below(spendable.size());
        Utxo utxo = spendable[index];
        spendable[index] = spendable.back();
        spendable.pop_back();
        return utxo;
    }

    struct BuiltTransaction {
        primitives::TransactionRef tx;
        int64_t fee;
        int64_t sigop_cost;
    };

    // One transaction spending 1..3 pool outputs (more when they are small)
    // into 1..3 new ones, which join the pool at once: later transactions of
    // the same block may spend them.
    BuiltTransaction BuildTransaction()
    {
        const size_t target_pool = 2 * static_cast<size_t>(std::max(options.txs_per_block, 1));
        const bool grow = spendable.size() < target_pool;
        size_t n_in = grow ? 1 : 1 + choices.Below(MAX_INPUTS);
        size_t n_out = grow ? MAX_OUTPUTS : 1 + choices.Below(2);
        std::vector<Utxo> inputs;
        int64_t total = 0;
        while (!spendable.empty() && (inputs.size() < n_in || total < int64_t(n_out) * MIN_OUTPUT * 4)) {
            if (inputs.size() >= MAX_INPUTS + 2) break;
            inputs.push_back(TakeRandomSpendable());
            total += inputs.back().value;
        }
        n_in = inputs.size();
        int64_t fee = FEE_BASE + FEE_PER_INPUT * int64_t(n_in);
        while (n_out > 1 && total - fee < int64_t(n_out) * MIN_OUTPUT) --n_out;
        // Only when the whole pool is nearly worthless: pay half of it on, half as fee.
        if (total - fee < MIN_OUTPUT) fee = std::min(fee, total / 2);
        const int64_t available = total - fee;

        MutableTransaction tx;
        tx.version = 2;
        for (const Utxo& utxo : inputs) {
            primitives::TxIn in;
            in.prevout = utxo.outpoint;
            in.sequence = SEQUENCE;
            tx.vin.push_back(std::move(in));
        }
        std::vector<Utxo> created;
        int64_t left = available;
        for (size_t o = 0; o < n_out; ++o) {
            int64_t value = left;
            if (o + 1 < n_out) {
                // Between a tenth and nine tenths of what is left, keeping MIN_OUTPUT for each later output.
                const int64_t later = int64_t(n_out - o - 1) * MIN_OUTPUT;
                const int64_t share = left / 10 + int64_t(choices.Below(8)) * (left / 10);
                value = std::clamp<int64_t>(share, MIN_OUTPUT, left - later);
            }
            left -= value;
            auto [txout, utxo] = NewOutput(RandomType(), value);
            tx.vout.push_back(std::move(txout));
            created.push_back(utxo);
        }

        std::vector<TxOut> spent;
        spent.reserve(inputs.size());
        for (const Utxo& utxo : inputs) spent.push_back({Amount{utxo.value}, Template(utxo.type, utxo.key).script_pubkey});
        const script::PrecomputedTxData precomputed(tx, spent);
        for (size_t i = 0; i < inputs.size(); ++i) SignInput(tx, i, inputs[i], precomputed);

        auto ref = std::make_shared<const Transaction>(std::move(tx));
        const int64_t sigop_cost = SigOpCost(*ref, spent);
        for (uint32_t o = 0; o < created.size(); ++o) {
            created[o].outpoint = OutPoint{ref->txid(), o};
            // Value zero outputs (only when inputs were nearly nothing) are not worth spending.
            if (created[o].value > 0) spendable.push_back(created[o]);
        }
        return {std::move(ref), fee, sigop_cost};
    }

    // BIP141 sigop cost of `tx`, which spends `spent_outputs` (one per input).
    static int64_t SigOpCost(const Transaction& tx, const std::vector<TxOut>& spent_outputs)
    {
        std::vector<std::optional<consensus::SpentCoin>> coins;
        coins.reserve(spent_outputs.size());
        for (const TxOut& out : spent_outputs) coins.emplace_back(consensus::SpentCoin{out, 1, false});
        return consensus::TransactionSigOpCost(tx, coins,
                                               script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS);
    }

    primitives::Block Next()
    {
        const int new_height = height + 1;
        // Coinbase outputs of block new_height - COINBASE_MATURITY may be spent from here on.
        if (immature.size() >= size_t(consensus::COINBASE_MATURITY)) {
            for (const Utxo& utxo : immature.front()) spendable.push_back(utxo);
            immature.pop_front();
        }

        primitives::Block block;
        block.txs.emplace_back(); // the coinbase, filled in below
        int64_t fees = 0;
        size_t weight = 0;
        int64_t sigops = 0;
        bool any_witness = false;
        // Upper bounds of one transaction's weight and sigop cost (every input a
        // P2SH multisig, every output P2PKH), checked before building it.
        constexpr size_t TX_WEIGHT_BOUND = (MAX_INPUTS + 2) * 1'300 + MAX_OUTPUTS * 200 + 200;
        constexpr int64_t TX_SIGOP_BOUND = (MAX_INPUTS + 2) * 12 + MAX_OUTPUTS * 4;
        for (int t = 0; t < options.txs_per_block && !spendable.empty(); ++t) {
            if (weight + TX_WEIGHT_BOUND > BLOCK_WEIGHT_BUDGET || sigops + TX_SIGOP_BOUND > BLOCK_SIGOP_BUDGET) break;
            BuiltTransaction built = BuildTransaction();
            weight += built.tx->Weight();
            sigops += built.sigop_cost;
            fees += built.fee;
            any_witness = any_witness || built.tx->HasWitness();
            block.txs.push_back(std::move(built.tx));
        }

        block.txs[0] = BuildCoinbase(new_height, fees, any_witness, block);
        block.header.version = 0x20000000;
        block.header.prev_block = tip;
        block.header.merkle_root = primitives::BlockMerkleRoot(block);
        block.header.time = start_time + uint32_t(new_height - 1) * BLOCK_INTERVAL;
        block.header.bits = params.genesis.header.bits; // regtest: no retargeting
        while (!consensus::CheckProofOfWork(block.header.GetHash(), block.header.bits, params.consensus)) {
            ++block.header.nonce;
        }

        tip = block.GetHash();
        height = new_height;
        ++stats.blocks;
        stats.transactions += block.txs.size();
        stats.block_bytes += primitives::BlockHeader::SIZE + util::CompactSizeLength(block.txs.size());
        for (const auto& tx : block.txs) stats.block_bytes += tx->TotalSize();
        return block;
    }

    primitives::TransactionRef BuildCoinbase(int new_height, int64_t fees, bool any_witness,
                                             const primitives::Block& block)
    {
        MutableTransaction coinbase;
        coinbase.version = 2;
        coinbase.vin.resize(1);
        // BIP34: the height first, as a minimal push; then a tag so the script is 2..100 bytes.
        script::AppendInt(coinbase.vin[0].script_sig, new_height);
        script::AppendPush(coinbase.vin[0].script_sig, coinbase_tag);
        const int64_t value = consensus::BlockSubsidy(new_height, params.consensus).sats() + fees;
        // The type of the coinbase's output rotates with the height, so all kinds mature in turn.
        const auto type = static_cast<SpendType>(size_t(new_height) % SPEND_TYPE_COUNT);
        auto [txout, utxo] = NewOutput(type, value);
        coinbase.vout.push_back(std::move(txout));
        if (any_witness) {
            // BIP141: commit to the witness tree (coinbase counted as zero) with a zero reserved value.
            const std::array<uint8_t, 32> reserved{};
            const Uint256 root = primitives::BlockWitnessMerkleRoot(block);
            coinbase.vout.push_back(
                TxOut{Amount{0}, primitives::WitnessCommitmentScript(primitives::ComputeWitnessCommitment(root, reserved))});
            coinbase.vin[0].witness.stack = {util::Bytes(reserved.begin(), reserved.end())};
        }
        auto ref = std::make_shared<const Transaction>(std::move(coinbase));
        utxo.outpoint = OutPoint{ref->txid(), 0};
        immature.push_back({utxo});
        return ref;
    }
};

ChainGenerator::ChainGenerator(const consensus::ChainParams& params, Options options)
    : m_state(std::make_unique<State>(params, std::move(options)))
{
}
ChainGenerator::~ChainGenerator() = default;

bool ChainGenerator::HasNext() const { return m_state->height < m_state->options.blocks; }
primitives::Block ChainGenerator::NextBlock() { return m_state->Next(); }
int ChainGenerator::Height() const { return m_state->height; }
const Stats& ChainGenerator::GetStats() const { return m_state->stats; }

void AppendBlkRecord(util::Bytes& out, const std::array<uint8_t, 4>& magic, const primitives::Block& block)
{
    out.insert(out.end(), magic.begin(), magic.end());
    const size_t length_pos = out.size();
    util::ByteWriter writer(out);
    writer.WriteU32LE(0);
    primitives::SerializeBlock(writer, block, primitives::TxSerialization::WITH_WITNESS);
    const uint32_t length = static_cast<uint32_t>(out.size() - length_pos - 4);
    util::WriteLE32(out.data() + length_pos, length);
}

util::Result<Stats> WriteChainFile(const consensus::ChainParams& params, const Options& options,
                                   const std::string& path, const std::function<void(const Stats&)>& progress)
{
    if (auto checked = CheckOptions(options, params); !checked) return util::Error{checked.error()};
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!file) return util::Error{"cannot open " + path + " for writing"};
    ChainGenerator generator(params, options);
    util::Bytes record;
    while (generator.HasNext()) {
        const primitives::Block block = generator.NextBlock();
        record.clear();
        AppendBlkRecord(record, params.message_start, block);
        if (std::fwrite(record.data(), 1, record.size(), file.get()) != record.size()) {
            return util::Error{"write to " + path + " failed"};
        }
        if (progress) progress(generator.GetStats());
    }
    Stats stats = generator.GetStats();
    if (std::fclose(file.release()) != 0) return util::Error{"closing " + path + " failed"};
    return stats;
}

} // namespace gen_chain
