#!/usr/bin/env bash
# Usage: ensure-debian-packages.sh PACKAGE...
# Installs the Debian packages that are missing (running `apt-get update` first, once, only when something is
# missing); does nothing, quickly, when all are present. Quiet unless it installs something or fails. The test
# suite calls it for what its tests need beyond npm packages (redis-server, protoc and Python gRPC, chromium).
set -euo pipefail

missing=()
for pkg in "$@"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed$'; then
    missing+=("$pkg")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo -n)
  else
    echo "ensure-debian-packages: missing ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

echo "ensure-debian-packages: installing ${missing[*]}" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo[@]}" apt-get -qq -o DPkg::Lock::Timeout=300 update &&
       "${sudo[@]}" apt-get -qq -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "${missing[@]}"; } \
     >"$log" 2>&1; then
  cat "$log" >&2
  echo "ensure-debian-packages: apt-get failed" >&2
  exit 1
fi
