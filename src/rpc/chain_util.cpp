#include <rpc/chain_util.h>

#include <json/block_json.h>
#include <util/hex.h>

#include <cstdio>

namespace rpc {

std::string BitsHex(uint32_t bits)
{
    char text[9];
    std::snprintf(text, sizeof(text), "%08x", bits);
    return text;
}

std::string TargetHex(uint32_t bits) { return json::BitsToTarget(bits).ToHex(); }

std::variant<primitives::Uint256, RpcError> ParseHash(const boost::json::value& value, std::string_view name)
{
    if (!value.is_string()) return RpcError{RPC_TYPE_ERROR, std::string(name) + " must be a string"};
    const std::string_view text = value.get_string();
    if (text.size() != 64) {
        return RpcError{RPC_INVALID_PARAMETER, std::string(name) + " must be of length 64 (not " +
                                                   std::to_string(text.size()) + ", for '" + std::string(text) + "')"};
    }
    const auto hash = primitives::Uint256::FromHex(text);
    if (!hash) {
        return RpcError{RPC_INVALID_PARAMETER,
                        std::string(name) + " must be hexadecimal string (not '" + std::string(text) + "')"};
    }
    return *hash;
}

} // namespace rpc
