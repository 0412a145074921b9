// Every case of bip341_wallet_vectors.json (BIP341's wallet test vectors):
// output construction (leaf hashes, merkle root, tweak, tweaked key, script,
// address, control blocks) and key-path spending (precomputed hashes, SigMsg,
// sighash, and the full spend through the interpreter).
#include <crypto/hash.h>
#include <crypto/schnorr.h>
#include <primitives/transaction.h>
#include <script/address.h>
#include <script/address_params.h>
#include <script/interpreter.h>
#include <script/sighash.h>
#include <script/verify_flags.h>
#include <util/hex.h>

#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

using namespace primitives;
namespace json = boost::json;

namespace {

std::string Hex(const Uint256& h) { return util::HexStr(h.span()); }

struct Leaf {
    Uint256 hash;
    uint8_t version;
    std::vector<Uint256> path; // sibling hashes from the leaf up
};

// Hashes a script tree (a leaf object or a two-element array), collecting the
// leaves in file order with their proof paths. Returns the subtree's hash.
Uint256 WalkTree(const json::value& node, std::vector<Leaf>& leaves)
{
    if (node.is_object()) {
        const auto& o = node.as_object();
        const util::Bytes script = test::ParseHex(std::string(o.at("script").as_string()));
        const auto version = static_cast<uint8_t>(o.at("leafVersion").to_number<int>());
        leaves.push_back({script::ComputeTapleafHash(version, script), version, {}});
        return leaves.back().hash;
    }
    const auto& pair = node.as_array();
    BOOST_REQUIRE_EQUAL(pair.size(), 2u);
    const size_t first_left = leaves.size();
    const Uint256 left = WalkTree(pair[0], leaves);
    const size_t first_right = leaves.size();
    const Uint256 right = WalkTree(pair[1], leaves);
    for (size_t i = first_left; i < first_right; ++i) leaves[i].path.push_back(right);
    for (size_t i = first_right; i < leaves.size(); ++i) leaves[i].path.push_back(left);
    return script::ComputeTapbranchHash(left.span(), right.span());
}

Uint256 TapTweak(util::ByteSpan internal_key, const std::optional<Uint256>& merkle_root)
{
    crypto::Sha256 h = crypto::TaggedSha256("TapTweak");
    h.Write(internal_key);
    if (merkle_root) h.Write(merkle_root->span());
    return Uint256(h.Finalize());
}

} // namespace

BOOST_AUTO_TEST_SUITE(bip341_tests)

BOOST_AUTO_TEST_CASE(script_pubkey_construction)
{
    const auto doc = json::parse(test::ReadDataText("bip341_wallet_vectors.json"));
    const auto& cases = doc.at("scriptPubKey").as_array();
    BOOST_CHECK_EQUAL(cases.size(), 7u);
    for (const auto& c : cases) {
        const auto& given = c.at("given").as_object();
        const auto& inter = c.at("intermediary").as_object();
        const auto& expected = c.at("expected").as_object();
        const util::Bytes internal = test::ParseHex(std::string(given.at("internalPubkey").as_string()));

        std::vector<Leaf> leaves;
        std::optional<Uint256> root;
        if (!given.at("scriptTree").is_null()) root = WalkTree(given.at("scriptTree"), leaves);
        if (inter.contains("leafHashes")) {
            const auto& hashes = inter.at("leafHashes").as_array();
            BOOST_REQUIRE_EQUAL(hashes.size(), leaves.size());
            for (size_t i = 0; i < leaves.size(); ++i) BOOST_CHECK_EQUAL(Hex(leaves[i].hash), hashes[i].as_string());
        }
        if (inter.at("merkleRoot").is_null()) {
            BOOST_CHECK(!root);
        } else {
            BOOST_REQUIRE(root);
            BOOST_CHECK_EQUAL(Hex(*root), inter.at("merkleRoot").as_string());
        }
        const Uint256 tweak = TapTweak(internal, root);
        BOOST_CHECK_EQUAL(Hex(tweak), inter.at("tweak").as_string());
        const auto tweaked = crypto::TweakXOnlyPubKey(std::span<const uint8_t, 32>(internal.data(), 32), tweak.bytes());
        BOOST_REQUIRE(tweaked);
        BOOST_CHECK_EQUAL(util::HexStr(tweaked->key), inter.at("tweakedPubkey").as_string());

        util::Bytes spk{0x51, 0x20};
        spk.insert(spk.end(), tweaked->key.begin(), tweaked->key.end());
        BOOST_CHECK_EQUAL(util::HexStr(spk), expected.at("scriptPubKey").as_string());
        script::Destination dest;
        script::ExtractDestination(spk, dest);
        BOOST_CHECK_EQUAL(script::EncodeDestination(dest, script::MAINNET_ADDRESSES), expected.at("bip350Address").as_string());

        if (expected.contains("scriptPathControlBlocks")) {
            const auto& blocks = expected.at("scriptPathControlBlocks").as_array();
            BOOST_REQUIRE_EQUAL(blocks.size(), leaves.size());
            for (size_t i = 0; i < leaves.size(); ++i) {
                util::Bytes control{static_cast<uint8_t>(leaves[i].version | (tweaked->parity ? 1 : 0))};
                control.insert(control.end(), internal.begin(), internal.end());
                for (const Uint256& node : leaves[i].path) control.insert(control.end(), node.begin(), node.end());
                BOOST_CHECK_EQUAL(util::HexStr(control), blocks[i].as_string());
                // The control block proves the leaf against the output key.
                BOOST_CHECK(script::ComputeTaprootMerkleRoot(control, leaves[i].hash) == *root);
                BOOST_CHECK(crypto::CheckTapTweak(std::span<const uint8_t, 32>(internal.data(), 32), tweak.bytes(),
                                                  tweaked->key, tweaked->parity));
                BOOST_CHECK(!crypto::CheckTapTweak(std::span<const uint8_t, 32>(internal.data(), 32), tweak.bytes(),
                                                   tweaked->key, !tweaked->parity));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(key_path_spending)
{
    const auto doc = json::parse(test::ReadDataText("bip341_wallet_vectors.json"));
    const auto& spending = doc.at("keyPathSpending").as_array();
    BOOST_REQUIRE_EQUAL(spending.size(), 1u);
    const auto& given = spending[0].at("given").as_object();
    auto tx = DecodeTransaction(test::ParseHex(std::string(given.at("rawUnsignedTx").as_string())));
    BOOST_REQUIRE(tx);
    std::vector<TxOut> spent;
    for (const auto& utxo : given.at("utxosSpent").as_array()) {
        spent.push_back({Amount(utxo.at("amountSats").to_number<int64_t>()),
                         test::ParseHex(std::string(utxo.at("scriptPubKey").as_string()))});
    }
    const script::PrecomputedTxData precomputed(tx->fields(), spent);
    const auto& inter = spending[0].at("intermediary").as_object();
    BOOST_CHECK_EQUAL(Hex(precomputed.sha_amounts), inter.at("hashAmounts").as_string());
    BOOST_CHECK_EQUAL(Hex(precomputed.sha_outputs), inter.at("hashOutputs").as_string());
    BOOST_CHECK_EQUAL(Hex(precomputed.sha_prevouts), inter.at("hashPrevouts").as_string());
    BOOST_CHECK_EQUAL(Hex(precomputed.sha_scriptpubkeys), inter.at("hashScriptPubkeys").as_string());
    BOOST_CHECK_EQUAL(Hex(precomputed.sha_sequences), inter.at("hashSequences").as_string());

    MutableTransaction signed_tx = tx->fields();
    const auto& inputs = spending[0].at("inputSpending").as_array();
    BOOST_CHECK_EQUAL(inputs.size(), 7u);
    std::vector<size_t> signed_inputs;
    for (const auto& input : inputs) {
        const auto& g = input.at("given").as_object();
        const auto& i = input.at("intermediary").as_object();
        const auto index = static_cast<size_t>(g.at("txinIndex").to_number<int64_t>());
        const auto hash_type = static_cast<uint8_t>(g.at("hashType").to_number<int>());
        const util::Bytes internal = test::ParseHex(std::string(i.at("internalPubkey").as_string()));
        std::optional<Uint256> root;
        // The vectors write hashes in internal byte order (not reversed).
        if (!g.at("merkleRoot").is_null()) root = Uint256(test::ParseHex(std::string(g.at("merkleRoot").as_string())));
        BOOST_CHECK_EQUAL(Hex(TapTweak(internal, root)), i.at("tweak").as_string());

        const script::TaprootSpendContext context;
        const auto message = script::TaprootSignatureMessage(tx->fields(), index, hash_type, script::SigVersion::TAPROOT,
                                                             precomputed, context);
        BOOST_REQUIRE(message);
        BOOST_CHECK_EQUAL(util::HexStr(*message), i.at("sigMsg").as_string());
        const auto sighash = script::TaprootSignatureHash(tx->fields(), index, hash_type, script::SigVersion::TAPROOT,
                                                          precomputed, context);
        BOOST_REQUIRE(sighash);
        BOOST_CHECK_EQUAL(Hex(*sighash), i.at("sigHash").as_string());

        const auto& witness = input.at("expected").at("witness").as_array();
        signed_tx.vin[index].witness.stack.clear();
        for (const auto& item : witness) signed_tx.vin[index].witness.stack.push_back(test::ParseHex(std::string(item.as_string())));
        signed_inputs.push_back(index);
    }

    // The signed transaction verifies input by input under taproot rules, and
    // a flipped signature bit fails.
    const uint32_t flags = script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS | script::SCRIPT_VERIFY_TAPROOT;
    const script::PrecomputedTxData signed_precomputed(signed_tx, spent);
    for (size_t index : signed_inputs) {
        const script::TransactionSignatureChecker checker(signed_tx, index, spent[index].value, signed_precomputed);
        const auto& in = signed_tx.vin[index];
        BOOST_CHECK_MESSAGE(script::VerifyScript(in.script_sig, spent[index].script_pubkey, &in.witness, flags, checker) ==
                                script::ScriptError::OK,
                            "input " << index);
        primitives::ScriptWitness bad = in.witness;
        bad.stack[0][10] ^= 1;
        BOOST_CHECK(script::VerifyScript(in.script_sig, spent[index].script_pubkey, &bad, flags, checker) ==
                    script::ScriptError::SCHNORR_SIG);
    }
}

BOOST_AUTO_TEST_SUITE_END()
