// A meta-training run's checkpoint whatever it trains: VSML's V_M (checkpoint.ts) or a learned
// learner without variable sharing (learnedCheckpoint.ts). The config's learner.kind says which;
// the CLI reads, writes and pairs the learner file through these.
import type { Result } from '../model/result';
import { serialiseLearner } from '../model/formats/learner';
import { serialiseLearnedLearner } from '../model/formats/learnedLearner';
import { parseWith, readObject } from '../model/formats/json';
import { parseCheckpoint, serialiseCheckpoint, type Checkpoint } from './checkpoint';
import { parseLearnedCheckpoint, serialiseLearnedCheckpoint, type LearnedCheckpoint } from './learnedCheckpoint';
import { parseMetaConfig } from './metaConfigParse';

export type RunCheckpoint = Checkpoint | LearnedCheckpoint;

export const isLearnedCheckpoint = (c: RunCheckpoint): c is LearnedCheckpoint => c.config.learner.kind !== 'vsml';

/** A checkpoint of either kind: the config (read first) says which parser reads the rest. */
export function parseRunCheckpoint(raw: unknown): Result<RunCheckpoint> {
  const config = parseWith(() => readObject(raw, '').config);
  const parsed = config.ok ? parseMetaConfig(config.value) : null;
  return parsed?.ok && parsed.value.learner.kind !== 'vsml' ? parseLearnedCheckpoint(raw) : parseCheckpoint(raw);
}

/** The checkpoint as text (throws, writing nothing, when a number is not finite). */
export const serialiseRunCheckpoint = (c: RunCheckpoint): string =>
  isLearnedCheckpoint(c) ? serialiseLearnedCheckpoint(c) : serialiseCheckpoint(c);

/** The learner file of a checkpoint's theta: vsml-learner, or the learned kind's format. */
export const serialiseRunLearner = (c: RunCheckpoint): string =>
  isLearnedCheckpoint(c) ? serialiseLearnedLearner(c.learner) : serialiseLearner(c.learner);
