// Bech32 and Bech32m (see bech32.h).
//
// The checksum is a BCH code over GF(32): a string's values are the
// coefficients of a polynomial, and a valid string leaves the remainder 1
// (bech32) or 0x2bc830a3 (bech32m) modulo the generator G(x) of degree 6.
// The error locator works in GF(1024), where G has the roots e^997, e^998 and
// e^999 for a primitive element e: evaluating the remainder at those roots
// gives three syndromes from which up to two substituted characters can be
// found. The field tables are derived at compile time from G itself.
#include <script/bech32.h>

#include <array>
#include <cassert>
#include <cstdint>

namespace script {
namespace {

constexpr std::string_view CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr char SEPARATOR = '1';
constexpr size_t CHECKSUM_SIZE = 6;

// Value of each byte in the charset (either case), or -1.
constexpr std::array<int8_t, 256> CHARSET_VALUES = [] {
    std::array<int8_t, 256> values{};
    values.fill(-1);
    for (size_t i = 0; i < CHARSET.size(); ++i) {
        const auto c = static_cast<uint8_t>(CHARSET[i]);
        values[c] = static_cast<int8_t>(i);
        if (c >= 'a' && c <= 'z') values[c - 'a' + 'A'] = static_cast<int8_t>(i);
    }
    return values;
}();

constexpr uint32_t EncodingConstant(Bech32Encoding encoding)
{
    return encoding == Bech32Encoding::BECH32 ? 1 : 0x2bc830a3;
}

// x^6 mod G(x) times 1, 2, 4, 8, 16: what to add for each bit of the value
// that shifts out of the degree-6 remainder (BIP173).
constexpr std::array<uint32_t, 5> GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

// Remainder of (x^n + values as a polynomial) modulo G(x), packed as six
// 5-bit coefficients, x^0 in the low bits.
uint32_t PolyMod(const util::Bytes& values)
{
    uint32_t c = 1;
    for (const uint8_t v : values) {
        const uint32_t top = c >> 25;
        c = ((c & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) c ^= GENERATOR[i];
        }
    }
    return c;
}

// The HRP's high bits, a zero, then its low bits, followed by the values.
util::Bytes Expand(std::string_view hrp, util::ByteSpan values)
{
    util::Bytes out;
    out.reserve(hrp.size() * 2 + 1 + values.size() + CHECKSUM_SIZE);
    for (const char c : hrp) out.push_back(static_cast<uint8_t>(c) >> 5);
    out.push_back(0);
    for (const char c : hrp) out.push_back(static_cast<uint8_t>(c) & 31);
    out.insert(out.end(), values.begin(), values.end());
    return out;
}

constexpr char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Characters must be printable ASCII (33..126) and not mix upper and lower
// case; appends the index of every offending character.
bool CheckCharacters(std::string_view text, std::vector<int>& errors)
{
    bool lower = false;
    bool upper = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<uint8_t>(text[i]);
        if (c >= 'a' && c <= 'z') {
            if (upper) errors.push_back(static_cast<int>(i));
            else lower = true;
        } else if (c >= 'A' && c <= 'Z') {
            if (lower) errors.push_back(static_cast<int>(i));
            else upper = true;
        } else if (c < 33 || c > 126) {
            errors.push_back(static_cast<int>(i));
        }
    }
    return errors.empty();
}

// ---- GF(32) and GF(1024) ---------------------------------------------------

// GF(32) = GF(2)[x] / (x^5 + x^3 + 1), the field BIP173's generator uses.
constexpr uint8_t Gf32Mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    for (int i = 0; i < 5; ++i) {
        if ((b >> i) & 1) r ^= a;
        a = static_cast<uint8_t>(a << 1);
        if (a & 32) a ^= 0x29;
    }
    return r;
}

// Each generator entry is the previous one times 2, coefficient by
// coefficient: a check that the field above is the one the constants use.
constexpr bool GeneratorMatchesField()
{
    for (size_t i = 1; i < GENERATOR.size(); ++i) {
        for (int k = 0; k < 6; ++k) {
            const auto prev = static_cast<uint8_t>((GENERATOR[i - 1] >> (5 * k)) & 31);
            const auto cur = static_cast<uint8_t>((GENERATOR[i] >> (5 * k)) & 31);
            if (Gf32Mul(prev, 2) != cur) return false;
        }
    }
    return true;
}
static_assert(GeneratorMatchesField());

// GF(1024) = GF(32)[v] / (v^2 + a v + b) for the first irreducible quadratic;
// an element is hi*v + lo packed as (hi << 5) | lo, so GF(32) sits inside as
// the elements with hi = 0.
struct Quadratic {
    uint8_t a;
    uint8_t b;
};

constexpr Quadratic FindIrreducibleQuadratic()
{
    for (int a = 1; a < 32; ++a) {
        for (int b = 1; b < 32; ++b) {
            bool has_root = false;
            for (int x = 0; x < 32 && !has_root; ++x) {
                const auto ux = static_cast<uint8_t>(x);
                has_root = (Gf32Mul(ux, ux) ^ Gf32Mul(static_cast<uint8_t>(a), ux) ^ b) == 0;
            }
            if (!has_root) return {static_cast<uint8_t>(a), static_cast<uint8_t>(b)};
        }
    }
    return {0, 0};
}
constexpr Quadratic MODULUS = FindIrreducibleQuadratic();
static_assert(MODULUS.a != 0);

constexpr uint16_t Gf1024Mul(uint16_t x, uint16_t y)
{
    const auto x0 = static_cast<uint8_t>(x & 31), x1 = static_cast<uint8_t>(x >> 5);
    const auto y0 = static_cast<uint8_t>(y & 31), y1 = static_cast<uint8_t>(y >> 5);
    const uint8_t hh = Gf32Mul(x1, y1);
    // v^2 = a v + b in characteristic 2.
    const uint8_t hi = Gf32Mul(hh, MODULUS.a) ^ Gf32Mul(x1, y0) ^ Gf32Mul(x0, y1);
    const uint8_t lo = Gf32Mul(hh, MODULUS.b) ^ Gf32Mul(x0, y0);
    return static_cast<uint16_t>((hi << 5) | lo);
}

constexpr uint16_t Gf1024Pow(uint16_t x, unsigned n)
{
    uint16_t r = 1;
    while (n) {
        if (n & 1) r = Gf1024Mul(r, x);
        x = Gf1024Mul(x, x);
        n >>= 1;
    }
    return r;
}

// G(x) = x^6 + (x^6 mod G) in characteristic 2, evaluated at x.
constexpr bool IsRootOfGenerator(uint16_t x)
{
    uint16_t sum = Gf1024Pow(x, 6);
    for (int k = 0; k < 6; ++k) {
        const auto coefficient = static_cast<uint16_t>((GENERATOR[0] >> (5 * k)) & 31);
        sum ^= Gf1024Mul(coefficient, Gf1024Pow(x, static_cast<unsigned>(k)));
    }
    return sum == 0;
}

constexpr bool IsPrimitive(uint16_t x)
{
    // 1023 = 3 * 11 * 31
    return x != 0 && Gf1024Pow(x, 1023) == 1 && Gf1024Pow(x, 341) != 1 && Gf1024Pow(x, 93) != 1 &&
           Gf1024Pow(x, 33) != 1;
}

struct FieldTables {
    std::array<uint16_t, 1023> exp{}; // exp[i] = e^i
    std::array<int16_t, 1024> log{};  // log[e^i] = i; log[0] = -1
    bool found{false};
};

// Finds the primitive e with G(e^997) = G(e^998) = G(e^999) = 0 (e is the
// ratio of two consecutive roots) and tabulates its powers.
constexpr FieldTables BuildFieldTables()
{
    FieldTables t;
    std::array<uint16_t, 6> roots{};
    size_t count = 0;
    for (uint16_t x = 1; x < 1024 && count < roots.size(); ++x) {
        if (IsRootOfGenerator(x)) roots[count++] = x;
    }
    if (count != roots.size()) return t;
    for (const uint16_t r1 : roots) {
        for (const uint16_t r2 : roots) {
            const uint16_t e = Gf1024Mul(r2, Gf1024Pow(r1, 1022)); // r2 / r1
            if (!IsPrimitive(e) || Gf1024Pow(e, 997) != r1 || Gf1024Pow(e, 998) != r2 ||
                !IsRootOfGenerator(Gf1024Pow(e, 999))) {
                continue;
            }
            t.log.fill(-1);
            uint16_t power = 1;
            for (int i = 0; i < 1023; ++i) {
                t.exp[i] = power;
                t.log[power] = static_cast<int16_t>(i);
                power = Gf1024Mul(power, e);
            }
            t.found = true;
            return t;
        }
    }
    return t;
}

constexpr FieldTables FIELD = BuildFieldTables();
static_assert(FIELD.found, "no primitive element with roots e^997..e^999");

// The residue polynomial evaluated at e^(997 + j) for j = 0, 1, 2.
std::array<int, 3> Syndromes(uint32_t residue)
{
    std::array<int, 3> s{};
    for (int j = 0; j < 3; ++j) {
        int sum = 0;
        for (int k = 0; k < 6; ++k) {
            const int coefficient = static_cast<int>((residue >> (5 * k)) & 31);
            if (coefficient == 0) continue;
            const int log_term = (FIELD.log[coefficient] + (997 + j) * k) % 1023;
            sum ^= FIELD.exp[log_term];
        }
        s[j] = sum;
    }
    return s;
}

// Positions, counted from the end of the string, of at most two substitutions
// by GF(32) values in the last `length` characters that explain `residue`;
// empty when there is no such explanation. Indices are converted to string
// positions by the caller.
std::vector<size_t> FindErrors(uint32_t residue, size_t length)
{
    const auto [s0, s1, s2] = Syndromes(residue);
    const int l_s0 = FIELD.log[s0];
    const int l_s1 = FIELD.log[s1];
    const int l_s2 = FIELD.log[s2];
    const auto exp = [](int i) { return static_cast<int>(FIELD.exp[((i % 1023) + 1023) % 1023]); };
    // A non-zero element is in GF(32) exactly when its log is a multiple of 33
    // (GF(32)* is the subgroup of index 33 in GF(1024)*).
    const auto in_gf32 = [](int log) { return log % 33 == 0; };

    // One error e1 at position p1: s0 = e1 e^(997 p1), s1 = e1 e^(998 p1),
    // s2 = e1 e^(999 p1), so s1^2 = s0 s2 and s1/s0 = e^p1.
    if (l_s0 != -1 && l_s1 != -1 && l_s2 != -1 && (2 * l_s1 - l_s2 - l_s0 + 2046) % 1023 == 0) {
        const size_t p1 = static_cast<size_t>((l_s1 - l_s0 + 1023) % 1023);
        const int l_e1 = l_s0 + (1023 - 997) * static_cast<int>(p1);
        if (p1 < length && in_gf32(l_e1)) return {p1};
        return {};
    }

    // Two errors: try every p1 and solve for p2, e1 and e2.
    for (size_t p1 = 0; p1 < length; ++p1) {
        const int ip1 = static_cast<int>(p1);
        // s2 + s1 e^p1 = e2 e^(998 p2) (e^p2 + e^p1)
        const int s2_s1p1 = s2 ^ (s1 == 0 ? 0 : exp(l_s1 + ip1));
        if (s2_s1p1 == 0) continue;
        // s1 + s0 e^p1 = e2 e^(997 p2) (e^p2 + e^p1)
        const int s1_s0p1 = s1 ^ (s0 == 0 ? 0 : exp(l_s0 + ip1));
        if (s1_s0p1 == 0) continue;
        const int l_s1_s0p1 = FIELD.log[s1_s0p1];
        // Their ratio is e^p2.
        const size_t p2 = static_cast<size_t>((FIELD.log[s2_s1p1] - l_s1_s0p1 + 1023) % 1023);
        if (p2 >= length || p1 == p2) continue;
        const int ip2 = static_cast<int>(p2);
        // s1 + s0 e^p2 = e1 e^(997 p1) (e^p1 + e^p2)
        const int s1_s0p2 = s1 ^ (s0 == 0 ? 0 : exp(l_s0 + ip2));
        if (s1_s0p2 == 0) continue;
        const int l_s1_s0p2 = FIELD.log[s1_s0p2];
        const int inv_p1_p2 = 1023 - FIELD.log[exp(ip1) ^ exp(ip2)];
        const int l_e2 = l_s1_s0p1 + inv_p1_p2 + (1023 - 997) * ip2;
        if (!in_gf32(l_e2)) continue;
        const int l_e1 = l_s1_s0p2 + inv_p1_p2 + (1023 - 997) * ip1;
        if (!in_gf32(l_e1)) continue;
        // Left-most (largest distance from the end) first.
        if (p1 > p2) return {p1, p2};
        return {p2, p1};
    }
    return {};
}

} // namespace

std::string Bech32Encode(Bech32Encoding encoding, std::string_view hrp, util::ByteSpan values)
{
    for (const char c : hrp) assert(c < 'A' || c > 'Z');
    util::Bytes enc = Expand(hrp, values);
    enc.insert(enc.end(), CHECKSUM_SIZE, 0);
    const uint32_t mod = PolyMod(enc) ^ EncodingConstant(encoding);

    std::string out;
    out.reserve(hrp.size() + 1 + values.size() + CHECKSUM_SIZE);
    out += hrp;
    out += SEPARATOR;
    for (const uint8_t v : values) {
        assert(v < 32);
        out += CHARSET[v];
    }
    for (size_t i = 0; i < CHECKSUM_SIZE; ++i) out += CHARSET[(mod >> (5 * (5 - i))) & 31];
    return out;
}

util::Result<Bech32Decoded> Bech32Decode(std::string_view text, size_t max_length)
{
    const auto fail = [&] { return util::Error{LocateBech32Errors(text, max_length).message}; };
    std::vector<int> errors;
    if (!CheckCharacters(text, errors)) return fail();
    if (text.size() > max_length) return fail();
    const size_t pos = text.rfind(SEPARATOR);
    // BIP173: a non-empty HRP and at least the checksum after the separator.
    if (pos == std::string_view::npos || pos == 0 || pos + CHECKSUM_SIZE >= text.size()) return fail();

    util::Bytes values;
    values.reserve(text.size() - 1 - pos);
    for (size_t i = pos + 1; i < text.size(); ++i) {
        const int v = CHARSET_VALUES[static_cast<uint8_t>(text[i])];
        if (v < 0) return fail();
        values.push_back(static_cast<uint8_t>(v));
    }
    std::string hrp;
    hrp.reserve(pos);
    for (size_t i = 0; i < pos; ++i) hrp += ToLower(text[i]);

    const uint32_t check = PolyMod(Expand(hrp, values));
    Bech32Encoding encoding;
    if (check == EncodingConstant(Bech32Encoding::BECH32)) {
        encoding = Bech32Encoding::BECH32;
    } else if (check == EncodingConstant(Bech32Encoding::BECH32M)) {
        encoding = Bech32Encoding::BECH32M;
    } else {
        return fail();
    }
    values.resize(values.size() - CHECKSUM_SIZE);
    return Bech32Decoded{encoding, std::move(hrp), std::move(values)};
}

Bech32Errors LocateBech32Errors(std::string_view text, size_t max_length)
{
    Bech32Errors result;
    if (text.size() > max_length) {
        for (size_t i = max_length; i < text.size(); ++i) result.positions.push_back(static_cast<int>(i));
        result.message = "Bech32 string too long";
        return result;
    }
    if (!CheckCharacters(text, result.positions)) {
        result.message = "Invalid character or mixed case";
        return result;
    }
    const size_t pos = text.rfind(SEPARATOR);
    if (pos == std::string_view::npos) {
        result.message = "Missing separator";
        return result;
    }
    if (pos == 0 || pos + CHECKSUM_SIZE >= text.size()) {
        result.positions.push_back(static_cast<int>(pos));
        result.message = "Invalid separator position";
        return result;
    }

    std::string hrp;
    for (size_t i = 0; i < pos; ++i) hrp += ToLower(text[i]);
    const size_t length = text.size() - 1 - pos; // of the data part
    util::Bytes values;
    for (size_t i = pos + 1; i < text.size(); ++i) {
        const int v = CHARSET_VALUES[static_cast<uint8_t>(text[i])];
        if (v < 0) {
            result.positions.push_back(static_cast<int>(i));
            result.message = "Invalid Base 32 character";
            return result;
        }
        values.push_back(static_cast<uint8_t>(v));
    }

    // Try both checksums and keep whichever explains the string with fewer
    // errors (bech32 on a tie); the version character may itself be wrong, so
    // it cannot pick the encoding.
    const uint32_t polymod = PolyMod(Expand(hrp, values));
    std::optional<Bech32Encoding> error_encoding;
    for (const Bech32Encoding encoding : {Bech32Encoding::BECH32, Bech32Encoding::BECH32M}) {
        const uint32_t residue = polymod ^ EncodingConstant(encoding);
        if (residue == 0) return {}; // valid
        const std::vector<size_t> found = FindErrors(residue, length);
        if (result.positions.empty() || (!found.empty() && found.size() < result.positions.size())) {
            result.positions.clear();
            for (const size_t p : found) result.positions.push_back(static_cast<int>(text.size() - p - 1));
            if (!found.empty()) error_encoding = encoding;
        }
    }
    result.message = error_encoding == Bech32Encoding::BECH32M ? "Invalid Bech32m checksum"
                     : error_encoding == Bech32Encoding::BECH32 ? "Invalid Bech32 checksum"
                                                                : "Invalid checksum";
    return result;
}

std::optional<util::Bytes> ConvertBits(util::ByteSpan in, int from_bits, int to_bits, bool pad)
{
    assert(from_bits >= 1 && from_bits <= 8 && to_bits >= 1 && to_bits <= 8);
    const uint32_t max_value = (1u << to_bits) - 1;
    const uint32_t max_acc = (1u << (from_bits + to_bits - 1)) - 1;
    uint32_t acc = 0;
    int bits = 0;
    util::Bytes out;
    out.reserve((in.size() * static_cast<size_t>(from_bits) + static_cast<size_t>(to_bits) - 1) / static_cast<size_t>(to_bits));
    for (const uint8_t value : in) {
        if (value >> from_bits) return std::nullopt;
        acc = ((acc << from_bits) | value) & max_acc;
        bits += from_bits;
        while (bits >= to_bits) {
            bits -= to_bits;
            out.push_back(static_cast<uint8_t>((acc >> bits) & max_value));
        }
    }
    if (pad) {
        if (bits) out.push_back(static_cast<uint8_t>((acc << (to_bits - bits)) & max_value));
    } else if (bits >= from_bits || ((acc << (to_bits - bits)) & max_value)) {
        return std::nullopt;
    }
    return out;
}

} // namespace script
