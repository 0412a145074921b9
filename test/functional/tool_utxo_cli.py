#!/usr/bin/env python3
"""utxo-cli as a user runs it, with bitcoin-cli's output and exit codes:
strings print raw, numbers as JSON, objects as JSON indented by 2 spaces;
-named; an RPC error prints "error code: N\\nerror message:\\n..." on stderr
and exits with abs(code) truncated to 8 bits (89 for -32601); a parameter
that is not JSON, wrong credentials and no server exit 1 with one "error:"
line; -rpcwait waits for a node being started; -stdin reads more arguments;
-rpcwallet=<name> sends to /wallet/<name> (checked against a stand-in HTTP
server that records the request, and against the node)."""
import base64
import http.server
import json
import threading

from test_framework.test_framework import (REGTEST_GENESIS, TestCase, assert_equal, assert_startswith,
                                           assert_true, free_port)


class RecordingServer:
    """A stand-in RPC server on 127.0.0.1 that records each request's path,
    Authorization header and JSON body, and answers result 0."""

    def __init__(self):
        self.requests = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                request = json.loads(body)
                owner.requests.append((self.path, self.headers.get("Authorization"), request))
                reply = json.dumps({"result": 0, "error": None, "id": request.get("id")}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class CLITest(TestCase):
    def run_test(self):
        node = self.nodes[0]

        self.log.info("results: numbers, raw strings, indented objects")
        assert_equal(node.cli("getblockcount"), (0, "0\n", ""))
        assert_equal(node.cli("getblockhash", "0"), (0, REGTEST_GENESIS + "\n", ""))
        rc, out, err = node.cli("getblockchaininfo")
        assert_equal((rc, err), (0, ""))
        info = json.loads(out)
        assert_equal(info["chain"], "regtest")
        lines = out.rstrip("\n").split("\n")
        assert_equal(lines[0], "{")
        assert_equal(lines[-1], "}")
        assert_startswith(lines[1], '  "')
        assert_true(not lines[1].startswith("   "), "members are indented by 2 spaces: %r" % lines[1])
        assert_true(out.endswith("}\n"), "one newline after the object")
        rc, out, _ = node.cli("help", "getblockhash")
        assert_equal(rc, 0)
        assert_startswith(out, "getblockhash height\n")

        self.log.info("-named")
        assert_equal(node.cli("-named", "getblockhash", "height=0"), (0, REGTEST_GENESIS + "\n", ""))

        self.log.info("errors")
        assert_equal(node.cli("nosuchmethod"), (32601 % 256, "", "error code: -32601\nerror message:\nMethod not found\n"))
        rc, out, err = node.cli("getblockhash", "1000")
        assert_equal((rc, out, err), (8, "", "error code: -8\nerror message:\nBlock height out of range\n"))
        assert_equal(node.cli("getblockhash", "abc"), (1, "", "error: Error parsing JSON: abc\n"))
        assert_equal(node.cli("-rpcpassword=wrong", "getblockcount"),
                     (1, "", "error: Authorization failed: Incorrect rpcuser or rpcpassword\n"))
        unused = free_port()
        rc, out, err = node.cli("-rpcport=%d" % unused, "getblockcount")
        assert_equal((rc, out), (1, ""))
        # bitcoin-cli v29 reports a connection failure as a transient error even without -rpcwait.
        assert_equal(err.split("\n")[0],
                     "error: timeout on transient error: Could not connect to the server 127.0.0.1:%d" % unused)

        self.log.info("-stdin")
        assert_equal(node.cli("-stdin", stdin="getblockhash\n0\n"), (0, REGTEST_GENESIS + "\n", ""))
        assert_equal(node.cli("-stdin", "getblockhash", stdin="0\n"), (0, REGTEST_GENESIS + "\n", ""))

        self.log.info("-rpcwallet")
        assert_equal(node.cli("-rpcwallet=w", "getblockcount"), (0, "0\n", ""))
        fake = RecordingServer()
        try:
            rc, out, err = node.cli("-rpcport=%d" % fake.port, "-rpcuser=u", "-rpcpassword=p", "-rpcwallet=w",
                                    "getblockcount")
            assert_equal((rc, out, err), (0, "0\n", ""))
            rc, out, err = node.cli("-rpcport=%d" % fake.port, "-rpcuser=u", "-rpcpassword=p", "getblockcount")
            assert_equal((rc, out, err), (0, "0\n", ""))
        finally:
            fake.close()
        assert_equal(len(fake.requests), 2)
        (path_w, auth, request), (path_plain, _, _) = fake.requests
        assert_equal(path_w, "/wallet/w")
        assert_equal(path_plain, "/")
        assert_equal(auth, "Basic " + base64.b64encode(b"u:p").decode())
        assert_equal(request["method"], "getblockcount")
        assert_equal(request["params"], [])

        self.log.info("no server: a stopped node")
        node.stop()
        rc, out, err = node.cli("getblockcount")
        assert_equal((rc, out), (1, ""))
        assert_startswith(err, "error: timeout on transient error: Could not connect to the server 127.0.0.1:%d"
                          % node.rpc_port)

        self.log.info("-rpcwait waits for a node being started")
        waiter = self.add_node(extra_args=["-rpcuser=u", "-rpcpassword=p"], rpc_user="u", rpc_password="p")
        cli = waiter.cli_popen("-rpcwait", "-rpcuser=u", "-rpcpassword=p", "getblockcount")
        waiter.start()
        out, err = cli.communicate(timeout=120)
        assert_equal((cli.returncode, out, err), (0, "0\n", ""))
        waiter.stop()


if __name__ == "__main__":
    CLITest().main()
