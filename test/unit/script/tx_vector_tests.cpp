// Every case of Bitcoin Core's tx_valid.json and tx_invalid.json: the context-
// free checks, then every input's scripts under the listed flags.
#include <consensus/tx_check.h>
#include <primitives/transaction.h>
#include <script/interpreter.h>
#include <script/verify_flags.h>

#include "script_notation.h"
#include <capi/capi_verify.h>
#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <map>

using namespace primitives;
using script::ScriptError;

namespace {

struct TxCase {
    std::map<OutPoint, TxOut> prevouts;
    util::Bytes raw;
    std::string flags_text;
    std::string description;
};

std::vector<TxCase> LoadTxCases(const std::string& file)
{
    const auto doc = boost::json::parse(test::ReadDataText(file));
    std::vector<TxCase> cases;
    for (const auto& entry : doc.as_array()) {
        const auto& row = entry.as_array();
        if (!row[0].is_array()) continue; // comment
        BOOST_REQUIRE_EQUAL(row.size(), 3u);
        TxCase c;
        for (const auto& input : row[0].as_array()) {
            const auto& in = input.as_array();
            BOOST_REQUIRE(in.size() == 3 || in.size() == 4);
            OutPoint outpoint;
            outpoint.txid = *Txid::FromHex(std::string(in[0].as_string()));
            outpoint.index = static_cast<uint32_t>(in[1].to_number<int64_t>());
            TxOut out;
            out.script_pubkey = test::ParseScriptNotation(std::string(in[2].as_string()));
            out.value = Amount(in.size() == 4 ? in[3].to_number<int64_t>() : 0);
            c.prevouts[outpoint] = out;
        }
        c.raw = test::ParseHex(std::string(row[1].as_string()));
        c.flags_text = std::string(row[2].as_string());
        c.description = boost::json::serialize(entry);
        cases.push_back(std::move(c));
    }
    return cases;
}

// Bitcoin Core's harness helpers: make a flag set consistent.
uint32_t FillFlags(uint32_t flags)
{
    if (flags & script::SCRIPT_VERIFY_CLEANSTACK) flags |= script::SCRIPT_VERIFY_WITNESS;
    if (flags & script::SCRIPT_VERIFY_WITNESS) flags |= script::SCRIPT_VERIFY_P2SH;
    return flags;
}

uint32_t TrimFlags(uint32_t flags)
{
    if (!(flags & script::SCRIPT_VERIFY_P2SH)) flags &= ~static_cast<uint32_t>(script::SCRIPT_VERIFY_WITNESS);
    if (!(flags & script::SCRIPT_VERIFY_WITNESS)) flags &= ~static_cast<uint32_t>(script::SCRIPT_VERIFY_CLEANSTACK);
    return flags;
}

std::vector<uint32_t> ExcludeIndividualFlags(uint32_t flags)
{
    std::vector<uint32_t> out;
    for (uint32_t bit = 0; bit < 21; ++bit) {
        const uint32_t without = TrimFlags(flags & ~(1U << bit));
        if (without != flags && std::find(out.begin(), out.end(), without) == out.end()) out.push_back(without);
    }
    return out;
}

// True when every input verifies under `flags`.
bool ScriptsValid(const Transaction& tx, const TxCase& c, uint32_t flags)
{
    flags &= script::ALL_VERIFY_FLAGS;
    std::vector<TxOut> spent;
    for (const auto& in : tx.inputs()) {
        auto it = c.prevouts.find(in.prevout);
        BOOST_REQUIRE_MESSAGE(it != c.prevouts.end(), "test lacks a prevout: " << c.description);
        spent.push_back(it->second);
    }
    const script::PrecomputedTxData precomputed(tx.fields(), spent);
    for (size_t i = 0; i < tx.inputs().size(); ++i) {
        const script::TransactionSignatureChecker checker(tx.fields(), i, spent[i].value, precomputed);
        const auto& in = tx.inputs()[i];
        const ScriptError direct = script::VerifyScript(in.script_sig, spent[i].script_pubkey, &in.witness, flags, checker);
        const ScriptError via_capi = test::VerifyThroughCapi(tx.fields(), spent, i, flags);
        BOOST_CHECK_MESSAGE(direct == via_capi, "C API disagrees on input " << i << ": " << c.description);
        if (via_capi != ScriptError::OK) return false;
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(tx_vector_tests)

BOOST_AUTO_TEST_CASE(tx_valid_json)
{
    const auto cases = LoadTxCases("tx_valid.json");
    BOOST_CHECK_EQUAL(cases.size(), 120u);
    for (const TxCase& c : cases) {
        auto tx = DecodeTransaction(c.raw);
        BOOST_REQUIRE_MESSAGE(tx, c.description);
        BOOST_CHECK_MESSAGE(consensus::CheckTransaction(*tx) == consensus::TxCheckError::NONE, c.description);
        BOOST_CHECK_MESSAGE(utxoconsensus_check_transaction(c.raw.data(), static_cast<unsigned>(c.raw.size()), nullptr, nullptr) == 1,
                            c.description);
        // The listed flags are the ones to leave out of the full set.
        const auto excluded = script::ParseVerifyFlags(c.flags_text);
        BOOST_REQUIRE_MESSAGE(excluded, "bad flags: " << c.description);
        const uint32_t all = script::ALL_VERIFY_FLAGS;
        BOOST_CHECK_MESSAGE((~*excluded & all) == FillFlags(~*excluded & all), "inconsistent flags: " << c.description);
        BOOST_CHECK_MESSAGE(ScriptsValid(*tx, c, ~*excluded), "unexpectedly failed: " << c.description);
        // Removing any further flag keeps it valid.
        for (uint32_t bit = 0; bit < 21; ++bit) {
            BOOST_CHECK_MESSAGE(ScriptsValid(*tx, c, TrimFlags(~(*excluded | (1U << bit)) & all)),
                                "fails with " << script::FormatVerifyFlags(1U << bit) << " unset: " << c.description);
        }
        // The exclusions are needed: enabling any one of them makes it fail.
        for (uint32_t flags : ExcludeIndividualFlags(*excluded)) {
            BOOST_CHECK_MESSAGE(!ScriptsValid(*tx, c, ~flags), "too many flags excluded: " << c.description);
        }
    }
}

BOOST_AUTO_TEST_CASE(tx_invalid_json)
{
    const auto cases = LoadTxCases("tx_invalid.json");
    BOOST_CHECK_EQUAL(cases.size(), 93u);
    size_t badtx = 0;
    for (const TxCase& c : cases) {
        auto tx = DecodeTransaction(c.raw);
        if (!tx) {
            // Undecodable transactions are invalid too; only BADTX entries may be.
            BOOST_CHECK_MESSAGE(c.flags_text == "BADTX", "does not decode: " << c.description);
            ++badtx;
            continue;
        }
        const char* reason = nullptr;
        const int capi_ok = utxoconsensus_check_transaction(c.raw.data(), static_cast<unsigned>(c.raw.size()), nullptr, &reason);
        BOOST_CHECK_EQUAL(capi_ok == 1, consensus::CheckTransaction(*tx) == consensus::TxCheckError::NONE);
        BOOST_CHECK_EQUAL(std::string(reason), std::string(consensus::RejectReason(consensus::CheckTransaction(*tx))));
        if (consensus::CheckTransaction(*tx) != consensus::TxCheckError::NONE) {
            BOOST_CHECK_MESSAGE(c.flags_text == "BADTX", "fails CheckTransaction: " << c.description);
            ++badtx;
            continue;
        }
        BOOST_REQUIRE_MESSAGE(c.flags_text != "BADTX", "BADTX passes CheckTransaction: " << c.description);
        const auto flags = script::ParseVerifyFlags(c.flags_text);
        BOOST_REQUIRE_MESSAGE(flags, "bad flags: " << c.description);
        BOOST_CHECK_MESSAGE(*flags == FillFlags(*flags), "inconsistent flags: " << c.description);
        BOOST_CHECK_MESSAGE(!ScriptsValid(*tx, c, *flags), "unexpectedly passed: " << c.description);
        // Adding any flag keeps it invalid.
        for (uint32_t bit = 0; bit < 21; ++bit) {
            BOOST_CHECK_MESSAGE(!ScriptsValid(*tx, c, FillFlags(*flags | (1U << bit))),
                                "passes with " << script::FormatVerifyFlags(1U << bit) << " set: " << c.description);
        }
        // The listed flags are all needed: dropping any one makes it pass.
        for (uint32_t fewer : ExcludeIndividualFlags(*flags)) {
            BOOST_CHECK_MESSAGE(ScriptsValid(*tx, c, fewer), "too many flags set: " << c.description);
        }
    }
    BOOST_CHECK_GT(badtx, 0u);
}

BOOST_AUTO_TEST_SUITE_END()
