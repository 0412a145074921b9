// Destinations and addresses (see address.h).
#include <script/address.h>

#include <script/base58.h>
#include <script/bech32.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/solver.h>

#include <algorithm>
#include <vector>

namespace script {
namespace {

// Longest witness program an address may carry (BIP141).
constexpr size_t BECH32_WITNESS_PROG_MAX_LEN = 40;
constexpr size_t HASH160_SIZE = 20;
constexpr size_t WITNESS_V1_TAPROOT_SIZE = 32;
// PKHash/ScriptHash payload: one version byte and a 20-byte hash.
constexpr size_t BASE58_ADDRESS_PAYLOAD_SIZE = 1 + HASH160_SIZE;
// Longest Base58 string body tried when diagnosing a failed checksum.
constexpr size_t BASE58_DIAGNOSIS_MAX_SIZE = 100;

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
// Deduction guide: clang before 17 lacks C++20 aggregate deduction (P1816).
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

template <size_t N>
std::array<uint8_t, N> ToArray(util::ByteSpan bytes)
{
    std::array<uint8_t, N> out{};
    std::copy_n(bytes.begin(), N, out.begin());
    return out;
}

std::string Base58Address(uint8_t prefix, const std::array<uint8_t, 20>& hash)
{
    util::Bytes data{prefix};
    data.insert(data.end(), hash.begin(), hash.end());
    return EncodeBase58Check(data);
}

// A witness program as a segwit address: bech32 for v0, bech32m above (BIP350).
std::string SegwitAddress(int version, util::ByteSpan program, const AddressParams& params)
{
    util::Bytes values{static_cast<uint8_t>(version)};
    const auto five_bit = ConvertBits(program, 8, 5, true);
    values.insert(values.end(), five_bit->begin(), five_bit->end());
    return Bech32Encode(version == 0 ? Bech32Encoding::BECH32 : Bech32Encoding::BECH32M, params.bech32_hrp, values);
}

util::Bytes WitnessScript(int version, util::ByteSpan program)
{
    util::Bytes script{EncodeOpN(version)};
    AppendPush(script, program);
    return script;
}

std::string AsciiLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string ByteCount(size_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

util::Result<Destination> DecodeBase58Address(std::string_view address, const AddressParams& params)
{
    if (const auto data = DecodeBase58Check(address, BASE58_ADDRESS_PAYLOAD_SIZE)) {
        const util::ByteSpan hash = util::ByteSpan(*data).subspan(std::min<size_t>(1, data->size()));
        if (data->size() == BASE58_ADDRESS_PAYLOAD_SIZE && (*data)[0] == params.pubkey_prefix) {
            return Destination{PKHash{ToArray<20>(hash)}};
        }
        if (data->size() == BASE58_ADDRESS_PAYLOAD_SIZE && (*data)[0] == params.script_prefix) {
            return Destination{ScriptHash{ToArray<20>(hash)}};
        }
        // A known version byte means the length was wrong.
        if (!data->empty() && ((*data)[0] == params.script_prefix || (*data)[0] == params.pubkey_prefix)) {
            return util::Error{"Invalid length for Base58 address (P2PKH or P2SH)"};
        }
        return util::Error{"Invalid or unsupported Base58-encoded address."};
    }
    // Tell a bad checksum apart from something that is not Base58 at all.
    if (!DecodeBase58(address, BASE58_DIAGNOSIS_MAX_SIZE)) {
        return util::Error{"Invalid or unsupported Segwit (Bech32) or Base58 encoding."};
    }
    return util::Error{"Invalid checksum or length of Base58 address (P2PKH or P2SH)"};
}

util::Result<Destination> DecodeSegwitAddress(std::string_view address, const AddressParams& params)
{
    const auto dec = Bech32Decode(address);
    if (!dec) return util::Error{dec.error()};
    if (dec->values.empty()) return util::Error{"Empty Bech32 data section"};
    if (dec->hrp != params.bech32_hrp) {
        return util::Error{"Invalid or unsupported prefix for Segwit (Bech32) address (expected " +
                           std::string(params.bech32_hrp) + ", got " + dec->hrp + ")."};
    }
    // The first value is the witness version; BIP350 ties the checksum to it.
    const int version = dec->values[0];
    if (version == 0 && dec->encoding != Bech32Encoding::BECH32) {
        return util::Error{"Version 0 witness address must use Bech32 checksum"};
    }
    if (version != 0 && dec->encoding != Bech32Encoding::BECH32M) {
        return util::Error{"Version 1+ witness address must use Bech32m checksum"};
    }
    const auto program = ConvertBits(util::ByteSpan(dec->values).subspan(1), 5, 8, false);
    if (!program) return util::Error{"Invalid padding in Bech32 data section"};

    if (version == 0) {
        if (program->size() == 20) return Destination{WitnessV0KeyHash{ToArray<20>(*program)}};
        if (program->size() == 32) return Destination{WitnessV0ScriptHash{ToArray<32>(*program)}};
        return util::Error{"Invalid Bech32 v0 address program size (" + ByteCount(program->size()) + "), per BIP141"};
    }
    if (version == 1 && program->size() == WITNESS_V1_TAPROOT_SIZE) {
        return Destination{WitnessV1Taproot{ToArray<32>(*program)}};
    }
    if (IsPayToAnchor(version, *program)) return Destination{PayToAnchor{}};
    if (version > 16) return util::Error{"Invalid Bech32 address witness version"};
    if (program->size() < 2 || program->size() > BECH32_WITNESS_PROG_MAX_LEN) {
        return util::Error{"Invalid Bech32 address program size (" + ByteCount(program->size()) + ")"};
    }
    return Destination{WitnessUnknown{version, *program}};
}

} // namespace

bool IsValidDestination(const Destination& dest)
{
    return !std::holds_alternative<NoDestination>(dest) && !std::holds_alternative<PubKeyDestination>(dest);
}

bool ExtractDestination(util::ByteSpan script, Destination& dest)
{
    std::vector<util::Bytes> solutions;
    switch (Solver(script, solutions)) {
    case TxoutType::PUBKEY:
        // The Solver only lets keys of a valid size through, so this is always
        // a PubKeyDestination; it still has no address.
        dest = PubKeyDestination{solutions[0]};
        return false;
    case TxoutType::PUBKEYHASH:
        dest = PKHash{ToArray<20>(solutions[0])};
        return true;
    case TxoutType::SCRIPTHASH:
        dest = ScriptHash{ToArray<20>(solutions[0])};
        return true;
    case TxoutType::WITNESS_V0_KEYHASH:
        dest = WitnessV0KeyHash{ToArray<20>(solutions[0])};
        return true;
    case TxoutType::WITNESS_V0_SCRIPTHASH:
        dest = WitnessV0ScriptHash{ToArray<32>(solutions[0])};
        return true;
    case TxoutType::WITNESS_V1_TAPROOT:
        dest = WitnessV1Taproot{ToArray<32>(solutions[0])};
        return true;
    case TxoutType::ANCHOR:
        dest = PayToAnchor{};
        return true;
    case TxoutType::WITNESS_UNKNOWN:
        dest = WitnessUnknown{solutions[0][0], solutions[1]};
        return true;
    case TxoutType::MULTISIG:
    case TxoutType::NULL_DATA:
    case TxoutType::NONSTANDARD:
        dest = NoDestination{util::Bytes(script.begin(), script.end())};
        return false;
    }
    dest = NoDestination{util::Bytes(script.begin(), script.end())};
    return false; // unreachable: every TxoutType is handled above
}

util::Bytes GetScriptForDestination(const Destination& dest)
{
    return std::visit(
        Overloaded{
            [](const NoDestination& d) { return d.script; },
            [](const PubKeyDestination& d) {
                util::Bytes script;
                AppendPush(script, d.pubkey);
                script.push_back(OP_CHECKSIG);
                return script;
            },
            [](const PKHash& d) { return PayToPubKeyHashScript(d.hash); },
            [](const ScriptHash& d) {
                util::Bytes script{OP_HASH160};
                AppendPush(script, d.hash);
                script.push_back(OP_EQUAL);
                return script;
            },
            [](const WitnessV0KeyHash& d) { return WitnessScript(0, d.hash); },
            [](const WitnessV0ScriptHash& d) { return WitnessScript(0, d.hash); },
            [](const WitnessV1Taproot& d) { return WitnessScript(1, d.output_key); },
            [](const PayToAnchor&) { return util::Bytes{OP_1, 0x02, 0x4e, 0x73}; },
            [](const WitnessUnknown& d) { return WitnessScript(d.version, d.program); },
        },
        dest);
}

std::string EncodeDestination(const Destination& dest, const AddressParams& params)
{
    return std::visit(
        Overloaded{
            [](const NoDestination&) { return std::string{}; },
            [](const PubKeyDestination&) { return std::string{}; },
            [&](const PKHash& d) { return Base58Address(params.pubkey_prefix, d.hash); },
            [&](const ScriptHash& d) { return Base58Address(params.script_prefix, d.hash); },
            [&](const WitnessV0KeyHash& d) { return SegwitAddress(0, d.hash, params); },
            [&](const WitnessV0ScriptHash& d) { return SegwitAddress(0, d.hash, params); },
            [&](const WitnessV1Taproot& d) { return SegwitAddress(1, d.output_key, params); },
            [&](const PayToAnchor&) {
                const uint8_t program[] = {0x4e, 0x73};
                return SegwitAddress(1, program, params);
            },
            [&](const WitnessUnknown& d) {
                if (d.version < 1 || d.version > 16 || d.program.size() < 2 ||
                    d.program.size() > BECH32_WITNESS_PROG_MAX_LEN) {
                    return std::string{};
                }
                return SegwitAddress(d.version, d.program, params);
            },
        },
        dest);
}

util::Result<Destination> DecodeDestination(std::string_view address, const AddressParams& params)
{
    // Only strings that start with this network's HRP are tried as bech32, so
    // another network's segwit address reports as not Base58 either.
    const bool is_bech32 = AsciiLower(address.substr(0, params.bech32_hrp.size())) == params.bech32_hrp;
    if (!is_bech32) return DecodeBase58Address(address, params);
    return DecodeSegwitAddress(address, params);
}

} // namespace script
