#include <primitives/compressor.h>

#include <crypto/secp256k1_context.h>

#include <algorithm>

namespace primitives {
namespace {

// Opcodes of the templates (primitives sits below script/, so by value).
constexpr uint8_t OP_DUP = 0x76;
constexpr uint8_t OP_HASH160 = 0xa9;
constexpr uint8_t OP_EQUAL = 0x87;
constexpr uint8_t OP_EQUALVERIFY = 0x88;
constexpr uint8_t OP_CHECKSIG = 0xac;
constexpr uint8_t OP_RETURN = 0x6a;
constexpr size_t MAX_SCRIPT_SIZE = 10'000;

bool IsP2PKH(util::ByteSpan s)
{
    return s.size() == 25 && s[0] == OP_DUP && s[1] == OP_HASH160 && s[2] == 20 && s[23] == OP_EQUALVERIFY &&
           s[24] == OP_CHECKSIG;
}

bool IsP2SH(util::ByteSpan s) { return s.size() == 23 && s[0] == OP_HASH160 && s[1] == 20 && s[22] == OP_EQUAL; }

bool IsP2PKCompressed(util::ByteSpan s)
{
    return s.size() == 35 && s[0] == 33 && s[34] == OP_CHECKSIG && (s[1] == 0x02 || s[1] == 0x03);
}

// Only keys on the curve: the compressed form could not restore any other.
bool IsP2PKUncompressed(util::ByteSpan s)
{
    return s.size() == 67 && s[0] == 65 && s[66] == OP_CHECKSIG && s[1] == 0x04 &&
           crypto::IsFullyValidPubKey(s.subspan(1, 65));
}

size_t PayloadSize(unsigned type) { return type < 2 ? 20 : 32; }

} // namespace

uint64_t CompressAmount(uint64_t amount)
{
    if (amount == 0) return 0;
    int exponent = 0;
    while (amount % 10 == 0 && exponent < 9) {
        amount /= 10;
        ++exponent;
    }
    if (exponent < 9) {
        const uint64_t last_digit = amount % 10; // 1..9
        amount /= 10;
        return 1 + (amount * 9 + last_digit - 1) * 10 + static_cast<uint64_t>(exponent);
    }
    return 1 + (amount - 1) * 10 + 9;
}

uint64_t DecompressAmount(uint64_t x)
{
    if (x == 0) return 0;
    --x;
    int exponent = static_cast<int>(x % 10);
    x /= 10;
    uint64_t amount;
    if (exponent < 9) {
        const uint64_t last_digit = x % 9 + 1;
        x /= 9;
        amount = x * 10 + last_digit;
    } else {
        amount = x + 1;
    }
    for (; exponent > 0; --exponent) amount *= 10;
    return amount;
}

std::optional<util::Bytes> CompressScript(util::ByteSpan s)
{
    util::Bytes out;
    if (IsP2PKH(s)) {
        out.push_back(0x00);
        out.insert(out.end(), s.begin() + 3, s.begin() + 23);
    } else if (IsP2SH(s)) {
        out.push_back(0x01);
        out.insert(out.end(), s.begin() + 2, s.begin() + 22);
    } else if (IsP2PKCompressed(s)) {
        out.insert(out.end(), s.begin() + 1, s.begin() + 34); // prefix 2/3 is the type
    } else if (IsP2PKUncompressed(s)) {
        out.push_back(static_cast<uint8_t>(0x04 | (s[65] & 0x01)));
        out.insert(out.end(), s.begin() + 2, s.begin() + 34);
    } else {
        return std::nullopt;
    }
    return out;
}

std::optional<util::Bytes> DecompressScript(unsigned type, util::ByteSpan payload)
{
    if (type >= SPECIAL_SCRIPT_TYPES || payload.size() != PayloadSize(type)) return std::nullopt;
    util::Bytes script;
    switch (type) {
    case 0:
        script = {OP_DUP, OP_HASH160, 20};
        script.insert(script.end(), payload.begin(), payload.end());
        script.insert(script.end(), {OP_EQUALVERIFY, OP_CHECKSIG});
        return script;
    case 1:
        script = {OP_HASH160, 20};
        script.insert(script.end(), payload.begin(), payload.end());
        script.push_back(OP_EQUAL);
        return script;
    case 2:
    case 3:
        script = {33, static_cast<uint8_t>(type)};
        script.insert(script.end(), payload.begin(), payload.end());
        script.push_back(OP_CHECKSIG);
        return script;
    default: { // 4, 5: the uncompressed key from x and the parity of y
        std::array<uint8_t, 33> compressed;
        compressed[0] = static_cast<uint8_t>(type - 2);
        std::copy(payload.begin(), payload.end(), compressed.begin() + 1);
        const auto key = crypto::DecompressPubKey(compressed);
        if (!key) return std::nullopt;
        script = {65};
        script.insert(script.end(), key->begin(), key->end());
        script.push_back(OP_CHECKSIG);
        return script;
    }
    }
}

void WriteCompressedTxOut(util::ByteWriter& w, const TxOut& out)
{
    w.WriteVarInt(CompressAmount(static_cast<uint64_t>(out.value.sats())));
    if (auto compressed = CompressScript(out.script_pubkey)) {
        w.WriteBytes(*compressed); // the type byte is also the VarInt of the type
        return;
    }
    w.WriteVarInt(out.script_pubkey.size() + SPECIAL_SCRIPT_TYPES);
    w.WriteBytes(out.script_pubkey);
}

std::optional<TxOut> ReadCompressedTxOut(util::SpanReader& r)
{
    TxOut out;
    out.value = Amount{static_cast<int64_t>(DecompressAmount(r.ReadVarInt()))};
    const uint64_t size_code = r.ReadVarInt();
    if (r.failed()) return std::nullopt;
    if (size_code < SPECIAL_SCRIPT_TYPES) {
        const unsigned type = static_cast<unsigned>(size_code);
        const util::ByteSpan payload = r.ReadBytes(PayloadSize(type));
        if (r.failed()) return std::nullopt;
        auto script = DecompressScript(type, payload);
        if (!script) return std::nullopt;
        out.script_pubkey = std::move(*script);
        return out;
    }
    const uint64_t size = size_code - SPECIAL_SCRIPT_TYPES;
    if (size > MAX_SCRIPT_SIZE) {
        // Never spendable: keep a short stand-in instead of the bytes.
        out.script_pubkey = {OP_RETURN};
        if (size > r.remaining()) return std::nullopt;
        r.ReadBytes(static_cast<size_t>(size));
        return out;
    }
    const util::ByteSpan script = r.ReadBytes(static_cast<size_t>(size));
    if (r.failed()) return std::nullopt;
    out.script_pubkey.assign(script.begin(), script.end());
    return out;
}

} // namespace primitives
