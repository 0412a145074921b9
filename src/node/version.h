// utxod's version as clients see it: -version, getnetworkinfo, the P2P user agent.
#ifndef UTXO_NODE_VERSION_H
#define UTXO_NODE_VERSION_H

#include <string>
#include <vector>

namespace node {

// "0.1.0" (from configure).
std::string VersionString();
// 10000 * major + 100 * minor + patch, as getnetworkinfo's "version".
int ClientVersion();
// BIP14 user agent: "/utxod:0.1.0/", or "/utxod:0.1.0(c1; c2)/" with comments.
std::string UserAgent(const std::vector<std::string>& comments);
// True when every character may appear in a -uacomment (BIP14's safe set).
bool IsSafeUserAgentComment(const std::string& comment);

} // namespace node

#endif // UTXO_NODE_VERSION_H
