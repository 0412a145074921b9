#!/usr/bin/env python3
"""Times a fresh utxod syncing a generated regtest chain over loopback P2P,
against -loadblock of the same chain (doc/benchmarks.md, issue 7).

  contrib/bench/sync_bench.py [--blocks=1200] [--txs-per-block=100] [--par=2]
                              [--dbcache=450] [--runs=3] [--builddir=.]
                              [--bitcoind=depends/bitcoind/bin/bitcoind]

For each run: a serving node imports the chain with -loadblock; then a fresh
node syncs it from one peer, and another fresh node from two peers (the
first two). With --bitcoind, the same for a Bitcoin Core-family bitcoind
(depends/fetch-bitcoind.sh): its -loadblock of the file, its sync from one
utxod peer and from one bitcoind peer, and utxod's sync from one bitcoind. Prints, per mode, the wall time from start to the tip, blocks/s,
MB/s of block data, the syncing node's peak RSS (VmHWM), and the CPU time
the serving node(s) spent while serving. Uses only loopback; every node's
data directory is under a temporary directory removed at the end."""
import argparse
import base64
import http.client
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, builddir, root, name, args, bitcoind=None):
        """utxod from builddir, or the bitcoind at that path."""
        self.datadir = os.path.join(root, name)
        os.makedirs(self.datadir)
        self.rpc_port, self.p2p_port = free_port(), free_port()
        # For bitcoind: no wallet, seeds, Tor control or port mapping, as utxod has none.
        extra = "server=1\ndisablewallet=1\ndnsseed=0\nfixedseeds=0\nlistenonion=0\nnatpmp=0\n" if bitcoind else ""
        with open(os.path.join(self.datadir, "bitcoin.conf" if bitcoind else "utxod.conf"), "w") as f:
            f.write("regtest=1\n%s[regtest]\nrpcport=%d\nport=%d\nlisten=1\nbind=127.0.0.1\nprinttoconsole=0\n"
                    % (extra, self.rpc_port, self.p2p_port))
        binary = bitcoind or os.path.join(builddir, "src", "utxod")
        self.process = subprocess.Popen([binary, "-datadir=" + self.datadir] + args,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def call(self, method, *params):
        cookie = os.path.join(self.datadir, "regtest", ".cookie")
        while not os.path.exists(cookie):
            time.sleep(0.05)
        auth = base64.b64encode(open(cookie, "rb").read().strip()).decode()
        for _ in range(200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.rpc_port, timeout=600)
                conn.request("POST", "/", json.dumps({"method": method, "params": list(params), "id": 1}),
                             {"Authorization": "Basic " + auth})
                reply = json.loads(conn.getresponse().read())
                if reply.get("error") and reply["error"]["code"] == -28:
                    time.sleep(0.05)
                    continue
                return reply["result"]
            except (ConnectionRefusedError, http.client.RemoteDisconnected):
                time.sleep(0.05)
        raise RuntimeError("no RPC answer from " + self.datadir)

    def cpu_seconds(self):
        fields = open("/proc/%d/stat" % self.process.pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mib(self):
        for line in open("/proc/%d/status" % self.process.pid):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def wait_height(self, height):
        while self.call("getblockcount") < height:
            time.sleep(0.1)

    def stop(self):
        self.call("stop")
        self.process.wait(120)


def time_bitcoind(opts, base, common, chain, utxod_server, results):
    """The bitcoind modes; utxod_server holds the whole chain."""
    # bitcoind's import wants the genesis block in the file (without it, a
    # fresh regtest bitcoind 29 aborts on its -checkblockindex assertion).
    genesis = bytes.fromhex(utxod_server.call("getblock", utxod_server.call("getblockhash", 0), 0))
    with_genesis = chain + ".with-genesis"
    with open(with_genesis, "wb") as out, open(chain, "rb") as blocks:
        out.write(bytes.fromhex("fabfb5da") + len(genesis).to_bytes(4, "little") + genesis)
        shutil.copyfileobj(blocks, out)
    began = time.monotonic()
    server = Node(opts.builddir, base, "core_a", common + ["-loadblock=" + with_genesis], bitcoind=opts.bitcoind)
    server.wait_height(opts.blocks)
    results["bitcoind: loadblock"].append((time.monotonic() - began, server.peak_rss_mib(), 0.0))
    for mode, serving, bitcoind in [("bitcoind: sync from 1 utxod peer", utxod_server, opts.bitcoind),
                                    ("bitcoind: sync from 1 bitcoind peer", server, opts.bitcoind),
                                    ("utxod: sync from 1 bitcoind peer", server, None)]:
        cpu_before = serving.cpu_seconds()
        began = time.monotonic()
        node = Node(opts.builddir, base, "sync%d" % len(os.listdir(base)), common +
                    ["-connect=127.0.0.1:%d" % serving.p2p_port], bitcoind=bitcoind)
        node.wait_height(opts.blocks)
        results[mode].append((time.monotonic() - began, node.peak_rss_mib(), serving.cpu_seconds() - cpu_before))
        node.stop()
    server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--blocks", type=int, default=1200)
    parser.add_argument("--txs-per-block", type=int, default=100)
    parser.add_argument("--par", type=int, default=2)
    parser.add_argument("--dbcache", type=int, default=450)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--builddir", default=".")
    parser.add_argument("--bitcoind", help="also time this bitcoind (Bitcoin Core family)")
    opts = parser.parse_args()
    root = tempfile.mkdtemp(prefix="utxo_sync_bench_")
    try:
        chain = os.path.join(root, "chain.dat")
        start = int(time.time()) - opts.blocks * 600
        subprocess.run([os.path.join(opts.builddir, "contrib", "gen-chain", "gen-chain"), "--out=" + chain,
                        "--blocks=%d" % opts.blocks, "--txs-per-block=%d" % opts.txs_per_block,
                        "--start-time=%d" % start], check=True, stdout=subprocess.DEVNULL)
        size_mb = os.path.getsize(chain) / 1e6
        common = ["-par=%d" % opts.par, "-dbcache=%d" % opts.dbcache]
        results = {"loadblock": [], "sync from 1 peer": [], "sync from 2 peers": []}
        if opts.bitcoind:
            for mode in ("bitcoind: loadblock", "bitcoind: sync from 1 utxod peer", "bitcoind: sync from 1 bitcoind peer",
                         "utxod: sync from 1 bitcoind peer"):
                results[mode] = []
        for run in range(opts.runs):
            base = os.path.join(root, "run%d" % run)
            os.makedirs(base)
            began = time.monotonic()
            a = Node(opts.builddir, base, "a", common + ["-loadblock=" + chain])
            a.wait_height(opts.blocks)
            results["loadblock"].append((time.monotonic() - began, a.peak_rss_mib(), 0.0))
            transactions = a.call("getchaintxstats")["txcount"]
            b = Node(opts.builddir, base, "b", common)
            b.wait_height(0)
            # b serves later; for now it just has to exist with an empty chain.
            cpu_before = a.cpu_seconds()
            began = time.monotonic()
            c = Node(opts.builddir, base, "c", common + ["-connect=127.0.0.1:%d" % a.p2p_port])
            c.wait_height(opts.blocks)
            results["sync from 1 peer"].append((time.monotonic() - began, c.peak_rss_mib(), a.cpu_seconds() - cpu_before))
            c.stop()
            # b syncs from a first so that two full peers exist, then d syncs from a and b.
            b.call("addnode", "127.0.0.1:%d" % a.p2p_port, "onetry")
            b.wait_height(opts.blocks)
            cpu_before = a.cpu_seconds() + b.cpu_seconds()
            began = time.monotonic()
            d = Node(opts.builddir, base, "d", common + ["-addnode=127.0.0.1:%d" % a.p2p_port,
                                                         "-addnode=127.0.0.1:%d" % b.p2p_port])
            d.wait_height(opts.blocks)
            results["sync from 2 peers"].append((time.monotonic() - began, d.peak_rss_mib(),
                                                 a.cpu_seconds() + b.cpu_seconds() - cpu_before))
            for node in (d, b):
                node.stop()
            if opts.bitcoind:
                time_bitcoind(opts, base, common, chain, a, results)
            a.stop()
        print("chain: %d blocks, %d transactions, %.1f MB; -par=%d -dbcache=%d; %d runs (median shown)"
              % (opts.blocks, transactions, size_mb, opts.par, opts.dbcache, opts.runs))
        print("| mode | time | blocks/s | MB/s | tx/s | peak RSS | serving CPU |")
        print("|---|---|---|---|---|---|---|")
        for mode, rows in results.items():
            rows.sort()
            wall, rss, cpu = rows[len(rows) // 2]
            print("| %s | %.1f s | %.0f | %.1f | %.0f | %.0f MiB | %s |"
                  % (mode, wall, opts.blocks / wall, size_mb / wall, transactions / wall, rss,
                     "-" if mode.endswith("loadblock") else "%.1f s" % cpu))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
