#!/usr/bin/env python3
"""help and the simple informational RPCs on a fresh regtest node: help lists
commands under "== Category ==" headers and "help <command>" starts with the
command's synopsis; uptime; getrpcinfo (active commands, log path); logging
(categories on and off, unknown category -8); getnetworkinfo (subversion,
protocol version 70016, no connections, relay fee written as 0.00001000);
getblockchaininfo (regtest, height 0, genesis); getmemoryinfo."""
import decimal
import os

from test_framework.test_framework import (REGTEST_GENESIS, TestCase, assert_equal, assert_greater_than_or_equal,
                                           assert_in, assert_raises_rpc_error, assert_startswith, assert_true)


class HelpTest(TestCase):
    def run_test(self):
        node = self.nodes[0]
        rpc = node.rpc

        self.log.info("help")
        text = rpc.call("help")
        lines = text.split("\n")
        for header in ("== Blockchain ==", "== Control ==", "== Network =="):
            assert_in(header, lines, "help's category headers")
        headers = [l for l in lines if l.startswith("== ")]
        for h in headers:
            name = h[3:-3]
            assert_true(h.endswith(" ==") and name[:1].isupper() and name[1:] == name[1:].lower(),
                        "category header %r is \"== Capitalized ==\"" % h)
        assert_in("getblockhash height", lines)
        assert_in("help ( \"command\" )", lines)
        assert_in("stop", lines)
        assert_true(not text.endswith("\n"), "help's text has no trailing newline")
        assert_startswith(rpc.call("help", "getblockhash"), "getblockhash height\n")
        assert_startswith(rpc.call("help", "help"), "help ( \"command\" )\n")
        assert_equal(rpc.call("help", "nosuchcommand"), "help: unknown command: nosuchcommand")

        self.log.info("uptime")
        uptime = rpc.call("uptime")
        assert_true(isinstance(uptime, int), "uptime is an integer")
        assert_greater_than_or_equal(uptime, 0)

        self.log.info("getrpcinfo")
        info = rpc.call("getrpcinfo")
        assert_in("getrpcinfo", [c["method"] for c in info["active_commands"]])
        for c in info["active_commands"]:
            assert_true(isinstance(c["duration"], int) and c["duration"] >= 0, "duration in microseconds")
        assert_true(info["logpath"].endswith("debug.log"), "logpath %r ends in debug.log" % info["logpath"])
        assert_true(os.path.isabs(info["logpath"]), "logpath is absolute")
        assert_true(os.path.samefile(info["logpath"], node.debug_log), "logpath is the node's debug.log")

        self.log.info("logging")
        categories = rpc.call("logging")
        assert_true(isinstance(categories, dict) and categories, "logging returns an object")
        for name, on in categories.items():
            assert_true(isinstance(on, bool), "category %s maps to a bool" % name)
        assert_in("net", categories)
        assert_equal(rpc.call("logging", ["net"])["net"], True)
        assert_equal(rpc.call("logging")["net"], True)
        assert_equal(rpc.call("logging", [], ["net"])["net"], False)
        assert_raises_rpc_error(-8, "unknown logging category foo", rpc.call, "logging", ["foo"])
        assert_raises_rpc_error(-8, "unknown logging category foo", rpc.call, "logging", [], ["foo"])

        self.log.info("getnetworkinfo")
        info = rpc.call("getnetworkinfo")
        assert_startswith(info["subversion"], "/utxod:")
        assert_true(info["subversion"].endswith("/"), "subversion ends in /")
        assert_equal(info["protocolversion"], 70016)
        assert_equal(info["connections"], 0)
        assert_equal(info["relayfee"], decimal.Decimal("0.00001000"))
        status, _, body = rpc.raw(b'{"method":"getnetworkinfo","params":[],"id":1}')
        assert_equal(status, 200)
        assert_in(b'"relayfee":0.00001000', body, "relayfee written with 8 decimals")

        self.log.info("getblockchaininfo")
        info = rpc.call("getblockchaininfo")
        assert_equal(info["chain"], "regtest")
        assert_equal(info["blocks"], 0)
        assert_equal(info["headers"], 0)
        assert_equal(info["bestblockhash"], REGTEST_GENESIS)
        assert_equal(rpc.call("getbestblockhash"), REGTEST_GENESIS)
        assert_equal(rpc.call("getblockhash", 0), REGTEST_GENESIS)

        self.log.info("getmemoryinfo")
        info = rpc.call("getmemoryinfo")
        assert_true(isinstance(info.get("locked"), dict), "getmemoryinfo has a \"locked\" object: %r" % info)


if __name__ == "__main__":
    HelpTest().main()
