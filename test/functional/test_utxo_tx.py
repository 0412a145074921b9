#!/usr/bin/env python3
"""utxo-tx as a user runs it: decoding (hex argument and standard input),
-txid, -json with Bitcoin Core's exact text, networks, and errors (exit code 1,
one "error:" line on standard error, nothing on standard output)."""
import json
import os
import subprocess
import sys

TOP_SRCDIR = os.environ.get("top_srcdir", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TOP_BUILDDIR = os.environ.get("top_builddir", TOP_SRCDIR)
UTXO_TX = os.path.join(TOP_BUILDDIR, "src", "utxo-tx")

passed = 0
failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what, file=sys.stderr)


def run(*args, stdin=None):
    p = subprocess.run([UTXO_TX, *args], input=stdin, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def main():
    genesis = open(os.path.join(TOP_SRCDIR, "share", "examples", "genesis-coinbase.hex")).read().strip()
    golden = open(os.path.join(TOP_SRCDIR, "test", "data", "core_json", "regtest_coinbase_tx.json")).read().rstrip("\n")
    regtest_hex = json.loads(golden)["hex"]

    rc, out, err = run("-txid", genesis)
    check((rc, out, err) == (0, "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b\n", ""), "txid")
    rc, out, _ = run(genesis)
    check(rc == 0 and out == genesis + "\n", "hex round trip")
    rc, out, _ = run("-json", "-", stdin=genesis + "\n")
    doc = json.loads(out)
    check(rc == 0 and doc["vout"][0]["scriptPubKey"]["type"] == "pubkey", "json from stdin")
    check('"value": 50.00000000,' in out, "amount printed with 8 decimals")
    check(out.startswith('{\n    "txid"'), "4-space indentation like bitcoin-tx")

    # Bitcoin Core's text, re-indented from bitcoin-cli's 2 spaces to bitcoin-tx's 4.
    rc, out, _ = run("-json", "-regtest", regtest_hex)
    expected = "\n".join(" " * (2 * (len(l) - len(l.lstrip(" ")))) + l.lstrip(" ") for l in golden.split("\n"))
    check(rc == 0 and out.rstrip("\n") == expected, "regtest coinbase matches Bitcoin Core's text")
    rc, out, _ = run("-json", "-chain=main", regtest_hex)
    check(rc == 0 and "bc1q8wqsjrysxe9wlpnwe7ngg095570uq308nktqcl" not in out and '"address": "bc1q' in out,
          "main-network address")

    for args, needle in [
        (["zz"], "error: invalid transaction encoding: not hex"),
        (["0"], "error: invalid transaction encoding: not hex"),
        (["01000000"], "error: invalid transaction encoding: invalid transaction: unexpected end of data"),
        ([genesis + "00"], "error: invalid transaction encoding"),
        (["-bogus", genesis], "error: unknown option -bogus"),
        (["-chain=moon", genesis], "error: invalid -chain value 'moon'"),
        ([], "error: no transaction given"),
        ([genesis, genesis], "error: too many arguments"),
    ]:
        rc, out, err = run(*args)
        check(rc == 1 and out == "" and err.startswith(needle) and err.count("\n") == 1, f"{args[:1]}: {rc} {err!r}")
    rc, out, err = run("-", stdin="")
    check(rc == 1 and "error:" in err, "empty stdin")
    rc, out, _ = run("-help")
    check(rc == 0 and "Usage:" in out, "help")
    rc, out, _ = run("-version")
    check(rc == 0 and out.startswith("utxo-tx version v"), "version")

    print(f"test_utxo_tx: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
