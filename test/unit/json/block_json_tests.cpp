// Block views against mainnet blocks (test/data) and hand-built blocks.
// Expected values for mainnet blocks 169-171 are facts of the chain (hashes,
// merkle root, time, nonce, sizes; median time past of block 170 computed
// from blocks 160-170 of the fixture); key orders are those of Bitcoin Core
// v29's blockheaderToJSON, blockToJSON, TxToUniv and getblockstats.
#include <consensus/chain_params.h>
#include <json/block_json.h>
#include <json/number.h>
#include <json/write.h>

#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using primitives::Amount;
using primitives::BlockHash;

const std::array<uint8_t, 4> MAINNET_MAGIC{0xf9, 0xbe, 0xb4, 0xd9};

// Mainnet block `height` (1-255) from the fixture.
primitives::Block MainnetBlock(int height)
{
    static const auto records = test::ReadBlkRecords(test::ReadDataFile("mainnet-blocks-1-255.dat"), MAINNET_MAGIC);
    auto block = primitives::DecodeBlock(records.at(height - 1));
    if (!block) throw std::runtime_error("fixture block does not decode: " + block.error());
    return std::move(*block);
}

const script::AddressParams& MainAddresses()
{
    static const auto params = consensus::CreateChainParams(consensus::ChainType::MAIN);
    return params->addresses;
}

std::vector<std::string> Keys(const boost::json::object& o)
{
    std::vector<std::string> keys;
    for (const auto& kv : o) keys.emplace_back(kv.key());
    return keys;
}

json::BlockPosition Block170Position()
{
    json::BlockPosition p;
    p.hash = *BlockHash::FromHex("00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee");
    p.height = 170;
    p.confirmations = 30;
    p.chain_work = primitives::ArithUint256(171) * primitives::ArithUint256(0x100010001); // 171 blocks at difficulty 1
    p.tx_count = 2;
    p.median_time_past = 1231716245;
    p.previous = *BlockHash::FromHex("000000002a22cfee1f2c846adbd12b3e183d4f97683f85dad08a79780a84bd55");
    p.next = *BlockHash::FromHex("00000000c9ec538cab7f38ef9c67a95742f56ab07b0a37c5be6b02808dbfb4e0");
    return p;
}

// Block 170's second transaction spends block 9's coinbase output (50 BTC to a bare pubkey).
json::BlockSpentOutputs Block170Undo()
{
    const primitives::Block block9 = MainnetBlock(9);
    return {{json::SpentOutput{block9.txs[0]->outputs()[0], 9, true}}};
}

std::string Text(const boost::json::value& v) { return json::WriteJson(v); }

} // namespace

BOOST_AUTO_TEST_SUITE(block_json_tests)

BOOST_AUTO_TEST_CASE(header_matches_core_field_for_field)
{
    const primitives::Block block = MainnetBlock(170);
    BOOST_REQUIRE(block.GetHash() == Block170Position().hash);
    const auto o = json::BlockHeaderToJson(block.header, Block170Position());
    BOOST_CHECK_EQUAL(Text(o),
                      "{\"hash\":\"00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee\","
                      "\"confirmations\":30,\"height\":170,\"version\":1,\"versionHex\":\"00000001\","
                      "\"merkleroot\":\"7dac2c5666815c17a3b36427de37bb9d2e2c5ccec3f8633eb91a4205cb4c10ff\","
                      "\"time\":1231731025,\"mediantime\":1231716245,\"nonce\":1889418792,\"bits\":\"1d00ffff\","
                      "\"target\":\"00000000ffff0000000000000000000000000000000000000000000000000000\","
                      "\"difficulty\":1,"
                      "\"chainwork\":\"000000000000000000000000000000000000000000000000000000ab00ab00ab\","
                      "\"nTx\":2,"
                      "\"previousblockhash\":\"000000002a22cfee1f2c846adbd12b3e183d4f97683f85dad08a79780a84bd55\","
                      "\"nextblockhash\":\"00000000c9ec538cab7f38ef9c67a95742f56ab07b0a37c5be6b02808dbfb4e0\"}");
}

BOOST_AUTO_TEST_CASE(header_optional_fields_and_encodings)
{
    primitives::BlockHeader header;
    header.version = -1;
    header.bits = 0x1b0404cb;
    json::BlockPosition p;
    p.height = 0;
    const auto o = json::BlockHeaderToJson(header, p);
    // No previous block (genesis) and no next one (the tip, or off the active chain).
    BOOST_CHECK(!o.contains("previousblockhash"));
    BOOST_CHECK(!o.contains("nextblockhash"));
    BOOST_CHECK_EQUAL(o.at("confirmations").as_int64(), -1);
    BOOST_CHECK_EQUAL(o.at("versionHex").as_string(), "ffffffff");
    BOOST_CHECK_EQUAL(o.at("bits").as_string(), "1b0404cb");
    BOOST_CHECK_EQUAL(o.at("target").as_string(), "00000000000404cb000000000000000000000000000000000000000000000000");
    // The Bitcoin wiki's worked example of this encoding.
    BOOST_CHECK_CLOSE(json::Difficulty(0x1b0404cb), 16307.420938523983, 1e-12);
    BOOST_CHECK_EQUAL(Text(o.at("difficulty")), "16307.42093852398");
    BOOST_CHECK_EQUAL(json::Difficulty(0x1d00ffff), 1.0);
    BOOST_CHECK_EQUAL(Text(json::Difficulty(0x207fffff)), "4.656542373906925e-10"); // regtest, as getdifficulty prints it
}

BOOST_AUTO_TEST_CASE(getblock_verbosity_1)
{
    const primitives::Block block = MainnetBlock(170);
    const auto o = json::BlockToJson(block, Block170Position(), json::BlockVerbosity::TXIDS, nullptr, MainAddresses());
    const std::vector<std::string> expected_keys{
        "hash", "confirmations", "height", "version", "versionHex", "merkleroot", "time", "mediantime", "nonce",
        "bits", "target", "difficulty", "chainwork", "nTx", "previousblockhash", "nextblockhash", "strippedsize",
        "size", "weight", "tx"};
    BOOST_CHECK(Keys(o) == expected_keys);
    BOOST_CHECK_EQUAL(o.at("strippedsize").as_int64(), 490);
    BOOST_CHECK_EQUAL(o.at("size").as_int64(), 490);
    BOOST_CHECK_EQUAL(o.at("weight").as_int64(), 1960);
    BOOST_CHECK_EQUAL(Text(o.at("tx")),
                      "[\"b1fea52486ce0c62bb442b530a3f0132b826c74e473d1f2c220bfa78111c5082\","
                      "\"f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16\"]");
}

BOOST_AUTO_TEST_CASE(getblock_verbosity_2_with_and_without_undo)
{
    const primitives::Block block = MainnetBlock(170);
    const json::BlockSpentOutputs undo = Block170Undo();
    BOOST_REQUIRE(json::CheckSpentOutputs(block, undo));

    const auto with_undo = json::BlockToJson(block, Block170Position(), json::BlockVerbosity::TX_DETAILS, &undo, MainAddresses());
    const auto& txs = with_undo.at("tx").as_array();
    BOOST_REQUIRE_EQUAL(txs.size(), 2U);
    // The coinbase has no undo record, so no fee.
    const std::vector<std::string> coinbase_keys{"txid", "hash", "version", "size", "vsize", "weight", "locktime", "vin", "vout", "hex"};
    BOOST_CHECK(Keys(txs[0].as_object()) == coinbase_keys);
    const std::vector<std::string> spend_keys{"txid", "hash", "version", "size", "vsize", "weight", "locktime", "vin", "vout", "fee", "hex"};
    BOOST_CHECK(Keys(txs[1].as_object()) == spend_keys);
    BOOST_CHECK_EQUAL(Text(txs[1].at("fee")), "0.00000000");
    // Verbosity 2 never shows prevouts.
    BOOST_CHECK(!txs[1].at("vin").as_array()[0].as_object().contains("prevout"));
    // Each transaction object is TxToJson's with its hex.
    BOOST_CHECK_EQUAL(Text(txs[0]), Text(json::TxToJson(*block.txs[0], MainAddresses(), {.include_hex = true, .block_hash = std::nullopt})));

    const auto without = json::BlockToJson(block, Block170Position(), json::BlockVerbosity::TX_DETAILS, nullptr, MainAddresses());
    BOOST_CHECK(!without.at("tx").as_array()[1].as_object().contains("fee"));
}

BOOST_AUTO_TEST_CASE(getblock_verbosity_3_prevout)
{
    const primitives::Block block = MainnetBlock(170);
    const json::BlockSpentOutputs undo = Block170Undo();
    const auto o = json::BlockToJson(block, Block170Position(), json::BlockVerbosity::TX_DETAILS_AND_PREVOUT, &undo, MainAddresses());
    const auto& txs = o.at("tx").as_array();
    BOOST_CHECK(!txs[0].at("vin").as_array()[0].as_object().contains("prevout"));
    const auto& vin = txs[1].at("vin").as_array()[0].as_object();
    const std::vector<std::string> vin_keys{"txid", "vout", "scriptSig", "prevout", "sequence"};
    BOOST_CHECK(Keys(vin) == vin_keys);
    BOOST_CHECK_EQUAL(vin.at("txid").as_string(), "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9");
    const auto& prevout = vin.at("prevout").as_object();
    const std::vector<std::string> prevout_keys{"generated", "height", "value", "scriptPubKey"};
    BOOST_CHECK(Keys(prevout) == prevout_keys);
    BOOST_CHECK_EQUAL(Text(prevout.at("generated")), "true");
    BOOST_CHECK_EQUAL(Text(prevout.at("height")), "9");
    BOOST_CHECK_EQUAL(Text(prevout.at("value")), "50.00000000");
    const auto& spk = prevout.at("scriptPubKey").as_object();
    const std::string pubkey =
        "0411db93e1dcdb8a016b49840f8c53bc1eb68a382e97b1482ecad7b148a6909a5cb2e0eaddfb84ccf9744464f82e160bfa9b8b64f9d4c03f999b8643f656b412a3";
    BOOST_CHECK_EQUAL(spk.at("asm").as_string(), pubkey + " OP_CHECKSIG");
    BOOST_CHECK_EQUAL(spk.at("hex").as_string(), "41" + pubkey + "ac");
    BOOST_CHECK(std::string(spk.at("desc").as_string()).starts_with("pk(" + pubkey + ")#"));
    BOOST_CHECK(!spk.contains("address")); // bare pubkeys have none
    BOOST_CHECK_EQUAL(spk.at("type").as_string(), "pubkey");
    // Outputs: 10 BTC to Hal Finney, 40 BTC back.
    const auto& vout = txs[1].at("vout").as_array();
    BOOST_CHECK_EQUAL(Text(vout[0].at("value")), "10.00000000");
    BOOST_CHECK_EQUAL(Text(vout[1].at("value")), "40.00000000");

    // Without undo data, verbosity 3 prints what verbosity 2 does.
    const auto no_undo3 = json::BlockToJson(block, Block170Position(), json::BlockVerbosity::TX_DETAILS_AND_PREVOUT, nullptr, MainAddresses());
    const auto no_undo2 = json::BlockToJson(block, Block170Position(), json::BlockVerbosity::TX_DETAILS, nullptr, MainAddresses());
    BOOST_CHECK_EQUAL(Text(no_undo3), Text(no_undo2));
}

BOOST_AUTO_TEST_CASE(getblock_large_block_sizes)
{
    // Mainnet block 413567 (pre-segwit): stripped size equals size, weight is four times it.
    const auto raw = test::ReadDataFile("block413567.raw");
    const auto block = primitives::DecodeBlock(raw);
    BOOST_REQUIRE(block);
    json::BlockPosition p;
    p.hash = block->GetHash();
    p.height = 413567;
    p.tx_count = block->txs.size();
    const auto o = json::BlockToJson(*block, p, json::BlockVerbosity::TXIDS, nullptr, MainAddresses());
    BOOST_CHECK_EQUAL(o.at("hash").as_string(), "0000000000000000025aff8be8a55df8f89c77296db6198f272d6577325d4069");
    BOOST_CHECK_EQUAL(o.at("size").as_int64(), 999887);
    BOOST_CHECK_EQUAL(o.at("strippedsize").as_int64(), 999887);
    BOOST_CHECK_EQUAL(o.at("weight").as_int64(), 4 * 999887);
    const auto& txs = o.at("tx").as_array();
    BOOST_REQUIRE_EQUAL(txs.size(), block->txs.size());
    for (size_t i = 0; i < txs.size(); ++i) BOOST_CHECK_EQUAL(txs[i].as_string(), block->txs[i]->txid().ToHex());
    BOOST_CHECK_EQUAL(o.at("nTx").to_number<uint64_t>(), block->txs.size());
}

BOOST_AUTO_TEST_CASE(spent_outputs_must_fit_the_block)
{
    const primitives::Block block = MainnetBlock(170);
    json::BlockSpentOutputs undo = Block170Undo();
    BOOST_CHECK(json::CheckSpentOutputs(block, undo));
    BOOST_CHECK(!json::CheckSpentOutputs(block, {}));                        // no record for tx 1
    BOOST_CHECK(!json::CheckSpentOutputs(block, {undo[0], undo[0]}));        // one too many
    BOOST_CHECK(!json::CheckSpentOutputs(block, {{undo[0][0], undo[0][0]}})); // two outputs for one input
    json::BlockSpentOutputs short_value = undo;
    short_value[0][0].out.value = Amount{49 * primitives::COIN}; // outputs would exceed inputs
    const auto negative = json::CheckSpentOutputs(block, short_value);
    BOOST_REQUIRE(!negative);
    BOOST_CHECK_EQUAL(negative.error(), "undo data for transaction 1 gives a fee outside the money range");
    BOOST_CHECK(!json::TxFee(*block.txs[1], short_value[0]));
    BOOST_CHECK(json::TxFee(*block.txs[1], undo[0]) == Amount{0});
}

BOOST_AUTO_TEST_SUITE_END()

// getblockstats on a hand-built block whose figures are worked out by hand:
//
//   tx   inputs  outputs (script bytes)        size  weight  fee   feerate (fee*4/weight)
//   1    1       22                             82    328    1000  12
//   2    2       22, OP_RETURN 3                135    540    5000  37
//   3    1 (+ witness 10, 33 bytes)  22         130    376     300   3
//
// Sizes: version 4, counts 1 each, input 41 (empty scriptSig), output 9 +
// script, lock time 4; tx 3 adds marker and flag (2) and its witness (1 +
// 11 + 34 = 46) to a stripped size of 82. The coinbase pays 25-byte P2PKH
// and a 38-byte OP_RETURN commitment.
namespace {

util::Bytes Repeat(uint8_t byte, size_t n) { return util::Bytes(n, byte); }
util::Bytes P2wpkh() { util::Bytes s{0x00, 0x14}; s.resize(22, 0xab); return s; }
util::Bytes P2pkh()
{
    util::Bytes s{0x76, 0xa9, 0x14};
    s.resize(23, 0xcd);
    s.push_back(0x88);
    s.push_back(0xac);
    return s;
}
util::Bytes P2wsh() { util::Bytes s{0x00, 0x20}; s.resize(34, 0xef); return s; }

primitives::TxIn Spend(uint8_t txid_byte, uint32_t index)
{
    primitives::TxIn in;
    in.prevout = primitives::OutPoint{primitives::Txid(primitives::Uint256(Repeat(txid_byte, 32))), index};
    return in;
}

primitives::TransactionRef Tx(primitives::MutableTransaction m) { return std::make_shared<const primitives::Transaction>(std::move(m)); }

struct StatsFixture {
    primitives::Block block;
    json::BlockSpentOutputs spent;
    json::BlockPosition position;
    json::BlockStatsContext context{Amount{312'500'000}, false};

    StatsFixture()
    {
        primitives::MutableTransaction coinbase;
        coinbase.version = 2;
        primitives::TxIn cb_in;
        cb_in.script_sig = {0x03, 0xa0, 0xbb, 0x0d};
        coinbase.vin.push_back(cb_in);
        coinbase.vout.push_back({Amount{312'500'000 + 6300}, P2pkh()});
        util::Bytes commitment{0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed};
        commitment.resize(38, 0x11);
        coinbase.vout.push_back({Amount{0}, commitment});

        primitives::MutableTransaction tx1;
        tx1.version = 2;
        tx1.vin.push_back(Spend(1, 0));
        tx1.vout.push_back({Amount{99'000}, P2wpkh()});

        primitives::MutableTransaction tx2;
        tx2.version = 2;
        tx2.vin.push_back(Spend(2, 0));
        tx2.vin.push_back(Spend(2, 1));
        tx2.vout.push_back({Amount{245'000}, P2wpkh()});
        tx2.vout.push_back({Amount{0}, {0x6a, 0x01, 0x00}});

        primitives::MutableTransaction tx3;
        tx3.version = 2;
        tx3.vin.push_back(Spend(3, 7));
        tx3.vin[0].witness.stack = {Repeat(0x30, 10), Repeat(0x02, 33)};
        tx3.vout.push_back({Amount{9'700}, P2wpkh()});

        block.header.version = 0x20000000;
        block.header.time = 1'700'000'000;
        block.header.bits = 0x17034219;
        block.txs = {Tx(coinbase), Tx(tx1), Tx(tx2), Tx(tx3)};

        spent = {
            {{{Amount{100'000}, P2wpkh()}, 800'000, false}},
            {{{Amount{200'000}, P2pkh()}, 700'000, true}, {{Amount{50'000}, P2wpkh()}, 799'999, false}},
            {{{Amount{10'000}, P2wsh()}, 123, false}},
        };
        position.hash = block.GetHash();
        position.height = 900'000;
        position.median_time_past = 1'699'999'000;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(block_stats_tests)

BOOST_AUTO_TEST_CASE(sizes_of_the_hand_built_block)
{
    const StatsFixture f;
    BOOST_CHECK_EQUAL(f.block.txs[1]->TotalSize(), 82U);
    BOOST_CHECK_EQUAL(f.block.txs[2]->TotalSize(), 135U);
    BOOST_CHECK_EQUAL(f.block.txs[3]->StrippedSize(), 82U);
    BOOST_CHECK_EQUAL(f.block.txs[3]->TotalSize(), 130U);
    BOOST_CHECK_EQUAL(f.block.txs[3]->Weight(), 376U);
    BOOST_CHECK(json::CheckSpentOutputs(f.block, f.spent));
}

BOOST_AUTO_TEST_CASE(all_figures_worked_out_by_hand)
{
    const StatsFixture f;
    const json::BlockStats s = json::ComputeBlockStats(f.block, f.position, f.spent, f.context);
    const auto o = json::BlockStatsToJson(s);
    BOOST_REQUIRE(o);
    const std::vector<std::string> core_order{
        "avgfee", "avgfeerate", "avgtxsize", "blockhash", "feerate_percentiles", "height", "ins", "maxfee",
        "maxfeerate", "maxtxsize", "medianfee", "mediantime", "mediantxsize", "minfee", "minfeerate", "mintxsize",
        "outs", "subsidy", "swtotal_size", "swtotal_weight", "swtxs", "time", "total_out", "total_size",
        "total_weight", "totalfee", "txs", "utxo_increase", "utxo_size_inc", "utxo_increase_actual",
        "utxo_size_inc_actual"};
    BOOST_CHECK(Keys(*o) == core_order);
    BOOST_CHECK_EQUAL(json::WriteJson(*o),
                      "{\"avgfee\":2100,"        // 6300 / 3
                      "\"avgfeerate\":20,"       // 6300 * 4 / 1244
                      "\"avgtxsize\":115,"       // 347 / 3
                      "\"blockhash\":\"" + f.position.hash.ToHex() + "\","
                      // by feerate: (3, 376) (12, 328) (37, 540); running weight 376, 704, 1244
                      // against 124.4, 311, 622, 933, 1119.6
                      "\"feerate_percentiles\":[3,3,12,37,37],"
                      "\"height\":900000,\"ins\":4,\"maxfee\":5000,\"maxfeerate\":37,\"maxtxsize\":135,"
                      "\"medianfee\":1000,\"mediantime\":1699999000,\"mediantxsize\":130,"
                      "\"minfee\":300,\"minfeerate\":3,\"mintxsize\":82,"
                      "\"outs\":6,\"subsidy\":312500000,"
                      "\"swtotal_size\":130,\"swtotal_weight\":376,\"swtxs\":1,\"time\":1700000000,"
                      "\"total_out\":353700,"    // 99000 + 245000 + 0 + 9700
                      "\"total_size\":347,\"total_weight\":1244,\"totalfee\":6300,\"txs\":4,"
                      "\"utxo_increase\":2,"     // 6 outputs - 4 inputs
                      // created (script + 9 + 41 each): 75 + 88 + 72 + 72 + 53 + 72 = 432;
                      // spent: 72 + 75 + 72 + 84 = 303
                      "\"utxo_size_inc\":129,"
                      "\"utxo_increase_actual\":0," // 4 spendable outputs - 4 inputs
                      "\"utxo_size_inc_actual\":-12}"); // 432 - 88 - 53 - 303
}

BOOST_AUTO_TEST_CASE(outputs_that_never_enter_the_utxo_set)
{
    StatsFixture f;
    f.context.bip30_repeat = true; // the coinbase's P2PKH output no longer counts
    json::BlockStats s = json::ComputeBlockStats(f.block, f.position, f.spent, f.context);
    BOOST_CHECK_EQUAL(s.utxo_increase_actual, -1);
    BOOST_CHECK_EQUAL(s.utxo_size_inc_actual, -12 - 75);
    BOOST_CHECK_EQUAL(s.utxo_increase, 2);
    BOOST_CHECK_EQUAL(s.utxo_size_inc, 129);

    // Genesis: only its coinbase, none of whose outputs count.
    primitives::Block genesis;
    genesis.txs = {f.block.txs[0]};
    f.position.height = 0;
    s = json::ComputeBlockStats(genesis, f.position, {}, {Amount{50 * primitives::COIN}, false});
    BOOST_CHECK_EQUAL(s.utxo_increase, 2);
    BOOST_CHECK_EQUAL(s.utxo_increase_actual, 0);
    BOOST_CHECK_EQUAL(s.utxo_size_inc, 75 + 88);
    BOOST_CHECK_EQUAL(s.utxo_size_inc_actual, 0);
}

BOOST_AUTO_TEST_CASE(coinbase_only_block)
{
    const primitives::Block block = MainnetBlock(1);
    json::BlockPosition p;
    p.hash = block.GetHash();
    p.height = 1;
    const json::BlockStats s = json::ComputeBlockStats(block, p, {}, {Amount{50 * primitives::COIN}, false});
    const auto o = json::BlockStatsToJson(s, {"avgfee", "minfee", "mintxsize", "minfeerate", "feerate_percentiles",
                                              "medianfee", "txs", "ins", "outs", "utxo_increase_actual", "utxo_size_inc"});
    BOOST_REQUIRE(o);
    // Starting values nothing lowered print as 0; the coinbase's 67-byte P2PK output is 8 + 1 + 67 + 41 bytes.
    BOOST_CHECK_EQUAL(json::WriteJson(*o),
                      "{\"avgfee\":0,\"feerate_percentiles\":[0,0,0,0,0],\"ins\":0,\"medianfee\":0,\"minfee\":0,"
                      "\"minfeerate\":0,\"mintxsize\":0,\"outs\":1,\"txs\":1,\"utxo_increase_actual\":1,"
                      "\"utxo_size_inc\":117}");
}

BOOST_AUTO_TEST_CASE(selected_figures_and_unknown_names)
{
    const StatsFixture f;
    const json::BlockStats s = json::ComputeBlockStats(f.block, f.position, f.spent, f.context);
    // Sorted bytewise, duplicates merged (Core's std::set).
    const auto picked = json::BlockStatsToJson(s, {"utxo_size_inc", "avgfee", "utxo_increase_actual", "avgfee", "total_out", "totalfee"});
    BOOST_REQUIRE(picked);
    BOOST_CHECK_EQUAL(json::WriteJson(*picked),
                      "{\"avgfee\":2100,\"total_out\":353700,\"totalfee\":6300,\"utxo_increase_actual\":0,\"utxo_size_inc\":129}");

    const auto bad = json::BlockStatsToJson(s, {"minfee", "zzz", "bogus"});
    BOOST_REQUIRE(!bad);
    BOOST_CHECK_EQUAL(bad.error(), "Invalid selected statistic 'bogus'");
}

BOOST_AUTO_TEST_SUITE_END()
