// HTTP status codes the server, the RPC layer and utxo-cli speak of
// (STATUS_ names: libevent defines HTTP_OK and friends as macros).
#ifndef UTXO_HTTP_STATUS_H
#define UTXO_HTTP_STATUS_H

namespace http {

enum Status : int {
    STATUS_OK = 200,
    STATUS_NO_CONTENT = 204,
    STATUS_BAD_REQUEST = 400,
    STATUS_UNAUTHORIZED = 401,
    STATUS_FORBIDDEN = 403,
    STATUS_NOT_FOUND = 404,
    STATUS_BAD_METHOD = 405,
    STATUS_PAYLOAD_TOO_LARGE = 413,
    STATUS_INTERNAL_SERVER_ERROR = 500,
    STATUS_SERVICE_UNAVAILABLE = 503,
};

} // namespace http

#endif // UTXO_HTTP_STATUS_H
