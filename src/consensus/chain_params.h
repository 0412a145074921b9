// Everything that tells one Bitcoin network from another: consensus
// parameters, genesis block, message start bytes, default ports, address
// prefixes and data-directory name. Main, testnet3, testnet4, signet (the
// default global signet) and regtest.
#ifndef UTXO_CONSENSUS_CHAIN_PARAMS_H
#define UTXO_CONSENSUS_CHAIN_PARAMS_H

#include <consensus/params.h>
#include <primitives/amount.h>
#include <primitives/block.h>
#include <script/address_params.h>
#include <util/result.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace consensus {

enum class ChainType { MAIN, TESTNET, TESTNET4, SIGNET, REGTEST };

// The -chain= names: "main", "test", "testnet4", "signet", "regtest".
std::string_view ChainTypeName(ChainType type);
std::optional<ChainType> ParseChainType(std::string_view name);

struct ChainParams {
    ChainType type;
    Params consensus;
    // First four bytes of every P2P message and block-file record.
    std::array<uint8_t, 4> message_start;
    uint16_t default_port;
    uint16_t default_rpc_port;
    // Subfolder of the data directory ("" for main).
    std::string_view data_dir_name;
    uint64_t prune_after_height;
    primitives::Block genesis;
    script::AddressParams addresses;
    // Regtest only: blocks may be mined on demand by RPC.
    bool mine_blocks_on_demand{false};
};

// Builds the parameters of `type`, building the genesis block from its fields
// and checking its hash and merkle root against the known values. An error here
// means the build is broken: the node must not start.
util::Result<ChainParams> CreateChainParams(ChainType type);

// The genesis block shape every network uses: one coinbase paying `reward` to
// `output_script`, its input script carrying the nBits 0x1d00ffff, the number 4
// and `message`.
primitives::Block CreateGenesisBlock(std::string_view message, const util::Bytes& output_script, uint32_t time,
                                     uint32_t nonce, uint32_t bits, int32_t version, primitives::Amount reward);

// A signet's message start: the first four bytes of the double SHA-256 of the
// challenge serialized as a length-prefixed byte string.
std::array<uint8_t, 4> SignetMessageStart(util::ByteSpan challenge);

} // namespace consensus

#endif // UTXO_CONSENSUS_CHAIN_PARAMS_H
