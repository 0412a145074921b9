// WIF secret keys (see wif.h).
#include <script/wif.h>

#include <script/base58.h>
#include <util/byte_span.h>

#include <algorithm>
#include <cassert>

namespace script {
namespace {

// The order n of the secp256k1 group, big-endian (SEC 2, section 2.4.1).
constexpr std::array<uint8_t, 32> CURVE_ORDER = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};

constexpr size_t KEY_SIZE = 32;
constexpr uint8_t COMPRESSED_FLAG = 0x01;

// Clears a buffer that held key material.
void Cleanse(util::Bytes& bytes)
{
    volatile uint8_t* p = bytes.data();
    for (size_t i = 0; i < bytes.size(); ++i) p[i] = 0;
}

} // namespace

bool IsValidSecretKey(std::span<const uint8_t, 32> key)
{
    const bool zero = std::all_of(key.begin(), key.end(), [](uint8_t b) { return b == 0; });
    const bool below_order = std::lexicographical_compare(key.begin(), key.end(), CURVE_ORDER.begin(), CURVE_ORDER.end());
    return !zero && below_order;
}

std::string EncodeSecret(const SecretKey& secret, const AddressParams& params)
{
    assert(IsValidSecretKey(secret.key));
    util::Bytes data{params.secret_prefix};
    data.insert(data.end(), secret.key.begin(), secret.key.end());
    if (secret.compressed) data.push_back(COMPRESSED_FLAG);
    std::string out = EncodeBase58Check(data);
    Cleanse(data);
    return out;
}

std::optional<SecretKey> DecodeSecret(std::string_view wif, const AddressParams& params)
{
    auto data = DecodeBase58Check(wif, 1 + KEY_SIZE + 1);
    if (!data) return std::nullopt;
    std::optional<SecretKey> result;
    const bool uncompressed = data->size() == 1 + KEY_SIZE;
    const bool compressed = data->size() == 1 + KEY_SIZE + 1 && data->back() == COMPRESSED_FLAG;
    if ((uncompressed || compressed) && (*data)[0] == params.secret_prefix) {
        SecretKey secret{};
        std::copy_n(data->begin() + 1, KEY_SIZE, secret.key.begin());
        secret.compressed = compressed;
        if (IsValidSecretKey(secret.key)) result = secret;
    }
    Cleanse(*data);
    return result;
}

} // namespace script
