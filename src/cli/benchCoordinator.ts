// The coordinator's own work per distributed ES step, for the scaling model in docs/DISTRIBUTED.md:
// the ES estimate (regenerating every pair's noise over all of V_M, esEstimateOf) and the Adam update
// (clipAndAdam) at the paper's shape (preset paper-fig6: P = 1,024, D = 2,384), timed three times on
// synthetic fitness (the cost does not depend on its values).
import { clipAndAdam, esEstimateOf } from '../meta/esStep';
import { presetConfig } from '../meta/metaConfigParse';
import { adamInit } from '../model/es/adam';
import { paramLayout } from '../model/layout';

export interface CoordinatorTiming {
  readonly pairs: number;
  readonly params: number;
  readonly milliseconds: readonly number[];
}

export function timeCoordinatorUpdate(rounds = 3): CoordinatorTiming {
  const cfg = presetConfig('paper-fig6');
  const P = cfg.pairs;
  const D = paramLayout(cfg.model).size;
  const plus = Float64Array.from({ length: P }, (_, i) => 2.3 + 0.01 * Math.sin(i));
  const minus = Float64Array.from({ length: P }, (_, i) => 2.3 + 0.01 * Math.cos(i));
  const theta = new Float32Array(D);
  const adam = adamInit(D);
  const milliseconds: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    clipAndAdam(cfg, theta, esEstimateOf(cfg, { plus, minus }, D, r).g, adam);
    milliseconds.push(performance.now() - t0);
  }
  return { pairs: P, params: D, milliseconds };
}

export const formatCoordinatorTiming = (t: CoordinatorTiming): string =>
  `coordinator update per step (ES estimate + Adam, preset paper-fig6: P = ${t.pairs}, D = ${t.params}): ${t.milliseconds.map((m) => m.toFixed(1)).join(' / ')} ms`;
