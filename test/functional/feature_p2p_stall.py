#!/usr/bin/env python3
"""A peer that announces a long chain and never delivers its blocks stalls
the download window: utxod disconnects it and finishes the sync from an
honest peer. The staller is a Python peer that answers getheaders with node0's
1,100 headers and ignores getdata; node1 then also connects to node0."""
import struct
import threading

from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.p2p import P2PConnection, headers_payload
from test_framework.test_framework import TestCase, assert_equal, assert_true, wait_until

LISTEN = ["listen=1", "bind=127.0.0.1"]
CHAIN_LENGTH = 1100  # longer than the 1,024-block download window


class StallingPeer(threading.Thread):
    def __init__(self, port, headers_hex):
        super().__init__(daemon=True)
        self.conn = P2PConnection(port)
        self.headers_hex = headers_hex
        self.getdata_seen = 0
        self.disconnected = threading.Event()

    def run(self):
        self.conn.handshake(start_height=len(self.headers_hex))
        sent = False
        while True:
            message = self.conn.recv()
            if message is None:
                self.disconnected.set()
                return
            command, payload = message
            if command == "ping":
                self.conn.send("pong", payload)
            elif command == "getheaders":
                self.conn.send("headers", headers_payload([] if sent else self.headers_hex))
                sent = True
            elif command == "getdata":
                self.getdata_seen += 1  # and never answered


class P2PStallTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def run_test(self):
        node0 = self.add_node(extra_conf=LISTEN)
        node0.start()
        hashes = node0.rpc.call("generatetoaddress", CHAIN_LENGTH, ADDRESS_OP_TRUE)
        headers = [node0.rpc.call("getblockheader", h, False) for h in hashes]
        node1 = self.add_node(extra_conf=LISTEN)
        node1.start()

        self.log.info("the staller connects first and is asked for the first blocks")
        staller = StallingPeer(node1.p2p_port, headers)
        staller.start()
        wait_until(lambda: staller.getdata_seen > 0, what="block requests to the staller")
        assert_equal(node1.rpc.call("getblockcount"), 0)
        assert_equal(node1.rpc.call("getblockchaininfo")["headers"], CHAIN_LENGTH)

        self.log.info("with an honest peer the window fills, the staller is dropped, the sync completes")
        node1.rpc.call("addnode", "127.0.0.1:%d" % node0.p2p_port, "onetry")
        assert_true(staller.disconnected.wait(60), "the staller was disconnected")
        wait_until(lambda: node1.rpc.call("getbestblockhash") == hashes[-1], what="node1 to sync from node0")
        assert_true(any("is stalling block download" in line for line in node1.log_since_start().splitlines()),
                    "stall logged")
        peers = node1.rpc.call("getpeerinfo")
        assert_equal(len(peers), 1)
        assert_equal(peers[0]["addr"], "127.0.0.1:%d" % node0.p2p_port)
        staller.conn.close()


if __name__ == "__main__":
    P2PStallTest().main()
