// Inventory vectors and the three messages made of them: inv (announcements),
// getdata (requests) and notfound (answers to requests that could not be
// served). Each is a list of at most MAX_INV_SZ (type, hash) entries.
//
// The type is kept as the 32-bit number the peer sent, since a peer may use
// types we do not know; InvType names the ones we do. Pure functions;
// thread-safe.
#ifndef UTXO_NET_INVENTORY_H
#define UTXO_NET_INVENTORY_H

#include <primitives/uint256.h>
#include <util/byte_span.h>
#include <util/result.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace net {

enum class InvType : uint32_t {
    MSG_TX = 1,
    MSG_BLOCK = 2,
    MSG_FILTERED_BLOCK = 3, // BIP37: a merkleblock, in getdata only
    MSG_CMPCT_BLOCK = 4,    // BIP152: a cmpctblock, in getdata only
    MSG_WTX = 5,            // BIP339: a transaction by wtxid
    MSG_WITNESS_FLAG = 1U << 30, // BIP144: set in getdata to ask for witness data
    MSG_WITNESS_BLOCK = MSG_BLOCK | MSG_WITNESS_FLAG,
    MSG_WITNESS_TX = MSG_TX | MSG_WITNESS_FLAG,
    MSG_FILTERED_WITNESS_BLOCK = MSG_FILTERED_BLOCK | MSG_WITNESS_FLAG,
};

struct InvItem {
    static constexpr size_t SIZE = 36;

    uint32_t type{0}; // an InvType value, or one we do not know
    primitives::Uint256 hash;

    // Whether the type is exactly `t` (the witness flag included).
    bool Is(InvType t) const { return type == static_cast<uint32_t>(t); }
    // The type without the witness flag: MSG_WITNESS_TX is a MSG_TX.
    uint32_t BaseType() const { return type & ~static_cast<uint32_t>(InvType::MSG_WITNESS_FLAG); }
    bool HasWitnessFlag() const { return (type & static_cast<uint32_t>(InvType::MSG_WITNESS_FLAG)) != 0; }

    friend bool operator==(const InvItem&, const InvItem&) = default;
};

inline InvItem MakeInvItem(InvType type, const primitives::Uint256& hash)
{
    return {static_cast<uint32_t>(type), hash};
}

// Bitcoin Core's name of a type for logs: "tx", "block", "merkleblock",
// "cmpctblock", "wtx", with "witness-" before a flagged known type; an unknown
// type as "unknown type <n>".
std::string InvTypeName(uint32_t type);

// The payload of inv, getdata and notfound. Precondition: at most MAX_INV_SZ
// items (a sender splits longer lists).
util::Bytes EncodeInvMessage(std::span<const InvItem> items);

// `command` ("inv", "getdata" or "notfound") names the message in errors.
// Fails on more than MAX_INV_SZ items, on a payload cut short and on bytes
// after the last item; unknown types are kept.
util::Result<std::vector<InvItem>> DecodeInvMessage(util::ByteSpan payload, std::string_view command);

} // namespace net

#endif // UTXO_NET_INVENTORY_H
