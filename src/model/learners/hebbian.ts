// The Hebbian fast-weight learner (official models.py:363-496, configs/hebbian.yaml) as a learned
// kind: one plastic layer whose fast weights follow Oja's rule on the error and the label. Spec and
// layout: hebbianSpec.ts; init: hebbianInit.ts; R runs and the maths of one example: hebbianRuns.ts.
import type { LearnedKindDef } from './learned';
import type { LearnedKindSpec } from './learnedSpec';
import { initHebbian } from './hebbianInit';
import { HebbianRuns } from './hebbianRuns';
import { asHebbianSpec, HEBBIAN_SPEC_PROPS, hebbianLayout } from './hebbianSpec';

export const HEBBIAN_DEF: LearnedKindDef & LearnedKindSpec = {
  kind: 'hebbian',
  format: 'vsml-hebbian', // LEARNED_FORMATS.hebbian (kinds.ts)
  layout: (shape) => hebbianLayout(shape),
  init: (shape, seed) => initHebbian(shape, seed),
  createRuns: (shape, runs) => new HebbianRuns(shape, runs),
  specProps: HEBBIAN_SPEC_PROPS,
  layoutOf: (shape, spec) => hebbianLayout(shape, asHebbianSpec(spec)),
  initOf: (shape, spec, seed) => initHebbian(shape, seed, asHebbianSpec(spec)),
  runsOf: (shape, spec, runs) => new HebbianRuns(shape, runs, asHebbianSpec(spec)),
};
