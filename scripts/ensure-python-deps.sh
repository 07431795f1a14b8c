#!/usr/bin/env bash
# Makes sure the Debian packages that examples/python needs are installed: protoc and Debian's Python 3 gRPC and
# protobuf modules (used by /usr/bin/python3, not by a pyenv or venv Python). Installs the missing ones with
# apt-get (running `apt-get update` first, once, only when something is missing); does nothing, quickly, when all
# are present. Quiet unless it installs something or fails.
set -euo pipefail

packages=(protobuf-compiler python3-grpcio python3-protobuf)

missing=()
for pkg in "${packages[@]}"; do
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
    echo "ensure-python-deps: missing ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

echo "ensure-python-deps: installing ${missing[*]}" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo[@]}" apt-get -qq -o DPkg::Lock::Timeout=300 update &&
       "${sudo[@]}" apt-get -qq -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "${missing[@]}"; } \
     >"$log" 2>&1; then
  cat "$log" >&2
  echo "ensure-python-deps: apt-get failed" >&2
  exit 1
fi
