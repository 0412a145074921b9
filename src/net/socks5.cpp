#include <net/socks5.h>

#include <util/ip_address.h>

#include <algorithm>

namespace net {

namespace {

constexpr uint8_t SOCKS_VERSION = 0x05;
constexpr uint8_t AUTH_VERSION = 0x01; // RFC 1929's sub-negotiation version
constexpr uint8_t METHOD_NONE = 0x00;
constexpr uint8_t METHOD_USER_PASSWORD = 0x02;
constexpr uint8_t METHOD_NO_ACCEPTABLE = 0xff;
constexpr uint8_t CMD_CONNECT = 0x01;
constexpr uint8_t ATYP_IPV4 = 0x01;
constexpr uint8_t ATYP_NAME = 0x03;
constexpr uint8_t ATYP_IPV6 = 0x04;

void AppendString(util::Bytes& out, std::string_view text)
{
    out.push_back(static_cast<uint8_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
}

} // namespace

std::string Socks5ReplyText(uint8_t code)
{
    switch (code) {
    case 0x01: return "general failure";
    case 0x02: return "connection not allowed";
    case 0x03: return "network unreachable";
    case 0x04: return "host unreachable";
    case 0x05: return "connection refused";
    case 0x06: return "TTL expired";
    case 0x07: return "protocol error";
    case 0x08: return "address type not supported";
    case 0xf0: return "onion service descriptor can not be found";
    case 0xf1: return "onion service descriptor is invalid";
    case 0xf2: return "onion service introduction failed";
    case 0xf3: return "onion service rendezvous failed";
    case 0xf4: return "onion service missing client authorization";
    case 0xf5: return "onion service wrong client authorization";
    case 0xf6: return "onion service invalid address";
    case 0xf7: return "onion service introduction timed out";
    default: return "unknown error " + std::to_string(code);
    }
}

util::Result<Socks5Handshake> Socks5Handshake::Start(std::string_view host, uint16_t port,
                                                     std::optional<Socks5Credentials> credentials)
{
    Socks5Handshake handshake;
    util::Bytes& request = handshake.m_connect_request;
    request = {SOCKS_VERSION, CMD_CONNECT, 0x00};
    if (auto ip = util::IpAddress::Parse(host)) {
        request.push_back(ip->is_ipv4 ? ATYP_IPV4 : ATYP_IPV6);
        request.insert(request.end(), ip->bytes.begin(), ip->bytes.begin() + ip->Size());
    } else {
        if (host.empty() || host.size() > 255) return util::Error{"a SOCKS5 host name must have 1 to 255 characters"};
        request.push_back(ATYP_NAME);
        AppendString(request, host);
    }
    request.push_back(static_cast<uint8_t>(port >> 8));
    request.push_back(static_cast<uint8_t>(port & 0xff));
    if (credentials) {
        const auto bad = [](const std::string& s) { return s.empty() || s.size() > 255; };
        if (bad(credentials->username) || bad(credentials->password)) {
            return util::Error{"SOCKS5 credentials must have 1 to 255 characters each"};
        }
        handshake.m_output = {SOCKS_VERSION, 0x02, METHOD_NONE, METHOD_USER_PASSWORD};
    } else {
        handshake.m_output = {SOCKS_VERSION, 0x01, METHOD_NONE};
    }
    handshake.m_credentials = std::move(credentials);
    return handshake;
}

util::Bytes Socks5Handshake::TakeOutput()
{
    util::Bytes out;
    out.swap(m_output);
    return out;
}

void Socks5Handshake::Fail(std::string reason)
{
    m_state = State::FAILED;
    m_error = std::move(reason);
}

size_t Socks5Handshake::Feed(util::ByteSpan data)
{
    if (m_state != State::IN_PROGRESS) return 0;
    // Only what completes the handshake is consumed; a reply is at most 262
    // bytes, so the buffer stays small whatever the proxy sends.
    const size_t before = m_received.size();
    m_received.insert(m_received.end(), data.begin(), data.end());
    size_t used_total = 0;
    while (m_state == State::IN_PROGRESS) {
        size_t used = 0;
        switch (m_step) {
        case Step::METHOD: used = ParseMethod(); break;
        case Step::AUTH: used = ParseAuth(); break;
        case Step::CONNECT: used = ParseConnect(); break;
        }
        if (used == 0) break;
        m_received.erase(m_received.begin(), m_received.begin() + used);
        used_total += used;
    }
    if (m_state == State::FAILED) return data.size();
    if (m_state == State::DONE) {
        // What was buffered from earlier calls was consumed first.
        m_received.clear();
        return used_total - before;
    }
    return data.size();
}

size_t Socks5Handshake::ParseMethod()
{
    if (m_received.size() < 2) return 0;
    if (m_received[0] != SOCKS_VERSION) {
        Fail("proxy failed to initialize");
        return 2;
    }
    const uint8_t method = m_received[1];
    if (method == METHOD_USER_PASSWORD && m_credentials) {
        m_output = {AUTH_VERSION};
        AppendString(m_output, m_credentials->username);
        AppendString(m_output, m_credentials->password);
        m_step = Step::AUTH;
    } else if (method == METHOD_NONE) {
        m_output = m_connect_request;
        m_step = Step::CONNECT;
    } else {
        Fail(method == METHOD_NO_ACCEPTABLE ? "proxy accepts none of our authentication methods"
                                            : "proxy requested wrong authentication method " + std::to_string(method));
    }
    return 2;
}

size_t Socks5Handshake::ParseAuth()
{
    if (m_received.size() < 2) return 0;
    if (m_received[0] != AUTH_VERSION || m_received[1] != 0x00) {
        Fail("proxy authentication unsuccessful");
    } else {
        m_output = m_connect_request;
        m_step = Step::CONNECT;
    }
    return 2;
}

size_t Socks5Handshake::ParseConnect()
{
    if (m_received.size() < 5) return 0;
    if (m_received[0] != SOCKS_VERSION) {
        Fail("proxy failed to accept request");
        return m_received.size();
    }
    if (m_received[1] != 0x00) {
        Fail("connect to target failed: " + Socks5ReplyText(m_received[1]));
        return m_received.size();
    }
    if (m_received[2] != 0x00) {
        Fail("malformed proxy response");
        return m_received.size();
    }
    size_t address_size = 0;
    switch (m_received[3]) {
    case ATYP_IPV4: address_size = 4; break;
    case ATYP_IPV6: address_size = 16; break;
    case ATYP_NAME: address_size = 1 + size_t{m_received[4]}; break;
    default:
        Fail("malformed proxy response");
        return m_received.size();
    }
    const size_t total = 4 + address_size + 2; // header, bound address, bound port
    if (m_received.size() < total) return 0;
    m_state = State::DONE;
    return total;
}

} // namespace net
