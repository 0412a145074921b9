"""A Bitcoin Core v29-family bitcoind (Debian's Bitcoin Knots, fetched by
depends/fetch-bitcoind.sh) run like a utxod Node: same temporary data
directory layout, cookie authentication, start/stop checks and logs."""
import os
import subprocess

from .node import Node, conf_with_defaults
from .util import top_srcdir


def bitcoind_path():
    """$BITCOIND, else the wrapper depends/fetch-bitcoind.sh installs."""
    return os.environ.get("BITCOIND") or os.path.join(top_srcdir(), "depends", "bitcoind", "bin", "bitcoind")


def bitcoind_version():
    """bitcoind's first -version line, or None when it is missing or does not run."""
    path = bitcoind_path()
    if not os.access(path, os.X_OK):
        return None
    try:
        out = subprocess.run([path, "-version"], capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return out.stdout.splitlines()[0] if out.returncode == 0 and out.stdout else None


class BitcoindNode(Node):
    def __init__(self, **kwargs):
        kwargs.setdefault("conf_name", "bitcoin.conf")
        super().__init__(binary=bitcoind_path(), **kwargs)
        self.pid_file = os.path.join(self.chaindir, "bitcoind.pid")

    def config_text(self):
        # No wallet (the test never needs one), no DNS or fixed seeds, no Tor
        # control port, no NAT port mapping; everything else is bitcoind's default.
        head = ["regtest=1", "server=1", "disablewallet=1", "dnsseed=0", "fixedseeds=0", "listenonion=0", "natpmp=0",
                "[regtest]"]
        return conf_with_defaults(head, ["rpcport=%d" % self.rpc_port, "port=%d" % self.p2p_port, "listen=0"],
                                  self.extra_conf)
