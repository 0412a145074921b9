#!/usr/bin/env python3
"""utxo-cli -netinfo against two nodes connected over loopback (node1 has
-connect to node0): the peer counts on each side; at level 4 each node lists
its peer with getpeerinfo's id and address, the direction, the connection type
and the version; level 1 has no address or version column; outonly hides
inbound peers from the list but not from the counts; "-netinfo help" and a bad
argument."""
import re

from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.test_framework import TestCase, assert_equal, assert_in, assert_startswith, assert_true, wait_until

LISTEN = ["listen=1", "bind=127.0.0.1"]
TABLE_HEADER = "<->   type   net   serv  v  mping   ping send recv  txn  blk  hb addrp addrl  age id "


class CLINetinfoTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def netinfo(self, node, *args):
        rc, out, err = node.cli("-netinfo", *args)
        assert_equal((rc, err), (0, ""))
        self.log.debug("-netinfo %s:\n%s", " ".join(args), out)
        return out

    def peer_row(self, page, direction):
        """The one line of the peer list, checked against the list's header."""
        lines = page.split("\n")
        header = [i for i, line in enumerate(lines) if line.startswith("<->")]
        assert_equal(len(header), 1)
        row = lines[header[0] + 1]
        assert_startswith(row, direction)
        assert_true(lines[header[0] + 2].strip().startswith("ms     ms  sec  sec  min  min"), "units line")
        return lines[header[0]], row

    def run_test(self):
        node0 = self.add_node(extra_conf=LISTEN)
        node0.start()
        node1 = self.add_node(extra_conf=LISTEN + ["connect=127.0.0.1:%d" % node0.p2p_port])
        node1.start()
        wait_until(lambda: len(node0.rpc.call("getpeerinfo")) == 1 and len(node1.rpc.call("getpeerinfo")) == 1,
                   what="the two nodes to connect")
        node0.rpc.call("generatetoaddress", 1, ADDRESS_OP_TRUE)
        wait_until(lambda: node1.rpc.call("getblockcount") == 1, what="the block to reach node1")
        peer0 = node0.rpc.call("getpeerinfo")[0]  # node1, inbound
        peer1 = node1.rpc.call("getpeerinfo")[0]  # node0, outbound manual (-connect)
        subversion = node1.rpc.call("getnetworkinfo")["subversion"]

        self.log.info("level 0: the counts per network, with the manual peer")
        page = self.netinfo(node1)
        assert_startswith(page, "utxod client v")
        first_line = page.split("\n")[0]
        assert_true(first_line.endswith(" regtest - server 70016" + subversion), first_line)
        # Loopback peers count as not publicly routable (npr), as in Core.
        assert_in("\n\n         ipv4    ipv6     npr   total   block  manual\n"
                  "in          0       0       0       0\n"
                  "out         0       0       1       1       0       1\n"
                  "total       0       0       1       1\n\n"
                  "Local addresses: n/a\n", page)
        assert_true("<->" not in page, "no peer list at level 0")
        page = self.netinfo(node0)
        assert_in("\n\n         ipv4    ipv6     npr   total   block\n"
                  "in          0       0       1       1\n"
                  "out         0       0       0       0       0\n"
                  "total       0       0       1       1\n\n", page)

        self.log.info("level 4: each node lists its peer with getpeerinfo's id and address")
        header, row = self.peer_row(self.netinfo(node1, "4"), "out manual   npr ")
        assert_startswith(header, TABLE_HEADER)
        assert_true(header.endswith("version"), header)
        version = "%d%s" % (peer1["version"], peer1["subver"])
        assert_true(re.search(r" %d %s +%s$" % (peer1["id"], re.escape(peer1["addr"]), re.escape(version)), row), row)
        assert_equal(peer1["addr"], "127.0.0.1:%d" % node0.p2p_port)
        header, row = self.peer_row(self.netinfo(node0, "4"), " in          npr ")
        version = "%d%s" % (peer0["version"], peer0["subver"])
        assert_true(re.search(r" %d %s +%s$" % (peer0["id"], re.escape(peer0["addr"]), re.escape(version)), row), row)
        # The services column: NETWORK, WITNESS, NETWORK_LIMITED; transport v1.
        assert_true(re.match(r" in          npr    nwl  1 ", row), row)

        self.log.info("level 1: no address or version column")
        header, row = self.peer_row(self.netinfo(node1, "1"), "out manual   npr ")
        assert_equal(header, TABLE_HEADER)
        assert_true(row.endswith(" %d " % peer1["id"]), row)
        assert_true(peer1["addr"] not in row, row)

        self.log.info("outonly: inbound peers leave the list, not the counts")
        page = self.netinfo(node0, "4", "outonly")
        assert_true("<->" not in page, "no outbound peer to list")
        assert_in("in          0       0       1       1\n", page)
        header, row = self.peer_row(self.netinfo(node1, "2", "o"), "out manual   npr ")
        assert_true(row.endswith(" %d %s " % (peer1["id"], peer1["addr"])), row)

        self.log.info("help and bad arguments")
        rc, out, err = node1.cli("-netinfo", "help")
        assert_equal((rc, err), (0, ""))
        assert_startswith(out, "-netinfo (level [outonly]) | help\n")
        assert_true("not implemented" not in out, "the help has no 'not implemented' note")
        assert_equal(node1.cli("-netinfo", "1", "x"),
                     (1, "", "error: invalid -netinfo outonly argument: x\n"
                             "For more information, run: utxo-cli -netinfo help\n"))
        assert_equal(node1.cli("-netinfo", "five"),
                     (1, "", "error: invalid -netinfo level argument: five\n"
                             "For more information, run: utxo-cli -netinfo help\n"))


if __name__ == "__main__":
    CLINetinfoTest().main()
