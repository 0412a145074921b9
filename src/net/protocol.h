// Constants of Bitcoin's P2P protocol shared by every message: the protocol
// version we speak, the service bits a node advertises, the command names and
// the size limits of the list-carrying messages.
//
// The limits are parsing limits of the P2P layer (ARCHITECTURE.md, habit 9):
// they bound what a peer may make us read, never what a valid block is.
// Everything here is constant and thread-safe.
#ifndef UTXO_NET_PROTOCOL_H
#define UTXO_NET_PROTOCOL_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace net {

// 70016: wtxid-based transaction relay (BIP339) and everything before it,
// including compact blocks (BIP152, 70014) and feefilter (BIP133, 70013).
inline constexpr int32_t PROTOCOL_VERSION = 70016;

// Service bits of the version message and of addresses.
inline constexpr uint64_t NODE_NONE = 0;
inline constexpr uint64_t NODE_NETWORK = 1 << 0; // serves the whole chain
inline constexpr uint64_t NODE_BLOOM = 1 << 2; // BIP111: bloom filters
inline constexpr uint64_t NODE_WITNESS = 1 << 3; // BIP144: witness data
inline constexpr uint64_t NODE_COMPACT_FILTERS = 1 << 6; // BIP157: compact block filters
inline constexpr uint64_t NODE_NETWORK_LIMITED = 1 << 10; // BIP159: the last 288 blocks only
inline constexpr uint64_t NODE_P2P_V2 = 1 << 11; // BIP324: the v2 encrypted transport

// The names Bitcoin Core prints for the set bits of `services`, lowest bit
// first: "NETWORK", "BLOOM", "WITNESS", "COMPACT_FILTERS", "NETWORK_LIMITED",
// "P2P_V2", and "UNKNOWN[2^n]" for any other bit n (getpeerinfo's
// servicesnames, getnetworkinfo's localservicesnames).
std::vector<std::string> ServiceFlagNames(uint64_t services);

// Command names (at most 12 characters: message_frame.h's COMMAND_SIZE).
// Prefixed: autotools defines VERSION as a macro.
inline constexpr std::string_view CMD_VERSION = "version";
inline constexpr std::string_view CMD_VERACK = "verack";
inline constexpr std::string_view CMD_PING = "ping"; // BIP31
inline constexpr std::string_view CMD_PONG = "pong"; // BIP31
inline constexpr std::string_view CMD_ADDR = "addr";
inline constexpr std::string_view CMD_ADDRV2 = "addrv2"; // BIP155
inline constexpr std::string_view CMD_SENDADDRV2 = "sendaddrv2"; // BIP155
inline constexpr std::string_view CMD_GETADDR = "getaddr";
inline constexpr std::string_view CMD_INV = "inv";
inline constexpr std::string_view CMD_GETDATA = "getdata";
inline constexpr std::string_view CMD_NOTFOUND = "notfound";
inline constexpr std::string_view CMD_GETHEADERS = "getheaders";
inline constexpr std::string_view CMD_GETBLOCKS = "getblocks";
inline constexpr std::string_view CMD_HEADERS = "headers";
inline constexpr std::string_view CMD_BLOCK = "block";
inline constexpr std::string_view CMD_TX = "tx";
inline constexpr std::string_view CMD_MEMPOOL = "mempool"; // BIP35
inline constexpr std::string_view CMD_SENDHEADERS = "sendheaders"; // BIP130
inline constexpr std::string_view CMD_SENDCMPCT = "sendcmpct"; // BIP152
inline constexpr std::string_view CMD_CMPCTBLOCK = "cmpctblock"; // BIP152
inline constexpr std::string_view CMD_GETBLOCKTXN = "getblocktxn"; // BIP152
inline constexpr std::string_view CMD_BLOCKTXN = "blocktxn"; // BIP152
inline constexpr std::string_view CMD_FEEFILTER = "feefilter"; // BIP133
inline constexpr std::string_view CMD_WTXIDRELAY = "wtxidrelay"; // BIP339
inline constexpr std::string_view CMD_MERKLEBLOCK = "merkleblock"; // BIP37
inline constexpr std::string_view CMD_FILTERLOAD = "filterload"; // BIP37
inline constexpr std::string_view CMD_FILTERADD = "filteradd"; // BIP37
inline constexpr std::string_view CMD_FILTERCLEAR = "filterclear"; // BIP37
inline constexpr std::string_view CMD_GETCFILTERS = "getcfilters"; // BIP157
inline constexpr std::string_view CMD_CFILTER = "cfilter"; // BIP157
inline constexpr std::string_view CMD_GETCFHEADERS = "getcfheaders"; // BIP157
inline constexpr std::string_view CMD_CFHEADERS = "cfheaders"; // BIP157
inline constexpr std::string_view CMD_GETCFCHECKPT = "getcfcheckpt"; // BIP157
inline constexpr std::string_view CMD_CFCHECKPT = "cfcheckpt"; // BIP157
inline constexpr std::string_view CMD_SENDTXRCNCL = "sendtxrcncl"; // BIP330
// BIP61, removed from Bitcoin Core in 0.20: old peers may still send it.
inline constexpr std::string_view CMD_REJECT = "reject";

// Headers in one headers message (Bitcoin Core's MAX_HEADERS_RESULTS).
inline constexpr size_t MAX_HEADERS_RESULTS = 2000;
// Entries in one inv, getdata or notfound message (MAX_INV_SZ).
inline constexpr size_t MAX_INV_SZ = 50000;
// Hashes in a getheaders or getblocks locator (MAX_LOCATOR_SZ).
inline constexpr size_t MAX_LOCATOR_SZ = 101;
// Bytes of the version message's user agent (MAX_SUBVERSION_LENGTH, BIP14).
inline constexpr size_t MAX_SUBVERSION_LENGTH = 256;

} // namespace net

#endif // UTXO_NET_PROTOCOL_H
