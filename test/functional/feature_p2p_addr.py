#!/usr/bin/env python3
"""Peer addresses and bans: addr messages fill the address manager
(getnodeaddresses, getpeerinfo's addr_processed), at a bounded rate
(addr_rate_limited); fresh addresses from small messages are relayed to
other peers, each address to the same two peers all day; getaddr is answered once per connection, from a cached answer
(one per local socket and network); peers.dat survives a restart and a
corrupt one is moved aside without stopping the node; setban
disconnects and refuses a subnet, listbanned/clearbanned, banlist.json
survives a restart; a -seednode is asked for addresses and then left; the
RPCs' errors are Core's."""
import os
import struct
import time

from test_framework.p2p import P2PConnection, P2PListener, addr_payload, parse_addr_payload
from test_framework.test_framework import (TestCase, assert_equal, assert_raises_rpc_error, assert_true,
                                           wait_until)

LISTEN = ["listen=1", "bind=127.0.0.1"]


class AddrTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def addresses(self, node):
        return sorted((a["address"], a["port"]) for a in node.rpc.call("getnodeaddresses", 0))

    def run_test(self):
        # -connect=0: no automatic outbound connections to the (unreachable) test addresses.
        # Two local addresses: each gets its own getaddr answer.
        node = self.add_node(extra_conf=LISTEN + ["bind=127.0.0.2", "connect=0"])
        node.start()
        now = int(time.time())

        self.log.info("an outbound peer is asked for addresses; its answer fills the address manager")
        server = P2PListener()
        node.rpc.call("addnode", "127.0.0.1:%d" % server.port, "onetry")
        outbound = server.accept()
        outbound.answer_handshake()
        assert_true(outbound.wait_for("getaddr") is not None, "getaddr sent to an outbound peer")
        # Five /16 groups, so each address gets its own bucket; two could still
        # share a slot (one chance in about 400), so four are enough.
        fresh = [(now, "8.%d.0.1" % i, 8333) for i in range(5)]
        outbound.send("addr", addr_payload(fresh))
        wait_until(lambda: any(p["addr_processed"] == 5 for p in node.rpc.call("getpeerinfo")), what="5 processed")
        wait_until(lambda: len(node.rpc.call("getnodeaddresses", 0)) >= 4, what="the addresses stored")
        assert_true(set(self.addresses(node)) <= set((e[1], 8333) for e in fresh), "only what was sent")
        peer = [p for p in node.rpc.call("getpeerinfo") if not p["inbound"]][0]
        assert_equal(peer["addr_rate_limited"], 0)
        assert_equal(peer["connection_type"], "manual")
        entry = node.rpc.call("getnodeaddresses", 1, "ipv4")[0]
        assert_equal(entry["network"], "ipv4")
        assert_equal(entry["services"], 9)
        outbound.close()
        server.close()

        self.log.info("a fresh address from a small message is relayed to another peer")
        sender = P2PConnection(node.p2p_port)
        sender.handshake()
        listener = P2PConnection(node.p2p_port)
        listener.handshake()
        # Both handshakes are complete on the node's side once both peers are listed as such.
        wait_until(lambda: sum(p["version"] > 0 for p in node.rpc.call("getpeerinfo")) == 2, what="two peers")
        sender.send("addr", addr_payload([(now, "8.8.8.8", 8333)]))
        relayed = listener.wait_for("addr")
        assert_true(relayed is not None, "an addr relayed")
        assert_equal([e[1] for e in parse_addr_payload(relayed)], ["8.8.8.8"])

        self.log.info("an address is relayed to the same two peers each time (a keyed choice per day)")
        observers = [sender, listener] + [P2PConnection(node.p2p_port) for _ in range(4)]
        for conn in observers[2:]:
            conn.handshake()
        wait_until(lambda: sum(p["version"] > 0 for p in node.rpc.call("getpeerinfo")) == 6, what="six peers")
        source_server = P2PListener()
        node.rpc.call("addnode", "127.0.0.1:%d" % source_server.port, "onetry")
        source = source_server.accept()
        source.answer_handshake()  # an outbound peer: tokens for many addresses
        recipients = []
        for round_number in range(3):
            processed = sum(p["addr_processed"] for p in node.rpc.call("getpeerinfo"))
            source.send("addr", addr_payload([(int(time.time()), "7.7.7.7", 8333)]))
            wait_until(lambda: sum(p["addr_processed"] for p in node.rpc.call("getpeerinfo")) > processed,
                       what="the address processed")
            got = set()
            for index, conn in enumerate(observers):
                # A pong comes after anything the node queued for this peer before.
                conn.send("ping", struct.pack("<Q", round_number))
                while True:
                    command, payload = conn.recv()
                    if command == "addr" and "7.7.7.7" in [e[1] for e in parse_addr_payload(payload)]:
                        got.add(index)
                    if command == "pong":
                        break
            recipients.append(got)
        assert_equal(len(recipients[0]), 2)
        assert_equal(recipients, [recipients[0]] * 3)
        for conn in observers[2:] + [source]:
            conn.close()
        source_server.close()

        self.log.info("an inbound flood is rate-limited (one token, then 0.1 a second)")
        sender.send("addr", addr_payload([(now, "9.%d.%d.1" % (i // 250, i % 250), 8333) for i in range(1000)]))
        wait_until(lambda: any(p["addr_rate_limited"] > 900 for p in node.rpc.call("getpeerinfo")),
                   what="addresses over the rate limit dropped")
        assert_true(len(node.rpc.call("getnodeaddresses", 0)) < 20, "the flood was not stored")

        self.log.info("getaddr is answered once per connection")
        asker = P2PConnection(node.p2p_port)
        asker.handshake()
        asker.send("getaddr")
        asker.send("getaddr")
        asker.send("ping", struct.pack("<Q", 5))
        answers = 0
        while True:
            command, payload = asker.recv()
            if command == "addr":
                answers += 1
                first_answer = sorted(e[1] for e in parse_addr_payload(payload))
                assert_true(len(first_answer) > 0, "addresses in the answer")
            if command == "pong":
                break
        assert_equal(answers, 1)
        # The answer is cached (for about a day): a new address does not show up to the next asker.
        node.rpc.call("addpeeraddress", "4.4.4.4", 8333)
        second = P2PConnection(node.p2p_port)
        second.handshake()
        second.send("getaddr")
        assert_equal(sorted(e[1] for e in parse_addr_payload(second.wait_for("addr"))), first_answer)
        second.close()
        # Through our other address the answer is built anew: with 100 more
        # addresses known, its 23% share must include some of them (the
        # cached answer held only addresses known before).
        for i in range(100):
            node.rpc.call("addpeeraddress", "5.%d.1.1" % i, 8333)
        other_socket = P2PConnection(node.p2p_port, host="127.0.0.2")
        other_socket.handshake()
        other_socket.send("getaddr")
        fresh_answer = [e[1] for e in parse_addr_payload(other_socket.wait_for("addr"))]
        assert_true(any(a.startswith("5.") for a in fresh_answer), "a new answer through 127.0.0.2: %r" % fresh_answer)
        other_socket.close()
        for conn in (sender, listener, asker):
            conn.close()

        self.log.info("peers.dat survives a restart")
        known = self.addresses(node)
        node.stop()
        node.wait_stopped()
        peers_dat = os.path.join(node.datadir, "regtest", "peers.dat")
        assert_true(os.path.exists(peers_dat), "peers.dat written")
        node.start()
        assert_equal(self.addresses(node), known)

        self.log.info("a corrupt peers.dat is moved aside and the node starts anyway")
        node.stop()
        node.wait_stopped()
        with open(peers_dat, "r+b") as f:
            f.seek(100)
            f.write(b"\x00" * 64)
        node.start()
        assert_equal(node.rpc.call("getnodeaddresses", 0), [])
        assert_true(os.path.exists(peers_dat + ".bak"), "peers.dat.bak")
        assert_true("Invalid or corrupt peers.dat" in node.log_since_start(), "warning logged")

        self.log.info("setban disconnects and refuses; the ban list persists")
        victim = P2PConnection(node.p2p_port)
        victim.handshake()
        node.rpc.call("setban", "127.0.0.0/8", "add", 3600)
        assert_true(victim.closed(), "banned peer disconnected")
        refused = P2PConnection(node.p2p_port)
        assert_true(refused.closed(), "banned subnet refused")
        banned = node.rpc.call("listbanned")
        assert_equal(len(banned), 1)
        assert_equal(banned[0]["address"], "127.0.0.0/8")
        assert_equal(banned[0]["ban_duration"], 3600)
        assert_raises_rpc_error(-23, "Error: IP/Subnet already banned", node.rpc.call, "setban", "127.0.0.0/8", "add")
        assert_raises_rpc_error(-30, "Error: Invalid IP/Subnet", node.rpc.call, "setban", "not-an-ip", "add")
        node.rpc.call("setban", "1.2.3.4", "add", 2000000000, True)
        node.stop()
        node.wait_stopped()
        assert_true(os.path.exists(os.path.join(node.datadir, "regtest", "banlist.json")), "banlist.json written")
        node.start()
        assert_equal(sorted(b["address"] for b in node.rpc.call("listbanned")), ["1.2.3.4/32", "127.0.0.0/8"])
        node.rpc.call("setban", "127.0.0.0/8", "remove")
        assert_raises_rpc_error(-30, "Error: Unban failed. Requested address/subnet was not previously manually banned.",
                                node.rpc.call, "setban", "127.0.0.0/8", "remove")
        conn = P2PConnection(node.p2p_port)
        conn.handshake()
        conn.close()
        node.rpc.call("clearbanned")
        assert_equal(node.rpc.call("listbanned"), [])

        self.log.info("getnodeaddresses and addpeeraddress errors")
        assert_equal(node.rpc.call("addpeeraddress", "1.1.1.1", 8333), {"success": True})
        assert_equal(node.rpc.call("addpeeraddress", "127.0.0.1", 8333)["success"], False)
        assert_raises_rpc_error(-8, "Address count out of range", node.rpc.call, "getnodeaddresses", -1)
        assert_raises_rpc_error(-8, "Network not recognized: foo", node.rpc.call, "getnodeaddresses", 1, "foo")
        assert_equal(node.rpc.call("getnodeaddresses", 0, "ipv6"), [])

        self.log.info("-seednode: connect, ask for addresses, leave")
        seed = P2PListener()
        node.stop()
        node.wait_stopped()
        node.start(["-seednode=127.0.0.1:%d" % seed.port])
        conn = seed.accept()
        conn.answer_handshake()
        assert_true(conn.wait_for("getaddr") is not None, "getaddr to the seed")
        conn.send("addr", addr_payload([(int(time.time()), "7.7.%d.7" % i, 8333) for i in range(3)]))
        assert_true(conn.closed(), "the node leaves the seed once answered")
        wait_until(lambda: sum(a["address"].startswith("7.7.") for a in node.rpc.call("getnodeaddresses", 0)) >= 2,
                   what="the seed's addresses stored")
        conn.close()
        seed.close()


if __name__ == "__main__":
    AddrTest().main()
