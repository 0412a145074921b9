// Protocol constants: service flag names as Bitcoin Core prints them, command
// names that fit the frame header.
#include <net/message_frame.h>
#include <net/protocol.h>

#include <boost/test/unit_test.hpp>

#include <array>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(protocol_tests)

BOOST_AUTO_TEST_CASE(service_flag_names)
{
    using Names = std::vector<std::string>;
    BOOST_CHECK(net::ServiceFlagNames(net::NODE_NONE).empty());
    // What a current Bitcoin Core node advertises.
    BOOST_CHECK(net::ServiceFlagNames(net::NODE_NETWORK | net::NODE_WITNESS | net::NODE_NETWORK_LIMITED |
                                      net::NODE_P2P_V2) == (Names{"NETWORK", "WITNESS", "NETWORK_LIMITED", "P2P_V2"}));
    BOOST_CHECK(net::ServiceFlagNames(net::NODE_BLOOM | net::NODE_COMPACT_FILTERS) == (Names{"BLOOM", "COMPACT_FILTERS"}));
    // Unknown bits by position, lowest first and mixed with known ones.
    BOOST_CHECK(net::ServiceFlagNames((uint64_t{1} << 63) | 2 | 1) == (Names{"NETWORK", "UNKNOWN[2^1]", "UNKNOWN[2^63]"}));
    BOOST_CHECK_EQUAL(net::ServiceFlagNames(~uint64_t{0}).size(), 64u);

    BOOST_CHECK_EQUAL(net::NODE_NETWORK, 1u);
    BOOST_CHECK_EQUAL(net::NODE_BLOOM, 4u);
    BOOST_CHECK_EQUAL(net::NODE_WITNESS, 8u);
    BOOST_CHECK_EQUAL(net::NODE_COMPACT_FILTERS, 64u);
    BOOST_CHECK_EQUAL(net::NODE_NETWORK_LIMITED, 1024u);
    BOOST_CHECK_EQUAL(net::NODE_P2P_V2, 2048u);
}

BOOST_AUTO_TEST_CASE(command_names_fit_the_frame)
{
    for (std::string_view name :
         {net::CMD_VERSION, net::CMD_VERACK, net::CMD_PING, net::CMD_PONG, net::CMD_ADDR, net::CMD_ADDRV2,
          net::CMD_SENDADDRV2, net::CMD_GETADDR, net::CMD_INV, net::CMD_GETDATA, net::CMD_NOTFOUND,
          net::CMD_GETHEADERS, net::CMD_GETBLOCKS, net::CMD_HEADERS, net::CMD_BLOCK, net::CMD_TX, net::CMD_MEMPOOL,
          net::CMD_SENDHEADERS, net::CMD_SENDCMPCT, net::CMD_CMPCTBLOCK, net::CMD_GETBLOCKTXN, net::CMD_BLOCKTXN,
          net::CMD_FEEFILTER, net::CMD_WTXIDRELAY, net::CMD_MERKLEBLOCK, net::CMD_FILTERLOAD, net::CMD_FILTERADD,
          net::CMD_FILTERCLEAR, net::CMD_GETCFILTERS, net::CMD_CFILTER, net::CMD_GETCFHEADERS, net::CMD_CFHEADERS,
          net::CMD_GETCFCHECKPT, net::CMD_CFCHECKPT, net::CMD_SENDTXRCNCL, net::CMD_REJECT}) {
        BOOST_REQUIRE_LE(name.size(), net::COMMAND_SIZE);
        std::array<uint8_t, net::COMMAND_SIZE> padded{};
        std::copy(name.begin(), name.end(), padded.begin());
        BOOST_CHECK_MESSAGE(net::IsCommandValid(padded.data()), name);
    }
    BOOST_CHECK_EQUAL(net::CMD_VERSION, "version");
    BOOST_CHECK_EQUAL(net::CMD_GETBLOCKTXN, "getblocktxn");
}

BOOST_AUTO_TEST_CASE(limits)
{
    BOOST_CHECK_EQUAL(net::PROTOCOL_VERSION, 70016);
    BOOST_CHECK_EQUAL(net::MAX_HEADERS_RESULTS, 2000u);
    BOOST_CHECK_EQUAL(net::MAX_INV_SZ, 50000u);
    BOOST_CHECK_EQUAL(net::MAX_LOCATOR_SZ, 101u);
    BOOST_CHECK_EQUAL(net::MAX_SUBVERSION_LENGTH, 256u);
}

BOOST_AUTO_TEST_SUITE_END()
