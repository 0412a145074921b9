"""The base class of every functional test.

A test subclasses TestCase, sets num_nodes / extra_args / extra_conf in
set_test_params() if the defaults (one node, no extra options) do not fit,
and writes run_test(). main() creates a temporary directory, creates and
starts the nodes, runs the test, and always kills what is left and removes
the directory; on a failure it prints the traceback and the tail of every
node's debug.log, stderr and stdout.

Exit status: 0 passed, 1 failed, 77 skipped (raise SkipTest)."""
import argparse
import logging
import os
import shutil
import sys
import tempfile
import traceback

from . import registry
from .node import Node
from .util import utxod_path

# Re-exported so that tests import everything from one place.
from .rpc import HTTPError, JSONRPCException, RPCClient  # noqa: F401
from .util import (REGTEST_GENESIS, assert_equal, assert_greater_than_or_equal, assert_in,  # noqa: F401
                   assert_not_in, assert_raises_rpc_error, assert_startswith, assert_true, free_port,
                   top_builddir, top_srcdir, wait_until)

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_SKIPPED = 77


class SkipTest(Exception):
    pass


class TestCase:
    def __init__(self):
        self.num_nodes = 1
        self.extra_args = None  # list of lists, one per node
        self.extra_conf = None  # list of lists of configuration lines, one per node
        self.setup_clean_chain = True
        self.nodes = []
        self._all_nodes = []
        self.tmpdir = None
        self.log = logging.getLogger(type(self).__name__)

    # --- to override ---

    def set_test_params(self):
        pass

    def setup_nodes(self):
        """Create and start num_nodes nodes (override to start them yourself)."""
        for i in range(self.num_nodes):
            node = self.add_node(extra_args=(self.extra_args or [[]] * self.num_nodes)[i],
                                 extra_conf=(self.extra_conf or [[]] * self.num_nodes)[i])
            node.start()

    def run_test(self):
        raise NotImplementedError

    # --- helpers for tests ---

    def add_node(self, **kwargs):
        """A new Node (not started) in this test's temporary directory."""
        node = Node(index=len(self._all_nodes), tmpdir=self.tmpdir, **kwargs)
        self._all_nodes.append(node)
        self.nodes.append(node)
        return node

    def skip(self, why):
        raise SkipTest(why)

    # --- driver ---

    def main(self):
        parser = argparse.ArgumentParser(description=(type(self).__doc__ or sys.modules[type(self).__module__].__doc__))
        parser.add_argument("--nocleanup", action="store_true", help="keep the temporary directory and its data")
        parser.add_argument("--tmpdir", help="parent of the test's temporary directory (default $TMPDIR)")
        parser.add_argument("--loglevel", default="INFO", help="DEBUG shows more of what the framework does")
        opts = parser.parse_args()
        logging.basicConfig(level=opts.loglevel.upper(), stream=sys.stdout,
                            format="%(asctime)s.%(msecs)03d %(name)s %(levelname)s %(message)s", datefmt="%H:%M:%S")
        registry.keep_dirs = opts.nocleanup

        status = EXIT_FAILED
        self.tmpdir = tempfile.mkdtemp(prefix="utxo_%s_" % type(self).__name__, dir=opts.tmpdir)
        registry.add_dir(self.tmpdir)
        try:
            self.set_test_params()
            if not os.path.exists(utxod_path()):
                raise AssertionError("utxod not found at %s (build it, or set UTXOD)" % utxod_path())
            self.setup_nodes()
            self.run_test()
            self._stop_running_nodes()
            status = EXIT_PASSED
        except SkipTest as e:
            self.log.warning("skipped: %s", e)
            status = EXIT_SKIPPED
        except BaseException:
            traceback.print_exc(file=sys.stdout)
            status = EXIT_FAILED
        finally:
            if status == EXIT_FAILED:
                for node in self._all_nodes:
                    print(node.describe_logs(), file=sys.stdout)
            for node in self._all_nodes:
                try:
                    node.cleanup(keep=opts.nocleanup)
                except Exception:
                    traceback.print_exc(file=sys.stdout)
            if opts.nocleanup:
                self.log.info("kept %s", self.tmpdir)
            else:
                shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.log.info({EXIT_PASSED: "passed", EXIT_FAILED: "FAILED", EXIT_SKIPPED: "skipped"}[status])
        sys.stdout.flush()
        sys.exit(status)

    def _stop_running_nodes(self):
        """A test that passes leaves nodes running only if it did not care to
        stop them; they must still shut down cleanly."""
        for node in self._all_nodes:
            if node.running:
                node.stop()
