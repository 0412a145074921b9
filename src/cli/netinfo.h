// -netinfo: a summary of the node's peer connections from getpeerinfo and
// getnetworkinfo.
//
// Partial: bitcoin-cli's -netinfo prints, besides the counts per network, a
// table of peers at levels 1 to 4. utxo-cli sends the same batch, passes on
// the server's errors the same way (so today, without a P2P layer in utxod,
// it prints the server's error for getpeerinfo) and prints the counts, the
// header line and the local addresses; the peer tables are not implemented.
#ifndef UTXO_CLI_NETINFO_H
#define UTXO_CLI_NETINFO_H

#include <cli/rpc_call.h>

#include <string>
#include <vector>

namespace cli {

class NetinfoHandler : public RequestHandler {
public:
    // `client_version` ("v0.1.0") and `chain` ("main", "test", "regtest"...)
    // appear in the first line of the page.
    NetinfoHandler(std::string client_version, std::string chain);
    util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                    const std::vector<std::string>& args) override;
    util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) override;

private:
    std::string m_client_version;
    std::string m_chain;
};

// The help text of "-netinfo help".
std::string NetinfoHelp();

} // namespace cli

#endif // UTXO_CLI_NETINFO_H
