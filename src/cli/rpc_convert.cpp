#include <cli/rpc_convert.h>

#include <cli/json_read.h>

#include <boost/json.hpp>

#include <algorithm>

namespace cli {
namespace {

// One row per (method, position) whose parameter is JSON. `names` are the
// names that reach it with -named: the parameter's own name, its aliases
// (getblock's "verbose"), and, for an options object, the option keys that
// may also be given as top-level named arguments (fundrawtransaction
// fee_rate=...). Rows are sorted by method.
struct JsonParameters {
    std::string_view method;
    size_t position;
    std::vector<std::string_view> names;
};

// The JSON parameters of Bitcoin Core v29's RPCs (its rpc/client.cpp table:
// the same conversions, so utxo-cli and bitcoin-cli send the same requests).
const std::vector<JsonParameters>& Table()
{
    static const std::vector<JsonParameters> table{
        {"addconnection", 2, {"v2transport"}},
        {"addmultisigaddress", 0, {"nrequired"}},
        {"addmultisigaddress", 1, {"keys"}},
        {"addnode", 2, {"v2transport"}},
        {"addpeeraddress", 1, {"port"}},
        {"addpeeraddress", 2, {"tried"}},
        {"bumpfee", 1, {"options", "conf_target", "fee_rate", "replaceable", "outputs", "original_change_index"}},
        {"combinepsbt", 0, {"txs"}},
        {"combinerawtransaction", 0, {"txs"}},
        {"converttopsbt", 1, {"permitsigdata"}},
        {"converttopsbt", 2, {"iswitness"}},
        {"createmultisig", 0, {"nrequired"}},
        {"createmultisig", 1, {"keys"}},
        {"createpsbt", 0, {"inputs"}},
        {"createpsbt", 1, {"outputs"}},
        {"createpsbt", 2, {"locktime"}},
        {"createpsbt", 3, {"replaceable"}},
        {"createrawtransaction", 0, {"inputs"}},
        {"createrawtransaction", 1, {"outputs"}},
        {"createrawtransaction", 2, {"locktime"}},
        {"createrawtransaction", 3, {"replaceable"}},
        {"createwallet", 1, {"disable_private_keys"}},
        {"createwallet", 2, {"blank"}},
        {"createwallet", 4, {"avoid_reuse"}},
        {"createwallet", 5, {"descriptors"}},
        {"createwallet", 6, {"load_on_startup"}},
        {"createwallet", 7, {"external_signer"}},
        {"createwalletdescriptor", 1, {"options", "internal"}},
        {"decoderawtransaction", 1, {"iswitness"}},
        {"deriveaddresses", 1, {"range"}},
        {"descriptorprocesspsbt", 1, {"descriptors"}},
        {"descriptorprocesspsbt", 3, {"bip32derivs"}},
        {"descriptorprocesspsbt", 4, {"finalize"}},
        {"disconnectnode", 1, {"nodeid"}},
        {"dumptxoutset", 2, {"options", "rollback"}},
        {"echojson", 0, {"arg0"}},
        {"echojson", 1, {"arg1"}},
        {"echojson", 2, {"arg2"}},
        {"echojson", 3, {"arg3"}},
        {"echojson", 4, {"arg4"}},
        {"echojson", 5, {"arg5"}},
        {"echojson", 6, {"arg6"}},
        {"echojson", 7, {"arg7"}},
        {"echojson", 8, {"arg8"}},
        {"echojson", 9, {"arg9"}},
        {"estimaterawfee", 0, {"conf_target"}},
        {"estimaterawfee", 1, {"threshold"}},
        {"estimatesmartfee", 0, {"conf_target"}},
        {"finalizepsbt", 1, {"extract"}},
        {"fundrawtransaction", 1, {"options", "add_inputs", "include_unsafe", "minconf", "maxconf", "changePosition", "includeWatching", "lockUnspents", "fee_rate", "feeRate", "subtractFeeFromOutputs", "input_weights", "conf_target", "replaceable", "solving_data", "max_tx_weight"}},
        {"fundrawtransaction", 2, {"iswitness"}},
        {"generateblock", 1, {"transactions"}},
        {"generateblock", 2, {"submit"}},
        {"generatetoaddress", 0, {"nblocks"}},
        {"generatetoaddress", 2, {"maxtries"}},
        {"generatetodescriptor", 0, {"num_blocks"}},
        {"generatetodescriptor", 2, {"maxtries"}},
        {"getbalance", 1, {"minconf"}},
        {"getbalance", 2, {"include_watchonly"}},
        {"getbalance", 3, {"avoid_reuse"}},
        {"getblock", 1, {"verbosity", "verbose"}},
        {"getblockfrompeer", 1, {"peer_id"}},
        {"getblockhash", 0, {"height"}},
        {"getblockheader", 1, {"verbose"}},
        {"getblockstats", 0, {"hash_or_height"}},
        {"getblockstats", 1, {"stats"}},
        {"getblocktemplate", 0, {"template_request"}},
        {"getchaintxstats", 0, {"nblocks"}},
        {"getdescriptoractivity", 0, {"blockhashes"}},
        {"getdescriptoractivity", 1, {"scanobjects"}},
        {"getdescriptoractivity", 2, {"include_mempool"}},
        {"gethdkeys", 0, {"active_only", "options", "private"}},
        {"getmempoolancestors", 1, {"verbose"}},
        {"getmempooldescendants", 1, {"verbose"}},
        {"getnetworkhashps", 0, {"nblocks"}},
        {"getnetworkhashps", 1, {"height"}},
        {"getnodeaddresses", 0, {"count"}},
        {"getorphantxs", 0, {"verbosity"}},
        {"getrawmempool", 0, {"verbose"}},
        {"getrawmempool", 1, {"mempool_sequence"}},
        {"getrawtransaction", 1, {"verbosity", "verbose"}},
        {"getreceivedbyaddress", 1, {"minconf"}},
        {"getreceivedbyaddress", 2, {"include_immature_coinbase"}},
        {"getreceivedbylabel", 1, {"minconf"}},
        {"getreceivedbylabel", 2, {"include_immature_coinbase"}},
        {"gettransaction", 1, {"include_watchonly"}},
        {"gettransaction", 2, {"verbose"}},
        {"gettxout", 1, {"n"}},
        {"gettxout", 2, {"include_mempool"}},
        {"gettxoutproof", 0, {"txids"}},
        {"gettxoutsetinfo", 1, {"hash_or_height"}},
        {"gettxoutsetinfo", 2, {"use_index"}},
        {"gettxspendingprevout", 0, {"outputs"}},
        {"importaddress", 2, {"rescan"}},
        {"importaddress", 3, {"p2sh"}},
        {"importdescriptors", 0, {"requests"}},
        {"importmempool", 1, {"options", "apply_fee_delta_priority", "use_current_time", "apply_unbroadcast_set"}},
        {"importmulti", 0, {"requests"}},
        {"importmulti", 1, {"options", "rescan"}},
        {"importprivkey", 2, {"rescan"}},
        {"importpubkey", 2, {"rescan"}},
        {"joinpsbts", 0, {"txs"}},
        {"keypoolrefill", 0, {"newsize"}},
        {"listdescriptors", 0, {"private"}},
        {"listreceivedbyaddress", 0, {"minconf"}},
        {"listreceivedbyaddress", 1, {"include_empty"}},
        {"listreceivedbyaddress", 2, {"include_watchonly"}},
        {"listreceivedbyaddress", 4, {"include_immature_coinbase"}},
        {"listreceivedbylabel", 0, {"minconf"}},
        {"listreceivedbylabel", 1, {"include_empty"}},
        {"listreceivedbylabel", 2, {"include_watchonly"}},
        {"listreceivedbylabel", 3, {"include_immature_coinbase"}},
        {"listsinceblock", 1, {"target_confirmations"}},
        {"listsinceblock", 2, {"include_watchonly"}},
        {"listsinceblock", 3, {"include_removed"}},
        {"listsinceblock", 4, {"include_change"}},
        {"listtransactions", 1, {"count"}},
        {"listtransactions", 2, {"skip"}},
        {"listtransactions", 3, {"include_watchonly"}},
        {"listunspent", 0, {"minconf"}},
        {"listunspent", 1, {"maxconf"}},
        {"listunspent", 2, {"addresses"}},
        {"listunspent", 3, {"include_unsafe"}},
        {"listunspent", 4, {"query_options", "minimumAmount", "maximumAmount", "maximumCount", "minimumSumAmount", "include_immature_coinbase"}},
        {"loadwallet", 1, {"load_on_startup"}},
        {"lockunspent", 0, {"unlock"}},
        {"lockunspent", 1, {"transactions"}},
        {"lockunspent", 2, {"persistent"}},
        {"logging", 0, {"include"}},
        {"logging", 1, {"exclude"}},
        {"mockscheduler", 0, {"delta_time"}},
        {"prioritisetransaction", 1, {"dummy"}},
        {"prioritisetransaction", 2, {"fee_delta"}},
        {"pruneblockchain", 0, {"height"}},
        {"psbtbumpfee", 1, {"options", "conf_target", "fee_rate", "replaceable", "outputs", "original_change_index"}},
        {"rescanblockchain", 0, {"start_height"}},
        {"rescanblockchain", 1, {"stop_height"}},
        {"restorewallet", 2, {"load_on_startup"}},
        {"scanblocks", 1, {"scanobjects"}},
        {"scanblocks", 2, {"start_height"}},
        {"scanblocks", 3, {"stop_height"}},
        {"scanblocks", 5, {"options", "filter_false_positives"}},
        {"scantxoutset", 1, {"scanobjects"}},
        {"send", 0, {"outputs"}},
        {"send", 1, {"conf_target"}},
        {"send", 3, {"fee_rate"}},
        {"send", 4, {"options", "add_inputs", "include_unsafe", "minconf", "maxconf", "add_to_wallet", "change_position", "fee_rate", "include_watching", "inputs", "locktime", "lock_unspents", "psbt", "subtract_fee_from_outputs", "conf_target", "replaceable", "solving_data", "max_tx_weight"}},
        {"sendall", 0, {"recipients"}},
        {"sendall", 1, {"conf_target"}},
        {"sendall", 3, {"fee_rate"}},
        {"sendall", 4, {"options", "add_to_wallet", "fee_rate", "include_watching", "inputs", "locktime", "lock_unspents", "psbt", "send_max", "minconf", "maxconf", "conf_target", "replaceable", "solving_data"}},
        {"sendmany", 1, {"amounts"}},
        {"sendmany", 2, {"minconf"}},
        {"sendmany", 4, {"subtractfeefrom"}},
        {"sendmany", 5, {"replaceable"}},
        {"sendmany", 6, {"conf_target"}},
        {"sendmany", 8, {"fee_rate"}},
        {"sendmany", 9, {"verbose"}},
        {"sendmsgtopeer", 0, {"peer_id"}},
        {"sendrawtransaction", 1, {"maxfeerate"}},
        {"sendrawtransaction", 2, {"maxburnamount"}},
        {"sendtoaddress", 1, {"amount"}},
        {"sendtoaddress", 4, {"subtractfeefromamount"}},
        {"sendtoaddress", 5, {"replaceable"}},
        {"sendtoaddress", 6, {"conf_target"}},
        {"sendtoaddress", 8, {"avoid_reuse"}},
        {"sendtoaddress", 9, {"fee_rate"}},
        {"sendtoaddress", 10, {"verbose"}},
        {"setban", 2, {"bantime"}},
        {"setban", 3, {"absolute"}},
        {"sethdseed", 0, {"newkeypool"}},
        {"setmocktime", 0, {"timestamp"}},
        {"setnetworkactive", 0, {"state"}},
        {"settxfee", 0, {"amount"}},
        {"setwalletflag", 1, {"value"}},
        {"signrawtransactionwithkey", 1, {"privkeys"}},
        {"signrawtransactionwithkey", 2, {"prevtxs"}},
        {"signrawtransactionwithwallet", 1, {"prevtxs"}},
        {"simulaterawtransaction", 0, {"rawtxs"}},
        {"simulaterawtransaction", 1, {"options", "include_watchonly"}},
        {"stop", 0, {"wait"}},
        {"submitpackage", 0, {"package"}},
        {"submitpackage", 1, {"maxfeerate"}},
        {"submitpackage", 2, {"maxburnamount"}},
        {"testmempoolaccept", 0, {"rawtxs"}},
        {"testmempoolaccept", 1, {"maxfeerate"}},
        {"unloadwallet", 1, {"load_on_startup"}},
        {"upgradewallet", 0, {"version"}},
        {"utxoupdatepsbt", 1, {"descriptors"}},
        {"verifychain", 0, {"checklevel"}},
        {"verifychain", 1, {"nblocks"}},
        {"waitforblock", 1, {"timeout"}},
        {"waitforblockheight", 0, {"height"}},
        {"waitforblockheight", 1, {"timeout"}},
        {"waitfornewblock", 0, {"timeout"}},
        {"walletcreatefundedpsbt", 0, {"inputs"}},
        {"walletcreatefundedpsbt", 1, {"outputs"}},
        {"walletcreatefundedpsbt", 2, {"locktime"}},
        {"walletcreatefundedpsbt", 3, {"options", "add_inputs", "include_unsafe", "minconf", "maxconf", "changePosition", "includeWatching", "lockUnspents", "fee_rate", "feeRate", "subtractFeeFromOutputs", "conf_target", "replaceable", "solving_data", "max_tx_weight"}},
        {"walletcreatefundedpsbt", 4, {"bip32derivs"}},
        {"walletpassphrase", 1, {"timeout"}},
        {"walletprocesspsbt", 1, {"sign"}},
        {"walletprocesspsbt", 3, {"bip32derivs"}},
        {"walletprocesspsbt", 4, {"finalize"}},
    };
    return table;
}

// The rows of one method (a contiguous range of the sorted table).
std::pair<std::vector<JsonParameters>::const_iterator, std::vector<JsonParameters>::const_iterator> Rows(
    std::string_view method)
{
    const auto& table = Table();
    return std::equal_range(table.begin(), table.end(), method, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::string_view>) {
            return a < b.method;
        } else {
            return a.method < b;
        }
    });
}

util::Result<boost::json::value> ParseArgument(std::string_view text)
{
    auto value = ReadJson(text);
    if (!value) return util::Error{"Error parsing JSON: " + std::string(text)};
    return std::move(*value);
}

// The argument as the table wants it: parsed JSON or the string as typed.
util::Result<boost::json::value> Convert(bool json, std::string_view text)
{
    if (!json) return boost::json::value(boost::json::string(text));
    return ParseArgument(text);
}

} // namespace

bool IsJsonParameter(std::string_view method, size_t index)
{
    const auto [begin, end] = Rows(method);
    return std::any_of(begin, end, [&](const JsonParameters& row) { return row.position == index; });
}

bool IsJsonParameter(std::string_view method, std::string_view name)
{
    const auto [begin, end] = Rows(method);
    return std::any_of(begin, end, [&](const JsonParameters& row) {
        return std::find(row.names.begin(), row.names.end(), name) != row.names.end();
    });
}

util::Result<boost::json::value> ConvertPositional(std::string_view method, const std::vector<std::string>& args)
{
    boost::json::array params;
    for (const std::string& arg : args) {
        auto value = Convert(IsJsonParameter(method, params.size()), arg);
        if (!value) return util::Error{value.error()};
        params.push_back(std::move(*value));
    }
    return boost::json::value(std::move(params));
}

util::Result<boost::json::value> ConvertNamed(std::string_view method, const std::vector<std::string>& args)
{
    boost::json::object params;
    boost::json::array positional;
    for (const std::string& arg : args) {
        const size_t eq = arg.find('=');
        if (eq == std::string::npos) {
            auto value = Convert(IsJsonParameter(method, positional.size()), arg);
            if (!value) return util::Error{value.error()};
            positional.push_back(std::move(*value));
            continue;
        }
        const std::string_view name = std::string_view(arg).substr(0, eq);
        auto value = Convert(IsJsonParameter(method, name), std::string_view(arg).substr(eq + 1));
        if (!value) return util::Error{value.error()};
        params[name] = std::move(*value); // a repeated name replaces the earlier value in place
    }
    // bitcoin-cli appends "args" without replacing an "args" given by name;
    // a JSON object has one value per key, and the server reads the first, so
    // the one given by name is kept.
    if (!positional.empty() && !params.contains("args")) params["args"] = std::move(positional);
    return boost::json::value(std::move(params));
}

} // namespace cli
