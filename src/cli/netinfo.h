// -netinfo: a dashboard of the node's peer connections, from getpeerinfo and
// getnetworkinfo, as bitcoin-cli v29 prints it.
//
// utxo-cli sends the same batch as bitcoin-cli, passes on the server's errors
// the same way and prints the page of netinfo_text.h. One check of
// bitcoin-cli is left out: it refuses servers whose getnetworkinfo "version"
// is below 209900 (v0.21.0), which utxod's own version numbers are.
#ifndef UTXO_CLI_NETINFO_H
#define UTXO_CLI_NETINFO_H

#include <cli/netinfo_text.h>
#include <cli/rpc_call.h>
#include <util/clock.h>

#include <string>
#include <vector>

namespace cli {

class NetinfoHandler : public RequestHandler {
public:
    // `client_version` ("v0.1.0") and `chain` ("main", "test", "regtest"...)
    // appear in the first line of the page; `clock` gives "now" for the times
    // in the peer list and must outlive the handler.
    NetinfoHandler(std::string client_version, std::string chain, const util::Clock& clock);
    // `args`: [level [outonly]], which shape the pages of the replies
    // processed after this call (by default level 0, all peers). The level is
    // 0 to 255 (above 4 reads as 4); outonly is "outonly" or "o" and needs a
    // level above 0; later arguments are ignored. Errors: "invalid -netinfo
    // level argument: <arg>" and "invalid -netinfo outonly argument: <arg>",
    // each with a pointer to the help.
    util::Result<boost::json::value> PrepareRequest(const std::string& method,
                                                    const std::vector<std::string>& args) override;
    // The batch's replies by id; an error of getpeerinfo (else of
    // getnetworkinfo) is the reply, else the page is its result. Errors:
    // ProcessBatchReply's and FormatNetinfo's.
    util::Result<boost::json::value> ProcessReply(const boost::json::value& reply) override;

private:
    NetinfoOptions m_options;
    const util::Clock& m_clock;
};

// The help text of "-netinfo help".
std::string NetinfoHelp();

} // namespace cli

#endif // UTXO_CLI_NETINFO_H
