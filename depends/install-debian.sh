#!/usr/bin/env bash
# Installs the Debian 12 packages utxod needs (depends/packages-debian12.txt),
# then the interop test's bitcoind (depends/fetch-bitcoind.sh).
# Idempotent: installs nothing when everything is present, and runs
# 'apt-get update' only when a package is missing from the local lists.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list="$here/packages-debian12.txt"

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done

# The interop test's peer (fetch-bitcoind.sh): without it that one test
# reports itself skipped, so a failure to fetch it is not fatal here.
fetch_interop_peer() {
  "$here/fetch-bitcoind.sh" || echo "depends: no interop bitcoind; test/functional/interop_bitcoind.py will be skipped" >&2
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "depends: all ${#wanted[@]} packages already installed"
  fetch_interop_peer
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "depends: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when one of the missing packages is unknown
# to the current lists (a fresh machine has empty lists).
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
  echo "depends: apt-get update"
  $sudo apt-get update -q
fi
echo "depends: installing ${missing[*]}"
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fetch_interop_peer
