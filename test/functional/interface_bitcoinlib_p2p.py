#!/usr/bin/env python3
"""An independent P2P implementation drives utxod: python-bitcoinlib's
message classes (Debian's python3-bitcoinlib) for version/verack, ping/pong,
getheaders/headers and getdata/block over a plain socket, with the library's
own parser reading every reply. The headers and the block it receives must be
the ones utxod's RPCs report.

python-bitcoinlib's msg_headers reads bare 80-byte headers, without the
transaction count (always 0) that follows each header on the wire, as
Bitcoin Core sends it; so a headers payload is read with the library's
CBlockHeader and VarIntSerializer directly."""
import io
import socket

from test_framework.bitcoinlib import import_bitcoinlib  # noqa: E402

HAVE_BITCOINLIB = import_bitcoinlib()

from test_framework.blocktools import ADDRESS_OP_TRUE  # noqa: E402
from test_framework.test_framework import TestCase, assert_equal, assert_true  # noqa: E402
from test_framework.util import TIMEOUT_FACTOR  # noqa: E402


class BitcoinlibP2PTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def receive(self, stream, wanted):
        """Reads frames until one of type `wanted` arrives; parsed by bitcoinlib
        (a headers payload by hand, see above)."""
        import bitcoin.core
        import bitcoin.core.serialize
        import bitcoin.messages
        while True:
            header = stream.read(24)
            assert_equal(len(header), 24)
            payload = stream.read(int.from_bytes(header[16:20], "little"))
            command = header[4:16].rstrip(b"\x00").decode()
            if command != wanted:
                continue
            if command == "headers":
                f = io.BytesIO(payload)
                headers = []
                for _ in range(bitcoin.core.serialize.VarIntSerializer.stream_deserialize(f)):
                    headers.append(bitcoin.core.CBlockHeader.stream_deserialize(f))
                    assert_equal(bitcoin.core.serialize.VarIntSerializer.stream_deserialize(f), 0)
                return headers
            return bitcoin.messages.MsgSerializable.from_bytes(header + payload)

    def run_test(self):
        if not HAVE_BITCOINLIB:
            self.skip("python3-bitcoinlib is not installed")
        import bitcoin
        import bitcoin.core
        import bitcoin.messages
        import bitcoin.net
        bitcoin.SelectParams("regtest")

        node = self.add_node(extra_conf=["listen=1", "bind=127.0.0.1"])
        node.start()
        hashes = node.rpc.call("generatetoaddress", 20, ADDRESS_OP_TRUE)

        sock = socket.create_connection(("127.0.0.1", node.p2p_port), timeout=30 * TIMEOUT_FACTOR)
        stream = sock.makefile("rb")

        self.log.info("version/verack with bitcoinlib's messages")
        version = bitcoin.messages.msg_version()
        version.nStartingHeight = 0
        sock.sendall(version.to_bytes())
        theirs = self.receive(stream, "version")
        assert_equal(theirs.nVersion, 70016)
        assert_equal(theirs.nStartingHeight, 20)
        assert_true(theirs.strSubVer.startswith(b"/utxod:"), "user agent")
        assert_true(theirs.nServices & 1 and theirs.nServices & 8, "NODE_NETWORK and NODE_WITNESS")
        sock.sendall(bitcoin.messages.msg_verack().to_bytes())
        self.receive(stream, "verack")

        self.log.info("ping/pong")
        ping = bitcoin.messages.msg_ping()
        ping.nonce = 0x1122334455667788
        sock.sendall(ping.to_bytes())
        assert_equal(self.receive(stream, "pong").nonce, 0x1122334455667788)

        self.log.info("getheaders from genesis: 20 headers, as getblockheader reports them")
        getheaders = bitcoin.messages.msg_getheaders()
        getheaders.locator.vHave = [bitcoin.core.lx(node.rpc.call("getblockhash", 0))]
        sock.sendall(getheaders.to_bytes())
        headers = self.receive(stream, "headers")
        assert_equal([bitcoin.core.b2lx(h.GetHash()) for h in headers], hashes)
        assert_equal(headers[4].serialize().hex(), node.rpc.call("getblockheader", hashes[4], False))

        self.log.info("getdata for a block: the block getblock returns")
        getdata = bitcoin.messages.msg_getdata()
        getdata.inv = [bitcoin.net.CInv()]
        getdata.inv[0].type = 2  # MSG_BLOCK: without witness data
        getdata.inv[0].hash = bitcoin.core.lx(hashes[7])
        sock.sendall(getdata.to_bytes())
        block = self.receive(stream, "block").block
        assert_equal(bitcoin.core.b2lx(block.GetHash()), hashes[7])
        assert_equal(len(block.vtx), 1)
        assert_equal(bitcoin.core.b2lx(block.vtx[0].GetTxid()), node.rpc.call("getblock", hashes[7])["tx"][0])
        peers = node.rpc.call("getpeerinfo")
        assert_equal(len(peers), 1)
        assert_equal(peers[0]["version"], bitcoin.net.PROTO_VERSION)
        sock.close()


if __name__ == "__main__":
    BitcoinlibP2PTest().main()
