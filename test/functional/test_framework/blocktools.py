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


def spend_op_true(inputs, outputs, locktime=0, sequence=0xffffffff):
    """Hex of a segwit transaction spending P2WSH(OP_TRUE) outpoints.
    inputs: [(txid_hex, vout)], outputs: [(satoshis, script_bytes)]."""
    tx = struct.pack("<I", 2) + b"\x00\x01" + compact_size(len(inputs))
    for txid, vout in inputs:
        tx += bytes.fromhex(txid)[::-1] + struct.pack("<I", vout) + b"\x00" + struct.pack("<I", sequence)
    tx += compact_size(len(outputs))
    for value, script in outputs:
        tx += struct.pack("<q", value) + compact_size(len(script)) + script
    for _ in inputs:
        tx += b"\x01" + compact_size(len(OP_TRUE)) + OP_TRUE
    tx += struct.pack("<I", locktime)
    return tx.hex()


def txid_of(tx_hex):
    """The txid (hash of the serialization without witness) of any transaction."""
    return hash256(strip_witness(tx_hex))[::-1].hex()


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


def hash256(data):
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def script_number(n):
    """A script number's minimal little-endian bytes (n >= 0)."""
    out = b""
    while n:
        out += bytes([n & 0xff])
        n >>= 8
    if out and out[-1] & 0x80:
        out += b"\x00"
    return out


def has_witness(tx_hex):
    return bytes.fromhex(tx_hex[8:12]) == b"\x00\x01"


def witness_commitment(txs):
    """The BIP141 commitment output script for a block whose other
    transactions are txs (hex): OP_RETURN aa21a9ed + hash256(witness root ||
    the coinbase's 32-byte reserved value, zeros here)."""
    wtxids = [bytes(32)] + [hash256(bytes.fromhex(tx)) for tx in txs]
    return bytes.fromhex("6a24aa21a9ed") + hash256(merkle_root(wtxids) + bytes(32))


def coinbase_tx(height, value=0, script_pubkey=P2WSH_OP_TRUE, height_in_script=None, commit_to=None):
    """Hex of a coinbase transaction: BIP34's height push, one output, and
    when any of commit_to (the block's other transactions, hex) has witness
    data, the BIP141 witness commitment and reserved value."""
    in_script = height if height_in_script is None else height_in_script
    # Core's CScript() << height: OP_1..OP_16 for small heights, else a push.
    if 1 <= in_script <= 16:
        pushed = bytes([0x50 + in_script])
    else:
        number = script_number(in_script)
        pushed = bytes([len(number)]) + number
    script_sig = pushed + b"\x00"  # padded to the 2-byte minimum
    outputs = [(value, script_pubkey)]
    committed = commit_to is not None and any(has_witness(tx) for tx in commit_to)
    if committed:
        outputs.append((0, witness_commitment(commit_to)))
    tx = struct.pack("<I", 2) + (b"\x00\x01" if committed else b"") + b"\x01" + bytes(32) + b"\xff\xff\xff\xff"
    tx += compact_size(len(script_sig)) + script_sig + b"\xff\xff\xff\xff"
    tx += compact_size(len(outputs))
    for amount, script in outputs:
        tx += struct.pack("<q", amount) + compact_size(len(script)) + script
    if committed:
        tx += b"\x01\x20" + bytes(32)
    tx += struct.pack("<I", 0)
    return tx.hex()


def read_compact_size(data, pos):
    """The CompactSize at data[pos] and the position after it."""
    first = data[pos]
    if first < 0xfd:
        return first, pos + 1
    size = {0xfd: 2, 0xfe: 4, 0xff: 8}[first]
    return int.from_bytes(data[pos + 1:pos + 1 + size], "little"), pos + 1 + size


def skip_inputs_and_outputs(raw, pos):
    """From a transaction's input count at raw[pos]: the number of inputs and
    the position just after the last output."""
    count, pos = read_compact_size(raw, pos)
    inputs = count
    for _ in range(count):
        pos += 36
        length, pos = read_compact_size(raw, pos)
        pos += length + 4
    count, pos = read_compact_size(raw, pos)
    for _ in range(count):
        pos += 8
        length, pos = read_compact_size(raw, pos)
        pos += length
    return inputs, pos


def strip_witness(tx_hex):
    """The serialization without witness data (BIP144) of any transaction."""
    raw = bytes.fromhex(tx_hex)
    if raw[4:6] != b"\x00\x01":
        return raw
    _, body_end = skip_inputs_and_outputs(raw, 6)
    return raw[:4] + raw[6:body_end] + raw[-4:]


def merkle_root(txids):
    """The merkle root of txids (internal byte order), Bitcoin's way: an odd
    level repeats its last hash."""
    level = list(txids) or [bytes(32)]  # no transactions: zeros (as Core's BlockMerkleRoot)
    while len(level) > 1:
        if len(level) % 2:
            level.append(level[-1])
        level = [hash256(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]


REGTEST_BITS = 0x207fffff


def bits_target(bits):
    return (bits & 0x7fffff) << (8 * ((bits >> 24) - 3))


def block_hex(prev_hash, time, txs, version=0x20000000, bits=REGTEST_BITS, merkle=None, solve=True):
    """Hex of a block on prev_hash (hex) holding txs (hex; the coinbase
    first). The nonce is searched until the hash meets `bits` (solve), or
    until it does not (solve=False: a block with too little work)."""
    root = merkle if merkle is not None else merkle_root([hash256(strip_witness(tx)) for tx in txs])
    target = bits_target(bits)
    for nonce in range(1 << 32):
        header = struct.pack("<i", version) + bytes.fromhex(prev_hash)[::-1] + root + \
            struct.pack("<III", time, bits, nonce)
        meets = int.from_bytes(hash256(header)[::-1], "big") <= target
        if meets == solve:
            break
    return (header + compact_size(len(txs)) + b"".join(bytes.fromhex(tx) for tx in txs)).hex()
