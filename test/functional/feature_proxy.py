#!/usr/bin/env python3
"""-proxy: outbound connections through a SOCKS5 proxy (a Python one on
loopback that records what it is asked for).

- an IPv4 target goes to the proxy as an IPv4 address, with credentials of
  its own per connection (-proxyrandomize, the default), and the node syncs
  through it; getnetworkinfo shows the proxy for ipv4 and ipv6;
- a name (-addnode=name:port) goes to the proxy unresolved, as a name;
- -proxyrandomize=0 offers no authentication;
- -proxy sets -listen=0 unless -listen is given;
- a proxy that refuses the target, or answers garbage, ends only that
  connection, with the reason in debug.log;
- .onion peers go through the proxy (or -onion's) by name, manual ones and
  automatic ones from the address book (-onlynet=onion); getpeerinfo says
  "onion"; -noonion makes Tor unreachable and a .onion name is never looked up;
- a bad -proxy value and -onlynet=onion with a proxy are start-up errors."""
import base64
import hashlib
import socket

from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.socks5 import ATYP_IPV4, ATYP_NAME, Socks5Proxy
from test_framework.test_framework import TestCase, assert_equal, assert_true, wait_until

LISTEN = ["listen=1", "bind=127.0.0.1"]


def onion_v3_address(public_key):
    """A Tor v3 onion name for a 32-byte key (rend-spec-v3: key, checksum, version)."""
    version = b"\x03"
    checksum = hashlib.sha3_256(b".onion checksum" + public_key + version).digest()[:2]
    return base64.b32encode(public_key + checksum + version).decode().lower() + ".onion"


class ProxyTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def run_test(self):
        node0 = self.add_node(extra_conf=LISTEN)
        node0.start()
        node0.rpc.call("generatetoaddress", 20, ADDRESS_OP_TRUE)
        target = ("127.0.0.1", node0.p2p_port)
        names = {"node0.utxod.invalid": "127.0.0.1"}
        proxy = Socks5Proxy(lambda host, port: (names.get(host, host), port))

        self.log.info("an IPv4 peer through the proxy, with credentials of its own")
        node1 = self.add_node(extra_conf=["proxy=127.0.0.1:%d" % proxy.port, "connect=127.0.0.1:%d" % node0.p2p_port])
        node1.start()
        wait_until(lambda: node1.rpc.call("getbestblockhash") == node0.rpc.call("getbestblockhash"),
                   what="node1 to sync through the proxy")
        request = proxy.requests_seen()[0]
        assert_equal((request.atyp, request.host, request.port), (ATYP_IPV4, target[0], target[1]))
        assert_equal(request.methods, [0, 2])
        assert_true(request.username, "-proxyrandomize sends a username")
        peer = node1.rpc.call("getpeerinfo")[0]
        assert_equal(peer["addr"], "127.0.0.1:%d" % node0.p2p_port)
        networks = {n["name"]: n for n in node1.rpc.call("getnetworkinfo")["networks"]}
        for name in ("ipv4", "ipv6"):
            assert_equal((networks[name]["proxy"], networks[name]["proxy_randomize_credentials"]),
                         ("127.0.0.1:%d" % proxy.port, True))
        # -proxy reaches Tor too (as Core); I2P and CJDNS stay unreachable.
        assert_equal((networks["onion"]["proxy"], networks["onion"]["reachable"]), ("127.0.0.1:%d" % proxy.port, True))
        assert_equal((networks["i2p"]["reachable"], networks["cjdns"]["reachable"]), (False, False))
        # Each connection gets other credentials (Tor isolates them).
        node1.rpc.call("disconnectnode", "", peer["id"])
        wait_until(lambda: len(proxy.requests_seen()) >= 2, what="node1 to reconnect through the proxy")
        first, second = proxy.requests_seen()[:2]
        assert_true(first.username != second.username, "new credentials for a new connection")
        # -proxy implies -listen=0: nothing listens on node1's port.
        with socket.socket() as s:
            assert_true(s.connect_ex(("127.0.0.1", node1.p2p_port)) != 0, "node1 does not listen")

        self.log.info("a name goes to the proxy unresolved; -proxyrandomize=0 offers no authentication")
        before = len(proxy.requests_seen())
        node2 = self.add_node(extra_conf=["proxy=127.0.0.1:%d" % proxy.port, "proxyrandomize=0",
                                          "addnode=node0.utxod.invalid:%d" % node0.p2p_port, "dnsseed=0"])
        node2.start()
        wait_until(lambda: node2.rpc.call("getbestblockhash") == node0.rpc.call("getbestblockhash"),
                   what="node2 to sync through the proxy by name")
        request = proxy.requests_seen()[before]
        assert_equal((request.atyp, request.host, request.port), (ATYP_NAME, "node0.utxod.invalid", node0.p2p_port))
        assert_equal((request.methods, request.username), ([0], None))
        assert_equal(node2.rpc.call("getpeerinfo")[0]["addr"], "node0.utxod.invalid:%d" % node0.p2p_port)
        networks = {n["name"]: n for n in node2.rpc.call("getnetworkinfo")["networks"]}
        assert_equal(networks["ipv4"]["proxy_randomize_credentials"], False)

        self.log.info("a refusing proxy and a garbage-speaking proxy end only their connection")
        refusing = Socks5Proxy(lambda host, port: (host, port), reply=5)
        garbage = Socks5Proxy(lambda host, port: (host, port), garbage=b"\x04\x5a" + bytes(30))
        node3 = self.add_node(extra_conf=["proxy=127.0.0.1:%d" % refusing.port])
        node3.start()
        node3.rpc.call("addnode", "127.0.0.1:%d" % node0.p2p_port, "onetry")
        wait_until(lambda: "failed: connect to target failed: connection refused" in node3.log_since_start(),
                   what="the refusal in debug.log")
        assert_equal(node3.rpc.call("getconnectioncount"), 0)
        node3.stop()
        node3.start(extra_args=["-proxy=127.0.0.1:%d" % garbage.port])
        node3.rpc.call("addnode", "127.0.0.1:%d" % node0.p2p_port, "onetry")
        wait_until(lambda: "failed: proxy failed to initialize" in node3.log_since_start(),
                   what="the garbage in debug.log")
        assert_equal(node3.rpc.call("getblockcount"), 0)
        # -noproxy: direct again.
        node3.stop()
        node3.start(extra_args=["-noproxy", "-connect=127.0.0.1:%d" % node0.p2p_port])
        wait_until(lambda: node3.rpc.call("getblockcount") == 20, what="node3 to sync directly")
        networks = {n["name"]: n for n in node3.rpc.call("getnetworkinfo")["networks"]}
        assert_equal(networks["ipv4"]["proxy"], "")
        node3.stop()

        self.log.info(".onion peers: by name through the proxy, and from the address book with -onlynet=onion")
        onion = onion_v3_address(bytes(range(32)))
        names[onion] = "127.0.0.1"
        node4 = self.add_node(extra_conf=["proxy=127.0.0.1:%d" % proxy.port])
        node4.start()
        networks = {n["name"]: n for n in node4.rpc.call("getnetworkinfo")["networks"]}
        assert_equal((networks["onion"]["reachable"], networks["onion"]["proxy"]), (True, "127.0.0.1:%d" % proxy.port))
        node4.rpc.call("addnode", "%s:%d" % (onion, node0.p2p_port), "onetry")
        wait_until(lambda: node4.rpc.call("getblockcount") == 20, what="node4 to sync from the onion peer")
        peer = node4.rpc.call("getpeerinfo")[0]
        assert_equal((peer["addr"], peer["network"]), ("%s:%d" % (onion, node0.p2p_port), "onion"))
        assert_equal((proxy.requests_seen()[-1].atyp, proxy.requests_seen()[-1].host), (ATYP_NAME, onion))
        node4.stop()
        node4.start(extra_args=["-onlynet=onion", "-dnsseed=0", "-fixedseeds=0"])
        assert_equal(node4.rpc.call("getconnectioncount"), 0)
        other_onion = onion_v3_address(bytes(range(1, 33)))
        names[other_onion] = "127.0.0.1"
        assert_equal(node4.rpc.call("addpeeraddress", other_onion, node0.p2p_port), {"success": True})
        wait_until(lambda: any(p["addr"] == "%s:%d" % (other_onion, node0.p2p_port)
                               for p in node4.rpc.call("getpeerinfo")), what="an automatic connection to the onion peer")
        peer = [p for p in node4.rpc.call("getpeerinfo") if p["addr"].startswith(other_onion)][0]
        assert_equal((peer["network"], peer["connection_type"]), ("onion", "outbound-full-relay"))
        node4.stop()
        # -noonion: Tor is unreachable, and a .onion name is never looked up.
        node4.start(extra_args=["-noonion"])
        networks = {n["name"]: n for n in node4.rpc.call("getnetworkinfo")["networks"]}
        assert_equal((networks["onion"]["reachable"], networks["onion"]["proxy"]), (False, ""))
        node4.rpc.call("addnode", "%s:%d" % (onion, node0.p2p_port), "onetry")
        wait_until(lambda: ".onion addresses need -proxy or -onion" in node4.log_since_start(), what="the refusal")
        node4.stop()
        # -onion alone: .onion through it, IP peers directly.
        onion_only = Socks5Proxy(lambda host, port: (names.get(host, host), port))
        node4.start(extra_args=["-noproxy", "-onion=127.0.0.1:%d" % onion_only.port,
                                "-connect=127.0.0.1:%d" % node0.p2p_port])
        wait_until(lambda: node4.rpc.call("getconnectioncount") == 1, what="node4's direct connection")
        networks = {n["name"]: n for n in node4.rpc.call("getnetworkinfo")["networks"]}
        assert_equal((networks["ipv4"]["proxy"], networks["onion"]["proxy"]), ("", "127.0.0.1:%d" % onion_only.port))
        assert_equal(onion_only.requests_seen(), [])
        node4.stop()
        onion_only.close()

        self.log.info("bad values are start-up errors")
        node3.assert_start_error(["-proxy=nonsense"], "Invalid -proxy address or hostname: 'nonsense'")
        node3.assert_start_error(["-proxy=127.0.0.1:99999"], "Invalid -proxy address or hostname: '127.0.0.1:99999'")
        node3.assert_start_error(["-proxy=127.0.0.1", "-noonion", "-onlynet=onion"],
                                 "Outbound connections restricted to Tor (-onlynet=onion) but the proxy for reaching "
                                 "the Tor network is not provided")
        node3.assert_start_error(["-onion=localhost"], "Invalid -onion address or hostname: 'localhost'")

        for p in (proxy, refusing, garbage):
            p.close()


if __name__ == "__main__":
    ProxyTest().main()
