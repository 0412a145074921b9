#include <script/descriptor_parse.h>

#include <crypto/hash.h>
#include <script/address.h>
#include <script/descriptor_checksum.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <util/hex.h>

#include <string>

namespace script {
namespace {

// The argument of `name(...)` when `text` is exactly that call.
std::optional<std::string_view> Call(std::string_view text, std::string_view name)
{
    if (text.size() < name.size() + 2 || !text.starts_with(name) || text[name.size()] != '(' || text.back() != ')') {
        return std::nullopt;
    }
    return text.substr(name.size() + 1, text.size() - name.size() - 2);
}

util::Result<util::Bytes> PublicKey(std::string_view hex, bool compressed_only)
{
    auto key = util::TryParseHex(hex);
    const bool compressed = key && key->size() == 33 && ((*key)[0] == 0x02 || (*key)[0] == 0x03);
    const bool uncompressed = key && key->size() == 65 && (*key)[0] == 0x04;
    if (!compressed && !uncompressed) return util::Error{"key '" + std::string(hex) + "' is not valid"};
    if (uncompressed && compressed_only) return util::Error{"Uncompressed keys are not allowed"};
    return std::move(*key);
}

} // namespace

util::Result<util::Bytes> ParseSingleScriptDescriptor(std::string_view descriptor, const AddressParams& params)
{
    std::string_view body = descriptor;
    if (const size_t hash = descriptor.find('#'); hash != std::string_view::npos) {
        body = descriptor.substr(0, hash);
        const std::string_view given = descriptor.substr(hash + 1);
        if (given.size() != 8) return util::Error{"Expected 8 character checksum, not " + std::to_string(given.size()) + " characters"};
        const std::string computed = DescriptorChecksum(body);
        if (computed != given) {
            return util::Error{"Provided checksum '" + std::string(given) + "' does not match computed checksum '" +
                               computed + "'"};
        }
    }
    if (DescriptorChecksum(body).empty()) return util::Error{"Invalid characters in payload"};
    if (auto address = Call(body, "addr")) {
        auto destination = DecodeDestination(*address, params);
        if (!destination) return util::Error{"Address is not valid"};
        return GetScriptForDestination(*destination);
    }
    if (auto hex = Call(body, "raw")) {
        auto script = util::TryParseHex(*hex);
        if (!script) return util::Error{"Raw script is not hex"};
        return std::move(*script);
    }
    if (auto key = Call(body, "pk")) {
        auto pubkey = PublicKey(*key, false);
        if (!pubkey) return pubkey;
        util::Bytes script;
        AppendPush(script, *pubkey);
        script.push_back(OP_CHECKSIG);
        return script;
    }
    if (auto key = Call(body, "pkh")) {
        auto pubkey = PublicKey(*key, false);
        if (!pubkey) return pubkey;
        return PayToPubKeyHashScript(crypto::Hash160(*pubkey));
    }
    if (auto key = Call(body, "wpkh")) {
        auto pubkey = PublicKey(*key, true);
        if (!pubkey) return pubkey;
        const auto hash = crypto::Hash160(*pubkey);
        util::Bytes script{OP_0};
        AppendPush(script, hash);
        return script;
    }
    const size_t paren = body.find('(');
    return util::Error{"'" + std::string(body.substr(0, paren)) + "' is not a valid descriptor function"};
}

} // namespace script
