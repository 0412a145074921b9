// Header sync messages: getheaders and getblocks (a block locator and a stop
// hash; the same layout for both) and headers (up to MAX_HEADERS_RESULTS block
// headers, each followed by an empty transaction count).
//
// The locator's hashes are the caller's business (block_locator.h gives the
// heights); here they are only bytes. Pure functions; thread-safe.
#ifndef UTXO_NET_HEADERS_MESSAGES_H
#define UTXO_NET_HEADERS_MESSAGES_H

#include <net/protocol.h>
#include <primitives/block.h>
#include <primitives/uint256.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace net {

// getheaders and getblocks.
struct GetHeadersMessage {
    // Bitcoin Core writes its protocol version here and ignores the field on
    // receipt; so do we.
    uint32_t version{static_cast<uint32_t>(PROTOCOL_VERSION)};
    // Newest first, at most MAX_LOCATOR_SZ; empty asks for the stop block only.
    std::vector<primitives::BlockHash> locator;
    // Last header wanted; zero for as many as the peer will send.
    primitives::BlockHash stop;

    friend bool operator==(const GetHeadersMessage&, const GetHeadersMessage&) = default;
};

// Precondition: at most MAX_LOCATOR_SZ locator hashes.
util::Bytes EncodeGetHeadersMessage(const GetHeadersMessage& message);
// `command` ("getheaders" or "getblocks") names the message in errors. Fails
// on a locator above MAX_LOCATOR_SZ, a payload cut short and trailing bytes.
util::Result<GetHeadersMessage> DecodeGetHeadersMessage(util::ByteSpan payload, std::string_view command);

// headers. Precondition: at most MAX_HEADERS_RESULTS headers.
util::Bytes EncodeHeadersMessage(std::span<const primitives::BlockHeader> headers);
// Fails on more than MAX_HEADERS_RESULTS headers, on a transaction count other
// than zero after a header, on a payload cut short and on trailing bytes.
util::Result<std::vector<primitives::BlockHeader>> DecodeHeadersMessage(util::ByteSpan payload);

} // namespace net

#endif // UTXO_NET_HEADERS_MESSAGES_H
