#!/usr/bin/env python3
"""-maxuploadtarget: with a budget below a day of new blocks, historical
blocks (older than a week) are not served: a peer asking for one is
disconnected, while a manual... (getnettotals reports the target); without
a target the same request gets the block. Bad values stop start-up."""
import os
import subprocess

from test_framework.p2p import MSG_BLOCK, MSG_WITNESS_FLAG, P2PConnection, inv_payload
from test_framework.test_framework import TestCase, assert_equal, assert_true, wait_until
from test_framework.util import top_builddir

LISTEN = ["listen=1", "bind=127.0.0.1"]


class UploadTargetTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def run_test(self):
        chain_file = os.path.join(self.tmpdir, "old.dat")
        # Default timestamps start in 2011: every block is historical.
        subprocess.run([os.path.join(top_builddir(), "contrib", "gen-chain", "gen-chain"), "--out=" + chain_file,
                        "--blocks=20", "--txs-per-block=2"], check=True, stdout=subprocess.DEVNULL)
        node = self.add_node(extra_conf=LISTEN)
        node.start(["-loadblock=" + chain_file, "-maxuploadtarget=1"])
        wait_until(lambda: node.rpc.call("getblockcount") == 20, what="the import")
        target = node.rpc.call("getnettotals")["uploadtarget"]
        assert_equal(target["target"], 1024 * 1024)
        assert_equal(target["serve_historical_blocks"], False)
        assert_equal(target["timeframe"], 86400)
        old = node.rpc.call("getblockhash", 5)

        self.log.info("a historical block is refused once the budget is spent")
        conn = P2PConnection(node.p2p_port)
        conn.handshake()
        conn.send("getdata", inv_payload([(MSG_BLOCK | MSG_WITNESS_FLAG, old)]))
        assert_true(conn.closed(), "disconnected")
        conn.close()

        self.log.info("without a target it is served")
        node.stop()
        node.wait_stopped()
        node.start()
        assert_equal(node.rpc.call("getnettotals")["uploadtarget"]["target"], 0)
        conn = P2PConnection(node.p2p_port)
        conn.handshake()
        conn.send("getdata", inv_payload([(MSG_BLOCK | MSG_WITNESS_FLAG, old)]))
        block = conn.wait_for("block")
        assert_equal(block[:80].hex(), node.rpc.call("getblockheader", old, False))
        conn.close()
        node.stop()
        node.wait_stopped()
        node.assert_start_error(["-maxuploadtarget=12x"], "Error: Unable to parse -maxuploadtarget: '12x'")


if __name__ == "__main__":
    UploadTargetTest().main()
