#!/usr/bin/env python3
"""Checks that #include edges between src/ folders follow the layers in
doc/design/layers.md (ARCHITECTURE.md): a folder may include only the folders
listed for it below, and third-party headers stay in the folders that wrap them.
Code outside src/ built from it (OUTSIDE_SRC, e.g. contrib/gen-chain) is held
to its own list the same way.
Run by `make check`; exits 1 and names each offending line."""
import os
import re
import sys

# folder -> folders it may include (besides itself)
ALLOWED = {
    "util": set(),
    "crypto": {"util"},
    "primitives": {"crypto", "util"},
    "script": {"primitives", "crypto", "util"},
    "consensus": {"script", "primitives", "crypto", "util"},
    "storage": {"primitives", "util"},
    "coins": {"storage", "primitives", "crypto", "util"},  # crypto: the salted SipHash of the cache
    "chain": {"coins", "storage", "consensus", "script", "primitives", "crypto", "util"},
    "mempool": {"chain", "coins", "consensus", "script", "primitives", "crypto", "util"},
    "mining": {"mempool", "chain", "coins", "consensus", "script", "primitives", "crypto", "util"},
    "net": {"primitives", "util", "crypto"},
    "http": {"util"},
    "json": {"script", "primitives", "crypto", "util"},
    "p2p": {"net", "mempool", "chain", "coins", "consensus", "script", "primitives", "crypto", "util"},
    "rpc": {"http", "p2p", "net", "mining", "mempool", "chain", "coins", "storage", "consensus", "script",
            "primitives", "crypto", "util", "json"},
    "rest": {"http", "mempool", "chain", "coins", "consensus", "script", "primitives", "crypto", "util", "json"},
    "capi": {"consensus", "script", "primitives", "crypto", "util"},
    "cli": {"http", "consensus", "script", "primitives", "crypto", "util", "json"},
    "bench": None,   # anything but node
    "node": None,    # anything
}
# Code outside src/ that is built from it: path from the top -> src/ folders it may include
OUTSIDE_SRC = {
    "contrib/gen-chain": {"consensus", "script", "primitives", "crypto", "util"},  # the chain generator
}
# third-party include prefix -> folders allowed to use it
THIRD_PARTY = {
    "leveldb/": {"storage"},
    "event2/": {"net", "http"},
    "secp256k1": {"crypto"},
    "openssl/": {"crypto", "bench"},
    "boost/json": {"json", "rpc", "rest", "cli", "node"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')


def main() -> int:
    top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    root = os.path.join(top, "src")
    known = set(ALLOWED)
    errors = []
    folders = []  # (name in messages and THIRD_PARTY, path, allowed)
    for folder in sorted(os.listdir(root)):
        path = os.path.join(root, folder)
        if not os.path.isdir(path) or folder.startswith("."):
            continue
        if folder not in known:
            errors.append(f"src/{folder}/: folder not in the layer table (test/lint/check_includes.py)")
            continue
        folders.append((folder, path, ALLOWED[folder]))
    for outside, allowed in OUTSIDE_SRC.items():
        folders.append((outside, os.path.join(top, outside), allowed))
    for folder, path, allowed in folders:
        for dirpath, _, files in os.walk(path):
            for name in files:
                if not name.endswith((".h", ".cpp")):
                    continue
                file = os.path.join(dirpath, name)
                rel = os.path.relpath(file, top)
                with open(file, encoding="utf-8") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        inc = m.group(1)
                        for prefix, owners in THIRD_PARTY.items():
                            if inc.startswith(prefix) and folder not in owners:
                                errors.append(f"{rel}:{lineno}: {folder}/ may not include <{inc}>")
                        target = inc.split("/")[0] if "/" in inc else None
                        if target not in known or target == folder:
                            continue
                        if folder == "bench" and target == "node":
                            errors.append(f"{rel}:{lineno}: bench/ may not include node/")
                        elif allowed is not None and target not in allowed:
                            errors.append(f"{rel}:{lineno}: {folder}/ may not include {inc} ({target}/ is not below it)")
    for e in errors:
        print(e)
    print(f"check_includes: {len(errors)} layering violation(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
