// Access to the vector files under test/data (copied from ../shared/testdata
// with their attribution, so tests run from a clean clone).
#ifndef UTXO_TEST_UNIT_TEST_DATA_H
#define UTXO_TEST_UNIT_TEST_DATA_H

#include <util/hex.h>

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

} // namespace test

#endif // UTXO_TEST_UNIT_TEST_DATA_H
