// Shared by the consensus tests: network parameters and stand-in branches
// for the functions that read the chain through consensus::AncestorView.
#ifndef UTXO_TEST_UNIT_CONSENSUS_CONSENSUS_TEST_UTIL_H
#define UTXO_TEST_UNIT_CONSENSUS_CONSENSUS_TEST_UTIL_H

#include <consensus/chain_params.h>
#include <consensus/pow.h>

#include <functional>
#include <vector>

namespace test {

inline consensus::Params ParamsOf(consensus::ChainType type) { return consensus::CreateChainParams(type)->consensus; }

inline const consensus::Params& Regtest()
{
    static const consensus::Params params = ParamsOf(consensus::ChainType::REGTEST);
    return params;
}

// A branch whose blocks are computed from their height.
class FunctionView final : public consensus::AncestorView {
public:
    explicit FunctionView(std::function<consensus::HeaderInfo(int)> at) : m_at(std::move(at)) {}
    consensus::HeaderInfo Ancestor(int height) const override { return m_at(height); }

private:
    std::function<consensus::HeaderInfo(int)> m_at;
};

// A branch held as a list, block i at height i.
class VectorView final : public consensus::AncestorView {
public:
    std::vector<consensus::HeaderInfo> blocks;
    consensus::HeaderInfo Ancestor(int height) const override { return blocks.at(static_cast<size_t>(height)); }
};

} // namespace test

#endif // UTXO_TEST_UNIT_CONSENSUS_CONSENSUS_TEST_UTIL_H
