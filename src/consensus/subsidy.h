// The block subsidy: new coins a coinbase may claim at a height.
#ifndef UTXO_CONSENSUS_SUBSIDY_H
#define UTXO_CONSENSUS_SUBSIDY_H

#include <consensus/params.h>
#include <primitives/amount.h>

namespace consensus {

// 50 BTC, halved every subsidy_halving_interval blocks (210,000; regtest 150),
// rounding down in satoshis; zero from the 64th halving on (a shift by 64 or
// more is undefined in C++, and the amount is long since zero).
inline primitives::Amount BlockSubsidy(int height, const Params& params)
{
    const int halvings = height / params.subsidy_halving_interval;
    if (halvings >= 64) return primitives::Amount{0};
    return primitives::Amount{(int64_t{50} * 100'000'000) >> halvings};
}

} // namespace consensus

#endif // UTXO_CONSENSUS_SUBSIDY_H
