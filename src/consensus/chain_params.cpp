#include <consensus/chain_params.h>

#include <crypto/hash.h>
#include <primitives/merkle.h>
#include <script/script_ops.h>
#include <util/hex.h>

#include <cassert>

namespace consensus {
namespace {

using primitives::Amount;
using primitives::BlockHash;
using primitives::COIN;
using primitives::Uint256;

// Script flag bits used in the exception tables (the interpreter's values).
constexpr uint32_t FLAG_P2SH = 1U << 0;
constexpr uint32_t FLAG_WITNESS = 1U << 11;

constexpr std::string_view SATOSHI_MESSAGE =
    "The Times 03/Jan/2009 Chancellor on brink of second bailout for banks";
constexpr std::string_view SATOSHI_PUBKEY =
    "04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df"
    "7ba0b8d578a4c702b6bf11d5f";
constexpr std::string_view TESTNET4_MESSAGE =
    "03/May/2024 000000000000000000001ebd58c244970b3aa9d783bb001011fbe8ea8e98e00e";
constexpr std::string_view DEFAULT_SIGNET_CHALLENGE =
    "512103ad5e0edad18cb1f0fc0d28a3d4f1f3e445640337489abb10404f2d1e086be430210359ef5021964fe22d6f8e05b2463c954"
    "0ce96883fe3b278760f048f5189f2e6c452ae";

util::Bytes Hex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    assert(bytes);
    return *bytes;
}

Uint256 Hash(std::string_view hex)
{
    auto hash = Uint256::FromHex(hex);
    assert(hash);
    return *hash;
}

BlockHash Block(std::string_view hex) { return BlockHash(Hash(hex)); }

// A pay-to-pubkey script: push the key, OP_CHECKSIG.
util::Bytes PayToPubKey(const util::Bytes& pubkey)
{
    util::Bytes script;
    script::AppendPush(script, pubkey);
    script.push_back(0xac);
    return script;
}

struct GenesisFacts {
    uint32_t time;
    uint32_t nonce;
    uint32_t bits;
};

primitives::Block StandardGenesis(const GenesisFacts& g)
{
    return CreateGenesisBlock(SATOSHI_MESSAGE, PayToPubKey(Hex(SATOSHI_PUBKEY)), g.time, g.nonce, g.bits, 1,
                              Amount(50 * COIN));
}

// Newer networks start with every soft fork up to segwit/taproot in force
// from block 1 (BIP34 needs a height to encode, so not at genesis).
void BuryForksAtHeightOne(Params& c)
{
    c.subsidy_halving_interval = 210000;
    c.bip34_height = 1;
    c.bip65_height = 1;
    c.bip66_height = 1;
    c.csv_height = 1;
    c.segwit_height = 1;
    c.min_bip9_warning_height = 0;
    c.miner_confirmation_window = 2016;
}

ChainParams Main()
{
    ChainParams p{};
    p.type = ChainType::MAIN;
    Params& c = p.consensus;
    c.subsidy_halving_interval = 210000;
    c.bip34_height = 227931;
    c.bip34_hash = Block("000000000000024b89b42a942fe0d9fea3bb44ab7bd1b19115dd6a759c0808b8");
    c.bip65_height = 388381;
    c.bip66_height = 363725;
    c.csv_height = 419328;
    c.segwit_height = 481824;
    c.min_bip9_warning_height = 483840;
    c.rule_change_activation_threshold = 1815;
    c.miner_confirmation_window = 2016;
    c.pow_limit = Hash("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    // The one block before BIP16 activation with a P2SH spend that fails its rules,
    // and the one block with a taproot-era spend that fails taproot's.
    c.script_flag_exceptions = {
        {Block("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22"), 0},
        {Block("0000000000000000000f14c35b2d841e986ab5441de8c585d5ffe55ea1e395ad"), FLAG_P2SH | FLAG_WITNESS},
    };
    p.message_start = {0xf9, 0xbe, 0xb4, 0xd9};
    p.default_port = 8333;
    p.default_rpc_port = 8332;
    p.data_dir_name = "";
    p.prune_after_height = 100000;
    p.genesis = StandardGenesis({1231006505, 2083236893, 0x1d00ffff});
    p.addresses = script::MAINNET_ADDRESSES;
    return p;
}

ChainParams Testnet3()
{
    ChainParams p{};
    p.type = ChainType::TESTNET;
    Params& c = p.consensus;
    c.subsidy_halving_interval = 210000;
    c.bip34_height = 21111;
    c.bip34_hash = Block("0000000023b3a96d3484e5abb3755c413e7d41500f8e2a5c3f0dd01299cd8ef8");
    c.bip65_height = 581885;
    c.bip66_height = 330776;
    c.csv_height = 770112;
    c.segwit_height = 834624;
    c.min_bip9_warning_height = 836640;
    c.rule_change_activation_threshold = 1512;
    c.miner_confirmation_window = 2016;
    c.pow_limit = Hash("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    c.pow_allow_min_difficulty_blocks = true;
    c.script_flag_exceptions = {
        {Block("00000000dd30457c001f4095d208cc1296b0eed002427aa599874af7a432b105"), 0},
    };
    p.message_start = {0x0b, 0x11, 0x09, 0x07};
    p.default_port = 18333;
    p.default_rpc_port = 18332;
    p.data_dir_name = "testnet3";
    p.prune_after_height = 1000;
    p.genesis = StandardGenesis({1296688602, 414098458, 0x1d00ffff});
    p.addresses = script::TESTNET_ADDRESSES;
    return p;
}

ChainParams Testnet4()
{
    ChainParams p{};
    p.type = ChainType::TESTNET4;
    Params& c = p.consensus;
    BuryForksAtHeightOne(c);
    c.rule_change_activation_threshold = 1512;
    c.pow_limit = Hash("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    c.pow_allow_min_difficulty_blocks = true;
    c.enforce_bip94 = true;
    p.message_start = {0x1c, 0x16, 0x3f, 0x28};
    p.default_port = 48333;
    p.default_rpc_port = 48332;
    p.data_dir_name = "testnet4";
    p.prune_after_height = 1000;
    // testnet4 pays its genesis reward to a 33-byte all-zero "key".
    p.genesis = CreateGenesisBlock(TESTNET4_MESSAGE, PayToPubKey(util::Bytes(33, 0)), 1714777860, 393743547,
                                   0x1d00ffff, 1, Amount(50 * COIN));
    p.addresses = script::TESTNET_ADDRESSES;
    return p;
}

ChainParams Signet()
{
    ChainParams p{};
    p.type = ChainType::SIGNET;
    Params& c = p.consensus;
    BuryForksAtHeightOne(c);
    c.rule_change_activation_threshold = 1815;
    c.pow_limit = Hash("00000377ae000000000000000000000000000000000000000000000000000000");
    c.signet_blocks = true;
    c.signet_challenge = Hex(DEFAULT_SIGNET_CHALLENGE);
    p.message_start = SignetMessageStart(c.signet_challenge);
    p.default_port = 38333;
    p.default_rpc_port = 38332;
    p.data_dir_name = "signet";
    p.prune_after_height = 1000;
    p.genesis = StandardGenesis({1598918400, 52613770, 0x1e0377ae});
    p.addresses = script::TESTNET_ADDRESSES;
    return p;
}

ChainParams Regtest()
{
    ChainParams p{};
    p.type = ChainType::REGTEST;
    Params& c = p.consensus;
    c.subsidy_halving_interval = 150;
    c.bip34_height = 1;
    c.bip65_height = 1;
    c.bip66_height = 1;
    c.csv_height = 1;
    c.segwit_height = 0;
    c.min_bip9_warning_height = 0;
    c.rule_change_activation_threshold = 108;
    c.miner_confirmation_window = 144;
    // Core's test deployment, regtest only (start 0, no timeout); taproot is
    // buried here (always active), so it needs no entry.
    c.bip9_deployments = {{"testdummy", 28, 0, INT64_MAX, 0, true}};
    c.pow_limit = Hash("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    c.pow_allow_min_difficulty_blocks = true;
    c.pow_no_retargeting = true;
    p.message_start = {0xfa, 0xbf, 0xb5, 0xda};
    p.default_port = 18444;
    p.default_rpc_port = 18443;
    p.data_dir_name = "regtest";
    p.prune_after_height = 1000;
    p.genesis = StandardGenesis({1296688602, 2, 0x207fffff});
    p.addresses = script::REGTEST_ADDRESSES;
    p.mine_blocks_on_demand = true;
    return p;
}

struct KnownGenesis {
    std::string_view hash;
    std::string_view merkle_root;
};

KnownGenesis Expected(ChainType type)
{
    constexpr std::string_view SATOSHI_ROOT = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    switch (type) {
    case ChainType::MAIN: return {"000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", SATOSHI_ROOT};
    case ChainType::TESTNET: return {"000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943", SATOSHI_ROOT};
    case ChainType::TESTNET4:
        return {"00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043",
                "7aa0a7ae1e223414cb807e40cd57e667b718e42aaf9306db9102fe28912b7b4e"};
    case ChainType::SIGNET: return {"00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6", SATOSHI_ROOT};
    case ChainType::REGTEST: return {"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206", SATOSHI_ROOT};
    }
    return {};
}

} // namespace

std::string_view ChainTypeName(ChainType type)
{
    switch (type) {
    case ChainType::MAIN: return "main";
    case ChainType::TESTNET: return "test";
    case ChainType::TESTNET4: return "testnet4";
    case ChainType::SIGNET: return "signet";
    case ChainType::REGTEST: return "regtest";
    }
    return "";
}

std::optional<ChainType> ParseChainType(std::string_view name)
{
    for (ChainType t : {ChainType::MAIN, ChainType::TESTNET, ChainType::TESTNET4, ChainType::SIGNET, ChainType::REGTEST}) {
        if (ChainTypeName(t) == name) return t;
    }
    return std::nullopt;
}

primitives::Block CreateGenesisBlock(std::string_view message, const util::Bytes& output_script, uint32_t time,
                                     uint32_t nonce, uint32_t bits, int32_t version, Amount reward)
{
    primitives::MutableTransaction coinbase;
    coinbase.version = 1;
    coinbase.vin.resize(1);
    // Push of 486604799 (0x1d00ffff as a script number), push of the number 4, push of the message.
    util::Bytes& script_sig = coinbase.vin[0].script_sig;
    script_sig = {0x04, 0xff, 0xff, 0x00, 0x1d, 0x01, 0x04};
    script::AppendPush(script_sig, util::AsBytes(message));
    coinbase.vout.push_back({reward, output_script});

    primitives::Block block;
    block.header.version = version;
    block.header.time = time;
    block.header.bits = bits;
    block.header.nonce = nonce;
    block.txs.push_back(std::make_shared<const primitives::Transaction>(std::move(coinbase)));
    block.header.merkle_root = primitives::BlockMerkleRoot(block);
    return block;
}

std::array<uint8_t, 4> SignetMessageStart(util::ByteSpan challenge)
{
    crypto::Hash256Writer w;
    w.WriteVarBytes(challenge);
    const auto hash = w.Finalize();
    return {hash[0], hash[1], hash[2], hash[3]};
}

util::Result<ChainParams> CreateChainParams(ChainType type)
{
    ChainParams params;
    switch (type) {
    case ChainType::MAIN: params = Main(); break;
    case ChainType::TESTNET: params = Testnet3(); break;
    case ChainType::TESTNET4: params = Testnet4(); break;
    case ChainType::SIGNET: params = Signet(); break;
    case ChainType::REGTEST: params = Regtest(); break;
    }
    const KnownGenesis expected = Expected(type);
    const std::string hash = params.genesis.GetHash().ToHex();
    const std::string root = params.genesis.header.merkle_root.ToHex();
    if (hash != expected.hash || root != expected.merkle_root) {
        return util::Error{"genesis block of " + std::string(ChainTypeName(type)) + " does not match: hash " + hash +
                           " (expected " + std::string(expected.hash) + "), merkle root " + root + " (expected " +
                           std::string(expected.merkle_root) + ")"};
    }
    return params;
}

} // namespace consensus
