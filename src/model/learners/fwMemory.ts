// The FWMemory learner (official models.py:540-606, configs/fwmemory.yaml; Schlag et al.-style
// fast-weight memory) as a learned kind: an LSTM that reads each example with the previous error and
// label, writes to and reads from an m x m² memory, and is meta-trained to learn in its state. Spec
// and layout: fwMemorySpec.ts; init: fwMemoryInit.ts; one example: fwMemoryStep.ts; R runs:
// fwMemoryRuns.ts.
import type { LearnedKindDef } from './learned';
import type { LearnedKindSpec } from './learnedSpec';
import { initFwMemory } from './fwMemoryInit';
import { FwMemoryRuns } from './fwMemoryRuns';
import { asFwMemorySpec, FW_MEMORY_SPEC_PROPS, fwMemoryLayout } from './fwMemorySpec';

export const FW_MEMORY_DEF: LearnedKindDef & LearnedKindSpec = {
  kind: 'fw-memory',
  format: 'vsml-fw-memory', // LEARNED_FORMATS['fw-memory'] (kinds.ts)
  layout: (shape) => fwMemoryLayout(shape),
  init: (shape, seed) => initFwMemory(shape, seed),
  createRuns: (shape, runs) => new FwMemoryRuns(shape, runs),
  specProps: FW_MEMORY_SPEC_PROPS,
  layoutOf: (shape, spec) => fwMemoryLayout(shape, asFwMemorySpec(spec)),
  initOf: (shape, spec, seed) => initFwMemory(shape, seed, asFwMemorySpec(spec)),
  runsOf: (shape, spec, runs) => new FwMemoryRuns(shape, runs, asFwMemorySpec(spec)),
};
