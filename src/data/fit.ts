// Where a stream meets a learner: the learner's input size and class count must match the task's.
// (VSML itself fits any A and K; fixed-size learners, saved states and baselines do not.)
import { fail, ok, type Result } from '../model/result';
import type { Task } from './types';
import { formatShape } from './types';

export interface LearnerSize {
  /** A the learner was built for (undefined: any). */
  readonly inputSize?: number;
  /** K the learner was built for (undefined: any). */
  readonly numClasses?: number;
}

/** `field` names the learner (file name or "learner"). */
export function checkTaskFitsLearner(
  task: Pick<Task, 'name' | 'inputSize' | 'numClasses' | 'shape'>,
  learner: LearnerSize,
  field = 'learner',
): Result<true> {
  if (learner.inputSize !== undefined && learner.inputSize !== task.inputSize) {
    return fail(
      'mismatch',
      field,
      `takes ${learner.inputSize} inputs, but ${task.name} has ${task.inputSize} (${formatShape(task.shape)})`,
    );
  }
  if (learner.numClasses !== undefined && learner.numClasses !== task.numClasses) {
    return fail(
      'mismatch',
      field,
      `has ${learner.numClasses} outputs, but ${task.name} has ${task.numClasses} classes`,
    );
  }
  return ok(true);
}
