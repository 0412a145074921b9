#!/usr/bin/env python3
"""Run utxod's functional tests (rpc_*.py, feature_*.py, interface_*.py,
tool_*.py and interop_*.py in this folder) in parallel, each as its own
process in its own process group with its own temporary directory.

Prints one line per test (name, passed/failed/skipped, seconds), the output
of every failed test, and the summary line "N passed, N failed". Exits 1 if
any test failed or utxod is not built, else 0.

Environment: top_builddir / top_srcdir (exported by make check; default: the
source tree), UTXOD and UTXO_CLI (override the binaries),
UTXO_TEST_TIMEOUT_FACTOR (multiplies every deadline; 4 by default in a
sanitizer build, when make check exports UTXO_SANITIZERS), TMPDIR.

  test/functional/test_runner.py                 # everything, 2 at a time
  test/functional/test_runner.py -j 1 rpc_help   # a selection
"""
import argparse
import concurrent.futures
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
PATTERNS = ("rpc_*.py", "feature_*.py", "interface_*.py", "tool_*.py", "interop_*.py")


def discover():
    names = set()
    for pattern in PATTERNS:
        names.update(os.path.basename(p) for p in glob.glob(os.path.join(HERE, pattern)))
    return sorted(names)


def select(all_tests, wanted):
    if not wanted:
        return all_tests
    chosen = []
    for w in wanted:
        w = os.path.basename(w)
        name = w if w.endswith(".py") else w + ".py"
        if name not in all_tests:
            raise SystemExit("unknown test %s (known: %s)" % (w, " ".join(all_tests)))
        chosen.append(name)
    return chosen


class Result:
    def __init__(self, name, status, seconds, output):
        self.name, self.status, self.seconds, self.output = name, status, seconds, output


def run_one(name, opts, base_tmp):
    """Run one test script; returns a Result. A test that overruns its
    deadline is killed with its whole process group."""
    tmp = tempfile.mkdtemp(prefix=name[:-3] + "_", dir=base_tmp)
    env = dict(os.environ)
    env["TMPDIR"] = tmp
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("top_srcdir", os.path.normpath(os.path.join(HERE, "..", "..")))
    env.setdefault("top_builddir", env["top_srcdir"])
    out_path = os.path.join(base_tmp, name + ".out")
    cmd = [sys.executable, os.path.join(HERE, name)] + (["--nocleanup"] if opts.nocleanup else [])
    start = time.monotonic()
    with open(out_path, "wb") as out:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                             start_new_session=True)
        try:
            code = p.wait(opts.timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(p.pid, signal.SIGTERM)
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
            code = p.returncode
        # Nothing the test started may outlive it.
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    seconds = time.monotonic() - start
    with open(out_path, "rb") as f:
        output = f.read().decode("utf-8", "replace")
    if timed_out:
        output += "\n(killed: no result within %ds)\n" % opts.timeout
    if not opts.nocleanup:
        shutil.rmtree(tmp, ignore_errors=True)
        os.unlink(out_path)
    status = "passed" if code == 0 and not timed_out else "skipped" if code == 77 else "failed"
    return Result(name, status, seconds, output)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tests", nargs="*", help="tests to run (default: all)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="tests run in parallel (default 2)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds before a test is killed (default 600)")
    parser.add_argument("--nocleanup", action="store_true", help="keep each test's temporary directory")
    opts = parser.parse_args()
    if os.environ.get("UTXO_SANITIZERS") and not os.environ.get("UTXO_TEST_TIMEOUT_FACTOR"):
        os.environ["UTXO_TEST_TIMEOUT_FACTOR"] = "4"  # instrumented binaries are slower
    factor = float(os.environ.get("UTXO_TEST_TIMEOUT_FACTOR", "1") or "1")
    opts.timeout = int(opts.timeout * factor)

    tests = select(discover(), opts.tests)
    top_builddir = os.environ.get("top_builddir") or os.path.normpath(os.path.join(HERE, "..", ".."))
    utxod = os.environ.get("UTXOD") or os.path.join(top_builddir, "src", "utxod")
    if not os.path.exists(utxod):
        # A missing daemon is a failure, never a silent skip.
        print("utxod not found at %s: build it (make), or set UTXOD" % utxod)
        print("0 passed, 1 failed")
        return 1

    base_tmp = tempfile.mkdtemp(prefix="utxo_functional_")
    results = []
    lock = threading.Lock()
    print("running %d tests, %d at a time (temporary files under %s)" % (len(tests), opts.jobs, base_tmp))
    sys.stdout.flush()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
            futures = [pool.submit(run_one, name, opts, base_tmp) for name in tests]
            for future in concurrent.futures.as_completed(futures):
                r = future.result()
                with lock:
                    results.append(r)
                    print("%-32s %-7s %6.1f s" % (r.name, r.status, r.seconds))
                    sys.stdout.flush()
    finally:
        if not opts.nocleanup:
            shutil.rmtree(base_tmp, ignore_errors=True)

    failed = [r for r in results if r.status == "failed"]
    skipped = [r for r in results if r.status == "skipped"]
    for r in sorted(failed, key=lambda r: r.name):
        print("\n======== %s failed; its output: ========\n%s" % (r.name, r.output.rstrip("\n")))
    print()
    if skipped:
        print("%d skipped: %s" % (len(skipped), " ".join(r.name for r in skipped)))
    passed = sum(1 for r in results if r.status == "passed")
    print("%d passed, %d failed" % (passed, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
