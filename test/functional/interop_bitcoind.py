#!/usr/bin/env python3
"""utxod and a Bitcoin Core v29-family bitcoind (Debian's Bitcoin Knots 29,
fetched by depends/fetch-bitcoind.sh) side by side on regtest over P2P.

- utxod syncs headers-first from scratch a 2,110-block chain from bitcoind, witness blocks
  included, and bitcoind syncs what utxod mines; raw blocks are compared
  byte for byte on both sides;
- new blocks with transactions travel as BIP152 compact blocks in both
  directions, each side fetching the missing transactions from the other
  (getblocktxn/blocktxn);
- each side follows the other's reorganisation after a partition;
- bitcoind connects to utxod too (utxod inbound), and both keep serving each
  other while garbage peers are disconnected from both;
- bitcoind never scores utxod as misbehaving;
- a fresh bitcoind syncs the whole chain from utxod alone;
- the chain-only RPC answers (getblock at every verbosity, getblockheader,
  getblockstats, gettxoutsetinfo's hash_serialized_3, gettxout,
  getrawtransaction, getchaintips, getblockchaininfo, getdeploymentinfo
  through each state of regtest's testdummy deployment, getblocktemplate,
  getmininginfo, decoderawtransaction...) are the same on both after all of
  that, reorganisations included;
- blocks with invalid transactions (generateblock), and blocks built here
  that each break one header, block, transaction or script rule
  (submitblock), are rejected with the same reasons.

Reported as skipped when no bitcoind is available (depends/fetch-bitcoind.sh
could not fetch one); .ci/run fetches it."""
import os
import struct
import time as clock

from test_framework.bitcoind import BitcoindNode, bitcoind_version
from test_framework.blocktools import (ADDRESS_OP_TRUE, P2WSH_OP_TRUE, block_hex, coinbase_tx, has_witness,
                                       spend_legacy, spend_op_true, txid_of)
from test_framework.p2p import P2PConnection, frame, version_payload
from test_framework.test_framework import (JSONRPCException, TestCase, assert_equal, assert_in, assert_startswith,
                                           assert_true, wait_until)

LISTEN = ["listen=1", "bind=127.0.0.1"]
COIN = 100_000_000
# Deep reorganisations and a sync from scratch get more time than a single relay.
SYNC_TIMEOUT = 120


class InteropTest(TestCase):
    def set_test_params(self):
        self.num_nodes = 0
        self.next_coinbase_height = 1

    def spend_next_coinbase(self, node):
        """A segwit transaction spending the next unspent mature coinbase
        (block heights 1, 2, 3... all pay P2WSH(OP_TRUE)) to a mix of output
        types: P2WSH, P2PKH, OP_RETURN and P2SH."""
        height = self.next_coinbase_height
        self.next_coinbase_height += 1
        block = node.rpc.call("getblock", node.rpc.call("getblockhash", height))
        outputs = [(1 * COIN, P2WSH_OP_TRUE),
                   (2 * COIN, bytes.fromhex("76a914" + "%02x" % height * 20 + "88ac")),
                   (0, bytes.fromhex("6a0568656c6c6f")),
                   (47 * COIN - 10_000, bytes.fromhex("a914" + "%02x" % (height + 100) * 20 + "87"))]
        return spend_op_true([(block["tx"][0], 0)], outputs)

    def assert_same_answers(self, utxod, core, blocks):
        """The RPC answers that depend only on the chain are the same on both
        sides, byte for byte once parsed: blocks, headers, block statistics,
        the UTXO set's hash and totals, chain tips and transaction counts."""
        def knots_only_removed(answer):
            # Bitcoin Knots adds these to getblock/getblockheader; Core v29 has neither.
            for key in ("header_version", "txcount"):
                answer.pop(key, None)
            return answer

        calls = [("gettxoutsetinfo",), ("gettxoutsetinfo", "none"), ("getchaintxstats",),
                 ("getblockchaininfo",), ("getblockcount",), ("getbestblockhash",)]
        for block_hash in blocks:
            calls += [("getblock", block_hash, 1), ("getblock", block_hash, 2), ("getblock", block_hash, 3),
                      ("getblockheader", block_hash), ("getblockheader", block_hash, False),
                      ("getblockstats", block_hash)]
            block = core.rpc.call("getblock", block_hash)
            for txid in block["tx"]:
                raw = core.rpc.call("getrawtransaction", txid, 0, block_hash)
                calls += [("getrawtransaction", txid, 1, block_hash), ("gettxout", txid, 0), ("gettxout", txid, 1),
                          ("decoderawtransaction", raw), ("decoderawtransaction", raw, has_witness(raw))]
        for call in calls:
            ours, theirs = utxod.rpc.call(*call), core.rpc.call(*call)
            if call[0] in ("getblock", "getblockheader") and isinstance(theirs, dict):
                knots_only_removed(theirs)
            if call[0] == "getblockchaininfo":
                # The block files also hold the stale blocks each one mined or fetched.
                ours.pop("size_on_disk")
                theirs.pop("size_on_disk")
            assert_equal(ours, theirs, "utxod's %r against bitcoind's" % (call,))
        # decoderawtransaction's heuristics and errors: a transaction without
        # inputs (its legacy bytes can also read as a segwit marker), each
        # reading forced, and bytes that are no transaction.
        no_inputs = "02000000" "00" "01" + "00e1f50500000000" + "0151" + "00000000"
        for args in [(no_inputs,), (no_inputs, False), (no_inputs, True), ("00",), ("zz",), (no_inputs + "00",)]:
            answers = []
            for node in (utxod, core):
                try:
                    answers.append(node.rpc.call("decoderawtransaction", *args))
                except JSONRPCException as e:
                    answers.append((e.code, e.message))
            assert_equal(answers[0], answers[1], "decoderawtransaction %r" % (args,))
        # The same tips; a fork's status depends on what each node downloaded
        # (each has only the headers of the branch it never had as its own).
        def tips(node):
            return sorted((t["height"], t["hash"], t["branchlen"], t["status"] if t["branchlen"] == 0 else "fork")
                          for t in node.rpc.call("getchaintips"))
        assert_equal(tips(utxod), tips(core), "getchaintips")
        # Both have assembled blocks; Knots adds currentblocksize (Core v29 has no such field).
        ours, theirs = utxod.rpc.call("getmininginfo"), core.rpc.call("getmininginfo")
        theirs.pop("currentblocksize", None)
        assert_equal(ours, theirs, "getmininginfo")
        # Deployments, regtest's testdummy (BIP9, bit 28) included, at the tip
        # and at each of its states on the way: defined, started, locked in,
        # active (bitcoind's blocks signal from height 144).
        # Knots adds "period_start" to the statistics; Core v29 documents no such field.
        heights = [0, 142, 143, 144, 200, 287, 288, 431, 432, 433]
        for block_hash in [utxod.rpc.call("getblockhash", h) for h in heights] + [None]:
            args = [block_hash] if block_hash else []
            theirs = core.rpc.call("getdeploymentinfo", *args)
            theirs["deployments"]["testdummy"]["bip9"].get("statistics", {}).pop("period_start", None)
            assert_equal(utxod.rpc.call("getdeploymentinfo", *args), theirs,
                         "getdeploymentinfo at %s" % (block_hash or "the tip"))
        # The block template on the same tip (without transactions on either
        # side); longpollid and curtime are each node's own.
        templates = [node.rpc.call("getblocktemplate", {"rules": ["segwit"]}) for node in (utxod, core)]
        for template in templates:
            del template["longpollid"], template["curtime"]
        assert_equal(templates[0], templates[1], "getblocktemplate")
        return len(calls) + 10 + len(heights)

    def assert_same_rejections(self, utxod, core, funding_txid):
        """Blocks with an invalid transaction (built by generateblock without
        submitting) fail with the same reject reason on both. bitcoind adds a
        debug message after the reason (", input 0 of ..."), which utxod does
        not produce, so the reasons are compared."""
        immature = core.rpc.call("getblock", core.rpc.call("getblockhash", core.rpc.call("getblockcount") - 50))["tx"][0]
        spends = {
            "P2PKH with an empty scriptSig": spend_legacy([(funding_txid, 1, b"")], [(COIN, P2WSH_OP_TRUE)]),
            "P2SH whose script leaves false": spend_legacy([(funding_txid, 3, b"\x01\x00")], [(COIN, P2WSH_OP_TRUE)]),
            "P2WSH without witness": spend_legacy([(funding_txid, 0, b"")], [(COIN // 2, P2WSH_OP_TRUE)]),
            "P2WSH with a scriptSig": spend_legacy([(funding_txid, 0, b"\x51")], [(COIN // 2, P2WSH_OP_TRUE)]),
            "more out than in": spend_op_true([(funding_txid, 0)], [(3 * COIN, P2WSH_OP_TRUE)]),
            "missing input": spend_op_true([("ab" * 32, 0)], [(COIN, P2WSH_OP_TRUE)]),
            "the same input twice": spend_op_true([(funding_txid, 0), (funding_txid, 0)], [(COIN, P2WSH_OP_TRUE)]),
            "immature coinbase": spend_op_true([(immature, 0)], [(COIN, P2WSH_OP_TRUE)]),
            "no outputs": spend_op_true([(funding_txid, 0)], []),
        }
        for name, raw in spends.items():
            messages = []
            for node in (utxod, core):
                try:
                    node.rpc.call("generateblock", ADDRESS_OP_TRUE, [raw], False)
                    messages.append("accepted")
                except JSONRPCException as e:
                    messages.append((e.code, e.message.split(", ")[0]))
            self.log.debug("%s: %r", name, messages)
            assert_equal(messages[0], messages[1], "rejection of a block with %s" % name)
            assert_true(messages[0] != "accepted", "a block with %s was accepted" % name)

    def assert_same_submitblock_answers(self, utxod, core):
        """Blocks built here, each breaking one rule, get the same BIP22
        answer from submitblock on both (the reject reason), and a valid one
        is accepted by both. Covers header, block and transaction rules, and
        a script failure found while connecting the block."""
        tip = core.rpc.call("getbestblockhash")
        header = core.rpc.call("getblockheader", tip)
        height, time, median = header["height"] + 1, header["time"] + 1, header["mediantime"]
        coinbases = []
        for _ in range(4):
            block = core.rpc.call("getblock", core.rpc.call("getblockhash", self.next_coinbase_height))
            coinbases.append(block["tx"][0])
            self.next_coinbase_height += 1
        reward = 50 * COIN >> (height // 150)  # regtest halves every 150 blocks
        good = spend_op_true([(coinbases[0], 0)], [(50 * COIN - 1000, P2WSH_OP_TRUE)])
        to_p2pkh = spend_op_true([(coinbases[1], 0)], [(50 * COIN - 1000, bytes.fromhex("76a914" + "11" * 20 + "88ac"))])
        p2pkh_unsigned = spend_legacy([(txid_of(to_p2pkh), 0, b"")], [(COIN, P2WSH_OP_TRUE)])
        not_final = spend_op_true([(coinbases[2], 0)], [(COIN, P2WSH_OP_TRUE)], locktime=height + 10, sequence=0)
        too_many_sigops = spend_op_true([(coinbases[3], 0)], [(COIN, b"\xac" * 20001)])  # 80,004 sigop cost

        def on_tip(txs, value=reward, height_in_script=None, **kwargs):
            coinbase = coinbase_tx(height, value=value, height_in_script=height_in_script, commit_to=txs)
            return block_hex(tip, kwargs.pop("time", time), [coinbase] + txs, **kwargs)

        cases = [
            ("merkle root", on_tip([], merkle=bytes(32)), "bad-txnmrklroot"),
            ("coinbase pays too much", on_tip([], value=reward + 1), "bad-cb-amount"),
            ("coinbase pays more than reward and fees", on_tip([good], value=reward + 1001), "bad-cb-amount"),
            ("coinbase height", on_tip([], height_in_script=height + 1), "bad-cb-height"),
            ("time at the median", on_tip([], time=median), "time-too-old"),
            ("time too far ahead", on_tip([], time=int(clock.time()) + 3 * 3600), "time-too-new"),
            ("difficulty bits", on_tip([], bits=0x207ffffe), "bad-diffbits"),
            ("proof of work", on_tip([], solve=False), "high-hash"),
            ("no coinbase", block_hex(tip, time, [good]), "bad-cb-missing"),
            ("two coinbases", block_hex(tip, time, [coinbase_tx(height), coinbase_tx(height, value=1)]), "bad-cb-multiple"),
            ("no transactions", block_hex(tip, time, []), "bad-blk-length"),
            ("a duplicated transaction (merkle mutation)", on_tip([good, to_p2pkh, to_p2pkh]), "bad-txns-duplicate"),
            ("witness without commitment", block_hex(tip, time, [coinbase_tx(height, value=reward), good]),
             "unexpected-witness"),
            ("wrong witness commitment", block_hex(tip, time, [coinbase_tx(height, commit_to=[to_p2pkh]), good]),
             "bad-witness-merkle-match"),
            ("an unsigned P2PKH spend", on_tip([to_p2pkh, p2pkh_unsigned]),
             "mandatory-script-verify-flag-failed (Operation not valid with the current stack size)"),
            ("a spend before its output", on_tip([p2pkh_unsigned, to_p2pkh]), "bad-txns-inputs-missingorspent"),
            ("a double spend", on_tip([good, spend_op_true([(coinbases[0], 0)], [(COIN, P2WSH_OP_TRUE)])]),
             "bad-txns-inputs-missingorspent"),
            ("a non-final transaction", on_tip([not_final]), "bad-txns-nonfinal"),
            ("too many signature operations", on_tip([too_many_sigops]), "bad-blk-sigops"),
            ("version 1", on_tip([], version=1), "bad-version(0x00000001)"),
        ]
        for name, block, expected in cases:
            answers = [node.rpc.call("submitblock", block) for node in (utxod, core)]
            assert_equal(answers, [expected, expected], "submitblock of a block with %s" % name)
        # A valid block would travel from the first node to the second (as a
        # high-bandwidth compact block) before its own submitblock: offline.
        utxod.rpc.call("setnetworkactive", False)
        wait_until(lambda: utxod.rpc.call("getconnectioncount") == 0, what="utxod offline")
        valid = on_tip([good, to_p2pkh])
        assert_equal([node.rpc.call("submitblock", valid) for node in (utxod, core)], [None, None])
        assert_equal(utxod.rpc.call("getbestblockhash"), core.rpc.call("getbestblockhash"))
        utxod.rpc.call("setnetworkactive", True)

    def wait_same_tip(self, a, b, what, timeout=SYNC_TIMEOUT):
        wait_until(lambda: a.rpc.call("getbestblockhash") == b.rpc.call("getbestblockhash"), timeout, what)

    def assert_same_block(self, a, b, block_hash):
        assert_equal(a.rpc.call("getblock", block_hash, 0), b.rpc.call("getblock", block_hash, 0),
                     "raw block %s" % block_hash)

    def peer(self, node, subver_prefix, inbound):
        peers = [p for p in node.rpc.call("getpeerinfo")
                 if p["subver"].startswith(subver_prefix) and p["inbound"] == inbound]
        assert_equal(len(peers), 1, "peers %s inbound=%s" % (subver_prefix, inbound))
        return peers[0]

    def run_test(self):
        version = bitcoind_version()
        if version is None:
            self.skip("no bitcoind to test against: depends/fetch-bitcoind.sh could not provide one")
        self.log.info("peer implementation: %s", version)
        core = BitcoindNode(index=len(self._all_nodes), tmpdir=self.tmpdir, extra_conf=LISTEN + ["debug=net"])
        self._all_nodes.append(core)
        self.nodes.append(core)
        core.start()

        self.log.info("bitcoind mines 2,110 blocks (more than one headers message), one with a segwit spend")
        core.rpc.call("generatetoaddress", 101, ADDRESS_OP_TRUE)
        first_spend = self.spend_next_coinbase(core)
        witness_block = core.rpc.call("generateblock", ADDRESS_OP_TRUE, [first_spend])["hash"]
        assert_in(txid_of(first_spend), core.rpc.call("getblock", witness_block)["tx"])
        core.rpc.call("generatetoaddress", 2008, ADDRESS_OP_TRUE)

        self.log.info("a fresh utxod syncs from bitcoind, headers first")
        utxod = self.add_node(extra_conf=LISTEN)
        utxod.start()
        core_addr = "127.0.0.1:%d" % core.p2p_port
        utxod.rpc.call("addnode", core_addr, "add")
        self.wait_same_tip(utxod, core, "utxod to sync from bitcoind")
        assert_equal(utxod.rpc.call("getblockcount"), 2110)
        self.assert_same_block(utxod, core, witness_block)
        seen_by_utxod = self.peer(utxod, "/Satoshi:29.", inbound=False)
        assert_equal(seen_by_utxod["version"], 70016)
        assert_equal(seen_by_utxod["connection_type"], "manual")
        assert_in("WITNESS", seen_by_utxod["servicesnames"])
        assert_equal(seen_by_utxod["addr"], core_addr)
        seen_by_core = self.peer(core, "/utxod:", inbound=True)
        assert_equal(seen_by_core["version"], 70016)
        assert_equal(seen_by_core["servicesnames"], ["NETWORK", "WITNESS", "NETWORK_LIMITED"])
        assert_equal(seen_by_core["relaytxes"], False)

        self.log.info("bitcoind syncs what utxod mines, a segwit spend included")
        tx = self.spend_next_coinbase(utxod)
        mined_by_utxod = utxod.rpc.call("generateblock", ADDRESS_OP_TRUE, [tx])["hash"]
        utxod.rpc.call("generatetoaddress", 3, ADDRESS_OP_TRUE)
        self.wait_same_tip(core, utxod, "bitcoind to sync utxod's blocks")
        self.assert_same_block(core, utxod, mined_by_utxod)
        assert_equal(core.rpc.call("getblockcount"), 2114)

        self.log.info("blocks with transactions relay as compact blocks both ways")
        # Each block's transaction is in neither side's mempool (utxod has
        # none; bitcoind never saw it), so the receiver fetches it with getblocktxn.
        tx = self.spend_next_coinbase(core)
        from_core = core.rpc.call("generateblock", ADDRESS_OP_TRUE, [tx])["hash"]
        self.wait_same_tip(utxod, core, "utxod to receive bitcoind's compact block")
        self.assert_same_block(utxod, core, from_core)
        received = self.peer(utxod, "/Satoshi:29.", inbound=False)["bytesrecv_per_msg"]
        assert_in("cmpctblock", received, "utxod got a compact block")
        assert_in("blocktxn", received, "utxod got the missing transaction")
        tx = self.spend_next_coinbase(utxod)
        from_utxod = utxod.rpc.call("generateblock", ADDRESS_OP_TRUE, [tx])["hash"]
        self.wait_same_tip(core, utxod, "bitcoind to receive utxod's compact block")
        self.assert_same_block(core, utxod, from_utxod)
        sent = self.peer(utxod, "/Satoshi:29.", inbound=False)["bytessent_per_msg"]
        assert_in("cmpctblock", sent, "utxod sent a compact block")
        assert_in("blocktxn", sent, "utxod answered getblocktxn")
        received = self.peer(core, "/utxod:", inbound=True)["bytesrecv_per_msg"]
        assert_in("cmpctblock", received, "bitcoind got a compact block")
        # bitcoind chose utxod as a high-bandwidth peer (it delivered blocks
        # first), so it gets new tips as cmpctblock unasked.
        wait_until(lambda: self.peer(utxod, "/Satoshi:29.", inbound=False)["bip152_hb_from"],
                   what="utxod to see bitcoind's high-bandwidth request")
        assert_equal(self.peer(core, "/utxod:", inbound=True)["bip152_hb_to"], True)

        self.log.info("bitcoind follows utxod's longer branch after a partition")
        core.rpc.call("setnetworkactive", False)
        wait_until(lambda: utxod.rpc.call("getconnectioncount") == 0, what="the partition")
        core_branch = core.rpc.call("generatetoaddress", 2, ADDRESS_OP_TRUE)
        utxod_branch = utxod.rpc.call("generatetodescriptor", 4, "raw(51)")
        core.rpc.call("setnetworkactive", True)
        self.wait_same_tip(core, utxod, "bitcoind to reorganise to utxod's branch")
        assert_equal(core.rpc.call("getbestblockhash"), utxod_branch[-1])
        tips = {t["hash"]: t for t in core.rpc.call("getchaintips")}
        assert_equal((tips[core_branch[-1]]["branchlen"], tips[core_branch[-1]]["status"]), (2, "valid-fork"))

        self.log.info("utxod follows bitcoind's longer branch after a partition")
        core.rpc.call("setnetworkactive", False)
        wait_until(lambda: utxod.rpc.call("getconnectioncount") == 0, what="the partition")
        utxod_branch = utxod.rpc.call("generatetodescriptor", 1, "raw(51)")
        core_branch = core.rpc.call("generatetoaddress", 3, ADDRESS_OP_TRUE)
        core.rpc.call("setnetworkactive", True)
        self.wait_same_tip(utxod, core, "utxod to reorganise to bitcoind's branch")
        assert_equal(utxod.rpc.call("getbestblockhash"), core_branch[-1])
        tips = {t["hash"]: t for t in utxod.rpc.call("getchaintips")}
        assert_equal((tips[utxod_branch[-1]]["branchlen"], tips[utxod_branch[-1]]["status"]), (1, "valid-fork"))
        wait_until(lambda: utxod.rpc.call("getconnectioncount") == 1, what="utxod's addnode to reconnect")

        self.log.info("bitcoind connects to utxod as well (utxod inbound)")
        utxod_addr = "127.0.0.1:%d" % utxod.p2p_port
        # bitcoind tries BIP324 (v2) first; utxod speaks v1 only and closes the
        # connection at the first bytes, and bitcoind reconnects with v1, as it
        # does with any v1-only node.
        core.rpc.call("addnode", utxod_addr, "add")
        wait_until(lambda: any(p["addr"] == utxod_addr and p["connection_type"] == "manual" and p["version"]
                               for p in core.rpc.call("getpeerinfo")), SYNC_TIMEOUT, "bitcoind's outbound to utxod")
        outbound = [p for p in core.rpc.call("getpeerinfo") if p["addr"] == utxod_addr][0]
        assert_equal(outbound["transport_protocol_type"], "v1")
        wait_until(lambda: any(p["subver"].startswith("/Satoshi:29.") and p["inbound"]
                               for p in utxod.rpc.call("getpeerinfo")), what="utxod to see bitcoind's version")
        inbound = self.peer(utxod, "/Satoshi:29.", inbound=True)
        assert_equal(inbound["connection_type"], "inbound")
        before = {p["id"] for p in utxod.rpc.call("getpeerinfo")}

        self.log.info("garbage peers are disconnected by both; the two keep serving each other")
        good_version = version_payload()
        bad_checksum = bytearray(frame("version", good_version))
        bad_checksum[20] ^= 0xff
        oversized = frame("block", b"")[:16] + struct.pack("<I", 4_000_001) + bytes(4)
        wrong_magic = frame("version", good_version, magic=bytes.fromhex("f9beb4d9"))
        cases = [(utxod, "bad magic", wrong_magic), (utxod, "bad checksum", bytes(bad_checksum)),
                 (utxod, "oversized length", oversized), (utxod, "garbage", bytes(range(256)) * 4),
                 # bitcoind reads bytes that are not a v1 version message as
                 # the start of a BIP324 handshake and waits, so it gets
                 # garbage after a v1 handshake.
                 (core, "bad magic", wrong_magic), (core, "oversized length", oversized)]
        for node, name, data in cases:
            conn = P2PConnection(node.p2p_port)
            if node is core and name != "bad magic":
                conn.handshake()
            conn.send_raw(data)
            assert_true(conn.closed(), "%s disconnected after %s" % (os.path.basename(node.binary), name))
            conn.close()
        block_with_tx_after_garbage = []
        for miner, other in [(core, utxod), (utxod, core)]:
            tx = self.spend_next_coinbase(miner)
            block = miner.rpc.call("generateblock", ADDRESS_OP_TRUE, [tx])["hash"]
            block_with_tx_after_garbage.append(block)
            self.wait_same_tip(other, miner, "a new block after the garbage")
            self.assert_same_block(other, miner, block)
        assert_equal({p["id"] for p in utxod.rpc.call("getpeerinfo")}, before)

        self.log.info("bitcoind never scored utxod as misbehaving")
        for p in core.rpc.call("getpeerinfo"):
            assert_startswith(p["subver"], "/utxod:")
            assert_equal(p.get("misbehavior_score", 0), 0, "bitcoind's misbehavior score for utxod")

        self.log.info("a fresh bitcoind syncs the whole chain from utxod alone")
        fresh = BitcoindNode(index=len(self._all_nodes), tmpdir=self.tmpdir,
                             extra_conf=["connect=127.0.0.1:%d" % utxod.p2p_port])
        self._all_nodes.append(fresh)
        self.nodes.append(fresh)
        fresh.start()
        self.wait_same_tip(fresh, utxod, "the fresh bitcoind to sync from utxod")
        for block_hash in (witness_block, mined_by_utxod, from_core, from_utxod):
            self.assert_same_block(fresh, utxod, block_hash)
        assert_equal([p["subver"][:7] for p in fresh.rpc.call("getpeerinfo")], ["/utxod:"])

        self.log.info("the same chain gives the same RPC answers on both")
        tip = utxod.rpc.call("getbestblockhash")
        blocks = [witness_block, mined_by_utxod, from_core, from_utxod] + block_with_tx_after_garbage + [tip]
        compared = self.assert_same_answers(utxod, core, blocks)
        self.log.info("%d calls compared", compared)

        self.log.info("invalid blocks are rejected for the same reasons")
        self.assert_same_rejections(utxod, core, txid_of(first_spend))
        self.assert_same_submitblock_answers(utxod, core)

        for node in (fresh, core, utxod):
            node.stop()


if __name__ == "__main__":
    InteropTest().main()
