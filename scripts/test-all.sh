#!/usr/bin/env bash
# Every test of the project: lint, types, unit tests (CPU reference and WebGPU on SwiftShader),
# and the browser end-to-end suite. Needs four Debian packages, chromium, libvulkan1, redis-server and
# openssl (the distributed meta-training tests start their own Redis, one over TLS): when one is
# missing it installs them (apt-get update once, then install), as root directly or through sudo,
# and otherwise says which to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

# Dawn (the `webgpu` npm package) loads the Vulkan loader; SwiftShader's ICD ships with chromium.
have_vulkan() {
  local f
  for f in /usr/lib/*-linux-gnu/libvulkan.so.1 /usr/lib64/libvulkan.so.1 /usr/lib/libvulkan.so.1; do
    [ -e "$f" ] && return 0
  done
  return 1
}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
have_vulkan || missing+=(libvulkan1)
command -v redis-server > /dev/null || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v openssl > /dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo > /dev/null; then
    as_root=(sudo)
  else
    echo "test-all.sh: missing Debian packages: ${missing[*]}; as root, run: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  echo "installing the Debian packages the tests need: ${missing[*]}${as_root:+ (through sudo)}"
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

source scripts/swiftshader-env.sh
start=$(date +%s)
step() { echo; echo "== $1 ($(( $(date +%s) - start ))s)"; }

step "fast CPU engine kernel"; node scripts/build-wasm.mjs --if-stale
step "lint"; npx eslint --max-warnings 0 . && npx prettier --check .
step "typecheck"; npx tsc --noEmit -p tsconfig.json
step "unit tests"; npx vitest run
step "build"; npx vite build --logLevel warn
step "end-to-end"; npx playwright test
echo; echo "all tests passed in $(( $(date +%s) - start ))s"
