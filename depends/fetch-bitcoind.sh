#!/usr/bin/env bash
# Fetches a Bitcoin Core v29-family bitcoind for the interoperability test
# (test/functional/interop_bitcoind.py) into depends/bitcoind/.
#
# Bitcoin Core itself is not packaged by Debian; Bitcoin Knots, a Core
# derivative that keeps Core's P2P and RPC code, is, in Debian unstable (sid).
# Its binary needs a newer C++ runtime and C library than Debian 12 has, so
# those come from sid too and are unpacked beside it (never installed): the
# wrapper depends/bitcoind/bin/bitcoind starts it through sid's dynamic loader
# with that private library path, and the system stays untouched. The other
# libraries it links (libevent, libzmq, libsqlite3) are Debian 12's, from
# packages-debian12.txt.
#
# Only Debian's archive is contacted, through apt with a private package list
# (no curl or wget needed). Idempotent: does nothing when the wrapper already
# runs. Exit status 0 on success; 1 (with the reason) when the package cannot
# be fetched, in which case the interop test reports itself skipped.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest="$here/bitcoind"
wrapper="$dest/bin/bitcoind"
packages=(bitcoin-knots libc6 libstdc++6 libgcc-s1)

if [ -x "$wrapper" ] && "$wrapper" -version >/dev/null 2>&1; then
  echo "depends: interop bitcoind present: $("$wrapper" -version | head -n 1)"
  exit 0
fi

if [ "$(dpkg --print-architecture 2>/dev/null || echo unknown)" != amd64 ]; then
  echo "depends: interop bitcoind is fetched for amd64 only; this machine is not" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
echo "deb http://deb.debian.org/debian sid main" > "$work/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=$work/none"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
  -o "Acquire::Languages=none"
  -o "APT::Sandbox::User=root"
)
echo "depends: fetching ${packages[*]} from Debian sid for the interop test"
if ! apt-get -q "${apt_opts[@]}" update >"$work/apt.log" 2>&1 ||
   ! (cd "$work/debs" && apt-get -q "${apt_opts[@]}" download "${packages[@]}" >>"$work/apt.log" 2>&1); then
  cat "$work/apt.log" >&2
  echo "depends: could not fetch ${packages[*]} from Debian sid" >&2
  exit 1
fi

rm -rf "$dest"
mkdir -p "$dest/root" "$dest/bin"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$dest/root"
  basename "$deb" >> "$dest/PACKAGES"
done

lib="$dest/root/usr/lib/x86_64-linux-gnu"
for tool in bitcoind bitcoin-cli; do
  cat > "$dest/bin/$tool" <<EOF
#!/bin/sh
# Runs Debian sid's $tool with sid's C library and C++ runtime (see depends/fetch-bitcoind.sh).
exec "$lib/ld-linux-x86-64.so.2" --library-path "$lib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu" "$dest/root/usr/bin/$tool" "\$@"
EOF
  chmod 755 "$dest/bin/$tool"
done

if ! "$wrapper" -version >/dev/null 2>&1; then
  "$wrapper" -version >&2 || true
  echo "depends: the fetched bitcoind does not run here" >&2
  exit 1
fi
echo "depends: interop bitcoind ready: $("$wrapper" -version | head -n 1)"
