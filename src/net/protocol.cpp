#include <net/protocol.h>

namespace net {
namespace {

std::string ServiceBitName(unsigned bit)
{
    switch (uint64_t{1} << bit) {
    case NODE_NETWORK: return "NETWORK";
    case NODE_BLOOM: return "BLOOM";
    case NODE_WITNESS: return "WITNESS";
    case NODE_COMPACT_FILTERS: return "COMPACT_FILTERS";
    case NODE_NETWORK_LIMITED: return "NETWORK_LIMITED";
    case NODE_P2P_V2: return "P2P_V2";
    }
    return "UNKNOWN[2^" + std::to_string(bit) + "]";
}

} // namespace

std::vector<std::string> ServiceFlagNames(uint64_t services)
{
    std::vector<std::string> names;
    for (unsigned bit = 0; bit < 64; ++bit) {
        if (services & (uint64_t{1} << bit)) names.push_back(ServiceBitName(bit));
    }
    return names;
}

} // namespace net
