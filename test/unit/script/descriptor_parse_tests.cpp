#include <script/descriptor_infer.h>
#include <script/descriptor_parse.h>

#include <consensus/chain_params.h>
#include <crypto/hash.h>
#include <script/script_ops.h>
#include <util/hex.h>

#include <boost/test/unit_test.hpp>

namespace {

const script::AddressParams& Regtest()
{
    static const auto params = *consensus::CreateChainParams(consensus::ChainType::REGTEST);
    return params.addresses;
}

std::string Error(std::string_view descriptor)
{
    auto parsed = script::ParseSingleScriptDescriptor(descriptor, Regtest());
    return parsed ? "ok" : parsed.error();
}

const std::string KEY = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

} // namespace

BOOST_AUTO_TEST_SUITE(descriptor_parse_tests)

BOOST_AUTO_TEST_CASE(inferred_descriptors_parse_back_to_their_script)
{
    const util::Bytes key = *util::TryParseHex(KEY);
    util::Bytes p2wpkh{0x00};
    script::AppendPush(p2wpkh, crypto::Hash160(key));
    const util::Bytes p2pkh = script::PayToPubKeyHashScript(crypto::Hash160(key));
    const util::Bytes nonstandard{0x51, 0x52};
    for (const auto& script : {p2wpkh, p2pkh, nonstandard}) {
        const std::string descriptor = script::InferDescriptor(script, Regtest());
        const auto parsed = script::ParseSingleScriptDescriptor(descriptor, Regtest());
        BOOST_REQUIRE_MESSAGE(parsed, descriptor);
        BOOST_CHECK(*parsed == script);
    }
    BOOST_CHECK(*script::ParseSingleScriptDescriptor("wpkh(" + KEY + ")", Regtest()) == p2wpkh);
    BOOST_CHECK(*script::ParseSingleScriptDescriptor("pkh(" + KEY + ")", Regtest()) == p2pkh);
    const auto pk = *script::ParseSingleScriptDescriptor("pk(" + KEY + ")", Regtest());
    BOOST_CHECK_EQUAL(pk.size(), 35u);
    BOOST_CHECK_EQUAL(pk.back(), 0xac);
    BOOST_CHECK(*script::ParseSingleScriptDescriptor("raw(5152)", Regtest()) == nonstandard);
}

BOOST_AUTO_TEST_CASE(errors_name_the_problem)
{
    BOOST_CHECK_EQUAL(Error("raw(51)#aaaaaaaa").substr(0, 37), "Provided checksum 'aaaaaaaa' does not");
    BOOST_CHECK_EQUAL(Error("raw(51)#aaa"), "Expected 8 character checksum, not 3 characters");
    BOOST_CHECK_EQUAL(Error("raw(zz)"), "Raw script is not hex");
    BOOST_CHECK_EQUAL(Error("addr(notanaddress)"), "Address is not valid");
    BOOST_CHECK_EQUAL(Error("foo(51)"), "'foo' is not a valid descriptor function");
    BOOST_CHECK_EQUAL(Error("wpkh(04" + std::string(128, '1') + ")"), "Uncompressed keys are not allowed");
    BOOST_CHECK_EQUAL(Error("pk(02)"), "key '02' is not valid");
}

BOOST_AUTO_TEST_SUITE_END()
