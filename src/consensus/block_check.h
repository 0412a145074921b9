// Context-free block checks (Bitcoin Core's CheckBlock): proof of work, the
// merkle root and its CVE-2012-2459 mutation, size limits, exactly one
// coinbase and first, each transaction's own checks, and the legacy sigop
// limit. Witness rules and everything needing the chain come later
// (contextual checks, connect).
#ifndef UTXO_CONSENSUS_BLOCK_CHECK_H
#define UTXO_CONSENSUS_BLOCK_CHECK_H

#include <consensus/header_check.h>
#include <consensus/params.h>
#include <consensus/tx_check.h>
#include <primitives/block.h>

#include <cstddef>
#include <string>

namespace consensus {

// BIP141's limit on sigop cost per block (legacy sigops count 4 each).
inline constexpr unsigned MAX_BLOCK_SIGOPS_COST = 80'000;

enum class BlockCheckError {
    NONE,
    HEADER,             // see header_error (high-hash)
    BAD_SIGNET_BLKSIG,  // bad-signet-blksig: no valid solution to the signet challenge (BIP325)
    BAD_TXNMRKLROOT,    // bad-txnmrklroot: merkle root does not match
    BAD_TXNS_DUPLICATE, // bad-txns-duplicate: the transaction list is a CVE-2012-2459 mutation
    BAD_BLK_LENGTH,     // bad-blk-length: no transactions, or over the size limit without witnesses
    BAD_CB_MISSING,     // bad-cb-missing: first transaction is not a coinbase
    BAD_CB_MULTIPLE,    // bad-cb-multiple: a coinbase after the first transaction
    TRANSACTION,        // see tx_error and tx_index: a transaction fails CheckTransaction
    BAD_BLK_SIGOPS,     // bad-blk-sigops: legacy sigops * 4 over MAX_BLOCK_SIGOPS_COST
};

struct BlockCheckResult {
    BlockCheckError error{BlockCheckError::NONE};
    HeaderCheckError header_error{HeaderCheckError::NONE};
    TxCheckError tx_error{TxCheckError::NONE};
    size_t tx_index{0};

    bool ok() const { return error == BlockCheckError::NONE; }
    // Failures that say nothing about the header: the same header with the
    // right transactions may be valid, so it must not be marked failed.
    bool Mutated() const
    {
        return error == BlockCheckError::BAD_TXNMRKLROOT || error == BlockCheckError::BAD_TXNS_DUPLICATE;
    }
};

// Bitcoin Core's reject reason ("bad-txns-vout-negative" for a transaction's
// own failure); "" when the block passed.
std::string RejectReason(const BlockCheckResult& result, const primitives::Block& block);

// The sum over the block's transactions of legacy (inaccurate) sigops in
// every input and output script.
unsigned LegacySigOpCount(const primitives::Transaction& tx);

// `check_pow` false skips the proof of work (blocks built by the node
// itself, tests); `check_merkle_root` false skips the merkle checks.
[[nodiscard]] BlockCheckResult CheckBlock(const primitives::Block& block, const Params& params, bool check_pow = true,
                                          bool check_merkle_root = true);

} // namespace consensus

#endif // UTXO_CONSENSUS_BLOCK_CHECK_H
