// A chain state in a test's temporary directory.
#ifndef UTXO_TEST_UNIT_TEST_CHAINSTATE_H
#define UTXO_TEST_UNIT_TEST_CHAINSTATE_H

#include <chain/chainstate.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <memory>

namespace test {

// Options for a chain state under `dir` (blocks in dir/blocks).
inline chain::ChainstateOptions ChainstateOptionsIn(const std::filesystem::path& dir,
                                                    const consensus::ChainParams& params, const util::Clock& clock,
                                                    util::Logger& logger)
{
    chain::ChainstateOptions options;
    options.params = &params;
    options.data_dir = dir;
    options.blocks_dir = dir / "blocks";
    options.clock = &clock;
    options.logger = &logger;
    return options;
}

// Opens it; a failure fails the test.
inline std::unique_ptr<chain::Chainstate> OpenChainstate(const chain::ChainstateOptions& options)
{
    auto opened = chain::Chainstate::Open(options);
    BOOST_REQUIRE_MESSAGE(opened, (opened ? std::string() : opened.error()));
    return std::move(*opened);
}

} // namespace test

#endif // UTXO_TEST_UNIT_TEST_CHAINSTATE_H
