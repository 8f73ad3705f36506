// `vsml meta-train` for a learned learner without variable sharing (config.learner.kind meta-rnn,
// hebbian or fw-memory): its trainer (src/meta/learnedTrainer.ts, ES or gradients on the CPU reference, on this thread)
// and the
// init file of the same kind, shape and spec; and what metaTrain.ts's set-up of either kind of
// trainer hands the session (ReadyTrainer, Loaded, dataLine).
import { createLearnedTrainer } from '../meta/learnedTrainer';
import { learnerChoiceToJson } from '../meta/learnerChoice';
import { learnedChoice, type MetaConfig } from '../meta/metaConfig';
import { isLearnedCheckpoint, type RunCheckpoint } from '../meta/runCheckpoint';
import { parseLearnedLearner } from '../model/formats/learnedLearner';
import type { DataProvider } from '../meta/taskSet';
import { fail, formatFieldError, type FieldError, type Result } from '../model/result';
import { badInput, type Outcome } from './command';
import type { SessionQueue } from './metaTrainSession';
import { packagePath } from './configPaths';
import { readJsonFile } from './io';
import type { SessionTrainer } from './metaTrainSession';

export type Loaded<T> = { ok: true; value: T } | { ok: false; outcome: Outcome };

/** A trainer set-up error: a data file names itself; a config field gets the config's name. */
export function dataLine(e: FieldError, source: string): string {
  const ofConfig = e.code === 'memory' || e.field.startsWith('tasks') || e.field.startsWith('evaluation');
  return ofConfig ? `${source}: ${formatFieldError(e)}` : formatFieldError(e);
}

/** A trainer set up for the session: what the loop calls, how a checkpoint is restored, what to close after. */
export interface ReadyTrainer {
  readonly trainer: SessionTrainer;
  restore(cp: RunCheckpoint): Result<true>;
  close(): void | Promise<void>;
  /** A distributed run's hooks for the session (--queue). */
  readonly queue?: SessionQueue;
}

export const otherKind = (cp: RunCheckpoint): Result<true> =>
  fail('mismatch', 'config.learner.kind', `the checkpoint trains ${cp.config.learner.kind}`);

/** A learned learner's trainer (learner.kind meta-rnn, hebbian, fw-memory): ES or gradients on the CPU reference. */
export async function learnedTrainer(
  config: MetaConfig,
  checkpoint: RunCheckpoint | null,
  source: string,
  data: DataProvider,
  now?: () => number,
): Promise<Loaded<ReadyTrainer>> {
  let initialParams: Float32Array | undefined;
  if (config.init !== null) {
    if (checkpoint && isLearnedCheckpoint(checkpoint)) initialParams = checkpoint.learner.params;
    else {
      const init = await loadInitLearned(packagePath(config.init), config, source);
      if (!init.ok) return { ok: false, outcome: badInput(init.line) };
      initialParams = init.params;
    }
  }
  const created = await createLearnedTrainer(config, data, {
    ...(now ? { now } : {}),
    ...(initialParams ? { initialParams } : {}),
  });
  if (!created.ok) return { ok: false, outcome: badInput(dataLine(created.error, source)) };
  const trainer = created.value;
  return {
    ok: true,
    value: {
      trainer,
      restore: (cp) => (isLearnedCheckpoint(cp) ? trainer.restore(cp) : otherKind(cp)),
      close: () => trainer.dispose(),
    },
  };
}

/** theta of the learned learner file a config starts from: the config's kind, shape and spec. */
async function loadInitLearned(
  path: string,
  config: MetaConfig,
  source: string,
): Promise<{ ok: true; params: Float32Array } | { ok: false; line: string }> {
  const choice = learnedChoice(config.learner) as NonNullable<ReturnType<typeof learnedChoice>>;
  const raw = await readJsonFile(path);
  const learner = raw.ok ? parseLearnedLearner(raw.value, choice.kind) : raw;
  if (!learner.ok) return { ok: false, line: `${source}: init: ${path}: ${formatFieldError(learner.error)}` };
  const want = learnerChoiceToJson(choice);
  const have = learnerChoiceToJson({ kind: choice.kind, shape: learner.value.shape, spec: learner.value.spec });
  for (const key of ['shape', 'spec'] as const) {
    if (JSON.stringify(want[key]) !== JSON.stringify(have[key])) {
      return {
        ok: false,
        line: `${source}: init: the learner ${path} has ${key} ${JSON.stringify(have[key])}, the config's learner.${key} is ${JSON.stringify(want[key])}`,
      };
    }
  }
  return { ok: true, params: learner.value.params };
}
