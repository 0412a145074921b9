#!/usr/bin/env python3
"""The chain state through utxod's RPCs: 200 regtest blocks mined with
generatetoaddress; coinbases spent by raw transactions in generateblock (fees,
gettxout, getblock verbosity 2/3, getblockstats); invalid blocks refused with
Core's reasons; submitblock's BIP22 answers; invalidateblock/reconsiderblock;
a longer competing branch from a second node, submitted block by block, makes
the first reorganise; the UTXO set survives a restart and comes out the same
after -reindex-chainstate and -reindex (gettxoutsetinfo's hash_serialized_3);
-blocknotify runs with the block hash."""
import os
import time

from test_framework.blocktools import ADDRESS_OP_TRUE, P2WSH_OP_TRUE, block_hex, spend_op_true, txid_of
from test_framework.test_framework import (TestCase, assert_equal, assert_not_in, assert_raises_rpc_error, assert_true,
                                           wait_until)

COIN = 100_000_000


class ChainstateTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 2

    def utxo_stats(self, node):
        stats = node.rpc.call("gettxoutsetinfo")
        del stats["disk_size"]  # LevelDB's estimate depends on compaction
        return stats

    def run_test(self):
        node, other = self.nodes
        notify_file = os.path.join(self.tmpdir, "blocknotify.txt")
        node.stop()
        node.start(["-blocknotify=echo %%s >> %s" % notify_file])

        self.log.info("mine 200 blocks to the anyone-can-spend address")
        # getmininginfo reports the last assembled block only once there is one (as Core).
        assert_not_in("currentblockweight", node.rpc.call("getmininginfo"))
        hashes = node.rpc.call("generatetoaddress", 200, ADDRESS_OP_TRUE)
        mining = node.rpc.call("getmininginfo")
        assert_equal((mining["currentblockweight"], mining["currentblocktx"]), (8000, 0))
        assert_equal(len(hashes), 200)
        assert_equal(node.rpc.call("getblockcount"), 200)
        assert_equal(node.rpc.call("getbestblockhash"), hashes[-1])
        info = node.rpc.call("getblockchaininfo")
        assert_equal(info["blocks"], 200)
        assert_equal(info["headers"], 200)
        assert_equal(info["initialblockdownload"], False)
        assert_equal(node.rpc.call("getblockhash", 17), hashes[16])
        deployments = node.rpc.call("getdeploymentinfo")
        assert_equal(deployments["height"], 200)
        assert_equal(deployments["deployments"]["segwit"], {"type": "buried", "active": True, "height": 0})
        assert_equal(deployments["deployments"]["csv"]["height"], 1)
        assert_equal(deployments["deployments"]["taproot"]["bip9"]["status"], "active")
        # Regtest's testdummy (BIP9, bit 28): the node's own blocks signal it from
        # height 144, when it started; 57 of them by height 200.
        testdummy = deployments["deployments"]["testdummy"]["bip9"]
        assert_equal((testdummy["status"], testdummy["since"], testdummy["statistics"]["count"]), ("started", 144, 57))
        assert_equal(node.rpc.call("getblockheader", hashes[142])["versionHex"], "20000000")  # height 143
        assert_equal(node.rpc.call("getblockheader", hashes[143])["versionHex"], "30000000")  # height 144
        assert_equal(node.rpc.call("getdeploymentinfo", hashes[0])["height"], 1)
        wait_until(lambda: os.path.exists(notify_file) and hashes[-1] in open(notify_file).read(),
                   what="-blocknotify wrote the tip's hash")

        self.log.info("spend two mature coinbases with a raw transaction in generateblock")
        cb1 = node.rpc.call("getblock", hashes[0])["tx"][0]
        cb2 = node.rpc.call("getblock", hashes[1])["tx"][0]
        assert_equal(node.rpc.call("gettxout", cb1, 0)["value"], 50)
        tx = spend_op_true([(cb1, 0), (cb2, 0)], [(100 * COIN - 3000, P2WSH_OP_TRUE)])
        txid = txid_of(tx)
        block_hash = node.rpc.call("generateblock", ADDRESS_OP_TRUE, [tx])["hash"]
        block = node.rpc.call("getblock", block_hash, 2)
        assert_equal([t["txid"] for t in block["tx"]][1], txid)
        assert_equal(str(block["tx"][1]["fee"]), "0.00003000")
        assert_equal(node.rpc.call("gettxout", cb1, 0), None)
        out = node.rpc.call("gettxout", txid, 0)
        assert_equal(out["confirmations"], 1)
        assert_equal(out["scriptPubKey"]["address"], ADDRESS_OP_TRUE)
        verbose3 = node.rpc.call("getblock", block_hash, 3)
        assert_equal(verbose3["tx"][1]["vin"][0]["prevout"]["height"], 1)
        assert_equal(verbose3["tx"][1]["vin"][0]["prevout"]["generated"], True)
        stats = node.rpc.call("getblockstats", 201, ["totalfee", "txs", "ins"])
        assert_equal(stats, {"ins": 2, "totalfee": 3000, "txs": 2})
        header = node.rpc.call("getblockheader", block_hash)
        assert_equal(header["height"], 201)
        assert_equal(header["previousblockhash"], hashes[-1])
        assert_equal(len(node.rpc.call("getblockheader", block_hash, False)), 160)

        self.log.info("invalid blocks are refused with Core's reasons")
        # The same transaction again repeats a txid whose outputs are unspent (BIP30,
        # enforced on regtest as in Core); another spend of the coinbase finds it spent.
        assert_raises_rpc_error(-25, "TestBlockValidity failed: bad-txns-BIP30",
                                node.rpc.call, "generateblock", ADDRESS_OP_TRUE, [tx])
        double_spend = spend_op_true([(cb1, 0)], [(COIN, P2WSH_OP_TRUE)])
        assert_raises_rpc_error(-25, "TestBlockValidity failed: bad-txns-inputs-missingorspent",
                                node.rpc.call, "generateblock", ADDRESS_OP_TRUE, [double_spend])
        cb_immature = node.rpc.call("getblock", hashes[150])["tx"][0]
        premature = spend_op_true([(cb_immature, 0)], [(COIN, P2WSH_OP_TRUE)])
        assert_raises_rpc_error(-25, "TestBlockValidity failed: bad-txns-premature-spend-of-coinbase",
                                node.rpc.call, "generateblock", ADDRESS_OP_TRUE, [premature])
        assert_raises_rpc_error(-22, "Block decode failed", node.rpc.call, "submitblock", "00")
        # decoderawtransaction: the fields getrawtransaction shows, from hex alone.
        decoded = node.rpc.call("decoderawtransaction", premature)
        assert_equal((decoded["txid"], decoded["vin"][0]["txinwitness"], decoded["vout"][0]["scriptPubKey"]["address"]),
                     (txid_of(premature), ["51"], ADDRESS_OP_TRUE))
        assert_raises_rpc_error(-22, "TX decode failed", node.rpc.call, "decoderawtransaction", "00")
        assert_raises_rpc_error(-22, "TX decode failed", node.rpc.call, "decoderawtransaction", premature, False)
        # No pre-checks (as v29): a block without transactions or without a
        # coinbase gets its reject reason; an unsolved one fails proof of work first.
        tip = node.rpc.call("getblockheader", node.rpc.call("getbestblockhash"))
        no_txs = block_hex(tip["hash"], tip["time"] + 1, [])
        assert_equal(node.rpc.call("submitblock", no_txs), "bad-blk-length")
        no_coinbase = block_hex(tip["hash"], tip["time"] + 1, [premature])
        assert_equal(node.rpc.call("submitblock", no_coinbase), "bad-cb-missing")
        assert_equal(node.rpc.call("submitblock", block_hex(tip["hash"], tip["time"] + 1, [], solve=False)), "high-hash")
        assert_raises_rpc_error(-5, "Block not found", node.rpc.call, "getblock", "00" * 32)
        assert_raises_rpc_error(-8, "blockhash must be of length 64 (not 3, for 'abc')",
                                node.rpc.call, "getblock", "abc")

        self.log.info("getblocktemplate: a template, and BIP23 proposals")
        assert_raises_rpc_error(-8, "getblocktemplate must be called with the segwit rule set",
                                node.rpc.call, "getblocktemplate")
        template = node.rpc.call("getblocktemplate", {"rules": ["segwit"]})
        assert_equal(template["height"], node.rpc.call("getblockcount") + 1)
        assert_equal(template["previousblockhash"], node.rpc.call("getbestblockhash"))
        assert_equal(template["coinbasevalue"], 25 * COIN)  # regtest halves every 150 blocks
        assert_equal(template["bits"], "207fffff")
        assert_equal(template["transactions"], [])
        assert_true(template["default_witness_commitment"].startswith("6a24aa21a9ed"), "witness commitment script")
        built = node.rpc.call("generateblock", ADDRESS_OP_TRUE, [], False)
        assert_equal(node.rpc.call("getblocktemplate", {"mode": "proposal", "data": built["hex"]}), None)

        self.log.info("submitblock: null when connected, then duplicate")
        assert_equal(node.rpc.call("submitblock", built["hex"]), None)
        assert_equal(node.rpc.call("getbestblockhash"), built["hash"])
        assert_equal(node.rpc.call("submitblock", built["hex"]), "duplicate")
        assert_equal(node.rpc.call("getblocktemplate", {"mode": "proposal", "data": built["hex"]}), "duplicate")

        self.log.info("invalidateblock and reconsiderblock")
        before = self.utxo_stats(node)
        tip = node.rpc.call("getbestblockhash")
        target = node.rpc.call("getblockhash", 195)
        node.rpc.call("invalidateblock", target)
        assert_equal(node.rpc.call("getblockcount"), 194)
        tips = node.rpc.call("getchaintips")
        assert_true(any(t["status"] == "invalid" and t["hash"] == tip for t in tips), "old tip listed invalid")
        assert_true(node.rpc.call("gettxout", cb1, 0) is not None, "coinbase spent in block 201 unspent again")
        node.rpc.call("reconsiderblock", target)
        assert_equal(node.rpc.call("getbestblockhash"), tip)
        assert_equal(self.utxo_stats(node), before)

        self.log.info("a longer branch from another node makes this one reorganise")
        # A different payout script: mined in the same second to the same
        # address, the other node's first blocks would equal this node's.
        other_hashes = other.rpc.call("generatetodescriptor", 205, "raw(51)")
        for h in other_hashes:
            result = node.rpc.call("submitblock", other.rpc.call("getblock", h, 0))
            assert_true(result in (None, "inconclusive"), "submitblock answered %r" % result)
        assert_equal(node.rpc.call("getbestblockhash"), other_hashes[-1])
        tips = node.rpc.call("getchaintips")
        assert_true(any(t["status"] == "valid-fork" and t["hash"] == tip for t in tips), "old branch is a valid fork")
        assert_equal(node.rpc.call("gettxout", txid, 0), None)
        assert_equal(self.utxo_stats(node), self.utxo_stats(other))
        assert_equal(node.rpc.call("waitforblockheight", 205, 1000)["hash"], other_hashes[-1])

        self.log.info("the state survives a restart, -reindex-chainstate and -reindex")
        reference = self.utxo_stats(other)
        node.stop()
        node.start()
        assert_equal(self.utxo_stats(node), reference)
        assert_equal(node.rpc.call("verifychain", 4, 0), True)
        for option in ("-reindex-chainstate", "-reindex"):
            node.stop()
            node.start([option])
            wait_until(lambda: node.rpc.call("getblockcount") == 205, what=option + " finished")
            assert_equal(node.rpc.call("getbestblockhash"), other_hashes[-1])
            assert_equal(self.utxo_stats(node), reference)
        node.stop()
        node.start()
        assert_equal(self.utxo_stats(node), reference)


if __name__ == "__main__":
    ChainstateTest().main()
