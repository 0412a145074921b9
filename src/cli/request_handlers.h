// The kinds of call utxo-cli makes: a plain RPC, and the client-side
// commands -getinfo, -generate, -addrinfo and -netinfo, each of which sends
// one or more RPCs and shapes their replies as bitcoin-cli does.
#ifndef UTXO_CLI_REQUEST_HANDLERS_H
#define UTXO_CLI_REQUEST_HANDLERS_H

#include <cli/rpc_call.h>
#include <script/address_params.h>

#include <string>
#include <vector>

namespace cli {

// `utxo-cli <method> [args]`: arguments converted by the table (positional,
// or by name with -named); the reply must be an object and is passed on.
class DefaultHandler : public RequestHandler {
public:
    explicit DefaultHandler(bool named) : m_named(named) {}
    util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                    const std::vector<std::string>& args) override;
    util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) override;

private:
    bool m_named;
};

// Splits a batch reply into its members by id (bitcoin-cli's
// JSONRPCProcessBatchReply): errors "Batch must be an array", "Batch member
// must be an object", "Batch member id is larger than batch size".
util::Result<std::vector<boost::json::value>> ProcessBatchReply(const boost::json::value& reply);

// -getinfo: a batch of getnetworkinfo, getblockchaininfo, getwalletinfo and
// getbalances; the first two must succeed (their error is the reply's), the
// wallet ones may fail. The result object holds version, blocks, headers,
// verificationprogress, timeoffset, connections {in,out,total}, networks,
// difficulty, chain, [has_wallet, keypoolsize, walletname, unlocked_until,
// paytxfee], [balance], relayfee, warnings, in that order.
class GetinfoHandler : public RequestHandler {
public:
    util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                    const std::vector<std::string>& args) override;
    util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) override;
};

// -generate [nblocks [maxtries]] after getnewaddress gave `address`: the
// arguments for generatetoaddress (nblocks, address, maxtries), nblocks 1 by
// default. Errors: "too many arguments (maximum 2 for nblocks and maxtries)",
// "the first argument (number of blocks to generate, default: 1) must be an
// integer value greater than zero" (for "0").
// Where -generate mines when the node has no wallet to ask (utxod has none
// yet): the P2WSH address of the script OP_TRUE, which anyone can spend with
// the witness [OP_TRUE] (the address Bitcoin Core's own tests mine to).
std::string AnyoneCanSpendAddress(const script::AddressParams& params);

util::Result<std::vector<std::string>> GenerateToAddressArgs(const std::string& address,
                                                             std::vector<std::string> args);

// -generate: calls generatetoaddress and replies {"address":..,"blocks":<result>}.
class GenerateHandler : public RequestHandler {
public:
    util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                    const std::vector<std::string>& args) override;
    util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) override;

private:
    std::string m_address;
};

// -addrinfo: getnodeaddresses 0, counted per network:
// {"addresses_known": {"ipv4":n, "ipv6":n, "torv2":n, "torv3":n, "i2p":n, "cjdns":n, "total":n}}.
class AddrinfoHandler : public RequestHandler {
public:
    util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                    const std::vector<std::string>& args) override;
    util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) override;
};

} // namespace cli

#endif // UTXO_CLI_REQUEST_HANDLERS_H
