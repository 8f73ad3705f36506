// The context words of the fast CPU engine are written on the JS side (src/cpu/layout.ts CTX,
// LAYER_WORDS) and read by the kernel (wasm/vsml_cpu.ts CTX_*): the two lists must agree word by word.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CTX, LAYER_WORDS, cpuLayout } from '../../src/cpu/layout';
import { config } from '../helpers/random';

const kernelSource = readFileSync(new URL('../../wasm/vsml_cpu.ts', import.meta.url), 'utf8');

/** `const NAME: i32 = value;` of the kernel source. */
function kernelConstants(): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of kernelSource.matchAll(/^const (CTX_\w+|LAYER_WORDS): i32 = (\d+);/gm)) out.set(m[1], Number(m[2]));
  return out;
}

describe('CTX and LAYER_WORDS (src/cpu/layout.ts) mirror wasm/vsml_cpu.ts', () => {
  it('every CTX word has the kernel constant CTX_<NAME> with the same index, and no other', () => {
    const kernel = kernelConstants();
    const mirrored = Object.entries(CTX).map(([name, index]) => [`CTX_${name}`, index]);
    expect(mirrored).toEqual([...kernel].filter(([name]) => name.startsWith('CTX_')));
    expect(kernel.get('LAYER_WORDS')).toBe(LAYER_WORDS);
  });

  it("gives every layer its own forward-message slot in a thread's scratch, after the fixed parts (hidden [4, 3], M 3)", () => {
    const Y = cpuLayout(
      { config: config({ hiddenSizes: [4, 3], messageSize: 3 }), inputSize: 5, numClasses: 2, runs: 1 },
      1,
    );
    const slots = Y.layers.map((l) => l.msg);
    expect(slots[0]).toBeGreaterThan(Math.max(...Y.scratchParts));
    Y.layers.forEach((l, i) => {
      if (i > 0) expect(slots[i]).toBeGreaterThanOrEqual(slots[i - 1] + Y.layers[i - 1].B * 3 * 4);
      expect(slots[i] % 16).toBe(0);
    });
    const last = Y.layers[Y.layers.length - 1];
    expect(Y.scratchBytes).toBeGreaterThanOrEqual(last.msg + last.B * 3 * 4);
  });
});
