// The client side of a SOCKS5 CONNECT (RFC 1928), with username/password
// authentication (RFC 1929) when credentials are given, as bytes in and bytes
// out: the connection manager moves the bytes, this decides what they mean.
//
// -proxy sends every outbound connection through such a proxy (Tor's SOCKS
// port, usually). The target is an IPv4/IPv6 literal or a name, which the
// proxy resolves, so no name lookup leaks past it. -proxyrandomize gives each
// connection its own credentials, which Tor takes as a request for a
// separate circuit. Pure; one object per connection, not thread-safe.
#ifndef UTXO_NET_SOCKS5_H
#define UTXO_NET_SOCKS5_H

#include <util/byte_span.h>
#include <util/result.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace net {

struct Socks5Credentials {
    std::string username; // 1 to 255 bytes each (RFC 1929)
    std::string password;
};

class Socks5Handshake {
public:
    enum class State { IN_PROGRESS, DONE, FAILED };

    // Starts a CONNECT to host:port. host: an IPv4 or IPv6 literal (sent as
    // such) or a name of at most 255 bytes (sent for the proxy to resolve).
    // Errors: an empty or oversized name or credential.
    static util::Result<Socks5Handshake> Start(std::string_view host, uint16_t port,
                                               std::optional<Socks5Credentials> credentials);

    // Bytes to write to the proxy now (the greeting right after Start, then
    // whatever each Feed produced); empties the queue.
    util::Bytes TakeOutput();

    // Takes bytes read from the proxy. Returns how many belong to the
    // handshake: once DONE, the rest (if any) is the peer's first data.
    size_t Feed(util::ByteSpan data);

    State GetState() const { return m_state; }
    // Why it FAILED, in Core's words where it has them ("connection refused").
    const std::string& Error() const { return m_error; }

private:
    enum class Step { METHOD, AUTH, CONNECT };
    Socks5Handshake() = default;
    void Fail(std::string reason);
    // Parses one complete reply at the start of m_received; 0 when incomplete.
    size_t ParseMethod();
    size_t ParseAuth();
    size_t ParseConnect();

    Step m_step{Step::METHOD};
    State m_state{State::IN_PROGRESS};
    std::string m_error;
    util::Bytes m_output;
    util::Bytes m_received;
    util::Bytes m_connect_request;
    std::optional<Socks5Credentials> m_credentials;
};

// RFC 1928's reply codes and Tor's extensions (0xf0-0xf7) as Core words them.
std::string Socks5ReplyText(uint8_t code);

} // namespace net

#endif // UTXO_NET_SOCKS5_H
