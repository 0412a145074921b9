// Vectors: BIP380's checksum test vectors, and descriptors with checksums as
// Bitcoin Core prints them.
#include <script/descriptor_checksum.h>

#include <boost/test/unit_test.hpp>

using namespace script;

BOOST_AUTO_TEST_SUITE(descriptor_checksum_tests)

BOOST_AUTO_TEST_CASE(bip380)
{
    BOOST_CHECK_EQUAL(DescriptorChecksum("raw(deadbeef)"), "89f8spxm");
    BOOST_CHECK_EQUAL(AddDescriptorChecksum("raw(deadbeef)"), "raw(deadbeef)#89f8spxm");
    // "Error in payload": a different payload has a different checksum.
    BOOST_CHECK(DescriptorChecksum("raw(deedbeef)") != "89f8spxm");
    // "Invalid characters in payload".
    BOOST_CHECK_EQUAL(DescriptorChecksum("raw(\xc3\x9c)"), "");
    BOOST_CHECK_EQUAL(DescriptorChecksum("raw(\n)"), "");
}

BOOST_AUTO_TEST_CASE(core_outputs)
{
    BOOST_CHECK_EQUAL(DescriptorChecksum("pk(0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798)"),
                      "gn28ywm7");
    BOOST_CHECK_EQUAL(DescriptorChecksum("wsh(multi(1,0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798,"
                                         "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5))"),
                      "25mv9evd");
    BOOST_CHECK_EQUAL(DescriptorChecksum("raw(babb)"), "7kj2lgwg");
    BOOST_CHECK_EQUAL(DescriptorChecksum("addr(1GdK9UzpHBzqzX2A9JFP3Di4weBwqgmoQA)"), "ykrtxd0a");
    // Characters from all three groups of the character set.
    BOOST_CHECK_EQUAL(DescriptorChecksum("").size(), 8u);
    BOOST_CHECK_EQUAL(DescriptorChecksum("IJK&+-ijk`#\"\\ ").size(), 8u);
}

BOOST_AUTO_TEST_SUITE_END()
