#!/usr/bin/env bash
# Every test of the project: lint, types, unit tests (CPU reference and WebGPU on SwiftShader),
# and the browser end-to-end suite. Needs /usr/bin/chromium and libvulkan1 (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1 ' || missing+=(libvulkan1)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

source scripts/swiftshader-env.sh
start=$(date +%s)
step() { echo; echo "== $1 ($(( $(date +%s) - start ))s)"; }

step "lint"; npx eslint --max-warnings 0 .
step "typecheck"; npx tsc --noEmit -p tsconfig.json
step "unit tests"; npx vitest run
step "build"; npx vite build --logLevel warn
step "end-to-end"; npx playwright test
echo; echo "all tests passed in $(( $(date +%s) - start ))s"
