// gen_chain: a deterministic generator of valid regtest chains, so tests and
// benchmarks have realistic blocks without outside tools.
//
// Blocks build on the regtest genesis block. After coinbase maturity each
// block carries about `txs_per_block` transactions whose inputs are signed
// spends of six kinds (SpendType): P2PKH, P2WPKH, 2-of-3 multisig in P2SH and
// in P2WSH, taproot key path (BIP86 tweak, BIP340 signature) and taproot
// script path (a two-leaf tree: a single-key CHECKSIG leaf and a 2-of-2
// CHECKSIG/CHECKSIGADD leaf, BIP342). Outputs of every kind are created by
// coinbases and by earlier transactions (also earlier in the same block), so
// spends form chains. Blocks follow Bitcoin Core v29's regtest rules: BIP34
// height, subsidy plus fees, the BIP141 witness commitment, timestamps above
// the median time past, weight and sigop cost below the limits, scripts valid
// under every regtest flag (the unit tests check each block with our own
// CheckBlock, contextual checks and ConnectBlock).
//
// Deterministic: the same Options give the same blocks, byte for byte. Keys
// come from hashing the seed; nothing reads a clock or a random source.
// Layering: uses consensus, script, primitives, crypto and util only.
#ifndef UTXO_CONTRIB_GEN_CHAIN_CHAIN_GENERATOR_H
#define UTXO_CONTRIB_GEN_CHAIN_CHAIN_GENERATOR_H

#include <consensus/chain_params.h>
#include <primitives/block.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace gen_chain {

enum class SpendType : uint8_t {
    P2PKH,
    P2WPKH,
    P2SH_MULTISIG,    // 2-of-3 CHECKMULTISIG redeem script (BIP16)
    P2WSH_MULTISIG,   // 2-of-3 CHECKMULTISIG witness script (BIP141)
    P2TR_KEY_PATH,    // BIP86-tweaked output key, BIP340 signature (BIP341)
    P2TR_SCRIPT_PATH, // two-leaf tree spent through a leaf (BIP341/342)
};
inline constexpr size_t SPEND_TYPE_COUNT = 6;
// "p2pkh", "p2wpkh", "p2sh-multisig", "p2wsh-multisig", "p2tr-keypath", "p2tr-scriptpath".
std::string_view SpendTypeName(SpendType type);

// Seconds between consecutive block timestamps.
inline constexpr uint32_t BLOCK_INTERVAL = 600;

struct Options {
    int blocks{200};         // blocks after genesis
    int txs_per_block{50};   // target transactions per block (besides the coinbase) once coins mature
    std::string seed{"utxod"};
    uint32_t start_time{0};  // time of block 1; 0: regtest genesis time + 1. Block h: start + (h-1)*BLOCK_INTERVAL
};

// Checks `options` against `params` (regtest only; counts not negative;
// start time after the genesis block and the last block time within 32 bits).
util::Result<void> CheckOptions(const Options& options, const consensus::ChainParams& params);

struct Stats {
    int blocks{0};
    uint64_t transactions{0}; // including coinbases
    std::array<uint64_t, SPEND_TYPE_COUNT> inputs{};  // signed inputs spent, by type
    std::array<uint64_t, SPEND_TYPE_COUNT> outputs{}; // outputs created, by type
    uint64_t block_bytes{0};  // serialized blocks, with witnesses
};

// Builds blocks one after the other. Not thread-safe; memory grows with the
// set of unspent generated outputs, not with the chain.
class ChainGenerator {
public:
    // Precondition: CheckOptions(options, params) passed.
    ChainGenerator(const consensus::ChainParams& params, Options options);
    ~ChainGenerator();
    ChainGenerator(const ChainGenerator&) = delete;
    ChainGenerator& operator=(const ChainGenerator&) = delete;

    // True while fewer than options.blocks blocks have been built.
    bool HasNext() const;
    // The block at height Height() + 1, on top of the previous one (or genesis).
    primitives::Block NextBlock();
    // Height of the last block built (0: none yet, the tip is genesis).
    int Height() const;
    const Stats& GetStats() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Appends `block` to `out` as one blk-file record (Bitcoin Core's blk?????.dat
// layout): the 4-byte network magic, the block's size as 4 bytes little
// endian, then the block serialized with witnesses.
void AppendBlkRecord(util::Bytes& out, const std::array<uint8_t, 4>& magic, const primitives::Block& block);

// Generates the whole chain into the file `path` (created or truncated).
// `progress`, when set, is called after each block. Errors: bad options or
// I/O failures, as messages naming the file.
util::Result<Stats> WriteChainFile(const consensus::ChainParams& params, const Options& options,
                                   const std::string& path,
                                   const std::function<void(const Stats&)>& progress = {});

} // namespace gen_chain

#endif // UTXO_CONTRIB_GEN_CHAIN_CHAIN_GENERATOR_H
