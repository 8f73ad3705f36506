// Words about a meta-training config for the trainer page: the one-line summary of check() and the
// name a run is saved under (a preset's name when the config is one).
import { DATASETS } from '../../data/registry';
import type { MetaConfig } from '../../meta/metaConfig';
import { metaConfigToJson, presetConfig, trajectoryDifference } from '../../meta/metaConfigParse';
import { PRESET_NAMES } from '../../meta/presets';
import { taskVariants, type TaskVariant } from '../../meta/variants';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "49 inputs, 3 classes" for a variant, from the registry (no data is opened). */
function variantShape(v: TaskVariant): string {
  const info = DATASETS[v.dataset.name];
  const side = v.resize ?? info.defaultResize;
  const { height, width, channels } = info.shape;
  const inputs = side !== null ? side * side * channels : info.shapeFromFile ? null : height * width * channels;
  const classes = v.classes?.length ?? info.numClasses;
  return `${inputs === null ? 'inputs from the files' : plural(inputs, 'input')}, ${classes === null ? 'classes from the files' : plural(classes, 'class', 'classes')}`;
}

/**
 * "ES, 8 pairs x T=50, 300 steps, 2 task variants (49 inputs, 3 classes); held-out evaluation every 25 steps on
 * mnist/test 7x7 classes 0.1.2"
 */
export function describeMetaConfig(cfg: MetaConfig): string {
  const e = cfg.evaluation;
  const evaluation =
    e.every > 0 && e.datasets.length > 0
      ? `; held-out evaluation every ${plural(e.every, 'step')} on ${e.datasets.map((d) => d.name).join(', ')}`
      : '';
  if (cfg.method === 'clone-backprop') {
    const deep = cfg.cloneDeepFrom > 0 ? `, deep from step ${cfg.cloneDeepFrom}` : '';
    return `cloning backprop (eta ${cfg.cloneLearningRate}, kappa ${cfg.cloneWeightScale}), ${plural(cfg.cloneBatch, 'cell')} per step, ${plural(cfg.steps, 'step')}${deep}${evaluation}`;
  }
  const variants = taskVariants(cfg);
  const shapes = [...new Set(variants.map(variantShape))].join('; ');
  const how =
    cfg.method === 'gradient'
      ? `gradient, ${plural(cfg.pairs, 'trajectory', 'trajectories')}`
      : `${cfg.method === 'es' ? 'ES' : 'sep-CMA-ES'}, ${plural(cfg.pairs, 'pair')}`;
  const clone = cfg.objective === 'clone-sgd' ? `, cloning online SGD (eta ${cfg.cloneLearningRate})` : '';
  return `${how} x T=${cfg.trajectoryLength}, ${plural(cfg.steps, 'step')}, ${plural(variants.length, 'task variant')} (${shapes})${clone}${evaluation}`;
}

const sameJson = (a: MetaConfig, b: MetaConfig): boolean =>
  JSON.stringify(metaConfigToJson(a)) === JSON.stringify(metaConfigToJson(b));

/**
 * The name a run goes by: a preset's name when the config is that preset, "<preset> (modified)" when
 * it starts from one (its "preset" field, or the same training with other steps or evaluations),
 * else "custom".
 */
export function configNameOf(cfg: MetaConfig, doc?: unknown): string {
  const presets = PRESET_NAMES.map((name) => ({ name, config: presetConfig(name) }));
  const exact = presets.find((p) => sameJson(p.config, cfg));
  if (exact) return exact.name;
  const named =
    doc !== null && typeof doc === 'object' && typeof (doc as { preset?: unknown }).preset === 'string'
      ? (doc as { preset: string }).preset
      : null;
  const base = named ?? presets.find((p) => trajectoryDifference(p.config, cfg) === null)?.name;
  return base ? `${base} (modified)` : 'custom';
}
