#!/usr/bin/env python3
"""getrawtransaction: from a given block (any node), through -txindex (built
in the background for a chain that already exists, then following new
blocks), verbosity 0/1/2, and Core's errors without an index; getindexinfo."""
from test_framework.blocktools import ADDRESS_OP_TRUE, P2WSH_OP_TRUE, spend_op_true, txid_of
from test_framework.test_framework import TestCase, assert_equal, assert_raises_rpc_error, wait_until

COIN = 100_000_000


class TxIndexTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 1

    def run_test(self):
        node = self.nodes[0]
        hashes = node.rpc.call("generatetoaddress", 110, ADDRESS_OP_TRUE)
        coinbase = node.rpc.call("getblock", hashes[0])["tx"][0]
        tx = spend_op_true([(coinbase, 0)], [(50 * COIN - 5000, P2WSH_OP_TRUE)])
        txid = txid_of(tx)
        block_hash = node.rpc.call("generateblock", ADDRESS_OP_TRUE, [tx])["hash"]

        self.log.info("without -txindex: by block hash, or Core's error")
        assert_equal(node.rpc.call("getrawtransaction", txid, 0, block_hash), tx)
        verbose = node.rpc.call("getrawtransaction", txid, True, block_hash)
        assert_equal(verbose["in_active_chain"], True)
        assert_equal(verbose["txid"], txid)
        assert_equal(verbose["hex"], tx)
        assert_equal(verbose["confirmations"], 1)
        assert_equal(verbose["blockhash"], block_hash)
        assert_raises_rpc_error(-5, "No such mempool transaction. Use -txindex or provide a block hash",
                                node.rpc.call, "getrawtransaction", txid)
        assert_raises_rpc_error(-5, "No such transaction found in the provided block",
                                node.rpc.call, "getrawtransaction", txid, 0, hashes[5])
        assert_raises_rpc_error(-5, "Block hash not found", node.rpc.call, "getrawtransaction", txid, 0, "11" * 32)
        assert_equal(node.rpc.call("getindexinfo"), {})

        self.log.info("-txindex on an existing chain is built in the background")
        node.stop()
        node.start(["-txindex"])
        wait_until(lambda: node.rpc.call("getindexinfo").get("txindex", {}).get("synced"), what="txindex synced")
        assert_equal(node.rpc.call("getindexinfo")["txindex"]["best_block_height"], 111)
        assert_equal(node.rpc.call("getrawtransaction", txid), tx)
        detailed = node.rpc.call("getrawtransaction", txid, 2)
        assert_equal(str(detailed["fee"]), "0.00005000")
        assert_equal(detailed["vin"][0]["prevout"]["height"], 1)
        assert_equal(detailed["blockhash"], block_hash)
        assert_raises_rpc_error(-5, "No such mempool or blockchain transaction",
                                node.rpc.call, "getrawtransaction", "22" * 32)

        self.log.info("new blocks are indexed as they come")
        new_hash = node.rpc.call("generatetoaddress", 1, ADDRESS_OP_TRUE)[0]
        new_coinbase = node.rpc.call("getblock", new_hash)["tx"][0]
        wait_until(lambda: node.rpc.call("getindexinfo")["txindex"]["best_block_height"] == 112, what="indexed 112")
        assert_equal(node.rpc.call("getrawtransaction", new_coinbase, 1)["blockhash"], new_hash)


if __name__ == "__main__":
    TxIndexTest().main()
