// Which heights a block locator names (the list of hashes getheaders and
// getblocks send so the peer can find the last block both sides share).
//
// Bitcoin Core's spacing: the tip and the eleven blocks below it one apart,
// then gaps that double (2, 4, 8, ...), and always genesis last, so a chain
// of a million blocks needs about 30 entries. The P2P layer maps the heights
// to hashes on the chain it wants to describe. Pure; thread-safe.
#ifndef UTXO_NET_BLOCK_LOCATOR_H
#define UTXO_NET_BLOCK_LOCATOR_H

#include <vector>

namespace net {

// Heights from `tip_height` down to 0, newest first: gaps of 1 between the
// first twelve entries, then 2, 4, 8, ..., the last gap cut short at 0.
// Empty when `tip_height` is negative (no chain). Never more than
// MAX_LOCATOR_SZ entries for any int height.
std::vector<int> LocatorHeights(int tip_height);

} // namespace net

#endif // UTXO_NET_BLOCK_LOCATOR_H
