// What `vsml evaluate` needs, counted before the task is built: the data set and its transformed
// examples (and a projection), every run's example order, the learner (VSML state and V_M, or a
// baseline's weights), one block of examples, and the output: the [T] curve (streamed protocol:
// no [R][T] array) and its text.
import type { TaskSize } from '../data/taskSize';
import { taskItems } from '../data/taskSize';
import { defaultBlockSteps } from '../meta/protocol';
import type { BaselineName } from '../model/baselines/kinds';
import type { VsmlConfig } from '../model/config';
import type { LearnedLearner } from '../model/formats/learnedLearner';
import {
  baselineItem,
  engineItems,
  estimateOf,
  F32,
  F64,
  productItem,
  stateField,
  type MemoryEstimate,
  type MemoryItem,
} from '../model/resources';

/**
 * Bytes per curve point while the evaluation file is written: the float64 curve (8), its JSON array and its text (19.3
 * characters measured: docs/ARCHITECTURE.md, Memory).
 */
export const CURVE_BYTES_PER_STEP = 48;

/** The --runs default, above which --runs is named as a reason for a large state. */
export const DEFAULT_EVAL_RUNS = 32;

export type EvaluatedLearner =
  | { readonly kind: 'baseline'; readonly name: BaselineName }
  | { readonly kind: 'vsml'; readonly path: string; readonly config: VsmlConfig }
  | { readonly kind: 'learned'; readonly path: string; readonly learner: LearnedLearner };

/**
 * Floats of one run's state of a learned learner: the LSTM's h and c (Meta RNN, FWMemory), the fast
 * weights (Hebbian: (A + 2K) x K; FWMemory: m x m²), and the error and label fed back (2K).
 */
export function learnedStateFloats(l: LearnedLearner): number {
  const { inputSize: A, numClasses: K } = l.shape;
  const feedback = 2 * K;
  switch (l.kind) {
    case 'meta-rnn':
      return 2 * (l.spec.hidden as number) + feedback;
    case 'hebbian':
      return (A + 2 * K) * K + feedback;
    case 'fw-memory':
      return (l.spec.memorySize as number) ** 3 + 2 * (l.spec.hidden as number) + feedback;
  }
}

/**
 * `orders`: example orders kept per run (1 for the i.i.d. stream; 2 for association episodes: the class lists and their
 * passes).
 */
export function evaluateMemory(
  learner: EvaluatedLearner,
  size: TaskSize,
  runs: number,
  steps: number,
  orders = 1,
): MemoryEstimate {
  const A = size.inputSize;
  const K = size.numClasses;
  const items: MemoryItem[] = [
    ...taskItems(size, { data: '--dataset', resize: '--transform', project: '--transform' }),
  ];
  if (size.count !== null)
    items.push(
      productItem('--runs', "the runs' example orders", [
        [runs, 'runs'],
        ...(orders > 1 ? [[orders, 'orders'] as const] : []),
        [size.count, 'examples'],
        [4, 'bytes'],
      ]),
    );
  if (learner.kind === 'baseline') {
    items.push(baselineItem('--runs', learner.name, A, K, runs));
  } else if (learner.kind === 'learned') {
    const { kind, shape } = learner.learner;
    const stateFloats = learnedStateFloats(learner.learner);
    items.push(
      productItem(
        '--runs',
        `${kind} state`,
        [
          [runs, 'runs'],
          [stateFloats, 'floats'],
          [F32, 'bytes'],
        ],
        runs * stateFloats,
      ),
    );
    items.push(
      productItem(learner.path, `${kind} parameters`, [
        [learner.learner.params.length, 'values'],
        [F32, 'bytes'],
      ]),
    );
    const C = Math.min(steps, defaultBlockSteps(runs, A));
    items.push(
      productItem(
        '--runs',
        `one block of examples padded to ${shape.inputSize} inputs`,
        [
          [runs, 'runs'],
          [C, 'steps'],
          [shape.inputSize, 'inputs'],
          [F32, 'bytes'],
        ],
        runs * C * shape.inputSize,
      ),
    );
  } else {
    const field = stateField(
      { runs: '--runs', hidden: `${learner.path} config.hiddenSizes`, data: '--dataset' },
      { config: learner.config, inputSize: A, numClasses: K, runs },
      DEFAULT_EVAL_RUNS,
    );
    items.push(...engineItems(field, { config: learner.config, inputSize: A, numClasses: K, runs }, 2));
  }
  const C = Math.min(steps, defaultBlockSteps(runs, A));
  items.push(
    productItem(
      '--runs',
      'one block of examples',
      [
        [runs, 'runs'],
        [C, 'steps'],
        [A, 'inputs'],
        [F32, 'bytes'],
      ],
      runs * C * A,
    ),
  );
  items.push(
    productItem(
      '--steps',
      'the accuracy curve and its text',
      [
        [steps, 'steps'],
        [CURVE_BYTES_PER_STEP, 'bytes'],
      ],
      steps,
    ),
  );
  items.push(
    productItem('--runs', 'per-run sums', [
      [runs, 'runs'],
      [4 * F64, 'bytes'],
    ]),
  );
  return estimateOf(items);
}
