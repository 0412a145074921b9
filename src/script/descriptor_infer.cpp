// Descriptor inference for bare scripts (see descriptor_infer.h).
#include <script/descriptor_infer.h>

#include <script/address.h>
#include <script/descriptor_checksum.h>
#include <script/solver.h>

#include <crypto/secp256k1_context.h>
#include <util/hex.h>

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

namespace script {
namespace {

// Descriptors take compressed and uncompressed keys, never hybrid ones
// (Core's CPubKey::IsValidNonHybrid on a key the Solver already sized).
bool IsNonHybridKey(const util::Bytes& key)
{
    return !key.empty() && (key[0] == 0x02 || key[0] == 0x03 || key[0] == 0x04);
}

std::optional<std::string> InferFromTemplate(TxoutType type, const std::vector<util::Bytes>& solutions)
{
    switch (type) {
    case TxoutType::PUBKEY:
        if (IsNonHybridKey(solutions[0])) return "pk(" + util::HexStr(solutions[0]) + ")";
        return std::nullopt;
    case TxoutType::MULTISIG: {
        // solutions: {m}, key_1 .. key_n, {n}
        std::string desc = "multi(" + std::to_string(solutions.front()[0]);
        for (size_t i = 1; i + 1 < solutions.size(); ++i) {
            if (!IsNonHybridKey(solutions[i])) return std::nullopt;
            desc += "," + util::HexStr(solutions[i]);
        }
        return desc + ")";
    }
    case TxoutType::WITNESS_V1_TAPROOT: {
        const std::span<const uint8_t, 32> output_key{solutions[0].data(), 32};
        if (crypto::IsValidXOnlyPubKey(output_key)) return "rawtr(" + util::HexStr(solutions[0]) + ")";
        return std::nullopt;
    }
    default:
        // P2PKH, P2WPKH, P2SH, P2WSH would need the key or script behind the
        // hash, which only a wallet has; they fall through to addr().
        return std::nullopt;
    }
}

} // namespace

std::string InferDescriptor(util::ByteSpan script, const AddressParams& params)
{
    std::vector<util::Bytes> solutions;
    const TxoutType type = Solver(script, solutions);
    if (auto desc = InferFromTemplate(type, solutions)) return AddDescriptorChecksum(*desc);

    Destination dest;
    if (ExtractDestination(script, dest)) {
        const util::Bytes rebuilt = GetScriptForDestination(dest);
        if (std::ranges::equal(rebuilt, script)) {
            return AddDescriptorChecksum("addr(" + EncodeDestination(dest, params) + ")");
        }
    }
    return AddDescriptorChecksum("raw(" + util::HexStr(script) + ")");
}

} // namespace script
