"""Everything the framework started or created in this Python process, so that
an exit by any route (failure, exception, SIGTERM from the runner) kills the
processes and removes the temporary directories. Normal cleanup happens in
TestCase; this is the safety net run at interpreter exit."""
import atexit
import os
import shutil
import signal

_processes = []
_pids = []
_dirs = []
keep_dirs = False


def add_process(p):
    _processes.append(p)


def add_pid(pid):
    _pids.append(pid)


def add_dir(path):
    _dirs.append(path)


def kill_all():
    for p in _processes:
        if p.poll() is None:
            try:
                p.kill()
                p.wait(10)
            except Exception:
                pass
    for pid in _pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _at_exit():
    kill_all()
    if not keep_dirs:
        for d in _dirs:
            shutil.rmtree(d, ignore_errors=True)


atexit.register(_at_exit)


def _on_sigterm(signum, frame):
    # Turn the runner's SIGTERM into SystemExit so finally blocks and atexit run.
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, _on_sigterm)
