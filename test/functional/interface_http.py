#!/usr/bin/env python3
"""The HTTP layer of the RPC server: HTTP/1.1 keep-alive (several requests on
one connection) and "Connection: close"; GET gets 405 "JSONRPC server handles
only POST requests"; an unknown path gets 404; a body over 32 MiB gets 413
(the server stays usable after it); the /wallet/<name> endpoint answers
(non-wallet methods work there). 503 (work queue full) needs a blocking call
to be deterministic and is left to the unit tests."""
import http.client
import json
import select
import socket

from test_framework.test_framework import TestCase, assert_equal, assert_in, assert_true

GETBLOCKCOUNT = b'{"method":"getblockcount","params":[],"id":1}'
MAX_BODY = 32 * 1024 * 1024


def post_oversized(node, size, timeout=60):
    """POST a body of `size` bytes on a raw socket. Stops sending as soon as
    the server answers (a server may reject on Content-Length alone and close
    the connection); returns the HTTP status line."""
    s = socket.create_connection(("127.0.0.1", node.rpc_port), timeout=timeout)
    try:
        head = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %s\r\nContent-Type: application/json\r\n"
                "Content-Length: %d\r\n\r\n" % (node.rpc.auth_header(), size)).encode()
        s.sendall(head)
        chunk = b" " * 65536
        sent = 0
        s.setblocking(False)
        while sent < size:
            readable, writable, _ = select.select([s], [s], [], timeout)
            if readable:
                break
            if not writable:
                raise AssertionError("server neither reads the body nor answers (%d of %d bytes sent)" % (sent, size))
            try:
                sent += s.send(chunk[:min(len(chunk), size - sent)])
            except BlockingIOError:
                pass
            except (BrokenPipeError, ConnectionResetError):
                break
        s.setblocking(True)
        s.settimeout(timeout)
        data = b""
        while b"\r\n" not in data:
            try:
                more = s.recv(4096)
            except ConnectionResetError:
                break
            if not more:
                break
            data += more
        return data.split(b"\r\n", 1)[0].decode("latin-1")
    finally:
        s.close()


class HTTPTest(TestCase):
    def run_test(self):
        node = self.nodes[0]
        auth = {"Authorization": node.rpc.auth_header(), "Content-Type": "application/json"}

        self.log.info("keep-alive: several requests on one connection")
        conn = http.client.HTTPConnection("127.0.0.1", node.rpc_port, timeout=60)
        conn.connect()
        sock = conn.sock
        for i in range(5):
            conn.request("POST", "/", GETBLOCKCOUNT, auth)
            r = conn.getresponse()
            assert_equal(r.status, 200)
            assert_equal(json.loads(r.read())["result"], 0)
            assert_true(conn.sock is sock, "request %d reused the connection" % (i + 1))
        conn.close()

        self.log.info("Connection: close: the server closes the connection after its answer")
        with socket.create_connection(("127.0.0.1", node.rpc_port), timeout=60) as s:
            s.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: %s\r\n"
                      b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                      % (node.rpc.auth_header().encode(), len(GETBLOCKCOUNT), GETBLOCKCOUNT))
            data = b""
            while True:  # until the server closes
                try:
                    more = s.recv(65536)
                except TimeoutError:
                    raise AssertionError("the server kept the connection open after Connection: close")
                if not more:
                    break
                data += more
        assert_true(data.startswith(b"HTTP/1.1 200"), "200 answer, got %r" % data[:100])
        assert_equal(json.loads(data.split(b"\r\n\r\n", 1)[1])["result"], 0)

        self.log.info("GET gets 405")
        status, _, body = node.rpc.raw(b"", method="GET")
        assert_equal(status, 405)
        assert_in(b"JSONRPC server handles only POST requests", body)
        status, _, body = node.rpc.raw(b"", method="GET", auth=False)
        assert_equal(status, 405, "405 comes before authentication")

        self.log.info("unknown path gets 404")
        status, _, _ = node.rpc.raw(GETBLOCKCOUNT, path="/foo")
        assert_equal(status, 404)
        status, _, _ = node.rpc.raw(GETBLOCKCOUNT, path="/walletfoo")
        assert_equal(status, 404)

        self.log.info("a body over 32 MiB gets 413")
        status_line = post_oversized(node, MAX_BODY + 1024 * 1024)
        assert_true(status_line.startswith("HTTP/1.1 413") or status_line.startswith("HTTP/1.0 413"),
                    "413 status line, got %r" % status_line)
        assert_equal(node.rpc.call("getblockcount"), 0)  # still serving

        self.log.info("/wallet/<name> endpoint")
        wallet = node.rpc_client(path="/wallet/foo")
        assert_equal(wallet.call("getblockcount"), 0)
        status, _, body = wallet.raw(b'{"method":"getwalletinfo","params":[],"id":7}')
        reply = json.loads(body)
        assert_equal(reply["id"], 7)
        if reply["error"] is not None:
            # -32601: no wallet support; -18: wallet "foo" is not loaded.
            assert_true(reply["error"]["code"] in (-32601, -18), "getwalletinfo error: %r" % reply["error"])
            assert_equal(status, {-32601: 404, -18: 500}[reply["error"]["code"]], "HTTP status of a 1.0 error")
        wallet.close()


if __name__ == "__main__":
    HTTPTest().main()
