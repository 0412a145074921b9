#include <net/message_frame.h>

#include <crypto/hash.h>
#include <util/endian.h>

#include <algorithm>
#include <cassert>
#include <cstring>

namespace net {
namespace {

// Payload bytes reserved ahead of arrival at most: enough that a large block
// grows its buffer a few times, not once per packet, while a lying header
// costs at most this much.
constexpr size_t RESERVE_AHEAD = 256 * 1024;

} // namespace

std::string_view FrameErrorText(FrameError error)
{
    switch (error) {
    case FrameError::NONE: return "";
    case FrameError::BAD_MAGIC: return "bad message start (network magic)";
    case FrameError::BAD_COMMAND: return "bad message command";
    case FrameError::OVERSIZED: return "message too large";
    case FrameError::BAD_CHECKSUM: return "bad message checksum";
    }
    return "";
}

bool IsCommandValid(const uint8_t* command)
{
    size_t i = 0;
    for (; i < COMMAND_SIZE && command[i] != 0; ++i) {
        if (command[i] < 0x20 || command[i] > 0x7e) return false;
    }
    for (; i < COMMAND_SIZE; ++i) {
        if (command[i] != 0) return false;
    }
    return true;
}

util::Bytes FrameMessage(const NetMagic& magic, std::string_view command, util::ByteSpan payload)
{
    assert(command.size() <= COMMAND_SIZE);
    util::Bytes out(MESSAGE_HEADER_SIZE + payload.size());
    std::copy(magic.begin(), magic.end(), out.begin());
    std::copy(command.begin(), command.end(), out.begin() + 4);
    util::WriteLE32(out.data() + 16, static_cast<uint32_t>(payload.size()));
    const auto checksum = crypto::Hash256(payload);
    std::copy(checksum.begin(), checksum.begin() + 4, out.begin() + 20);
    std::copy(payload.begin(), payload.end(), out.begin() + MESSAGE_HEADER_SIZE);
    return out;
}

size_t FrameDecoder::FeedHeader(util::ByteSpan data)
{
    const size_t take = std::min(data.size(), MESSAGE_HEADER_SIZE - m_header_fill);
    std::copy(data.begin(), data.begin() + take, m_header.begin() + m_header_fill);
    m_header_fill += take;
    if (m_header_fill < MESSAGE_HEADER_SIZE) return take;

    if (!std::equal(m_magic.begin(), m_magic.end(), m_header.begin())) {
        m_error = FrameError::BAD_MAGIC;
        return take;
    }
    if (!IsCommandValid(m_header.data() + 4)) {
        m_error = FrameError::BAD_COMMAND;
        return take;
    }
    m_payload_size = util::ReadLE32(m_header.data() + 16);
    if (m_payload_size > m_max_payload) {
        m_error = FrameError::OVERSIZED;
        return take;
    }
    const auto* name = reinterpret_cast<const char*>(m_header.data() + 4);
    m_current.command.assign(name, strnlen(name, COMMAND_SIZE));
    m_current.payload.clear();
    m_current.payload.reserve(std::min<size_t>(m_payload_size, RESERVE_AHEAD));
    m_in_payload = true;
    if (m_payload_size == 0) Complete();
    return take;
}

void FrameDecoder::Complete()
{
    const auto checksum = crypto::Hash256(m_current.payload);
    if (!std::equal(checksum.begin(), checksum.begin() + 4, m_header.begin() + 20)) {
        m_error = FrameError::BAD_CHECKSUM;
        return;
    }
    m_current.wire_size = MESSAGE_HEADER_SIZE + m_current.payload.size();
    m_ready.push_back(std::move(m_current));
    m_current = Message{};
    m_in_payload = false;
    m_header_fill = 0;
}

FrameError FrameDecoder::Feed(util::ByteSpan data)
{
    while (!data.empty() && m_error == FrameError::NONE) {
        if (!m_in_payload) {
            const size_t used = FeedHeader(data);
            data = data.subspan(used);
            m_buffered += used;
            continue;
        }
        auto& payload = m_current.payload;
        const size_t take = std::min<size_t>(data.size(), m_payload_size - payload.size());
        if (payload.capacity() < payload.size() + take) {
            // Grow towards the announced size only as far as bytes arrived, plus a bounded lead.
            payload.reserve(std::min<size_t>(m_payload_size, std::max(payload.capacity() * 2, payload.size() + take + RESERVE_AHEAD)));
        }
        payload.insert(payload.end(), data.begin(), data.begin() + take);
        data = data.subspan(take);
        m_buffered += take;
        if (payload.size() == m_payload_size) Complete();
    }
    return m_error;
}

Message FrameDecoder::Next()
{
    assert(!m_ready.empty());
    Message message = std::move(m_ready.front());
    m_ready.pop_front();
    m_buffered -= message.wire_size;
    return message;
}

} // namespace net
