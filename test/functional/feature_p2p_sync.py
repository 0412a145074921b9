#!/usr/bin/env python3
"""Nodes sync over P2P on loopback: a fresh node syncs headers-first from a
node with 300 blocks (-connect), a third syncs through the second (-addnode);
new blocks propagate to both; getpeerinfo, getconnectioncount, getnettotals,
getaddednodeinfo, ping; a node that mined a longer branch while the network
was off makes the others reorganise when it comes back; peers sending bad
magic, bad checksums, oversized lengths, invalid headers or malformed
payloads are disconnected while the node keeps serving the others; a silent
connection is closed at the handshake timeout (-timeout); a connection to
ourselves is detected by the version nonce; -onlynet's values."""
import struct

from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.p2p import P2PConnection, frame, headers_payload, version_payload
from test_framework.test_framework import (TestCase, assert_equal, assert_in, assert_raises_rpc_error, assert_true,
                                           wait_until)

LISTEN = ["listen=1", "bind=127.0.0.1"]


class P2PSyncTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def wait_same_tip(self, nodes, what):
        wait_until(lambda: len({n.rpc.call("getbestblockhash") for n in nodes}) == 1, what=what)

    def run_test(self):
        node0 = self.add_node(extra_conf=LISTEN + ["timeout=2000"])
        node0.start()
        node0.rpc.call("generatetoaddress", 300, ADDRESS_OP_TRUE)
        node1 = self.add_node(extra_conf=LISTEN + ["connect=127.0.0.1:%d" % node0.p2p_port])
        node1.start()

        self.log.info("a fresh node syncs 300 blocks from its -connect peer")
        self.wait_same_tip([node0, node1], "node1 to sync from node0")
        assert_equal(node1.rpc.call("getblockcount"), 300)
        peers0 = node0.rpc.call("getpeerinfo")
        peers1 = node1.rpc.call("getpeerinfo")
        assert_equal(len(peers0), 1)
        assert_equal(len(peers1), 1)
        assert_equal(peers0[0]["inbound"], True)
        assert_equal(peers0[0]["connection_type"], "inbound")
        assert_equal(peers1[0]["inbound"], False)
        assert_equal(peers1[0]["connection_type"], "manual")
        assert_equal(peers1[0]["addr"], "127.0.0.1:%d" % node0.p2p_port)
        assert_equal(peers1[0]["version"], 70016)
        assert_true(peers1[0]["subver"].startswith("/utxod:"), "user agent")
        assert_equal(peers1[0]["servicesnames"], ["NETWORK", "WITNESS", "NETWORK_LIMITED"])
        assert_equal(peers1[0]["transport_protocol_type"], "v1")
        assert_equal(node0.rpc.call("getconnectioncount"), 1)
        info = node1.rpc.call("getnetworkinfo")
        assert_equal((info["connections"], info["connections_in"], info["connections_out"]), (1, 0, 1))
        totals = node1.rpc.call("getnettotals")
        assert_true(totals["totalbytesrecv"] > 300 * 80, "bytes received counted")
        assert_in("block", peers1[0]["bytesrecv_per_msg"])
        # Without a mempool the node asks for no transactions (feefilter at MAX_MONEY, as -blocksonly).
        assert_in("feefilter", peers1[0]["bytessent_per_msg"])

        self.log.info("a third node syncs through the second (-addnode)")
        node2 = self.add_node(extra_conf=LISTEN + ["addnode=127.0.0.1:%d" % node1.p2p_port])
        node2.start()
        self.wait_same_tip([node0, node1, node2], "node2 to sync through node1")
        added = node2.rpc.call("getaddednodeinfo")
        assert_equal(added[0]["addednode"], "127.0.0.1:%d" % node1.p2p_port)
        wait_until(lambda: node2.rpc.call("getaddednodeinfo")[0]["connected"], what="addnode connected")
        assert_raises_rpc_error(-23, "Error: Node already added", node2.rpc.call, "addnode",
                                "127.0.0.1:%d" % node1.p2p_port, "add")
        assert_raises_rpc_error(-24, "Error: Node has not been added.", node2.rpc.call, "getaddednodeinfo", "1.2.3.4")

        self.log.info("new blocks propagate; ping measures every peer")
        node0.rpc.call("generatetoaddress", 5, ADDRESS_OP_TRUE)
        self.wait_same_tip([node0, node1, node2], "5 new blocks to propagate")
        node1.rpc.call("ping")
        wait_until(lambda: all("pingtime" in p for p in node1.rpc.call("getpeerinfo")), what="ping times")

        self.log.info("a longer branch mined while the network was off wins when it comes back")
        node0.rpc.call("setnetworkactive", False)
        wait_until(lambda: node1.rpc.call("getconnectioncount") == 1, what="node0 to drop its peers")
        node0.rpc.call("generatetoaddress", 3, ADDRESS_OP_TRUE)
        branch = node2.rpc.call("generatetodescriptor", 6, "raw(51)")
        self.wait_same_tip([node1, node2], "node1 to follow node2")
        assert_equal(node0.rpc.call("getblockcount"), 308)
        assert_equal(node0.rpc.call("setnetworkactive", True), True)
        self.wait_same_tip([node0, node1, node2], "node0 to reorganise to node2's branch")
        assert_equal(node0.rpc.call("getbestblockhash"), branch[-1])
        assert_equal(node0.rpc.call("getblockcount"), 311)

        self.log.info("misbehaving peers are disconnected; the node keeps serving the others")
        port = node0.p2p_port
        good_version = version_payload()
        bad_checksum = bytearray(frame("version", good_version))
        bad_checksum[20] ^= 0xff
        oversized = frame("block", b"")[:16] + struct.pack("<I", 4_000_001) + bytes(4)
        wrong_magic = frame("version", good_version, magic=bytes.fromhex("f9beb4d9"))
        for name, data in [("bad checksum", bytes(bad_checksum)), ("oversized", oversized), ("bad magic", wrong_magic)]:
            conn = P2PConnection(port)
            conn.send_raw(data)
            assert_true(conn.closed(), "disconnected after " + name)
            conn.close()
        # Malformed payload: a version message cut short.
        conn = P2PConnection(port)
        conn.send("version", good_version[:30])
        assert_true(conn.closed(), "disconnected after a truncated version")
        conn.close()
        # An invalid header (its proof of work does not meet its bits).
        conn = P2PConnection(port)
        conn.handshake()
        tip = node0.rpc.call("getbestblockhash")
        bad_header = bytes.fromhex(node0.rpc.call("getblockheader", tip, False))
        forged = struct.pack("<i", 0x20000000) + bytes.fromhex(tip)[::-1] + bytes(32) + bad_header[68:72] + \
            bytes.fromhex("0000001d") + bytes(4)
        conn.send("headers", headers_payload([forged.hex()]))
        assert_true(conn.closed(), "disconnected after an invalid header")
        conn.close()
        # Unknown commands and transaction relay messages are ignored politely.
        conn = P2PConnection(port)
        conn.handshake()
        conn.send("nonsense", b"\x01\x02")
        conn.send("inv", b"\x01" + struct.pack("<I", 1) + bytes(32))
        conn.send("ping", struct.pack("<Q", 77))
        assert_equal(conn.wait_for("pong"), struct.pack("<Q", 77))
        conn.close()
        node0.rpc.call("generatetoaddress", 2, ADDRESS_OP_TRUE)
        self.wait_same_tip([node0, node1, node2], "blocks to propagate after the misbehaving peers")

        self.log.info("disconnectnode")
        assert_raises_rpc_error(-29, "Node not found in connected nodes", node1.rpc.call, "disconnectnode", "1.2.3.4:5")
        peer_id = node1.rpc.call("getpeerinfo")[0]["id"]
        node1.rpc.call("disconnectnode", "", peer_id)

        self.log.info("a connection that never says version is closed at the handshake timeout")
        silent = P2PConnection(node0.p2p_port)
        assert_true(silent.closed(), "silent peer closed")
        silent.close()
        wait_until(lambda: "version handshake timeout" in node0.log_since_start(), what="the timeout logged")

        self.log.info("a connection to ourselves is found by the version nonce")
        node0.rpc.call("addnode", "127.0.0.1:%d" % node0.p2p_port, "onetry")
        wait_until(lambda: "connected to self" in node0.log_since_start(), what="self-connection detected")

        self.log.info("-onlynet")
        node2.stop()
        node2.wait_stopped()
        node2.assert_start_error(["-onlynet=foo"], "Error: Unknown network specified in -onlynet: 'foo'")
        node2.assert_start_error(["-onlynet=onion"], "Error: Outbound connections restricted to Tor (-onlynet=onion)")
        node2.start(["-onlynet=ipv4"])
        networks = {n["name"]: n["reachable"] for n in node2.rpc.call("getnetworkinfo")["networks"]}
        assert_equal(networks, {"ipv4": True, "ipv6": False, "onion": False, "i2p": False, "cjdns": False})


if __name__ == "__main__":
    P2PSyncTest().main()
