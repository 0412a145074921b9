// The address manager: every peer address we have heard of, kept the way
// Bitcoin Core keeps them so that a flood of addresses from a few peers
// cannot crowd out the rest (eclipse attacks).
//
// Two tables of buckets, each bucket 64 slots:
// - "new" (1,024 buckets): addresses heard of but never connected to. The
//   bucket is chosen by the group of the address and the group of the peer
//   that told us (the source), so one source group reaches at most 64
//   buckets; an address may sit in up to 8 new buckets, each further one
//   twice as hard to get into.
// - "tried" (256 buckets): addresses we connected to. The bucket is chosen by
//   the address and its group, so one /16 reaches at most 8 buckets.
// Bucket and slot come from double SHA-256 over a secret 256-bit key (Core's
// GetTriedBucket, GetNewBucket, GetBucketPosition, byte for byte, so a
// peers.dat moves between Core and utxod with the same placement). A full
// slot in "new" goes to the newcomer only if the occupant is terrible (too
// old, from the future, failed too often) or also sits in other buckets. A
// full slot in "tried" is not taken at once: the newcomer waits in a short
// list of collisions (test-before-evict) until the occupant has been tried
// (ResolveCollisions, SelectTriedCollision).
//
// Times are seconds since the epoch. "now" comes from the clock in the
// options, or is given to the calls that record an event, as in Core. All
// randomness comes from the RandomSource in the options, so a test that
// fixes the key, the clock and the random source gets the same answers every
// time.
//
// Thread-safe: every public function takes one internal mutex (never held
// while calling out, except into the RandomSource and the clock).
#ifndef UTXO_NET_ADDRMAN_H
#define UTXO_NET_ADDRMAN_H

#include <net/net_address.h>
#include <util/clock.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace net {

inline constexpr int ADDRMAN_TRIED_BUCKET_COUNT = 256;
inline constexpr int ADDRMAN_NEW_BUCKET_COUNT = 1024;
inline constexpr int ADDRMAN_BUCKET_SIZE = 64;
// An address may occupy this many new buckets at most.
inline constexpr int ADDRMAN_NEW_BUCKETS_PER_ADDRESS = 8;
// getaddr replies: at most MAX_ADDR_TO_SEND addresses and this percentage of
// the table (Core's MAX_PCT_ADDR_TO_SEND).
inline constexpr size_t MAX_PCT_ADDR_TO_SEND = 23;

using AddrManKey = std::array<uint8_t, 32>;

// Uniformly distributed 64-bit values. AddrMan calls it with its mutex held.
using RandomSource = std::function<uint64_t()>;
// A source seeded from the kernel (crypto::GetStrongRandomBytes): SipHash-2-4
// of a counter under a random key. Unpredictable to peers; not for secrets.
RandomSource MakeRandomSource();

// Core's bucket functions, exposed for tests and tools.
int TriedBucket(const AddrManKey& key, const Service& service);
int NewBucket(const AddrManKey& key, const NetAddress& address, const NetAddress& source);
int BucketPosition(const AddrManKey& key, bool is_new, int bucket, const Service& service);

struct AddrManOptions {
    // Required: the time for terrible checks, chance weighting and the
    // freshness of repeated announcements.
    const util::Clock* clock{nullptr};
    // nullopt: 32 bytes from crypto::GetStrongRandomBytes.
    std::optional<AddrManKey> key;
    // Empty: MakeRandomSource().
    RandomSource random;
};

// What peers.dat keeps of one entry (Core's AddrInfo serialization).
struct AddrManEntry {
    AddressRecord record;
    NetAddress source;      // the peer that told us first
    int64_t last_success{0}; // last successful connection, 0 for never
    int32_t attempts{0};     // failed attempts since the last success

    friend bool operator==(const AddrManEntry&, const AddrManEntry&) = default;
};

// The whole table as peers.dat lays it out: AddrMan::Snapshot() fills it,
// AddrMan::Restore() rebuilds the table from it.
struct AddrManSnapshot {
    AddrManKey key{};
    std::vector<AddrManEntry> new_entries;
    std::vector<AddrManEntry> tried_entries;
    // For each new bucket, the indexes into new_entries of the entries in it.
    std::vector<std::vector<int32_t>> new_buckets;
    // False when the bucketing that produced new_buckets differs from ours
    // (another bucket count, an asmap): new entries are then placed again
    // from their sources.
    bool same_bucketing{true};
};

// Where an entry sits (Core's AddressPosition), for tests and RPCs.
struct AddressPosition {
    bool tried{false};
    int multiplicity{0}; // new buckets holding it (1 when tried)
    int bucket{0};       // tried bucket, or the new bucket of its source
    int position{0};

    friend bool operator==(const AddressPosition&, const AddressPosition&) = default;
};

class AddrMan {
public:
    // Precondition: options.clock is set.
    explicit AddrMan(AddrManOptions options);
    AddrMan(const AddrMan&) = delete;
    AddrMan& operator=(const AddrMan&) = delete;

    // Adds what a peer (`source`) announced, to the new table. Unroutable
    // addresses are ignored; a known one may gain a new bucket (with falling
    // probability) and have its time and services refreshed. The announced
    // times are pushed back by `time_penalty` seconds unless the source
    // announces itself. Returns how many entries went into a bucket.
    size_t Add(const std::vector<AddressRecord>& records, const NetAddress& source, int64_t time_penalty = 0);
    // A connection to `service` succeeded (the handshake completed): its
    // counters reset and it moves to the tried table, unless that would evict
    // another entry, in which case it joins the collision list. True when it
    // moved.
    bool Good(const Service& service, int64_t now);
    // We tried to connect. `count_failure` counts it against the address
    // (at most once per call of Good on any address, as in Core).
    void Attempt(const Service& service, bool count_failure, int64_t now);
    // We are connected and still talking: the address's time is refreshed
    // (at most every 20 minutes).
    void Connected(const Service& service, int64_t now);
    // Replaces the address's service bits.
    void SetServices(const Service& service, uint64_t services);

    // Settles the collision list: a newcomer replaces the occupant of its
    // tried slot when the occupant failed a connection more than a minute ago
    // (in the last 4 hours), or when the newcomer has waited over 40 minutes
    // without the occupant being tested; it is dropped when the occupant
    // connected in the last 4 hours.
    void ResolveCollisions();
    // An occupant to test (connect to) for a random collision, with its last
    // try time; nullopt when there is none.
    std::optional<std::pair<AddressRecord, int64_t>> SelectTriedCollision();

    // An address to connect to, with the time we last tried it: the tried or
    // the new table with even odds (only new when `new_only`), then a random
    // bucket and slot, accepted with probability GetChance() (recent tries
    // and failures make it less likely), rising by 20% each time one is
    // turned down. `network` restricts the choice. nullopt when empty.
    std::optional<std::pair<AddressRecord, int64_t>> Select(bool new_only = false,
                                                            std::optional<Network> network = std::nullopt) const;
    // Up to `max_addresses` (0: no limit) and `max_pct` percent (0: no
    // limit) of all entries, in random order, of one network class when
    // given, leaving out terrible ones when `filtered`. getaddr replies use
    // (MAX_ADDR_TO_SEND, MAX_PCT_ADDR_TO_SEND); getnodeaddresses (count, 0).
    std::vector<AddressRecord> GetAddr(size_t max_addresses, size_t max_pct,
                                       std::optional<Network> network = std::nullopt, bool filtered = true) const;

    // Entries, of one network when given, in the new table (true), the
    // tried table (false) or both (nullopt).
    size_t Size(std::optional<Network> network = std::nullopt, std::optional<bool> in_new = std::nullopt) const;
    std::optional<AddressPosition> FindAddressEntry(const Service& service) const;
    AddrManKey Key() const;

    // For peers.dat (addrman_file.h).
    AddrManSnapshot Snapshot() const;
    // Replaces everything, the key included, as Core's Unserialize does:
    // entries that are invalid, duplicated, or collide with an earlier one
    // are dropped. Returns how many were dropped.
    size_t Restore(const AddrManSnapshot& snapshot);

    // Core's CheckAddrman: 0 when the tables are consistent, otherwise the
    // number of the broken invariant. For tests.
    int CheckConsistency() const;

private:
    struct Info {
        AddressRecord record;
        NetAddress source;
        int64_t last_success{0};
        int64_t last_try{0};           // memory only
        int64_t last_count_attempt{0}; // memory only
        int attempts{0};
        int ref_count{0}; // new buckets holding it
        bool in_tried{false};
        mutable int random_pos{-1}; // index in m_random_order (GetAddr shuffles it)
    };
    struct Counts {
        size_t in_new{0};
        size_t in_tried{0};
    };

    int64_t Now() const;
    uint64_t RandRange(uint64_t range) const;
    bool IsTerrible(const Info& info, int64_t now) const;
    double GetChance(const Info& info, int64_t now) const;

    Info* Find(const Service& service, int* id = nullptr);
    const Info* Find(const Service& service, int* id = nullptr) const;
    int Create(const AddressRecord& record, const NetAddress& source);
    void SwapRandom(size_t a, size_t b) const;
    void Delete(int id);
    void ClearNew(int bucket, int position);
    void MakeTried(Info& info, int id);
    bool AddSingle(const AddressRecord& record, const NetAddress& source, int64_t time_penalty, int64_t now);
    bool GoodLocked(const Service& service, bool test_before_evict, int64_t now);
    void Clear();

    AddrManOptions m_options;
    mutable std::mutex m_mutex;
    AddrManKey m_key;
    int m_next_id{0};
    std::map<int, Info> m_info;
    std::map<Service, int> m_ids;
    mutable std::vector<int> m_random_order; // every id, shuffled lazily by GetAddr
    int m_tried_count{0};
    int m_new_count{0};
    // Slot contents: an id, or -1 when empty.
    std::vector<std::array<int, ADDRMAN_BUCKET_SIZE>> m_tried; // ADDRMAN_TRIED_BUCKET_COUNT buckets
    std::vector<std::array<int, ADDRMAN_BUCKET_SIZE>> m_new;   // ADDRMAN_NEW_BUCKET_COUNT buckets
    int64_t m_last_good{1}; // when Good was last called; 1 so that "never" is older
    std::set<int> m_tried_collisions;
    std::unordered_map<Network, Counts> m_network_counts;
};

} // namespace net

#endif // UTXO_NET_ADDRMAN_H
