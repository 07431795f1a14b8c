#!/usr/bin/env bash
# Generates the Python message classes of the Sharelog API into examples/python/gen/ with protoc.
# Needs only protoc (Debian: protobuf-compiler); the gRPC stubs are built from these at import time by
# sharelog_grpc.py, so no gRPC code-generator plugin is needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
proto_dir="$(cd "$here/../../proto" && pwd)"

if ! command -v protoc >/dev/null 2>&1; then
  echo "generate.sh: protoc not found; install it with: apt-get install protobuf-compiler" >&2
  exit 1
fi

# Generate into a fresh directory and swap it in, so that a failed run never leaves half a gen/ behind.
tmp="$(mktemp -d "$here/.gen.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
(cd "$proto_dir" && protoc -I . --python_out="$tmp" sharelog/v1/*.proto)
chmod 755 "$tmp"
rm -rf "$here/gen"
mv "$tmp" "$here/gen"
trap - EXIT
echo "generate.sh: wrote $(find "$here/gen" -name '*_pb2.py' | wc -l) modules to $here/gen" >&2
