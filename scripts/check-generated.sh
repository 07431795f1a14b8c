#!/usr/bin/env bash
# Fails when src/generated is not what the protos generate (edited by hand, or protos changed without regenerating).
set -euo pipefail
npm run --silent gen:proto
if [ -n "$(git status --porcelain -- src/generated)" ]; then
  git status --short -- src/generated
  echo "src/generated is stale: run 'npm run gen:proto' and commit the result" >&2
  exit 1
fi
