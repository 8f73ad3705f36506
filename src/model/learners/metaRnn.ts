// The Meta RNN (official models.py:249-297; Hochreiter et al. 2001) as a learned kind: an LSTM
// that reads each example with the previous error and label and is meta-trained to learn in its
// state. Spec and layout: metaRnnSpec.ts; init: metaRnnInit.ts; one example: metaRnnStep.ts;
// R runs: metaRnnRuns.ts.
import type { LearnedKindDef } from './learned';
import type { LearnedKindSpec } from './learnedSpec';
import { initMetaRnn } from './metaRnnInit';
import { MetaRnnRuns } from './metaRnnRuns';
import { asMetaRnnSpec, META_RNN_SPEC_PROPS, metaRnnLayout } from './metaRnnSpec';

export const META_RNN_DEF: LearnedKindDef & LearnedKindSpec = {
  kind: 'meta-rnn',
  format: 'vsml-meta-rnn', // LEARNED_FORMATS['meta-rnn'] (kinds.ts)
  layout: (shape) => metaRnnLayout(shape),
  init: (shape, seed) => initMetaRnn(shape, seed),
  createRuns: (shape, runs) => new MetaRnnRuns(shape, runs),
  specProps: META_RNN_SPEC_PROPS,
  layoutOf: (shape, spec) => metaRnnLayout(shape, asMetaRnnSpec(spec)),
  initOf: (shape, spec, seed) => initMetaRnn(shape, seed, asMetaRnnSpec(spec)),
  runsOf: (shape, spec, runs) => new MetaRnnRuns(shape, runs, asMetaRnnSpec(spec)),
};
