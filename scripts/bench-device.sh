#!/usr/bin/env bash
# `npm run bench` on a lent GPU machine (the `device` tool, /work/.library/device/README.md): Node
# engines only (reference, fast CPU, WebGPU through Dawn on the machine's own Vulkan driver) and the
# numpy peer; that machine has no Node, no npm registry and no Chromium, so this script packs what the
# Node bench needs into .bench-device/ (ignored by git, carried by the tool, under its 64 MiB):
#   node.xz                this machine's node binary (x86-64), xz-compressed
#   modules.tar.xz         tsx + esbuild (linux-x64), webgpu (linux-x64 Dawn only), comlink
#   wasm/                  src/cpu/build (the fast CPU engine's kernel, built by npm run build:wasm)
# Here:       bash scripts/bench-device.sh pack
#             (once) echo /.bench-device/ >> .git/info/exclude   and, for the Vulkan loader, the .gl/ recipe
#             of the device README (libvulkan1 and friends as .debs, carried as .gl)
# There:      run(command: "bash scripts/bench-device.sh run --runs 1,8,64,256 --rounds 3 --min-seconds 2 --json $OUT/bench.json",
#                 carry: [".bench-device", ".gl"], timeout_s: 540)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"; shift || true
case "$mode" in
  pack)
    test -f src/cpu/build/vsml_cpu.wasm || { echo "bench-device: src/cpu/build is empty (run npm run build:wasm)" >&2; exit 2; }
    rm -rf .bench-device && mkdir -p .bench-device
    xz -T0 -6 -c "$(readlink -f "$(command -v node)")" > .bench-device/node.xz
    tar -C . -cJf .bench-device/modules.tar.xz \
      node_modules/tsx node_modules/esbuild node_modules/@esbuild/linux-x64 node_modules/comlink \
      --exclude='node_modules/webgpu/dist/darwin-*' --exclude='node_modules/webgpu/dist/win32-*' --exclude='node_modules/webgpu/dist/linux-arm64' \
      node_modules/webgpu
    cp -r src/cpu/build .bench-device/wasm
    du -sh .bench-device/* ;;
  run)
    test -d .bench-device || { echo "bench-device: no .bench-device (pack it here and carry it)" >&2; exit 2; }
    if ls .gl/*.deb >/dev/null 2>&1; then for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig; fi
    if [ -f /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json ]; then
      export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
    fi
    export VSML_VULKAN=system
    mkdir -p /tmp/bench-node && xz -dc .bench-device/node.xz > /tmp/bench-node/node && chmod +x /tmp/bench-node/node
    export PATH="/tmp/bench-node:$PATH"
    tar -xJf .bench-device/modules.tar.xz
    mkdir -p src/cpu/build && cp .bench-device/wasm/* src/cpu/build/
    nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv 2>/dev/null || true
    echo "load: $(cat /proc/loadavg)"
    node node_modules/tsx/dist/cli.mjs src/cli/bench.ts --only node "$@" ;;
  *) echo "usage: bash scripts/bench-device.sh pack | run [bench options]" >&2; exit 2 ;;
esac
