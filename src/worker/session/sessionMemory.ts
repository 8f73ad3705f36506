// What a studio session needs, counted once its data set is open and before the task, the streams
// or the engine are made: the data set as read and transformed (and a projection), every run's
// example order, the VSML state (the initial states and the engine's copy) and V_M, the baselines'
// weights, the learned learners' parameters and padded blocks, and one block of examples. (A learned
// learner's per-run state is not counted: small for the Meta RNN and FWMemory, R x its slow weights'
// size for Hebbian.) Each part names the setting that makes it large: S (runs),
// resize, project, the learner file's config.hiddenSizes, or the data set.
import type { TaskSize } from '../../data/taskSize';
import { taskItems } from '../../data/taskSize';
import { defaultBlockSteps } from '../../meta/protocol';
import type { VsmlConfig } from '../../model/config';
import {
  baselineItem,
  engineItems,
  estimateOf,
  F32,
  productItem,
  stateField,
  type MemoryEstimate,
  type MemoryItem,
} from '../../model/resources';
import type { ParsedLearned } from './learnedLines';
import type { SessionSettings } from './contract';

/** The studio's default S, above which S is named as a reason for a large state. */
const DEFAULT_STUDIO_RUNS = 8;

/** How to get under the limit in the studio (no setting raises it). */
export const STUDIO_RAISE = 'choose fewer runs (S), a smaller resize or a smaller learner';

export function sessionMemory(
  s: SessionSettings,
  config: VsmlConfig,
  size: TaskSize,
  learned: readonly ParsedLearned[] = [],
): MemoryEstimate {
  const R = s.runs;
  const A = size.inputSize;
  const K = size.numClasses;
  const items: MemoryItem[] = [...taskItems(size, { data: s.dataset, resize: 'resize', project: 'project' })];
  if (size.count !== null) {
    const orders = s.stream === 'association' ? 2 : 1;
    items.push(
      productItem('S', "the runs' example orders", [
        [R, 'runs'],
        ...(orders > 1 ? [[orders, 'orders'] as const] : []),
        [size.count, 'examples'],
        [4, 'bytes'],
      ]),
    );
  }
  const field = stateField(
    { runs: 'S', hidden: 'learner: config.hiddenSizes', data: size.resized ? 'resize' : s.dataset },
    { config, inputSize: A, numClasses: K, runs: R },
    DEFAULT_STUDIO_RUNS,
  );
  items.push(...engineItems(field, { config, inputSize: A, numClasses: K, runs: R }, 2));
  for (const name of s.baselines) items.push(baselineItem('S', name, A, K, R));
  const C = defaultBlockSteps(R, A);
  for (const l of learned) {
    items.push(
      productItem(
        'learned',
        `${l.file}: parameters`,
        [
          [l.learner.params.length, 'parameters'],
          [F32, 'bytes'],
        ],
        l.learner.params.length,
      ),
    );
    items.push(
      productItem(
        'learned',
        `${l.file}: one block padded to its inputs`,
        [
          [R, 'runs'],
          [C, 'steps'],
          [l.learner.shape.inputSize, 'inputs'],
          [F32, 'bytes'],
        ],
        R * C * l.learner.shape.inputSize,
      ),
    );
  }
  items.push(
    productItem(
      'S',
      'one block of examples',
      [
        [R, 'runs'],
        [C, 'steps'],
        [A, 'inputs'],
        [F32, 'bytes'],
      ],
      R * C * A,
    ),
  );
  return estimateOf(items);
}
