#!/usr/bin/env bash
# `make install` into a temporary prefix, then use the installed library the
# way an outside project would: find it through pkg-config, compile the C test
# against the installed header, and load it from Python ctypes.
set -euo pipefail
: "${top_srcdir:?}" "${top_builddir:?}"
MAKE=${MAKE:-make}
CC=${CC:-cc}

if [ -n "${UTXO_SANITIZERS:-}" ]; then
  echo "skipped: a sanitizer build's library cannot be loaded into an uninstrumented program"
  exit 77
fi

prefix=$(mktemp -d /tmp/utxod-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT

$MAKE -s -C "$top_builddir" install prefix="$prefix" >"$prefix.log" 2>&1 || { cat "$prefix.log"; rm -f "$prefix.log"; exit 1; }
rm -f "$prefix.log"

for f in bin/utxo-tx include/utxoconsensus.h lib/pkgconfig/libutxoconsensus.pc share/man/man1/utxo-tx.1; do
  [ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
libdir=$(pkg-config --variable=libdir libutxoconsensus)
[ "$libdir" = "$prefix/lib" ] || { echo "pkg-config libdir is $libdir, expected $prefix/lib"; exit 1; }
[ -e "$libdir/libutxoconsensus.so" ] || { echo "no libutxoconsensus.so in $libdir"; exit 1; }

# Only utxoconsensus_* may be exported.
if nm -D --defined-only "$libdir/libutxoconsensus.so" | awk '{print $3}' | grep -v '^utxoconsensus_' | grep -q .; then
  echo "libutxoconsensus.so exports more than utxoconsensus_*:"
  nm -D --defined-only "$libdir/libutxoconsensus.so" | awk '{print $3}' | grep -v '^utxoconsensus_' | head
  exit 1
fi

# A C program built only from the installed header and pkg-config flags.
# shellcheck disable=SC2046
$CC -std=c99 -o "$prefix/capi_c_test" "$top_srcdir/test/unit/capi/capi_c_test.c" $(pkg-config --cflags --libs libutxoconsensus)
LD_LIBRARY_PATH="$libdir" "$prefix/capi_c_test"

# Python ctypes, loading the library by its pkg-config path.
python3 "$top_srcdir/test/functional/test_capi_ctypes.py" "$libdir/libutxoconsensus.so"

# utxo-tx runs from the prefix.
"$prefix/bin/utxo-tx" -txid - < "$top_srcdir/share/examples/genesis-coinbase.hex" | grep -q 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b
echo "test_capi_install: installed tree works"
