#include <net/ban_list.h>

#include <algorithm>
#include <utility>

namespace net {

BanList::BanList(const std::vector<BanEntry>& entries)
{
    for (const BanEntry& entry : entries) BanLocked(entry);
    m_dirty = false;
}

bool BanList::BanLocked(const BanEntry& entry)
{
    const auto it = std::find_if(m_bans.begin(), m_bans.end(),
                                 [&](const BanEntry& ban) { return ban.subnet == entry.subnet; });
    if (it == m_bans.end()) {
        m_bans.push_back(entry);
    } else if (it->banned_until < entry.banned_until) {
        *it = entry;
    } else {
        return false;
    }
    m_dirty = true;
    return true;
}

bool BanList::Ban(const util::Subnet& subnet, int64_t banned_until, int64_t created)
{
    std::lock_guard lock(m_mutex);
    return BanLocked(BanEntry{subnet, created, banned_until});
}

bool BanList::Unban(const util::Subnet& subnet)
{
    std::lock_guard lock(m_mutex);
    const auto removed = std::erase_if(m_bans, [&](const BanEntry& ban) { return ban.subnet == subnet; });
    if (removed == 0) return false;
    m_dirty = true;
    return true;
}

bool BanList::IsBanned(const util::IpAddress& address, int64_t now) const
{
    std::lock_guard lock(m_mutex);
    return std::any_of(m_bans.begin(), m_bans.end(), [&](const BanEntry& ban) {
        return now < ban.banned_until && ban.subnet.Contains(address);
    });
}

bool BanList::IsBanned(const NetAddress& address, int64_t now) const
{
    const auto ip = address.ToIp();
    return ip && IsBanned(*ip, now);
}

bool BanList::IsBanned(const util::Subnet& subnet, int64_t now) const
{
    std::lock_guard lock(m_mutex);
    return std::any_of(m_bans.begin(), m_bans.end(),
                       [&](const BanEntry& ban) { return now < ban.banned_until && ban.subnet == subnet; });
}

void BanList::ClearBanned()
{
    std::lock_guard lock(m_mutex);
    m_bans.clear();
    m_dirty = true;
}

size_t BanList::SweepExpired(int64_t now)
{
    std::lock_guard lock(m_mutex);
    const size_t removed = std::erase_if(m_bans, [&](const BanEntry& ban) { return now > ban.banned_until; });
    if (removed > 0) m_dirty = true;
    return removed;
}

std::vector<BanEntry> BanList::List() const
{
    std::lock_guard lock(m_mutex);
    return m_bans;
}

bool BanList::TakeDirty()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_dirty, false);
}

void BanList::Discourage(const NetAddress& address)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_discouraged.find(address); it != m_discouraged.end()) {
        // Discouraged again: the newest again.
        m_discouraged_order.splice(m_discouraged_order.end(), m_discouraged_order, it->second);
        return;
    }
    m_discouraged[address] = m_discouraged_order.insert(m_discouraged_order.end(), address);
    if (m_discouraged_order.size() > MAX_DISCOURAGED) {
        m_discouraged.erase(m_discouraged_order.front());
        m_discouraged_order.pop_front();
    }
}

bool BanList::IsDiscouraged(const NetAddress& address) const
{
    std::lock_guard lock(m_mutex);
    return m_discouraged.contains(address);
}

size_t BanList::DiscouragedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_discouraged_order.size();
}

void BanList::ClearDiscouraged()
{
    std::lock_guard lock(m_mutex);
    m_discouraged.clear();
    m_discouraged_order.clear();
}

} // namespace net
