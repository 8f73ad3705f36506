#!/usr/bin/env bash
# `npm run bench` on a lent GPU machine (the `device` tool, /work/.library/device/README.md): Node
# engines only (reference, fast CPU, WebGPU through Dawn on the machine's own Vulkan driver) and the
# numpy peer; or `vitest run test/gpu` there (every WGSL kernel against the CPU reference on the real
# GPU). That machine has no Node, no npm registry and no Chromium, so this script packs what both need
# into .bench-device/ (ignored by git, carried by the tool, under its 64 MiB):
#   node.xz                this machine's node binary (x86-64), xz-compressed
#   modules.tar.xz         tsx + esbuild (linux-x64), webgpu (linux-x64 Dawn only), comlink, and vitest
#                          with what it loads (its dependency closure in node_modules)
#   wasm/                  src/cpu/build (the fast CPU engine's kernel, built by npm run build:wasm)
# Here:       bash scripts/bench-device.sh pack
#             (once) echo /.bench-device/ >> .git/info/exclude   and, for the Vulkan loader, the .gl/ recipe
#             of the device README (libvulkan1 and friends as .debs, carried as .gl)
# There:      run(command: "bash scripts/bench-device.sh run --runs 1,8,64,256 --rounds 3 --min-seconds 2 --json $OUT/bench.json",
#                 carry: [".bench-device", ".gl"], timeout_s: 540)
#             run(command: "bash scripts/bench-device.sh gpu-tests", carry: [".bench-device", ".gl"], timeout_s: 300)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"; shift || true
case "$mode" in
  pack)
    test -f src/cpu/build/vsml_cpu.wasm || { echo "bench-device: src/cpu/build is empty (run npm run build:wasm)" >&2; exit 2; }
    rm -rf .bench-device && mkdir -p .bench-device
    xz -T0 -6 -c "$(readlink -f "$(command -v node)")" > .bench-device/node.xz
    # vitest and every package it depends on (dependencies and optional ones present here), by name.
    vitest_closure=$(node -e '
      const fs = require("fs"), seen = new Set();
      const visit = (n) => {
        const p = `node_modules/${n}/package.json`;
        if (seen.has(n) || !fs.existsSync(p)) return;
        seen.add(n);
        const j = JSON.parse(fs.readFileSync(p, "utf8"));
        for (const d of Object.keys({ ...j.dependencies, ...j.optionalDependencies })) visit(d);
      };
      visit("vitest");
      console.log([...seen].map((n) => `node_modules/${n}`).join(" "));')
    # shellcheck disable=SC2086
    tar -C . -cJf .bench-device/modules.tar.xz \
      node_modules/tsx node_modules/esbuild node_modules/@esbuild/linux-x64 node_modules/comlink $vitest_closure \
      --exclude='node_modules/webgpu/dist/darwin-*' --exclude='node_modules/webgpu/dist/win32-*' --exclude='node_modules/webgpu/dist/linux-arm64' \
      node_modules/webgpu
    cp -r src/cpu/build .bench-device/wasm
    du -sh .bench-device/* ;;
  run|gpu-tests)
    test -d .bench-device || { echo "bench-device: no .bench-device (pack it here and carry it)" >&2; exit 2; }
    if ls .gl/*.deb >/dev/null 2>&1; then for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig; fi
    if [ -f /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json ]; then
      export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
    fi
    export VSML_VULKAN=system
    mkdir -p /tmp/bench-node && xz -dc .bench-device/node.xz > /tmp/bench-node/node && chmod +x /tmp/bench-node/node
    export PATH="/tmp/bench-node:$PATH"
    tar -xJf .bench-device/modules.tar.xz
    # Copied after wasm/ was unpacked, so vitest's global setup finds the kernel fresh and builds nothing.
    mkdir -p src/cpu/build && cp .bench-device/wasm/* src/cpu/build/ && touch src/cpu/build/*
    nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv 2>/dev/null || true
    echo "load: $(cat /proc/loadavg)"
    if [ "$mode" = gpu-tests ]; then
      node node_modules/vitest/vitest.mjs run test/gpu "$@"
    else
      node node_modules/tsx/dist/cli.mjs src/cli/bench.ts --only node "$@"
    fi ;;
  *) echo "usage: bash scripts/bench-device.sh pack | run [bench options] | gpu-tests [vitest options]" >&2; exit 2 ;;
esac
