#include <net/block_locator.h>

#include <algorithm>
#include <cstdint>

namespace net {
namespace {

// Entries joined by gaps of one before the gaps start doubling.
constexpr size_t DENSE_GAPS = 11;

} // namespace

std::vector<int> LocatorHeights(int tip_height)
{
    std::vector<int> heights;
    if (tip_height < 0) return heights;
    int64_t height = tip_height;
    int64_t gap = 1;
    while (true) {
        heights.push_back(static_cast<int>(height));
        if (height == 0) break;
        height = std::max<int64_t>(height - gap, 0);
        // After the dense part every gap is twice the one before.
        if (heights.size() >= DENSE_GAPS) gap *= 2;
    }
    return heights;
}

} // namespace net
