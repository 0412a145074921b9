"""python-bitcoinlib (Debian's python3-bitcoinlib), the independent client some
tests drive utxod with. Importing this module does not need the library."""
import os
import sys


def import_bitcoinlib():
    """python-bitcoinlib, re-running this test under Debian's python3 if the
    interpreter running it does not have the library."""
    try:
        import bitcoin.rpc  # noqa: F401
        return True
    except ImportError:
        pass
    system_python = "/usr/bin/python3"
    if os.path.exists(system_python) and os.path.realpath(sys.executable) != os.path.realpath(system_python) \
            and not os.environ.get("UTXO_BITCOINLIB_REEXEC"):
        os.environ["UTXO_BITCOINLIB_REEXEC"] = "1"
        os.execv(system_python, [system_python] + sys.argv)
    return False
