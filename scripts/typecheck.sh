#!/usr/bin/env bash
# Typechecks every runtime's project with its own globals (see tsconfig.json).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for p in shared/tsconfig.json shared/tsconfig.test.json backend/tsconfig.json electron/tsconfig.json \
         renderer/tsconfig.json renderer/tsconfig.test.json e2e/tsconfig.json bench/tsconfig.json build/tsconfig.json scripts/tsconfig.json; do
  npx tsc -p "$p" || { echo "typecheck failed: $p"; status=1; }
done
exit $status
