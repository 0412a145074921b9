// Applying a block to the UTXO set and taking it back (Bitcoin Core's
// ConnectBlock / DisconnectBlock): the rules that need the coins being spent
// (BIP30, inputs, fees, BIP68, sigop cost, scripts, the coinbase's claim),
// with the undo data that makes disconnecting possible.
//
// The block must already have passed CheckBlock and ContextualCheckBlock.
// Both work on a CoinsCache the caller throws away on failure, so a failed
// block never touches the real view.
#ifndef UTXO_CHAIN_CONNECT_H
#define UTXO_CHAIN_CONNECT_H

#include <chain/block_index.h>
#include <coins/coins_cache.h>
#include <coins/undo.h>
#include <consensus/params.h>
#include <primitives/amount.h>
#include <primitives/block.h>

#include <string>

namespace chain {

struct ConnectResult {
    std::string reject_reason; // empty on success
    primitives::Amount fees{0};
    int64_t sigop_cost{0};
    bool ok() const { return reject_reason.empty(); }
};

// Connects `block` (described by `index`, whose parent is `view`'s best
// block) into `view` and fills `undo`. Without `check_scripts` (below
// -assumevalid) scripts are not evaluated; everything else is.
ConnectResult ConnectBlock(const primitives::Block& block, const BlockIndex& index, coins::CoinsCache& view,
                           const consensus::Params& params, coins::BlockUndo& undo, bool check_scripts = true);

// The two mainnet blocks whose coinbases repeated earlier ones (allowed
// before BIP30; their outputs replaced the old, unspent ones).
bool IsBip30Repeat(const BlockIndex& index);

enum class DisconnectResult {
    OK,
    UNCLEAN, // the view did not hold exactly what the block created: it went on, but the set may be off
    FAILED,  // undo data does not fit the block: nothing sensible was done
};

// Removes `block`'s outputs from `view` and restores the coins it spent.
DisconnectResult DisconnectBlock(const primitives::Block& block, const BlockIndex& index, const coins::BlockUndo& undo,
                                 coins::CoinsCache& view);

} // namespace chain

#endif // UTXO_CHAIN_CONNECT_H
