#!/usr/bin/env python3
"""-loadblock: a node imports another node's blk00000.dat (records shuffled,
so children arrive before their parents) and reaches the same tip and UTXO
set; a node killed with SIGKILL during the import recovers by itself when
restarted (same -loadblock) and ends in the same state as an uninterrupted
import; a kill -9 after the import loses nothing the next start cannot
replay."""
import os
import random
import struct

from test_framework.blocktools import ADDRESS_OP_TRUE
from test_framework.test_framework import TestCase, assert_equal, wait_until

REGTEST_MAGIC = bytes.fromhex("fabfb5da")


def read_records(path):
    data = open(path, "rb").read()
    records, offset = [], 0
    while offset + 8 <= len(data) and data[offset:offset + 4] == REGTEST_MAGIC:
        size = struct.unpack("<I", data[offset + 4:offset + 8])[0]
        records.append(data[offset:offset + 8 + size])
        offset += 8 + size
    return records


class ImportTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 1

    def utxo_stats(self, node):
        stats = node.rpc.call("gettxoutsetinfo")
        del stats["disk_size"]
        return stats

    def run_test(self):
        source = self.nodes[0]
        self.log.info("a 400-block chain to import")
        hashes = source.rpc.call("generatetoaddress", 400, ADDRESS_OP_TRUE)
        reference = self.utxo_stats(source)
        source.stop()
        records = read_records(os.path.join(source.chaindir, "blocks", "blk00000.dat"))
        assert_equal(len(records), 401)  # with the genesis block

        # Shuffled in runs, so many blocks wait for a parent further on.
        random.seed(6)
        shuffled = records[:]
        for i in range(0, len(shuffled) - 20, 20):
            chunk = shuffled[i:i + 20]
            random.shuffle(chunk)
            shuffled[i:i + 20] = chunk
        import_file = os.path.join(self.tmpdir, "import.dat")
        with open(import_file, "wb") as f:
            f.write(b"".join(shuffled))

        self.log.info("import with -loadblock, out of order")
        node = self.add_node()
        node.start(["-loadblock=" + import_file])
        assert_equal(node.rpc.call("waitforblockheight", 400, 120000)["height"], 400)
        assert_equal(node.rpc.call("getbestblockhash"), hashes[-1])
        assert_equal(self.utxo_stats(node), reference)

        self.log.info("kill -9 during an import, restart, and the import completes")
        crashed = self.add_node()
        crashed.start(["-loadblock=" + import_file, "-dbcache=4"])
        crashed.kill()
        crashed.start(["-loadblock=" + import_file])
        assert_equal(crashed.rpc.call("waitforblockheight", 400, 120000)["height"], 400)
        assert_equal(crashed.rpc.call("getbestblockhash"), hashes[-1])
        assert_equal(self.utxo_stats(crashed), reference)
        assert_equal(crashed.rpc.call("verifychain", 4, 0), True)

        self.log.info("kill -9 after blocks were mined: the restart is consistent")
        more = crashed.rpc.call("generatetoaddress", 5, ADDRESS_OP_TRUE)
        crashed.kill()
        crashed.start()
        height = crashed.rpc.call("getblockcount")
        # Blocks mined since the last write of the block index may be lost
        # (never half-applied); what is there verifies.
        assert_equal(crashed.rpc.call("getblockhash", height), ([hashes[-1]] + more)[height - 400])
        assert_equal(crashed.rpc.call("verifychain", 4, 0), True)
        wait_until(lambda: crashed.rpc.call("getblockcount") == height, what="stable height")


if __name__ == "__main__":
    ImportTest().main()
