#include <util/base64.h>

#include <array>

namespace util {
namespace {

constexpr char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Value of each character of the alphabet; -1 for every other byte.
constexpr std::array<int8_t, 256> MakeDecodeTable()
{
    std::array<int8_t, 256> table{};
    for (auto& entry : table) entry = -1;
    for (int i = 0; i < 64; ++i) table[static_cast<uint8_t>(ALPHABET[i])] = static_cast<int8_t>(i);
    return table;
}
constexpr std::array<int8_t, 256> DECODE = MakeDecodeTable();

} // namespace

std::string EncodeBase64(ByteSpan bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t group = (uint32_t{bytes[i]} << 16) | (uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        out += ALPHABET[(group >> 18) & 63];
        out += ALPHABET[(group >> 12) & 63];
        out += ALPHABET[(group >> 6) & 63];
        out += ALPHABET[group & 63];
    }
    const size_t rest = bytes.size() - i;
    if (rest > 0) {
        uint32_t group = uint32_t{bytes[i]} << 16;
        if (rest == 2) group |= uint32_t{bytes[i + 1]} << 8;
        out += ALPHABET[(group >> 18) & 63];
        out += ALPHABET[(group >> 12) & 63];
        out += rest == 2 ? ALPHABET[(group >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<Bytes> DecodeBase64(std::string_view text)
{
    if (text.size() % 4 != 0) return std::nullopt;
    size_t padding = 0;
    if (!text.empty() && text.back() == '=') {
        padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
    }
    Bytes out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const size_t data_chars = last ? 4 - padding : 4;
        uint32_t group = 0;
        for (size_t j = 0; j < 4; ++j) {
            int value = 0;
            if (j < data_chars) {
                value = DECODE[static_cast<uint8_t>(text[i + j])];
                if (value < 0) return std::nullopt; // includes a '=' before the padding
            }
            group = (group << 6) | static_cast<uint32_t>(value);
        }
        out.push_back(static_cast<uint8_t>(group >> 16));
        if (data_chars >= 3) out.push_back(static_cast<uint8_t>(group >> 8));
        if (data_chars == 4) out.push_back(static_cast<uint8_t>(group));
        // Bits beyond the last whole byte must be zero (RFC 4648 section 3.5).
        if (data_chars == 2 && (group & 0xffff) != 0) return std::nullopt;
        if (data_chars == 3 && (group & 0xff) != 0) return std::nullopt;
    }
    return out;
}

} // namespace util
