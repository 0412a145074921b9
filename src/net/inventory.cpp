#include <net/inventory.h>

#include <net/payload_reader.h>
#include <net/protocol.h>
#include <util/serialize.h>

#include <cassert>

namespace net {

std::string InvTypeName(uint32_t type)
{
    const InvItem item{type, {}};
    std::string prefix = item.HasWitnessFlag() ? "witness-" : "";
    switch (static_cast<InvType>(item.BaseType())) {
    case InvType::MSG_TX: return prefix + "tx";
    case InvType::MSG_BLOCK: return prefix + "block";
    case InvType::MSG_FILTERED_BLOCK: return prefix + "merkleblock";
    case InvType::MSG_CMPCT_BLOCK: return prefix + "cmpctblock";
    case InvType::MSG_WTX: return prefix + "wtx";
    default: break;
    }
    return "unknown type " + std::to_string(type);
}

util::Bytes EncodeInvMessage(std::span<const InvItem> items)
{
    assert(items.size() <= MAX_INV_SZ);
    util::Bytes out;
    out.reserve(util::CompactSizeLength(items.size()) + items.size() * InvItem::SIZE);
    util::ByteWriter w(out);
    w.WriteCompactSize(items.size());
    for (const InvItem& item : items) {
        w.WriteU32LE(item.type);
        w.WriteBytes(item.hash.span());
    }
    return out;
}

util::Result<std::vector<InvItem>> DecodeInvMessage(util::ByteSpan payload, std::string_view command)
{
    util::SpanReader r(payload);
    std::vector<InvItem> items(ReadListCount(r, MAX_INV_SZ, InvItem::SIZE, "inventory entries"));
    for (InvItem& item : items) {
        item.type = r.ReadU32LE();
        ReadHash(r, item.hash);
    }
    return FinishPayload(r, std::string(command) + " message", std::move(items));
}

} // namespace net
