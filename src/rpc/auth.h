// Who may call the JSON-RPC interface: the cookie file, -rpcuser/-rpcpassword
// and -rpcauth, checked against an HTTP Basic Authorization header as Bitcoin
// Core checks them.
//
// Every credential is kept as Core's rpcauth triple (user, salt, hex
// HMAC-SHA256 of the password keyed with the salt); the cookie and
// -rpcpassword are hashed with a fresh random salt on the way in, so no
// plain-text password stays in memory and every check costs the same.
#ifndef UTXO_RPC_AUTH_H
#define UTXO_RPC_AUTH_H

#include <util/result.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rpc {

// User name of cookie authentication.
inline constexpr std::string_view COOKIE_USER{"__cookie__"};

// Writes Core's cookie, "__cookie__:" and 64 hex digits of 32 random bytes
// (no newline), to `path` + ".tmp" with mode 0600, then renames it over
// `path`, so a reader never sees a partial file. Returns "user:password".
// Errors name the file: "Unable to open cookie authentication file X for
// writing", "Unable to rename cookie authentication file X to Y".
util::Result<std::string> GenerateAuthCookie(const std::filesystem::path& path);

// Removes the cookie at shutdown; a missing file (or any other failure) is ignored.
void DeleteAuthCookie(const std::filesystem::path& path);

class Authenticator {
public:
    // `user_colon_password`: the cookie's or -rpcuser + ":" + -rpcpassword
    // (split at the first ':'; an error without one). `rpcauth_lines`: each
    // -rpcauth value, "user:salt$hmachex", one user per value as in Core v29:
    // exactly one ':' and, after it, exactly one '$'; anything else (an empty
    // value included) gives "Invalid -rpcauth argument.". With neither, no
    // header is ever accepted.
    static util::Result<Authenticator> Create(std::optional<std::string> user_colon_password,
                                              const std::vector<std::string>& rpcauth_lines);

    // The value of the Authorization header: "Basic " (exact case), then the
    // base64 of "user:password", surrounding whitespace allowed. Returns the
    // user name when it matches a credential, nullopt otherwise (bad scheme,
    // bad base64, no ':', unknown user, wrong password). Every credential is
    // checked and compared in constant time, so the time taken reveals
    // neither which users exist nor how much of a password was right.
    // Thread-safe (const).
    std::optional<std::string> Check(std::string_view authorization_header) const;

private:
    struct Credential {
        std::string user;
        std::string salt;
        std::string hmac_hex;
    };
    explicit Authenticator(std::vector<Credential> credentials) : m_credentials(std::move(credentials)) {}

    std::vector<Credential> m_credentials;
};

} // namespace rpc

#endif // UTXO_RPC_AUTH_H
