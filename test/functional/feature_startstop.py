#!/usr/bin/env python3
"""Starting and stopping utxod: a fresh regtest node is at height 0; the stop
RPC answers "utxod stopping" and the process exits 0 after logging
"Shutdown: done" and removing its .cookie; SIGTERM and SIGINT shut down just
as cleanly; a second utxod on the same data directory exits 1 because it
cannot lock it; an unknown option exits 1 naming it; -daemon detaches (the
foreground process exits 0, the node answers RPC, utxod.pid in the network
directory holds the running node's pid and is removed at shutdown); SIGHUP
makes the node reopen debug.log (after a log rotation moved it away); an RPC
port already in use stops start-up with exit 1 and one clear line."""
import os
import signal

from test_framework.test_framework import TestCase, assert_equal, assert_true, wait_until
from test_framework.util import pid_alive


class StartStopTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 1

    def run_test(self):
        node = self.nodes[0]

        self.log.info("fresh regtest node is at height 0")
        assert_equal(node.rpc.call("getblockcount"), 0)
        assert_true(os.path.exists(node.cookie_file), ".cookie exists while running")

        self.log.info("stop RPC")
        assert_equal(node.stop(), "utxod stopping")
        assert_true(not os.path.exists(node.cookie_file), ".cookie is removed at shutdown")

        for sig in (signal.SIGTERM, signal.SIGINT):
            self.log.info("%s shuts down cleanly", signal.Signals(sig).name)
            node.start()
            assert_equal(node.rpc.call("getblockcount"), 0)
            node.send_signal(sig)
            node.wait_stopped(expected_code=0)
            assert_true(not os.path.exists(node.cookie_file), ".cookie is removed at shutdown")

        self.log.info("a second utxod on the same data directory cannot lock it")
        node.start()
        node.assert_start_error([], "Cannot obtain a lock on data directory")
        assert_equal(node.rpc.call("getblockcount"), 0)  # the first one is unharmed
        node.stop()

        self.log.info("SIGHUP reopens debug.log")
        node.start(extra_args=["-debug=rpc"])
        rotated = node.rotate_log()
        node.send_signal(signal.SIGHUP)

        def reopened():
            # Each call logs a [rpc] line: once the file is reopened it lands in a new debug.log.
            node.rpc.call("getblockcount")
            return os.path.exists(node.debug_log)
        wait_until(reopened, what="a new debug.log after SIGHUP")
        node.stop()
        with open(node.debug_log, encoding="utf-8") as f:
            assert_true("Shutdown: done" in f.read(), "the shutdown is logged in the reopened file")
        with open(rotated, encoding="utf-8") as f:
            assert_true("init message: Done loading" in f.read(), "start-up stayed in the rotated file")

        self.log.info("an RPC port in use")
        other = self.add_node()
        other.start()
        node.assert_start_error(["-rpcport=%d" % other.rpc_port], "Error: Unable to bind any endpoint for RPC server")
        other.stop()

        self.log.info("unknown command-line option")
        node.assert_start_error(["-foo"], "Invalid parameter -foo")

        self.log.info("-daemon")
        node.start(extra_args=["-daemon"], wait=False)
        foreground = node.process
        code = foreground.wait(60)
        assert_equal(code, 0, "foreground process exit code")
        node.wait_for_rpc(process_may_exit=True)
        pid = node.adopt_daemon()
        assert_true(pid != foreground.pid, "the pid file names the detached process, not the foreground one")
        assert_true(pid_alive(pid), "the detached node is running")
        assert_equal(node.rpc.call("getblockcount"), 0)
        assert_equal(node.stop(), "utxod stopping")
        assert_true(not os.path.exists(node.pid_file), "utxod.pid is removed at shutdown")
        wait_until(lambda: not pid_alive(pid), what="daemon exit")


if __name__ == "__main__":
    StartStopTest().main()
