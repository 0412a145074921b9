#!/usr/bin/env python3
"""Bitcoin Core's own bitcoin-cli (v29 family, from depends/fetch-bitcoind.sh)
works against utxod unchanged: for each command it prints exactly what
utxo-cli prints, with the same exit code and error text (cookie
authentication, -named, -stdin, -rpcwait, -getinfo, errors, JSON arguments),
and its -netinfo, which checks the server's version number, works too.

Reported as skipped when no bitcoin-cli is available."""
import os
import subprocess

from test_framework.bitcoind import bitcoind_path, bitcoind_version
from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.test_framework import TestCase, assert_equal, assert_in, assert_true


class BitcoinCliTest(TestCase):
    def set_test_params(self):
        self.extra_conf = [["listen=1", "bind=127.0.0.1"]]

    def run_test(self):
        bitcoin_cli = os.path.join(os.path.dirname(bitcoind_path()), "bitcoin-cli")
        if bitcoind_version() is None or not os.access(bitcoin_cli, os.X_OK):
            self.skip("no bitcoin-cli to test with: depends/fetch-bitcoind.sh could not provide one")
        node = self.nodes[0]
        node.rpc.call("generatetoaddress", 3, ADDRESS_OP_TRUE)
        tip = node.rpc.call("getbestblockhash")
        # bitcoin-cli reads bitcoin.conf, not utxod.conf: the port is given.
        port = "-rpcport=%d" % node.rpc_port

        def run_both(*args, stdin=None):
            theirs = subprocess.run([bitcoin_cli, "-datadir=" + node.datadir, "-regtest", port] + list(args),
                                    input=stdin, capture_output=True, text=True, timeout=60)
            ours = subprocess.run(node.cli_args(port, *args), input=stdin, capture_output=True, text=True,
                                  timeout=60)
            return theirs, ours

        cases = [
            ("getblockcount",), ("getblock", tip), ("getblock", tip, "2"),
            ("-named", "getblock", "blockhash=" + tip, "verbosity=0"),
            ("getblockheader", tip, "false"), ("getblockstats", "2", '["height","txs"]'),
            ("-named", "getblockstats", "hash_or_height=2", 'stats=["height"]'),
            ("getchaintips",), ("getdeploymentinfo",), ("echojson", '{"a":1}', "[1,2]"),
            ("help", "getblock"), ("-rpcwait", "getbestblockhash"), ("-getinfo",),
            # errors: bad argument, unknown method, wrong credentials
            ("getblock", "nonsense"), ("nosuchmethod",), ("-rpcuser=x", "-rpcpassword=y", "getblockcount"),
        ]
        for args in cases:
            theirs, ours = run_both(*args)
            assert_equal((ours.returncode, ours.stdout, ours.stderr),
                         (theirs.returncode, theirs.stdout, theirs.stderr), "utxo-cli %r against bitcoin-cli" % (args,))
        theirs, ours = run_both("-stdin", "getblockhash", stdin="1\n")
        assert_equal((ours.returncode, ours.stdout), (theirs.returncode, theirs.stdout), "-stdin")
        assert_equal(theirs.stdout.strip(), node.rpc.call("getblockhash", 1))

        # -netinfo: a table headed by the client's own name, so only checked
        # to work (bitcoin-cli refuses servers whose version is below v0.21).
        theirs, _ = run_both("-netinfo")
        assert_equal((theirs.returncode, theirs.stderr), (0, ""), "bitcoin-cli -netinfo")
        assert_in("Local addresses", theirs.stdout)
        assert_true("server 70016/utxod:" in theirs.stdout, "bitcoin-cli -netinfo names utxod: " + theirs.stdout)


if __name__ == "__main__":
    BitcoinCliTest().main()
