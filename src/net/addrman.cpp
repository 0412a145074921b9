#include <net/addrman.h>

#include <crypto/hash.h>
#include <crypto/random.h>
#include <crypto/siphash.h>
#include <util/endian.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <memory>

namespace net {
namespace {

// Tried entries of one group spread over this many buckets.
constexpr uint64_t ADDRMAN_TRIED_BUCKETS_PER_GROUP = 8;
// New entries from one source group spread over this many buckets.
constexpr uint64_t ADDRMAN_NEW_BUCKETS_PER_SOURCE_GROUP = 64;
// Addresses not seen for this long are terrible.
constexpr int64_t ADDRMAN_HORIZON = 30 * 24 * 60 * 60;
// Never connected after this many attempts: terrible.
constexpr int ADDRMAN_RETRIES = 3;
// This many failures in a row ...
constexpr int ADDRMAN_MAX_FAILURES = 10;
// ... with no success for this long: terrible.
constexpr int64_t ADDRMAN_MIN_FAIL = 7 * 24 * 60 * 60;
// A tried entry that connected this recently is not evicted.
constexpr int64_t ADDRMAN_REPLACEMENT = 4 * 60 * 60;
// Collisions waiting for test-before-evict.
constexpr size_t ADDRMAN_SET_TRIED_COLLISION_SIZE = 10;
// After this long untested, a collision evicts the occupant anyway.
constexpr int64_t ADDRMAN_TEST_WINDOW = 40 * 60;

// Core's GetCheapHash: the first 8 bytes of the double SHA-256, little-endian.
uint64_t CheapHash(crypto::Hash256Writer& writer)
{
    const auto digest = writer.Finalize();
    return util::ReadLE64(digest.data());
}

} // namespace

RandomSource MakeRandomSource()
{
    std::array<uint8_t, 16> seed;
    crypto::GetStrongRandomBytes(seed);
    const uint64_t k0 = util::ReadLE64(seed.data());
    const uint64_t k1 = util::ReadLE64(seed.data() + 8);
    auto counter = std::make_shared<uint64_t>(0);
    return [k0, k1, counter] { return crypto::SipHasher(k0, k1).Write((*counter)++).Finalize(); };
}

// The keys and groups go into the hash as Core serializes its byte vectors:
// CompactSize length first. Integers are little-endian.
int TriedBucket(const AddrManKey& key, const Service& service)
{
    crypto::Hash256Writer first;
    first.WriteBytes(key);
    first.WriteVarBytes(service.GetKey());
    const uint64_t hash1 = CheapHash(first);
    crypto::Hash256Writer second;
    second.WriteBytes(key);
    second.WriteVarBytes(service.address.GetGroup());
    second.WriteU64LE(hash1 % ADDRMAN_TRIED_BUCKETS_PER_GROUP);
    return static_cast<int>(CheapHash(second) % ADDRMAN_TRIED_BUCKET_COUNT);
}

int NewBucket(const AddrManKey& key, const NetAddress& address, const NetAddress& source)
{
    const util::Bytes source_group = source.GetGroup();
    crypto::Hash256Writer first;
    first.WriteBytes(key);
    first.WriteVarBytes(address.GetGroup());
    first.WriteVarBytes(source_group);
    const uint64_t hash1 = CheapHash(first);
    crypto::Hash256Writer second;
    second.WriteBytes(key);
    second.WriteVarBytes(source_group);
    second.WriteU64LE(hash1 % ADDRMAN_NEW_BUCKETS_PER_SOURCE_GROUP);
    return static_cast<int>(CheapHash(second) % ADDRMAN_NEW_BUCKET_COUNT);
}

int BucketPosition(const AddrManKey& key, bool is_new, int bucket, const Service& service)
{
    crypto::Hash256Writer writer;
    writer.WriteBytes(key);
    writer.WriteU8(is_new ? 'N' : 'K');
    writer.WriteI32LE(bucket);
    writer.WriteVarBytes(service.GetKey());
    return static_cast<int>(CheapHash(writer) % ADDRMAN_BUCKET_SIZE);
}

AddrMan::AddrMan(AddrManOptions options) : m_options(std::move(options))
{
    assert(m_options.clock != nullptr);
    if (!m_options.random) m_options.random = MakeRandomSource();
    if (m_options.key) {
        m_key = *m_options.key;
    } else {
        crypto::GetStrongRandomBytes(m_key);
    }
    Clear();
}

void AddrMan::Clear()
{
    m_next_id = 0;
    m_info.clear();
    m_ids.clear();
    m_random_order.clear();
    m_tried_count = 0;
    m_new_count = 0;
    std::array<int, ADDRMAN_BUCKET_SIZE> empty;
    empty.fill(-1);
    m_tried.assign(ADDRMAN_TRIED_BUCKET_COUNT, empty);
    m_new.assign(ADDRMAN_NEW_BUCKET_COUNT, empty);
    m_last_good = 1;
    m_tried_collisions.clear();
    m_network_counts.clear();
}

int64_t AddrMan::Now() const { return m_options.clock->NowMicros() / 1'000'000; }

uint64_t AddrMan::RandRange(uint64_t range) const
{
    assert(range > 0);
    const int bits = std::bit_width(range - 1);
    if (bits == 0) return 0;
    while (true) {
        const uint64_t value = m_options.random() >> (64 - bits);
        if (value < range) return value;
    }
}

bool AddrMan::IsTerrible(const Info& info, int64_t now) const
{
    if (info.last_try != 0 && now - info.last_try <= 60) return false; // tried in the last minute: keep
    const int64_t time = info.record.time;
    if (time > now + 10 * 60) return true;                                  // from the future
    if (now - time > ADDRMAN_HORIZON) return true;                          // not seen recently
    if (info.last_success == 0 && info.attempts >= ADDRMAN_RETRIES) return true; // never worked
    if (now - info.last_success > ADDRMAN_MIN_FAIL && info.attempts >= ADDRMAN_MAX_FAILURES) return true;
    return false;
}

double AddrMan::GetChance(const Info& info, int64_t now) const
{
    double chance = 1.0;
    // Recently tried: much less likely.
    if (std::max<int64_t>(now - info.last_try, 0) < 10 * 60) chance *= 0.01;
    // Each failure: a third less likely, down to 0.66^8.
    chance *= std::pow(0.66, std::min(info.attempts, 8));
    return chance;
}

AddrMan::Info* AddrMan::Find(const Service& service, int* id)
{
    const auto it = m_ids.find(service);
    if (it == m_ids.end()) return nullptr;
    if (id) *id = it->second;
    return &m_info.at(it->second);
}

const AddrMan::Info* AddrMan::Find(const Service& service, int* id) const
{
    return const_cast<AddrMan*>(this)->Find(service, id);
}

int AddrMan::Create(const AddressRecord& record, const NetAddress& source)
{
    const int id = m_next_id++;
    Info& info = m_info[id];
    info.record = record;
    info.source = source;
    info.random_pos = static_cast<int>(m_random_order.size());
    m_random_order.push_back(id);
    m_ids[record.service] = id;
    ++m_new_count;
    ++m_network_counts[record.service.address.GetNetwork()].in_new;
    return id;
}

void AddrMan::SwapRandom(size_t a, size_t b) const
{
    if (a == b) return;
    const int id_a = m_random_order[a];
    const int id_b = m_random_order[b];
    m_info.at(id_a).random_pos = static_cast<int>(b);
    m_info.at(id_b).random_pos = static_cast<int>(a);
    m_random_order[a] = id_b;
    m_random_order[b] = id_a;
}

void AddrMan::Delete(int id)
{
    const Info& info = m_info.at(id);
    assert(!info.in_tried && info.ref_count == 0);
    SwapRandom(static_cast<size_t>(info.random_pos), m_random_order.size() - 1);
    m_random_order.pop_back();
    --m_network_counts[info.record.service.address.GetNetwork()].in_new;
    m_ids.erase(info.record.service);
    m_info.erase(id);
    --m_new_count;
}

void AddrMan::ClearNew(int bucket, int position)
{
    const int id = m_new[bucket][position];
    if (id == -1) return;
    Info& info = m_info.at(id);
    assert(info.ref_count > 0);
    --info.ref_count;
    m_new[bucket][position] = -1;
    if (info.ref_count == 0) Delete(id);
}

void AddrMan::MakeTried(Info& info, int id)
{
    // Out of every new bucket that holds it.
    const int start = NewBucket(m_key, info.record.service.address, info.source);
    for (int n = 0; n < ADDRMAN_NEW_BUCKET_COUNT && info.ref_count > 0; ++n) {
        const int bucket = (start + n) % ADDRMAN_NEW_BUCKET_COUNT;
        const int position = BucketPosition(m_key, true, bucket, info.record.service);
        if (m_new[bucket][position] == id) {
            m_new[bucket][position] = -1;
            --info.ref_count;
        }
    }
    assert(info.ref_count == 0);
    --m_new_count;
    --m_network_counts[info.record.service.address.GetNetwork()].in_new;

    const int bucket = TriedBucket(m_key, info.record.service);
    const int position = BucketPosition(m_key, false, bucket, info.record.service);
    // An occupant goes back to the new table, to its own source's bucket,
    // replacing whatever is there.
    if (const int evicted_id = m_tried[bucket][position]; evicted_id != -1) {
        Info& evicted = m_info.at(evicted_id);
        evicted.in_tried = false;
        m_tried[bucket][position] = -1;
        --m_tried_count;
        --m_network_counts[evicted.record.service.address.GetNetwork()].in_tried;

        const int new_bucket = NewBucket(m_key, evicted.record.service.address, evicted.source);
        const int new_position = BucketPosition(m_key, true, new_bucket, evicted.record.service);
        ClearNew(new_bucket, new_position);
        evicted.ref_count = 1;
        m_new[new_bucket][new_position] = evicted_id;
        ++m_new_count;
        ++m_network_counts[evicted.record.service.address.GetNetwork()].in_new;
    }
    m_tried[bucket][position] = id;
    ++m_tried_count;
    info.in_tried = true;
    ++m_network_counts[info.record.service.address.GetNetwork()].in_tried;
}

bool AddrMan::AddSingle(const AddressRecord& record, const NetAddress& source, int64_t time_penalty, int64_t now)
{
    if (!record.service.address.IsRoutable()) return false;
    // No penalty for a peer announcing itself.
    if (record.service.address == source) time_penalty = 0;

    int id = -1;
    Info* info = Find(record.service, &id);
    const int64_t announced = record.time;
    if (info) {
        // Refresh the time now and then: hourly for addresses seen in the
        // last day, daily for older ones.
        const int64_t update_interval = now - announced < 24 * 60 * 60 ? 60 * 60 : 24 * 60 * 60;
        if (info->record.time < announced - update_interval - time_penalty) {
            info->record.time = static_cast<uint32_t>(std::max<int64_t>(0, announced - time_penalty));
        }
        info->record.services |= record.services;
        // Nothing new, already tried, or in all the buckets it may take.
        if (announced <= info->record.time) return false;
        if (info->in_tried) return false;
        if (info->ref_count == ADDRMAN_NEW_BUCKETS_PER_ADDRESS) return false;
        // Each further bucket is twice as hard to get into.
        if (info->ref_count > 0 && RandRange(uint64_t{1} << info->ref_count) != 0) return false;
    } else {
        AddressRecord penalised = record;
        penalised.time = static_cast<uint32_t>(std::max<int64_t>(0, announced - time_penalty));
        id = Create(penalised, source);
        info = &m_info.at(id);
    }

    const int bucket = NewBucket(m_key, record.service.address, source);
    const int position = BucketPosition(m_key, true, bucket, record.service);
    const int occupant = m_new[bucket][position];
    if (occupant == id) return false;
    bool insert = occupant == -1;
    if (!insert) {
        // Only a terrible occupant, or one that has other buckets while the
        // newcomer has none, gives way.
        const Info& existing = m_info.at(occupant);
        insert = IsTerrible(existing, now) || (existing.ref_count > 1 && info->ref_count == 0);
    }
    if (insert) {
        ClearNew(bucket, position);
        ++info->ref_count;
        m_new[bucket][position] = id;
    } else if (info->ref_count == 0) {
        Delete(id);
    }
    return insert;
}

size_t AddrMan::Add(const std::vector<AddressRecord>& records, const NetAddress& source, int64_t time_penalty)
{
    std::lock_guard lock(m_mutex);
    const int64_t now = Now();
    size_t added = 0;
    for (const AddressRecord& record : records) {
        if (AddSingle(record, source, time_penalty, now)) ++added;
    }
    return added;
}

bool AddrMan::GoodLocked(const Service& service, bool test_before_evict, int64_t now)
{
    m_last_good = now;
    int id = -1;
    Info* info = Find(service, &id);
    if (!info) return false;
    info->last_success = now;
    info->last_try = now;
    info->attempts = 0;
    // The address's time is not refreshed here, so as not to reveal which
    // peers we are connected to.
    if (info->in_tried || info->ref_count == 0) return false;

    const int bucket = TriedBucket(m_key, service);
    const int position = BucketPosition(m_key, false, bucket, service);
    if (test_before_evict && m_tried[bucket][position] != -1) {
        if (m_tried_collisions.size() < ADDRMAN_SET_TRIED_COLLISION_SIZE) m_tried_collisions.insert(id);
        return false;
    }
    MakeTried(*info, id);
    return true;
}

bool AddrMan::Good(const Service& service, int64_t now)
{
    std::lock_guard lock(m_mutex);
    return GoodLocked(service, /*test_before_evict=*/true, now);
}

void AddrMan::Attempt(const Service& service, bool count_failure, int64_t now)
{
    std::lock_guard lock(m_mutex);
    Info* info = Find(service);
    if (!info) return;
    info->last_try = now;
    // One failure per round of Good calls, so that losing our own connection
    // does not count against every address we try meanwhile.
    if (count_failure && info->last_count_attempt < m_last_good) {
        info->last_count_attempt = now;
        ++info->attempts;
    }
}

void AddrMan::Connected(const Service& service, int64_t now)
{
    std::lock_guard lock(m_mutex);
    Info* info = Find(service);
    if (info && now - int64_t{info->record.time} > 20 * 60) info->record.time = static_cast<uint32_t>(now);
}

void AddrMan::SetServices(const Service& service, uint64_t services)
{
    std::lock_guard lock(m_mutex);
    if (Info* info = Find(service)) info->record.services = services;
}

void AddrMan::ResolveCollisions()
{
    std::lock_guard lock(m_mutex);
    const int64_t now = Now();
    for (auto it = m_tried_collisions.begin(); it != m_tried_collisions.end();) {
        const int id_new = *it;
        bool erase = false;
        const auto found = m_info.find(id_new);
        if (found == m_info.end()) {
            erase = true;
        } else {
            Info& info_new = found->second;
            const Service service = info_new.record.service;
            const int bucket = TriedBucket(m_key, service);
            const int position = BucketPosition(m_key, false, bucket, service);
            const int id_old = m_tried[bucket][position];
            if (!service.address.IsValid()) {
                erase = true;
            } else if (id_old == -1) {
                // The slot freed up meanwhile.
                GoodLocked(service, false, now);
                erase = true;
            } else {
                const Info& info_old = m_info.at(id_old);
                if (now - info_old.last_success < ADDRMAN_REPLACEMENT) {
                    // The occupant works: keep it.
                    erase = true;
                } else if (now - info_old.last_try < ADDRMAN_REPLACEMENT) {
                    // It was tried lately and has not connected since; give a
                    // connection attempt at least a minute.
                    if (now - info_old.last_try > 60) {
                        GoodLocked(service, false, now);
                        erase = true;
                    }
                } else if (now - info_new.last_success > ADDRMAN_TEST_WINDOW) {
                    // Not tested in time: we cannot reach it, apparently.
                    GoodLocked(service, false, now);
                    erase = true;
                }
            }
        }
        it = erase ? m_tried_collisions.erase(it) : std::next(it);
    }
}

std::optional<std::pair<AddressRecord, int64_t>> AddrMan::SelectTriedCollision()
{
    std::lock_guard lock(m_mutex);
    if (m_tried_collisions.empty()) return std::nullopt;
    auto it = m_tried_collisions.begin();
    std::advance(it, static_cast<long>(RandRange(m_tried_collisions.size())));
    const auto found = m_info.find(*it);
    if (found == m_info.end()) {
        m_tried_collisions.erase(it);
        return std::nullopt;
    }
    const Service& service = found->second.record.service;
    const int bucket = TriedBucket(m_key, service);
    const int position = BucketPosition(m_key, false, bucket, service);
    const int id_old = m_tried[bucket][position];
    if (id_old == -1) return std::nullopt; // ResolveCollisions will move it in
    const Info& old = m_info.at(id_old);
    return std::pair{old.record, old.last_try};
}

std::optional<std::pair<AddressRecord, int64_t>> AddrMan::Select(bool new_only, std::optional<Network> network) const
{
    std::lock_guard lock(m_mutex);
    size_t new_count = static_cast<size_t>(m_new_count);
    size_t tried_count = static_cast<size_t>(m_tried_count);
    if (network) {
        const auto it = m_network_counts.find(*network);
        new_count = it == m_network_counts.end() ? 0 : it->second.in_new;
        tried_count = it == m_network_counts.end() ? 0 : it->second.in_tried;
    }
    if (new_only && new_count == 0) return std::nullopt;
    if (new_count + tried_count == 0) return std::nullopt;

    bool search_tried;
    if (new_only || tried_count == 0) {
        search_tried = false;
    } else if (new_count == 0) {
        search_tried = true;
    } else {
        search_tried = (m_options.random() >> 63) != 0; // even odds
    }
    const auto& table = search_tried ? m_tried : m_new;
    const int64_t now = Now();
    double chance_factor = 1.0;
    while (true) {
        // A random bucket, then the first entry from a random slot on,
        // wrapping around; an empty bucket means another go.
        const size_t bucket = RandRange(table.size());
        const size_t start = RandRange(ADDRMAN_BUCKET_SIZE);
        int id = -1;
        for (size_t i = 0; i < ADDRMAN_BUCKET_SIZE; ++i) {
            const int candidate = table[bucket][(start + i) % ADDRMAN_BUCKET_SIZE];
            if (candidate == -1) continue;
            if (network && m_info.at(candidate).record.service.address.GetNetwork() != *network) continue;
            id = candidate;
            break;
        }
        if (id == -1) continue;
        const Info& info = m_info.at(id);
        // Taken with probability GetChance() * chance_factor (30-bit draw).
        const uint64_t draw = m_options.random() >> 34;
        if (static_cast<double>(draw) < chance_factor * GetChance(info, now) * (1 << 30)) {
            return std::pair{info.record, info.last_try};
        }
        chance_factor *= 1.2;
    }
}

std::vector<AddressRecord> AddrMan::GetAddr(size_t max_addresses, size_t max_pct, std::optional<Network> network,
                                            bool filtered) const
{
    std::lock_guard lock(m_mutex);
    size_t wanted = m_random_order.size();
    if (max_pct != 0) wanted = std::min<size_t>(max_pct, 100) * wanted / 100;
    if (max_addresses != 0) wanted = std::min(wanted, max_addresses);

    const int64_t now = Now();
    std::vector<AddressRecord> out;
    // A partial Fisher-Yates shuffle of m_random_order, stopping once enough
    // entries passed the filters.
    for (size_t n = 0; n < m_random_order.size() && out.size() < wanted; ++n) {
        SwapRandom(n, n + RandRange(m_random_order.size() - n));
        const Info& info = m_info.at(m_random_order[n]);
        if (network && info.record.service.address.GetNetClass() != *network) continue;
        if (filtered && IsTerrible(info, now)) continue;
        out.push_back(info.record);
    }
    return out;
}

size_t AddrMan::Size(std::optional<Network> network, std::optional<bool> in_new) const
{
    std::lock_guard lock(m_mutex);
    if (!network) {
        if (!in_new) return m_random_order.size();
        return static_cast<size_t>(*in_new ? m_new_count : m_tried_count);
    }
    const auto it = m_network_counts.find(*network);
    if (it == m_network_counts.end()) return 0;
    if (!in_new) return it->second.in_new + it->second.in_tried;
    return *in_new ? it->second.in_new : it->second.in_tried;
}

std::optional<AddressPosition> AddrMan::FindAddressEntry(const Service& service) const
{
    std::lock_guard lock(m_mutex);
    const Info* info = Find(service);
    if (!info) return std::nullopt;
    if (info->in_tried) {
        const int bucket = TriedBucket(m_key, service);
        return AddressPosition{true, 1, bucket, BucketPosition(m_key, false, bucket, service)};
    }
    const int bucket = NewBucket(m_key, service.address, info->source);
    return AddressPosition{false, info->ref_count, bucket, BucketPosition(m_key, true, bucket, service)};
}

AddrManKey AddrMan::Key() const
{
    std::lock_guard lock(m_mutex);
    return m_key;
}

AddrManSnapshot AddrMan::Snapshot() const
{
    std::lock_guard lock(m_mutex);
    AddrManSnapshot snapshot;
    snapshot.key = m_key;
    std::map<int, int32_t> new_index; // id -> index in new_entries
    for (const auto& [id, info] : m_info) {
        const AddrManEntry entry{info.record, info.source, info.last_success, info.attempts};
        if (info.ref_count > 0) {
            new_index[id] = static_cast<int32_t>(snapshot.new_entries.size());
            snapshot.new_entries.push_back(entry);
        } else if (info.in_tried) {
            snapshot.tried_entries.push_back(entry);
        }
    }
    snapshot.new_buckets.resize(ADDRMAN_NEW_BUCKET_COUNT);
    for (int bucket = 0; bucket < ADDRMAN_NEW_BUCKET_COUNT; ++bucket) {
        for (int id : m_new[bucket]) {
            if (id != -1) snapshot.new_buckets[bucket].push_back(new_index.at(id));
        }
    }
    return snapshot;
}

size_t AddrMan::Restore(const AddrManSnapshot& snapshot)
{
    std::lock_guard lock(m_mutex);
    Clear();
    m_key = snapshot.key;
    size_t dropped = 0;

    // New entries first, without buckets; -1 for the ones dropped.
    std::vector<int> ids;
    for (const AddrManEntry& entry : snapshot.new_entries) {
        if (m_ids.contains(entry.record.service)) {
            ids.push_back(-1);
            ++dropped;
            continue;
        }
        const int id = Create(entry.record, entry.source);
        Info& info = m_info.at(id);
        info.last_success = entry.last_success;
        info.attempts = entry.attempts;
        ids.push_back(id);
    }
    // Tried entries straight into their slots; a collision or an invalid
    // address loses the entry.
    for (const AddrManEntry& entry : snapshot.tried_entries) {
        const Service& service = entry.record.service;
        const int bucket = TriedBucket(m_key, service);
        const int position = BucketPosition(m_key, false, bucket, service);
        if (!service.address.IsValid() || m_tried[bucket][position] != -1 || m_ids.contains(service)) {
            ++dropped;
            continue;
        }
        const int id = m_next_id++;
        Info& info = m_info[id];
        info.record = entry.record;
        info.source = entry.source;
        info.last_success = entry.last_success;
        info.attempts = entry.attempts;
        info.in_tried = true;
        info.random_pos = static_cast<int>(m_random_order.size());
        m_random_order.push_back(id);
        m_ids[service] = id;
        m_tried[bucket][position] = id;
        ++m_tried_count;
        ++m_network_counts[service.address.GetNetwork()].in_tried;
    }
    // New buckets: the same slots when the bucketing is ours, otherwise (or
    // when that slot is taken) the slot of the entry's own source.
    for (size_t bucket = 0; bucket < snapshot.new_buckets.size(); ++bucket) {
        for (const int32_t index : snapshot.new_buckets[bucket]) {
            if (index < 0 || static_cast<size_t>(index) >= ids.size() || ids[index] == -1) continue;
            const int id = ids[index];
            Info& info = m_info.at(id);
            if (!info.record.service.address.IsValid()) continue;
            if (info.ref_count >= ADDRMAN_NEW_BUCKETS_PER_ADDRESS) continue;
            int target = static_cast<int>(bucket);
            bool placed = false;
            if (snapshot.same_bucketing && bucket < ADDRMAN_NEW_BUCKET_COUNT) {
                const int position = BucketPosition(m_key, true, target, info.record.service);
                if (m_new[target][position] == -1) {
                    m_new[target][position] = id;
                    placed = true;
                }
            }
            if (!placed) {
                target = NewBucket(m_key, info.record.service.address, info.source);
                const int position = BucketPosition(m_key, true, target, info.record.service);
                if (m_new[target][position] != -1) continue;
                m_new[target][position] = id;
            }
            ++info.ref_count;
        }
    }
    // New entries left without a bucket go.
    for (const int id : ids) {
        if (id != -1 && m_info.at(id).ref_count == 0) {
            Delete(id);
            ++dropped;
        }
    }
    return dropped;
}

int AddrMan::CheckConsistency() const
{
    std::lock_guard lock(m_mutex);
    if (m_random_order.size() != static_cast<size_t>(m_tried_count + m_new_count)) return -7;
    std::set<int> tried;
    std::map<int, int> new_refs;
    std::unordered_map<Network, Counts> counts;
    for (const auto& [id, info] : m_info) {
        if (info.in_tried) {
            if (info.last_success == 0) return -1;
            if (info.ref_count != 0) return -2;
            tried.insert(id);
            ++counts[info.record.service.address.GetNetwork()].in_tried;
        } else {
            if (info.ref_count < 0 || info.ref_count > ADDRMAN_NEW_BUCKETS_PER_ADDRESS) return -3;
            if (info.ref_count == 0) return -4;
            new_refs[id] = info.ref_count;
            ++counts[info.record.service.address.GetNetwork()].in_new;
        }
        const auto it = m_ids.find(info.record.service);
        if (it == m_ids.end() || it->second != id) return -5;
        if (info.random_pos < 0 || static_cast<size_t>(info.random_pos) >= m_random_order.size() ||
            m_random_order[info.random_pos] != id) {
            return -14;
        }
        if (info.last_try < 0) return -6;
        if (info.last_success < 0) return -8;
    }
    if (tried.size() != static_cast<size_t>(m_tried_count)) return -9;
    if (new_refs.size() != static_cast<size_t>(m_new_count)) return -10;
    if (m_ids.size() != m_info.size()) return -20;
    for (int bucket = 0; bucket < ADDRMAN_TRIED_BUCKET_COUNT; ++bucket) {
        for (int position = 0; position < ADDRMAN_BUCKET_SIZE; ++position) {
            const int id = m_tried[bucket][position];
            if (id == -1) continue;
            if (!tried.contains(id)) return -11;
            const Service& service = m_info.at(id).record.service;
            if (TriedBucket(m_key, service) != bucket) return -17;
            if (BucketPosition(m_key, false, bucket, service) != position) return -18;
            tried.erase(id);
        }
    }
    for (int bucket = 0; bucket < ADDRMAN_NEW_BUCKET_COUNT; ++bucket) {
        for (int position = 0; position < ADDRMAN_BUCKET_SIZE; ++position) {
            const int id = m_new[bucket][position];
            if (id == -1) continue;
            if (!new_refs.contains(id)) return -12;
            if (BucketPosition(m_key, true, bucket, m_info.at(id).record.service) != position) return -19;
            if (--new_refs[id] == 0) new_refs.erase(id);
        }
    }
    if (!tried.empty()) return -13;
    if (!new_refs.empty()) return -15;
    for (const auto& [network, count] : m_network_counts) {
        const Counts expected = counts[network];
        if (expected.in_new != count.in_new || expected.in_tried != count.in_tried) return -21;
    }
    return 0;
}

} // namespace net
