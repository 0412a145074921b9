// A blocking HTTP/1.1 client: one POST, one reply, then the connection closes.
//
// Built on libevent's evhttp client, as bitcoin-cli's is, so that what goes
// wrong is seen the way bitcoin-cli sees it: a failure to connect (refused,
// unreachable, unresolvable host, timeout while connecting) is reported with
// no libevent error code, while a failure after the connection was made
// carries libevent's code ("EOF reached" when the server closed without a
// reply, "timeout reached"...). utxo-cli prints both kinds in bitcoin-cli's
// words and retries them under -rpcwait.
//
// Any HTTP status is a successful exchange: the caller decides what a 401 or
// a 500 means. Not thread safe per call, but calls share nothing, so any
// number may run at once on different threads.
#ifndef UTXO_HTTP_CLIENT_H
#define UTXO_HTTP_CLIENT_H

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace http {

struct ClientRequest {
    // A host name, an IPv4 address or an IPv6 address without brackets;
    // names are resolved (blocking) when connecting.
    std::string host;
    uint16_t port{0};
    std::string target{"/"}; // the request path, already URI-encoded
    // Sent as "Authorization: Basic <base64(user:password)>" when set (even when empty).
    std::optional<std::string> basic_auth;
    std::vector<std::pair<std::string, std::string>> headers; // extra headers, in order
    std::string body;
    // For connecting and for each read or write; zero or less means none.
    std::chrono::seconds timeout{0};
};

struct ClientResponse {
    int status{0}; // the HTTP status code
    std::string body;
};

enum class ClientFailureKind {
    CONNECT,        // no connection could be made (refused, unreachable, DNS, connect timeout)
    TIMEOUT,        // connected, then no complete reply in time
    END_OF_FILE,    // connected, then the server closed the connection without a reply
    INVALID_HEADER, // the reply's status line or headers did not parse
    BUFFER_ERROR,   // a read or write on the socket failed
    CANCELED,       // the request was canceled
    DATA_TOO_LONG,  // the reply was larger than allowed
    INTERNAL,       // the request could not be set up (out of memory, bad host string)
};

struct ClientFailure {
    ClientFailureKind kind;
    // libevent's number for the failure (its enum evhttp_request_error:
    // 0 timeout, 1 EOF, 2 invalid header, 3 buffer error, 4 canceled, 5 too
    // long), which bitcoin-cli prints as "error code N"; -1 when libevent gave
    // none, which is the case for every CONNECT failure.
    int code{-1};
    // libevent's words for `code` ("EOF reached"); for INTERNAL, what failed.
    std::string description;
};

using ClientResult = std::variant<ClientResponse, ClientFailure>;

// Sends `request` as a POST with "Host: <host>" and "Connection: close" and
// waits for the whole reply. Blocks for at most about the timeout per step.
ClientResult Post(const ClientRequest& request);

// Base64 (RFC 4648, with padding) of `data`, as used in Basic authentication.
std::string EncodeBase64(std::string_view data);

} // namespace http

#endif // UTXO_HTTP_CLIENT_H
