// Base58 and Base58Check (see base58.h).
#include <script/base58.h>

#include <crypto/hash.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace script {
namespace {

constexpr std::string_view ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// Digit value of each byte, or -1.
constexpr std::array<int8_t, 256> DIGIT_VALUES = [] {
    std::array<int8_t, 256> values{};
    values.fill(-1);
    for (size_t i = 0; i < ALPHABET.size(); ++i) values[static_cast<uint8_t>(ALPHABET[i])] = static_cast<int8_t>(i);
    return values;
}();

constexpr size_t CHECKSUM_SIZE = 4;

// The whitespace Core's IsSpace accepts (the C locale's isspace, fixed).
constexpr bool IsSpace(char c)
{
    return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == '\v';
}

std::array<uint8_t, CHECKSUM_SIZE> Checksum(util::ByteSpan payload)
{
    const auto hash = crypto::Hash256(payload);
    std::array<uint8_t, CHECKSUM_SIZE> out;
    std::copy_n(hash.begin(), CHECKSUM_SIZE, out.begin());
    return out;
}

} // namespace

std::string EncodeBase58(util::ByteSpan input)
{
    size_t zeroes = 0;
    while (zeroes < input.size() && input[zeroes] == 0) ++zeroes;

    // The number in base 58, least significant digit first, no leading zeros.
    std::vector<uint8_t> digits;
    digits.reserve((input.size() - zeroes) * 138 / 100 + 1); // log(256)/log(58), rounded up
    for (size_t i = zeroes; i < input.size(); ++i) {
        uint32_t carry = input[i];
        for (uint8_t& digit : digits) {
            carry += static_cast<uint32_t>(digit) << 8;
            digit = static_cast<uint8_t>(carry % 58);
            carry /= 58;
        }
        while (carry) {
            digits.push_back(static_cast<uint8_t>(carry % 58));
            carry /= 58;
        }
    }

    std::string out(zeroes, '1');
    out.reserve(zeroes + digits.size());
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) out += ALPHABET[*it];
    return out;
}

std::optional<util::Bytes> DecodeBase58(std::string_view text, size_t max_output_size)
{
    size_t pos = 0;
    while (pos < text.size() && IsSpace(text[pos])) ++pos;

    size_t zeroes = 0;
    while (pos < text.size() && text[pos] == '1') {
        if (++zeroes > max_output_size) return std::nullopt;
        ++pos;
    }

    // The number in base 256, least significant byte first, no leading zeros.
    std::vector<uint8_t> bytes;
    bytes.reserve((text.size() - pos) * 733 / 1000 + 1); // log(58)/log(256), rounded up
    while (pos < text.size() && !IsSpace(text[pos])) {
        const int value = DIGIT_VALUES[static_cast<uint8_t>(text[pos])];
        if (value < 0) return std::nullopt;
        uint32_t carry = static_cast<uint32_t>(value);
        for (uint8_t& byte : bytes) {
            carry += static_cast<uint32_t>(byte) * 58;
            byte = static_cast<uint8_t>(carry & 0xff);
            carry >>= 8;
        }
        while (carry) {
            bytes.push_back(static_cast<uint8_t>(carry & 0xff));
            carry >>= 8;
        }
        if (zeroes + bytes.size() > max_output_size) return std::nullopt;
        ++pos;
    }

    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    if (pos != text.size()) return std::nullopt;

    util::Bytes out(zeroes, 0x00);
    out.insert(out.end(), bytes.rbegin(), bytes.rend());
    return out;
}

std::string EncodeBase58Check(util::ByteSpan payload)
{
    util::Bytes data(payload.begin(), payload.end());
    const auto checksum = Checksum(payload);
    data.insert(data.end(), checksum.begin(), checksum.end());
    return EncodeBase58(data);
}

std::optional<util::Bytes> DecodeBase58Check(std::string_view text, size_t max_payload_size)
{
    const size_t max_size = max_payload_size > SIZE_MAX - CHECKSUM_SIZE ? SIZE_MAX : max_payload_size + CHECKSUM_SIZE;
    auto data = DecodeBase58(text, max_size);
    if (!data || data->size() < CHECKSUM_SIZE) return std::nullopt;
    const util::ByteSpan payload{data->data(), data->size() - CHECKSUM_SIZE};
    const auto checksum = Checksum(payload);
    if (!std::equal(checksum.begin(), checksum.end(), data->end() - CHECKSUM_SIZE)) return std::nullopt;
    data->resize(data->size() - CHECKSUM_SIZE);
    return data;
}

} // namespace script
