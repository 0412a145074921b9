// Every case of Bitcoin Core's script_tests.json: result and exact error name.
#include <primitives/transaction.h>
#include <script/interpreter.h>
#include <script/verify_flags.h>

#include "script_notation.h"
#include <capi/capi_verify.h>
#include <test_data.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace primitives;
using script::ScriptError;

namespace {

struct ScriptCase {
    primitives::ScriptWitness witness;
    Amount amount;
    util::Bytes script_sig;
    util::Bytes script_pubkey;
    uint32_t flags;
    ScriptError expected;
    std::string description;
};

// The transactions Bitcoin Core's script tests evaluate in: a crediting
// transaction paying to scriptPubKey and a spend of its only output.
struct TestTransactions {
    MutableTransaction credit;
    MutableTransaction spend;
};

TestTransactions BuildTransactions(const ScriptCase& c)
{
    TestTransactions t;
    t.credit.version = 1;
    t.credit.vin.resize(1);
    t.credit.vin[0].script_sig = {0x00, 0x00};
    t.credit.vout.push_back({c.amount, c.script_pubkey});
    t.spend.version = 1;
    t.spend.vin.resize(1);
    t.spend.vin[0].prevout.txid = Transaction(t.credit).txid();
    t.spend.vin[0].prevout.index = 0;
    t.spend.vin[0].script_sig = c.script_sig;
    t.spend.vin[0].witness = c.witness;
    t.spend.vout.push_back({c.amount, {}});
    return t;
}

ScriptError Run(const ScriptCase& c, uint32_t flags)
{
    const TestTransactions t = BuildTransactions(c);
    const script::PrecomputedTxData precomputed(t.spend, {t.credit.vout[0]});
    const script::TransactionSignatureChecker checker(t.spend, 0, c.amount, precomputed);
    const ScriptError direct = script::VerifyScript(c.script_sig, c.script_pubkey, &c.witness, flags, checker);
    // The same case through the public C API must give the same answer.
    const ScriptError via_capi = test::VerifyThroughCapi(t.spend, {t.credit.vout[0]}, 0, flags);
    BOOST_CHECK_MESSAGE(direct == via_capi, "C API disagrees: " << c.description);
    return via_capi;
}

bool ValidCombination(uint32_t flags)
{
    if ((flags & script::SCRIPT_VERIFY_CLEANSTACK) &&
        (~flags & (script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS))) {
        return false;
    }
    if ((flags & script::SCRIPT_VERIFY_WITNESS) && (~flags & script::SCRIPT_VERIFY_P2SH)) return false;
    return true;
}

std::vector<ScriptCase> LoadCases()
{
    const auto doc = boost::json::parse(test::ReadDataText("script_tests.json"));
    std::vector<ScriptCase> cases;
    for (const auto& entry : doc.as_array()) {
        const auto& row = entry.as_array();
        if (row.size() == 1) continue; // comment
        ScriptCase c;
        size_t i = 0;
        if (row[0].is_array()) {
            const auto& wit = row[0].as_array();
            for (size_t k = 0; k + 1 < wit.size(); ++k) c.witness.stack.push_back(test::ParseHex(std::string(wit[k].as_string())));
            c.amount = Amount(std::llround(wit.back().to_number<double>() * COIN));
            i = 1;
        }
        BOOST_REQUIRE_GE(row.size(), i + 4);
        const std::string sig(row[i].as_string()), pub(row[i + 1].as_string()), flags(row[i + 2].as_string()),
            expected(row[i + 3].as_string());
        c.script_sig = test::ParseScriptNotation(sig);
        c.script_pubkey = test::ParseScriptNotation(pub);
        auto parsed_flags = script::ParseVerifyFlags(flags);
        BOOST_REQUIRE_MESSAGE(parsed_flags, "unknown flags " << flags);
        c.flags = *parsed_flags;
        // As Bitcoin Core's harness: CLEANSTACK implies P2SH and WITNESS.
        if (c.flags & script::SCRIPT_VERIFY_CLEANSTACK) c.flags |= script::SCRIPT_VERIFY_P2SH | script::SCRIPT_VERIFY_WITNESS;
        auto err = script::ParseScriptErrorName(expected);
        BOOST_REQUIRE_MESSAGE(err, "unknown error name " << expected);
        c.expected = *err;
        c.description = "[" + sig + "] [" + pub + "] " + flags + " " + expected +
                        (row.size() > i + 4 ? " (" + std::string(row[i + 4].as_string()) + ")" : "");
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace

BOOST_AUTO_TEST_SUITE(script_json_tests)

BOOST_AUTO_TEST_CASE(script_tests_json_all_cases)
{
    const auto cases = LoadCases();
    // 1207 cases in the file; fail loudly if any were lost.
    BOOST_CHECK_EQUAL(cases.size(), 1207u);
    size_t disagreements = 0;
    for (const ScriptCase& c : cases) {
        const ScriptError got = Run(c, c.flags);
        if (got != c.expected) ++disagreements;
        BOOST_CHECK_MESSAGE(got == c.expected, script::ScriptErrorName(got) << " where " << script::ScriptErrorName(c.expected)
                                                                             << " expected: " << c.description);
    }
    BOOST_CHECK_EQUAL(disagreements, 0u);
}

BOOST_AUTO_TEST_CASE(flags_are_monotonic)
{
    // Removing a flag from a passing case keeps it passing; adding one to a
    // failing case keeps it failing (each flag only restricts).
    for (const ScriptCase& c : LoadCases()) {
        const bool expect = c.expected == ScriptError::OK;
        for (uint32_t bit = 0; bit < 21; ++bit) {
            const uint32_t flags = expect ? (c.flags & ~(1U << bit)) : (c.flags | (1U << bit));
            if (!ValidCombination(flags)) continue;
            const bool ok = Run(c, flags) == ScriptError::OK;
            BOOST_CHECK_MESSAGE(ok == expect, "flag " << script::FormatVerifyFlags(1U << bit) << " changes: " << c.description);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
