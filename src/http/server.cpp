#include <http/server.h>

#include <http/server_core.h>

namespace http {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

} // namespace

std::string_view MethodName(Request::Method method)
{
    switch (method) {
    case Request::Method::GET: return "GET";
    case Request::Method::POST: return "POST";
    case Request::Method::HEAD: return "HEAD";
    case Request::Method::PUT: return "PUT";
    case Request::Method::OTHER: break;
    }
    return "unknown";
}

Request::Request(detail::ServerCore& core, std::shared_ptr<detail::PendingRequest> pending)
    : m_core(core), m_pending(std::move(pending))
{
}

Request::~Request()
{
    if (m_replied) return;
    m_core.Logger().Log(util::LogLevel::Warning, "Unhandled HTTP request for " + m_uri);
    Reply(500, "Unhandled request");
}

std::optional<std::string> Request::Header(std::string_view name) const
{
    for (const auto& [key, value] : m_headers) {
        if (EqualsIgnoringCase(key, name)) return value;
    }
    return std::nullopt;
}

void Request::AddHeader(std::string name, std::string value)
{
    m_reply_headers.emplace_back(std::move(name), std::move(value));
}

void Request::Reply(int status, std::string body)
{
    if (m_replied) {
        m_core.Logger().Log(util::LogLevel::Warning, "Second reply to HTTP request for " + m_uri + " ignored");
        return;
    }
    m_replied = true;
    m_core.PostReply(m_pending, detail::Response{status, std::move(m_reply_headers), std::move(body)});
}

Server::Server(std::unique_ptr<detail::ServerCore> core) : m_core(std::move(core)) {}

Server::~Server() = default; // ~ServerCore stops

util::Result<std::unique_ptr<Server>> Server::Start(ServerOptions options, util::Logger& logger,
                                                    std::vector<Route> routes)
{
    auto core = detail::ServerCore::Start(std::move(options), logger, std::move(routes));
    if (!core) return util::Error{core.error()};
    return std::unique_ptr<Server>(new Server(std::move(core.value())));
}

std::vector<Endpoint> Server::BoundEndpoints() const { return m_core->BoundEndpoints(); }

void Server::AddHandler(std::string prefix, bool exact_match, Handler handler)
{
    m_core->AddHandler(std::move(prefix), exact_match, std::move(handler));
}

void Server::RemoveHandler(const std::string& prefix) { m_core->RemoveHandler(prefix); }

void Server::Interrupt() { m_core->Interrupt(); }

void Server::Stop() { m_core->Stop(); }

} // namespace http
