#include <consensus/chain_params.h>
#include <primitives/arith_uint256.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

using consensus::ChainType;

namespace {

const ChainType ALL_CHAINS[] = {ChainType::MAIN, ChainType::TESTNET, ChainType::TESTNET4, ChainType::SIGNET,
                                ChainType::REGTEST};

consensus::ChainParams Params(ChainType type)
{
    auto params = consensus::CreateChainParams(type);
    BOOST_REQUIRE_MESSAGE(params, (params ? "" : params.error()));
    return *params;
}

} // namespace

BOOST_AUTO_TEST_SUITE(chain_params_tests)

BOOST_AUTO_TEST_CASE(genesis_hashes)
{
    // The genesis block of each network, built from its fields.
    const std::pair<ChainType, const char*> expected[] = {
        {ChainType::MAIN, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"},
        {ChainType::TESTNET, "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943"},
        {ChainType::TESTNET4, "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043"},
        {ChainType::SIGNET, "00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6"},
        {ChainType::REGTEST, "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206"},
    };
    for (const auto& [type, hash] : expected) {
        const auto params = Params(type);
        BOOST_CHECK_EQUAL(params.genesis.GetHash().ToHex(), hash);
        BOOST_CHECK(params.genesis.header.prev_block.IsNull());
        BOOST_REQUIRE_EQUAL(params.genesis.txs.size(), 1u);
        BOOST_CHECK(params.genesis.txs[0]->IsCoinBase());
        BOOST_CHECK(params.genesis.txs[0]->outputs()[0].value == primitives::Amount(50 * primitives::COIN));
    }
    BOOST_CHECK_EQUAL(Params(ChainType::MAIN).genesis.header.merkle_root.ToHex(),
                      "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
}

BOOST_AUTO_TEST_CASE(genesis_meets_its_target_and_the_pow_limit)
{
    for (ChainType type : ALL_CHAINS) {
        const auto params = Params(type);
        bool negative = false, overflow = false;
        const auto target = primitives::ArithUint256::FromCompact(params.genesis.header.bits, &negative, &overflow);
        BOOST_CHECK(!negative && !overflow);
        BOOST_CHECK(target <= primitives::ArithUint256::FromUint256(params.consensus.pow_limit));
        BOOST_CHECK(primitives::ArithUint256::FromUint256(params.genesis.GetHash().AsUint256()) <= target);
    }
}

BOOST_AUTO_TEST_CASE(changed_field_changes_hash)
{
    const auto main = Params(ChainType::MAIN);
    const auto& coinbase = main.genesis.txs[0];
    const auto tampered = consensus::CreateGenesisBlock(
        "The Times 03/Jan/2009 Chancellor on brink of second bailout for banks",
        coinbase->outputs()[0].script_pubkey, 1231006505, 2083236894, 0x1d00ffff, 1, primitives::Amount(50 * primitives::COIN));
    BOOST_CHECK(tampered.header.merkle_root == main.genesis.header.merkle_root);
    BOOST_CHECK(tampered.GetHash() != main.genesis.GetHash());
}

BOOST_AUTO_TEST_CASE(network_constants)
{
    struct Expect {
        ChainType type;
        const char* magic;
        uint16_t port;
        uint16_t rpc_port;
        const char* dir;
        const char* hrp;
    };
    const Expect expected[] = {
        {ChainType::MAIN, "f9beb4d9", 8333, 8332, "", "bc"},
        {ChainType::TESTNET, "0b110907", 18333, 18332, "testnet3", "tb"},
        {ChainType::TESTNET4, "1c163f28", 48333, 48332, "testnet4", "tb"},
        {ChainType::SIGNET, "0a03cf40", 38333, 38332, "signet", "tb"},
        {ChainType::REGTEST, "fabfb5da", 18444, 18443, "regtest", "bcrt"},
    };
    for (const Expect& e : expected) {
        const auto params = Params(e.type);
        BOOST_CHECK_EQUAL(util::HexStr(params.message_start), e.magic);
        BOOST_CHECK_EQUAL(params.default_port, e.port);
        BOOST_CHECK_EQUAL(params.default_rpc_port, e.rpc_port);
        BOOST_CHECK_EQUAL(params.data_dir_name, e.dir);
        BOOST_CHECK_EQUAL(params.addresses.bech32_hrp, e.hrp);
    }
    const auto main = Params(ChainType::MAIN);
    BOOST_CHECK_EQUAL(main.addresses.pubkey_prefix, 0);
    BOOST_CHECK_EQUAL(main.addresses.script_prefix, 5);
    BOOST_CHECK_EQUAL(Params(ChainType::REGTEST).addresses.pubkey_prefix, 111);
    BOOST_CHECK_EQUAL(Params(ChainType::TESTNET).addresses.script_prefix, 196);
}

BOOST_AUTO_TEST_CASE(consensus_parameters)
{
    const auto main = Params(ChainType::MAIN);
    BOOST_CHECK_EQUAL(main.consensus.DifficultyAdjustmentInterval(), 2016);
    BOOST_CHECK_EQUAL(main.consensus.bip34_height, 227931);
    BOOST_CHECK_EQUAL(main.consensus.segwit_height, 481824);
    BOOST_CHECK(!main.consensus.pow_allow_min_difficulty_blocks);
    BOOST_CHECK_EQUAL(primitives::ArithUint256::FromUint256(main.consensus.pow_limit).ToCompact(), 0x1d00ffffu);
    BOOST_CHECK_EQUAL(main.consensus.script_flag_exceptions.size(), 2u);

    const auto testnet4 = Params(ChainType::TESTNET4);
    BOOST_CHECK(testnet4.consensus.enforce_bip94);
    BOOST_CHECK(testnet4.consensus.pow_allow_min_difficulty_blocks);

    const auto signet = Params(ChainType::SIGNET);
    BOOST_CHECK(signet.consensus.signet_blocks);
    BOOST_CHECK_EQUAL(signet.consensus.signet_challenge.size(), 71u);

    const auto regtest = Params(ChainType::REGTEST);
    BOOST_CHECK(regtest.consensus.pow_no_retargeting);
    BOOST_CHECK_EQUAL(regtest.consensus.subsidy_halving_interval, 150);
    BOOST_CHECK_EQUAL(regtest.consensus.segwit_height, 0);
    BOOST_CHECK(regtest.mine_blocks_on_demand);
    BOOST_CHECK(!main.mine_blocks_on_demand);
}

BOOST_AUTO_TEST_CASE(chain_names)
{
    for (ChainType type : ALL_CHAINS) {
        BOOST_CHECK(consensus::ParseChainType(consensus::ChainTypeName(type)) == type);
    }
    BOOST_CHECK(consensus::ParseChainType("test") == ChainType::TESTNET);
    BOOST_CHECK(!consensus::ParseChainType("testnet"));
    BOOST_CHECK(!consensus::ParseChainType("Main"));
    BOOST_CHECK(!consensus::ParseChainType(""));
}

BOOST_AUTO_TEST_SUITE_END()
