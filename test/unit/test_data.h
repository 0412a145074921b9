// Access to the vector files under test/data (copied from ../shared/testdata
// with their attribution, so tests run from a clean clone).
#ifndef UTXO_TEST_UNIT_TEST_DATA_H
#define UTXO_TEST_UNIT_TEST_DATA_H

#include <util/endian.h>
#include <util/hex.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace test {

inline std::string DataPath(const std::string& name)
{
    return std::string(UTXO_TEST_DATA_DIR) + "/" + name;
}

// Whole file as bytes; throws when it cannot be read so a missing vector file
// fails the test instead of silently testing nothing.
inline std::vector<unsigned char> ReadDataFile(const std::string& name)
{
    std::ifstream in(DataPath(name), std::ios::binary);
    if (!in) throw std::runtime_error("cannot open test data file " + DataPath(name));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string ReadDataText(const std::string& name)
{
    const auto bytes = ReadDataFile(name);
    return {bytes.begin(), bytes.end()};
}

// Hex to bytes for literals in tests; throws on malformed hex so a typo fails loudly.
inline std::vector<unsigned char> ParseHex(std::string_view hex)
{
    auto bytes = util::TryParseHex(hex);
    if (!bytes) throw std::runtime_error("bad hex literal in test: " + std::string(hex));
    return *bytes;
}

// Splits a blk?????.dat-style file (4-byte network magic, 4-byte
// little-endian length, block) into its blocks; throws on a malformed record.
inline std::vector<std::vector<unsigned char>> ReadBlkRecords(const std::vector<unsigned char>& file,
                                                              const std::array<uint8_t, 4>& magic)
{
    std::vector<std::vector<unsigned char>> blocks;
    size_t pos = 0;
    while (pos < file.size()) {
        if (file.size() - pos < 8 || !std::equal(magic.begin(), magic.end(), file.begin() + pos)) {
            throw std::runtime_error("bad blk record header at offset " + std::to_string(pos));
        }
        const uint32_t length = util::ReadLE32(file.data() + pos + 4);
        pos += 8;
        if (file.size() - pos < length) throw std::runtime_error("truncated blk record at offset " + std::to_string(pos));
        blocks.emplace_back(file.begin() + pos, file.begin() + pos + length);
        pos += length;
    }
    return blocks;
}

} // namespace test

#endif // UTXO_TEST_UNIT_TEST_DATA_H
