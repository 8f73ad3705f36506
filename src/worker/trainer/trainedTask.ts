// The task a meta-training run trains on, as the studio can open it (the trainer's "Open in studio"):
// the first dataset, square side and class subset of the run's task axes, and a random projection only
// when every variant is projected (a run on raw and projected inputs opens on the raw ones). The split
// is left to the studio (its default, test: the held-out images).
import type { TaskAxes } from '../../meta/metaConfig';

export interface TrainedTask {
  /** Registry name, as the studio's `data` key takes it. */
  readonly dataset: string;
  /** Square side; null: the dataset's own size. */
  readonly resize: number | null;
  /** Class subset (relabelled 0..k-1); null: all classes. */
  readonly classes: readonly number[] | null;
  readonly project: boolean;
  /** Task variants beside this one (other datasets, sides, subsets): the studio opens only this one. */
  readonly otherVariants: number;
}

export function trainedTask(tasks: TaskAxes): TrainedTask {
  const variants = tasks.datasets.length * tasks.resize.length * tasks.classes.length;
  return {
    dataset: tasks.datasets[0].name,
    resize: tasks.resize[0] ?? null,
    classes: tasks.classes[0] ?? null,
    project: tasks.project.length > 0 && tasks.project.every((p) => p),
    otherVariants: variants - 1,
  };
}
