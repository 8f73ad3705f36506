// Task variants (the official per-rank configurations) and which pair gets which variant per step.
import type { DatasetRef } from './datasetRef';
import type { MetaConfig } from './metaConfig';
import { assignRng, variantTaskSeed } from './seeds';

export interface TaskVariant {
  readonly index: number;
  readonly datasetIndex: number;
  readonly dataset: DatasetRef;
  readonly project: boolean;
  readonly resize: number | null;
  readonly classes: readonly number[] | null;
  readonly copy: number;
  /** Seed of this variant's projection matrix and (Random) examples. */
  readonly taskSeed: number;
}

/** V = |project| |resize| |classes| |datasets| copies variants, project varying fastest (see TaskAxes). */
export function taskVariants(cfg: MetaConfig): TaskVariant[] {
  const { datasets, project, resize, classes, copies } = cfg.tasks;
  const nP = project.length;
  const nR = resize.length;
  const nC = classes.length;
  const nD = datasets.length;
  const V = nP * nR * nC * nD * copies;
  return Array.from({ length: V }, (_, v) => {
    const datasetIndex = Math.floor(v / (nP * nR * nC)) % nD;
    return {
      index: v,
      datasetIndex,
      dataset: datasets[datasetIndex],
      project: project[v % nP],
      resize: resize[Math.floor(v / nP) % nR],
      classes: classes[Math.floor(v / (nP * nR)) % nC],
      copy: Math.floor(v / (nP * nR * nC * nD)),
      taskSeed: variantTaskSeed(cfg.seed, v),
    };
  });
}

/**
 * The variant of every pair in ES step `step` ([P]). cycle: (step * P + p) mod V, so when P is a
 * multiple of V every pair keeps its variant (the official fixed ranks) and otherwise all variants
 * take turns; random: a seeded uniform draw per pair.
 */
export function assignVariants(cfg: MetaConfig, variantCount: number, step: number): Uint32Array {
  const P = cfg.pairs;
  const out = new Uint32Array(P);
  if (cfg.tasks.assign === 'random') {
    const rng = assignRng(cfg.seed, step);
    for (let p = 0; p < P; p++) out[p] = rng.int(variantCount);
  } else {
    const base = (step * P) % variantCount;
    for (let p = 0; p < P; p++) out[p] = (base + p) % variantCount;
  }
  return out;
}

export function describeVariant(v: TaskVariant): string {
  const parts = [
    v.resize !== null ? `${v.resize}x${v.resize}` : '',
    v.classes ? `classes ${v.classes.join('.')}` : '',
    v.project ? 'projected' : '',
  ].filter(Boolean);
  return `${v.dataset.name}${parts.length ? ` ${parts.join(' ')}` : ''}`;
}
