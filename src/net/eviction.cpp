#include <net/eviction.h>

#include <net/net_address.h>

#include <algorithm>
#include <map>

namespace net {
namespace {

// Removes up to `count` candidates that rank best by `better` (and pass `eligible`).
template <typename Better, typename Eligible>
void Protect(std::vector<EvictionCandidate>& candidates, size_t count, Better better, Eligible eligible)
{
    std::stable_sort(candidates.begin(), candidates.end(), [&](const auto& a, const auto& b) { return better(a, b); });
    size_t removed = 0;
    for (auto it = candidates.begin(); it != candidates.end() && removed < count;) {
        if (eligible(*it)) {
            it = candidates.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
}

bool Always(const EvictionCandidate&) { return true; }

} // namespace

uint64_t NetGroupOf(const util::IpAddress& address)
{
    // The address manager's group (Core's GetGroup: /16, /32, tunnels
    // mapped to their IPv4), folded into a number (FNV-1a).
    uint64_t hash = 0xcbf29ce484222325;
    for (uint8_t byte : NetAddress::FromIp(address).GetGroup()) hash = (hash ^ byte) * 0x100000001b3;
    return hash;
}

std::optional<NodeId> SelectNodeToEvict(std::vector<EvictionCandidate> candidates)
{
    // Ties always break on the id, so the choice depends on nothing but the input.
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    Protect(candidates, 4, [](const auto& a, const auto& b) { return a.min_ping_micros < b.min_ping_micros; }, Always);
    Protect(candidates, 4, [](const auto& a, const auto& b) { return a.last_tx_time > b.last_tx_time; },
            [](const auto& c) { return c.last_tx_time > 0; });
    Protect(candidates, 8, [](const auto& a, const auto& b) { return a.last_block_time > b.last_block_time; },
            [](const auto& c) { return !c.relays_txs && c.last_block_time > 0; });
    Protect(candidates, 4, [](const auto& a, const auto& b) { return a.last_block_time > b.last_block_time; },
            [](const auto& c) { return c.last_block_time > 0; });
    Protect(candidates, candidates.size() / 2,
            [](const auto& a, const auto& b) { return a.connected_time < b.connected_time; }, Always);
    if (candidates.empty()) return std::nullopt;

    if (std::any_of(candidates.begin(), candidates.end(), [](const auto& c) { return c.prefer_evict; })) {
        std::erase_if(candidates, [](const auto& c) { return !c.prefer_evict; });
    }
    // The group with the most members; among equal sizes the one whose newest member is newest.
    std::map<uint64_t, std::vector<const EvictionCandidate*>> groups;
    for (const auto& candidate : candidates) groups[candidate.net_group].push_back(&candidate);
    const auto newest = [](const std::vector<const EvictionCandidate*>& members) {
        return *std::max_element(members.begin(), members.end(), [](const auto* a, const auto* b) {
            return a->connected_time != b->connected_time ? a->connected_time < b->connected_time : a->id < b->id;
        });
    };
    const std::vector<const EvictionCandidate*>* chosen = nullptr;
    for (const auto& [group, members] : groups) {
        if (!chosen || members.size() > chosen->size() ||
            (members.size() == chosen->size() && newest(members)->connected_time > newest(*chosen)->connected_time)) {
            chosen = &members;
        }
    }
    return newest(*chosen)->id;
}

} // namespace net
