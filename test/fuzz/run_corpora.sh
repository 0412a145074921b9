#!/bin/sh
# Runs every fuzz target once over its seed corpus (make check).
#
# Each directory test/fuzz/corpus/<target>/ names a target; the runner program
# test/fuzz/<target> (built by make check) gets that directory. Fails when a
# target's program is missing, its corpus is empty, or any input breaks an
# invariant; every target runs either way, so one report shows all failures.
set -u
srcdir=${srcdir:-$(dirname "$0")/../..}
corpora="$srcdir/test/fuzz/corpus"

status=0
found=0
for corpus in "$corpora"/*/; do
  [ -d "$corpus" ] || continue
  target=$(basename "$corpus")
  found=$((found + 1))
  program="test/fuzz/$target"
  if [ ! -x "$program" ]; then
    echo "FAIL $target: no program $program (is it in test/fuzz/Makefile.am.include?)"
    status=1
    continue
  fi
  if "$program" "$corpus"; then
    echo "PASS $target"
  else
    echo "FAIL $target (exit status $?)"
    status=1
  fi
done
if [ "$found" -eq 0 ]; then
  echo "FAIL: no corpus directories under $corpora"
  status=1
fi
exit "$status"
