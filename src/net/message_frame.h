// Bitcoin's P2P message framing (protocol version 1 transport): a 24-byte
// header (network magic, 12-byte NUL-padded command, payload length, the first
// four bytes of the payload's double SHA-256) followed by the payload.
//
// FrameDecoder turns a byte stream into messages. It never trusts the length
// a peer announces: the payload buffer grows only with bytes that arrived, so
// a header claiming 4 MB costs nothing until 4 MB are actually sent. The
// first framing error is sticky; the connection is then useless and the
// caller disconnects. Not thread-safe: one decoder per connection, used by
// one thread.
#ifndef UTXO_NET_MESSAGE_FRAME_H
#define UTXO_NET_MESSAGE_FRAME_H

#include <util/byte_span.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace net {

using NetMagic = std::array<uint8_t, 4>;

inline constexpr size_t MESSAGE_HEADER_SIZE = 24;
inline constexpr size_t COMMAND_SIZE = 12;
// Largest payload accepted (Bitcoin Core's MAX_PROTOCOL_MESSAGE_LENGTH). A
// parsing limit of the transport, never a rule about block validity.
inline constexpr uint32_t MAX_PROTOCOL_MESSAGE_LENGTH = 4'000'000;

struct Message {
    std::string command;
    util::Bytes payload;
    size_t wire_size{0}; // header and payload, for per-peer byte counters
};

enum class FrameError {
    NONE,
    BAD_MAGIC,    // not our network's magic: wrong network or garbage
    BAD_COMMAND,  // command not printable ASCII, NUL-padded
    OVERSIZED,    // announced length above the limit
    BAD_CHECKSUM, // payload does not match the header's checksum
};

// "bad magic", "bad command", ... for logs and disconnect reasons.
std::string_view FrameErrorText(FrameError error);

// Whether `command` (12 bytes) is valid: printable ASCII (0x20-0x7e) up to
// the first NUL and only NULs after it (Bitcoin Core's rule).
bool IsCommandValid(const uint8_t* command);

// Header and payload, ready to send. `command` is at most 12 characters.
util::Bytes FrameMessage(const NetMagic& magic, std::string_view command, util::ByteSpan payload);

class FrameDecoder {
public:
    explicit FrameDecoder(const NetMagic& magic, uint32_t max_payload = MAX_PROTOCOL_MESSAGE_LENGTH)
        : m_magic(magic), m_max_payload(max_payload)
    {
    }

    // Takes the next bytes of the stream. Completed messages queue up for
    // Next(). Returns the first error (this call's or an earlier one); after
    // an error the rest of the stream is ignored.
    FrameError Feed(util::ByteSpan data);
    FrameError error() const { return m_error; }

    bool HasMessage() const { return !m_ready.empty(); }
    // Precondition: HasMessage(). Oldest first.
    Message Next();
    // Bytes held: queued messages and the one being received.
    size_t BufferedBytes() const { return m_buffered; }

private:
    // Returns how many bytes of `data` the header took.
    size_t FeedHeader(util::ByteSpan data);
    void Complete();

    NetMagic m_magic;
    uint32_t m_max_payload;
    FrameError m_error{FrameError::NONE};
    std::array<uint8_t, MESSAGE_HEADER_SIZE> m_header{};
    size_t m_header_fill{0};
    bool m_in_payload{false};
    uint32_t m_payload_size{0};
    Message m_current;
    std::deque<Message> m_ready;
    size_t m_buffered{0};
};

} // namespace net

#endif // UTXO_NET_MESSAGE_FRAME_H
