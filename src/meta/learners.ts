// The learners the evaluation protocol runs, each set up for R runs from one seed:
//  - a baseline (src/model/baselines): run r's initial weights from new Rng(seed).fork(r), or all
//    runs from new Rng(seed) ('shared', as the official fixed PRNGKey(22));
//  - a VSML learner on an engine (S = R): one V_M for every run, run r's initial state from
//    initRunStates(config, shapes, new Rng(seed), R), i.e. new Rng(seed).fork(r).
// The streams are seeded separately, by src/data (runOrderSeed(seed, r)).
import type { VsmlEngine } from '../model/engine';
import type { Learner } from '../model/formats/learner';
import { initRunStates } from '../model/init';
import { BASELINES, type BaselineName } from '../model/baselines/kinds';
import { OnlineBaselines, type BaselineInit } from '../model/baselines/online';
import { Rng } from '../model/rng';
import type { BatchLearner } from './protocol';

export function baselineLearner(
  name: BaselineName,
  inputSize: number,
  numClasses: number,
  runs: number,
  seed: number,
  init: BaselineInit = 'per-run',
): OnlineBaselines {
  const b = new OnlineBaselines(BASELINES[name], inputSize, numClasses, runs);
  b.reset(seed, init);
  return b;
}

/** Load a learner's V_M into an engine built for R runs and draw every run's initial state. */
export function vsmlLearner(engine: VsmlEngine, learner: Learner, seed: number): BatchLearner {
  engine.setParams([learner.params]);
  engine.setState(initRunStates(learner.config, engine.shapes, new Rng(seed), engine.spec.runs));
  return { runs: engine.spec.runs, run: (block, opts) => engine.run(block, opts) };
}
