#!/usr/bin/env python3
"""The configuration file: a data directory holding only a bitcoin.conf has
it read (the node comes up on the RPC port it names), and bitcoind options
utxod lacks there are skipped with a warning; when utxod.conf exists
too, utxod.conf is the one read; an unknown key in the configuration file
stops start-up with exit 1 and a standard error line naming the key."""
import os

from test_framework.test_framework import TestCase, assert_equal, assert_true


class ConfigTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0

    def run_test(self):
        self.log.info("only a bitcoin.conf")
        # A wallet option of bitcoind's, which utxod does not have.
        node = self.add_node(conf_name="bitcoin.conf", extra_conf=["fallbackfee=0.0002"])
        assert_true(not os.path.exists(os.path.join(node.datadir, "utxod.conf")), "no utxod.conf")
        node.start()  # comes up only if bitcoin.conf's rpcport=... was read
        assert_equal(node.rpc.call("getblockchaininfo")["chain"], "regtest")
        node.stop()
        assert_true("ignoring unknown configuration value fallbackfee" in node.log_since_start(),
                    "the skipped key is logged")

        self.log.info("utxod.conf is preferred to bitcoin.conf")
        node = self.add_node()
        with open(os.path.join(node.datadir, "bitcoin.conf"), "w") as f:
            f.write("regtest=1\n[regtest]\nrpcport=1\nport=1\nlisten=0\nbogus=1\n")
        node.start()
        assert_equal(node.rpc.call("getblockcount"), 0)
        node.stop()

        self.log.info("an unknown key in the configuration file")
        node = self.add_node()
        with open(node.conf_file) as f:
            text = f.read()
        with open(node.conf_file, "w") as f:
            f.write("bogus=1\n" + text)
        err = node.assert_start_error([], "bogus")
        assert_true(any(l.startswith("Error: ") and "bogus" in l for l in err.splitlines()),
                    "an \"Error: \" line naming bogus on stderr: %r" % err)
        assert_true(not os.path.exists(node.cookie_file), "no RPC server was started")


if __name__ == "__main__":
    ConfigTest().main()
