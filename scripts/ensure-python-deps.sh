#!/usr/bin/env bash
# The Debian packages examples/python needs: protoc and Debian's Python 3 gRPC and protobuf modules (used by
# /usr/bin/python3, not by a pyenv or venv Python).
exec "$(dirname "$0")/ensure-debian-packages.sh" protobuf-compiler python3-grpcio python3-protobuf
