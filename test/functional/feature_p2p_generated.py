#!/usr/bin/env python3
"""Headers-first sync from scratch of a 2,000-block chain from our own
generator (contrib/gen-chain: signed P2PKH, P2WPKH, P2SH-multisig, P2WSH and
P2TR spends): node0 imports it with -loadblock; node1 syncs from node0 alone,
node2 from node0 and node1 at once; all three end with the same tip and the
same UTXO set (gettxoutsetinfo's hash_serialized_3); a restarted node
reconnects and stays in sync. With -minimumchainwork above what the first
2,000 headers carry, a fresh node measures the chain before storing any
header (presync, then redownload) and still syncs; with a minimum the chain
never reaches, it stores no header at all."""
import os
import subprocess
import time

from test_framework.test_framework import TestCase, assert_equal, assert_true, wait_until
from test_framework.util import top_builddir

LISTEN = ["listen=1", "bind=127.0.0.1"]
BLOCKS = 2000


class P2PGeneratedChainTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def utxo_hash(self, node):
        return node.rpc.call("gettxoutsetinfo")["hash_serialized_3"]

    def run_test(self):
        chain_file = os.path.join(self.tmpdir, "chain.dat")
        # Timestamps end about now, so the chain's tip is recent and its holder serves it.
        start = int(time.time()) - BLOCKS * 600
        subprocess.run([os.path.join(top_builddir(), "contrib", "gen-chain", "gen-chain"), "--out=" + chain_file,
                        "--blocks=%d" % BLOCKS, "--txs-per-block=4", "--start-time=%d" % start],
                       check=True, stdout=subprocess.DEVNULL)

        node0 = self.add_node(extra_conf=LISTEN)
        node0.start(["-loadblock=" + chain_file])
        wait_until(lambda: node0.rpc.call("getblockcount") == BLOCKS, what="node0 to import the chain")
        tip = node0.rpc.call("getbestblockhash")
        reference = self.utxo_hash(node0)

        self.log.info("node1 syncs %d blocks from node0" % BLOCKS)
        node1 = self.add_node(extra_conf=LISTEN + ["connect=127.0.0.1:%d" % node0.p2p_port])
        node1.start()
        wait_until(lambda: node1.rpc.call("getbestblockhash") == tip, timeout=300, what="node1 to sync")
        assert_equal(self.utxo_hash(node1), reference)

        self.log.info("node2 syncs from two peers at once")
        node2 = self.add_node(extra_conf=LISTEN + ["addnode=127.0.0.1:%d" % node0.p2p_port,
                                                   "addnode=127.0.0.1:%d" % node1.p2p_port])
        node2.start()
        wait_until(lambda: node2.rpc.call("getbestblockhash") == tip, timeout=300, what="node2 to sync")
        assert_equal(self.utxo_hash(node2), reference)
        wait_until(lambda: node2.rpc.call("getconnectioncount") == 2, what="node2's two peers")
        received = [p["bytesrecv_per_msg"].get("block", 0) for p in node2.rpc.call("getpeerinfo")]
        assert_equal(len(received), 2)

        self.log.info("a restarted node reconnects and follows new blocks")
        node1.stop()
        node1.wait_stopped()
        node1.start()
        assert_equal(node1.rpc.call("getbestblockhash"), tip)
        wait_until(lambda: node1.rpc.call("getconnectioncount") == 1, what="node1 to reconnect")
        new = node0.rpc.call("generatetodescriptor", 3, "raw(51)")
        for node in (node1, node2):
            wait_until(lambda: node.rpc.call("getbestblockhash") == new[-1], what="the new blocks to propagate")

        self.log.info("low-work header protection: presync then redownload, or nothing stored")
        new = node0.rpc.call("generatetodescriptor", 60, "raw(51)")
        minimum = node0.rpc.call("getblockheader", node0.rpc.call("getblockhash", BLOCKS + 30))["chainwork"]
        node3 = self.add_node(extra_conf=LISTEN + ["connect=127.0.0.1:%d" % node0.p2p_port])
        node3.start(["-minimumchainwork=" + minimum, "-debug=net"])
        wait_until(lambda: node3.rpc.call("getbestblockhash") == new[-1], timeout=300, what="node3 to sync")
        log = node3.log_since_start()
        assert_true("Initial headers sync started with peer=" in log, "presync started")
        assert_true("Initial headers sync complete with peer=" in log, "presync completed")
        too_much = "%064x" % (int(minimum, 16) * 2)
        node4 = self.add_node(extra_conf=LISTEN + ["connect=127.0.0.1:%d" % node0.p2p_port])
        node4.start(["-minimumchainwork=" + too_much])
        wait_until(lambda: "Initial headers sync aborted (too little work)" in node4.log_since_start(),
                   what="node4 to give up on the weak chain")
        assert_equal(node4.rpc.call("getblockchaininfo")["headers"], 0)
        assert_equal(len(node4.rpc.call("getchaintips")), 1)


if __name__ == "__main__":
    P2PGeneratedChainTest().main()
