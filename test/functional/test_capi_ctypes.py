#!/usr/bin/env python3
"""libutxoconsensus through Python ctypes, using only the public C API.

Usage: test_capi_ctypes.py [PATH_TO_LIBRARY]
Without an argument the library built in this tree is used
($top_builddir/src/capi/.libs/libutxoconsensus.so).

Checks: the version, real spends (a legacy multisig from Bitcoin Core's
tx_valid.json and every signed taproot key-path input of BIP341's wallet
vectors, with spent outputs), error codes for bad calls, check_transaction
reject reasons, script error names, and that random bytes never crash it.
"""
import ctypes
import json
import os
import random
import sys

from test_framework.blocktools import skip_inputs_and_outputs

HERE = os.path.dirname(os.path.abspath(__file__))
TOP_SRCDIR = os.environ.get("top_srcdir", os.path.join(HERE, "..", ".."))
TOP_BUILDDIR = os.environ.get("top_builddir", TOP_SRCDIR)

ERR_OK, ERR_TX_INDEX, ERR_TX_SIZE_MISMATCH, ERR_TX_DESERIALIZE = 0, 1, 2, 3
ERR_INVALID_FLAGS, ERR_SPENT_OUTPUTS_REQUIRED, ERR_SPENT_OUTPUTS_MISMATCH = 5, 6, 7
P2SH, DERSIG, WITNESS, TAPROOT = 1 << 0, 1 << 2, 1 << 11, 1 << 17


class Utxo(ctypes.Structure):
    _fields_ = [("script_pubkey", ctypes.c_char_p), ("script_pubkey_size", ctypes.c_uint), ("value", ctypes.c_int64)]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED:", what, file=sys.stderr)


def load(path):
    lib = ctypes.CDLL(path)
    lib.utxoconsensus_version.restype = ctypes.c_uint
    lib.utxoconsensus_verify_script.restype = ctypes.c_int
    lib.utxoconsensus_verify_script.argtypes = [
        ctypes.c_char_p, ctypes.c_uint, ctypes.c_int64, ctypes.c_char_p, ctypes.c_uint,
        ctypes.POINTER(Utxo), ctypes.c_uint, ctypes.c_uint, ctypes.c_uint,
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
    lib.utxoconsensus_script_error_name.restype = ctypes.c_char_p
    lib.utxoconsensus_script_error_name.argtypes = [ctypes.c_int]
    lib.utxoconsensus_check_transaction.restype = ctypes.c_int
    lib.utxoconsensus_check_transaction.argtypes = [
        ctypes.c_char_p, ctypes.c_uint, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_char_p)]
    return lib


def verify(lib, spk, amount, tx, n_in, flags, spent=None):
    err, script_err = ctypes.c_int(-1), ctypes.c_int(-1)
    utxos, count = None, 0
    if spent is not None:
        arr = (Utxo * len(spent))(*[Utxo(s, len(s), v) for s, v in spent])
        utxos, count = arr, len(spent)
    ok = lib.utxoconsensus_verify_script(spk, len(spk), amount, tx, len(tx), utxos, count, n_in, flags,
                                         ctypes.byref(err), ctypes.byref(script_err))
    return ok, err.value, lib.utxoconsensus_script_error_name(script_err.value).decode()


def main():
    if len(sys.argv) == 1 and os.environ.get("UTXO_SANITIZERS"):
        print("skipped: a sanitizer build's library cannot be loaded into an uninstrumented python")
        return 77
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP_BUILDDIR, "src", "capi", ".libs", "libutxoconsensus.so")
    lib = load(path)
    c = Checks()
    c.check(lib.utxoconsensus_version() == 1, "version")

    # Bitcoin Core tx_valid.json: the first OP_CHECKMULTISIG spend (not strict DER).
    spk = bytes.fromhex(
        "514104cc71eb30d653c0c3163990c47b976f3fb3f37cccdcbedb169a1dfef58bbfbfaff7d8a473e7e2e6d317b87bafe8bde97e3cf8f065dec0"
        "22b51d11fcdd0d348ac4410461cbdcc5409fb4b4d42b51d33381354d80e550078cb532a34bfa2fcfdeb7d76519aecc62770f5b0e4ef85519"
        "46d8a540911abe3e7854a26f39f58b25c15342af52ae")
    tx = bytes.fromhex(
        "0100000001b14bdcbc3e01bdaad36cc08e81e69c82e1060bc14e518db2b49aa43ad90ba26000000000490047304402203f16c6f40162ab686"
        "621ef3000b04e75418a0c0cb2d8aebeac894ae360ac1e780220ddc15ecdfc3507ac48e1681a33eb60996631bf6bf5bc0a0682c4db743ce7c"
        "a2b01ffffffff0140420f00000000001976a914660d4ef3a743e3e696ad990364e555c271ad504b88ac00000000")
    c.check(verify(lib, spk, 0, tx, 0, P2SH) == (1, ERR_OK, "OK"), "multisig valid under P2SH")
    c.check(verify(lib, spk, 0, tx, 0, P2SH | DERSIG) == (0, ERR_OK, "SIG_DER"), "multisig fails DERSIG")
    c.check(verify(lib, spk, 0, tx, 1, P2SH)[1] == ERR_TX_INDEX, "tx index")
    c.check(verify(lib, spk, 0, tx + b"\x00", 0, P2SH)[1] == ERR_TX_SIZE_MISMATCH, "size mismatch")
    c.check(verify(lib, spk, 0, tx[:-1], 0, P2SH)[1] == ERR_TX_DESERIALIZE, "deserialize")
    c.check(verify(lib, spk, 0, tx, 0, 1 << 25)[1] == ERR_INVALID_FLAGS, "unknown flag")
    c.check(verify(lib, spk, 0, tx, 0, P2SH | WITNESS | TAPROOT)[1] == ERR_SPENT_OUTPUTS_REQUIRED, "taproot needs spent")
    c.check(verify(lib, spk, 0, tx, 0, P2SH, [(spk, 0), (spk, 0)])[1] == ERR_SPENT_OUTPUTS_MISMATCH, "spent count")

    # BIP341 wallet vectors: every signed key-path input verifies, and fails when tampered.
    with open(os.path.join(TOP_SRCDIR, "test", "data", "bip341_wallet_vectors.json")) as f:
        vectors = json.load(f)
    spending = vectors["keyPathSpending"][0]
    raw = bytearray(bytes.fromhex(spending["given"]["rawUnsignedTx"]))
    spent = [(bytes.fromhex(u["scriptPubKey"]), u["amountSats"]) for u in spending["given"]["utxosSpent"]]
    witnesses = {i["given"]["txinIndex"]: [bytes.fromhex(w) for w in i["expected"]["witness"]]
                 for i in spending["inputSpending"]}
    signed = add_witnesses(bytes(raw), witnesses)
    for index, _ in sorted(witnesses.items()):
        ok = verify(lib, spent[index][0], spent[index][1], signed, index, P2SH | WITNESS | TAPROOT, spent)
        c.check(ok == (1, ERR_OK, "OK"), f"taproot input {index}: {ok}")
        tampered = add_witnesses(bytes(raw), {**witnesses, index: [flip(witnesses[index][0])]})
        bad = verify(lib, spent[index][0], spent[index][1], tampered, index, P2SH | WITNESS | TAPROOT, spent)
        c.check(bad == (0, ERR_OK, "SCHNORR_SIG"), f"tampered taproot input {index}: {bad}")

    # check_transaction and error names.
    err, reason = ctypes.c_int(-1), ctypes.c_char_p()
    c.check(lib.utxoconsensus_check_transaction(tx, len(tx), ctypes.byref(err), ctypes.byref(reason)) == 1, "check ok")
    dup = bytes.fromhex("0100000002" + ("11" * 32 + "00000000" + "00" + "ffffffff") * 2 + "01" + "00" * 8 + "00" + "00000000")
    c.check(lib.utxoconsensus_check_transaction(dup, len(dup), ctypes.byref(err), ctypes.byref(reason)) == 0, "dup")
    c.check(reason.value == b"bad-txns-inputs-duplicate" and err.value == ERR_OK, f"dup reason {reason.value}")
    c.check(lib.utxoconsensus_script_error_name(2) == b"EVAL_FALSE", "name EVAL_FALSE")
    c.check(lib.utxoconsensus_script_error_name(-7) == b"UNKNOWN_ERROR", "name out of range")

    # Random bytes: only error codes, never a crash.
    rng = random.Random(2026)
    for _ in range(2000):
        junk = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 200)))
        verify(lib, junk[:20], 0, junk, 0, P2SH | WITNESS)
        lib.utxoconsensus_check_transaction(junk, len(junk), ctypes.byref(err), ctypes.byref(reason))
    c.check(True, "random inputs survived")

    print(f"test_capi_ctypes: {c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1


def flip(sig):
    return bytes([sig[0] ^ 1]) + sig[1:]


def compact(n):
    if n < 253:
        return bytes([n])
    if n <= 0xffff:
        return b"\xfd" + n.to_bytes(2, "little")
    return b"\xfe" + n.to_bytes(4, "little")


def add_witnesses(raw, witnesses):
    """Re-serializes an unsigned legacy-encoded transaction with witnesses (BIP144)."""
    n_in, pos = skip_inputs_and_outputs(raw, 4)
    body = raw[4:pos]
    wit = b""
    for i in range(n_in):
        items = witnesses.get(i, [])
        wit += compact(len(items)) + b"".join(compact(len(x)) + x for x in items)
    return raw[:4] + b"\x00\x01" + body + wit + raw[pos:pos + 4]


if __name__ == "__main__":
    sys.exit(main())
