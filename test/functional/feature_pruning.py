#!/usr/bin/env python3
"""Pruning: -prune with -txindex or -reindex-chainstate is refused at
start-up; pruneblockchain without -prune is an error; with -prune=1
(manual) and 64 KiB block files (-fastprune) pruneblockchain removes old
block files but keeps the last 288 blocks, getblock of a pruned block is a
clear error, getblockchaininfo reports it, and the node keeps mining and
restarts on what is left."""
import os

from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.test_framework import TestCase, assert_equal, assert_raises_rpc_error, assert_true


class PruningTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 1

    def run_test(self):
        node = self.nodes[0]
        assert_raises_rpc_error(-1, "Cannot prune blocks because node is not in prune mode.",
                                node.rpc.call, "pruneblockchain", 10)
        node.stop()
        node.assert_start_error(["-prune=550", "-txindex"], "Error: Prune mode is incompatible with -txindex.")
        node.assert_start_error(["-prune=550", "-reindex-chainstate"],
                                "Error: Prune mode is incompatible with -reindex-chainstate. Use full -reindex instead.")
        node.assert_start_error(["-prune=100"], "Error: Prune configured below the minimum of 550 MiB.  Please use a higher number.")

        self.log.info("manual pruning of a 1200-block chain in 64 KiB files")
        node.start(["-prune=1", "-fastprune"])
        hashes = node.rpc.call("generatetoaddress", 1200, ADDRESS_OP_TRUE)
        blocks_dir = os.path.join(node.chaindir, "blocks")
        assert_true(os.path.exists(os.path.join(blocks_dir, "blk00000.dat")), "first block file before pruning")
        info = node.rpc.call("getblockchaininfo")
        assert_equal((info["pruned"], info["pruneheight"], info["automatic_pruning"]), (True, 0, False))
        assert_raises_rpc_error(-8, "Blockchain is shorter than the attempted prune height.",
                                node.rpc.call, "pruneblockchain", 5000)
        pruned = node.rpc.call("pruneblockchain", 600)
        assert_true(0 < pruned <= 600, "pruned up to %d" % pruned)
        assert_equal(node.rpc.call("getblockchaininfo")["pruneheight"], pruned + 1)
        assert_true(not os.path.exists(os.path.join(blocks_dir, "blk00000.dat")), "blk00000.dat removed")
        assert_true(not os.path.exists(os.path.join(blocks_dir, "rev00000.dat")), "rev00000.dat removed")
        assert_raises_rpc_error(-1, "Block not available (pruned data)", node.rpc.call, "getblock", hashes[10])
        assert_equal(node.rpc.call("getblockheader", hashes[10])["height"], 11)
        assert_equal(node.rpc.call("getblock", hashes[-1])["height"], 1200)

        self.log.info("the last 288 blocks are always kept")
        again = node.rpc.call("pruneblockchain", 1200)
        assert_true(again <= 1200 - 288, "kept the last 288 blocks (pruned to %d)" % again)
        node.rpc.call("getblock", hashes[1200 - 288])

        self.log.info("the node carries on and restarts")
        node.rpc.call("generatetoaddress", 5, ADDRESS_OP_TRUE)
        node.stop()
        node.start(["-prune=1", "-fastprune"])
        assert_equal(node.rpc.call("getblockcount"), 1205)
        assert_equal(node.rpc.call("verifychain", 3, 10), True)


if __name__ == "__main__":
    PruningTest().main()
