#!/usr/bin/env python3
"""RPC authentication: the .cookie file (mode 0600) authenticates; a wrong
password or no Authorization header gets 401 with
WWW-Authenticate: Basic realm="jsonrpc"; -rpcuser/-rpcpassword authenticate
(and no cookie file is written then); -rpcauth lines made by
share/rpcauth/rpcauth.py (plain and -j JSON output) authenticate their user,
a wrong password for that user gets 401, and the cookie keeps working next to
them."""
import base64
import json
import os
import stat
import subprocess
import sys

from test_framework.test_framework import (TestCase, assert_equal, assert_in, assert_startswith, assert_true,
                                           top_srcdir)

REALM = 'Basic realm="jsonrpc"'


def basic(user, password):
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


def rpcauth_script(*args):
    path = os.path.join(top_srcdir(), "share", "rpcauth", "rpcauth.py")
    p = subprocess.run([sys.executable, path] + list(args), capture_output=True, text=True, timeout=60)
    assert_equal(p.returncode, 0, "rpcauth.py exit code (stderr: %s)" % p.stderr)
    return p.stdout


class RPCAuthTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def check_401(self, node, headers, what):
        status, headers, body = node.rpc.raw('{"method":"getblockcount","params":[],"id":1}', headers=headers)
        assert_equal(status, 401, what)
        assert_equal(headers.get("WWW-Authenticate"), REALM, what + ": WWW-Authenticate")

    def check_ok(self, node, headers, what):
        status, _, body = node.rpc.raw('{"method":"getblockcount","params":[],"id":1}', headers=headers)
        assert_equal(status, 200, what)
        assert_equal(json.loads(body)["result"], 0, what)

    def run_test(self):
        self.log.info("cookie authentication")
        node = self.add_node()
        node.start()
        assert_equal(node.rpc.call("getblockcount"), 0)
        mode = stat.S_IMODE(os.stat(node.cookie_file).st_mode)
        assert_equal(oct(mode), oct(0o600), ".cookie permissions")
        with open(node.cookie_file) as f:
            user, password = f.read().strip().split(":", 1)
        assert_equal(user, "__cookie__")
        self.check_ok(node, {"Authorization": basic(user, password)}, "cookie credentials")
        self.check_401(node, {"Authorization": basic(user, password + "x")}, "wrong cookie password")
        self.check_401(node, {"Authorization": basic("someone", password)}, "wrong user with the cookie password")
        self.check_401(node, {"Authorization": None}, "no Authorization header")
        self.check_401(node, {"Authorization": "Bearer " + password}, "not Basic")
        node.stop()

        self.log.info("-rpcuser/-rpcpassword")
        node = self.add_node(extra_args=["-rpcuser=bob", "-rpcpassword=correct horse"],
                             rpc_user="bob", rpc_password="correct horse")
        node.start()
        assert_equal(node.rpc.call("getblockcount"), 0)
        assert_true(not os.path.exists(node.cookie_file), "no .cookie with -rpcpassword")
        self.check_ok(node, {"Authorization": basic("bob", "correct horse")}, "rpcuser/rpcpassword")
        self.check_401(node, {"Authorization": basic("bob", "wrong")}, "wrong rpcpassword")
        self.check_401(node, {"Authorization": basic("alice", "correct horse")}, "wrong rpcuser")
        self.check_401(node, {"Authorization": None}, "no Authorization header")
        node.stop()

        self.log.info("-rpcauth from share/rpcauth/rpcauth.py")
        out = rpcauth_script("alice")
        lines = out.splitlines()
        rpcauth_lines = [l for l in lines if l.startswith("rpcauth=")]
        assert_equal(len(rpcauth_lines), 1, "one rpcauth= line in %r" % out)
        alice_auth = rpcauth_lines[0]
        assert_startswith(alice_auth, "rpcauth=alice:")
        assert_in("$", alice_auth)
        assert_in("Your password:", lines)
        alice_password = lines[lines.index("Your password:") + 1]
        assert_true(len(alice_password) > 0, "a generated password")

        doc = json.loads(rpcauth_script("-j", "carol"))
        assert_equal(doc["username"], "carol")
        assert_startswith(doc["rpcauth"], "carol:")
        carol_password, carol_auth = doc["password"], doc["rpcauth"]
        doc = json.loads(rpcauth_script("-j", "dave", "given password"))
        assert_equal(doc["password"], "given password")
        dave_auth = doc["rpcauth"]

        node = self.add_node(extra_args=["-" + alice_auth, "-rpcauth=" + dave_auth],
                             extra_conf=["rpcauth=" + carol_auth])
        node.start()  # with the cookie: -rpcauth does not turn it off
        assert_equal(node.rpc.call("getblockcount"), 0)
        self.check_ok(node, {"Authorization": basic("alice", alice_password)}, "rpcauth user alice")
        self.check_ok(node, {"Authorization": basic("carol", carol_password)}, "rpcauth user carol (from the config file)")
        self.check_ok(node, {"Authorization": basic("dave", "given password")}, "rpcauth user dave")
        assert_equal(node.rpc_client(user="alice", password=alice_password).call("getblockcount"), 0)
        self.check_401(node, {"Authorization": basic("alice", alice_password + "x")}, "wrong password for alice")
        self.check_401(node, {"Authorization": basic("alice", carol_password)}, "carol's password for alice")
        self.check_401(node, {"Authorization": basic("eve", alice_password)}, "unknown user")
        node.stop()


if __name__ == "__main__":
    RPCAuthTest().main()
