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
#include <chain/script_check_queue.h>
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
//
// With a `queue` (-par), the scripts of each transaction are queued as the
// block is processed and run on the queue's threads, and the result is
// waited for before returning; without one they run on this thread, in
// order. The result is the same either way: the reject reason is that of the
// first rule the block breaks in block order, a script failure being that of
// the lowest (transaction, input) that fails. (Bitcoin Core, checking in
// parallel, may report another failing input, or a later non-script
// failure instead of an earlier script one.) ConnectBlock opens and closes
// its own session of `queue`, waiting first for any other session to close.
ConnectResult ConnectBlock(const primitives::Block& block, const BlockIndex& index, coins::CoinsCache& view,
                           const consensus::Params& params, coins::BlockUndo& undo, bool check_scripts = true,
                           ScriptCheckQueue* queue = nullptr);

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
