// utxod's version as clients see it: -version, getnetworkinfo, the P2P user agent.
#ifndef UTXO_NODE_VERSION_H
#define UTXO_NODE_VERSION_H

#include <string>
#include <vector>

namespace node {

// "0.1.0" (from configure).
std::string VersionString();
// getnetworkinfo's "version": the Bitcoin Core release whose interface utxod
// implements (290000 is v29.0), not utxod's own version, which "subversion"
// carries. Clients compare it with Core's numbers (bitcoin-cli -netinfo
// refuses a server below v0.21), so it must be on Core's scale.
constexpr int RPC_INTERFACE_VERSION = 290000;
// BIP14 user agent: "/utxod:0.1.0/", or "/utxod:0.1.0(c1; c2)/" with comments.
std::string UserAgent(const std::vector<std::string>& comments);
// True when every character may appear in a -uacomment (BIP14's safe set).
bool IsSafeUserAgentComment(const std::string& comment);

} // namespace node

#endif // UTXO_NODE_VERSION_H
