#!/usr/bin/env python3
"""Headers-first sync from scratch of a 2,000-block chain from our own
generator (contrib/gen-chain: signed P2PKH, P2WPKH, P2SH-multisig, P2WSH and
P2TR spends): node0 imports it with -loadblock; node1 syncs from node0 alone,
node2 from node0 and node1 at once; all three end with the same tip and the
same UTXO set (gettxoutsetinfo's hash_serialized_3); a restarted node
reconnects and stays in sync."""
import os
import subprocess
import time

from test_framework.test_framework import TestCase, assert_equal, wait_until
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


if __name__ == "__main__":
    P2PGeneratedChainTest().main()
