// How colours look with colour-vision deficiency, and how far apart two colours are: sRGB to linear
// RGB, the Machado, Oliveira & Fernandes (2009) simulation matrices at severity 1 (protanopia,
// deuteranopia, tritanopia; applied to linear RGB), linear RGB to CIELAB (D65) and the CIE76 ΔE*ab.
// Pure (no DOM); used by the tests that keep the learner palette colour-blind safe.

export type Rgb = readonly [number, number, number];
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
type Matrix = readonly [Rgb, Rgb, Rgb];

/** Machado et al. 2009, Table 1, severity 1.0. */
export const MACHADO_2009: Readonly<Record<Deficiency, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** "#rrggbb" to sRGB bytes. */
export function hexRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`hexRgb: expected "#rrggbb", got "${hex}"`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** sRGB bytes to linear RGB in [0, 1]. */
export function linearRgb([r, g, b]: Rgb): Rgb {
  const f = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [f(r), f(g), f(b)];
}

/** Linear RGB as seen with `deficiency` (clamped to [0, 1]). */
export function simulate(linear: Rgb, deficiency: Deficiency): Rgb {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const row = (m: Rgb) => clamp(m[0] * linear[0] + m[1] * linear[1] + m[2] * linear[2]);
  const [m0, m1, m2] = MACHADO_2009[deficiency];
  return [row(m0), row(m1), row(m2)];
}

/** Linear RGB to CIELAB, D65 white. */
export function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference ΔE*ab of two CIELAB colours. */
export function deltaE(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** The closest pair of `colours` ("#rrggbb") as seen with `deficiency` (or normal vision): its ΔE and indices. */
export function closestPair(
  colours: readonly string[],
  deficiency?: Deficiency,
): { deltaE: number; i: number; j: number } {
  const seen = colours.map((c) => {
    const l = linearRgb(hexRgb(c));
    return lab(deficiency ? simulate(l, deficiency) : l);
  });
  let best = { deltaE: Infinity, i: -1, j: -1 };
  for (let i = 0; i < seen.length; i++) {
    for (let j = i + 1; j < seen.length; j++) {
      const d = deltaE(seen[i], seen[j]);
      if (d < best.deltaE) best = { deltaE: d, i, j };
    }
  }
  return best;
}
