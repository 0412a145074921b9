#!/usr/bin/env python3
"""BIP152 compact blocks in low-bandwidth mode between two utxod nodes: a new
tip with transactions announced by headers is fetched as a cmpctblock, its
transactions with getblocktxn/blocktxn, and connected; the nodes agree on the
tip and the UTXO set. A Python peer asking for a recent block as
MSG_CMPCT_BLOCK gets a cmpctblock; one that asks for high-bandwidth mode
(sendcmpct 1) gets the next tip as a cmpctblock unasked; a malformed
cmpctblock ends the connection."""
import struct

from test_framework.blocktools import ADDRESS_OP_TRUE, P2WSH_OP_TRUE, spend_op_true
from test_framework.p2p import P2PConnection, inv_payload
from test_framework.test_framework import TestCase, assert_equal, assert_in, assert_true, wait_until

LISTEN = ["listen=1", "bind=127.0.0.1"]
MSG_CMPCT_BLOCK = 4


class CompactBlocksTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def run_test(self):
        node0 = self.add_node(extra_conf=LISTEN)
        node0.start()
        hashes = node0.rpc.call("generatetoaddress", 110, ADDRESS_OP_TRUE)
        node1 = self.add_node(extra_conf=LISTEN + ["connect=127.0.0.1:%d" % node0.p2p_port])
        node1.start()
        wait_until(lambda: node1.rpc.call("getbestblockhash") == hashes[-1], what="node1 to sync")

        self.log.info("a block with transactions travels as cmpctblock + getblocktxn/blocktxn")
        txs = []
        for height in (1, 2, 3):
            coinbase = node0.rpc.call("getblock", hashes[height - 1])["tx"][0]
            txs.append(spend_op_true([(coinbase, 0)], [(49_9999_0000, P2WSH_OP_TRUE)]))
        block = node0.rpc.call("generateblock", ADDRESS_OP_TRUE, txs)["hash"]
        wait_until(lambda: node1.rpc.call("getbestblockhash") == block, what="the block to reach node1")
        received = node1.rpc.call("getpeerinfo")[0]["bytesrecv_per_msg"]
        assert_in("cmpctblock", received)
        assert_in("blocktxn", received)
        sent = node0.rpc.call("getpeerinfo")[0]["bytessent_per_msg"]
        assert_in("cmpctblock", sent)
        assert_equal(node0.rpc.call("gettxoutsetinfo")["hash_serialized_3"],
                     node1.rpc.call("gettxoutsetinfo")["hash_serialized_3"])

        self.log.info("getdata MSG_CMPCT_BLOCK for the tip answers with a cmpctblock")
        conn = P2PConnection(node0.p2p_port)
        conn.handshake()
        conn.send("getdata", inv_payload([(MSG_CMPCT_BLOCK, block)]))
        payload = conn.wait_for("cmpctblock")
        assert_true(payload is not None, "a cmpctblock")
        header = bytes.fromhex(node0.rpc.call("getblockheader", block, False))
        assert_equal(payload[:80], header)
        # 3 short ids (6 bytes each) after the nonce, then the prefilled coinbase.
        assert_equal(payload[88], 3)
        self.log.info("a peer that chose us as high-bandwidth peer gets the next tip as a cmpctblock unasked")
        hb = P2PConnection(node0.p2p_port)
        hb.handshake()
        hb.send("sendcmpct", b"\x01" + struct.pack("<Q", 2))
        wait_until(lambda: any(p["bip152_hb_from"] for p in node0.rpc.call("getpeerinfo")),
                   what="node0 to record the high-bandwidth request")
        new_tip = node0.rpc.call("generatetoaddress", 1, ADDRESS_OP_TRUE)[0]
        announced = hb.wait_for("cmpctblock")
        assert_true(announced is not None, "an unsolicited cmpctblock")
        assert_equal(announced[:80], bytes.fromhex(node0.rpc.call("getblockheader", new_tip, False)))
        hb.close()
        # Low-bandwidth peers (node1) still get headers and fetch it themselves.
        wait_until(lambda: node1.rpc.call("getbestblockhash") == new_tip, what="node1 to follow")

        self.log.info("a malformed cmpctblock ends the connection")
        conn.send("cmpctblock", header + struct.pack("<Q", 1) + b"\x05" + bytes(6))
        assert_true(conn.closed(), "disconnected")
        conn.close()


if __name__ == "__main__":
    CompactBlocksTest().main()
