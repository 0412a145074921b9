// Consensus parameters of one network: what every node on it must agree on.
#ifndef UTXO_CONSENSUS_PARAMS_H
#define UTXO_CONSENSUS_PARAMS_H

#include <primitives/uint256.h>
#include <util/byte_span.h>

#include <cstdint>
#include <map>
#include <vector>

namespace consensus {

// A BIP9 deployment signalled with a version bit (versionbits). No rule in
// utxod depends on one today: Core v29 has only regtest's testdummy, which
// changes nothing but block versions, templates and getdeploymentinfo.
struct Bip9Deployment {
    const char* name{""};
    int bit{0};
    int64_t start_time{0};      // median time past at which signalling starts
    int64_t timeout{INT64_MAX}; // median time past at which it fails if not locked in
    int min_activation_height{0};
    bool gbt_force{true}; // getblocktemplate clients may ignore it (no "!" in "rules")
};

struct Params {
    int subsidy_halving_interval{210000};
    // BIP34 (height in coinbase) applies from this height; the block there is
    // bip34_hash, which lets BIP30 checks be skipped after it.
    int bip34_height{0};
    primitives::BlockHash bip34_hash;
    int bip65_height{0}; // OP_CHECKLOCKTIMEVERIFY
    int bip66_height{0}; // strict DER signatures
    int csv_height{0};   // BIP68/112/113: relative lock-time, OP_CHECKSEQUENCEVERIFY, median-time-past
    int segwit_height{0}; // BIP141/143/147, and taproot (BIP341/342) rules buried with it
    int min_bip9_warning_height{0};
    uint32_t rule_change_activation_threshold{1815}; // BIP9: signalling blocks per window to lock in
    uint32_t miner_confirmation_window{2016};        // BIP9: the window (period) in blocks
    std::vector<Bip9Deployment> bip9_deployments;    // in Core's order

    primitives::Uint256 pow_limit;
    bool pow_allow_min_difficulty_blocks{false}; // testnet's 20-minute rule
    bool enforce_bip94{false};                   // testnet4's timewarp and min-difficulty fixes
    bool pow_no_retargeting{false};              // regtest
    int64_t pow_target_spacing{10 * 60};
    int64_t pow_target_timespan{14 * 24 * 60 * 60};
    int64_t DifficultyAdjustmentInterval() const { return pow_target_timespan / pow_target_spacing; }

    // Signet: blocks must carry a solution to this challenge script.
    bool signet_blocks{false};
    util::Bytes signet_challenge;

    // Blocks validated with other script flags than their height implies
    // (historic blocks that predate a rule); value is the flag bit set.
    std::map<primitives::BlockHash, uint32_t> script_flag_exceptions;
};

} // namespace consensus

#endif // UTXO_CONSENSUS_PARAMS_H
