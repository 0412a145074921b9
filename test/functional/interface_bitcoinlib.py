#!/usr/bin/env python3
"""An outside client, unchanged: python-bitcoinlib's bitcoin.rpc (Debian's
python3-bitcoinlib) against utxod, configured the ways its users configure
it: a bitcoin.conf naming the node's data directory (so it reads the
.cookie), a bitcoin.conf with rpcuser/rpcpassword, and a service URL. Calls
getblockcount, getbestblockhash and getblockhash (bytes, byte-reversed),
getblockchaininfo and getnetworkinfo through call()/_call(), RawProxy, and
the library's mapping of RPC errors (-8 to IndexError, -32601)."""
import os

from test_framework.bitcoinlib import import_bitcoinlib  # noqa: E402

HAVE_BITCOINLIB = import_bitcoinlib()

from test_framework.test_framework import (REGTEST_GENESIS, TestCase, assert_equal, assert_true)  # noqa: E402


class BitcoinlibTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def check_proxy(self, proxy):
        import bitcoin.core
        import bitcoin.rpc
        assert_equal(proxy.getblockcount(), 0)
        genesis = bitcoin.core.lx(REGTEST_GENESIS)
        assert_equal(proxy.getbestblockhash(), genesis)
        assert_equal(proxy.getbestblockhash(), bytes.fromhex(REGTEST_GENESIS)[::-1])
        assert_equal(proxy.getblockhash(0), genesis)
        try:
            proxy.getblockhash(1000)
            raise AssertionError("getblockhash(1000) did not raise")
        except IndexError:
            pass
        info = proxy.call("getblockchaininfo")
        assert_equal(info["chain"], "regtest")
        assert_equal(info["blocks"], 0)
        assert_equal(info["bestblockhash"], REGTEST_GENESIS)
        net = proxy._call("getnetworkinfo")
        assert_equal(net["protocolversion"], 70016)
        assert_equal(str(net["relayfee"]), "0.00001000")
        try:
            proxy.call("nosuchmethod")
            raise AssertionError("nosuchmethod did not raise")
        except bitcoin.rpc.JSONRPCError as e:
            assert_equal(e.error["code"], -32601)
            assert_equal(e.error["message"], "Method not found")

    def write_bitcoin_conf(self, name, lines):
        path = os.path.join(self.tmpdir, name)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def run_test(self):
        if not HAVE_BITCOINLIB:
            raise AssertionError("python-bitcoinlib is not installed: depends/install-debian.sh installs python3-bitcoinlib")
        import bitcoin
        import bitcoin.rpc
        bitcoin.SelectParams("regtest")

        self.log.info("cookie, found through a bitcoin.conf naming the data directory")
        node = self.add_node()
        node.start()
        conf = self.write_bitcoin_conf("cookie.conf", ["datadir=" + node.datadir, "rpcport=%d" % node.rpc_port,
                                                       "rpcconnect=127.0.0.1"])
        proxy = bitcoin.rpc.Proxy(btc_conf_file=conf)
        self.check_proxy(proxy)
        proxy.close()
        raw = bitcoin.rpc.RawProxy(btc_conf_file=conf)
        assert_equal(raw.getbestblockhash(), REGTEST_GENESIS)
        assert_equal(raw.getblockcount(), 0)
        raw.close()
        node.stop()

        self.log.info("rpcuser/rpcpassword, from a bitcoin.conf and from a service URL")
        node.rpc_user, node.rpc_password = "user", "pass"
        node.rpc = node.rpc_client()
        node.start(extra_args=["-rpcuser=user", "-rpcpassword=pass"])
        assert_true(not os.path.exists(node.cookie_file), "no cookie with -rpcpassword")
        conf = self.write_bitcoin_conf("password.conf", ["rpcuser=user", "rpcpassword=pass",
                                                         "rpcport=%d" % node.rpc_port, "rpcconnect=127.0.0.1"])
        proxy = bitcoin.rpc.Proxy(btc_conf_file=conf)
        self.check_proxy(proxy)
        proxy.close()
        proxy = bitcoin.rpc.Proxy(service_url="http://user:pass@127.0.0.1:%d" % node.rpc_port)
        self.check_proxy(proxy)
        proxy.close()
        node.stop()


if __name__ == "__main__":
    BitcoinlibTest().main()
