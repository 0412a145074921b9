"""One utxod process in a temporary regtest data directory: free ports, the
configuration file, start and wait for RPC, stop and check a clean shutdown,
signals, kill, expected start-up failures and utxo-cli runs against it."""
import http.client
import os
import shutil
import signal
import subprocess
import tempfile
import time

from . import registry
from .rpc import HTTPError, JSONRPCException, RPCClient
from .util import (TIMEOUT_FACTOR, assert_equal, assert_in, free_port, pid_alive, tail,
                   utxo_cli_path, utxod_path, wait_until)

RPC_IN_WARMUP = -28
START_TIMEOUT = 60
STOP_TIMEOUT = 60

# Failures to bind a port we picked: another process took it between our
# probe and utxod's bind. Start-up is retried with new ports.
BIND_FAILURES = ("Unable to start HTTP server", "Unable to bind", "Address already in use")


def conf_with_defaults(head, defaults, extra_conf):
    """Config file text: head, the defaults extra_conf does not set itself,
    then extra_conf. (A config file's first value of an option wins, in
    bitcoind as in utxod, so a default must not precede its override.)"""
    overridden = {line.split("=", 1)[0].strip() for line in extra_conf if "=" in line}
    lines = head + [d for d in defaults if d.split("=", 1)[0] not in overridden] + list(extra_conf)
    return "\n".join(lines) + "\n"


class StartError(Exception):
    pass


class Node:
    def __init__(self, index=0, tmpdir=None, extra_args=(), extra_conf=(), rpc_user=None, rpc_password=None,
                 conf_name="utxod.conf", write_conf=True, binary=None, cli_binary=None):
        """Create the data directory (under tmpdir, default $TMPDIR) and its
        configuration file. rpc_user/rpc_password: the credentials the test's
        RPC client uses instead of the cookie (pass the matching -rpcuser /
        -rpcpassword / -rpcauth in extra_args or extra_conf yourself)."""
        self.index = index
        self.binary = binary or utxod_path()
        self.cli_binary = cli_binary or utxo_cli_path()
        self.extra_args = list(extra_args)
        self.extra_conf = list(extra_conf)
        self.rpc_user = rpc_user
        self.rpc_password = rpc_password
        self.conf_name = conf_name
        self.datadir = tempfile.mkdtemp(prefix="node%d_" % index, dir=tmpdir)
        registry.add_dir(self.datadir)
        self.chaindir = os.path.join(self.datadir, "regtest")
        self.debug_log = os.path.join(self.chaindir, "debug.log")
        self.cookie_file = os.path.join(self.chaindir, ".cookie")
        self.pid_file = os.path.join(self.chaindir, "utxod.pid")
        self.conf_file = os.path.join(self.datadir, conf_name)
        self.stdout_path = os.path.join(self.datadir, "stdout.txt")
        self.stderr_path = os.path.join(self.datadir, "stderr.txt")
        self.process = None
        self.daemon_pid = None
        self._log_offset = 0
        self._stdout = self._stderr = None
        self.write_conf = write_conf
        self._new_ports()
        self.rpc = self._make_rpc()

    # --- configuration ---

    def _new_ports(self):
        self.rpc_port = free_port()
        self.p2p_port = free_port()
        if self.write_conf:
            self.write_config()

    def config_text(self):
        return conf_with_defaults(["regtest=1", "[regtest]"],
                                  ["rpcport=%d" % self.rpc_port, "port=%d" % self.p2p_port, "listen=0"],
                                  self.extra_conf)

    def write_config(self):
        with open(self.conf_file, "w") as f:
            f.write(self.config_text())

    def _make_rpc(self, path="/"):
        return RPCClient("127.0.0.1", self.rpc_port, user=self.rpc_user, password=self.rpc_password,
                         cookie_file=self.cookie_file, path=path)

    def rpc_client(self, path="/", user=None, password=None, jsonrpc_version=None):
        """A new RPC client on its own connection (other endpoint, other
        credentials, or JSON-RPC 2.0)."""
        c = RPCClient("127.0.0.1", self.rpc_port, user=user if password is not None else self.rpc_user,
                      password=password if password is not None else self.rpc_password,
                      cookie_file=self.cookie_file, path=path, jsonrpc_version=jsonrpc_version)
        return c

    # --- processes ---

    def args(self, extra_args=None):
        return [self.binary, "-datadir=" + self.datadir] + self.extra_args + list(extra_args or [])

    @property
    def running(self):
        if self.daemon_pid is not None:
            return pid_alive(self.daemon_pid)
        return self.process is not None and self.process.poll() is None

    def start(self, extra_args=None, wait=True):
        """Start utxod. With wait, block until RPC answers (see wait_for_rpc);
        if utxod could not bind the RPC port picked for it, pick new ports and
        try again (twice)."""
        for attempt in range(3):
            self._spawn(extra_args)
            if not wait:
                return
            try:
                self.wait_for_rpc()
                return
            except StartError:
                if attempt < 2 and self.process.poll() is not None and self._bind_failed():
                    self._new_ports()
                    self.rpc.close()
                    self.rpc = self._make_rpc()
                    continue
                raise

    def _bind_failed(self):
        text = tail(self.stderr_path, 50) + tail(self.debug_log, 50)
        return any(s in text for s in BIND_FAILURES)

    def _spawn(self, extra_args):
        if self.running:
            raise RuntimeError("node %d is already running" % self.index)
        self._close_files()
        self._log_offset = os.path.getsize(self.debug_log) if os.path.exists(self.debug_log) else 0
        self.daemon_pid = None
        self._stdout = open(self.stdout_path, "ab")
        self._stderr = open(self.stderr_path, "ab")
        self._stderr_offset = self._stderr.tell()
        self.process = subprocess.Popen(self.args(extra_args), stdin=subprocess.DEVNULL,
                                        stdout=self._stdout, stderr=self._stderr)
        registry.add_process(self.process)

    def _close_files(self):
        for f in (self._stdout, self._stderr):
            if f is not None:
                f.close()
        self._stdout = self._stderr = None

    def stderr_since_start(self):
        with open(self.stderr_path, "rb") as f:
            f.seek(getattr(self, "_stderr_offset", 0))
            return f.read().decode("utf-8", "replace")

    def rotate_log(self):
        """Moves debug.log away as logrotate does (the node keeps writing to
        the moved file until it reopens it); returns the new name."""
        rotated = self.debug_log + ".1"
        os.rename(self.debug_log, rotated)
        self._log_offset = 0  # the next debug.log starts empty
        return rotated

    def log_since_start(self):
        """What utxod wrote to debug.log since the last start."""
        try:
            with open(self.debug_log, "rb") as f:
                f.seek(self._log_offset)
                return f.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def wait_for_rpc(self, timeout=START_TIMEOUT, process_may_exit=False):
        """Wait until the cookie file exists (when authenticating with the
        cookie) and getblockcount succeeds, retrying on connection errors, a
        cookie that is not (yet) the server's, and warm-up (-28). Fails early
        if the process exits (unless process_may_exit: the foreground process
        of -daemon)."""
        deadline = time.monotonic() + timeout * TIMEOUT_FACTOR
        last = "nothing tried yet"
        while True:
            if not process_may_exit and self.process.poll() is not None:
                self._close_files()
                raise StartError("utxod exited with code %s during start-up; stderr:\n%s"
                                 % (self.process.returncode, tail(self.stderr_path, 20)))
            if time.monotonic() > deadline:
                raise StartError("utxod's RPC did not come up (deadline %gs); last: %s"
                                 % (timeout * TIMEOUT_FACTOR, last))
            if self.rpc_password is None and not os.path.exists(self.cookie_file):
                last = "no cookie file yet"
                time.sleep(0.05)
                continue
            try:
                self.rpc.call("getblockcount")
                return
            except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError,
                    http.client.RemoteDisconnected) as e:
                last = repr(e)
                self.rpc.close()
            except JSONRPCException as e:
                if e.code != RPC_IN_WARMUP:
                    raise
                last = "warm-up: " + e.message
            except HTTPError as e:
                if e.status != 401 or self.rpc_password is not None:
                    raise
                last = "401: stale cookie"
                self.rpc.reload_cookie()
            time.sleep(0.05)

    def stop(self):
        """Stop through the stop RPC and check a clean shutdown (see
        wait_stopped). Returns the RPC's result."""
        result = self.rpc.call("stop")
        self.rpc.close()
        self.wait_stopped()
        return result

    def wait_stopped(self, expected_code=0, timeout=STOP_TIMEOUT):
        """Wait for the process to exit, check its exit code (not knowable for
        a -daemon node, which is not our child) and that debug.log says
        "Shutdown: done" since this start."""
        self.rpc.close()
        if self.daemon_pid is not None:
            wait_until(lambda: not pid_alive(self.daemon_pid), timeout, "daemon pid %d to exit" % self.daemon_pid)
        else:
            try:
                code = self.process.wait(timeout * TIMEOUT_FACTOR)
            except subprocess.TimeoutExpired:
                raise AssertionError("utxod did not exit within %gs" % (timeout * TIMEOUT_FACTOR))
            finally:
                self._close_files()
            assert_equal(code, expected_code, "utxod exit code")
        assert_in("Shutdown: done", self.log_since_start(), "debug.log since start")

    def send_signal(self, sig):
        os.kill(self.daemon_pid if self.daemon_pid is not None else self.process.pid, sig)

    def kill(self):
        """SIGKILL, no checks."""
        self.rpc.close()
        if self.daemon_pid is not None:
            try:
                os.kill(self.daemon_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            wait_until(lambda: not pid_alive(self.daemon_pid), STOP_TIMEOUT, "killed daemon to exit")
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close_files()

    def adopt_daemon(self):
        """After a -daemon start: record the detached node's pid (from
        utxod.pid) so stop/kill/cleanup act on it."""
        with open(self.pid_file) as f:
            self.daemon_pid = int(f.read().strip())
        registry.add_pid(self.daemon_pid)
        return self.daemon_pid

    def assert_start_error(self, extra_args, expected_stderr, expected_code=1, timeout=START_TIMEOUT):
        """Start utxod with this data directory and extra_args, expecting it to
        exit with expected_code and expected_stderr in its standard error.
        Returns the standard error text."""
        p = subprocess.Popen(self.args(extra_args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        registry.add_process(p)
        try:
            out, err = p.communicate(timeout=timeout * TIMEOUT_FACTOR)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            raise AssertionError("utxod %r was expected to fail but was still running after %gs"
                                 % (extra_args, timeout * TIMEOUT_FACTOR))
        err = err.decode("utf-8", "replace")
        if p.returncode != expected_code or expected_stderr not in err:
            raise AssertionError("utxod %r: expected exit %d and %r on stderr, got exit %d\nstderr: %s\nstdout: %s"
                                 % (extra_args, expected_code, expected_stderr, p.returncode, err,
                                    out.decode("utf-8", "replace")[-2000:]))
        return err

    # --- utxo-cli ---

    def cli_args(self, *args):
        return [self.cli_binary, "-datadir=" + self.datadir, "-regtest"] + [str(a) for a in args]

    def cli(self, *args, stdin=None, timeout=60):
        """Run utxo-cli against this node; returns (returncode, stdout, stderr)."""
        p = subprocess.run(self.cli_args(*args), input=stdin, capture_output=True, text=True,
                           timeout=timeout * TIMEOUT_FACTOR)
        return p.returncode, p.stdout, p.stderr

    def cli_popen(self, *args):
        """Start utxo-cli in the background (text pipes); the caller waits."""
        p = subprocess.Popen(self.cli_args(*args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        registry.add_process(p)
        return p

    # --- diagnostics and cleanup ---

    def describe_logs(self, lines=40):
        parts = []
        shown = set()
        for name, path in (("debug.log", self.debug_log), ("stderr", self.stderr_path),
                           ("stdout", self.stdout_path)):
            if os.path.exists(path) and os.path.getsize(path) > 0:
                text = tail(path, lines)
                if text in shown:  # stdout usually repeats debug.log (-printtoconsole)
                    continue
                shown.add(text)
                parts.append("--- node%d %s (last %d lines) ---\n%s" % (self.index, name, lines, text))
        return "\n".join(parts)

    def cleanup(self, keep=False):
        if self.running:
            self.kill()
        self.rpc.close()
        self._close_files()
        if not keep:
            shutil.rmtree(self.datadir, ignore_errors=True)
