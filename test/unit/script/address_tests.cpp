// Vectors: test/data/key_io_valid.json and key_io_invalid.json (Bitcoin
// Core's src/test/data, MIT), BIP173/BIP350 segwit address vectors, and the
// expected error messages of Bitcoin Core's functional test
// rpc_validateaddress.py (MIT).
#include <script/address.h>

#include <script/solver.h>

#include "test_data.h"
#include "test_util.h"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace script;
using test::Hex;

namespace {

const AddressParams& ParamsForChain(std::string_view chain)
{
    if (chain == "main") return MAINNET_ADDRESSES;
    if (chain == "test" || chain == "signet" || chain == "testnet4") return TESTNET_ADDRESSES;
    if (chain == "regtest") return REGTEST_ADDRESSES;
    throw std::invalid_argument("unknown chain in vector: " + std::string(chain));
}

std::string FlipCase(std::string s)
{
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

std::string ScriptHex(const Destination& dest) { return util::HexStr(GetScriptForDestination(dest)); }

std::string DecodeError(std::string_view address, const AddressParams& params)
{
    const auto dest = DecodeDestination(address, params);
    return dest ? std::string{"(decoded)"} : dest.error();
}

} // namespace

BOOST_AUTO_TEST_SUITE(address_tests)

BOOST_AUTO_TEST_CASE(key_io_valid_addresses)
{
    const auto vectors = boost::json::parse(test::ReadDataText("key_io_valid.json")).as_array();
    size_t checked = 0;
    for (const auto& entry : vectors) {
        const auto& v = entry.as_array();
        const std::string address{v.at(0).as_string()};
        const std::string script_hex{v.at(1).as_string()};
        const auto& meta = v.at(2).as_object();
        if (meta.at("isPrivkey").as_bool()) {
            // Secret keys are never addresses, on any network (wif_tests covers the rest).
            BOOST_CHECK_MESSAGE(!DecodeDestination(address, ParamsForChain(meta.at("chain").as_string())), address);
            continue;
        }
        const AddressParams& params = ParamsForChain(meta.at("chain").as_string());
        const bool try_case_flip = meta.contains("tryCaseFlip") && meta.at("tryCaseFlip").as_bool();

        // Decodes to the expected script.
        const auto dest = DecodeDestination(address, params);
        BOOST_REQUIRE_MESSAGE(dest, address + ": " + (dest ? "" : dest.error()));
        BOOST_CHECK(IsValidDestination(*dest));
        BOOST_CHECK_EQUAL(ScriptHex(*dest), script_hex);

        // Bech32 is case-insensitive as a whole; Base58 is not.
        const auto flipped = DecodeDestination(FlipCase(address), params);
        BOOST_CHECK_MESSAGE(flipped.ok() == try_case_flip, "case flip: " + address);
        if (flipped) BOOST_CHECK_EQUAL(ScriptHex(*flipped), script_hex);

        // And the script encodes back to the same address.
        Destination extracted;
        BOOST_CHECK_MESSAGE(ExtractDestination(Hex(script_hex), extracted), address);
        BOOST_CHECK(extracted == *dest);
        BOOST_CHECK_EQUAL(EncodeDestination(extracted, params), address);
        ++checked;
    }
    BOOST_CHECK_GT(checked, 50u);
}

BOOST_AUTO_TEST_CASE(key_io_invalid_addresses)
{
    const auto vectors = boost::json::parse(test::ReadDataText("key_io_invalid.json")).as_array();
    BOOST_REQUIRE_GT(vectors.size(), 0u);
    for (const auto& entry : vectors) {
        const std::string text{entry.as_array().at(0).as_string()};
        for (const AddressParams* params : {&MAINNET_ADDRESSES, &TESTNET_ADDRESSES, &REGTEST_ADDRESSES}) {
            const auto dest = DecodeDestination(text, *params);
            BOOST_CHECK_MESSAGE(!dest, "decoded invalid address " + text);
            if (!dest) BOOST_CHECK(!dest.error().empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(segwit_address_vectors)
{
    // BIP350 valid addresses (BIP173's v0 ones among them).
    const std::pair<const char*, const char*> valid[] = {
        {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"},
        {"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
         "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"},
        {"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
         "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6"},
        {"BC1SW50QGDZ25J", "6002751e"},
        {"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323"},
        {"tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
         "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"},
        {"tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
         "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"},
        {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
         "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"},
        {"bc1pfeessrawgf", "51024e73"}, // pay-to-anchor (Core's rpc_validateaddress.py)
    };
    for (const auto& [address, script] : valid) {
        const AddressParams& params = std::string_view(address).substr(0, 2) == "tb" ? TESTNET_ADDRESSES : MAINNET_ADDRESSES;
        const auto dest = DecodeDestination(address, params);
        BOOST_REQUIRE_MESSAGE(dest, std::string(address) + ": " + (dest ? "" : dest.error()));
        BOOST_CHECK_EQUAL(ScriptHex(*dest), script);
        std::string lower(address);
        for (char& c : lower) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        BOOST_CHECK_EQUAL(EncodeDestination(*dest, params), lower);
    }
    BOOST_CHECK(std::holds_alternative<PayToAnchor>(*DecodeDestination("bc1pfeessrawgf", MAINNET_ADDRESSES)));
}

BOOST_AUTO_TEST_CASE(core_error_messages_mainnet)
{
    // Bitcoin Core's test/functional/rpc_validateaddress.py: BIP173 and BIP350
    // invalid addresses and the error validateaddress reports on mainnet.
    const std::pair<const char*, const char*> cases[] = {
        {"tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "Invalid Bech32 checksum"},
        {"BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", "Version 1+ witness address must use Bech32m checksum"},
        {"bc1rw5uspcuh", "Version 1+ witness address must use Bech32m checksum"},
        {"bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
         "Version 1+ witness address must use Bech32m checksum"},
        {"BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", "Invalid Bech32 v0 address program size (16 bytes), per BIP141"},
        {"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3t4", "Invalid character or mixed case"},
        {"bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", "Version 1+ witness address must use Bech32m checksum"},
        {"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"bc1gmk9yu", "Empty Bech32 data section"},
        {"tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
         "Version 1+ witness address must use Bech32m checksum"},
        {"tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
         "Version 1+ witness address must use Bech32m checksum"},
        {"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "Version 0 witness address must use Bech32 checksum"},
        {"tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "Invalid Base 32 character"},
        {"BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", "Invalid Bech32 address witness version"},
        {"bc1pw5dgrnzv", "Invalid Bech32 address program size (1 byte)"},
        {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
         "Invalid Bech32 address program size (41 bytes)"},
        {"tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
        {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", "Invalid padding in Bech32 data section"},
        {"tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
         "Invalid or unsupported Segwit (Bech32) or Base58 encoding."},
    };
    for (const auto& [address, error] : cases) {
        BOOST_CHECK_EQUAL(DecodeError(address, MAINNET_ADDRESSES), error);
    }
}

BOOST_AUTO_TEST_CASE(other_error_messages)
{
    // Another network's segwit address with a matching prefix start.
    BOOST_CHECK_EQUAL(DecodeError("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", MAINNET_ADDRESSES),
                      "Invalid or unsupported prefix for Segwit (Bech32) address (expected bc, got bcrt).");
    BOOST_CHECK(DecodeDestination("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", REGTEST_ADDRESSES).ok());
    // A mainnet segwit address on regtest is not tried as bech32 at all.
    BOOST_CHECK_EQUAL(DecodeError("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", REGTEST_ADDRESSES),
                      "Invalid or unsupported Segwit (Bech32) or Base58 encoding.");
    // Base58Check: right checksum, wrong version byte; right version, wrong length.
    BOOST_CHECK_EQUAL(DecodeError("1GdK9UzpHBzqzX2A9JFP3Di4weBwqgmoQA", TESTNET_ADDRESSES),
                      "Invalid or unsupported Base58-encoded address.");
    BOOST_CHECK_EQUAL(DecodeError("1111111111111111111114oLvT2", MAINNET_ADDRESSES), "(decoded)");
    // A valid Base58 string with a broken checksum.
    BOOST_CHECK_EQUAL(DecodeError("1GdK9UzpHBzqzX2A9JFP3Di4weBwqgmoQB", MAINNET_ADDRESSES),
                      "Invalid checksum or length of Base58 address (P2PKH or P2SH)");
    BOOST_CHECK_EQUAL(DecodeError("", MAINNET_ADDRESSES), "Invalid checksum or length of Base58 address (P2PKH or P2SH)");
    BOOST_CHECK_EQUAL(DecodeError("asfah14i8fajz0123f", MAINNET_ADDRESSES),
                      "Invalid or unsupported Segwit (Bech32) or Base58 encoding.");
}

BOOST_AUTO_TEST_CASE(extract_destination_per_type)
{
    const util::Bytes g = Hex(test::KEY_G);
    Destination dest;

    // P2PK: a PubKeyDestination, but no address.
    util::Bytes p2pk{0x21};
    p2pk.insert(p2pk.end(), g.begin(), g.end());
    p2pk.push_back(0xac);
    BOOST_CHECK(!ExtractDestination(p2pk, dest));
    BOOST_REQUIRE(std::holds_alternative<PubKeyDestination>(dest));
    BOOST_CHECK(std::get<PubKeyDestination>(dest).pubkey == g);
    BOOST_CHECK(!IsValidDestination(dest));
    BOOST_CHECK_EQUAL(EncodeDestination(dest, MAINNET_ADDRESSES), "");
    BOOST_CHECK(GetScriptForDestination(dest) == p2pk);

    // Multisig, null data and non-standard scripts: NoDestination holding the script.
    for (const char* hex : {"6a04deadbeef", "deadbeef", ""}) {
        BOOST_CHECK(!ExtractDestination(Hex(hex), dest));
        BOOST_REQUIRE(std::holds_alternative<NoDestination>(dest));
        BOOST_CHECK_EQUAL(util::HexStr(GetScriptForDestination(dest)), hex);
        BOOST_CHECK_EQUAL(EncodeDestination(dest, MAINNET_ADDRESSES), "");
    }
    util::Bytes multisig{0x51, 0x21};
    multisig.insert(multisig.end(), g.begin(), g.end());
    multisig.push_back(0x51);
    multisig.push_back(0xae);
    BOOST_CHECK(!ExtractDestination(multisig, dest));
    BOOST_CHECK(std::holds_alternative<NoDestination>(dest));

    // Everything with an address.
    const std::pair<const char*, const char*> with_address[] = {
        {"76a914ab68025513c3dbd2f7b92a94e0581f5d50f654e788ac", "1GdK9UzpHBzqzX2A9JFP3Di4weBwqgmoQA"},
        {"a91429d13058087ddf2d48de404376fdcb5c4abff4bc87", "35W8E71bdDhQw4ZC7uUZvXG3qhyWVYxfMB"},
        {"0014751e76e8199196d454941c45d1b3a323f1433bd6", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
        {"51203b41daba4c9ace578369740f15e5ec880c28279ee7f51b07dca69c7061e07068",
         "bc1p8dqa4wjvnt890qmfws83te0v3qxzsfu7ul63kp7u56w8qc0qwp5qv995qn"},
        {"51024e73", "bc1pfeessrawgf"},
        {"6002751e", "bc1sw50qgdz25j"},
    };
    for (const auto& [script, address] : with_address) {
        BOOST_CHECK_MESSAGE(ExtractDestination(Hex(script), dest), script);
        BOOST_CHECK(IsValidDestination(dest));
        BOOST_CHECK_EQUAL(EncodeDestination(dest, MAINNET_ADDRESSES), address);
        BOOST_CHECK_EQUAL(ScriptHex(dest), script);
    }
    // Regtest pay-to-anchor and unknown witness address (Core regtest output).
    BOOST_CHECK(ExtractDestination(Hex("51024e73"), dest));
    BOOST_CHECK_EQUAL(EncodeDestination(dest, REGTEST_ADDRESSES), "bcrt1pfeesnyr2tx");
    BOOST_CHECK(ExtractDestination(Hex("5202abcd"), dest));
    BOOST_CHECK_EQUAL(EncodeDestination(dest, REGTEST_ADDRESSES), "bcrt1z40xsz44l6p");
}

BOOST_AUTO_TEST_CASE(witness_unknown_out_of_range_encodes_empty)
{
    BOOST_CHECK_EQUAL(EncodeDestination(WitnessUnknown{0, Hex("aabb")}, MAINNET_ADDRESSES), "");
    BOOST_CHECK_EQUAL(EncodeDestination(WitnessUnknown{17, Hex("aabb")}, MAINNET_ADDRESSES), "");
    BOOST_CHECK_EQUAL(EncodeDestination(WitnessUnknown{2, Hex("aa")}, MAINNET_ADDRESSES), "");
    BOOST_CHECK_EQUAL(EncodeDestination(WitnessUnknown{2, util::Bytes(41, 0xaa)}, MAINNET_ADDRESSES), "");
    BOOST_CHECK(!EncodeDestination(WitnessUnknown{2, util::Bytes(40, 0xaa)}, MAINNET_ADDRESSES).empty());
}

BOOST_AUTO_TEST_SUITE_END()
