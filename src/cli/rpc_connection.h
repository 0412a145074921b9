// Where utxo-cli connects and how it authenticates, decided from its options
// exactly as bitcoin-cli decides them.
#ifndef UTXO_CLI_RPC_CONNECTION_H
#define UTXO_CLI_RPC_CONNECTION_H

#include <util/result.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cli {

struct Endpoint {
    std::string host;
    uint16_t port{0};
    // bitcoin-cli's warning (printed to stderr) when both -rpcconnect and
    // -rpcport name a port; empty otherwise.
    std::string warning;
};

// The port, in order of preference: -rpcport, the port in -rpcconnect, the
// network's default. Errors: "Invalid port provided in -rpcconnect: <value>",
// "Invalid port provided in -rpcport: <value>".
util::Result<Endpoint> SelectEndpoint(std::string_view rpcconnect, const std::optional<std::string>& rpcport,
                                      uint16_t default_port);

// The request path: "/" without a wallet, else "/wallet/<name>" with the name
// percent-encoded as libevent's evhttp_uriencode does (all but A-Z a-z 0-9
// - . _ ~, as %XX in upper case).
std::string RequestPath(const std::optional<std::string>& wallet);
std::string UriEncode(std::string_view text);

// The cookie file: -rpccookiefile (relative paths are under the network's data
// directory), by default (also when given empty) <network data dir>/.cookie; nullopt for
// -norpccookiefile, which means "send no credentials from a cookie".
std::optional<std::filesystem::path> CookieFilePath(const std::optional<std::string>& rpccookiefile, bool negated,
                                                    const std::filesystem::path& network_dir);

struct Credentials {
    std::string user_colon_password;
    // The cookie was needed but could not be read: a 401 reply is then
    // explained as "Could not locate RPC credentials..." instead of as a
    // wrong password.
    bool cookie_missing{false};
};

// A non-empty -rpcpassword wins ("<rpcuser>:<rpcpassword>"); otherwise the
// first line of the cookie file; when that cannot be read, empty credentials
// with cookie_missing set (the request is still sent, as bitcoin-cli does).
Credentials SelectCredentials(const std::string& rpcuser, const std::string& rpcpassword,
                              const std::optional<std::filesystem::path>& cookie_file);

} // namespace cli

#endif // UTXO_CLI_RPC_CONNECTION_H
