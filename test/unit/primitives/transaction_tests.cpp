#include <crypto/hash.h>
#include <primitives/transaction.h>
#include <util/hex.h>

#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

using namespace primitives;

namespace {

// The serialized transactions of a tx_valid.json / tx_invalid.json file, each
// with the comment lines just above it (some name the expected txid).
struct VectorTx {
    std::string hex;
    std::string comment;
};

std::vector<VectorTx> LoadVectorTransactions(const std::string& file)
{
    const boost::json::value doc = boost::json::parse(test::ReadDataText(file));
    std::vector<VectorTx> out;
    std::string comment;
    for (const auto& entry : doc.as_array()) {
        const auto& row = entry.as_array();
        if (row.size() == 1 && row[0].is_string()) {
            comment += std::string(row[0].as_string()) + "\n";
            continue;
        }
        BOOST_REQUIRE_GE(row.size(), 2u);
        out.push_back({std::string(row[1].as_string()), comment});
        comment.clear();
    }
    return out;
}

// Checks what every decodable transaction must satisfy: re-serialization is
// byte-identical, the ids hashed from the input buffer equal the ids of the
// re-serialized forms, and the sizes agree with the encodings.
void CheckRoundTrip(const util::Bytes& raw, const Transaction& tx)
{
    BOOST_CHECK_EQUAL(util::HexStr(EncodeTransaction(tx)), util::HexStr(raw));
    const util::Bytes stripped = EncodeTransaction(tx, TxSerialization::NO_WITNESS);
    BOOST_CHECK(tx.txid() == Txid(crypto::Hash256(stripped)));
    BOOST_CHECK(tx.wtxid() == Wtxid(crypto::Hash256(raw)));
    BOOST_CHECK_EQUAL(tx.TotalSize(), raw.size());
    BOOST_CHECK_EQUAL(tx.StrippedSize(), stripped.size());
    // Building from the fields computes the same cached values.
    const Transaction rebuilt(tx.fields());
    BOOST_CHECK(rebuilt.txid() == tx.txid());
    BOOST_CHECK(rebuilt.wtxid() == tx.wtxid());
    BOOST_CHECK_EQUAL(rebuilt.Weight(), tx.Weight());
}

// One input spending a P2WPKH output with a two-item witness, built field by field.
MutableTransaction SampleSegwitTransaction()
{
    MutableTransaction m;
    m.version = 2;
    TxIn in;
    in.prevout.txid = *Txid::FromHex("c0ffee00000000000000000000000000000000000000000000000000000000ee");
    in.prevout.index = 1;
    in.sequence = 0xfffffffd;
    in.witness.stack = {util::Bytes(72, 0x30), util::Bytes(33, 0x02)};
    m.vin.push_back(in);
    m.vout.push_back(TxOut{Amount(12345), test::ParseHex("0014" + std::string(40, 'a'))});
    m.lock_time = 800000;
    return m;
}

} // namespace

BOOST_AUTO_TEST_SUITE(transaction_tests)

BOOST_AUTO_TEST_CASE(tx_valid_round_trips)
{
    const auto vectors = LoadVectorTransactions("tx_valid.json");
    BOOST_CHECK_GT(vectors.size(), 100u);
    size_t named = 0;
    for (const VectorTx& v : vectors) {
        const util::Bytes raw = test::ParseHex(v.hex);
        auto tx = DecodeTransaction(raw);
        BOOST_REQUIRE_MESSAGE(tx, "tx_valid entry does not decode: " << v.hex << ": " << (tx ? "" : tx.error()));
        CheckRoundTrip(raw, *tx);
        // "The following is <txid>" comments name the transaction's id.
        const std::string marker = "The following is ";
        if (auto pos = v.comment.find(marker); pos != std::string::npos && v.comment.size() >= pos + marker.size() + 64) {
            const std::string txid = v.comment.substr(pos + marker.size(), 64);
            if (util::IsHex(txid)) {
                BOOST_CHECK_EQUAL(tx->txid().ToHex(), txid);
                ++named;
            }
        }
    }
    BOOST_CHECK_GE(named, 2u);
}

BOOST_AUTO_TEST_CASE(tx_invalid_round_trips_when_decodable)
{
    // Invalid by consensus, mostly still well-formed: those that decode must
    // re-serialize exactly; the rest must fail with a reason, never crash.
    size_t decoded = 0, rejected = 0;
    for (const VectorTx& v : LoadVectorTransactions("tx_invalid.json")) {
        const util::Bytes raw = test::ParseHex(v.hex);
        auto tx = DecodeTransaction(raw);
        if (tx) {
            CheckRoundTrip(raw, *tx);
            ++decoded;
        } else {
            BOOST_CHECK(!tx.error().empty());
            ++rejected;
        }
    }
    BOOST_CHECK_GT(decoded, 50u);
}

BOOST_AUTO_TEST_CASE(genesis_coinbase)
{
    // The main-network genesis coinbase: txid 4a5e1e4b...a33b (== the genesis merkle root).
    const util::Bytes raw = test::ParseHex(
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d010445"
        "5468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f"
        "6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a671"
        "30b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf1"
        "1d5fac00000000");
    auto tx = DecodeTransaction(raw);
    BOOST_REQUIRE(tx);
    BOOST_CHECK_EQUAL(tx->txid().ToHex(), "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
    BOOST_CHECK(tx->IsCoinBase());
    BOOST_CHECK(!tx->HasWitness());
    BOOST_CHECK(tx->outputs()[0].value == Amount(50 * COIN));
    BOOST_CHECK_EQUAL(tx->TotalSize(), 204u);
    BOOST_CHECK_EQUAL(tx->Weight(), 816u);
    BOOST_CHECK_EQUAL(tx->VirtualSize(), 204u);
}

BOOST_AUTO_TEST_CASE(segwit_sizes_and_ids)
{
    const MutableTransaction m = SampleSegwitTransaction();
    const Transaction tx(m);
    BOOST_CHECK(tx.HasWitness());
    BOOST_CHECK(tx.txid().AsUint256() != tx.wtxid().AsUint256());
    // stripped: 4 + 1 + 41 + 1 + (8 + 1 + 22) + 4 = 82; witness adds marker, flag,
    // the item count and the items: 2 + 1 + (1 + 72) + (1 + 33) = 110.
    BOOST_CHECK_EQUAL(tx.StrippedSize(), 82u);
    BOOST_CHECK_EQUAL(tx.TotalSize(), 192u);
    BOOST_CHECK_EQUAL(tx.Weight(), 82u * 3 + 192u);
    BOOST_CHECK_EQUAL(tx.VirtualSize(), (82u * 3 + 192u + 3) / 4);

    const util::Bytes raw = EncodeTransaction(tx);
    BOOST_CHECK_EQUAL(raw[4], 0x00); // marker
    BOOST_CHECK_EQUAL(raw[5], 0x01); // flag
    auto decoded = DecodeTransaction(raw);
    BOOST_REQUIRE(decoded);
    BOOST_CHECK(decoded->fields() == m);
    CheckRoundTrip(raw, *decoded);
    // Without witness parsing the marker reads as an empty input list.
    auto legacy = DecodeTransaction(raw, TxSerialization::NO_WITNESS);
    BOOST_CHECK(!legacy);
}

BOOST_AUTO_TEST_CASE(malformed_transactions_rejected)
{
    const std::string good = "0100000001" + std::string(64, '1') + "00000000" "00" "ffffffff"
                             "01" "0000000000000000" "00" "00000000";
    BOOST_REQUIRE(DecodeTransaction(test::ParseHex(good)));

    const std::pair<std::string, std::string> cases[] = {
        {"", "unexpected end of data"},
        {good.substr(0, good.size() - 2), "unexpected end of data"},
        {good + "00", "1 unexpected bytes after the end"},
        // Marker and flag, one input with an empty witness: nothing to carry.
        {"01000000" "0001" "01" + std::string(64, '1') + "00000000" "00" "ffffffff" "00" "00" "00000000",
         "superfluous witness record"},
        // Flag 2 is undefined.
        {"01000000" "0002" "01" + std::string(64, '1') + "00000000" "00" "ffffffff" "00" "00000000",
         "unknown transaction optional data"},
        // A count far beyond the data must fail before allocating anything.
        {"01000000" "fe00000100", "inputs announced"},
        {"01000000" "ff0000000001000000", "exceeds the limit"},
        {"01000000" "fd0100", "non-canonical CompactSize"},
    };
    for (const auto& [hex, reason] : cases) {
        auto tx = DecodeTransaction(test::ParseHex(hex));
        BOOST_REQUIRE_MESSAGE(!tx, "accepted: " << hex);
        BOOST_CHECK_MESSAGE(tx.error().find(reason) != std::string::npos, tx.error() << " lacks " << reason);
        BOOST_CHECK(tx.error().rfind("invalid transaction: ", 0) == 0);
    }
}

BOOST_AUTO_TEST_CASE(every_truncation_fails_cleanly)
{
    const util::Bytes raw = EncodeTransaction(SampleSegwitTransaction());
    BOOST_REQUIRE(DecodeTransaction(raw));
    for (size_t len = 0; len < raw.size(); ++len) {
        auto tx = DecodeTransaction(util::ByteSpan(raw.data(), len));
        BOOST_CHECK_MESSAGE(!tx, "prefix of length " << len << " accepted");
    }
}

BOOST_AUTO_TEST_SUITE_END()
