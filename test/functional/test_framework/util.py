"""Small helpers shared by the framework and the tests: assertions, polling
with a deadline, free TCP ports and the locations of the binaries."""
import os
import socket
import time

# Regtest genesis block hash (the same in every Bitcoin implementation).
REGTEST_GENESIS = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206"

# Deadlines are multiplied by this (slow machines, sanitizer builds).
TIMEOUT_FACTOR = float(os.environ.get("UTXO_TEST_TIMEOUT_FACTOR", "1") or "1")


def top_srcdir():
    return os.environ.get("top_srcdir") or os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))


def top_builddir():
    return os.environ.get("top_builddir") or top_srcdir()


def utxod_path():
    return os.environ.get("UTXOD") or os.path.join(top_builddir(), "src", "utxod")


def utxo_cli_path():
    return os.environ.get("UTXO_CLI") or os.path.join(top_builddir(), "src", "utxo-cli")


def assert_equal(actual, expected, what=None):
    if actual != expected:
        raise AssertionError("%snot equal:\n  actual:   %r\n  expected: %r"
                             % (what + ": " if what else "", actual, expected))


def assert_true(cond, what):
    if not cond:
        raise AssertionError(what)


def assert_in(needle, haystack, what=None):
    if needle not in haystack:
        raise AssertionError("%s%r not found in %r" % (what + ": " if what else "", needle, haystack))


def assert_not_in(needle, haystack, what=None):
    if needle in haystack:
        raise AssertionError("%s%r unexpectedly found in %r" % (what + ": " if what else "", needle, haystack))


def assert_startswith(text, prefix, what=None):
    if not isinstance(text, str) or not text.startswith(prefix):
        raise AssertionError("%s%r does not start with %r" % (what + ": " if what else "", text, prefix))


def assert_greater_than_or_equal(a, b):
    if not a >= b:
        raise AssertionError("%r is not >= %r" % (a, b))


def assert_raises_rpc_error(code, message, fn, *args, **kwargs):
    """Call fn(*args, **kwargs) and check that it raises JSONRPCException with
    this code (None: any) and a message containing `message` (None: any).
    Returns the exception."""
    from .rpc import JSONRPCException
    try:
        fn(*args, **kwargs)
    except JSONRPCException as e:
        if code is not None and e.code != code:
            raise AssertionError("expected RPC error code %r, got %r (%r)" % (code, e.code, e.message))
        if message is not None and message not in e.message:
            raise AssertionError("expected RPC error message containing %r, got %r" % (message, e.message))
        return e
    raise AssertionError("no RPC error raised (expected code %r, %r)" % (code, message))


def wait_until(predicate, timeout=60, what="condition", interval=0.05):
    """Poll predicate() until it returns a true value and return that value.
    The timeout is only a deadline against hanging forever: running out of it
    is reported as a failure to reach the condition, never as slowness."""
    deadline = time.monotonic() + timeout * TIMEOUT_FACTOR
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("gave up waiting for %s (deadline %gs)" % (what, timeout * TIMEOUT_FACTOR))
        time.sleep(interval)


_handed_out_ports = set()


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now (the kernel
    picks it when binding to port 0). Never hands out the same port twice in
    one process."""
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _handed_out_ports:
            _handed_out_ports.add(port)
            return port
    raise RuntimeError("could not find a free TCP port")


def pid_alive(pid):
    """True if the process exists and is not a zombie (a daemonized node is
    not our child, so nobody here reaps it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except (OSError, IndexError):
        return True


def tail(path, lines=40):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return "(%s)" % e
    text = data.decode("utf-8", "replace").splitlines()
    return "\n".join(text[-lines:])
