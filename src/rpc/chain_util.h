// Pieces the chain and mining RPC handlers share: hash parameters parsed as
// Bitcoin Core parses them, and its bits/target texts (the difficulty is
// json::Difficulty).
#ifndef UTXO_RPC_CHAIN_UTIL_H
#define UTXO_RPC_CHAIN_UTIL_H

#include <chain/chainstate.h>
#include <rpc/context.h>
#include <rpc/protocol.h>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace rpc {

// "1d00ffff".
std::string BitsHex(uint32_t bits);
// The expanded target, 64 hex digits.
std::string TargetHex(uint32_t bits);

// A 64-digit hex hash parameter; errors as Core's ParseHashV (-8):
// "<name> must be of length 64 (not 3, for 'abc')", "<name> must be hexadecimal string (not '...')".
std::variant<primitives::Uint256, RpcError> ParseHash(const boost::json::value& value, std::string_view name);

inline RpcError BlockNotFound() { return {RPC_INVALID_ADDRESS_OR_KEY, "Block not found"}; }
// Answered while the context has no chain state (tests and fuzzing build
// tables without one).
inline RpcError NoChainstate() { return {RPC_IN_WARMUP, "Chain state not loaded"}; }

// The positional parameters (dispatch has turned named ones into these).
inline const boost::json::array& Params(const JsonRpcRequest& request) { return request.params.get_array(); }
// Whether parameter `i` was passed and is not null.
inline bool Given(const boost::json::array& params, size_t i) { return params.size() > i && !params[i].is_null(); }

} // namespace rpc

#endif // UTXO_RPC_CHAIN_UTIL_H
