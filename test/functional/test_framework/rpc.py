"""A JSON-RPC client for utxod on http.client: one persistent keep-alive
connection, HTTP Basic authentication from the node's .cookie file or from a
user and password, and a raw() method for tests that check the HTTP layer."""
import base64
import decimal
import http.client
import json
import os

from .util import TIMEOUT_FACTOR


class JSONRPCException(Exception):
    """The server answered with a JSON-RPC error object."""

    def __init__(self, code, message, http_status=None, error=None):
        super().__init__("%s (%s)" % (message, code))
        self.code = code
        self.message = message
        self.http_status = http_status
        self.error = error


class HTTPError(Exception):
    """The server answered with an HTTP error status and no JSON-RPC reply
    (401, 403, 404 without a body, 503, ...)."""

    def __init__(self, status, reason, body):
        super().__init__("HTTP %d %s: %r" % (status, reason, body[:200]))
        self.status = status
        self.reason = reason
        self.body = body


def read_cookie(path):
    """The user:password pair in a .cookie file, without a trailing newline."""
    with open(path, "r") as f:
        return f.read().strip()


def _json_default(o):
    if isinstance(o, decimal.Decimal):
        return float(o)
    raise TypeError(repr(o))


class RPCClient:
    def __init__(self, host, port, user=None, password=None, cookie_file=None, path="/",
                 timeout=60, jsonrpc_version=None):
        """Authenticate as user:password if a password is given, else with the
        contents of cookie_file (read when first needed, and again after
        reload_cookie()). jsonrpc_version None sends legacy JSON-RPC 1.0
        requests (no "jsonrpc" key); "2.0" sends 2.0 requests."""
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.cookie_file = cookie_file
        self.path = path
        self.timeout = timeout * TIMEOUT_FACTOR
        self.jsonrpc_version = jsonrpc_version
        self._auth = None
        self._conn = None
        self._id = 0

    # --- credentials and connection ---

    def auth_header(self):
        if self._auth is None:
            if self.password is not None:
                pair = "%s:%s" % (self.user or "", self.password)
            elif self.cookie_file is not None:
                pair = read_cookie(self.cookie_file)
            else:
                return None
            self._auth = "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")
        return self._auth

    def reload_cookie(self):
        self._auth = None

    def clone(self, path=None, user=None, password=None):
        """A new client (with its own connection) for another endpoint or other
        credentials; credentials default to this client's."""
        if password is None:
            user, password = self.user, self.password
        return RPCClient(self.host, self.port, user=user, password=password, cookie_file=self.cookie_file,
                         path=self.path if path is None else path, timeout=self.timeout / TIMEOUT_FACTOR,
                         jsonrpc_version=self.jsonrpc_version)

    @property
    def connection(self):
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self._conn

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _request(self, method, path, body, headers):
        """Send one request on the persistent connection and read the whole
        answer. A connection the server closed while idle is reopened once."""
        conn = self.connection
        reused = conn.sock is not None
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            self.close()
            if not reused:
                raise
            conn = self.connection
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
        if response.will_close:
            self.close()
        return response.status, response.reason, response.headers, data

    # --- raw HTTP ---

    def raw(self, body, path=None, headers=None, method="POST", auth=True):
        """Send body (bytes or str) as-is; returns (status, headers, body bytes).
        Adds this client's Authorization unless auth is False or the given
        headers carry their own."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        h = {"Content-Type": "application/json"}
        if auth and self.auth_header() is not None:
            h["Authorization"] = self.auth_header()
        for k, v in (headers or {}).items():
            for existing in [e for e in h if e.lower() == k.lower()]:
                del h[existing]
            if v is not None:
                h[k] = v
        status, _, resp_headers, data = self._request(method, path or self.path, body, h)
        return status, resp_headers, data

    # --- JSON-RPC ---

    def request_object(self, method, params):
        self._id += 1
        obj = {"method": method, "params": params, "id": self._id}
        if self.jsonrpc_version is not None:
            obj["jsonrpc"] = self.jsonrpc_version
        return obj

    def call(self, method, *params, **named):
        """Call a method with positional or named parameters (not both) and
        return its result; raises JSONRPCException on an error reply and
        HTTPError on an HTTP error without a JSON-RPC reply."""
        if params and named:
            raise ValueError("use positional or named parameters, not both")
        obj = self.request_object(method, named if named else list(params))
        body = json.dumps(obj, default=_json_default).encode("utf-8")
        status, reason, _, data = self._request("POST", self.path, body, {
            "Content-Type": "application/json", **({"Authorization": self.auth_header()} if self.auth_header() else {})})
        try:
            reply = json.loads(data.decode("utf-8"), parse_float=decimal.Decimal)
        except ValueError:
            raise HTTPError(status, reason, data)
        if not isinstance(reply, dict):
            raise HTTPError(status, reason, data)
        error = reply.get("error")
        if error is not None:
            code = error.get("code") if isinstance(error, dict) else None
            message = error.get("message", "") if isinstance(error, dict) else str(error)
            raise JSONRPCException(code, message, http_status=status, error=error)
        if status != 200:
            raise HTTPError(status, reason, data)
        if "result" not in reply:
            raise HTTPError(status, "reply without result", data)
        return reply["result"]

    def __getattr__(self, name):
        """node.rpc.getblockcount() is node.rpc.call("getblockcount")."""
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *params, **named: self.call(name, *params, **named)


def cookie_path(chaindir):
    return os.path.join(chaindir, ".cookie")
