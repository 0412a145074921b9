"""Transactions and blocks for functional tests, built from the protocol
documentation (BIP141/BIP144 serialization): spends of the anyone-can-spend
P2WSH(OP_TRUE) outputs that utxo-cli -generate mines to, which need no keys."""
import hashlib
import struct

# The regtest address of P2WSH(OP_TRUE); spent with the witness [OP_TRUE].
ADDRESS_OP_TRUE = "bcrt1qft5p2uhsdcdc3l2ua4ap5qqfg4pjaqlp250x7us7a8qqhrxrxfsqseac85"
OP_TRUE = b"\x51"
P2WSH_OP_TRUE = b"\x00\x20" + hashlib.sha256(OP_TRUE).digest()


def compact_size(n):
    if n < 0xfd:
        return bytes([n])
    if n <= 0xffff:
        return b"\xfd" + struct.pack("<H", n)
    if n <= 0xffffffff:
        return b"\xfe" + struct.pack("<I", n)
    return b"\xff" + struct.pack("<Q", n)


def spend_op_true(inputs, outputs):
    """Hex of a segwit transaction spending P2WSH(OP_TRUE) outpoints.
    inputs: [(txid_hex, vout)], outputs: [(satoshis, script_bytes)]."""
    tx = struct.pack("<I", 2) + b"\x00\x01" + compact_size(len(inputs))
    for txid, vout in inputs:
        tx += bytes.fromhex(txid)[::-1] + struct.pack("<I", vout) + b"\x00" + struct.pack("<I", 0xffffffff)
    tx += compact_size(len(outputs))
    for value, script in outputs:
        tx += struct.pack("<q", value) + compact_size(len(script)) + script
    for _ in inputs:
        tx += b"\x01" + compact_size(len(OP_TRUE)) + OP_TRUE
    tx += struct.pack("<I", 0)
    return tx.hex()


def txid_of(tx_hex):
    """The txid (hash of the serialization without witness) of a tx made by spend_op_true."""
    raw = bytes.fromhex(tx_hex)
    assert raw[4:6] == b"\x00\x01"
    body = raw[:4] + raw[6:]
    # Cut the witness section: one stack of one OP_TRUE item per input.
    count = raw[6]
    witness_size = count * 3
    stripped = body[:-(4 + witness_size)] + body[-4:]
    return hashlib.sha256(hashlib.sha256(stripped).digest()).digest()[::-1].hex()


def spend_legacy(inputs, outputs):
    """Hex of a transaction without witness data.
    inputs: [(txid_hex, vout, script_sig_bytes)], outputs: [(satoshis, script_bytes)]."""
    tx = struct.pack("<I", 2) + compact_size(len(inputs))
    for txid, vout, script_sig in inputs:
        tx += bytes.fromhex(txid)[::-1] + struct.pack("<I", vout) + compact_size(len(script_sig)) + script_sig
        tx += struct.pack("<I", 0xffffffff)
    tx += compact_size(len(outputs))
    for value, script in outputs:
        tx += struct.pack("<q", value) + compact_size(len(script)) + script
    tx += struct.pack("<I", 0)
    return tx.hex()
