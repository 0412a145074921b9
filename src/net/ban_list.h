// Who we refuse to talk to: manual bans of IP subnets until a time
// (setban, banlist.json), and the discouraged addresses of peers that
// misbehaved (Bitcoin Core's BanMan, without the disk and the notifications:
// node/banlist_json.h reads and writes the file).
//
// Bans hold only IPv4 and IPv6 subnets (util::Subnet); Tor, I2P and CJDNS
// peers can be discouraged but not banned. A ban applies while now <
// banned_until, and is swept once now > banned_until, as in Core.
//
// Discouragement is a bounded set of the last 50,000 addresses discouraged,
// the oldest forgotten first. Core keeps the same number in a rolling bloom
// filter (false positive rate one in a million); an exact set has no false
// positives, and forgets in strict order of discouragement (Core forgets in
// generations of about half its capacity).
//
// Thread-safe: every function takes one internal mutex.
#ifndef UTXO_NET_BAN_LIST_H
#define UTXO_NET_BAN_LIST_H

#include <net/net_address.h>
#include <util/ip_address.h>
#include <util/subnet.h>

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <vector>

namespace net {

// Core's DISCOURAGEMENT filter size.
inline constexpr size_t MAX_DISCOURAGED = 50'000;

struct BanEntry {
    util::Subnet subnet;
    int64_t ban_created{0};  // seconds since the epoch
    int64_t banned_until{0}; // seconds since the epoch

    friend bool operator==(const BanEntry&, const BanEntry&) = default;
};

class BanList {
public:
    BanList() = default;
    // Starts with these bans (from banlist.json); later duplicates of a
    // subnet are merged as Ban() would, and the list starts clean.
    explicit BanList(const std::vector<BanEntry>& entries);

    // Bans `subnet` until `banned_until`. An existing ban of the same subnet
    // is only ever extended (Core's rule). True when something changed.
    bool Ban(const util::Subnet& subnet, int64_t banned_until, int64_t created);
    // False when that exact subnet was not banned.
    bool Unban(const util::Subnet& subnet);
    // Whether a ban in force at `now` covers the address.
    bool IsBanned(const util::IpAddress& address, int64_t now) const;
    // As above; always false for Tor, I2P, CJDNS and internal addresses.
    bool IsBanned(const NetAddress& address, int64_t now) const;
    // Whether this exact subnet is banned at `now`.
    bool IsBanned(const util::Subnet& subnet, int64_t now) const;
    void ClearBanned();
    // Forgets bans that ended before `now`; returns how many.
    size_t SweepExpired(int64_t now);
    // The bans, in the order they were first made.
    std::vector<BanEntry> List() const;
    // Whether the bans changed since the last call (for writing banlist.json
    // only when needed); the flag is cleared.
    bool TakeDirty();

    void Discourage(const NetAddress& address);
    bool IsDiscouraged(const NetAddress& address) const;
    size_t DiscouragedCount() const;
    void ClearDiscouraged();

private:
    bool BanLocked(const BanEntry& entry);

    mutable std::mutex m_mutex;
    std::vector<BanEntry> m_bans;
    bool m_dirty{false};
    std::list<NetAddress> m_discouraged_order; // oldest first
    std::map<NetAddress, std::list<NetAddress>::iterator> m_discouraged;
};

} // namespace net

#endif // UTXO_NET_BAN_LIST_H
