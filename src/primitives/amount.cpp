#include <primitives/amount.h>

namespace primitives {

std::string FormatAmount(Amount amount)
{
    const int64_t sats = amount.sats();
    // Work on the magnitude as unsigned so INT64_MIN has a magnitude too.
    const uint64_t magnitude = sats < 0 ? 0 - static_cast<uint64_t>(sats) : static_cast<uint64_t>(sats);
    std::string fraction = std::to_string(magnitude % COIN);
    fraction.insert(0, 8 - fraction.size(), '0');
    return (sats < 0 ? "-" : "") + std::to_string(magnitude / COIN) + "." + fraction;
}

} // namespace primitives
