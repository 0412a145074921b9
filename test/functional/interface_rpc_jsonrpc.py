#!/usr/bin/env python3
"""JSON-RPC request and reply formats, as bitcoind v29 has them.

JSON-RPC 1.0 (no "jsonrpc" key, or "1.0"): replies carry "result", "error"
and "id"; an error reply has result null and HTTP status 500, except 404 for
method not found (-32601) and 400 for an invalid request (-32600).
JSON-RPC 2.0: replies carry "jsonrpc":"2.0" and exactly one of result/error,
with HTTP 200 even for errors raised by the method; a notification (no id)
gets 204 and no body. Other versions are rejected (-32600). Batches: replies
in order without the notifications; an all-notification batch gets 204; an
empty batch gets []. Malformed bodies (-32700), missing method, bad params,
unknown methods, named parameters, argument type and count errors, and the
echo/echojson methods."""
import json

from test_framework.test_framework import (REGTEST_GENESIS, TestCase, assert_equal, assert_raises_rpc_error,
                                           assert_startswith)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMETER = -8
TYPE_ERROR = -3
MISC_ERROR = -1


class JSONRPCTest(TestCase):
    def post(self, body):
        """POST body (an object to serialize, or bytes as they are); returns
        (HTTP status, parsed reply or None for an empty body)."""
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        status, headers, data = self.node.rpc.raw(body)
        if not data:
            return status, None
        assert_equal(headers.get("Content-Type"), "application/json", "Content-Type of a JSON reply")
        return status, json.loads(data)

    def expect(self, body, status, reply, what):
        got_status, got_reply = self.post(body)
        assert_equal((got_status, got_reply), (status, reply), what)

    def v1_error(self, code, message, id_):
        return {"result": None, "error": {"code": code, "message": message}, "id": id_}

    def v2_error(self, code, message, id_):
        return {"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": id_}

    def run_test(self):
        self.node = self.nodes[0]
        rpc = self.node.rpc

        self.log.info("JSON-RPC 1.0")
        self.expect({"method": "getblockcount", "params": [], "id": 1}, 200,
                    {"result": 0, "error": None, "id": 1}, "1.0 success")
        self.expect({"jsonrpc": "1.0", "method": "getblockcount", "params": [], "id": "x"}, 200,
                    {"result": 0, "error": None, "id": "x"}, "explicit jsonrpc 1.0")
        self.expect({"method": "getblockcount", "id": 2}, 200,
                    {"result": 0, "error": None, "id": 2}, "params may be left out")
        self.expect({"method": "nosuchmethod", "params": [], "id": 3}, 404,
                    self.v1_error(METHOD_NOT_FOUND, "Method not found", 3), "1.0 method not found")
        self.expect({"params": [], "id": 4}, 400,
                    self.v1_error(INVALID_REQUEST, "Missing method", 4), "1.0 missing method")
        self.expect({"method": "getblockhash", "params": [1000], "id": 5}, 500,
                    self.v1_error(INVALID_PARAMETER, "Block height out of range", 5), "1.0 error from the method")
        self.expect({"method": "getblockcount", "params": 5, "id": 6}, 400,
                    self.v1_error(INVALID_REQUEST, "Params must be an array or object", 6), "params a number")
        self.expect({"method": "getblockcount", "params": "x", "id": 7}, 400,
                    self.v1_error(INVALID_REQUEST, "Params must be an array or object", 7), "params a string")

        self.log.info("JSON-RPC 2.0")
        self.expect({"jsonrpc": "2.0", "method": "getblockcount", "params": [], "id": "a"}, 200,
                    {"jsonrpc": "2.0", "result": 0, "id": "a"}, "2.0 success")
        self.expect({"jsonrpc": "2.0", "method": "nosuchmethod", "params": [], "id": "b"}, 200,
                    self.v2_error(METHOD_NOT_FOUND, "Method not found", "b"), "2.0 method not found")
        self.expect({"jsonrpc": "2.0", "method": "getblockhash", "params": [1000], "id": None}, 200,
                    self.v2_error(INVALID_PARAMETER, "Block height out of range", None), "2.0 error, id null")
        self.expect({"jsonrpc": "2.0", "method": "getblockcount", "params": []}, 204, None, "2.0 notification")
        self.expect({"jsonrpc": "2.0", "method": "nosuchmethod", "params": []}, 204, None,
                    "2.0 notification of an unknown method")
        status, reply = self.post({"jsonrpc": "3.0", "method": "getblockcount", "params": [], "id": 8})
        assert_equal(status, 400, "unsupported version: HTTP status")
        assert_equal(reply["error"], {"code": INVALID_REQUEST, "message": "JSON-RPC version not supported"})
        assert_equal(reply["id"], 8)

        self.log.info("batches")
        batch = [
            {"method": "getblockcount", "params": [], "id": 1},
            {"jsonrpc": "2.0", "method": "getbestblockhash", "params": [], "id": 2},
            {"jsonrpc": "2.0", "method": "getblockcount", "params": []},
            {"method": "nosuchmethod", "params": [], "id": 3},
            {"jsonrpc": "2.0", "method": "getblockhash", "params": [1000], "id": 4},
            {"id": 5},
            {"jsonrpc": "2.0", "method": "nosuchmethod"},
        ]
        self.expect(batch, 200, [
            {"result": 0, "error": None, "id": 1},
            {"jsonrpc": "2.0", "result": REGTEST_GENESIS, "id": 2},
            self.v1_error(METHOD_NOT_FOUND, "Method not found", 3),
            self.v2_error(INVALID_PARAMETER, "Block height out of range", 4),
            self.v1_error(INVALID_REQUEST, "Missing method", 5),
        ], "mixed batch")
        self.expect([{"jsonrpc": "2.0", "method": "getblockcount", "params": []},
                     {"jsonrpc": "2.0", "method": "getbestblockhash"}], 204, None, "all-notification batch")
        self.expect([], 200, [], "empty batch")

        self.log.info("malformed bodies")
        status, reply = self.post(b"this is not json")
        assert_equal(status, 500)
        assert_equal(reply["result"], None)
        assert_equal(reply["error"], {"code": PARSE_ERROR, "message": "Parse error"})
        status, reply = self.post(b"1")
        assert_equal(status, 500)
        assert_equal(reply["error"], {"code": PARSE_ERROR, "message": "Top-level object parse error"})
        status, reply = self.post(b'"getblockcount"')
        assert_equal(reply["error"], {"code": PARSE_ERROR, "message": "Top-level object parse error"})

        self.log.info("named parameters")
        assert_equal(rpc.call("getblockhash", height=0), REGTEST_GENESIS)
        self.expect({"method": "getblockhash", "params": {"height": 0}, "id": 9}, 200,
                    {"result": REGTEST_GENESIS, "error": None, "id": 9}, "named height")
        e = assert_raises_rpc_error(INVALID_PARAMETER, None, rpc.call, "getblockhash", height=0, foo=1)
        assert_equal(e.message, "Unknown named parameter foo")
        assert_equal(e.http_status, 500)

        self.log.info("argument errors")
        e = assert_raises_rpc_error(TYPE_ERROR, None, rpc.call, "getblockhash", "0")
        assert_startswith(e.message, "Wrong type passed:")
        e = assert_raises_rpc_error(INVALID_PARAMETER, None, rpc.call, "getblockhash", 1000)
        assert_equal(e.message, "Block height out of range")
        e = assert_raises_rpc_error(INVALID_PARAMETER, None, rpc.call, "getblockhash", -1)
        assert_equal(e.message, "Block height out of range")
        e = assert_raises_rpc_error(MISC_ERROR, None, rpc.call, "getblockhash", 0, 1)
        assert_startswith(e.message, "getblockhash height\n", "too many parameters: the help text")
        e = assert_raises_rpc_error(MISC_ERROR, None, rpc.call, "getblockhash")
        assert_startswith(e.message, "getblockhash height\n", "too few parameters: the help text")
        e = assert_raises_rpc_error(METHOD_NOT_FOUND, "Method not found", rpc.call, "nosuchmethod")
        assert_equal(e.http_status, 404)

        self.log.info("echo and echojson")
        params = ["a", 1, True, None, {"b": [1, "c"]}, [2.5]]
        assert_equal(rpc.call("echo", *params), params)
        assert_equal(rpc.call("echojson", *params), params)
        assert_equal(rpc.call("echo"), [])
        status, reply = self.post({"jsonrpc": "2.0", "method": "echo", "params": ["x", 2], "id": 10})
        assert_equal((status, reply), (200, {"jsonrpc": "2.0", "result": ["x", 2], "id": 10}))

        self.log.info("a JSON-RPC 2.0 client")
        v2 = self.node.rpc_client(jsonrpc_version="2.0")
        assert_equal(v2.call("getblockcount"), 0)
        e = assert_raises_rpc_error(METHOD_NOT_FOUND, "Method not found", v2.call, "nosuchmethod")
        assert_equal(e.http_status, 200)
        v2.close()


if __name__ == "__main__":
    JSONRPCTest().main()
