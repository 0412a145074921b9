#include <http/client.h>

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include <memory>

namespace http {
namespace {

struct BaseDeleter {
    void operator()(event_base* base) const { event_base_free(base); }
};
struct ConnectionDeleter {
    void operator()(evhttp_connection* connection) const { evhttp_connection_free(connection); }
};

// What the callbacks learn; read after the event loop has finished.
struct Exchange {
    int status{0};
    int error{-1};
    std::string body;
};

void OnDone(evhttp_request* request, void* context)
{
    auto* exchange = static_cast<Exchange*>(context);
    // A null request means libevent failed the request after connecting; the
    // error callback has already said why. A request with status 0 means the
    // connection itself failed (libevent gives no error code for that).
    if (request == nullptr) return;
    exchange->status = evhttp_request_get_response_code(request);
    if (evbuffer* input = evhttp_request_get_input_buffer(request)) {
        const size_t size = evbuffer_get_length(input);
        if (size > 0) {
            const auto* data = reinterpret_cast<const char*>(evbuffer_pullup(input, static_cast<ev_ssize_t>(size)));
            if (data) exchange->body.assign(data, size);
            evbuffer_drain(input, size);
        }
    }
}

void OnError(evhttp_request_error error, void* context) { static_cast<Exchange*>(context)->error = error; }

ClientFailure Failure(ClientFailureKind kind, int code, std::string description)
{
    return ClientFailure{kind, code, std::move(description)};
}

// libevent's evhttp_request_error values in words, as bitcoin-cli prints them.
ClientFailure FailureFromLibevent(int code)
{
    switch (code) {
    case EVREQ_HTTP_TIMEOUT: return Failure(ClientFailureKind::TIMEOUT, code, "timeout reached");
    case EVREQ_HTTP_EOF: return Failure(ClientFailureKind::END_OF_FILE, code, "EOF reached");
    case EVREQ_HTTP_INVALID_HEADER:
        return Failure(ClientFailureKind::INVALID_HEADER, code, "error while reading header, or invalid header");
    case EVREQ_HTTP_BUFFER_ERROR:
        return Failure(ClientFailureKind::BUFFER_ERROR, code, "error encountered while reading or writing");
    case EVREQ_HTTP_REQUEST_CANCEL: return Failure(ClientFailureKind::CANCELED, code, "request was canceled");
    case EVREQ_HTTP_DATA_TOO_LONG:
        return Failure(ClientFailureKind::DATA_TOO_LONG, code, "response body is larger than allowed");
    default: return Failure(ClientFailureKind::CONNECT, code, "unknown");
    }
}

} // namespace

std::string EncodeBase64(std::string_view data)
{
    static constexpr char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= data.size(); i += 3) {
        const uint32_t n = (static_cast<uint8_t>(data[i]) << 16) | (static_cast<uint8_t>(data[i + 1]) << 8) |
                           static_cast<uint8_t>(data[i + 2]);
        out += ALPHABET[(n >> 18) & 63];
        out += ALPHABET[(n >> 12) & 63];
        out += ALPHABET[(n >> 6) & 63];
        out += ALPHABET[n & 63];
    }
    if (const size_t rest = data.size() - i; rest > 0) {
        uint32_t n = static_cast<uint8_t>(data[i]) << 16;
        if (rest == 2) n |= static_cast<uint8_t>(data[i + 1]) << 8;
        out += ALPHABET[(n >> 18) & 63];
        out += ALPHABET[(n >> 12) & 63];
        out += rest == 2 ? ALPHABET[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

ClientResult Post(const ClientRequest& request)
{
    std::unique_ptr<event_base, BaseDeleter> base(event_base_new());
    if (!base) return Failure(ClientFailureKind::INTERNAL, -1, "cannot create event base");
    // With no DNS base, libevent resolves the host with a blocking getaddrinfo when connecting.
    std::unique_ptr<evhttp_connection, ConnectionDeleter> connection(
        evhttp_connection_base_new(base.get(), nullptr, request.host.c_str(), request.port));
    if (!connection) return Failure(ClientFailureKind::INTERNAL, -1, "create connection failed");

    // libevent has no "no timeout" for HTTP; five years is as good as none.
    constexpr int FIVE_YEARS = 5 * 31556952;
    const auto seconds = request.timeout.count();
    evhttp_connection_set_timeout(connection.get(), seconds > 0 && seconds < FIVE_YEARS ? static_cast<int>(seconds) : FIVE_YEARS);

    Exchange exchange;
    evhttp_request* http_request = evhttp_request_new(OnDone, &exchange);
    if (!http_request) return Failure(ClientFailureKind::INTERNAL, -1, "create http request failed");
    evhttp_request_set_error_cb(http_request, OnError);

    evkeyvalq* headers = evhttp_request_get_output_headers(http_request);
    evhttp_add_header(headers, "Host", request.host.c_str());
    evhttp_add_header(headers, "Connection", "close");
    if (request.basic_auth) {
        evhttp_add_header(headers, "Authorization", ("Basic " + EncodeBase64(*request.basic_auth)).c_str());
    }
    for (const auto& [name, value] : request.headers) evhttp_add_header(headers, name.c_str(), value.c_str());
    evbuffer_add(evhttp_request_get_output_buffer(http_request), request.body.data(), request.body.size());

    // The connection owns the request from here, whether or not this succeeds.
    if (evhttp_make_request(connection.get(), http_request, EVHTTP_REQ_POST, request.target.c_str()) != 0) {
        return Failure(ClientFailureKind::CONNECT, -1, "send http request failed");
    }
    event_base_dispatch(base.get());

    if (exchange.status == 0) {
        if (exchange.error == -1) return Failure(ClientFailureKind::CONNECT, -1, "could not connect");
        return FailureFromLibevent(exchange.error);
    }
    return ClientResponse{exchange.status, std::move(exchange.body)};
}

} // namespace http
