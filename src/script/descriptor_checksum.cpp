// BIP380 descriptor checksums (see descriptor_checksum.h).
//
// The checksum is a BCH code over GF(32), like bech32 but of degree 8. Each
// character maps to its position in a 95-character set made of three groups
// of 32; the position within the group is one symbol, and after every third
// character one more symbol packs the three group numbers, so that a case
// change or a change within a group costs a single symbol error.
#include <script/descriptor_checksum.h>

#include <array>
#include <cassert>
#include <cstdint>
#include <vector>

namespace script {
namespace {

// BIP380 "Character Set", the three groups of 32 in order.
constexpr std::string_view INPUT_CHARSET =
    "0123456789()[],'/*abcdefgh@:$%{}"
    "IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~"
    "ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ";
constexpr std::string_view CHECKSUM_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr size_t CHECKSUM_LENGTH = 8;

// BIP380 generator: what to add for each bit of the symbol shifted out of the
// 40-bit remainder.
constexpr std::array<uint64_t, 5> GENERATOR = {0xf5dee51989, 0xa9fdca3312, 0x1bab10e32d, 0x3706b1677a, 0x644d626ffd};

uint64_t PolyMod(uint64_t c, int value)
{
    const uint64_t top = c >> 35;
    c = ((c & 0x7ffffffff) << 5) ^ static_cast<uint64_t>(value);
    for (int i = 0; i < 5; ++i) {
        if ((top >> i) & 1) c ^= GENERATOR[i];
    }
    return c;
}

} // namespace

std::string DescriptorChecksum(std::string_view descriptor)
{
    uint64_t c = 1;
    int groups = 0;      // group numbers of the pending characters, base 3
    int group_count = 0; // how many are pending (0..2)
    for (const char ch : descriptor) {
        const size_t pos = INPUT_CHARSET.find(ch);
        if (pos == std::string_view::npos) return {};
        c = PolyMod(c, static_cast<int>(pos & 31));
        groups = groups * 3 + static_cast<int>(pos >> 5);
        if (++group_count == 3) {
            c = PolyMod(c, groups);
            groups = 0;
            group_count = 0;
        }
    }
    if (group_count > 0) c = PolyMod(c, groups);
    // Room for the checksum itself, then make a valid string come out as 1.
    for (size_t i = 0; i < CHECKSUM_LENGTH; ++i) c = PolyMod(c, 0);
    c ^= 1;

    std::string out(CHECKSUM_LENGTH, ' ');
    for (size_t i = 0; i < CHECKSUM_LENGTH; ++i) {
        out[i] = CHECKSUM_CHARSET[(c >> (5 * (7 - i))) & 31];
    }
    return out;
}

std::string AddDescriptorChecksum(std::string_view descriptor)
{
    const std::string checksum = DescriptorChecksum(descriptor);
    assert(!checksum.empty());
    return std::string(descriptor) + "#" + checksum;
}

} // namespace script
