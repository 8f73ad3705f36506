// One entry point for the meta-gradient of any learned kind (the trainer's gradient method calls
// this): the kind's mean online cross-entropy over one stream from its zero state and d loss /
// d params, exact through the unroll (metaRnnGrad.ts, hebbianGrad.ts, fwMemoryGrad.ts; the shared
// checkpointed unroll is learnedUnroll.ts). Errors are values naming the field: an unknown kind,
// a spec field out of its table's range, params or a block that do not fit the shape.
import { readLearnedSpec } from '../formats/learnedLearner';
import { parseWith } from '../formats/json';
import { fail, ok, type Result } from '../result';
import { fwMemoryTrajectoryGradient } from './fwMemoryGrad';
import { asFwMemorySpec } from './fwMemorySpec';
import { hebbianTrajectoryGradient } from './hebbianGrad';
import { asHebbianSpec } from './hebbianSpec';
import { learnedKindDef } from './kinds';
import type { LearnedShape } from './learned';
import type { LearnedSpecValues } from './learnedSpec';
import { unrollInputError, type LearnedGradient, type LearnedTrajectory, type UnrollOptions } from './learnedUnroll';
import { metaRnnTrajectoryGradient } from './metaRnnGrad';
import { asMetaRnnSpec } from './metaRnnSpec';

/**
 * The loss and gradient of `kind` (e.g. 'meta-rnn') with `spec` (partial: the kind's defaults fill
 * it) on one stream `traj` of T examples. `params` in the kind's layout order, float32 or float64.
 */
export function learnedTrajectoryGradient(
  kind: string,
  shape: LearnedShape,
  spec: LearnedSpecValues,
  params: ArrayLike<number>,
  traj: LearnedTrajectory,
  opts: UnrollOptions = {},
): Result<LearnedGradient> {
  const def = learnedKindDef(kind);
  if (!def.ok) return def;
  const read = parseWith(() => readLearnedSpec(spec, def.value.specProps));
  if (!read.ok) return read;
  const full = read.value;
  const bad = unrollInputError(shape, def.value.layoutOf(shape, full).size, params, traj);
  if (bad) return { ok: false, error: bad };
  const segment = opts.segment;
  if (segment !== undefined && !(Number.isInteger(segment) && segment >= 1))
    return fail('range', 'segment', `must be an integer >= 1, got ${segment}`);
  switch (def.value.kind) {
    case 'meta-rnn':
      return ok(metaRnnTrajectoryGradient(shape, asMetaRnnSpec(full), params, traj, opts));
    case 'hebbian':
      return ok(hebbianTrajectoryGradient(shape, asHebbianSpec(full), params, traj, opts));
    case 'fw-memory':
      return ok(fwMemoryTrajectoryGradient(shape, asFwMemorySpec(full), params, traj, opts));
  }
}
