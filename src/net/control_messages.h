// The small fixed-size messages that steer a connection: ping and pong
// (BIP31: a nonce echoed back), sendcmpct (BIP152: compact block mode and
// version), feefilter (BIP133: the lowest fee rate worth announcing), and the
// messages without a payload (verack, sendheaders, wtxidrelay, sendaddrv2,
// getaddr, mempool).
//
// Decoders fail on a payload cut short and on bytes after the last field.
// Bitcoin Core reads these fields and ignores anything after them; the P2P
// layer decides whether such a failure is worth more than ignoring the
// message. Pure functions; thread-safe.
#ifndef UTXO_NET_CONTROL_MESSAGES_H
#define UTXO_NET_CONTROL_MESSAGES_H

#include <util/byte_span.h>
#include <util/result.h>

#include <cstdint>
#include <string_view>

namespace net {

struct PingMessage {
    uint64_t nonce{0};
    friend bool operator==(const PingMessage&, const PingMessage&) = default;
};

struct PongMessage {
    uint64_t nonce{0}; // the nonce of the ping it answers
    friend bool operator==(const PongMessage&, const PongMessage&) = default;
};

struct SendCmpctMessage {
    // Compact block version that uses wtxids for short ids (BIP152 with
    // segwit); the only one Bitcoin Core still speaks.
    static constexpr uint64_t WTXID_VERSION = 2;

    bool announce{false}; // high-bandwidth mode: announce new blocks with cmpctblock
    uint64_t version{WTXID_VERSION};
    friend bool operator==(const SendCmpctMessage&, const SendCmpctMessage&) = default;
};

struct FeeFilterMessage {
    int64_t fee_rate{0}; // satoshis per 1000 virtual bytes; range checks are the caller's
    friend bool operator==(const FeeFilterMessage&, const FeeFilterMessage&) = default;
};

util::Bytes EncodePingMessage(const PingMessage& message);
util::Result<PingMessage> DecodePingMessage(util::ByteSpan payload);

util::Bytes EncodePongMessage(const PongMessage& message);
util::Result<PongMessage> DecodePongMessage(util::ByteSpan payload);

util::Bytes EncodeSendCmpctMessage(const SendCmpctMessage& message);
// The announce byte should be 0 or 1 (BIP152); as in Bitcoin Core, any other
// value reads as true.
util::Result<SendCmpctMessage> DecodeSendCmpctMessage(util::ByteSpan payload);

util::Bytes EncodeFeeFilterMessage(const FeeFilterMessage& message);
util::Result<FeeFilterMessage> DecodeFeeFilterMessage(util::ByteSpan payload);

// For the messages without a payload: an error naming `command` and the byte
// count when `payload` is not empty.
util::Result<void> CheckEmptyPayload(util::ByteSpan payload, std::string_view command);

} // namespace net

#endif // UTXO_NET_CONTROL_MESSAGES_H
