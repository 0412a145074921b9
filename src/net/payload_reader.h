// What the P2P message decoders share: reading a counted list out of an
// untrusted payload without trusting the count, and turning a reader's state
// into a decode result.
//
// Counts are checked against the message's limit and against the bytes that
// are actually left before anything is allocated for them, so a peer that
// announces a million entries and sends ten bytes costs nothing.
#ifndef UTXO_NET_PAYLOAD_READER_H
#define UTXO_NET_PAYLOAD_READER_H

#include <primitives/uint256.h>
#include <util/result.h>
#include <util/serialize.h>

#include <cstddef>
#include <string_view>

namespace net {

// Reads a CompactSize count of list entries, each at least `min_size` (> 0)
// bytes on the wire. Fails the reader with "<count> <what> (limit <max>)" when
// the count is above `max`, or with "unexpected end of data: <count> <what>
// announced, <n> bytes left" when the rest of the payload cannot hold that
// many entries. Returns 0 once the reader has failed; otherwise the count,
// which is then safe to reserve. Lists without a limit of their own pass
// util::MAX_SIZE, Bitcoin Core's bound on any serialized vector.
size_t ReadListCount(util::SpanReader& reader, size_t max, size_t min_size, std::string_view what);

// Reads 32 bytes into `hash` (zeros when the reader fails).
inline void ReadHash(util::SpanReader& reader, primitives::Uint256& hash)
{
    reader.ReadInto({hash.data(), primitives::Uint256::SIZE});
}

// `value` when the reader neither failed nor left bytes unread; otherwise the
// reader's error as "invalid <message>: <reason>".
template <typename T>
util::Result<T> FinishPayload(const util::SpanReader& reader, std::string_view message, T value)
{
    if (auto finished = reader.Finish(message); !finished) return util::Error{finished.error()};
    return value;
}

} // namespace net

#endif // UTXO_NET_PAYLOAD_READER_H
