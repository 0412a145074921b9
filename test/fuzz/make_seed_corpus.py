#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets, test/fuzz/corpus/<target>/.

    test/fuzz/make_seed_corpus.py

Deterministic: the same vector files give the same corpus. Each target's
directory is emptied and refilled; every file is named by the SHA-1 of its
content. Sources (all under test/data/, see its README for their origin):

  tx_deserialize     transactions from tx_valid.json and tx_invalid.json, spread
                     over each file, plus hand-made edge cases of the
                     serialization (no inputs, superfluous witness marker,
                     non-canonical CompactSize, truncation)
  script_eval        cases of script_tests.json, spread over the file, in the
                     layout script_eval.cpp reads (flags, flags to flip, amount,
                     version 1, lock time 0, sequence 0xffffffff, then scriptSig,
                     scriptPubKey and witness items, each with a 2-byte length)
  block_deserialize  the genesis block, a few blocks of mainnet-blocks-1-255.dat
                     (the two-transaction ones), and blocks made from them: one
                     with a duplicated transaction (CVE-2012-2459 mutation), one
                     with no transactions, one truncated, and one segwit block
                     with a valid witness commitment
  p2p_message_decode the Bitcoin developer reference's version, inv, getblocks
                     and headers examples, the version cut after addr_recv (an
                     old peer), mainnet's first ten headers, rust-bitcoin's
                     BIP152 vector as cmpctblock (bitcoin/src/bip152.rs,
                     CC0-1.0) with a getblocktxn and a blocktxn for its block,
                     and ping, sendcmpct, feefilter and an empty payload

Reproducers of bugs the targets found go in REGRESSIONS below, so they survive
a regeneration.

Opcode and flag names are read from src/script/opcodes.h and verify_flags.h.
"""
import hashlib
import json
import os
import re
import shutil
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "test", "data")
CORPUS = os.path.join(HERE, "corpus")

# Largest seed: libFuzzer's default input size limit.
MAX_SEED_SIZE = 4096

# Inputs that once broke an invariant, per target, as hex: (hex, what it found).
REGRESSIONS = {
    "tx_deserialize": [],
    "script_eval": [],
    "block_deserialize": [],
    "p2p_message_decode": [],
}

GENESIS_BLOCK_HEX = (
    "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc"
    "3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c01010000000100000000000000000000000000000000000000000000000000"
    "00000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e"
    "206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe"
    "5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b"
    "6bf11d5fac00000000"
)
GENESIS_HASH = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"


# ---- serialization -----------------------------------------------------------

def sha256d(data):
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def compact_size(n):
    if n < 253:
        return bytes([n])
    if n <= 0xFFFF:
        return b"\xfd" + struct.pack("<H", n)
    if n <= 0xFFFFFFFF:
        return b"\xfe" + struct.pack("<I", n)
    return b"\xff" + struct.pack("<Q", n)


def var_bytes(b):
    return compact_size(len(b)) + b


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError("truncated")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def u32(self):
        return struct.unpack("<I", self.take(4))[0]

    def compact_size(self):
        first = self.take(1)[0]
        if first == 253:
            return struct.unpack("<H", self.take(2))[0]
        if first == 254:
            return struct.unpack("<I", self.take(4))[0]
        if first == 255:
            return struct.unpack("<Q", self.take(8))[0]
        return first

    def var_bytes(self):
        return self.take(self.compact_size())


class Tx:
    """Just enough of a transaction to rebuild blocks: fields, both serializations, ids."""

    def __init__(self, version, vin, vout, lock_time):
        self.version = version
        self.vin = vin    # [(prevout 36 bytes, script_sig, sequence, [witness items])]
        self.vout = vout  # [(value, script_pubkey)]
        self.lock_time = lock_time

    @staticmethod
    def read(r):
        version = r.u32()
        n_in = r.compact_size()
        flag = 0
        if n_in == 0:
            flag = r.take(1)[0]
            if flag != 1:
                raise ValueError("unsupported")
            n_in = r.compact_size()
        vin = []
        for _ in range(n_in):
            prevout = r.take(36)
            script_sig = r.var_bytes()
            sequence = r.u32()
            vin.append([prevout, script_sig, sequence, []])
        vout = []
        for _ in range(r.compact_size()):
            value = struct.unpack("<q", r.take(8))[0]
            vout.append((value, r.var_bytes()))
        if flag:
            for txin in vin:
                txin[3] = [r.var_bytes() for _ in range(r.compact_size())]
        return Tx(version, vin, vout, r.u32())

    def has_witness(self):
        return any(txin[3] for txin in self.vin)

    def serialize(self, witness=True):
        witness = witness and self.has_witness()
        out = struct.pack("<I", self.version)
        if witness:
            out += b"\x00\x01"
        out += compact_size(len(self.vin))
        for prevout, script_sig, sequence, _ in self.vin:
            out += prevout + var_bytes(script_sig) + struct.pack("<I", sequence)
        out += compact_size(len(self.vout))
        for value, script_pubkey in self.vout:
            out += struct.pack("<q", value) + var_bytes(script_pubkey)
        if witness:
            for txin in self.vin:
                out += compact_size(len(txin[3])) + b"".join(var_bytes(item) for item in txin[3])
        return out + struct.pack("<I", self.lock_time)

    def txid(self):
        return sha256d(self.serialize(witness=False))

    def wtxid(self):
        return sha256d(self.serialize(witness=True))


def read_block(data):
    r = Reader(data)
    header = r.take(80)
    txs = [Tx.read(r) for _ in range(r.compact_size())]
    if r.pos != len(data):
        raise ValueError("trailing bytes")
    return header, txs


def merkle_root(hashes):
    if not hashes:
        return bytes(32)
    while len(hashes) > 1:
        if len(hashes) % 2:
            hashes = hashes + [hashes[-1]]
        hashes = [sha256d(hashes[i] + hashes[i + 1]) for i in range(0, len(hashes), 2)]
    return hashes[0]


def encode_block(header, txs):
    return header + compact_size(len(txs)) + b"".join(tx.serialize() for tx in txs)


def with_merkle_root(header, txs):
    return header[:36] + merkle_root([tx.txid() for tx in txs]) + header[68:]


# ---- script notation (script_tests.json) --------------------------------------

def read_opcodes():
    """OP_ names (with and without the prefix) from src/script/opcodes.h."""
    text = open(os.path.join(ROOT, "src", "script", "opcodes.h")).read()
    values = {}
    for name, value in re.findall(r"^\s*(OP_\w+)\s*=\s*(0x[0-9a-fA-F]+|OP_\w+)\s*,", text, re.M):
        values[name] = int(value, 16) if value.startswith("0x") else values[value]
    names = {}
    for name, value in values.items():
        names[name] = value
        names[name[3:]] = value
    return names


def read_verify_flags():
    """SCRIPT_VERIFY_ names without the prefix -> bit, from src/script/verify_flags.h."""
    text = open(os.path.join(ROOT, "src", "script", "verify_flags.h")).read()
    flags = {name: 1 << int(bit) for name, bit in re.findall(r"SCRIPT_VERIFY_(\w+)\s*=\s*1U\s*<<\s*(\d+)", text)}
    flags.pop("END_MARKER", None)
    return flags


def script_num(n):
    if n == 0:
        return b""
    negative, value = n < 0, abs(n)
    out = bytearray()
    while value:
        out.append(value & 0xFF)
        value >>= 8
    if out[-1] & 0x80:
        out.append(0x80 if negative else 0x00)
    elif negative:
        out[-1] |= 0x80
    return bytes(out)


def push(data):
    n = len(data)
    if n < 0x4C:
        return bytes([n]) + data
    if n <= 0xFF:
        return b"\x4c" + bytes([n]) + data
    if n <= 0xFFFF:
        return b"\x4d" + struct.pack("<H", n) + data
    return b"\x4e" + struct.pack("<I", n) + data


def parse_script(text, opcodes):
    out = b""
    for word in text.split():
        if re.fullmatch(r"-?\d+", word):
            n = int(word)
            if n == 0:
                out += b"\x00"
            elif n == -1 or 1 <= n <= 16:
                out += bytes([0x4F if n == -1 else 0x50 + n])
            else:
                out += push(script_num(n))
        elif word.startswith("0x") and len(word) > 2:
            out += bytes.fromhex(word[2:])
        elif len(word) >= 2 and word[0] == "'" and word[-1] == "'":
            out += push(word[1:-1].encode())
        elif word in opcodes:
            out += bytes([opcodes[word]])
        else:
            raise ValueError("unknown token " + word)
    return out


# ---- seeds ---------------------------------------------------------------------

def spread(items, count):
    """`count` items taken at even steps through `items`, first and last included."""
    if len(items) <= count:
        return list(items)
    return [items[round(i * (len(items) - 1) / (count - 1))] for i in range(count)]


def load_json(name):
    with open(os.path.join(DATA, name)) as f:
        return json.load(f)


def tx_seeds():
    seeds = []
    for name, count in (("tx_valid.json", 16), ("tx_invalid.json", 10)):
        rows = [row for row in load_json(name) if len(row) >= 3 and isinstance(row[1], str)]
        raws = [bytes.fromhex(row[1]) for row in rows]
        raws = [raw for raw in raws if len(raw) <= MAX_SEED_SIZE]
        # Both serializations: half the picks from the transactions with witness data.
        segwit = [raw for raw in raws if len(raw) > 5 and raw[4] == 0 and raw[5] == 1]
        legacy = [raw for raw in raws if raw not in segwit]
        seeds += spread(legacy, count - count // 2) + spread(segwit, count // 2)

    genesis_coinbase = read_block(bytes.fromhex(GENESIS_BLOCK_HEX))[1][0]
    seeds.append(genesis_coinbase.serialize())
    version, lock_time = struct.pack("<I", 1), struct.pack("<I", 0)
    one_output = struct.pack("<q", 1000) + var_bytes(b"\x51")
    # No inputs, no outputs: reads the same with and without segwit.
    seeds.append(version + b"\x00\x00" + lock_time)
    # No inputs, one output: the output count reads as the segwit flag.
    seeds.append(version + b"\x00\x01" + one_output + lock_time)
    # Segwit marker and flag with every witness empty ("superfluous witness record").
    one_input = bytes(32) + struct.pack("<I", 0) + var_bytes(b"") + struct.pack("<I", 0xFFFFFFFF)
    seeds.append(version + b"\x00\x01\x01" + one_input + b"\x01" + one_output + b"\x00" + lock_time)
    # Unknown optional data (flag 2).
    seeds.append(version + b"\x00\x02\x01" + one_input + b"\x01" + one_output + lock_time)
    # Non-canonical CompactSize for the input count.
    seeds.append(version + b"\xfd\x01\x00" + one_input + b"\x01" + one_output + lock_time)
    # A legacy transaction cut short.
    seeds.append((version + b"\x01" + one_input + b"\x01" + one_output + lock_time)[:-3])
    return seeds


def script_seeds():
    opcodes = read_opcodes()
    flag_bits = read_verify_flags()
    all_flags = sum(flag_bits.values())
    cases = []
    for row in load_json("script_tests.json"):
        if len(row) < 4:
            continue
        witness, amount, i = [], 0, 0
        if isinstance(row[0], list):
            witness = [bytes.fromhex(item) for item in row[0][:-1]]
            amount = round(row[0][-1] * 100_000_000)
            i = 1
        try:
            script_sig = parse_script(row[i], opcodes)
            script_pubkey = parse_script(row[i + 1], opcodes)
        except ValueError:
            continue
        flags = 0
        for name in filter(None, row[i + 2].split(",")):
            if name != "NONE":
                flags |= flag_bits[name]
        # As Bitcoin Core's harness: CLEANSTACK implies P2SH and WITNESS.
        if flags & flag_bits["CLEANSTACK"]:
            flags |= flag_bits["P2SH"] | flag_bits["WITNESS"]
        # Flip every flag: a passing case is checked again with none, a failing one with all.
        data = struct.pack("<IIqIII", flags, all_flags, amount, 1, 0, 0xFFFFFFFF)
        for part in [script_sig, script_pubkey] + witness:
            data += struct.pack("<H", len(part)) + part
        if len(data) <= MAX_SEED_SIZE:
            cases.append((bool(witness), data))
    with_witness = [data for has, data in cases if has]
    without = [data for has, data in cases if not has]
    return spread(without, 24) + spread(with_witness, 12)


def block_seeds():
    genesis = bytes.fromhex(GENESIS_BLOCK_HEX)
    assert sha256d(genesis[:80])[::-1].hex() == GENESIS_HASH, "genesis block hex is wrong"
    blocks = {0: genesis}
    with open(os.path.join(DATA, "mainnet-blocks-1-255.dat"), "rb") as f:
        data = f.read()
    pos, height = 0, 1
    while pos < len(data):
        assert data[pos:pos + 4] == bytes.fromhex("f9beb4d9"), "bad record magic"
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        blocks[height] = data[pos + 8:pos + 8 + length]
        pos += 8 + length
        height += 1
    # Genesis, the first two blocks, and the blocks with two transactions.
    heights = [0, 1, 2] + [h for h in sorted(blocks) if h > 2 and blocks[h][80] > 1]
    seeds = [blocks[h] for h in heights]

    header, txs = read_block(blocks[170])
    # CVE-2012-2459: the transaction list with its last entry repeated has the same merkle root.
    seeds.append(encode_block(header, txs + [txs[-1]]))
    # A header and no transactions.
    seeds.append(header + b"\x00")
    # Cut in the middle of the second transaction.
    seeds.append(blocks[170][:300])

    # A segwit block: block 1's coinbase with the witness reserved value and a
    # commitment output, then a segwit transaction from tx_valid.json.
    spends = [bytes.fromhex(row[1]) for row in load_json("tx_valid.json") if len(row) >= 3 and isinstance(row[1], str)]
    segwit_tx = next(Tx.read(Reader(raw)) for raw in spends if raw[4:6] == b"\x00\x01" and len(raw) < 400)
    header1, (coinbase,) = read_block(blocks[1])
    reserved = bytes(32)
    coinbase.vin[0][3] = [reserved]
    witness_root = merkle_root([bytes(32), segwit_tx.wtxid()])
    commitment = sha256d(witness_root + reserved)
    coinbase.vout.append((0, bytes.fromhex("6a24aa21a9ed") + commitment))
    txs = [coinbase, segwit_tx]
    seeds.append(encode_block(with_merkle_root(header1, txs), txs))
    return seeds


# Payloads of the developer reference, https://developer.bitcoin.org/reference/p2p_networking.html
REFERENCE_VERSION_HEX = (
    "721101000100000000000000bc8f5e5400000000010000000000000000000000000000000000ffffc61b6409208d01000000000000000000"
    "0000000000000000ffffcb0071c0208d128035cbc97953f80f2f5361746f7368693a302e392e332fcf05050001"
)
REFERENCE_INV_HEX = (
    "0201000000de55ffd709ac1f5dc509a0925d0b1fc442ca034f224732e429081da1b621f55a0100000091d36d997037e08018262978766f24"
    "b8a055aaf1d872e94ae85e9817b2c68dc7"
)
REFERENCE_GETBLOCKS_HEX = (
    "7111010002d39f608a7775b537729884d4e6633bb2105e55a16a14d31b00000000000000005c3e6403d40837110a2e8afb602b1c01714bda"
    "7ce23bea0a00000000000000000000000000000000000000000000000000000000000000000000000000000000"
)
REFERENCE_HEADERS_HEX = (
    "0102000000b6ff0b1b1680a2862a30ca44d346d9e8910d334beb48ca0c00000000000000009d10aa52ee949386ca9385695f04ede270dda2"
    "0810decd12bc9b048aaab3147124d95a5430c31b18fe9f086400"
)
# rust-bitcoin's BIP152 vector (bitcoin/src/bip152.rs, CC0-1.0): a regtest segwit block and its cmpctblock.
BIP152_BLOCK_HEX = (
    "000000206c750a364035aefd5f81508a08769975116d9195312ee4520dceac39e1fdc62c4dc67473b8e354358c1e610afeaff7410858bd45"
    "df43e2940f8a62bd3d5e3ac943c2975cffff7f200000000002020000000001010000000000000000000000000000000000000000000000000"
    "000000000000000ffffffff04016b0101ffffffff020006062a0100000001510000000000000000266a24aa21a9ed4a3d9f3343dafcc0d6f6"
    "d4310f2ee5ce273ed34edca6c75db3a73e7f3687342001200000000000000000000000000000000000000000000000000000000000000000"
    "00000000020000000001021fc20ba2bd745507b8e00679e3b362558f9457db374ca28ffa5243f4c23a4d5f00000000171600147c9dea14ff"
    "bcaec4b575e03f05ceb7a81cd3fcbffdffffff915d689be87b43337f42e26033df59807b768223368f189a023d0242d83776890000000017"
    "1600147c9dea14ffbcaec4b575e03f05ceb7a81cd3fcbffdffffff0200cdf5050000000017a9146803c72d9154a6a20f404bed6d3dcee079"
    "86235a8700e1f5050000000017a9144e6a4c7cb5b5562904843bdf816342f4db9f5797870247304402205e9bf6e70eb0e4b495bf483fd8e6"
    "e02da64900f290ef8aaa64bb32600d973c450220670896f5d0e5f33473e5f399ab680cc1d25c2d2afd15abd722f04978f28be887012103e4"
    "e4d9312b2261af508b367d8ba9be4f01b61d6d6e78bec499845b4f410bcf2702473044022045ac80596a6ac9c8c572f94708709adaf10667"
    "7221122e08daf8b9741a04f66a022003ccd52a3b78f8fd08058fc04fc0cffa5f4c196c84eae9e37e2a85babe731b57012103e4e4d9312b22"
    "61af508b367d8ba9be4f01b61d6d6e78bec499845b4f410bcf276a000000"
)
BIP152_COMPACT_HEX = (
    "000000206c750a364035aefd5f81508a08769975116d9195312ee4520dceac39e1fdc62c4dc67473b8e354358c1e610afeaff7410858bd45"
    "df43e2940f8a62bd3d5e3ac943c2975cffff7f2000000000a4df3c3744da89fa010a6979e971450100020000000001010000000000000000"
    "000000000000000000000000000000000000000000000000ffffffff04016b0101ffffffff020006062a0100000001510000000000000000"
    "266a24aa21a9ed4a3d9f3343dafcc0d6f6d4310f2ee5ce273ed34edca6c75db3a73e7f368734200120000000000000000000000000000000"
    "000000000000000000000000000000000000000000"
)


def p2p_seeds():
    seeds = [bytes.fromhex(h) for h in (REFERENCE_VERSION_HEX, REFERENCE_INV_HEX, REFERENCE_GETBLOCKS_HEX,
                                        REFERENCE_HEADERS_HEX, BIP152_COMPACT_HEX)]
    # An old peer's version: nothing after addr_recv.
    seeds.append(bytes.fromhex(REFERENCE_VERSION_HEX)[:46])
    # Mainnet's first ten headers, each with its empty transaction count.
    with open(os.path.join(DATA, "mainnet-blocks-1-255.dat"), "rb") as f:
        data = f.read()
    headers, pos = [], 0
    while len(headers) < 10:
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        headers.append(data[pos + 8:pos + 8 + 80] + b"\x00")
        pos += 8 + length
    seeds.append(compact_size(len(headers)) + b"".join(headers))
    # getblocktxn {0, 1, 3, 10} and the blocktxn with the block's second transaction.
    block = bytes.fromhex(BIP152_BLOCK_HEX)
    header, txs = read_block(block)
    block_hash = sha256d(header)
    seeds.append(block_hash + bytes.fromhex("0400000106"))
    seeds.append(block_hash + compact_size(1) + txs[1].serialize())
    # ping/pong nonce (also a feefilter), sendcmpct, and the empty payload.
    seeds += [bytes.fromhex("efcdab8967452301"), bytes.fromhex("010200000000000000"), b""]
    # addrv2 (IPv4, Tor v3, an unknown network), addr (two IPv4-mapped
    # entries) and a framed ping, for the address and frame decoders.
    seeds += [bytes.fromhex("0300f1536509010409090909208d00f15365010420000102030405060708090a0b0c0d0e0f101112131415161718"
                            "191a1b1c1d1e1f208d00f15365012a036162630001"),
              bytes.fromhex("0200f15365090000000000000000000000000000000000ffff08080808208d00f15365090000000000000000000000"
                            "000000000000ffff01020304208d"),
              bytes.fromhex("fabfb5da70696e6700000000000000000800000003b44ddf0500000000000000")]
    # SOCKS5 (RFC 1928/1929) proxy replies: no authentication then a CONNECT
    # success with an IPv4 bound address; password accepted then success with
    # a name; a refused CONNECT.
    seeds += [bytes.fromhex("0500" "05000001" "7f000001" "1f90"),
              bytes.fromhex("0502" "0100" "05000003" "03616263" "0001"),
              bytes.fromhex("0500" "05050001" "00000000" "0000")]
    return seeds


def write_corpus(target, seeds):
    seeds = seeds + [bytes.fromhex(hexdata) for hexdata, _ in REGRESSIONS[target]]
    directory = os.path.join(CORPUS, target)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    names = set()
    for seed in seeds:
        name = hashlib.sha1(seed).hexdigest()
        names.add(name)
        with open(os.path.join(directory, name), "wb") as f:
            f.write(seed)
    total = sum(len(seed) for seed in set(seeds))
    print(f"{target}: {len(names)} files, {total} bytes")


def main():
    write_corpus("tx_deserialize", tx_seeds())
    write_corpus("script_eval", script_seeds())
    write_corpus("block_deserialize", block_seeds())
    write_corpus("p2p_message_decode", p2p_seeds())
    return 0


if __name__ == "__main__":
    sys.exit(main())
