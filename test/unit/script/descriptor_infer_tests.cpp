// Expected descriptors are Bitcoin Core's own output for these scripts:
// - BIP380's test vector raw(deadbeef)#89f8spxm;
// - "desc" fields of getrawtransaction/decoderawtransaction/decodescript on
//   mainnet transactions, as published in notes and documentation that quote
//   Core's output (P2PKH, P2SH, P2WPKH, P2WSH, P2TR, OP_RETURN);
// - decodescript and getdescriptorinfo on a regtest bitcoind, as recorded in
//   another node implementation's test suite (P2PK, bare multisig, hybrid
//   P2PK, anchor, unknown witness version, non-standard scripts).
// No expected value here was produced by this code.
#include <script/descriptor_infer.h>

#include <script/asm.h>

#include "test_util.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace script;
using test::Hex;

namespace {

std::string Main(std::string_view hex) { return InferDescriptor(Hex(hex), MAINNET_ADDRESSES); }
std::string Regtest(std::string_view hex) { return InferDescriptor(Hex(hex), REGTEST_ADDRESSES); }

const std::string G(test::KEY_G);
const std::string G2(test::KEY_2G);

} // namespace

BOOST_AUTO_TEST_SUITE(descriptor_infer_tests)

BOOST_AUTO_TEST_CASE(pk)
{
    BOOST_CHECK_EQUAL(Regtest("21" + G + "ac"), "pk(" + G + ")#gn28ywm7");
    BOOST_CHECK_EQUAL(Main("21" + G + "ac"), "pk(" + G + ")#gn28ywm7"); // no network in pk()
    // Uncompressed keys are allowed at the top level.
    const std::string uncompressed(test::KEY_G_UNCOMPRESSED);
    BOOST_CHECK(Main("41" + uncompressed + "ac").starts_with("pk(" + uncompressed + ")#"));
    // The key is not checked for being on the curve.
    const std::string off_curve = "03" + std::string(64, 'f');
    BOOST_CHECK(Main("21" + off_curve + "ac").starts_with("pk(" + off_curve + ")#"));
}

BOOST_AUTO_TEST_CASE(hybrid_pk_is_raw)
{
    // Core keeps type "pubkey" but a hybrid key cannot be in pk(), and P2PK
    // has no address, so the script stays raw().
    const std::string hybrid = "4106" + std::string(64, '1') + std::string(64, '2') + "ac";
    BOOST_CHECK_EQUAL(Regtest(hybrid), "raw(" + hybrid + ")#xs54l0wv");
}

BOOST_AUTO_TEST_CASE(multi)
{
    BOOST_CHECK_EQUAL(Regtest("5121" + G + "21" + G2 + "52ae"), "multi(1," + G + "," + G2 + ")#l5sy3u48");
    BOOST_CHECK_EQUAL(Regtest("5221" + G + "21" + G2 + "52ae"), "multi(2," + G + "," + G2 + ")#52kq63aa");
    // Any hybrid key makes it raw().
    const std::string hybrid = "06" + std::string(test::KEY_G_UNCOMPRESSED).substr(2);
    const std::string script = "5121" + G + "41" + hybrid + "52ae";
    BOOST_CHECK(Main(script).starts_with("raw(" + script + ")#"));
    // Thresholds above 16 print as numbers.
    std::string big = "0111";
    for (int i = 0; i < 17; ++i) big += "21" + G;
    big += "0111ae";
    BOOST_CHECK(Main(big).starts_with("multi(17," + G + ","));
}

BOOST_AUTO_TEST_CASE(rawtr)
{
    BOOST_CHECK_EQUAL(Main("51203b41daba4c9ace578369740f15e5ec880c28279ee7f51b07dca69c7061e07068"),
                      "rawtr(3b41daba4c9ace578369740f15e5ec880c28279ee7f51b07dca69c7061e07068)#38d6v6ev");
    BOOST_CHECK_EQUAL(Main("51203daaca9b82a51aca960c1491588246029d7e0fc49e0abdbcc8fd17574be5c74b"),
                      "rawtr(3daaca9b82a51aca960c1491588246029d7e0fc49e0abdbcc8fd17574be5c74b)#p35tdfgk");
    // An output key that is not a curve point gives addr() instead. x = 0 is
    // not on secp256k1 (0^3 + 7 = 7 is not a square mod p).
    const std::string zero_key(64, '0');
    BOOST_CHECK(Main("5120" + zero_key).starts_with("addr(bc1p"));
}

BOOST_AUTO_TEST_CASE(addr)
{
    BOOST_CHECK_EQUAL(Main("76a914ab68025513c3dbd2f7b92a94e0581f5d50f654e788ac"),
                      "addr(1GdK9UzpHBzqzX2A9JFP3Di4weBwqgmoQA)#ykrtxd0a");
    BOOST_CHECK_EQUAL(Main("76a9147f9b1a7fb68d60c536c2fd8aeaa53a8f3cc025a888ac"),
                      "addr(1Cdid9KFAaatwczBwBttQcwXYCpvK8h7FK)#e6ft626y");
    BOOST_CHECK_EQUAL(Main("a91429d13058087ddf2d48de404376fdcb5c4abff4bc87"),
                      "addr(35W8E71bdDhQw4ZC7uUZvXG3qhyWVYxfMB)#4rtfrxzg");
    BOOST_CHECK_EQUAL(Main("a9148ee90177614ecde53314fd67c46162f315852a0787"),
                      "addr(3Eif1JfqeMERRsQHtvGEacNN9hhuvnsfe9)#lvfz5kkj");
    BOOST_CHECK_EQUAL(Main("0014c3f1f018c993180e667d6fcc51af0036a38a9729"),
                      "addr(bc1qc0clqxxfjvvquenadlx9rtcqx63c49ef0pfw29)#vrdfe95j");
    BOOST_CHECK_EQUAL(Main("00149549a8a78144db492bedbbe57b99343d034bfafb"),
                      "addr(bc1qj4y63fupgnd5j2ldh0jhhxf585p5h7hm0gzjfc)#3ze4scwd");
    BOOST_CHECK_EQUAL(Main("0020e3eb3965981dbcbb16e47381bda83bbd74c14063e186adf77c08f0b0e0a21ae1"),
                      "addr(bc1qu04njevcrk7tk9hywwqmm2pmh46vzsrruxr2mamuprctpc9zrtss6l24ut)#wtnnyhf4");
    BOOST_CHECK_EQUAL(Regtest("76a914" + std::string(40, '0') + "88ac"),
                      "addr(mfWxJ45yp2SFn7UciZyNpvDKrzbhyfKrY8)#ydtjlapp");
    BOOST_CHECK_EQUAL(Regtest("0014" + std::string(40, '0')),
                      "addr(bcrt1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqdku202)#v0fp9yyh");
    BOOST_CHECK_EQUAL(Regtest("0014751e76e8199196d454941c45d1b3a323f1433bd6"),
                      "addr(bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080)#8pk5s7ya");
    // Pay-to-anchor and an unknown witness version.
    BOOST_CHECK_EQUAL(Regtest("51024e73"), "addr(bcrt1pfeesnyr2tx)#swxgse0y");
    BOOST_CHECK_EQUAL(Regtest("5202abcd"), "addr(bcrt1z40xsz44l6p)#pj7n4prx");
}

BOOST_AUTO_TEST_CASE(raw)
{
    BOOST_CHECK_EQUAL(Main("deadbeef"), "raw(deadbeef)#89f8spxm"); // BIP380
    BOOST_CHECK_EQUAL(Regtest("6a"), "raw(6a)#4mhr9ur5");
    BOOST_CHECK_EQUAL(Main("6a024869"), "raw(6a024869)#nz6xdglz");
    BOOST_CHECK_EQUAL(Main("6a5d0414011400"), "raw(6a5d0414011400)#cwmyltm8");
    BOOST_CHECK_EQUAL(Main("6a0e6374762b637366733d6d61676963"), "raw(6a0e6374762b637366733d6d61676963)#u8kauxmf");
    BOOST_CHECK_EQUAL(Main("6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9"),
                      "raw(6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9)#cav96mf3");
    BOOST_CHECK_EQUAL(Main("6a24aa21a9eddf8160967de885aa1774015f8ee0523a9aab8eee8b6f52c9c87385f5af3a8ec3"),
                      "raw(6a24aa21a9eddf8160967de885aa1774015f8ee0523a9aab8eee8b6f52c9c87385f5af3a8ec3)#5fh5pauj");
    BOOST_CHECK_EQUAL(Regtest("ba"), "raw(ba)#yy0eg44l");
    BOOST_CHECK_EQUAL(Regtest("bb"), "raw(bb)#79gjzk4q");
    BOOST_CHECK_EQUAL(Regtest("ff"), "raw(ff)#wuxj4tep");
    BOOST_CHECK_EQUAL(Regtest("babb"), "raw(babb)#7kj2lgwg");
    BOOST_CHECK_EQUAL(Regtest("ba4c"), "raw(ba4c)#xvatkhsu");
    BOOST_CHECK(Main("").starts_with("raw()#"));
}

BOOST_AUTO_TEST_CASE(asm_of_the_same_scripts)
{
    // The asm Core printed next to those descriptors.
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("51024e73"), false), "1 29518");
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("5202abcd"), false), "2 -19883");
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("babb"), false), "OP_CHECKSIGADD OP_UNKNOWN");
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("ba4c"), false), "OP_CHECKSIGADD [error]");
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("6a024869"), false), "OP_RETURN 26952");
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("6a5d0414011400"), false), "OP_RETURN 13 1310996");
    BOOST_CHECK_EQUAL(ScriptToAsm(Hex("5121" + G + "21" + G2 + "52ae"), false),
                      "1 " + G + " " + G2 + " 2 OP_CHECKMULTISIG");
}

BOOST_AUTO_TEST_SUITE_END()
